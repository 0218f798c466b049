"""Tracking row functions over the tables of `tracking_tables.py` (re-exported here).

Builds on the accounts `units` table (code primary key) without changing it:
- `unit_details`: short name, aliases of a unit;
- `unit_successors`: successor links (abolished district -> communes);
- `unit_closure`: (ancestor, descendant, depth) for fast subtree roll-ups,
  rebuilt whenever the tree is written;
- `tracked_plans`: a plan under tracking (issued by drafting or ingested),
  with its issuing unit and outline topics;
- `assignments`, `activities` (+ `activity_topics`, `activity_quantities`,
  `evidence_files` whose bytes live in the library `blobs`), `periods`,
  `period_reports`, `tracking_comments`.
Aggregate queries are in `tracking_queries.py`, the maintained roll-up in `tracking_rollup.py`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    delete,
    insert,
    select,
    update,
)

from thongsuot.domain.org import Unit, UnitKind, closure_pairs
from thongsuot.domain.tracking import (
    Activity,
    Assignment,
    AssignmentState,
    Period,
    PeriodKind,
    PeriodReport,
    Quantity,
    ReportState,
)
from thongsuot.errors import NotFound
from thongsuot.storage import accounts, tracking_rollup
from thongsuot.storage.tables import blobs
from thongsuot.storage.tracking_tables import (  # re-exported: callers use store.<table>
    activities,
    activity_quantities,
    activity_topics,
    assignments,
    evidence_files,
    period_reports,
    periods,
    tracked_plans,
    tracking_comments,
    unit_closure,
    unit_details,
    unit_successors,
)

__all__ = [
    "activities", "activity_quantities", "activity_topics", "assignments", "evidence_files",
    "period_reports", "periods", "tracked_plans", "tracking_comments", "unit_closure", "unit_details",
    "unit_successors",
]

now = accounts.utcnow


# --- the tree ----------------------------------------------------------------------------


def write_tree(conn: Connection, units: Sequence[Unit]) -> tuple[int, int]:
    """Upsert `units` by code (never duplicating), their details and successors; rebuild the closure.

    Returns (inserted, updated).
    """
    existing = {r.code for r in conn.execute(select(accounts.units.c.code))}
    inserted = updated = 0
    for u in units:
        values = {"name": u.name, "kind": str(u.kind), "level": u.level, "parent_code": u.parent_code,
                  "valid_from": u.valid_from, "valid_to": u.valid_to}
        if u.code in existing:
            conn.execute(update(accounts.units).where(accounts.units.c.code == u.code).values(**values))
            updated += 1
        else:
            conn.execute(insert(accounts.units).values(code=u.code, **values))
            existing.add(u.code)
            inserted += 1
    codes = [u.code for u in units]
    for chunk in _chunks(codes, 500):
        conn.execute(delete(unit_details).where(unit_details.c.code.in_(chunk)))
        conn.execute(delete(unit_successors).where(unit_successors.c.code.in_(chunk)))
    if units:
        conn.execute(insert(unit_details), [
            {"code": u.code, "short_name": u.short_name, "aliases": json.dumps(list(u.aliases), ensure_ascii=False),
             "depth": 0} for u in units
        ])
    succ = [{"code": u.code, "successor_code": s} for u in units for s in u.successor_codes]
    if succ:
        conn.execute(insert(unit_successors), succ)
    rebuild_closure(conn)

    tracking_rollup.rebuild(conn)
    return inserted, updated


def rebuild_closure(conn: Connection) -> int:
    """Recompute the closure table from `units.parent_code` (whole tree; cheap next to an import)."""
    parent_of = {r.code: r.parent_code for r in conn.execute(select(accounts.units.c.code, accounts.units.c.parent_code))}
    conn.execute(delete(unit_closure))
    rows = list(closure_pairs(parent_of))
    for chunk in _chunks(rows, 5000):
        conn.execute(insert(unit_closure), [{"ancestor": a, "descendant": d, "depth": n} for a, d, n in chunk])
    return len(rows)


def _new_id(result: Any) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def unit_details_of(conn: Connection, codes: Iterable[str] | None = None) -> dict[str, Unit]:
    """Units joined with their details and successors (all, or the given codes)."""
    u, d = accounts.units, unit_details
    query = select(u, d.c.short_name, d.c.aliases).select_from(u.outerjoin(d, d.c.code == u.c.code))
    wanted = list(codes) if codes is not None else None
    if wanted is not None:
        query = query.where(u.c.code.in_(wanted))
    succ: dict[str, list[str]] = {}
    for r in conn.execute(select(unit_successors)):
        succ.setdefault(r.code, []).append(r.successor_code)
    out: dict[str, Unit] = {}
    for r in conn.execute(query.order_by(u.c.code)):
        try:
            kind = UnitKind(r.kind)
        except ValueError:
            kind = UnitKind.COMMISSION
        out[r.code] = Unit(
            code=r.code, name=r.name, kind=kind, level=r.level or "", parent_code=r.parent_code,
            valid_from=r.valid_from, valid_to=r.valid_to, successor_codes=tuple(sorted(succ.get(r.code, ()))),
            short_name=r.short_name, aliases=tuple(json.loads(r.aliases or "[]")),
        )
    return out


def subtree_codes(conn: Connection, root: str) -> list[str]:
    return [r[0] for r in conn.execute(select(unit_closure.c.descendant).where(unit_closure.c.ancestor == root))]


def ancestor_codes(conn: Connection, code: str) -> list[str]:
    """The unit itself first, then its parent... up to the root."""
    q = select(unit_closure.c.ancestor).where(unit_closure.c.descendant == code).order_by(unit_closure.c.depth)
    return [r[0] for r in conn.execute(q)]


# --- plans -------------------------------------------------------------------------------


def create_plan(
    conn: Connection, *, title: str, issuer_unit: str, symbol: str | None = None, issued_on: dt.date | None = None,
    topics: Sequence[dict[str, Any]] = (), source_kind: str = "manual", source_id: int | None = None,
    parent_plan_id: int | None = None,
) -> int:
    res = conn.execute(insert(tracked_plans).values(
        title=title, symbol=symbol, issuer_unit=issuer_unit, issued_on=issued_on, source_kind=source_kind,
        source_id=source_id, parent_plan_id=parent_plan_id, topics=json.dumps(list(topics), ensure_ascii=False),
        created_at=now(),
    ))
    return _new_id(res)


def get_plan(conn: Connection, plan_id: int) -> dict[str, Any]:
    row = conn.execute(select(tracked_plans).where(tracked_plans.c.id == plan_id)).first()
    if row is None:
        raise NotFound("Không tìm thấy kế hoạch.", detail={"plan_id": plan_id})
    out = dict(row._mapping)
    out["topics"] = json.loads(out["topics"] or "[]")
    return out


def list_plans(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(tracked_plans).order_by(tracked_plans.c.id.desc()))
    return [{**dict(r._mapping), "topics": json.loads(r.topics or "[]")} for r in rows]


def find_plan_by_source(conn: Connection, source_kind: str, source_id: int) -> int | None:
    q = select(tracked_plans.c.id).where(tracked_plans.c.source_kind == source_kind,
                                         tracked_plans.c.source_id == source_id)
    row = conn.execute(q).first()
    return int(row[0]) if row else None


# --- assignments -------------------------------------------------------------------------


def _assignment(r: Any) -> Assignment:
    return Assignment(
        id=r.id, plan_id=r.plan_id, unit_code=r.unit_code, duties=tuple(json.loads(r.duties or "[]")),
        state=AssignmentState(r.state), deadline=r.deadline, parent_id=r.parent_id, comment=r.comment,
        source_name=r.source_name,
    )


def upsert_assignment(conn: Connection, a: Assignment) -> int:
    """One assignment per (plan, unit): a second call merges the duties instead of duplicating."""
    row = conn.execute(select(assignments).where(assignments.c.plan_id == a.plan_id,
                                                 assignments.c.unit_code == a.unit_code)).first()
    if row is not None:
        duties = list(dict.fromkeys([*json.loads(row.duties or "[]"), *a.duties]))
        conn.execute(update(assignments).where(assignments.c.id == row.id).values(
            duties=json.dumps(duties, ensure_ascii=False), deadline=a.deadline or row.deadline,
            parent_id=a.parent_id or row.parent_id, updated_at=now()))
        return int(row.id)
    res = conn.execute(insert(assignments).values(
        plan_id=a.plan_id, unit_code=a.unit_code, source_name=a.source_name,
        duties=json.dumps(list(a.duties), ensure_ascii=False), state=str(a.state), deadline=a.deadline,
        parent_id=a.parent_id, comment=a.comment, updated_at=now()))
    return _new_id(res)


def get_assignment(conn: Connection, assignment_id: int, *, lock: bool = False) -> Assignment:
    """`lock=True` reads the row FOR UPDATE (PostgreSQL; SQLite's write transaction already holds the lock)."""
    q = select(assignments).where(assignments.c.id == assignment_id)
    row = conn.execute(q.with_for_update() if lock else q).first()
    if row is None:
        raise NotFound("Không tìm thấy nhiệm vụ.", detail={"assignment_id": assignment_id})
    return _assignment(row)


def list_assignments(conn: Connection, *, plan_id: int | None = None,
                     unit_codes: Iterable[str] | None = None) -> list[Assignment]:
    q = select(assignments).order_by(assignments.c.plan_id, assignments.c.unit_code)
    if plan_id is not None:
        q = q.where(assignments.c.plan_id == plan_id)
    if unit_codes is not None:
        q = q.where(assignments.c.unit_code.in_(list(unit_codes)))
    return [_assignment(r) for r in conn.execute(q)]


def set_assignment_state(conn: Connection, assignment_id: int, state: AssignmentState,
                         comment: str | None = None) -> None:
    values: dict[str, Any] = {"state": str(state), "updated_at": now()}
    if comment is not None:
        values["comment"] = comment
    conn.execute(update(assignments).where(assignments.c.id == assignment_id).values(**values))


# --- activities --------------------------------------------------------------------------


def _activity_rows(a: Activity, created_by: str) -> dict[str, Any]:
    return {"plan_id": a.plan_id, "unit_code": a.unit_code, "start_date": a.start, "end_date": a.end,
            "month": a.start.year * 100 + a.start.month, "channel": a.channel, "title": a.title, "link": a.link,
            "note": a.note, "created_by": created_by, "created_at": now()}


def add_activities(conn: Connection, items: Sequence[Activity], created_by: str = "") -> list[int]:
    ids: list[int] = []
    for a in items:
        res = conn.execute(insert(activities).values(**_activity_rows(a, created_by)))
        aid = _new_id(res)
        ids.append(aid)
        topics = list(dict.fromkeys(a.topics))
        if topics:
            conn.execute(insert(activity_topics), [{"activity_id": aid, "topic": t} for t in topics])
        qty: dict[str, float] = {}
        for q in a.quantities:
            qty[q.unit] = qty.get(q.unit, 0.0) + q.amount
        if qty:
            conn.execute(insert(activity_quantities), [{"activity_id": aid, "unit": u, "amount": v}
                                                       for u, v in qty.items()])

    tracking_rollup.add(conn, ids)
    return ids


def list_activities(conn: Connection, *, plan_id: int | None = None, unit_codes: Iterable[str] | None = None,
                    start: dt.date | None = None, end: dt.date | None = None) -> list[Activity]:
    q = select(activities).order_by(activities.c.start_date, activities.c.id)
    if plan_id is not None:
        q = q.where(activities.c.plan_id == plan_id)
    if unit_codes is not None:
        q = q.where(activities.c.unit_code.in_(list(unit_codes)))
    if start is not None:
        q = q.where(activities.c.start_date >= start)
    if end is not None:
        q = q.where(activities.c.start_date <= end)
    rows = list(conn.execute(q))
    ids = [r.id for r in rows]
    topics: dict[int, list[str]] = {}
    qty: dict[int, list[Quantity]] = {}
    files: dict[int, list[str]] = {}
    for chunk in _chunks(ids, 500):
        for t in conn.execute(select(activity_topics).where(activity_topics.c.activity_id.in_(chunk))):
            topics.setdefault(t.activity_id, []).append(t.topic)
        for x in conn.execute(select(activity_quantities).where(activity_quantities.c.activity_id.in_(chunk))):
            qty.setdefault(x.activity_id, []).append(Quantity(x.amount, x.unit))
        for f in conn.execute(select(evidence_files).where(evidence_files.c.activity_id.in_(chunk))):
            files.setdefault(f.activity_id, []).append(f.file_name)
    return [
        Activity(id=r.id, plan_id=r.plan_id, unit_code=r.unit_code, start=r.start_date, end=r.end_date,
                 channel=r.channel, topics=tuple(sorted(topics.get(r.id, ()))), quantities=tuple(qty.get(r.id, ())),
                 title=r.title or "", link=r.link, note=r.note, evidence=tuple(files.get(r.id, ())))
        for r in rows
    ]


def get_activity_owner(conn: Connection, activity_id: int) -> tuple[int, str]:
    row = conn.execute(select(activities.c.plan_id, activities.c.unit_code).where(activities.c.id == activity_id)).first()
    if row is None:
        raise NotFound("Không tìm thấy hoạt động.", detail={"activity_id": activity_id})
    return int(row.plan_id), str(row.unit_code)


def delete_activity(conn: Connection, activity_id: int) -> None:

    tracking_rollup.add(conn, [activity_id], sign=-1)
    for t in (activity_topics, activity_quantities, evidence_files):
        conn.execute(delete(t).where(t.c.activity_id == activity_id))
    conn.execute(delete(activities).where(activities.c.id == activity_id))


def add_evidence(conn: Connection, activity_id: int, file_name: str, data: bytes,
                 content_type: str = "application/octet-stream") -> int:
    """Keep the bytes content-addressed in the library `blobs` table."""
    sha = hashlib.sha256(data).hexdigest()
    if conn.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha)).first() is None:
        conn.execute(insert(blobs).values(sha256=sha, size=len(data), data=data, created_at=now()))
    res = conn.execute(insert(evidence_files).values(activity_id=activity_id, file_name=file_name[:300],
                                                     content_type=content_type[:100], sha256=sha, size=len(data)))
    return _new_id(res)


def evidence_of(conn: Connection, activity_ids: Sequence[int]) -> dict[int, list[tuple[int, str]]]:
    """{activity id: [(evidence id, file name)]}."""
    out: dict[int, list[tuple[int, str]]] = {}
    for chunk in _chunks(list(activity_ids), 500):
        q = select(evidence_files.c.id, evidence_files.c.activity_id, evidence_files.c.file_name).where(
            evidence_files.c.activity_id.in_(chunk)).order_by(evidence_files.c.id)
        for r in conn.execute(q):
            out.setdefault(r.activity_id, []).append((r.id, r.file_name))
    return out


def get_evidence(conn: Connection, evidence_id: int) -> tuple[dict[str, Any], bytes]:
    row = conn.execute(select(evidence_files).where(evidence_files.c.id == evidence_id)).first()
    if row is None:
        raise NotFound("Không tìm thấy tệp minh chứng.")
    data = conn.execute(select(blobs.c.data).where(blobs.c.sha256 == row.sha256)).scalar_one()
    return dict(row._mapping), bytes(data)


# --- periods and reports -----------------------------------------------------------------


def _period(r: Any) -> Period:
    return Period(r.id, r.plan_id, PeriodKind(r.kind), r.label, r.start_date, r.end_date, r.due)


def add_period(conn: Connection, p: Period) -> int:
    res = conn.execute(insert(periods).values(plan_id=p.plan_id, kind=str(p.kind), label=p.label,
                                              start_date=p.start, end_date=p.end, due=p.due))
    return _new_id(res)


def list_periods(conn: Connection, plan_id: int | None = None) -> list[Period]:
    q = select(periods).order_by(periods.c.due, periods.c.id)
    if plan_id is not None:
        q = q.where(periods.c.plan_id == plan_id)
    return [_period(r) for r in conn.execute(q)]


def get_period(conn: Connection, period_id: int) -> Period:
    row = conn.execute(select(periods).where(periods.c.id == period_id)).first()
    if row is None:
        raise NotFound("Không tìm thấy kỳ báo cáo.", detail={"period_id": period_id})
    return _period(row)


def _report(r: Any) -> PeriodReport:
    return PeriodReport(r.id, r.period_id, r.unit_code, ReportState(r.state), r.results or "", r.limits or "",
                        r.causes or "", r.proposals or "", r.submitted_on, r.comment, r.opened_at)


def get_or_create_report(conn: Connection, period_id: int, unit_code: str) -> PeriodReport:
    q = select(period_reports).where(period_reports.c.period_id == period_id, period_reports.c.unit_code == unit_code)
    row = conn.execute(q).first()
    if row is None:
        conn.execute(insert(period_reports).values(period_id=period_id, unit_code=unit_code, updated_at=now()))
        row = conn.execute(q).one()
    return _report(row)


def get_report(conn: Connection, report_id: int, *, lock: bool = False) -> PeriodReport:
    q = select(period_reports).where(period_reports.c.id == report_id)
    row = conn.execute(q.with_for_update() if lock else q).first()
    if row is None:
        raise NotFound("Không tìm thấy báo cáo.", detail={"report_id": report_id})
    return _report(row)


def list_reports(conn: Connection, *, period_id: int | None = None,
                 unit_codes: Iterable[str] | None = None) -> list[PeriodReport]:
    q = select(period_reports).order_by(period_reports.c.period_id, period_reports.c.unit_code)
    if period_id is not None:
        q = q.where(period_reports.c.period_id == period_id)
    if unit_codes is not None:
        q = q.where(period_reports.c.unit_code.in_(list(unit_codes)))
    return [_report(r) for r in conn.execute(q)]


def save_report(conn: Connection, r: PeriodReport) -> None:
    conn.execute(update(period_reports).where(period_reports.c.id == r.id).values(
        state=str(r.state), results=r.results, limits=r.limits, causes=r.causes, proposals=r.proposals,
        submitted_on=r.submitted_on, comment=r.comment, opened_at=r.opened_at, updated_at=now()))


def mark_report_opened(conn: Connection, report_id: int) -> bool:
    """Record the superior's first look at a submitted report (ends the unit's recall); True if it was the first."""
    done = conn.execute(update(period_reports).where(
        period_reports.c.id == report_id, period_reports.c.state == "submitted",
        period_reports.c.opened_at.is_(None)).values(opened_at=now()))
    return bool(done.rowcount)


def add_comment(conn: Connection, target: str, target_id: int, action: str, author: str, text: str) -> None:
    conn.execute(insert(tracking_comments).values(target=target, target_id=target_id, action=action,
                                                  author=author, text=text, at=now()))


def list_comments(conn: Connection, target: str, target_id: int) -> list[dict[str, Any]]:
    q = select(tracking_comments).where(tracking_comments.c.target == target,
                                        tracking_comments.c.target_id == target_id).order_by(tracking_comments.c.id)
    return [dict(r._mapping) for r in conn.execute(q)]
