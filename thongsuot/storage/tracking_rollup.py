"""Pre-aggregated roll-up: activity counts and quantity sums per (ancestor unit, plan, month, dimension, key).

Every activity adds one to the rows of each of its ancestors (the closure
table), so a dashboard over any subtree reads at most months × keys rows
instead of every activity below it: national scale stays in milliseconds.
Dimensions: `channel`, `topic`, `all` (key ""; grand and monthly totals, and
per-child subtree totals) and `own` (key ""; only the unit's own activities).
Maintained on insert/delete; rebuilt whole after the tree changes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    and_,
    delete,
    func,
    insert,
    literal,
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from thongsuot.storage.tracking_tables import (
    activities,
    activity_quantities,
    activity_topics,
    rollup,
    rollup_qty,
    unit_closure,
)


def _upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], values: Sequence[str]) -> None:
    if not rows:
        return
    keys = [c.name for c in table.primary_key.columns]
    stmt: Any
    if conn.dialect.name == "postgresql":
        stmt = pg_insert(table)
    else:
        stmt = sqlite_insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=keys,
                                      set_={v: table.c[v] + stmt.excluded[v] for v in values})
    conn.execute(stmt, list(rows))


def _contributions(conn: Connection, activity_ids: Sequence[int]) -> tuple[
        Counter[tuple[Any, ...]], dict[tuple[Any, ...], float], Counter[tuple[Any, ...]]]:
    """The rows the given activities add: counts and quantity sums, keyed like the tables' primary keys."""
    counts: Counter[tuple[Any, ...]] = Counter()
    amounts: dict[tuple[Any, ...], float] = defaultdict(float)
    entries: Counter[tuple[Any, ...]] = Counter()
    for i in range(0, len(activity_ids), 500):
        chunk = list(activity_ids[i : i + 500])
        acts = {r.id: r for r in conn.execute(
            select(activities.c.id, activities.c.unit_code, activities.c.plan_id, activities.c.month,
                   activities.c.channel).where(activities.c.id.in_(chunk)))}
        units = {a.unit_code for a in acts.values()}
        ancestors: dict[str, list[str]] = {}
        for r in conn.execute(select(unit_closure.c.descendant, unit_closure.c.ancestor)
                              .where(unit_closure.c.descendant.in_(list(units)))):
            ancestors.setdefault(r.descendant, []).append(r.ancestor)
        topics: dict[int, list[str]] = {}
        for r in conn.execute(select(activity_topics).where(activity_topics.c.activity_id.in_(chunk))):
            topics.setdefault(r.activity_id, []).append(r.topic)
        qty: dict[int, list[tuple[str, float]]] = {}
        for r in conn.execute(select(activity_quantities).where(activity_quantities.c.activity_id.in_(chunk))):
            qty.setdefault(r.activity_id, []).append((r.unit, r.amount))
        for a in acts.values():
            keys = [("channel", a.channel), ("all", ""), *(("topic", t) for t in topics.get(a.id, ()))]
            for anc in ancestors.get(a.unit_code, [a.unit_code]):
                rows = keys + ([("own", "")] if anc == a.unit_code else [])
                for dim, key in rows:
                    counts[(anc, a.plan_id, a.month, dim, key)] += 1
                    for unit, amount in qty.get(a.id, ()):
                        amounts[(anc, a.plan_id, a.month, dim, key, unit)] += amount
                        entries[(anc, a.plan_id, a.month, dim, key, unit)] += 1
    return counts, amounts, entries


def _names(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def add(conn: Connection, activity_ids: Sequence[int], sign: int = 1) -> None:
    """Count the activities in (sign=1) or out (sign=-1); call before deleting them."""
    counts, amounts, entries = _contributions(conn, activity_ids)
    _upsert(conn, rollup, [dict(zip(_names(rollup), k, strict=True)) | {"activities": sign * n}
                           for k, n in counts.items()], ["activities"])
    _upsert(conn, rollup_qty, [dict(zip(_names(rollup_qty), k, strict=True)) | {"amount": sign * v,
                                                                                 "entries": sign * entries[k]}
                               for k, v in amounts.items()], ["amount", "entries"])
    if sign < 0:
        conn.execute(delete(rollup).where(rollup.c.activities <= 0))
        conn.execute(delete(rollup_qty).where(rollup_qty.c.entries <= 0))


def rebuild(conn: Connection) -> None:
    """Recompute everything from the activities (after the tree changed)."""
    conn.execute(delete(rollup))
    conn.execute(delete(rollup_qty))
    a, c, t, q = activities, unit_closure, activity_topics, activity_quantities
    base = a.join(c, c.c.descendant == a.c.unit_code)
    by_dim = [
        (literal("channel"), a.c.channel, base, []),
        (literal("all"), literal(""), base, []),
        (literal("own"), literal(""), base, [c.c.depth == 0]),
        (literal("topic"), t.c.topic, base.join(t, t.c.activity_id == a.c.id), []),
    ]
    parts = [select(c.c.ancestor, a.c.plan_id, a.c.month, dim.label("dim"), key.label("key"),
                    func.count().label("activities")).select_from(src).where(and_(True, *cond))
             .group_by(c.c.ancestor, a.c.plan_id, a.c.month, key) for dim, key, src, cond in by_dim]
    conn.execute(insert(rollup).from_select(_names(rollup) + ["activities"], union_all(*parts)))
    qparts = [select(c.c.ancestor, a.c.plan_id, a.c.month, dim.label("dim"), key.label("key"), q.c.unit,
                     func.sum(q.c.amount).label("amount"), func.count().label("entries"))
              .select_from(src.join(q, q.c.activity_id == a.c.id)).where(and_(True, *cond))
              .group_by(c.c.ancestor, a.c.plan_id, a.c.month, key, q.c.unit) for dim, key, src, cond in by_dim]
    conn.execute(insert(rollup_qty).from_select(_names(rollup_qty) + ["amount", "entries"], union_all(*qparts)))


def read(conn: Connection, ancestors: Iterable[str], plan_id: int | None, dim: str, month_from: int | None,
         month_to: int | None, group: str) -> list[tuple[str, int, dict[str, float]]]:
    """(group value, activities, {quantity unit: sum}); `group` is "key", "month" or "ancestor"."""
    wanted = list(ancestors)
    out: dict[str, tuple[int, dict[str, float]]] = {}
    for table, value in ((rollup, "activities"), (rollup_qty, "amount")):
        gcol = table.c[group]
        cols: list[Any] = [gcol]
        if table is rollup_qty:
            cols.append(table.c.unit)
        query = select(*cols, func.sum(table.c[value]).label("v")).where(
            table.c.ancestor.in_(wanted), table.c.dim == dim)
        if plan_id is not None:
            query = query.where(table.c.plan_id == plan_id)
        if month_from is not None:
            query = query.where(table.c.month >= month_from)
        if month_to is not None:
            query = query.where(table.c.month <= month_to)
        for r in conn.execute(query.group_by(*cols)):
            k = str(r[0])
            n, qty = out.get(k, (0, {}))
            if table is rollup:
                out[k] = (n + int(r.v), qty)
            else:
                qty[r.unit] = qty.get(r.unit, 0.0) + float(r.v)
                out[k] = (n, qty)
    return [(k, n, qty) for k, (n, qty) in out.items() if n > 0]


def coverage_counts(conn: Connection, plan_id: int, units: Sequence[str], month_from: int | None,
                    month_to: int | None) -> dict[tuple[str, str], int]:
    query = select(rollup.c.ancestor, rollup.c.key, func.sum(rollup.c.activities).label("n")).where(
        rollup.c.ancestor.in_(list(units)), rollup.c.dim == "topic", rollup.c.plan_id == plan_id)
    if month_from is not None:
        query = query.where(rollup.c.month >= month_from)
    if month_to is not None:
        query = query.where(rollup.c.month <= month_to)
    rows = conn.execute(query.group_by(rollup.c.ancestor, rollup.c.key))
    return {(r.ancestor, r.key): int(r.n) for r in rows if r.n}
