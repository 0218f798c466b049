"""Notifications: the list for the user's unit, the count in the header, read marks, the e-mail address.

The header's count is loaded by htmx from /notifications/count on every page,
so the pages' shared context stays as it is.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from thongsuot.errors import InputError
from thongsuot.storage.accounts import User
from thongsuot.tracking import notifications
from thongsuot.web import deps
from thongsuot.web.render import Screen, respond

router = APIRouter(prefix="/notifications")
EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")
KIND_LABELS = {"duty": "Nhiệm vụ mới", "returned": "Bị trả lại", "deadline": "Sắp đến hạn"}


def smtp_of(request: Request) -> notifications.Smtp | None:
    return notifications.Smtp.from_settings(deps.state(request).settings)


def mail_later(request: Request, tasks: BackgroundTasks, fn: object, *args: object) -> None:
    """Send after the response: a slow or absent mail server never delays the page."""
    tasks.add_task(fn, deps.state(request).engine, smtp_of(request), *args)  # type: ignore[arg-type]


@router.get("")
def notices_page(request: Request, user: User = Depends(deps.require_user)) -> Response:
    engine = deps.state(request).engine
    items = notifications.for_user(engine, user.unit_code, user.id)
    ctx = {"items": items, "kinds": KIND_LABELS, "email": notifications.email_of(engine, user.id),
           "mail_on": smtp_of(request) is not None, "error": None}
    return respond(request, Screen("notifications.html", ctx))


@router.get("/count")
def notices_count(request: Request, user: User = Depends(deps.require_user)) -> Response:
    n = notifications.unread(deps.state(request).engine, user.unit_code, user.id)
    badge = f'<span class="notice-count" id="notice-count" title="{n} thông báo chưa đọc">{n}</span>' if n else ""
    return HTMLResponse(badge)


@router.post("/read")
def notices_read(request: Request, user: User = Depends(deps.require_user)) -> Response:
    notifications.mark_read(deps.state(request).engine, user.unit_code, user.id)
    return RedirectResponse("/notifications", status_code=303)


@router.post("/email")
def notices_email(request: Request, email: Annotated[str, Form()] = "",
                  user: User = Depends(deps.require_user)) -> Response:
    address = email.strip()
    if address and (len(address) > 254 or not EMAIL.match(address)):
        raise InputError(f"Địa chỉ e-mail “{address[:100]}” không hợp lệ.", detail={"field": "email"})
    notifications.set_email(deps.state(request).engine, user.id, address or None)
    return RedirectResponse("/notifications?email=saved", status_code=303)
