"""The document page's body: section tree with roles, citations underlined and linked.

Pure helpers over the parsed document (domain objects) and the storage's
citation records: text is sliced from the untouched original by the spans the
parser gives, escaped, and every citation span becomes a link to the cited
document (in the library) or to its placeholder page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from thongsuot.domain.document import Citation, Node, NodeKind, ParsedDocument, SectionRole, Span

ROLE_LABELS = {
    SectionRole.SITUATION: "Tình hình",
    SectionRole.PURPOSE: "Mục đích, yêu cầu",
    SectionRole.CONTENT: "Nội dung",
    SectionRole.CONTENT_FOCAL: "Nội dung trọng tâm",
    SectionRole.CONTENT_REGULAR: "Nội dung thường xuyên",
    SectionRole.FORMS: "Hình thức",
    SectionRole.IMPLEMENTATION: "Tổ chức thực hiện",
    SectionRole.TIMELINE: "Thời gian, tiến độ",
    SectionRole.OUTLINE: "Đề cương",
    SectionRole.OTHER: "Khác",
}
RELATION_LABELS = {"implements": "căn cứ / thực hiện", "attached_to": "ban hành kèm theo", "mentions": "nhắc đến"}


@dataclass(frozen=True)
class CiteLink:
    span: Span
    href: str
    in_library: bool
    title: str


def _norm(value: str | None) -> str:
    return re.sub(r"\s+", "", (value or "")).upper()


def _ref_key(number: str | None, symbol: str | None) -> str:
    """`70-KH/TU` whether the symbol is stored with its number or without."""
    n, s = _norm(number), _norm(symbol)
    if not s:
        return n
    if n and (s.startswith(n + "-") or s.startswith(n + "/")):
        return s
    return f"{n}-{s}" if n else s


def cite_links(parsed: ParsedDocument, stored: Iterable[Any]) -> list[CiteLink]:
    """Links for every citation span, matched to the stored citations' nodes by citing text, else by ref (+ date)."""
    by_text: dict[str, Any] = {}
    by_full: dict[tuple[str, Any], Any] = {}
    by_ref: dict[str, Any] = {}
    for c in stored:
        if c.node is None or getattr(c, "is_link", False):
            continue
        if c.text:
            by_text.setdefault(_norm(c.text), c.node)
        by_full.setdefault((_ref_key(c.number, c.symbol), c.date), c.node)
        by_ref.setdefault(_ref_key(c.number, c.symbol), c.node)
    links: list[CiteLink] = []
    for cit in parsed.citations:
        key = _ref_key(cit.number, cit.symbol)
        node = by_text.get(_norm(cit.text)) or by_full.get((key, cit.date)) or by_ref.get(key)
        if node is None:
            continue
        href = f"/documents/{node.document_id}" if node.document_id else f"/nodes/{node.id}"
        title = _cite_title(cit, node.in_library)
        for span in (cit.span, *cit.mentions):
            links.append(CiteLink(span, href, node.in_library, title))
    links.sort(key=lambda link: (link.span.start, -link.span.end))
    return links


def _cite_title(cit: Citation, in_library: bool) -> str:
    where = "có trong thư viện" if in_library else "chưa có trong thư viện"
    return f"{cit.kind or 'Văn bản'} {cit.ref} — {where}"


def _flow(text: str) -> str:
    """Join wrapped lines of a paragraph (PDF/OCR line breaks) but keep blank-line breaks."""
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\s*\n\s*\n\s*", "\n\n", text)
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text).strip()


def linked_text(original: str, start: int, end: int, links: list[CiteLink]) -> Markup:
    """original[start:end] escaped, with citation spans inside it turned into links."""
    parts: list[str] = []
    pos = start
    for link in links:
        s, e = link.span.start, link.span.end
        if s < pos or e > end or s >= end:
            continue
        parts.append(str(escape(_flow_keep_edges(original[pos:s]))))
        css = "cite" if link.in_library else "cite placeholder"
        parts.append(
            f'<a class="{css}" href="{escape(link.href)}" title="{escape(link.title)}">'
            f"{escape(_flow_keep_edges(original[s:e]))}</a>"
        )
        pos = e
    parts.append(str(escape(_flow_keep_edges(original[pos:end]))))
    return Markup("".join(parts).strip())


def _flow_keep_edges(text: str) -> str:
    """Like `_flow` but keeps one leading/trailing space so pieces join correctly."""
    if not text:
        return ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    core = _flow(text)
    return f"{lead}{core}{trail}" if core else (" " if lead or trail else "")


def node_body(doc: ParsedDocument, node: Node, links: list[CiteLink]) -> Markup:
    """The node's own text: after its heading, before its first child."""
    start = node.heading_span.end if node.heading_span else node.span.start
    end = node.children[0].span.start if node.children else node.span.end
    if end <= start:
        return Markup("")
    return linked_text(doc.text, start, end, links)


def is_foldable(node: Node) -> bool:
    """Sections, parts and numbered items fold; bullets and paragraphs are plain text."""
    return node.kind in (NodeKind.PART, NodeKind.SECTION, NodeKind.ITEM) or bool(node.children)


def role_label(node: Node) -> str | None:
    return ROLE_LABELS.get(node.role) if node.role else None


def duty_rows(doc: ParsedDocument) -> list[dict[str, Any]]:
    return [
        {"unit": a.unit, "marker": a.marker, "duties": [d.text for d in a.duties]}
        for a in doc.assignments
    ]
