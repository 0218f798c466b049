"""Pages: log in / out, own account (password, personal API tokens)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from thongsuot.errors import ThongSuotError
from thongsuot.storage import accounts
from thongsuot.storage.accounts import Role, User
from thongsuot.web import auth, deps
from thongsuot.web.render import Screen, respond

router = APIRouter()

# Roles whose daily work is their unit's duties and reports, not the library: they land on it after login.
HOME_IS_TRACKING = frozenset({Role.REPORTER, Role.VIEWER})


def _safe_next(target: str | None) -> str:
    """Only same-site paths: never redirect to another host after login."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return respond(request, Screen("login.html", {"next": _safe_next(next), "error": None}))


@router.post("/login")
def login_submit(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    response = RedirectResponse(_safe_next(next), status_code=303)
    try:
        user = auth.login(request, response, username, password)
    except ThongSuotError as exc:
        context = {"next": _safe_next(next), "error": exc.message, "username": username}
        return respond(request, Screen("login.html", context, status=exc.status))
    if _safe_next(next) == "/" and user.role in HOME_IS_TRACKING:
        response.headers["location"] = "/tracking"
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    response = RedirectResponse("/login", status_code=303)
    auth.logout(request, response)
    return response


def _account_screen(request: Request, user: User, **extra: object) -> Screen:
    st = deps.state(request)
    unit = next((u for u in st.units() if u.code == user.unit_code), None)
    context = {
        "tokens": accounts.list_tokens(st.engine, user.id),
        "unit_name": unit.name if unit else user.unit_code,
        "message": None,
        "error": None,
        "new_token": None,
        **extra,
    }
    return Screen("account.html", context)


@router.get("/account")
def account_page(request: Request, user: User = Depends(deps.require_user)) -> Response:
    return respond(request, _account_screen(request, user))


@router.post("/account/tokens")
def account_token_create(
    request: Request, name: Annotated[str, Form()] = "", user: User = Depends(deps.require_user)
) -> Response:
    _token, plain = auth.create_token(request, user, name)
    return respond(request, _account_screen(request, user, new_token=plain, message="Đã tạo mã truy cập."))


@router.post("/account/tokens/{token_id}/revoke")
def account_token_revoke(token_id: int, request: Request, user: User = Depends(deps.require_user)) -> Response:
    auth.revoke_token(request, user, token_id)
    return respond(request, _account_screen(request, user, message="Đã thu hồi mã truy cập."))


@router.post("/account/password")
def account_password(
    request: Request,
    current: Annotated[str, Form()] = "",
    new: Annotated[str, Form()] = "",
    user: User = Depends(deps.require_user),
) -> Response:
    try:
        auth.change_own_password(request, user, current, new)
    except ThongSuotError as exc:
        screen = _account_screen(request, user, error=exc.message)
        screen.status = exc.status
        return respond(request, screen)
    return RedirectResponse("/login", status_code=303)  # every session was closed: log in again
