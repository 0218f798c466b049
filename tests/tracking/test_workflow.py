"""Every allowed and every forbidden move of the assignment and report state tables."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from thongsuot.domain.tracking import (
    AssignmentAction,
    AssignmentState,
    Capacity,
    ReportAction,
    ReportState,
    Timeliness,
)
from thongsuot.errors import Conflict, Forbidden, InputError
from thongsuot.tracking import workflow as wf

ALL_CAPS = frozenset(Capacity)

# The expected lifecycle, written independently of the code's table.
EXPECTED_ASSIGNMENT = {
    ("assigned", "start"): ("unit_reporter", "in_progress"),
    ("assigned", "report"): ("unit_reporter", "reported"),
    ("in_progress", "report"): ("unit_reporter", "reported"),
    ("reported", "accept"): ("issuer", "accepted"),
    ("reported", "return"): ("issuer", "returned"),
    ("returned", "resume"): ("unit_reporter", "in_progress"),
    ("returned", "report"): ("unit_reporter", "reported"),
}
EXPECTED_REPORT = {
    ("draft", "edit"): ("unit_reporter", "draft"),
    ("draft", "submit"): ("unit_reporter", "submitted"),
    ("submitted", "accept"): ("issuer", "accepted"),
    ("submitted", "return"): ("issuer", "returned"),
    ("returned", "edit"): ("unit_reporter", "returned"),
    ("returned", "submit"): ("unit_reporter", "submitted"),
    ("accepted", "reopen"): ("issuer", "submitted"),
    ("submitted", "recall"): ("unit_reporter", "draft"),  # only until the superior has opened it
}

A_PAIRS = list(itertools.product(AssignmentState, AssignmentAction))
R_PAIRS = list(itertools.product(ReportState, ReportAction))


@pytest.mark.parametrize(("state", "action"), A_PAIRS, ids=[f"{s}-{a}" for s, a in A_PAIRS])
def test_assignment_every_pair(state: AssignmentState, action: AssignmentAction) -> None:
    expected = EXPECTED_ASSIGNMENT.get((state.value, action.value))
    if expected is None:
        with pytest.raises(Conflict):
            wf.assignment_next(state, action, ALL_CAPS, comment="x")
        return
    capacity, nxt = expected
    assert wf.assignment_next(state, action, {Capacity(capacity)}, comment="lý do") == nxt
    for other in ALL_CAPS - {Capacity(capacity)}:
        with pytest.raises(Forbidden):
            wf.assignment_next(state, action, {other}, comment="lý do")


@pytest.mark.parametrize(("state", "action"), R_PAIRS, ids=[f"{s}-{a}" for s, a in R_PAIRS])
def test_report_every_pair(state: ReportState, action: ReportAction) -> None:
    expected = EXPECTED_REPORT.get((state.value, action.value))
    if expected is None:
        with pytest.raises(Conflict):
            wf.report_next(state, action, ALL_CAPS, comment="x")
        return
    capacity, nxt = expected
    assert wf.report_next(state, action, {Capacity(capacity)}, comment="lý do") == nxt
    for other in ALL_CAPS - {Capacity(capacity)}:
        with pytest.raises(Forbidden):
            wf.report_next(state, action, {other}, comment="lý do")


def test_nobody_edits_a_submitted_report() -> None:
    for caps in ({c} for c in Capacity):
        with pytest.raises(Conflict):
            wf.report_next(ReportState.SUBMITTED, ReportAction.EDIT, caps)


@pytest.mark.parametrize("comment", [None, "", "   "])
def test_return_needs_a_comment(comment: str | None) -> None:
    with pytest.raises(InputError):
        wf.report_next(ReportState.SUBMITTED, ReportAction.RETURN, {Capacity.ISSUER}, comment)
    with pytest.raises(InputError):
        wf.assignment_next(AssignmentState.REPORTED, AssignmentAction.RETURN, {Capacity.ISSUER}, comment)


def test_messages_are_vietnamese() -> None:
    with pytest.raises(Conflict) as err:
        wf.report_next(ReportState.ACCEPTED, ReportAction.SUBMIT, ALL_CAPS)
    assert "Không thể gửi báo cáo" in err.value.message


def test_allowed_actions_match_table() -> None:
    assert set(wf.allowed_report_actions(ReportState.SUBMITTED, {Capacity.ISSUER})) == {
        ReportAction.ACCEPT,
        ReportAction.RETURN,
    }
    assert wf.allowed_report_actions(ReportState.SUBMITTED, {Capacity.UNIT_REPORTER}) == (ReportAction.RECALL,)
    assert wf.allowed_report_actions(ReportState.SUBMITTED, {Capacity.UNIT_REPORTER}, opened=True) == ()


def test_recall_ends_when_the_superior_has_opened_the_report() -> None:
    assert wf.report_next(ReportState.SUBMITTED, ReportAction.RECALL, {Capacity.UNIT_REPORTER}) is ReportState.DRAFT
    with pytest.raises(Conflict) as err:
        wf.report_next(ReportState.SUBMITTED, ReportAction.RECALL, {Capacity.UNIT_REPORTER}, opened=True)
    assert err.value.code == "already_opened" and "Cấp trên đã mở" in err.value.message
    # Opening matters only to the recall: the superior still accepts or returns an opened report.
    assert wf.report_next(ReportState.SUBMITTED, ReportAction.ACCEPT, {Capacity.ISSUER},
                          opened=True) is ReportState.ACCEPTED


D = dt.date


@pytest.mark.parametrize(
    ("state", "deadline", "today", "overdue"),
    [
        (AssignmentState.ASSIGNED, D(2025, 6, 30), D(2025, 7, 1), True),
        (AssignmentState.ASSIGNED, D(2025, 6, 30), D(2025, 6, 30), False),
        (AssignmentState.IN_PROGRESS, D(2025, 6, 30), D(2025, 8, 1), True),
        (AssignmentState.RETURNED, D(2025, 6, 30), D(2025, 8, 1), True),
        (AssignmentState.REPORTED, D(2025, 6, 30), D(2025, 8, 1), False),
        (AssignmentState.ACCEPTED, D(2025, 6, 30), D(2025, 8, 1), False),
        (AssignmentState.ASSIGNED, None, D(2030, 1, 1), False),
    ],
)
def test_assignment_overdue(state: AssignmentState, deadline: dt.date | None, today: dt.date, overdue: bool) -> None:
    assert wf.assignment_overdue(state, deadline, today) is overdue


def test_report_timeliness() -> None:
    due = D(2025, 6, 15)
    assert wf.report_timeliness(ReportState.SUBMITTED, due, D(2025, 6, 15), D(2025, 7, 1)) is Timeliness.ON_TIME
    assert wf.report_timeliness(ReportState.ACCEPTED, due, D(2025, 6, 16), D(2025, 7, 1)) is Timeliness.LATE
    assert wf.report_timeliness(ReportState.DRAFT, due, None, D(2025, 6, 16)) is Timeliness.MISSING
    assert wf.report_timeliness(ReportState.DRAFT, due, None, D(2025, 6, 15)) is Timeliness.PENDING
    # A returned report keeps its first submission day.
    assert wf.report_timeliness(ReportState.RETURNED, due, D(2025, 6, 1), D(2025, 7, 1)) is Timeliness.ON_TIME
    assert wf.report_overdue(ReportState.RETURNED, due, D(2025, 6, 20))
    assert not wf.report_overdue(ReportState.SUBMITTED, due, D(2025, 6, 20))
