"""What a derived plan must never say, found and flagged (issue 11's falsehoods).

Drafting runs these over its own output: a duty that makes a body coordinate
with itself is taken out, a duty that gives work to a body or level the unit
does not have on its date is flagged, a sentence kept as written (it spoke of
the upper level's own acts) is flagged. `violations` lists what remains wrong
in any plan; tests assert it is empty for every sample, level and date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from thongsuot.cascade.superior import retarget
from thongsuot.domain.level import Level
from thongsuot.domain.plan import Flag, FlagKind, Paragraph, Plan, PlanAssignment, Target, UnmatchedDuty
from thongsuot.parsing.normalise import fold
from thongsuot.vocab.levels import level_of_code, load_levels, load_roles, plan_text
from thongsuot.vocab.org_history import load_history

NOT_HERE = "Không áp dụng ở cấp này"
_WITH = r"(?:phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?|cung\s+cấp\s+thông\s+tin\s+cho|báo\s+cáo(?:\s+kịp\s+thời)?\s+về)"


def _names_itself(unit: str, text: str) -> bool:
    """`Phối hợp với <unit>` / `cung cấp thông tin cho <unit>` inside the unit's own duty."""
    return re.search(rf"(?i:{_WITH})[^.;]{{0,40}}?{re.escape(fold(unit))}", fold(text)) is not None


def without_self_coordination(
    assignments: tuple[PlanAssignment, ...],
) -> tuple[tuple[PlanAssignment, ...], list[UnmatchedDuty]]:
    """Duties that would make a body work with itself (two upper bodies merged into it) are set aside."""
    kept: list[PlanAssignment] = []
    aside: list[UnmatchedDuty] = []
    for a in assignments:
        own = [d for d in a.duties if not _names_itself(a.unit, d.text)]
        gone = tuple(d for d in a.duties if _names_itself(a.unit, d.text))
        if gone:
            reason = f"{NOT_HERE}: {a.unit} không phối hợp với chính mình (hai cơ quan cấp trên cùng ứng với một cơ quan)"
            aside.append(UnmatchedDuty(a.unit, gone, a.source, reason))
        kept.append(replace(a, duties=tuple(own)))
    return tuple(kept), aside


def _absent_words(target: Target) -> list[tuple[str, str]]:
    """(phrase, why) naming bodies or levels the target does not have on its date."""
    levels = load_levels()
    preset = levels.preset_on(target.on)
    own = Level(target.level)
    out = [(w, "cấp này không có cơ quan này") for w in levels.level(own).lacks]
    for lv in Level:
        if lv in (Level.CENTRAL, Level.GRASSROOTS) or lv.depth >= own.depth and preset.level(lv) is not None:
            continue  # levels below the target exist and may be directed ("các chi bộ")
        words = load_history().words_of(lv, target.on) or (levels.level(lv).word("locality") or "",)
        why = "không còn cấp này vào ngày của kế hoạch" if preset.level(lv) is None else "không phải cấp dưới"
        out.extend((f"các {w}", why) for w in words if w and lv.depth > Level.PROVINCE.depth)
    return out


def absent_flags(plan: Plan, target: Target) -> list[Flag]:
    """Duties and points that give work to bodies the unit lacks or levels it does not direct."""
    flags: list[Flag] = []
    phrases = _absent_words(target)

    def check(where: str, text: str) -> None:
        key = fold(text)
        for phrase, why in phrases:
            if re.search(rf"(?<!\w){re.escape(fold(phrase))}(?!\w)", key):
                note = f"Nhắc “{phrase}”: {why}. Sửa hoặc bỏ câu này."
                flags.append(Flag(FlagKind.ABSENT_BODY, where, text, note))
                return

    for i, a in enumerate(plan.assignments):
        for d in a.duties:
            check(f"assignments-{i}", d.text)
    for name in ("focal", "regular", "forms"):
        for i, t in enumerate(getattr(plan, name)):
            for p in (Paragraph(t.heading), *t.points):
                check(f"{name}-{i}", p.text)
    return flags


def plan_places(plan: Plan) -> list[tuple[str, str]]:
    """(where, text) for every paragraph of the plan, `where` naming the editor's field: `title`,
    `basis`, `purposes-2`, `focal-0` (a topic's heading and points), `assignments-1`, `outline`."""
    out = [("title", plan.header.title), ("basis", plan.basis.text)]
    for name in ("situation", "purposes", "requirements", "timeline"):
        out += [(f"{name}-{i}", p.text) for i, p in enumerate(getattr(plan, name))]
    for name in ("focal", "regular", "forms"):
        for i, t in enumerate(getattr(plan, name)):
            out += [(f"{name}-{i}", x) for x in (t.heading, *(p.text for p in t.points))]
    for i, a in enumerate(plan.assignments):
        out += [(f"assignments-{i}", d.text) for d in a.duties]
    if plan.outline is not None:
        topics = [t for s in plan.outline.sections for t in s.topics]
        out += [("outline", x) for t in topics for x in (t.heading, *(p.text for p in t.points))]
    return [(w, t) for w, t in out if t]


def kept_flags(plan: Plan, sentences: list[str]) -> list[Flag]:
    """A flag on the paragraph holding each sentence kept as written (`where` names its field)."""
    note = "Câu nói về văn bản, cơ quan của cấp trên: giữ nguyên như văn bản cấp trên, cần xem lại."
    places = plan_places(plan)
    flags = []
    for s in dict.fromkeys(sentences):
        where = next((w for w, text in places if s.strip() and s.strip() in text), "text")
        flags.append(Flag(FlagKind.KEPT_AS_WRITTEN, where, s, note))
    return flags


def added_flags(plan: Plan, added: list[str]) -> list[Flag]:
    """A flag on each paragraph holding a text of the unit's own the adaptation added (its congress
    resolution beside the upper one): the draft must not cite a document the unit does not have."""
    places = plan_places(plan)
    flags = []
    for text in dict.fromkeys(added):
        note = plan_text("flags", "added").format(text=text)
        for where in dict.fromkeys(w for w, para in places if text in para):
            flags.append(Flag(FlagKind.ADDED, where, text, note))
    return flags


# A year the text dates itself by: "năm 2023" (not the year of a "ngày .. tháng .. năm" date) or a range's end.
_YEAR_WORD = re.compile(r"(?i:năm)\s+((?:19|20)\d\d)(?!\d)")
_RANGE_END = re.compile(r"(?<![\d/])(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
_DATE_BEFORE = re.compile(r"(?i:tháng)\s*\d{1,2}\s*,?\s*$")


def own_years(text: str) -> set[int]:
    years = {int(m.group(1)) for m in _YEAR_WORD.finditer(text) if not _DATE_BEFORE.search(text[: m.start()])}
    return years | {int(m.group(1)) for m in _RANGE_END.finditer(text)}


def past_year_flags(plan: Plan) -> list[Flag]:
    """The title or a timeline line that names only years before the plan's own year ("năm 2023" kept from a
    2023 parent in a 2025 draft) states a false period: flagged, never rewritten (the year may be meant)."""
    year = plan.header.date.year if plan.header.date else None
    if year is None:
        return []
    flags = []
    places = [("title", plan.header.title)] + [(f"timeline-{i}", p.text) for i, p in enumerate(plan.timeline)]
    for where, text in places:
        years = sorted(own_years(text or ""))
        if years and max(years) < year:
            note = plan_text("flags", "past_year").format(years=", ".join(map(str, years)), year=year)
            flags.append(Flag(FlagKind.PAST_YEAR, where, text, note))
    return flags


def violations(plan: Plan) -> list[str]:
    """What a reviewer would reject, in plain words (empty for a plan an officer can sign)."""
    out: list[str] = []
    target = plan.target
    if target is None:
        return out
    for a in plan.assignments:
        out += [f"tự phối hợp: {a.unit}: {d.text[:80]}" for d in a.duties if _names_itself(a.unit, d.text)]
    line = (plan.header.parent_body or "").strip()
    bare = {fold(load_history().organisation(w, None)[:-1].strip()) for ws in load_history().unit_words.values() for w in ws}
    if line and fold(line) in bare:
        out.append(f"dòng cơ quan cấp trên trơ: {line}")
    if "…" in line and not any(f.where == "header" for f in plan.flags):
        out.append(f"chỗ trống chưa đánh dấu: {line}")
    out += _absent_bodies(plan, target)
    out += _reattributed(plan, target)
    return out


_CITED = re.compile(r"(?:số\s*)?\d*\s*[-–]\s*[^\W\d_]{1,6}\s*/\s*([^\s,;.)]{1,10})[^;.()]{0,40}?\s+của\s+([^;,.()]{3,80})")


def plan_texts(plan: Plan) -> list[str]:
    """Every text of the plan written from the parent's words."""
    texts = [p.text for p in plan.situation + plan.purposes + plan.requirements + plan.timeline]
    topics = list(plan.focal + plan.regular + plan.forms)
    if plan.outline:
        topics += [t for s in plan.outline.sections for t in s.topics]
    for t in topics:
        texts += [t.heading, *(p.text for p in t.points)]
    for a in plan.assignments:
        texts += [d.text for d in a.duties]
    return texts


def _reattributed(plan: Plan, target: Target) -> list[str]:
    """A directive of another level said to be the drafting unit's ("Chương trình số 24-CTr/TU ... của Đảng ủy xã")."""
    own_level = load_levels().level(target.level)
    words = [own_level.committee, own_level.party_org, own_level.word("standing")]
    own = [fold(retarget(w, target.level, target.unit_word)) for w in words if w]
    out = []
    for text in plan_texts(plan):
        for m in _CITED.finditer(text):
            level = level_of_code(m.group(1))
            if level is None or level.value == target.level:
                continue
            issuer = fold(m.group(2))
            if any(w and w in issuer for w in own):
                out.append(f"văn bản cấp trên gán cho đơn vị soạn: {m.group(0)[:120]}")
    return out


def _absent_bodies(plan: Plan, target: Target) -> list[str]:
    """Bodies named in the header, recipients, reporting line or as assignees that do not exist on the date."""
    out: list[str] = []
    bodies = [b for role in load_roles() for b in role.bodies]
    valid = {fold(n) for b in bodies if b.is_valid_on(target.on) for n in b.names}
    gone = [n for b in bodies if not b.is_valid_on(target.on) for n in b.names if "*" not in n and fold(n) not in valid]
    history = load_history()
    for p in history.provinces:
        if not p.is_valid_on(target.on):
            gone += [p.full_name, history.committee(p.kind, p.name), history.organisation(p.kind, p.name)]
    places = [plan.header.parent_body or "", plan.header.header_body] + [r.name for r in plan.recipients]
    places += [a.unit for a in plan.assignments]
    places += [p.text for p in plan.timeline if p.source is None]
    for text in places:
        key = fold(text)
        for name in gone:
            if re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", key):
                out.append(f"cơ quan không còn vào {target.on:%d/%m/%Y}: {name} (trong “{text[:80]}”)")
                break
    lacks = load_levels().level(target.level).lacks
    for a in plan.assignments:
        if any(fold(w) in fold(a.unit) for w in lacks):
            out.append(f"giao việc cho cơ quan cấp này không có: {a.unit}")
    return out
