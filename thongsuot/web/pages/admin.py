"""Admin pages: users, units, audit log (admin only)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response

from thongsuot.errors import ThongSuotError
from thongsuot.storage import accounts, audit
from thongsuot.storage.accounts import User
from thongsuot.web import auth, deps
from thongsuot.web.render import Screen, respond

router = APIRouter(prefix="/admin")

ACTION_LABELS = {
    "login": "Đăng nhập",
    "login_failed": "Đăng nhập sai",
    "logout": "Đăng xuất",
    "upload": "Tải lên",
    "document_update": "Sửa văn bản",
    "document_delete": "Xóa văn bản",
    "user_create": "Tạo người dùng",
    "user_update": "Sửa người dùng",
    "password_change": "Đổi mật khẩu",
    "token_create": "Tạo mã API",
    "token_revoke": "Thu hồi mã API",
    "demo_reset": "Đặt lại tài khoản mẫu",
}
PAGE_SIZE = 50


def _users_screen(request: Request, status: int = 200, **extra: Any) -> Screen:
    st = deps.state(request)
    users = accounts.list_users(st.engine)
    units = st.units()
    context = {
        "tab": "users",
        "users": users,
        "units": units,
        "unit_names": {u.code: u.name for u in units},
        "message": None,
        "error": None,
        "new_password": None,
        **extra,
    }
    return Screen("admin_users.html", context, status=status)


@router.get("/users")
def users_page(request: Request, _admin: User = Depends(deps.require_admin)) -> Response:
    return respond(request, _users_screen(request))


@router.post("/users")
def users_create(
    request: Request,
    username: Annotated[str, Form()],
    role: Annotated[str, Form()],
    unit_code: Annotated[str, Form()],
    display_name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    admin: User = Depends(deps.require_admin),
) -> Response:
    try:
        user, plain = auth.add_user(request, admin, username, role, unit_code, display_name, password or None)
    except ThongSuotError as exc:
        return respond(request, _users_screen(request, status=exc.status, error=exc.message))
    extra = {"new_password": plain, "new_username": user.username} if not password else {}
    return respond(request, _users_screen(request, status=201, message=f"Đã thêm {user.username}.", **extra))


@router.post("/users/{user_id}")
def users_update(
    user_id: int,
    request: Request,
    role: Annotated[str, Form()] = "",
    unit_code: Annotated[str, Form()] = "",
    active: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    admin: User = Depends(deps.require_admin),
) -> Response:
    changes = {
        "role": role or None,
        "unit_code": unit_code or None,
        "active": None if active == "" else active == "1",
        "password": password or None,
    }
    try:
        user = auth.change_user(request, admin, user_id, changes)
    except ThongSuotError as exc:
        return respond(request, _users_screen(request, status=exc.status, error=exc.message))
    return respond(request, _users_screen(request, message=f"Đã lưu {user.username}."))


@router.get("/units")
def units_page(request: Request, _admin: User = Depends(deps.require_admin)) -> Response:
    st = deps.state(request)
    units = st.units()
    children: dict[str | None, list[accounts.Unit]] = {}
    codes = {u.code for u in units}
    for u in units:
        parent = u.parent_code if u.parent_code in codes else None
        children.setdefault(parent, []).append(u)
    counts: dict[str, int] = {}
    for user in accounts.list_users(st.engine):
        counts[user.unit_code] = counts.get(user.unit_code, 0) + 1
    context = {"tab": "units", "children": children, "user_counts": counts}
    return respond(request, Screen("admin_units.html", context))


@router.get("/audit")
def audit_page(
    request: Request,
    user: str = "",
    action: str = "",
    since: str = "",
    until: str = "",
    page: int = Query(1, ge=1),
    _admin: User = Depends(deps.require_admin),
) -> Response:
    st = deps.state(request)

    def day(value: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            return None

    entries, total = audit.list_audit(
        st.engine,
        actor=user or None,
        action=action or None,
        since=day(since),
        until=day(until),
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    filters = {"user": user, "action": action, "since": since, "until": until}

    def query_for(n: int) -> str:
        return urlencode({**{k: v for k, v in filters.items() if v}, "page": n})

    context = {
        "tab": "audit",
        "entries": entries,
        "total": total,
        "page": page,
        "pages": max(1, math.ceil(total / PAGE_SIZE)),
        "filters": filters,
        "actions": sorted(set(audit.audit_actions(st.engine)) | set(ACTION_LABELS)),
        "action_labels": ACTION_LABELS,
        "query_for": query_for,
    }
    return respond(request, Screen("admin_audit.html", context, partial="partials/audit_rows.html"))
