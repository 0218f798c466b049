"""Response models of tracking: a unit's home, a plan's units, a unit's page, a period report, the dashboard.

The domain dataclasses (`Assignment`, `Activity`, `Period`, `Home`) are
fields as they are: Pydantic reads their declared fields, so the
schema follows the domain without a second list of keys. `PeriodReport`
holds a naive UTC timestamp, hence its mirror `PeriodReportOut`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from thongsuot.domain.tracking import Activity, Assignment, Period, ReportState
from thongsuot.tracking.coverage import Topic
from thongsuot.tracking.timeliness import Home
from thongsuot.web.schemas import Out, UtcDateTime


class PeriodReportOut(Out):
    """`domain.tracking.PeriodReport` as the API writes it: the same fields, `opened_at` with its zone
    (tests/web/test_api_models.py checks the two keep the same fields)."""

    id: int | None
    period_id: int
    unit_code: str
    state: ReportState
    results: str
    limits: str
    causes: str
    proposals: str
    submitted_on: dt.date | None
    comment: str | None
    opened_at: UtcDateTime | None


class Labels(Out):
    """Vietnamese names of the codes the answers use (states, actions, channels, units of measure, timeliness)."""

    states: dict[str, str]
    actions: dict[str, str]
    channels: dict[str, str]
    qty_units: dict[str, str]
    timeliness: dict[str, str]


class TrackedPlan(Out):
    id: int
    title: str
    symbol: str | None
    issuer_unit: str
    issued_on: dt.date | None
    source_kind: str
    source_id: int | None
    parent_plan_id: int | None
    topics: list[dict[str, Any]]  # [{"key", "title", "focal"}]
    created_at: UtcDateTime


class HomeOut(Out):
    home: Home
    issued: list[TrackedPlan]  # plans the user's unit issued (all of them for an admin)
    late_by_plan: dict[int, int]
    today: dt.date
    unit_name: str
    labels: Labels


class RowReport(Out):
    period: Period
    state: str
    overdue: bool
    timeliness: str


class PlanRow(Out):
    a: Assignment
    unit_name: str
    overdue: bool
    actions: list[str]
    reports: list[RowReport]


class PlanOut(Out):
    plan: TrackedPlan
    issuer_name: str
    rows: list[PlanRow]
    board_root: str | None
    periods: list[Period]
    is_issuer: bool
    topics: list[Topic]
    labels: Labels
    today: dt.date


class PeriodWithReport(Out):
    period: Period
    report: PeriodReportOut | None


class UnitPlanOut(Out):
    plan: TrackedPlan
    unit_code: str
    unit_name: str
    assignment: Assignment | None
    activities: list[Activity]
    evidence: dict[int, list[tuple[int, str]]]  # activity id -> [(evidence id, file name)]
    topics: list[Topic]
    can_write: bool
    actions: list[str]
    overdue: bool
    periods: list[PeriodWithReport]
    labels: Labels
    today: dt.date


class CommentOut(Out):
    id: int
    target: str
    target_id: int
    action: str
    author: str
    text: str
    at: UtcDateTime


class ReportOut(Out):
    issuer_name: str
    report: PeriodReportOut
    period: Period
    plan: TrackedPlan
    unit_code: str
    unit_name: str
    activities: list[Activity]
    comments: list[CommentOut]
    can_edit: bool
    actions: list[str]
    timeliness: str
    overdue: bool
    labels: Labels
    today: dt.date


class Total(Out):
    activities: int
    quantities: str  # "3 tin bài; 2 pa-nô"


class Coverage(Out):
    topics: list[tuple[str, str, bool]]  # (key, title, focal)
    units: list[tuple[str, str, list[int]]]  # (code, name, activities per topic)
    uncovered: list[str]


class DashboardOut(Out):
    """The dashboard's tables; rows are arrays in the column order of the page."""

    grand: Total
    by_channel: list[tuple[str, int, str]]  # (channel, activities, quantities)
    by_topic: list[tuple[str, int, str]]  # (topic, activities, quantities)
    by_month: list[tuple[str, int]]  # (MM/YYYY, activities)
    by_unit: list[tuple[str, str, int, str]]  # (unit name, code, activities, quantities)
    coverage: Coverage
    timeliness: list[tuple[str, str, str, str, dt.date | None]]  # (unit, code, label, code, submitted on)


class Created(Out):
    id: int


class Moved(Out):
    id: int
    state: str
