"""Roll-up queries over the closure table: totals by channel, topic, month and child unit; coverage.

Every query is one GROUP BY over `activities` joined to `unit_closure` on the
scope's root, so a subtree of any size costs one indexed join, on SQLite and
PostgreSQL alike. Activity counts and quantity sums are separate queries (a
quantity join would multiply counts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, func, not_, select

from thongsuot.storage import tracking_rollup
from thongsuot.storage.accounts import units
from thongsuot.storage.tracking import activities, activity_quantities, activity_topics, unit_closure

DIMENSIONS = ("channel", "topic", "month", "unit")


@dataclass(frozen=True)
class Scope:
    """Which activities a roll-up counts: those of `root`'s subtree, of a plan, within dates."""

    root: str
    plan_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    skip: tuple[dt.date, dt.date] | None = None  # days counted elsewhere (whole months read from the roll-up)


@dataclass
class Total:
    key: str
    activities: int = 0
    quantities: dict[str, float] = field(default_factory=dict)


def _months(start: dt.date | None, end: dt.date | None) -> tuple[int | None, int | None] | None:
    """The month range when the dates fall on month bounds (the roll-up can answer), else None."""
    if start is not None and start.day != 1:
        return None
    if end is not None and (end + dt.timedelta(days=1)).day != 1:
        return None
    return (start.year * 100 + start.month if start else None, end.year * 100 + end.month if end else None)


def _split(start: dt.date | None, end: dt.date | None) -> tuple[list[tuple[dt.date | None, dt.date | None]],
                                                               tuple[dt.date, dt.date] | None]:
    """Edge stretches (read raw) and the whole months between them (read from the roll-up)."""
    if start is None or end is None or (start.year, start.month) == (end.year, end.month) or end < start:
        return [(start, end)], None
    first_full = start if start.day == 1 else _next_month(start)
    last_full = end if (end + dt.timedelta(days=1)).day == 1 else end.replace(day=1) - dt.timedelta(days=1)
    if first_full > last_full:
        return [(start, end)], None
    edges: list[tuple[dt.date | None, dt.date | None]] = []
    if start < first_full:
        edges.append((start, first_full - dt.timedelta(days=1)))
    if last_full < end:
        edges.append((last_full + dt.timedelta(days=1), end))
    return edges, (first_full, last_full)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _merge(parts: Sequence[Sequence[Total]]) -> list[Total]:
    out: dict[str, Total] = {}
    for part in parts:
        for t in part:
            acc = out.setdefault(t.key, Total(t.key))
            acc.activities += t.activities
            for unit, amount in t.quantities.items():
                acc.quantities[unit] = acc.quantities.get(unit, 0.0) + amount
    return sorted(out.values(), key=lambda t: (-t.activities, t.key))


def _from_rollup(rows: list[tuple[str, int, dict[str, float]]]) -> list[Total]:
    return sorted((Total(k, n, q) for k, n, q in rows), key=lambda t: (-t.activities, t.key))


def _filtered(query: Select[Any], scope: Scope) -> Select[Any]:
    a = activities
    if scope.plan_id is not None:
        query = query.where(a.c.plan_id == scope.plan_id)
    if scope.start is not None:
        query = query.where(a.c.start_date >= scope.start)
    if scope.end is not None:
        query = query.where(a.c.start_date <= scope.end)
    if scope.skip is not None:  # tested on the index entries: no table lookups for the skipped days
        query = query.where(not_(a.c.start_date.between(*scope.skip)))
    return query


def _key_and_joins(dimension: str, scope: Scope, base: Any) -> tuple[Any, Any, list[Any]]:
    """(key column, from clause, extra where) for a dimension."""
    a, c = activities, unit_closure
    joined = base.join(c, (c.c.descendant == a.c.unit_code))
    if dimension == "channel":
        return a.c.channel, joined, [c.c.ancestor == scope.root]
    if dimension == "month":
        return a.c.month, joined, [c.c.ancestor == scope.root]
    if dimension == "topic":
        t = activity_topics
        return t.c.topic, joined.join(t, t.c.activity_id == a.c.id), [c.c.ancestor == scope.root]
    raise ValueError(dimension)


def totals(conn: Connection, scope: Scope, dimension: str) -> list[Total]:
    """Activity counts and quantity sums by `dimension` (channel, topic, month, unit), largest first.

    For `unit`, a child's total covers its whole subtree and the root's own row
    counts only activities recorded at the root itself.
    """
    months = _months(scope.start, scope.end) if scope.skip is None else None
    if months is not None:
        return _rollup_totals(conn, scope, dimension, *months)
    _edges, full = _split(scope.start, scope.end) if scope.skip is None else ([], None)
    if full is not None:  # whole months from the roll-up, the stretches at both ends from the activities
        parts = [totals(conn, Scope(scope.root, scope.plan_id, *full), dimension),
                 totals(conn, Scope(scope.root, scope.plan_id, scope.start, scope.end, skip=full), dimension)]
        return _merge(parts)
    if dimension == "unit":
        return _unit_totals(conn, scope)
    a = activities
    key, from_, where = _key_and_joins(dimension, scope, a)
    count_q = _filtered(select(key.label("k"), func.count().label("n")).select_from(from_).where(*where), scope)
    out: dict[str, Total] = {}
    for r in conn.execute(count_q.group_by(key)):
        out[str(r.k)] = Total(str(r.k), int(r.n))
    q = activity_quantities
    qty_from = from_.join(q, q.c.activity_id == a.c.id)
    qty_q = _filtered(select(key.label("k"), q.c.unit, func.sum(q.c.amount).label("s"))
                      .select_from(qty_from).where(*where), scope)
    for r in conn.execute(qty_q.group_by(key, q.c.unit)):
        out.setdefault(str(r.k), Total(str(r.k))).quantities[r.unit] = float(r.s)
    return sorted(out.values(), key=lambda t: (-t.activities, t.key))


def _rollup_totals(conn: Connection, scope: Scope, dimension: str, m1: int | None, m2: int | None) -> list[Total]:
    read = tracking_rollup.read
    if dimension in ("channel", "topic"):
        return _from_rollup(read(conn, [scope.root], scope.plan_id, dimension, m1, m2, "key"))
    if dimension == "month":
        return _from_rollup(read(conn, [scope.root], scope.plan_id, "all", m1, m2, "month"))
    if dimension == "unit":
        c = unit_closure
        kids = [r[0] for r in conn.execute(select(c.c.descendant).where(c.c.ancestor == scope.root, c.c.depth == 1))]
        rows = read(conn, kids, scope.plan_id, "all", m1, m2, "ancestor") if kids else []
        rows += read(conn, [scope.root], scope.plan_id, "own", m1, m2, "ancestor")
        return _from_rollup(rows)
    raise ValueError(dimension)


def _unit_totals(conn: Connection, scope: Scope) -> list[Total]:
    a, c = activities, unit_closure
    kids = [r[0] for r in conn.execute(select(c.c.descendant).where(c.c.ancestor == scope.root, c.c.depth == 1))]
    out: dict[str, Total] = {}
    groups: list[tuple[Any, list[Any]]] = [(c.c.ancestor, [c.c.ancestor.in_(kids)])] if kids else []
    groups.append((a.c.unit_code, [c.c.ancestor == scope.root, c.c.depth == 0]))
    q = activity_quantities
    for key, where in groups:
        base = a.join(c, c.c.descendant == a.c.unit_code)
        count_q = _filtered(select(key.label("k"), func.count().label("n")).select_from(base).where(*where), scope)
        for r in conn.execute(count_q.group_by(key)):
            out[str(r.k)] = Total(str(r.k), int(r.n))
        qty_q = _filtered(select(key.label("k"), q.c.unit, func.sum(q.c.amount).label("s"))
                          .select_from(base.join(q, q.c.activity_id == a.c.id)).where(*where), scope)
        for r in conn.execute(qty_q.group_by(key, q.c.unit)):
            out.setdefault(str(r.k), Total(str(r.k))).quantities[r.unit] = float(r.s)
    return sorted(out.values(), key=lambda t: (-t.activities, t.key))


def grand_total(conn: Connection, scope: Scope) -> Total:
    months = _months(scope.start, scope.end) if scope.skip is None else None
    if months is not None:
        rows = tracking_rollup.read(conn, [scope.root], scope.plan_id, "all", *months, "ancestor")
        return Total(scope.root, rows[0][1], rows[0][2]) if rows else Total(scope.root)
    _edges, full = _split(scope.start, scope.end) if scope.skip is None else ([], None)
    if full is not None:
        parts = [[grand_total(conn, Scope(scope.root, scope.plan_id, *full))],
                 [grand_total(conn, Scope(scope.root, scope.plan_id, scope.start, scope.end, skip=full))]]
        merged = _merge(parts)
        return merged[0] if merged else Total(scope.root)
    a, c, q = activities, unit_closure, activity_quantities
    base = a.join(c, c.c.descendant == a.c.unit_code)
    n = conn.execute(_filtered(select(func.count()).select_from(base).where(c.c.ancestor == scope.root), scope))
    total = Total(scope.root, int(n.scalar_one()))
    qty_q = _filtered(select(q.c.unit, func.sum(q.c.amount).label("s")).select_from(
        base.join(q, q.c.activity_id == a.c.id)).where(c.c.ancestor == scope.root), scope)
    for r in conn.execute(qty_q.group_by(q.c.unit)):
        total.quantities[r.unit] = float(r.s)
    return total


def coverage(conn: Connection, plan_id: int, unit_codes: Sequence[str], start: dt.date | None = None,
             end: dt.date | None = None, skip: tuple[dt.date, dt.date] | None = None) -> dict[tuple[str, str], int]:
    """{(unit, topic): activity count} over each unit's subtree, for the plan's activities."""
    if not unit_codes:
        return {}
    months = _months(start, end) if skip is None else None
    if months is not None:
        return tracking_rollup.coverage_counts(conn, plan_id, unit_codes, *months)
    _edges, full = _split(start, end) if skip is None else ([], None)
    if full is not None:
        out = coverage(conn, plan_id, unit_codes, *full)
        for k, n in coverage(conn, plan_id, unit_codes, start, end, skip=full).items():
            out[k] = out.get(k, 0) + n
        return out
    a, c, t = activities, unit_closure, activity_topics
    query = (select(c.c.ancestor, t.c.topic, func.count().label("n"))
             .select_from(a.join(c, c.c.descendant == a.c.unit_code).join(t, t.c.activity_id == a.c.id))
             .where(c.c.ancestor.in_(list(unit_codes))))
    query = _filtered(query, Scope(root="", plan_id=plan_id, start=start, end=end, skip=skip))
    return {(r.ancestor, r.topic): int(r.n) for r in conn.execute(query.group_by(c.c.ancestor, t.c.topic))}


def unit_names(conn: Connection, codes: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(codes), 500):
        chunk = list(codes[i : i + 500])
        out.update({r.code: r.name for r in conn.execute(select(units.c.code, units.c.name).where(units.c.code.in_(chunk)))})
    return out
