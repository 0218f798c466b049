"""Explicit state tables for assignments and period reports.

Each table maps (state, action) to (capacity needed, next state). A move not
in the table is a conflict (the object is not in a state that allows it); a
move in the table by an actor without the capacity is forbidden. Overdue is
computed from deadlines on a given day, never stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from thongsuot.domain.tracking import (
    AssignmentAction,
    AssignmentState,
    Capacity,
    ReportAction,
    ReportState,
    Timeliness,
)
from thongsuot.errors import Conflict, Forbidden, InputError


@dataclass(frozen=True)
class Move:
    capacity: Capacity
    next_state: str


A, AA = AssignmentState, AssignmentAction
R, RA = ReportState, ReportAction
REPORTER, ISSUER = Capacity.UNIT_REPORTER, Capacity.ISSUER

ASSIGNMENT_TABLE: Mapping[tuple[AssignmentState, AssignmentAction], Move] = {
    (A.ASSIGNED, AA.START): Move(REPORTER, A.IN_PROGRESS),
    (A.ASSIGNED, AA.REPORT): Move(REPORTER, A.REPORTED),
    (A.IN_PROGRESS, AA.REPORT): Move(REPORTER, A.REPORTED),
    (A.REPORTED, AA.ACCEPT): Move(ISSUER, A.ACCEPTED),
    (A.REPORTED, AA.RETURN): Move(ISSUER, A.RETURNED),
    (A.RETURNED, AA.RESUME): Move(REPORTER, A.IN_PROGRESS),
    (A.RETURNED, AA.REPORT): Move(REPORTER, A.REPORTED),
}

REPORT_TABLE: Mapping[tuple[ReportState, ReportAction], Move] = {
    (R.DRAFT, RA.EDIT): Move(REPORTER, R.DRAFT),
    (R.DRAFT, RA.SUBMIT): Move(REPORTER, R.SUBMITTED),
    (R.SUBMITTED, RA.ACCEPT): Move(ISSUER, R.ACCEPTED),
    (R.SUBMITTED, RA.RETURN): Move(ISSUER, R.RETURNED),
    (R.RETURNED, RA.EDIT): Move(REPORTER, R.RETURNED),
    (R.RETURNED, RA.SUBMIT): Move(REPORTER, R.SUBMITTED),
    (R.ACCEPTED, RA.REOPEN): Move(ISSUER, R.SUBMITTED),
    (R.SUBMITTED, RA.RECALL): Move(REPORTER, R.DRAFT),
}

# Moves allowed only while the superior has not opened the submitted report: once it has been read,
# taking it back would change what the superior already saw.
UNTIL_OPENED = frozenset({RA.RECALL.value})

# Moves that must carry a comment for the unit.
NEEDS_COMMENT = frozenset({AA.RETURN.value, RA.RETURN.value})

STATE_LABELS: Mapping[str, str] = {
    A.ASSIGNED: "Đã giao",
    A.IN_PROGRESS: "Đang thực hiện",
    A.REPORTED: "Đã báo cáo",
    A.ACCEPTED: "Đã chấp nhận",
    A.RETURNED: "Bị trả lại",
    R.DRAFT: "Bản nháp",
    R.SUBMITTED: "Đã gửi",
}

ACTION_LABELS: Mapping[str, str] = {
    AA.START: "bắt đầu thực hiện",
    AA.REPORT: "báo cáo hoàn thành",
    AA.ACCEPT: "chấp nhận",
    AA.RETURN: "trả lại",
    AA.RESUME: "tiếp tục thực hiện",
    RA.EDIT: "sửa",
    RA.SUBMIT: "gửi",
    RA.REOPEN: "mở lại",
    RA.RECALL: "rút lại",
}

CAPACITY_LABELS: Mapping[Capacity, str] = {
    Capacity.UNIT_REPORTER: "người báo cáo của chính đơn vị",
    Capacity.UNIT_LEADER: "lãnh đạo đơn vị",
    Capacity.ISSUER: "cơ quan ban hành kế hoạch",
    Capacity.ADMIN: "quản trị",
}


def _apply(
    table: Mapping[tuple[str, str], Move],
    what: str,
    state: str,
    action: str,
    capacities: Collection[Capacity],
    comment: str | None,
    opened: bool = False,
) -> str:
    move = table.get((state, action))
    if move is None:
        raise Conflict(
            f"Không thể {ACTION_LABELS.get(action, action)} {what} đang ở trạng thái "
            f"“{STATE_LABELS.get(state, state)}”.",
            detail={"state": str(state), "action": str(action)},
            code="invalid_transition",
        )
    if move.capacity not in capacities:
        raise Forbidden(
            f"Chỉ {CAPACITY_LABELS[move.capacity]} mới được {ACTION_LABELS.get(action, action)} {what}.",
            detail={"needs": move.capacity.value},
        )
    if action in UNTIL_OPENED and opened:
        raise Conflict(f"Cấp trên đã mở {what}, không thể {ACTION_LABELS.get(action, action)} nữa.",
                       detail={"state": str(state), "action": str(action), "opened": True},
                       code="already_opened")
    if action in NEEDS_COMMENT and not (comment and comment.strip()):
        raise InputError(f"Cần ghi ý kiến khi trả lại {what}.", detail={"field": "comment"})
    return move.next_state


def assignment_next(
    state: AssignmentState,
    action: AssignmentAction,
    capacities: Collection[Capacity],
    comment: str | None = None,
) -> AssignmentState:
    """The state an assignment moves to, or Conflict / Forbidden / InputError."""
    table: Mapping[tuple[str, str], Move] = ASSIGNMENT_TABLE  # type: ignore[assignment]
    return AssignmentState(_apply(table, "nhiệm vụ", state, action, capacities, comment))


def report_next(
    state: ReportState,
    action: ReportAction,
    capacities: Collection[Capacity],
    comment: str | None = None,
    opened: bool = False,
) -> ReportState:
    """The state a period report moves to, or Conflict / Forbidden / InputError (`opened`: the superior read it)."""
    table: Mapping[tuple[str, str], Move] = REPORT_TABLE  # type: ignore[assignment]
    return ReportState(_apply(table, "báo cáo", state, action, capacities, comment, opened))


def allowed_assignment_actions(
    state: AssignmentState, capacities: Collection[Capacity]
) -> tuple[AssignmentAction, ...]:
    """The buttons to show: every move from `state` the actor may make."""
    return tuple(a for (s, a), m in ASSIGNMENT_TABLE.items() if s == state and m.capacity in capacities)


def allowed_report_actions(state: ReportState, capacities: Collection[Capacity],
                           opened: bool = False) -> tuple[ReportAction, ...]:
    return tuple(a for (s, a), m in REPORT_TABLE.items()
                 if s == state and m.capacity in capacities and not (opened and a in UNTIL_OPENED))


OPEN_ASSIGNMENT_STATES = frozenset({A.ASSIGNED, A.IN_PROGRESS, A.RETURNED})


def assignment_overdue(state: AssignmentState, deadline: dt.date | None, today: dt.date) -> bool:
    """Past its deadline and the unit has not reported it done."""
    return deadline is not None and today > deadline and state in OPEN_ASSIGNMENT_STATES


def report_timeliness(
    state: ReportState, due: dt.date, submitted_on: dt.date | None, today: dt.date
) -> Timeliness:
    """On time / late from the first submission day; missing / pending when never submitted."""
    if submitted_on is None or state is ReportState.DRAFT:
        return Timeliness.MISSING if today > due else Timeliness.PENDING
    return Timeliness.ON_TIME if submitted_on <= due else Timeliness.LATE


def report_overdue(state: ReportState, due: dt.date, today: dt.date) -> bool:
    """Due date passed and the unit still owes the report (draft or returned)."""
    return today > due and state in (ReportState.DRAFT, ReportState.RETURNED)
