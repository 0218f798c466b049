"""One context per screen, rendered as a full page or an htmx partial.

A view builds a `Screen` (template, partial, data for the template); `respond`
picks the form from the request: `HX-Request` -> the partial; otherwise the
full page. Pages answer HTML only: the one JSON surface is the API under
/api/v1 (web/api/, typed by web/schemas/), whose builders the pages share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from thongsuot.tracking import rights
from thongsuot.web import deps
from thongsuot.web.security import CSRF_FIELD, CSRF_HEADER


@dataclass
class Screen:
    template: str  # full page, extends base.html
    context: dict[str, Any]  # what the templates read
    partial: str | None = None  # template rendered for htmx requests
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true" and request.headers.get("hx-boosted") != "true"


def base_context(request: Request) -> dict[str, Any]:
    st = deps.state(request)
    user = getattr(request.state, "user", None)
    if user is None and not hasattr(request.state, "user"):
        try:
            user = deps.current_user(request)
        except Exception:  # a bad token on a page: show the page as anonymous
            user = None
    return {
        "request": request,
        "user": user,
        "role_labels": deps.ROLE_LABELS,
        # what the menus offer, decided by the one rights module (templates never compare roles)
        "may_upload": user is not None and rights.may_upload(user),
        "may_administer": user is not None and rights.may_administer(user),
        "csrf": getattr(request.state, "csrf", ""),
        "csrf_field": CSRF_FIELD,
        "csrf_header": CSRF_HEADER,
        "public_library": st.settings.public_library,
        "max_upload_mb": st.settings.max_upload_mb,
        "path": request.url.path,
    }


def respond(request: Request, screen: Screen) -> Response:
    templates = deps.state(request).templates
    context = {**base_context(request), **screen.context}
    name = screen.partial if (screen.partial and is_htmx(request)) else screen.template
    response: HTMLResponse = templates.TemplateResponse(
        request, name, context, status_code=screen.status, headers=screen.headers
    )
    return response
