"""Accounts: units, users, sessions, API tokens, document ownership and the audit log.

Only hashes of secrets are stored (argon2id for passwords, SHA-256 for session
and API tokens); hashing passwords is the web layer's job, this module only
keeps rows. The audit log is append-only: no function here updates or deletes
it, and the migration adds triggers that refuse UPDATE/DELETE in the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    and_,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from thongsuot.domain.org import Unit as Unit  # the one Unit type, re-exported: accounts.Unit
from thongsuot.domain.org import UnitKind
from thongsuot.errors import Conflict, InputError, NotFound
from thongsuot.storage.metadata import metadata
from thongsuot.storage.unit_of_work import UnitOfWork, work_of

units = Table(
    "units",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("kind", String(64), nullable=False, default=""),
    Column("level", String(64), nullable=False, default=""),
    Column("parent_code", String(64), nullable=True, index=True),
    Column("valid_from", Date, nullable=True),
    Column("valid_to", Date, nullable=True),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False, default=""),
    Column("password_hash", String(300), nullable=False),
    Column("role", String(16), nullable=False),
    Column("unit_code", String(64), ForeignKey("units.code"), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

sessions = Table(
    "user_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("prefix", String(16), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("last_used_at", DateTime, nullable=True),
    Column("revoked_at", DateTime, nullable=True),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False, index=True),
    Column("actor_id", Integer, nullable=True),
    Column("actor", String(64), nullable=False, default="", index=True),
    Column("action", String(64), nullable=False, index=True),
    Column("target", String(300), nullable=False, default=""),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Column("address", String(64), nullable=False, default=""),
)


class Role(StrEnum):
    ADMIN = "admin"  # everything, including users and the audit log
    EDITOR = "editor"  # uploads and edits documents of its unit's subtree
    REPORTER = "reporter"  # reports activities (tracking)
    VIEWER = "viewer"  # reads


def utcnow() -> dt.datetime:
    """Naive UTC: SQLite keeps no time zone, so every timestamp is naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    unit_code: str
    active: bool
    created_at: dt.datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "role": str(self.role),
            "unit_code": self.unit_code,
            "active": self.active,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class ApiToken:
    id: int
    user_id: int
    name: str
    prefix: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


def _user(row: Any) -> User:
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name or "",
        role=Role(row.role),
        unit_code=row.unit_code,
        active=bool(row.active),
        created_at=row.created_at,
    )


def _unit(row: Any) -> Unit:
    """A unit row as the one Unit type (domain/org.py); details and successors are read by storage/tracking."""
    return Unit(row.code, row.name, UnitKind(row.kind), row.level, row.parent_code, row.valid_from, row.valid_to)


# --- units -------------------------------------------------------------------------------


def list_units(db: Engine | UnitOfWork) -> list[Unit]:
    with work_of(db).read() as conn:
        return [_unit(r) for r in conn.execute(select(units).order_by(units.c.code))]


def get_unit(db: Engine | UnitOfWork, code: str) -> Unit | None:
    with work_of(db).read() as conn:
        row = conn.execute(select(units).where(units.c.code == code)).first()
    return _unit(row) if row else None


def subtree_codes(all_units: Iterable[Unit], root: str) -> frozenset[str]:
    """The unit `root` and every unit below it (pure; pass `list_units(...)`)."""
    children: dict[str | None, list[str]] = {}
    for u in all_units:
        children.setdefault(u.parent_code, []).append(u.code)
    out, stack = {root}, [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in out:
                out.add(child)
                stack.append(child)
    return frozenset(out)


# --- users -------------------------------------------------------------------------------


def create_user(
    db: Engine | UnitOfWork, username: str, password_hash: str, role: Role, unit_code: str, display_name: str = ""
) -> User:
    if get_unit(db, unit_code) is None:
        raise NotFound(f"Không có đơn vị mã {unit_code}.", detail={"unit": unit_code})
    now = utcnow()
    try:
        with work_of(db).write() as conn:
            new_id = conn.execute(
                insert(users).values(
                    username=username,
                    display_name=display_name,
                    password_hash=password_hash,
                    role=str(Role(role)),
                    unit_code=unit_code,
                    active=True,
                    created_at=now,
                    updated_at=now,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
    except IntegrityError as exc:
        raise Conflict(f"Tên đăng nhập {username} đã có.", detail={"username": username}) from exc
    user = get_user(db, int(new_id))
    assert user is not None
    return user


def get_user(db: Engine | UnitOfWork, user_id: int) -> User | None:
    with work_of(db).read() as conn:
        row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return _user(row) if row else None


def get_credentials(db: Engine | UnitOfWork, username: str) -> tuple[User, str] | None:
    """The user and its password hash, for checking a login."""
    with work_of(db).read() as conn:
        row = conn.execute(select(users).where(users.c.username == username)).first()
    return (_user(row), row.password_hash) if row else None


def list_users(db: Engine | UnitOfWork, unit_codes: Iterable[str] | None = None) -> list[User]:
    query = select(users).order_by(users.c.username)
    if unit_codes is not None:
        query = query.where(users.c.unit_code.in_(list(unit_codes)))
    with work_of(db).read() as conn:
        return [_user(r) for r in conn.execute(query)]


def update_user(
    db: Engine | UnitOfWork,
    user_id: int,
    *,
    role: Role | None = None,
    unit_code: str | None = None,
    display_name: str | None = None,
    active: bool | None = None,
    password_hash: str | None = None,
) -> tuple[User, User]:
    """Change fields of a user; returns (before, after) for the audit log."""
    before = get_user(db, user_id)
    if before is None:
        raise NotFound("Không tìm thấy người dùng.", detail={"user_id": user_id})
    if unit_code is not None and get_unit(db, unit_code) is None:
        raise InputError(f"Không có đơn vị mã {unit_code}.", detail={"unit": unit_code})
    values: dict[str, Any] = {"updated_at": utcnow()}
    if role is not None:
        values["role"] = str(Role(role))
    if unit_code is not None:
        values["unit_code"] = unit_code
    if display_name is not None:
        values["display_name"] = display_name
    if active is not None:
        values["active"] = active
    if password_hash is not None:
        values["password_hash"] = password_hash
    with work_of(db).write() as conn:
        conn.execute(update(users).where(users.c.id == user_id).values(**values))
        if active is False or password_hash is not None:  # a new password or a lock ends every way in
            conn.execute(delete(sessions).where(sessions.c.user_id == user_id))
            conn.execute(
                update(api_tokens)
                .where(api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )
    after = get_user(db, user_id)
    assert after is not None
    return before, after


# --- sessions and API tokens -------------------------------------------------------------


def create_session(db: Engine | UnitOfWork, token_hash: str, user_id: int, lifetime: dt.timedelta) -> None:
    now = utcnow()
    with work_of(db).write() as conn:
        conn.execute(delete(sessions).where(sessions.c.expires_at < now))
        conn.execute(
            insert(sessions).values(token_hash=token_hash, user_id=user_id, created_at=now, expires_at=now + lifetime)
        )


def session_user(db: Engine | UnitOfWork, token_hash: str) -> User | None:
    """The active user of a live session, else None."""
    query = (
        select(users)
        .join(sessions, sessions.c.user_id == users.c.id)
        .where(and_(sessions.c.token_hash == token_hash, sessions.c.expires_at > utcnow(), users.c.active))
    )
    with work_of(db).read() as conn:
        row = conn.execute(query).first()
    return _user(row) if row else None


def delete_session(db: Engine | UnitOfWork, token_hash: str) -> None:
    with work_of(db).write() as conn:
        conn.execute(delete(sessions).where(sessions.c.token_hash == token_hash))


def _token(row: Any) -> ApiToken:
    return ApiToken(row.id, row.user_id, row.name, row.prefix, row.created_at, row.last_used_at, row.revoked_at)


def create_token(db: Engine | UnitOfWork, user_id: int, name: str, token_hash: str, prefix: str) -> ApiToken:
    with work_of(db).write() as conn:
        new_id = conn.execute(
            insert(api_tokens).values(
                user_id=user_id, name=name, prefix=prefix, token_hash=token_hash, created_at=utcnow()
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        row = conn.execute(select(api_tokens).where(api_tokens.c.id == new_id)).one()
    return _token(row)


def list_tokens(db: Engine | UnitOfWork, user_id: int) -> list[ApiToken]:
    query = select(api_tokens).where(api_tokens.c.user_id == user_id).order_by(api_tokens.c.id)
    with work_of(db).read() as conn:
        return [_token(r) for r in conn.execute(query)]


def revoke_token(db: Engine | UnitOfWork, user_id: int, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens (another user's token is 'not found')."""
    with work_of(db).write() as conn:
        row = conn.execute(
            select(api_tokens).where(and_(api_tokens.c.id == token_id, api_tokens.c.user_id == user_id))
        ).first()
        if row is None:
            raise NotFound("Không tìm thấy mã truy cập.", detail={"token_id": token_id})
        if row.revoked_at is None:
            conn.execute(update(api_tokens).where(api_tokens.c.id == token_id).values(revoked_at=utcnow()))
        row = conn.execute(select(api_tokens).where(api_tokens.c.id == token_id)).one()
    return _token(row)


def token_user(db: Engine | UnitOfWork, token_hash: str) -> User | None:
    query = (
        select(users, api_tokens.c.id.label("token_id"))
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(and_(api_tokens.c.token_hash == token_hash, api_tokens.c.revoked_at.is_(None), users.c.active))
    )
    with work_of(db).write() as conn:
        row = conn.execute(query).first()
        if row is None:
            return None
        conn.execute(update(api_tokens).where(api_tokens.c.id == row.token_id).values(last_used_at=utcnow()))
    return _user(row)
