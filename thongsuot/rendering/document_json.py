"""ParsedDocument <-> the contract JSON (schema/parsed-document.md) plus the full structure.

The required contract fields come first (kind, symbol, date, issuer, title,
references, sections, units, recipients, signer); the extra fields carry
everything else (relations, links, the section tree with spans, assignments,
recipients with purpose, footnotes, warnings, source) so the storage layer can
keep the whole dict and `document_from_dict` can rebuild the document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from thongsuot.domain.document import (
    Assignment,
    Citation,
    CitationLink,
    Duty,
    Footnote,
    Header,
    Node,
    NodeKind,
    ParsedDocument,
    ParseWarning,
    Recipient,
    Relation,
    SectionRole,
    Signer,
    SourceText,
    Span,
)
from thongsuot.parsing.confidence import needs_check
from thongsuot.parsing.normalise import fold

FORMAT_VERSION = 1


def _span(s: Span | None) -> list[int] | None:
    return [s.start, s.end] if s is not None else None


def _unspan(v: Any) -> Span | None:
    return Span(int(v[0]), int(v[1])) if v else None


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _undate(v: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(v) if v else None
    except (TypeError, ValueError):
        return None


def distinct_units(doc: ParsedDocument) -> list[str]:
    """Unit names, each body once (tone placement and case ignored), in order."""
    seen: dict[str, str] = {}
    for a in doc.assignments:
        seen.setdefault(fold(a.unit), a.unit)
    return list(seen.values())


def node_to_dict(n: Node) -> dict[str, Any]:
    return {
        "kind": n.kind.value,
        "role": n.role.value if n.role else None,
        "marker": n.marker,
        "heading": n.heading,
        "title": n.title if n.heading else None,
        "text": n.text,
        "span": _span(n.span),
        "heading_span": _span(n.heading_span),
        "children": [node_to_dict(c) for c in n.children],
    }


def node_from_dict(d: dict[str, Any]) -> Node:
    return Node(
        kind=NodeKind(d["kind"]),
        span=_unspan(d.get("span")) or Span(0, 0),
        marker=d.get("marker"),
        heading=d.get("heading"),
        text=d.get("text") or "",
        heading_span=_unspan(d.get("heading_span")),
        role=SectionRole(d["role"]) if d.get("role") else None,
        children=tuple(node_from_dict(c) for c in d.get("children") or ()),
    )


def _citation(c: Citation) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "number": c.number,
        "symbol": c.symbol,
        "date": _date(c.date),
        "issuer": c.issuer,
        "relation": c.relation.value,
        "ref": c.ref,
        "type_code": c.type_code,
        "issuer_code": c.issuer_code,
        "text": c.text,
        "span": _span(c.span),
        "mentions": [_span(m) for m in c.mentions],
        "confidence": c.confidence,
    }


def _uncitation(d: dict[str, Any]) -> Citation:
    return Citation(
        kind=d.get("kind"),
        number=d.get("number"),
        symbol=d.get("symbol"),
        date=_undate(d.get("date")),
        issuer=d.get("issuer"),
        relation=Relation(d.get("relation") or Relation.MENTIONS.value),
        span=_unspan(d.get("span")) or Span(0, 0),
        text=d.get("text") or "",
        type_code=d.get("type_code"),
        issuer_code=d.get("issuer_code"),
        mentions=tuple(s for s in (_unspan(m) for m in d.get("mentions") or ()) if s),
        confidence=float(d.get("confidence", 1.0)),
    )


def document_to_contract(doc: ParsedDocument) -> dict[str, Any]:
    """The contract dict: required fields first, then the full structure."""
    h = doc.header
    sections = [n.title for n in doc.sections if n.kind in (NodeKind.SECTION, NodeKind.PART)]
    signer = None
    if doc.signer is not None:
        signer = {
            "name": doc.signer.name,
            "position": doc.signer.full_position,
            "authority": doc.signer.authority,
            "title": doc.signer.position,
            "span": _span(doc.signer.span),
        }
    return {
        "kind": h.kind,
        "symbol": h.symbol,
        "date": _date(h.date),
        "issuer": h.issuer,
        "title": h.title,
        "references": [_citation(c) for c in doc.citations],
        "sections": sections,
        "units": distinct_units(doc),
        "recipients": [r.text for r in doc.recipients],
        "signer": signer,
        # extra structure
        "format_version": FORMAT_VERSION,
        "source": {"name": doc.source.name, "format": doc.source.format} if doc.source else None,
        "header": {
            "number": h.number,
            "type_code": h.type_code,
            "issuer_code": h.issuer_code,
            "place": h.place,
            "parent_issuer": h.parent_issuer,
            "layout": h.layout,
            "spans": {k: _span(v) for k, v in h.spans.items()},
            "confidence": dict(h.confidence),
        },
        "needs_check": needs_check(doc),
        "links": [
            {"source": link.source, "target": link.target, "relation": link.relation.value}
            for link in doc.links
        ],
        "tree": [node_to_dict(n) for n in doc.sections],
        "assignments": [
            {
                "unit": a.unit,
                "marker": a.marker,
                "span": _span(a.span),
                "duties": [
                    {"text": d.text, "span": _span(d.span), "confidence": d.confidence} for d in a.duties
                ],
            }
            for a in doc.assignments
        ],
        "recipient_details": [
            {"text": r.text, "name": r.name, "purpose": r.purpose, "span": _span(r.span)}
            for r in doc.recipients
        ],
        "footnotes": [
            {"number": f.number, "text": f.text, "span": _span(f.span), "anchor_span": _span(f.anchor_span)}
            for f in doc.footnotes
        ],
        "warnings": [
            {"code": w.code, "message": w.message, "span": _span(w.span), "params": dict(w.params)}
            for w in doc.warnings
        ],
    }


def document_from_dict(d: dict[str, Any], text: str = "") -> ParsedDocument:
    """Rebuild a ParsedDocument from `document_to_contract` output (plus the original text)."""
    extra = d.get("header") or {}
    header = Header(
        kind=d.get("kind"),
        symbol=d.get("symbol"),
        number=extra.get("number"),
        type_code=extra.get("type_code"),
        issuer_code=extra.get("issuer_code"),
        date=_undate(d.get("date")),
        place=extra.get("place"),
        issuer=d.get("issuer"),
        parent_issuer=extra.get("parent_issuer"),
        title=d.get("title"),
        layout=extra.get("layout"),
        spans={k: s for k, s in ((k, _unspan(v)) for k, v in (extra.get("spans") or {}).items()) if s},
        confidence={str(k): float(v) for k, v in (extra.get("confidence") or {}).items()},
    )
    signer = None
    if d.get("signer"):
        s = d["signer"]
        authority, title = s.get("authority"), s.get("title")
        if authority is None and title is None and s.get("position"):
            title = s["position"]
        signer = Signer(name=s.get("name"), authority=authority, position=title, span=_unspan(s.get("span")))
    recipients = tuple(
        Recipient(
            text=r["text"],
            name=r.get("name") or r["text"],
            purpose=r.get("purpose"),
            span=_unspan(r.get("span")) or Span(0, 0),
        )
        for r in d.get("recipient_details") or ({"text": t} for t in d.get("recipients") or ())
    )
    source_info = d.get("source")
    source = (
        SourceText(text=text, format=source_info.get("format", "txt"), name=source_info.get("name", ""))
        if source_info
        else None
    )
    return ParsedDocument(
        text=text,
        header=header,
        sections=tuple(node_from_dict(n) for n in d.get("tree") or ()),
        citations=tuple(_uncitation(c) for c in d.get("references") or ()),
        links=tuple(
            CitationLink(
                source=link["source"],
                target=link["target"],
                relation=Relation(link.get("relation", "implements")),
            )
            for link in d.get("links") or ()
        ),
        assignments=tuple(
            Assignment(
                unit=a["unit"],
                span=_unspan(a.get("span")) or Span(0, 0),
                duties=tuple(
                    Duty(x["text"], _unspan(x.get("span")) or Span(0, 0), float(x.get("confidence", 1.0)))
                    for x in a.get("duties") or ()
                ),
                marker=a.get("marker"),
            )
            for a in d.get("assignments") or ()
        ),
        recipients=recipients,
        signer=signer,
        footnotes=tuple(
            Footnote(
                number=f["number"],
                text=f["text"],
                span=_unspan(f.get("span")) or Span(0, 0),
                anchor_span=_unspan(f.get("anchor_span")),
            )
            for f in d.get("footnotes") or ()
        ),
        warnings=tuple(
            ParseWarning(w["code"], w["message"], _unspan(w.get("span")), dict(w.get("params") or {}))
            for w in d.get("warnings") or ()
        ),
        source=source,
    )
