"""Timeliness of period reports (on time, late, missing) and each user's home list: due, late, returned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from thongsuot.domain.tracking import (
    Assignment,
    AssignmentState,
    Period,
    PeriodReport,
    ReportState,
    Timeliness,
)
from thongsuot.storage import tracking as store
from thongsuot.tracking import workflow

TIMELINESS_LABELS = {
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Trễ hạn",
    Timeliness.MISSING: "Chưa nộp (quá hạn)",
    Timeliness.PENDING: "Chưa đến hạn",
}


@dataclass(frozen=True)
class UnitTimeliness:
    unit_code: str
    unit_name: str
    report_id: int | None
    state: ReportState
    timeliness: Timeliness
    submitted_on: dt.date | None
    overdue: bool


def period_timeliness(
    period: Period, unit_codes: Iterable[str], reports: Mapping[str, PeriodReport], names: Mapping[str, str],
    today: dt.date,
) -> list[UnitTimeliness]:
    """One row per assigned unit; a unit that never opened its report counts as a draft."""
    rows = []
    for code in unit_codes:
        r = reports.get(code)
        state = r.state if r else ReportState.DRAFT
        submitted = r.submitted_on if r else None
        rows.append(UnitTimeliness(
            code, names.get(code, code), r.id if r else None, state,
            workflow.report_timeliness(state, period.due, submitted, today), submitted,
            workflow.report_overdue(state, period.due, today),
        ))
    order = {Timeliness.MISSING: 0, Timeliness.LATE: 1, Timeliness.PENDING: 2, Timeliness.ON_TIME: 3}
    return sorted(rows, key=lambda x: (order[x.timeliness], x.unit_code))


def timeliness_counts(rows: Sequence[UnitTimeliness]) -> dict[Timeliness, int]:
    out = dict.fromkeys(Timeliness, 0)
    for r in rows:
        out[r.timeliness] += 1
    return out


@dataclass(frozen=True)
class HomeItem:
    kind: str  # duty | report
    plan_id: int
    plan_title: str
    unit_code: str
    label: str
    due: dt.date | None
    state: str
    overdue: bool
    returned: bool
    comment: str | None = None
    assignment_id: int | None = None
    period_id: int | None = None
    report_id: int | None = None


@dataclass(frozen=True)
class Home:
    due: tuple[HomeItem, ...]
    late: tuple[HomeItem, ...]
    returned: tuple[HomeItem, ...]
    duties: tuple[HomeItem, ...]


def home_for_unit(conn: Any, unit_code: str, today: dt.date) -> Home:
    """What a unit owes: its duties, reports due, late ones and ones returned with a comment."""
    assignments: list[Assignment] = store.list_assignments(conn, unit_codes=[unit_code])
    plans = {p["id"]: p for p in store.list_plans(conn)}
    duties: list[HomeItem] = []
    reports: list[HomeItem] = []
    for a in assignments:
        title = plans.get(a.plan_id, {}).get("title", "")
        duties.append(HomeItem(
            "duty", a.plan_id, title, unit_code, "; ".join(a.duties)[:300] or "Thực hiện kế hoạch", a.deadline,
            str(a.state), workflow.assignment_overdue(a.state, a.deadline, today),
            a.state is AssignmentState.RETURNED, a.comment, assignment_id=a.id))
        mine = {r.period_id: r for r in store.list_reports(conn, unit_codes=[unit_code])}
        for p in store.list_periods(conn, a.plan_id):
            r = mine.get(p.id) if p.id is not None else None
            state = r.state if r else ReportState.DRAFT
            if state in (ReportState.SUBMITTED, ReportState.ACCEPTED):
                continue
            reports.append(HomeItem(
                "report", a.plan_id, title, unit_code, f"Báo cáo {p.label}", p.due, str(state),
                workflow.report_overdue(state, p.due, today), state is ReportState.RETURNED,
                r.comment if r else None, period_id=p.id, report_id=r.id if r else None))
    items = duties + reports
    return Home(
        due=tuple(sorted((i for i in reports if not i.overdue and not i.returned), key=_due_key)),
        late=tuple(sorted((i for i in items if i.overdue), key=_due_key)),
        returned=tuple(i for i in items if i.returned),
        duties=tuple(duties),
    )


def _due_key(item: HomeItem) -> tuple[dt.date, int]:
    return (item.due or dt.date.max, item.plan_id)
