"""What tracking needs from a plan: its topics (outline tree) and its units with their duties.

Two sources: a parsed document from the library (an ingested plan with an
implementation section and, often, an attached ĐỀ CƯƠNG) and a drafted
`Plan` (issued by the drafting screens). Topic keys are the outline numbers
("1.2") so reporters pick what they covered from the plan's own tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from thongsuot.domain.document import Node, NodeKind, ParsedDocument, Relation, SectionRole
from thongsuot.domain.plan import Plan
from thongsuot.parsing.normalise import fold

FOCAL = "trong tam"


@dataclass(frozen=True)
class PlanIntake:
    title: str
    symbol: str | None
    issued_on: Any
    topics: tuple[dict[str, Any], ...]
    duties_by_name: tuple[tuple[str, tuple[str, ...]], ...]
    implements: tuple[str, ...] = ()  # refs of the plans it implements ("70-KH/TU"): its parent plan


def _marker_key(marker: str | None) -> str:
    return re.sub(r"[^0-9.]", "", marker or "").strip(".")


def _first_line(node: Node) -> str:
    text = (node.heading or node.text or "").strip()
    return text.split("\n", 1)[0][:200]


def _is_focal(text: str) -> bool:
    return FOCAL in fold(text, diacritics=False)


def topics_from_document(doc: ParsedDocument) -> tuple[dict[str, Any], ...]:
    """Topics from the attached outline (items 1.1, 1.2 ...), else from the content section's items."""
    out: list[dict[str, Any]] = []
    outline = [n for n in doc.sections if n.role is SectionRole.OUTLINE]
    groups: list[tuple[str, Node]] = []
    for part in outline:
        for i, group in enumerate((c for c in part.children if c.kind is NodeKind.ITEM), start=1):
            groups.append((_marker_key(group.marker) or str(i), group))
    if not groups:
        for section in doc.sections:
            if section.role in (SectionRole.CONTENT, SectionRole.CONTENT_FOCAL, SectionRole.CONTENT_REGULAR):
                for i, group in enumerate((c for c in section.children if c.kind is NodeKind.ITEM), start=1):
                    groups.append((_marker_key(group.marker) or str(i), group))
    for gkey, group in groups:
        focal = _is_focal(_first_line(group))
        kids = [c for c in group.children if c.kind in (NodeKind.ITEM, NodeKind.PARAGRAPH, NodeKind.BULLET)]
        if not kids:
            out.append({"key": gkey, "title": _first_line(group), "focal": focal})
        for j, kid in enumerate(kids, start=1):
            own = _marker_key(kid.marker) if kid.kind is NodeKind.ITEM else ""
            # OCR may damage a number ("7.5." for "1.5."): keep the group as the prefix.
            k = own if own.startswith(f"{gkey}.") else f"{gkey}.{j}"
            out.append({"key": k, "title": _first_line(kid), "focal": focal})
    seen: set[str] = set()
    unique = []
    for t in out:
        if t["key"] not in seen:
            seen.add(t["key"])
            unique.append(t)
    return tuple(unique)


def from_document(doc: ParsedDocument) -> PlanIntake:
    h = doc.header
    duties = tuple((a.unit, tuple(d.text for d in a.duties)) for a in doc.assignments)
    implements = tuple(c.ref for c in doc.citations if c.relation is Relation.IMPLEMENTS and c.ref)
    return PlanIntake(h.title or "", h.symbol, h.date, topics_from_document(doc), duties, implements)


def topics_from_plan(plan: Plan) -> tuple[dict[str, Any], ...]:
    out: list[dict[str, Any]] = []
    if plan.outline is not None and plan.outline.sections:
        for i, section in enumerate(plan.outline.sections, start=1):
            focal = _is_focal(section.heading)
            for j, topic in enumerate(section.topics, start=1):
                out.append({"key": f"{i}.{j}", "title": topic.heading[:200], "focal": focal})
        return tuple(out)
    for prefix, topics, focal in (("1", plan.focal, True), ("2", plan.regular, False)):
        for j, topic in enumerate(topics, start=1):
            out.append({"key": f"{prefix}.{j}", "title": topic.heading[:200], "focal": focal})
    return tuple(out)


def from_plan(plan: Plan) -> PlanIntake:
    h = plan.header
    duties = tuple((a.unit, tuple(d.text for d in a.duties)) for a in plan.assignments)
    implements = tuple(c.ref for c in plan.citations if c.implements and c.ref)
    return PlanIntake(h.title, h.symbol, h.date, topics_from_plan(plan), duties, implements)
