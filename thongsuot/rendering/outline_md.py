"""A readable Markdown outline of a parsed document, for reviewers.

Header fields, the section tree with roles, the attached outline's topics,
duties per unit, citations with their relation, recipients, signer, and the
parser's warnings — enough to check a parse against the source at a glance.
"""

from __future__ import annotations

from thongsuot.domain.document import Node, NodeKind, ParsedDocument

_MAX_TEXT = 160


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _node_lines(node: Node, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    if node.kind in (NodeKind.SECTION, NodeKind.PART):
        role = f" _({node.role.value})_" if node.role else ""
        out.append(f"{pad}- **{node.title}**{role}")
    elif node.heading:
        marker = f"{node.marker} " if node.marker else ""
        out.append(f"{pad}- {marker}{node.heading}")
    else:
        marker = f"{node.marker} " if node.marker and node.kind is NodeKind.ITEM else ""
        out.append(f"{pad}- {marker}{_short(node.text)}")
    for child in node.children:
        _node_lines(child, depth + 1, out)


def document_to_outline(doc: ParsedDocument, *, max_depth: int = 3) -> str:
    h = doc.header
    out: list[str] = []
    title = " ".join(x for x in (h.kind, h.symbol) if x) or "Văn bản"
    out.append(f"# {title}")
    out.append("")
    for label, value in (
        ("Cơ quan ban hành", h.issuer),
        ("Cơ quan cấp trên", h.parent_issuer),
        ("Ngày", h.date.isoformat() if h.date else None),
        ("Địa danh", h.place),
        ("Trích yếu", h.title),
        ("Nguồn", doc.source.name if doc.source and doc.source.name else None),
    ):
        if value:
            out.append(f"- **{label}:** {value}")
    out += ["", "## Bố cục", ""]
    for node in doc.sections:
        lines: list[str] = []
        _node_lines(node, 0, lines)
        out.extend(ln for ln in lines if (len(ln) - len(ln.lstrip(" "))) // 2 < max_depth)
    if doc.assignments:
        out += ["", "## Phân công nhiệm vụ", ""]
        for a in doc.assignments:
            out.append(f"- **{a.unit}**")
            out.extend(f"  - {_short(d.text)}" for d in a.duties)
    if doc.citations:
        out += ["", "## Văn bản được viện dẫn", ""]
        for c in doc.citations:
            date = f", ngày {c.date.strftime('%d/%m/%Y')}" if c.date else ""
            issuer = f" của {c.issuer}" if c.issuer else ""
            out.append(f"- {c.kind or ''} số {c.ref}{date}{issuer} — _{c.relation.value}_".strip())
    if doc.footnotes:
        out += ["", "## Chú thích", ""]
        out.extend(f"{f.number}. {_short(f.text)}" for f in doc.footnotes)
    if doc.recipients:
        out += ["", "## Nơi nhận", ""]
        out.extend(f"- {r.text}" for r in doc.recipients)
    if doc.signer:
        out += ["", "## Người ký", ""]
        if doc.signer.full_position:
            out.append(f"- {doc.signer.full_position}")
        if doc.signer.name:
            out.append(f"- {doc.signer.name}")
    if doc.warnings:
        out += ["", "## Cảnh báo", ""]
        out.extend(f"- `{w.code}`: {w.message}" for w in doc.warnings)
    return "\n".join(out).rstrip() + "\n"
