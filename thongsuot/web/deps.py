"""Request-scoped helpers: the app state, who is asking, CSRF, audit, and the rights as route dependencies.

The rights themselves are decided in `tracking/rights.py` (the one module
pages, API and CLI call); here they only become FastAPI dependencies given the
request's user and the app's unit tree. Every write goes to the audit log.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates

from thongsuot.config import Settings
from thongsuot.errors import Forbidden, InputError, Unauthorized
from thongsuot.storage import Library, accounts
from thongsuot.storage import audit as audit_store
from thongsuot.storage.accounts import Role, User
from thongsuot.storage.db import Database
from thongsuot.storage.unit_of_work import EngineWork, UnitOfWork
from thongsuot.tracking import rights
from thongsuot.web import security

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass
class AppState:
    """Everything a request handler needs, kept on `app.state.ts`."""

    settings: Settings
    db: Database
    templates: Jinja2Templates
    lib: Library
    limiter: security.LoginLimiter = field(default_factory=security.LoginLimiter)
    _units_cache: tuple[float, list[accounts.Unit]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def engine(self) -> Any:
        return self.db.engine

    def units(self) -> list[accounts.Unit]:
        """The unit list, cached a few seconds (it changes only on import)."""
        with self._lock:
            if self._units_cache and time.monotonic() - self._units_cache[0] < 5:
                return self._units_cache[1]
        units = accounts.list_units(self.engine)
        with self._lock:
            self._units_cache = (time.monotonic(), units)
        return units

    def subtree(self, code: str) -> frozenset[str]:
        return accounts.subtree_codes(self.units(), code)


def state(request: Request) -> AppState:
    return request.app.state.ts  # type: ignore[no-any-return]


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


def bearer_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip() or None
    return None


def current_user(request: Request) -> User | None:
    """The user of the Bearer token or of the session cookie (cached per request)."""
    if hasattr(request.state, "user"):
        return request.state.user  # type: ignore[no-any-return]
    st = state(request)
    user: User | None = None
    token = bearer_token(request)
    if token:
        user = accounts.token_user(st.engine, security.token_hash(token))
        if user is None:
            raise Unauthorized("Mã truy cập không hợp lệ hoặc đã bị thu hồi.")
    else:
        cookie = request.cookies.get(security.SESSION_COOKIE)
        if cookie:
            user = accounts.session_user(st.engine, security.token_hash(cookie))
    request.state.user = user
    return user


def require_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise Unauthorized("Vui lòng đăng nhập.")
    return user


def require_reader(request: Request) -> User | None:
    """Reading the library: a user, or anyone when the library is public."""
    user = current_user(request)
    if not rights.may_read_library(user, state(request).settings.public_library):
        raise Unauthorized("Vui lòng đăng nhập để xem thư viện.")
    return user


def require_admin(request: Request) -> User:
    user = require_user(request)
    rights.require_administer(user)
    return user


def require_uploader(request: Request) -> User:
    user = require_user(request)
    rights.require_upload(user)
    return user


def may_edit_unit(request: Request, user: User | None, unit_code: str | None) -> bool:
    return rights.may_edit_unit(user, unit_code, state(request).subtree)


def check_unit_right(request: Request, user: User, unit_code: str | None) -> None:
    rights.require_edit_unit(user, unit_code, state(request).subtree)


def may_read_plan(request: Request, user: User, unit_code: str | None, issued: bool) -> bool:
    return rights.may_read_plan(user, unit_code, issued, state(request).subtree)


def require_tree_exporter(request: Request) -> User:
    user = require_user(request)
    rights.require_export_tree(user, {u.code for u in state(request).units() if u.parent_code is None})
    return user


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser (set as a cookie by the middleware)."""
    return request.state.csrf  # type: ignore[no-any-return]


async def check_csrf(request: Request) -> None:
    """Unsafe requests made with cookies must echo the CSRF cookie (header or form field)."""
    if request.method not in UNSAFE_METHODS or bearer_token(request):
        return
    cookie = request.cookies.get(security.CSRF_COOKIE)
    sent = request.headers.get(security.CSRF_HEADER)
    if sent is None:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(security.CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not security.csrf_matches(cookie, sent):
        raise Forbidden(
            "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang và thử lại.",
            code="csrf_failed",
        )


def audit(
    request: Request,
    action: str,
    *,
    target: str = "",
    before: Any = None,
    after: Any = None,
    actor: User | None = None,
    actor_name: str | None = None,
    work: UnitOfWork | None = None,
) -> None:
    """Log a change; given the change's unit of `work`, the entry commits (or not) with it."""
    who = actor if actor is not None else getattr(request.state, "user", None)
    with (work or EngineWork(state(request).engine)).write() as conn:
        audit_store.append_audit(
            conn,
            action=action,
            actor=actor_name if actor_name is not None else (who.username if who else ""),
            actor_id=who.id if who else None,
            target=target,
            before=before,
            after=after,
            address=client_address(request),
        )


def parse_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError as exc:
        raise InputError(f"Vai trò không hợp lệ: {value}", detail={"roles": [str(r) for r in Role]}) from exc


ROLE_LABELS = {
    Role.ADMIN: "Quản trị",
    Role.EDITOR: "Biên tập",
    Role.REPORTER: "Báo cáo",
    Role.VIEWER: "Xem",
}
