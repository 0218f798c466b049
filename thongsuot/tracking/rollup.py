"""The dashboard of a plan (or of a unit's subtree) for a period: totals, coverage, timeliness.

Rights: the issuing level sees every unit assigned under its plan; a leader
sees its own subtree; nobody else sees the figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from thongsuot.domain.tracking import Capacity, Period
from thongsuot.errors import Forbidden
from thongsuot.storage import tracking as store
from thongsuot.storage.tracking_queries import Scope, Total, coverage, grand_total, totals, unit_names
from thongsuot.tracking import coverage as cov
from thongsuot.tracking import rights
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.timeliness import UnitTimeliness, period_timeliness
from thongsuot.vocab.tracking_data import channel_vocab


@dataclass(frozen=True)
class Dashboard:
    plan: dict[str, Any]
    root: str
    root_name: str
    period: Period | None
    start: dt.date | None
    end: dt.date | None
    grand: Total
    by_channel: list[Total]
    by_topic: list[Total]
    by_month: list[Total]
    by_unit: list[Total]
    names: dict[str, str]
    coverage: cov.CoverageMatrix
    timeliness: list[UnitTimeliness]

    def channel_name(self, code: str) -> str:
        c = channel_vocab().channel(code)
        return c.name if c else code

    def topic_title(self, key: str) -> str:
        return next((t.title for t in self.coverage.topics if t.key == key), key)


def dashboard(engine: Any, actor: Actor, plan_id: int, root: str | None = None, period_id: int | None = None,
              today: dt.date | None = None, start: dt.date | None = None, end: dt.date | None = None) -> Dashboard:
    today = today or dt.date.today()
    with engine.connect() as conn:
        plan = store.get_plan(conn, plan_id)
        root = root or plan["issuer_unit"]
        index = store.unit_details_of(conn)
        caps = rights.capacities(actor, root, store.ancestor_codes(conn, root), plan["issuer_unit"], index)
        if not caps & {Capacity.ISSUER, Capacity.UNIT_LEADER, Capacity.ADMIN}:
            raise Forbidden("Bạn không có quyền xem số liệu của đơn vị này.")
        period = store.get_period(conn, period_id) if period_id is not None else None
        if period is not None:
            start, end = period.start, period.end
        scope = Scope(root, plan_id, start, end)
        subtree = set(store.subtree_codes(conn, root))
        assigned = [a for a in store.list_assignments(conn, plan_id=plan_id) if a.unit_code in subtree]
        by = {d: totals(conn, scope, d) for d in ("channel", "topic", "month", "unit")}
        unit_codes = [a.unit_code for a in assigned]
        names = unit_names(conn, sorted({*unit_codes, *(t.key for t in by["unit"]), root}))
        matrix = cov.build(cov.topics_of(plan), [(c, names.get(c, c)) for c in unit_codes],
                           coverage(conn, plan_id, unit_codes, start, end))
        rows: list[UnitTimeliness] = []
        if period is not None:
            reports = {r.unit_code: r for r in store.list_reports(conn, period_id=period.id)}
            rows = period_timeliness(period, unit_codes, reports, names, today)
        grand = grand_total(conn, scope)
    return Dashboard(plan, root, names.get(root, root), period, start, end, grand, by["channel"], by["topic"],
                     sorted(by["month"], key=lambda t: t.key), by["unit"], names, matrix, rows)
