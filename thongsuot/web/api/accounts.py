"""JSON API: the current user, personal tokens, users, units and the audit log."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from thongsuot.storage import accounts, audit
from thongsuot.storage.accounts import User
from thongsuot.web import auth, deps
from thongsuot.web.schemas.accounts import (
    AuditEntryOut,
    AuditPage,
    TokenCreated,
    TokenList,
    TokenOut,
    UnitList,
    UnitOut,
    UserCreated,
    UserList,
    UserOut,
)

router = APIRouter()


class TokenIn(BaseModel):
    name: str = Field(default="API", max_length=100)


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    role: str
    unit_code: str
    display_name: str = ""
    password: str | None = None


class UserChange(BaseModel):
    role: str | None = None
    unit_code: str | None = None
    display_name: str | None = None
    active: bool | None = None
    password: str | None = None


@router.get("/me", tags=["accounts"], summary="Người dùng hiện tại")
def me(user: User = Depends(deps.require_user)) -> UserOut:
    return UserOut.model_validate(user)


@router.get("/tokens", tags=["accounts"], summary="Mã truy cập API của tôi")
def list_tokens(request: Request, user: User = Depends(deps.require_user)) -> TokenList:
    return TokenList(tokens=[TokenOut.of(t) for t in accounts.list_tokens(deps.state(request).engine, user.id)])


@router.post("/tokens", status_code=201, tags=["accounts"], summary="Tạo mã truy cập API (hiện một lần)")
def create_token(body: TokenIn, request: Request, user: User = Depends(deps.require_user)) -> TokenCreated:
    token, plain = auth.create_token(request, user, body.name)
    return TokenCreated(**TokenOut.of(token).model_dump(), token=plain)


@router.delete("/tokens/{token_id}", tags=["accounts"], summary="Thu hồi mã truy cập API")
def revoke_token(token_id: int, request: Request, user: User = Depends(deps.require_user)) -> TokenOut:
    return TokenOut.of(auth.revoke_token(request, user, token_id))


@router.get("/units", tags=["units"], summary="Cây tổ chức")
def list_units(request: Request, _user: User = Depends(deps.require_user)) -> UnitList:
    return UnitList(units=[UnitOut.model_validate(u) for u in deps.state(request).units()])


@router.get("/users", tags=["users"], summary="Danh sách người dùng (quản trị)")
def list_users(request: Request, _admin: User = Depends(deps.require_admin)) -> UserList:
    return UserList(users=[UserOut.model_validate(u) for u in accounts.list_users(deps.state(request).engine)])


@router.post("/users", status_code=201, tags=["users"], summary="Tạo người dùng (quản trị)")
def create_user(body: UserIn, request: Request, admin: User = Depends(deps.require_admin)) -> UserCreated:
    user, plain = auth.add_user(
        request, admin, body.username, body.role, body.unit_code, body.display_name, body.password
    )
    # a generated password is shown once; one the admin chose is not echoed
    return UserCreated(**UserOut.model_validate(user).model_dump(), password=None if body.password else plain)


@router.patch("/users/{user_id}", tags=["users"], summary="Sửa người dùng (quản trị)")
def change_user(
    user_id: int, body: UserChange, request: Request, admin: User = Depends(deps.require_admin)
) -> UserOut:
    return UserOut.model_validate(auth.change_user(request, admin, user_id, body.model_dump()))


@router.get("/audit", tags=["audit"], summary="Nhật ký thao tác (quản trị)")
def list_audit(
    request: Request,
    user: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    _admin: User = Depends(deps.require_admin),
) -> AuditPage:
    entries, total = audit.list_audit(
        deps.state(request).engine, actor=user, action=action, since=since, until=until, limit=limit, offset=offset
    )
    return AuditPage(total=total, entries=[AuditEntryOut.of(e) for e in entries])
