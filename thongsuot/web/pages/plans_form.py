"""The plan editor's form <-> Plan, and the list operations (move, add, remove).

Text edits arrive as one form (autosave); each item keeps the parent link it
had at the same position, so the parent's wording stays beside it. Reordering,
adding and removing go through `apply_op`, which moves items with their links.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from thongsuot.domain.plan import Paragraph, Plan, PlanAssignment, Recipient, SignatureBlock, Topic
from thongsuot.errors import InputError
from thongsuot.parsing.normalise import fold

T = TypeVar("T")
TOPIC_LISTS = ("focal", "regular", "forms")
PARAGRAPH_LISTS = ("situation", "purposes", "requirements", "timeline")


def _lines(value: str) -> list[str]:
    return [" ".join(line.split()) for line in value.splitlines() if line.strip()]


def _paragraphs(texts: list[str], old: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """New texts; the i-th keeps the i-th old paragraph's parent link."""
    return tuple(Paragraph(t, old[i].source if i < len(old) else None) for i, t in enumerate(texts))


def _recipient(line: str) -> Recipient:
    line = line.strip().lstrip("-").strip().rstrip(",.")
    if line.endswith(")") and "(" in line:
        name, purpose = line[:-1].rsplit("(", 1)
        return Recipient(name.strip(), purpose.strip() or None)
    return Recipient(line, None)


def plan_from_form(plan: Plan, form: dict[str, str]) -> Plan:
    """The plan with every field the editor shows replaced by the submitted text."""

    def get(key: str, default: str = "") -> str:
        return form.get(key, default)

    changes: dict[str, Any] = {}
    header = replace(plan.header, title=" ".join(get("title", plan.header.title).split()))
    changes["header"] = header
    changes["basis"] = Paragraph(" ".join(get("basis", plan.basis.text).split()), plan.basis.source)
    for name in PARAGRAPH_LISTS:
        if name in form:
            changes[name] = _paragraphs(_lines(form[name]), getattr(plan, name))
    for name in TOPIC_LISTS:
        topics = []
        for i, old in enumerate(getattr(plan, name)):
            heading = " ".join(get(f"{name}-{i}-heading", old.heading).split())
            points = _lines(get(f"{name}-{i}-points", "\n".join(p.text for p in old.points)))
            topics.append(Topic(heading, _paragraphs(points, old.points), old.source))
        changes[name] = tuple(topics)
    assignments = []
    for i, old_a in enumerate(plan.assignments):
        unit = " ".join(get(f"assign-{i}-unit", old_a.unit).split())
        duties = _lines(get(f"assign-{i}-duties", "\n".join(d.text for d in old_a.duties)))
        assignments.append(PlanAssignment(unit, _paragraphs(duties, old_a.duties), old_a.source))
    changes["assignments"] = tuple(assignments)
    if "recipients" in form:
        changes["recipients"] = tuple(_recipient(line) for line in _lines(form["recipients"]))
    sig = plan.signature
    changes["signature"] = SignatureBlock(
        get("sig-authority", sig.authority or "").strip() or None,
        get("sig-position", sig.position or "").strip() or None,
        get("sig-name", sig.name or "").strip() or None,
    )
    return replace(plan, **changes)


def _with(obj: T, name: str, value: Any) -> T:
    """`replace(obj, name=value)` for a field chosen at run time."""
    changes: dict[str, Any] = {name: value}
    return replace(obj, **changes)  # type: ignore[type-var]


def _move(items: tuple[Any, ...], index: int, step: int) -> tuple[Any, ...]:
    j = index + step
    if not (0 <= index < len(items)) or not (0 <= j < len(items)):
        return items
    out = list(items)
    out[index], out[j] = out[j], out[index]
    return tuple(out)


def _remove(items: tuple[Any, ...], index: int) -> tuple[Any, ...]:
    if not 0 <= index < len(items):
        raise InputError("Mục cần xóa không tồn tại.")
    return items[:index] + items[index + 1 :]


def apply_op(plan: Plan, op: str, target: str, index: int, sub: int | None = None) -> Plan:
    """`op` up|down|remove|add on a list: focal, regular, forms, assignments, recipients,
    or (with `sub`) the duties of assignment `index` / the points of a topic."""
    step = {"up": -1, "down": 1}.get(op)
    if target in TOPIC_LISTS or target == "assignments" or target == "recipients":
        items: tuple[Any, ...] = getattr(plan, target)
        if sub is not None and target != "recipients":
            return _apply_inner(plan, op, target, index, sub)
        if step is not None:
            return _with(plan, target, _move(items, index, step))
        if op == "remove":
            return _with(plan, target, _remove(items, index))
        if op == "add":
            blank: Any = {
                "assignments": PlanAssignment("Đơn vị mới", (Paragraph("Nhiệm vụ mới."),)),
                "recipients": Recipient("Nơi nhận mới"),
            }.get(target, Topic("Nội dung mới"))
            pos = min(max(index + 1, 0), len(items))
            return _with(plan, target, items[:pos] + (blank,) + items[pos:])
    raise InputError(f"Thao tác không hợp lệ: {op} {target}")


def _apply_inner(plan: Plan, op: str, target: str, index: int, sub: int) -> Plan:
    outer: tuple[Any, ...] = getattr(plan, target)
    if not 0 <= index < len(outer):
        raise InputError("Mục không tồn tại.")
    item = outer[index]
    field = "duties" if target == "assignments" else "points"
    inner: tuple[Paragraph, ...] = getattr(item, field)
    step = {"up": -1, "down": 1}.get(op)
    if step is not None:
        inner = _move(inner, sub, step)
    elif op == "remove":
        inner = _remove(inner, sub)
    elif op == "add":
        pos = min(max(sub + 1, 0), len(inner))
        inner = inner[:pos] + (Paragraph("Nội dung mới."),) + inner[pos:]
    else:
        raise InputError(f"Thao tác không hợp lệ: {op}")
    new_outer = outer[:index] + (_with(item, field, inner),) + outer[index + 1 :]
    return _with(plan, target, new_outer)


FLAG_ACTIONS = ("accept", "clear", "reopen")


def apply_flag(plan: Plan, index: int, action: str) -> Plan:
    """`accept` keeps the text as it is and marks the flag seen; `clear` removes it (the text was
    fixed); `reopen` undoes an acceptance. Issuing waits until no flag is open."""
    if action not in FLAG_ACTIONS:
        raise InputError(f"Thao tác không hợp lệ với điểm cần xem: {action}")
    if not 0 <= index < len(plan.flags):
        raise InputError("Điểm cần xem không tồn tại (trang đã cũ, hãy tải lại).")
    flags = list(plan.flags)
    if action == "clear":
        del flags[index]
    else:
        flags[index] = replace(flags[index], accepted=action == "accept")
    return replace(plan, flags=tuple(flags))


# What the editor shows beside a paragraph: how it relates to the parent's text.
LABELS = {"copied": "giữ nguyên", "adapted": "đã điều chỉnh", "new": "mới", "flagged": "cần xem"}


def review_label(plan: Plan, where: str, p: Paragraph | Topic) -> str:
    """`flagged` when an open flag of this field names its words, else `new` (no parent link),
    `copied` (the parent's words, spaces aside) or `adapted`."""
    text = p.heading if isinstance(p, Topic) else p.text
    for f in plan.open_flags:
        if f.where == where and text and (f.text in text or text in f.text):
            return "flagged"
    if p.source is None or not p.source.text:
        return "new"
    same = fold(p.source.text) == fold(text)
    return "copied" if same else "adapted"
