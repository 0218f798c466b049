"""JSON API: the current user, personal tokens, users, units and the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from thongsuot.storage import accounts, audit
from thongsuot.storage.accounts import User
from thongsuot.web import auth, deps

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


def unit_dict(u: accounts.Unit) -> dict[str, Any]:
    return {
        "code": u.code,
        "name": u.name,
        "kind": u.kind,
        "level": u.level,
        "parent_code": u.parent_code,
        "valid_from": u.valid_from.isoformat() if u.valid_from else None,
        "valid_to": u.valid_to.isoformat() if u.valid_to else None,
    }


@router.get("/me", tags=["accounts"], summary="Người dùng hiện tại")
def me(user: User = Depends(deps.require_user)) -> dict[str, Any]:
    return user.to_dict()


@router.get("/tokens", tags=["accounts"], summary="Mã truy cập API của tôi")
def list_tokens(request: Request, user: User = Depends(deps.require_user)) -> dict[str, Any]:
    return {"tokens": [auth.token_dict(t) for t in accounts.list_tokens(deps.state(request).engine, user.id)]}


@router.post("/tokens", status_code=201, tags=["accounts"], summary="Tạo mã truy cập API (hiện một lần)")
def create_token(body: TokenIn, request: Request, user: User = Depends(deps.require_user)) -> dict[str, Any]:
    token, plain = auth.create_token(request, user, body.name)
    return {**auth.token_dict(token), "token": plain}


@router.delete("/tokens/{token_id}", tags=["accounts"], summary="Thu hồi mã truy cập API")
def revoke_token(token_id: int, request: Request, user: User = Depends(deps.require_user)) -> dict[str, Any]:
    return auth.token_dict(auth.revoke_token(request, user, token_id))


@router.get("/units", tags=["units"], summary="Cây tổ chức")
def list_units(request: Request, _user: User = Depends(deps.require_user)) -> dict[str, Any]:
    return {"units": [unit_dict(u) for u in deps.state(request).units()]}


@router.get("/users", tags=["users"], summary="Danh sách người dùng (quản trị)")
def list_users(request: Request, _admin: User = Depends(deps.require_admin)) -> dict[str, Any]:
    return {"users": [u.to_dict() for u in accounts.list_users(deps.state(request).engine)]}


@router.post("/users", status_code=201, tags=["users"], summary="Tạo người dùng (quản trị)")
def create_user(body: UserIn, request: Request, admin: User = Depends(deps.require_admin)) -> dict[str, Any]:
    user, plain = auth.add_user(
        request, admin, body.username, body.role, body.unit_code, body.display_name, body.password
    )
    out = user.to_dict()
    if not body.password:
        out["password"] = plain  # generated: shown once
    return out


@router.patch("/users/{user_id}", tags=["users"], summary="Sửa người dùng (quản trị)")
def change_user(
    user_id: int, body: UserChange, request: Request, admin: User = Depends(deps.require_admin)
) -> dict[str, Any]:
    return auth.change_user(request, admin, user_id, body.model_dump()).to_dict()


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
) -> dict[str, Any]:
    entries, total = audit.list_audit(
        deps.state(request).engine, actor=user, action=action, since=since, until=until, limit=limit, offset=offset
    )
    return {
        "total": total,
        "entries": [
            {
                "id": e.id,
                "at": e.at.isoformat() + "Z",
                "user": e.actor,
                "action": e.action,
                "target": e.target,
                "before": e.before,
                "after": e.after,
                "address": e.address,
            }
            for e in entries
        ],
    }
