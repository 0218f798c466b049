"""The append-only audit log: every write (upload, edit, delete, user change, login failure) with before/after.

Entries are only ever inserted; admins read them filtered by actor, action and dates.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, insert, select

from thongsuot.storage.accounts import audit_log, utcnow
from thongsuot.storage.unit_of_work import UnitOfWork, work_of


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    target: str
    before: Any
    after: Any
    address: str


def append_audit(
    target_db: Engine | Connection | UnitOfWork,
    *,
    action: str,
    actor: str = "",
    actor_id: int | None = None,
    target: str = "",
    before: Any = None,
    after: Any = None,
    address: str = "",
) -> None:
    """Append one entry in the caller's transaction (a Connection or a unit of work), else in its own."""

    def dump(value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, default=str)

    stmt = insert(audit_log).values(
        at=utcnow(),
        actor_id=actor_id,
        actor=actor,
        action=action,
        target=target[:300],
        before=dump(before),
        after=dump(after),
        address=address[:64],
    )
    if isinstance(target_db, Connection):  # the caller's transaction: the entry commits with the change
        target_db.execute(stmt)
        return
    with work_of(target_db).write() as conn:
        conn.execute(stmt)


def list_audit(
    engine: Engine,
    *,
    actor: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[AuditEntry], int]:
    """Audit entries, newest first, with the total count for pagination."""
    conds = []
    if actor:
        conds.append(audit_log.c.actor == actor)
    if action:
        conds.append(audit_log.c.action == action)
    if since:
        conds.append(audit_log.c.at >= dt.datetime.combine(since, dt.time.min))
    if until:
        conds.append(audit_log.c.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min))
    where = and_(*conds) if conds else None
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit).offset(offset)
    count = select(func.count()).select_from(audit_log)
    if where is not None:
        query, count = query.where(where), count.where(where)
    with engine.connect() as conn:
        total = int(conn.execute(count).scalar_one())
        rows = list(conn.execute(query))
    entries = [
        AuditEntry(
            r.id,
            r.at,
            r.actor,
            r.action,
            r.target,
            json.loads(r.before) if r.before else None,
            json.loads(r.after) if r.after else None,
            r.address,
        )
        for r in rows
    ]
    return entries, total


def audit_actions(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(audit_log.c.action).distinct().order_by(audit_log.c.action))]
