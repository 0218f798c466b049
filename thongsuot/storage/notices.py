"""Rows of the notifications (migration 0010): notices per unit, per-user reads, e-mail addresses.

A notice is written once per (unit, event key): refreshing twice never tells
a unit the same thing twice. Read state is per user, so two people of a unit
each see what they have not read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from thongsuot.storage.accounts import users
from thongsuot.storage.tracking_tables import notice_emails, notice_reads, notices


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def add_notices(conn: Connection, unit_code: str, items: Sequence[dict[str, str]]) -> list[int]:
    """Insert the items whose key the unit has not had yet; the ids of the new ones."""
    if not items:
        return []
    known = {r[0] for r in conn.execute(select(notices.c.key).where(
        notices.c.unit_code == unit_code, notices.c.key.in_([i["key"] for i in items])))}
    new: list[int] = []
    now = _now()
    for item in items:
        if item["key"] in known:
            continue
        known.add(item["key"])
        result = conn.execute(insert(notices).values(unit_code=unit_code, created_at=now, **item))
        new.append(int(result.inserted_primary_key[0]))  # type: ignore[index]
    return new


def _read_by(user_id: int) -> Any:
    return select(notice_reads.c.notice_id).where(notice_reads.c.user_id == user_id)


def list_notices(conn: Connection, unit_code: str, user_id: int, limit: int = 50) -> list[dict[str, Any]]:
    """Newest first, each with `unread`."""
    read = {r[0] for r in conn.execute(_read_by(user_id))}
    q = select(notices).where(notices.c.unit_code == unit_code).order_by(notices.c.id.desc()).limit(limit)
    return [{**dict(r._mapping), "unread": r.id not in read} for r in conn.execute(q)]


def unread_count(conn: Connection, unit_code: str, user_id: int) -> int:
    q = select(func.count()).select_from(notices).where(
        notices.c.unit_code == unit_code, notices.c.id.not_in(_read_by(user_id)))
    return int(conn.scalar(q) or 0)


def mark_all_read(conn: Connection, unit_code: str, user_id: int) -> int:
    ids = [r[0] for r in conn.execute(select(notices.c.id).where(
        notices.c.unit_code == unit_code, notices.c.id.not_in(_read_by(user_id))))]
    now = _now()
    for nid in ids:
        conn.execute(insert(notice_reads).values(notice_id=nid, user_id=user_id, read_at=now))
    return len(ids)


def set_email(conn: Connection, user_id: int, email: str | None) -> None:
    conn.execute(delete(notice_emails).where(notice_emails.c.user_id == user_id))
    if email:
        conn.execute(insert(notice_emails).values(user_id=user_id, email=email))


def email_of(conn: Connection, user_id: int) -> str | None:
    return conn.scalar(select(notice_emails.c.email).where(notice_emails.c.user_id == user_id))


def emails_for_unit(conn: Connection, unit_code: str) -> list[str]:
    """Addresses of the unit's active users who asked for notices by e-mail."""
    q = select(notice_emails.c.email).join(users, users.c.id == notice_emails.c.user_id).where(
        and_(users.c.unit_code == unit_code, users.c.active.is_(True))).order_by(notice_emails.c.email)
    return [r[0] for r in conn.execute(q)]


def not_emailed(conn: Connection, unit_code: str) -> list[dict[str, Any]]:
    q = select(notices).where(notices.c.unit_code == unit_code, notices.c.emailed_at.is_(None)).order_by(notices.c.id)
    return [dict(r._mapping) for r in conn.execute(q)]


def mark_emailed(conn: Connection, ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids:
        conn.execute(update(notices).where(notices.c.id.in_(ids)).values(emailed_at=_now()))
