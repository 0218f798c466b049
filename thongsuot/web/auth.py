"""Logging in and out, user administration and personal API tokens.

The functions here are shared by the JSON API and the pages, so both check the
same rights and write the same audit entries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Request, Response

from thongsuot.errors import Forbidden, InputError, Unauthorized
from thongsuot.storage import accounts
from thongsuot.storage.accounts import Role, User
from thongsuot.storage.unit_of_work import one_unit
from thongsuot.web import deps, security

SESSION_LIFETIME = dt.timedelta(hours=12)
MIN_PASSWORD = 10


def login(request: Request, response: Response, username: str, password: str) -> User:
    """Check the password (rate-limited), open a session and set its cookie."""
    st = deps.state(request)
    address = deps.client_address(request)
    username = username.strip()
    at = st.limiter.attempt(username[:200], address)  # recorded before the check: parallel guesses cannot race
    found = accounts.get_credentials(st.engine, username[:200])
    ok = security.check_login_password(found[1] if found else None, bool(found and found[0].active), password)
    if not ok or found is None:
        deps.audit(request, "login_failed", target=username[:200], actor_name=username[:200])
        raise Unauthorized("Tên đăng nhập hoặc mật khẩu không đúng.", code="login_failed")
    st.limiter.succeeded(username[:200], address, at)
    user = found[0]
    token = security.new_token()
    accounts.create_session(st.engine, security.token_hash(token), user.id, SESSION_LIFETIME)
    response.set_cookie(
        security.SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=st.settings.secure_cookies,
        path="/",
    )
    request.state.user = user
    deps.audit(request, "login", target=user.username, actor=user)
    return user


def logout(request: Request, response: Response) -> None:
    st = deps.state(request)
    cookie = request.cookies.get(security.SESSION_COOKIE)
    user = deps.current_user(request)
    if cookie:
        accounts.delete_session(st.engine, security.token_hash(cookie))
    response.delete_cookie(security.SESSION_COOKIE, path="/")
    if user is not None:
        deps.audit(request, "logout", target=user.username, actor=user)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.", code="weak_password")


def add_user(
    request: Request, admin: User, username: str, role: str, unit_code: str, display_name: str, password: str | None
) -> tuple[User, str]:
    """Create a user (admin only); returns it and its password (generated when empty)."""
    username = username.strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise InputError("Tên đăng nhập không hợp lệ (không dấu cách, tối đa 64 ký tự).")
    plain = password or security.generate_password()
    check_password_strength(plain)
    with one_unit(deps.state(request).engine) as work:
        user = accounts.create_user(
            work,
            username,
            security.hash_password(plain),
            deps.parse_role(role),
            unit_code.strip(),
            display_name.strip(),
        )
        deps.audit(request, "user_create", target=user.username, after=user.to_dict(), actor=admin, work=work)
    return user, plain


def change_user(request: Request, admin: User, user_id: int, changes: dict[str, Any]) -> User:
    """Change role / unit / name / active / password of a user (admin only)."""
    fields: dict[str, Any] = {}
    if changes.get("role"):
        fields["role"] = deps.parse_role(str(changes["role"]))
    if changes.get("unit_code"):
        fields["unit_code"] = str(changes["unit_code"]).strip()
    if changes.get("display_name") is not None:
        fields["display_name"] = str(changes["display_name"]).strip()
    if changes.get("active") is not None:
        fields["active"] = bool(changes["active"])
    if changes.get("password"):
        check_password_strength(str(changes["password"]))
        fields["password_hash"] = security.hash_password(str(changes["password"]))
    if user_id == admin.id and (fields.get("active") is False or fields.get("role", Role.ADMIN) is not Role.ADMIN):
        raise Forbidden("Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.")
    with one_unit(deps.state(request).engine) as work:
        before, after = accounts.update_user(work, user_id, **fields)
        after_dict = after.to_dict()
        if "password_hash" in fields:
            after_dict["password"] = "(đã đổi)"
        deps.audit(request, "user_update", target=after.username, before=before.to_dict(), after=after_dict,
                   actor=admin, work=work)
    return after


def change_own_password(request: Request, user: User, current: str, new: str) -> None:
    st = deps.state(request)
    found = accounts.get_credentials(st.engine, user.username)
    if found is None or not security.verify_password(found[1], current):
        raise InputError("Mật khẩu hiện tại không đúng.", code="wrong_password")
    check_password_strength(new)
    with one_unit(st.engine) as work:
        accounts.update_user(work, user.id, password_hash=security.hash_password(new))
        deps.audit(request, "password_change", target=user.username, actor=user, work=work)


def create_token(request: Request, user: User, name: str) -> tuple[accounts.ApiToken, str]:
    """A personal API token; the plain value is returned once and only its hash kept."""
    name = name.strip() or "API"
    plain = security.new_api_token()
    with one_unit(deps.state(request).engine) as work:
        token = accounts.create_token(work, user.id, name[:100], security.token_hash(plain), plain[:8])
        deps.audit(request, "token_create", target=f"{user.username}/{token.id}", after={"name": token.name},
                   actor=user, work=work)
    return token, plain


def revoke_token(request: Request, user: User, token_id: int) -> accounts.ApiToken:
    with one_unit(deps.state(request).engine) as work:
        token = accounts.revoke_token(work, user.id, token_id)
        deps.audit(request, "token_revoke", target=f"{user.username}/{token.id}", actor=user, work=work)
    return token
