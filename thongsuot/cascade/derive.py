"""Derive a level's plan from the plan above: a pure function.

`derive(parent, target, kind)` takes the upper document (a `ParsedDocument`
or a `Plan` made here) and the target unit, level and date, and returns a
draft `Plan`: the basis sentence citing the parent (and the parent's own
chain), purposes, requirements and topics carried over with level words
adapted, assignments rebuilt through the role map (an upper duty with no
counterpart is listed in `Plan.unmatched`, never dropped), recipients rebuilt
and every generated paragraph linked to the parent item it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from thongsuot.cascade.adapt import Adapter, tone_norm
from thongsuot.cascade.checks import (
    NOT_HERE,
    absent_flags,
    added_flags,
    kept_flags,
    past_year_flags,
    without_self_coordination,
)
from thongsuot.cascade.clean import Cleaner, clean_parts, damage_flags, parts_texts
from thongsuot.cascade.superior import retarget, role_of_issuer, superior_body, target_from_name, upper_line
from thongsuot.cascade.upper import UpperParts, read_document, read_plan
from thongsuot.domain.document import ParsedDocument
from thongsuot.domain.level import Level
from thongsuot.domain.plan import (
    Flag,
    Layout,
    Outline,
    OutlineSection,
    Paragraph,
    ParentRef,
    Plan,
    PlanAssignment,
    PlanCitation,
    PlanHeader,
    PlanKind,
    Recipient,
    SignatureBlock,
    Target,
    Topic,
    UnmatchedDuty,
)
from thongsuot.errors import InputError
from thongsuot.parsing.normalise import fold
from thongsuot.vocab.levels import load_levels, load_roles, plan_text, plan_words


def vn_date(day: dt.date) -> str:
    """`23/5/2023`, with the leading zeros of the official formats (05/3/2020, 24/02/2023)."""
    dd = f"{day.day:02d}" if day.day < 10 else str(day.day)
    mm = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{dd}/{mm}/{day.year}"


def cite(c: PlanCitation, *, about: bool = False) -> str:
    """`Kế hoạch số 70-KH/TU, ngày 23/5/2023 của Ban Thường vụ Tỉnh ủy [về ...]`."""
    text = f"{c.kind} số {c.ref}" if c.number else c.kind
    if c.date:
        text += f", ngày {vn_date(c.date)}"
    if c.issuer:
        text += f" của {c.issuer}"
    if about and c.about:
        text += f" về {c.about[:1].lower()}{c.about[1:]}"
    return text


def guess_level(parent: UpperParts, issuer_code: str | None) -> str | None:
    """The upper document's level from its issuer code (BTGTU -> province)."""
    if issuer_code:
        code = fold(issuer_code).upper()
        for lv in sorted(load_levels().levels.values(), key=lambda lv: -len(lv.issuer_code)):
            if code.endswith(fold(lv.issuer_code).upper()):
                return lv.code
    return None


def _is_state(name: str) -> bool:
    return any(fold(name).startswith(fold(w).strip()) for w in plan_words("layout", "state_words"))


def _issuer(target: Target, kind: PlanKind, layout: Layout) -> tuple[str, str, str | None, str, list[Flag]]:
    """(issuer as the text names it, body printed top left, parent body line, issuer code, flags)."""
    lv = load_levels().level(target.level)
    parent_line, flag = upper_line(target)
    flags = [flag] if flag else []
    if layout is Layout.STATE:
        code = plan_text("layout", "state_issuer_code")
        for prefix in ("Ủy ban nhân dân", "UBND"):
            if fold(target.name).startswith(fold(prefix)):
                place = target.name[len(prefix) :].strip()
                return target.name, f"ỦY BAN NHÂN DÂN\n{place.upper()}", None, code, flags
        state_parent = f"{lv.state_body} {target.locality}" if target.locality else lv.state_body
        return target.name, target.name.upper(), state_parent.upper() if state_parent else None, code, []
    committee = retarget(lv.committee or target.name, target.level, target.unit_word)
    if kind is PlanKind.GUIDANCE:
        body = next(
            (r.body_at(target.level, target.on) for r in load_roles() if r.code == "propaganda"), None
        )
        issuer = retarget(body.name, target.level, target.unit_word) if body else f"Ban Tuyên giáo {committee}"
        short = issuer[: -len(committee)].strip() if fold(issuer).endswith(fold(committee)) else issuer
        return issuer, short.upper(), target.name.upper(), lv.guidance_issuer_code, flags
    standing = retarget(lv.word("standing") or f"Ban Thường vụ {committee}", target.level, target.unit_word)
    return standing, target.name.upper(), parent_line, lv.issuer_code, flags


def _signature(kind: PlanKind, layout: Layout, name: str | None) -> SignatureBlock:
    if layout is Layout.STATE:
        return SignatureBlock(
            plan_text("signature", "state_body"), plan_text("signature", "state_body_position"), name
        )
    if kind is PlanKind.GUIDANCE:
        return SignatureBlock(
            plan_text("signature", "party_commission"),
            plan_text("signature", "party_commission_position"),
            name,
        )
    return SignatureBlock(
        plan_text("signature", "party_standing"), plan_text("signature", "party_standing_position"), name
    )


def _basis(parts: UpperParts, issuer: str, kind: PlanKind) -> Paragraph:
    cited = [cite(c) for c in parts.chain] + [cite(parts.citation)]
    about = parts.title or parts.citation.about
    sentence = f"{plan_text('basis', 'opening')} " + " và ".join(cited)
    if about:
        sentence += f" về {about[:1].lower()}{about[1:]}"
    closing = plan_text("basis", "closing_plan" if kind is PlanKind.PLAN else "closing_guidance")
    return Paragraph(f"{sentence}, {closing.format(issuer=issuer)}", None)


def _adapt_topic(t: Topic, a: Adapter) -> Topic:
    return Topic(a.text(t.heading), tuple(Paragraph(a.text(p.text), p.source) for p in t.points), t.source)


def _adapt_all(items: list[Paragraph], a: Adapter) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(a.text(p.text), p.source) for p in items)


def _assignments(
    parts: UpperParts, a: Adapter
) -> tuple[tuple[PlanAssignment, ...], tuple[UnmatchedDuty, ...]]:
    merged: dict[str, PlanAssignment] = {}
    unmatched: list[UnmatchedDuty] = []
    for up in parts.assignments:
        m = a.unit(up.unit)
        duties = tuple(Paragraph(a.text(d.text), d.source) for d in up.duties)
        if m.targets:
            old = merged.get(m.unit)
            if old is None:
                merged[m.unit] = PlanAssignment(m.unit, duties, up.source)
            else:
                merged[m.unit] = replace(old, duties=old.duties + duties)
        for part in m.unmatched:
            unmatched.append(UnmatchedDuty(part, up.duties, up.source, f"{NOT_HERE}: không có cơ quan tương ứng"))
        if not m.targets and not m.unmatched:
            unmatched.append(UnmatchedDuty(up.unit, up.duties, up.source, "Không nhận ra cơ quan"))
    kept, aside = without_self_coordination(tuple(merged.values()))
    return kept, tuple(unmatched) + tuple(aside)


def _recipients(
    report_to: list[str], assignments: tuple[PlanAssignment, ...], layout: Layout
) -> tuple[Recipient, ...]:
    report = plan_text("recipients", "report_up")
    out: list[Recipient] = []
    seen: set[str] = set()

    def add(name: str | None, purpose: str | None) -> None:
        if name and fold(name) not in seen:
            seen.add(fold(name))
            out.append(Recipient(name, purpose))

    for name in report_to:
        add(name, report)
    for a in assignments:
        add(a.unit[:1].upper() + a.unit[1:], None)
    archive = "state_archive" if layout is Layout.STATE else None
    add(plan_text("layout", archive) if archive else plan_text("recipients", "archive"), None)
    return tuple(out)


def _report_to(parts: UpperParts, source_level: str, target: Target) -> tuple[list[str], list[Flag]]:
    """The superiors a plan reports to on its date: the body that plays the parent issuer's role at the
    level right above (it may have merged or been renamed since), then that level's standing committee."""
    names: list[str] = []
    flags: list[Flag] = []
    if source_level == target.level:  # the same level: the parent's issuer as it is named on the date
        code = role_of_issuer(parts.issuer, Level(source_level))
        same = next((r for r in load_roles() if r.code == code), None)
        body = same.body_at(Level(source_level), target.on) if same else None
        if body is not None:
            return [retarget(body.name, target.level, target.unit_word)], flags
        return [n for n in (parts.issuer, *(c.issuer for c in parts.chain)) if n], flags
    roles = [role_of_issuer(parts.issuer, Level(source_level)) or "standing", "standing"]
    for code in dict.fromkeys(roles):
        name, flag = superior_body(code, target)
        if name:
            names.append(name)
            flags += [flag] if flag else []
    if not names and parts.issuer:
        names.append(parts.issuer)
    return names, flags


def _plan_text(texts: list[str]) -> str:
    return " ".join(" ".join(texts).split())


def _cited_in(c: PlanCitation, text: str) -> bool:
    """Whether the written plan still cites `c` (a mention only in a footnote is not carried)."""
    if not c.number or not c.symbol:
        return False
    if c.printed and fold(c.printed) in fold(text):
        return True
    sep = r"\s*/\s*" if "/" in c.symbol and c.symbol.split("/", 1)[0].isdigit() else r"\s*[-–]\s*"
    symbol = r"\s*".join(re.escape(ch) for ch in c.symbol.replace(" ", ""))
    return re.search(rf"(?<!\d){re.escape(c.number)}{sep}{symbol}", text, re.IGNORECASE) is not None


def _as_cited(c: PlanCitation, text: str) -> PlanCitation:
    """A mention as the plan's own text gives it: where the text never prints its date (the parent's
    outline did, and the outline is only referred to), the plan does not claim its date or issuer."""
    if c.date is None or not c.number:
        return c
    day = rf"0?{c.date.day}\s*[/-]\s*0?{c.date.month}\s*[/-]\s*{c.date.year}"
    if re.search(rf"(?<!\d){re.escape(c.number)}\s*[-–/][^;]{{0,40}}?{day}", text):
        return c
    return replace(c, date=None, issuer=None)


def derive(
    parent: ParsedDocument | Plan,
    target: Target,
    kind: PlanKind = PlanKind.PLAN,
    *,
    parent_level: str | None = None,
    date: dt.date | None = None,
    number: str | None = None,
    signer: str | None = None,
    layout: Layout | None = None,
    vocabulary: tuple[str, ...] = (),
    include_outline: bool = False,
) -> Plan:
    """The draft plan of `target` implementing `parent` (see the module docstring); `vocabulary`:
    more texts of the library whose words count as written (the parent's own always do).

    The parent's attached outline (ĐỀ CƯƠNG) is referred to (`Plan.outline_ref`), not re-issued,
    unless `include_outline`: then it is adapted into `Plan.outline` (`select_outline` keeps the
    topics an editor picks)."""
    code: str | None
    if isinstance(parent, Plan):
        parts = read_plan(parent)
        code = parent.header.issuer_code
        parent_level = parent_level or (parent.target.level if parent.target else None)
    else:
        parts = read_document(parent)
        code = parent.header.issuer_code
    cleaner = Cleaner.for_texts(parts_texts(parts) + list(vocabulary))
    parts = clean_parts(parts, cleaner)
    source_level = (
        parent_level or guess_level(parts, code) or load_levels().level_above(target.level, target.on)
    )
    if source_level is None:
        raise InputError("Không xác định được cấp của văn bản cấp trên.")
    layout = layout or (Layout.STATE if _is_state(target.name) else Layout.PARTY)
    a = Adapter(source_level, target.level, target.on, locality=target.locality, congress=target.congress,
                protected=parts.protected, unit_word=target.unit_word)  # fmt: skip
    issuer, body, parent_line, issuer_code, flags = _issuer(target, kind, layout)
    report_to, report_flags = _report_to(parts, source_level, target)
    flags += report_flags
    title = a.text(parts.title) if parts.title else ""
    header = PlanHeader(
        kind=kind,
        issuer=issuer,
        header_body=body,
        parent_body=parent_line,
        issuer_code=issuer_code,
        title=title[:1].upper() + title[1:],
        place=target.locality,
        date=date or target.on,
        number=number,
        layout=layout,
    )
    assignments, unmatched = _assignments(parts, a)
    situation, purposes = _adapt_all(parts.situation, a), _adapt_all(parts.purposes, a)
    requirements = _adapt_all(parts.requirements, a)
    focal = tuple(_adapt_topic(t, a) for t in parts.focal)
    regular = tuple(_adapt_topic(t, a) for t in parts.regular)
    forms = tuple(_adapt_topic(t, a) for t in parts.forms)
    timeline = list(_adapt_all(parts.timeline, a))
    if report_to and not any("báo cáo" in fold(p.text) for p in timeline):
        line = plan_text("reporting", "default").format(issuer=issuer, parent_issuer=report_to[0])
        timeline.append(Paragraph(line, None))
    outline, outline_ref = None, None
    if parts.outline is not None and not include_outline:
        # the parent's outline is referred to, not re-issued as the unit's own attachment
        outline_ref = plan_text("outline", "refer").format(parent=cite(parts.citation))
    elif parts.outline is not None:
        outline = Outline(
            tone_norm(a.text(parts.outline.title)).upper(),
            tuple(
                OutlineSection(a.text(s.heading), tuple(_adapt_topic(t, a) for t in s.topics), s.source)
                for s in parts.outline.sections
            ),
            parts.outline.source,
        )
    citations = (parts.chain + (parts.citation,)) if parts.citation.number else parts.chain
    written = _plan_text(
        [p.text for p in situation + purposes + requirements + tuple(timeline)]
        + [x for t in focal + regular + forms for x in (t.heading, *(p.text for p in t.points))]
        + [d.text for a in assignments for d in a.duties]
        + ([x for s in outline.sections for t in s.topics for x in (t.heading, *(p.text for p in t.points))]
           if outline else [])
    )  # fmt: skip
    mentions = tuple(_as_cited(c, written) for c in parts.mentions if _cited_in(c, written))
    plan = Plan(
        header=header,
        basis=_basis(parts, issuer, kind),
        situation=situation,
        purposes=purposes,
        requirements=requirements,
        focal=focal,
        regular=regular,
        forms=forms,
        assignments=assignments,
        unmatched=unmatched,
        timeline=tuple(timeline),
        recipients=_recipients(report_to, assignments, layout),
        signature=_signature(kind, layout, signer),
        outline=outline,
        citations=tuple(replace(c, implements=True) for c in citations) + mentions,
        parent=ParentRef(parts.citation, parts.title, parts.chain),
        target=target,
        outline_ref=outline_ref,
    )
    flags += kept_flags(plan, a.kept) + absent_flags(plan, target) + damage_flags(plan, cleaner)
    flags += added_flags(plan, a.added) + past_year_flags(plan)
    return replace(plan, flags=tuple(flags))


def outline_topics(outline: Outline) -> list[tuple[str, str]]:
    """(key, heading) of every topic of an outline; the key `s.t` is what `select_outline` takes."""
    return [(f"{i}.{j}", t.heading) for i, s in enumerate(outline.sections) for j, t in enumerate(s.topics)]


def select_outline(outline: Outline, keys: set[str]) -> Outline | None:
    """The outline with only the topics whose `s.t` key is in `keys` (None when none is kept)."""
    sections = []
    for i, s in enumerate(outline.sections):
        topics = tuple(t for j, t in enumerate(s.topics) if f"{i}.{j}" in keys)
        if topics:
            sections.append(replace(s, topics=topics))
    return replace(outline, sections=tuple(sections)) if sections else None


def empty_plan(target: Target, kind: PlanKind = PlanKind.PLAN, *, layout: Layout | None = None) -> Plan:
    """A blank plan of the right shape for `target`, to be written by hand."""
    layout = layout or (Layout.STATE if _is_state(target.name) else Layout.PARTY)
    issuer, body, parent_line, code, flags = _issuer(target, kind, layout)
    header = PlanHeader(kind, issuer, body, parent_line, code, "", target.locality, target.on, None, layout)
    signature = _signature(kind, layout, None)
    return Plan(header=header, basis=Paragraph(""), signature=signature, target=target, flags=tuple(flags))


def import_document(doc: ParsedDocument, *, level: str | None = None, on: dt.date | None = None) -> Plan:
    """A parsed document taken as a plan of its own issuer ("Nhập từ văn bản").

    The text is kept at its own level (no level words change); the header,
    basis, recipients and signer are the document's own.
    """
    h = doc.header
    day = on or h.date or dt.date.today()
    issuer = h.issuer or "Cơ quan ban hành"
    parts = read_document(doc)
    own_level = level or guess_level(parts, h.issuer_code)
    if own_level is None:
        raise InputError("Không xác định được cấp của văn bản; hãy chọn cấp.")
    kind = PlanKind.GUIDANCE if (h.type_code or "").upper() == "HD" else PlanKind.PLAN
    target = Target(name=issuer, level=own_level, on=day, locality=h.place)
    layout = Layout.STATE if h.layout == "state" else Layout.PARTY
    base = derive(doc, target, kind, parent_level=own_level, date=h.date, number=h.number, layout=layout,
                  include_outline=True)  # fmt: skip
    implements = [c for c in base.citations if c.implements]
    opening = next((n for n in doc.sections if n.role is None and n.text), None)
    header = replace(
        base.header,
        issuer=issuer,
        header_body=issuer.upper(),
        parent_body=h.parent_issuer.upper() if h.parent_issuer else None,
        issuer_code=h.issuer_code or base.header.issuer_code,
        title=h.title or "",
        place=h.place,
        date=h.date,
    )
    chain = tuple(c for c in implements if (c.number, c.symbol) != (h.number, parts.citation.symbol))
    signer = doc.signer
    return replace(
        base,
        header=header,
        basis=Paragraph(opening.text, None) if opening else Paragraph(""),
        recipients=tuple(Recipient(r.name, r.purpose) for r in doc.recipients),
        signature=SignatureBlock(signer.authority, signer.position, signer.name)
        if signer
        else base.signature,
        citations=chain + tuple(c for c in base.citations if not c.implements),
        parent=ParentRef(chain[0], chain[0].about, chain[1:]) if chain else None,
        timeline=tuple(p for p in base.timeline if p.source is not None),
    )


__all__ = ["derive", "empty_plan", "outline_topics", "select_outline", "import_document", "target_from_name", "vn_date", "cite"]
