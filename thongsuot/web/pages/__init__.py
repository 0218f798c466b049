"""Server-rendered pages (Jinja2 + htmx). Forms post with the CSRF field; htmx sends the header."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from thongsuot.web import deps
from thongsuot.web.pages import (
    account,
    admin,
    library,
    notifications,
    plans,
    plans_review,
    scan,
    tracking,
    uploads,
)


def build_pages_router() -> APIRouter:
    router = APIRouter(include_in_schema=False, dependencies=[Depends(deps.check_csrf)])
    for module in (account, admin, library, notifications, plans, plans_review, scan, tracking, uploads):
        router.include_router(module.router)
    return router
