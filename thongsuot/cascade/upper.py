"""Read the parts of an upper document (parsed, or a plan made here) for deriving.

Both sources give the same `UpperParts`: paragraphs and topics with a `Source`
link to where they stand in the upper document, so the derived plan can show
the parent's wording beside each generated paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thongsuot.domain.document import Citation, Node, NodeKind, ParsedDocument, Relation, SectionRole
from thongsuot.domain.plan import (
    Outline,
    OutlineSection,
    Paragraph,
    Plan,
    PlanCitation,
    Source,
    Topic,
)
from thongsuot.parsing.normalise import fold
from thongsuot.vocab.levels import plan_words


@dataclass(frozen=True)
class UpperAssignment:
    unit: str
    duties: tuple[Paragraph, ...]
    source: Source | None


@dataclass
class UpperParts:
    citation: PlanCitation
    title: str | None
    issuer: str | None
    chain: tuple[PlanCitation, ...] = ()
    situation: list[Paragraph] = field(default_factory=list)
    purposes: list[Paragraph] = field(default_factory=list)
    requirements: list[Paragraph] = field(default_factory=list)
    focal: list[Topic] = field(default_factory=list)
    regular: list[Topic] = field(default_factory=list)
    forms: list[Topic] = field(default_factory=list)
    assignments: list[UpperAssignment] = field(default_factory=list)
    timeline: list[Paragraph] = field(default_factory=list)
    outline: Outline | None = None
    mentions: tuple[PlanCitation, ...] = ()
    protected: tuple[str, ...] = ()  # the parent's citation texts, as printed: never adapted


KIND_NAMES = {"KẾ HOẠCH": "Kế hoạch", "HƯỚNG DẪN": "Hướng dẫn"}


def _kind_name(kind: str | None) -> str:
    if not kind:
        return "Văn bản"
    return KIND_NAMES.get(kind.upper(), kind[:1].upper() + kind[1:].lower())


def plan_citation(c: Citation) -> PlanCitation:
    return PlanCitation(
        kind=c.kind or "Văn bản",
        number=c.number,
        symbol=c.symbol,
        date=c.date,
        issuer=c.issuer,
        implements=c.relation is Relation.IMPLEMENTS,
        printed=_printed_ref(c.text),
    )


def _printed_ref(text: str) -> str | None:
    """`Quy định số 60-ỌĐ/TW` from the citing text: up to the end of the symbol."""
    m = re.search(r"\d+\s*[-–/]\s*[^\s,;.)]+", text or "")
    return " ".join(m.group(0).split()) if m else None


def line(node: Node) -> str:
    """The node's own words: heading and text (without the marker)."""
    return " ".join(x.strip() for x in (node.heading, node.text) if x and x.strip())


def _path(prefix: str, node: Node, index: int | None = None) -> str:
    """`II.1`, `IV.3`, or `I ¶2` for the second unnumbered paragraph or bullet of I."""
    mark = (node.marker or "").strip().rstrip(".-)")
    if mark:
        return f"{prefix}.{mark}" if prefix else mark
    return f"{prefix} ¶{index + 1}" if index is not None else (prefix or "¶")


def _source(path: str, node: Node) -> Source:
    return Source(path=path, text=line(node), start=node.span.start, end=node.span.end)


def _paragraphs(node: Node, path: str) -> list[Paragraph]:
    """Every descendant with words of its own, in reading order, as a paragraph."""
    out: list[Paragraph] = []
    for i, child in enumerate(node.children):
        cpath = _path(path, child, i)
        if line(child):
            out.append(Paragraph(line(child), _source(cpath, child)))
        out.extend(_paragraphs(child, cpath))
    return out


def _topic(node: Node, path: str) -> Topic:
    return Topic(heading=line(node), points=tuple(_paragraphs(node, path)), source=_source(path, node))


def _topics(node: Node, path: str) -> list[Topic]:
    """The topics under a content/forms node: one per child; the node itself when it has none."""
    if not node.children:
        return [_topic(node, path)] if node.text else []
    out = []
    for i, child in enumerate(node.children):
        cpath = _path(path, child, i)
        out.append(_topic(child, cpath))
    return out


def _has_word(node: Node, key: str) -> bool:
    head = fold(node.heading or line(node)[:80])
    return any(fold(w) in head for w in plan_words("parts", key))


def _role(node: Node) -> SectionRole | None:
    if node.role is not None:
        return node.role
    if _has_word(node, "focal_words"):
        return SectionRole.CONTENT_FOCAL
    if _has_word(node, "regular_words"):
        return SectionRole.CONTENT_REGULAR
    return None


def _read_purpose(parts: UpperParts, node: Node, path: str) -> None:
    split = [c for c in node.children if c.kind is NodeKind.ITEM and c.heading]
    if split and any(_has_word(c, "requirement_words") or _has_word(c, "purpose_words") for c in split):
        for child in node.children:
            cpath = _path(path, child)
            target = parts.requirements if _has_word(child, "requirement_words") else parts.purposes
            if child.text:
                target.append(Paragraph(child.text, _source(cpath, child)))
            target.extend(_paragraphs(child, cpath))
    else:
        parts.purposes.extend(_paragraphs(node, path))


def _read_content(parts: UpperParts, node: Node, path: str) -> None:
    role = _role(node)
    if role is SectionRole.CONTENT_FOCAL:
        parts.focal.extend(_topics(node, path))
        return
    if role is SectionRole.CONTENT_REGULAR:
        parts.regular.extend(_topics(node, path))
        return
    for i, child in enumerate(node.children):
        cpath = _path(path, child, i)
        sub = _role(child)
        if sub is SectionRole.CONTENT_REGULAR:
            parts.regular.extend(_topics(child, cpath))
        elif sub is SectionRole.CONTENT_FOCAL or child.children:
            parts.focal.extend(_topics(child, cpath))
        elif line(child):
            parts.focal.append(_topic(child, cpath))


def _read_outline(node: Node) -> Outline:
    sections: list[OutlineSection] = []
    loose: list[Topic] = []
    for i, child in enumerate(node.children):
        cpath = _path("ĐỀ CƯƠNG", child) if child.marker else f"ĐỀ CƯƠNG ¶{i + 1}"
        if child.kind is NodeKind.ITEM and any(c.kind is NodeKind.ITEM for c in child.children):
            topics = tuple(_topic(c, _path(cpath, c)) for c in child.children if c.kind is NodeKind.ITEM)
            sections.append(OutlineSection(line(child), topics, _source(cpath, child)))
        elif line(child) and not fold(line(child)).startswith("(ban hanh kem theo"):
            loose.append(_topic(child, cpath))
    if loose:
        sections.insert(0, OutlineSection("", tuple(loose)))
    return Outline(
        title=node.heading or "ĐỀ CƯƠNG", sections=tuple(sections), source=_source("ĐỀ CƯƠNG", node)
    )


def _is_timeline(text: str) -> bool:
    key = fold(text)
    return any(fold(w) in key for w in plan_words("parts", "timeline_words"))


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def read_document(doc: ParsedDocument) -> UpperParts:
    h = doc.header
    symbol = h.symbol.split("-", 1)[1] if h.symbol and "-" in h.symbol else h.symbol
    parts = UpperParts(
        citation=PlanCitation(
            kind=_kind_name(h.kind),
            number=h.number,
            symbol=symbol if h.number else None,
            date=h.date,
            issuer=h.issuer,
            implements=True,
            about=h.title,
        ),
        title=h.title,
        issuer=h.issuer,
    )
    own = (h.number, symbol)
    parts.chain = tuple(
        plan_citation(c)
        for c in doc.citations
        if c.relation is Relation.IMPLEMENTS and (c.number, c.symbol) != own
    )
    carried: list[tuple[int, int]] = []
    for i, section in enumerate(doc.sections):
        path = (section.marker or "").rstrip(".-)") or f"§{i + 1}"
        role = section.role
        if role is SectionRole.SITUATION:
            parts.situation.extend(_paragraphs(section, path))
        elif role is SectionRole.PURPOSE:
            _read_purpose(parts, section, path)
        elif role in (SectionRole.CONTENT, SectionRole.CONTENT_FOCAL, SectionRole.CONTENT_REGULAR):
            _read_content(parts, section, path)
        elif role is SectionRole.FORMS:
            parts.forms.extend(_topics(section, path))
        elif role is SectionRole.OUTLINE or section.kind is NodeKind.PART:
            parts.outline = _read_outline(section)
        elif role in (SectionRole.IMPLEMENTATION, SectionRole.TIMELINE):
            units = [(a.span.start, a.span.end) for a in doc.assignments]
            for p in _paragraphs(section, path):
                src = p.source
                inside = src is not None and src.start is not None and _within(units, src.start, src.end or 0)
                if not inside and _is_timeline(p.text):
                    parts.timeline.append(p)
        else:
            continue
        carried.append((section.span.start, section.span.end))
    for a in doc.assignments:
        src = Source(
            path=f"{_impl_path(doc)}.{(a.marker or '').rstrip('.-)')}".rstrip("."),
            text=a.unit,
            start=a.span.start,
            end=a.span.end,
        )
        duties = tuple(
            Paragraph(d.text, Source(f"{src.path} - {j + 1}", d.text, d.span.start, d.span.end))
            for j, d in enumerate(a.duties)
        )
        parts.assignments.append(UpperAssignment(a.unit, duties, src))
        carried.append((a.span.start, a.span.end))
    chain_keys = {(c.number, c.symbol) for c in parts.chain} | {own}
    mentions: list[PlanCitation] = []
    for c in doc.citations:
        if (c.number, c.symbol) in chain_keys or c.relation is Relation.ATTACHED_TO:
            continue
        spans = (c.span, *c.mentions)
        if any(_within(carried, s.start, s.end) for s in spans):
            mentions.append(plan_citation(c))
    parts.mentions = tuple(mentions)
    parts.protected = tuple(
        dict.fromkeys(
            " ".join(doc.text[s.start : s.end].split())
            for c in doc.citations
            for s in (c.span, *c.mentions)
            if s.end - s.start > 6
        )
    )
    return parts


def _impl_path(doc: ParsedDocument) -> str:
    for section in doc.sections:
        if section.role is SectionRole.IMPLEMENTATION:
            return (section.marker or "").rstrip(".-)") or "TCTH"
    return "TCTH"


def read_plan(plan: Plan) -> UpperParts:
    """A plan made here, read as an upper document (its own paragraphs become sources)."""
    h = plan.header

    def para(p: Paragraph, path: str) -> Paragraph:
        return Paragraph(p.text, Source(path, p.text))

    def topic(t: Topic, path: str) -> Topic:
        points = tuple(para(p, f"{path} - {j + 1}") for j, p in enumerate(t.points))
        return Topic(t.heading, points, Source(path, t.heading))

    symbol = h.symbol.split("-", 1)[1] if h.symbol and "-" in h.symbol else h.symbol
    parts = UpperParts(
        citation=PlanCitation(h.type_word.capitalize(), h.number, symbol, h.date, h.issuer, True, h.title),
        title=h.title,
        issuer=h.issuer,
        chain=tuple(c for c in plan.citations if c.implements),
    )
    parts.situation = [para(p, f"TH ¶{i + 1}") for i, p in enumerate(plan.situation)]
    parts.purposes = [para(p, f"MĐ ¶{i + 1}") for i, p in enumerate(plan.purposes)]
    parts.requirements = [para(p, f"YC ¶{i + 1}") for i, p in enumerate(plan.requirements)]
    parts.focal = [topic(t, f"ND.1.{i + 1}") for i, t in enumerate(plan.focal)]
    parts.regular = [topic(t, f"ND.2.{i + 1}") for i, t in enumerate(plan.regular)]
    parts.forms = [topic(t, f"HT.{i + 1}") for i, t in enumerate(plan.forms)]
    parts.timeline = [para(p, f"TG ¶{i + 1}") for i, p in enumerate(plan.timeline)]
    for i, a in enumerate(plan.assignments):
        duties = tuple(para(d, f"TCTH.{i + 1} - {j + 1}") for j, d in enumerate(a.duties))
        parts.assignments.append(UpperAssignment(a.unit, duties, Source(f"TCTH.{i + 1}", a.unit)))
    if plan.outline is not None:
        parts.outline = Outline(
            plan.outline.title,
            tuple(
                OutlineSection(
                    s.heading, tuple(topic(t, f"ĐỀ CƯƠNG {i + 1}.{j + 1}") for j, t in enumerate(s.topics))
                )
                for i, s in enumerate(plan.outline.sections)
            ),
        )
    parts.mentions = tuple(c for c in plan.citations if not c.implements)
    return parts
