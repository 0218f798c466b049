"""What units were asked to do and what they did: assignments, activities, periods, reports.

States are enums; the allowed moves between them are the tables of
`thongsuot.tracking.workflow`. Overdue is never a state: it is computed from
the deadline and the state on a given day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class AssignmentState(StrEnum):
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    REPORTED = "reported"
    ACCEPTED = "accepted"
    RETURNED = "returned"


class AssignmentAction(StrEnum):
    START = "start"  # the unit begins work (first activity recorded)
    REPORT = "report"  # the unit says the duty is done
    ACCEPT = "accept"  # the issuing level accepts the result
    RETURN = "return"  # the issuing level sends it back with a comment
    RESUME = "resume"  # the unit takes a returned duty up again


class ReportState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"


class ReportAction(StrEnum):
    EDIT = "edit"  # change narrative / attached activities
    SUBMIT = "submit"
    ACCEPT = "accept"
    RETURN = "return"
    REOPEN = "reopen"  # the issuing level reopens an accepted report
    RECALL = "recall"  # the unit takes a submitted report back, until the superior has opened it


class Capacity(StrEnum):
    """In what capacity an actor acts on one assignment or report.

    Capacities are computed per object from the actor's roles and the tree
    (`thongsuot.tracking.rights`); the workflow tables name the capacity each
    move needs.
    """

    UNIT_REPORTER = "unit_reporter"  # reporter of the assigned unit itself
    UNIT_LEADER = "unit_leader"  # leader of the unit or of an ancestor
    ISSUER = "issuer"  # staff of the unit that issued the plan
    ADMIN = "admin"


class PeriodKind(StrEnum):
    SIX_MONTHS = "six_months"  # sơ kết 6 tháng
    YEAR = "year"  # tổng kết năm
    AD_HOC = "ad_hoc"  # đột xuất

    @property
    def label(self) -> str:
        return {"six_months": "sơ kết 6 tháng", "year": "tổng kết năm", "ad_hoc": "đột xuất"}[self.value]


class Timeliness(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # not submitted and the due date has passed
    PENDING = "pending"  # not submitted, not yet due


@dataclass(frozen=True)
class Quantity:
    """An amount with its unit from the vocabulary: 12 `tin_bai`, 300 `luot_nguoi`."""

    amount: float
    unit: str


@dataclass(frozen=True)
class Assignment:
    id: int | None
    plan_id: int
    unit_code: str
    duties: tuple[str, ...]
    state: AssignmentState = AssignmentState.ASSIGNED
    deadline: dt.date | None = None
    parent_id: int | None = None  # the parent plan's assignment this one breaks down
    comment: str | None = None  # the last return comment
    source_name: str | None = None  # the unit name as printed in the plan


@dataclass(frozen=True)
class Activity:
    id: int | None
    plan_id: int
    unit_code: str
    start: dt.date
    channel: str  # a channel code of vocab/data/channels.toml
    end: dt.date | None = None
    topics: tuple[str, ...] = ()  # outline topic keys of the plan: "1.2", "2.10"
    quantities: tuple[Quantity, ...] = ()
    title: str = ""
    link: str | None = None
    note: str | None = None
    evidence: tuple[str, ...] = ()  # stored evidence file names

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start


@dataclass(frozen=True)
class Period:
    id: int | None
    plan_id: int
    kind: PeriodKind
    label: str
    start: dt.date
    end: dt.date
    due: dt.date

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class PeriodReport:
    id: int | None
    period_id: int
    unit_code: str
    state: ReportState = ReportState.DRAFT
    results: str = ""
    limits: str = ""
    causes: str = ""
    proposals: str = ""
    submitted_on: dt.date | None = None  # first submission day (timeliness)
    comment: str | None = None
    opened_at: dt.datetime | None = None  # when the superior first opened it since its submission (ends recall)


@dataclass(frozen=True)
class RowError:
    """One fault of an uploaded sheet, located by row and column letter (A1 style)."""

    row: int
    column: str | None
    message: str  # Vietnamese, for the user

    @property
    def cell(self) -> str:
        return f"{self.column or ''}{self.row}"

    def text(self) -> str:
        where = f"Ô {self.cell}" if self.column else f"Dòng {self.row}"
        return f"{where}: {self.message}"


# --- the generated review report (báo cáo sơ kết / tổng kết) ------------------------------


@dataclass(frozen=True)
class Figure:
    """One row of a results table: a topic, a channel, a month, with its counts."""

    label: str
    activities: int
    quantities: tuple[Quantity, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class UnitFigure:
    unit: str
    activities: int
    quantities: tuple[Quantity, ...] = ()
    report_state: str = ""  # Vietnamese label
    timeliness: str = ""  # Vietnamese label
    submitted_on: dt.date | None = None


@dataclass(frozen=True)
class ReviewReport:
    """Everything the review report prints; narrative parts are left as fields to write."""

    final: bool  # tổng kết (a year, the whole plan) rather than sơ kết
    issuer_body: str  # the issuing body as printed top left
    parent_body: str | None
    issuer_code: str  # for the symbol line: -BC/TU
    plan_ref: str  # Kế hoạch số 70-KH/TU ngày 23/5/2023
    plan_title: str
    scope_name: str  # the unit whose subtree is reported
    period_label: str
    start: dt.date | None
    end: dt.date | None
    made_on: dt.date
    place: str | None
    total: Figure
    by_topic: tuple[Figure, ...]
    by_channel: tuple[Figure, ...]
    by_month: tuple[Figure, ...]
    units: tuple[UnitFigure, ...]
    late_or_missing: tuple[UnitFigure, ...]
    uncovered_topics: tuple[str, ...]
    focal_gaps: tuple[tuple[str, tuple[str, ...]], ...]  # (unit, focal topics it did not cover)
    proposals: tuple[tuple[str, str], ...]  # (unit, its proposals)
    limits: tuple[tuple[str, str], ...]  # (unit, limits and causes it reported)
    to_write: tuple[tuple[str, str], ...] = ()  # (section key, hint) narrative fields left to write
    due: dt.date | None = None  # the reports' deadline of the period the units' submissions come from
    reports_period: str = ""  # that period's label, when the figures cover the whole plan
