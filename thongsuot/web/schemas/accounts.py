"""Response models of the accounts area: users, API tokens, units, the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from thongsuot.domain.org import UnitKind
from thongsuot.storage.accounts import ApiToken, Role
from thongsuot.storage.audit import AuditEntry
from thongsuot.web.schemas import Out, UtcDateTime


class UserOut(Out):
    id: int
    username: str
    display_name: str
    role: Role
    unit_code: str
    active: bool
    created_at: UtcDateTime


class UserCreated(UserOut):
    password: str | None = None  # the generated password, shown once (None when the admin chose one)


class UserList(Out):
    users: list[UserOut]


class TokenOut(Out):
    id: int
    name: str
    prefix: str
    created_at: UtcDateTime
    last_used_at: UtcDateTime | None
    revoked: bool

    @classmethod
    def of(cls, token: ApiToken) -> TokenOut:
        return cls.model_validate({**token.__dict__, "revoked": token.revoked_at is not None})


class TokenCreated(TokenOut):
    token: str  # the secret itself, shown once


class TokenList(Out):
    tokens: list[TokenOut]


class UnitOut(Out):
    code: str
    name: str
    kind: UnitKind
    level: str
    parent_code: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None


class UnitList(Out):
    units: list[UnitOut]


class AuditEntryOut(Out):
    id: int
    at: UtcDateTime  # UTC, written with a Z
    user: str
    action: str
    target: str
    before: Any
    after: Any
    address: str

    @classmethod
    def of(cls, e: AuditEntry) -> AuditEntryOut:
        return cls(id=e.id, at=e.at.replace(tzinfo=dt.UTC), user=e.actor, action=e.action, target=e.target,
                   before=e.before, after=e.after, address=e.address)


class AuditPage(Out):
    total: int
    entries: list[AuditEntryOut]
