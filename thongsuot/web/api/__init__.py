"""The JSON API under /api/v1. State-changing calls made with the session cookie need the CSRF header."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from thongsuot.web import deps
from thongsuot.web.api import accounts, documents, notifications, plans, scans, tracking


def build_api_router() -> APIRouter:
    router = APIRouter(dependencies=[Depends(deps.check_csrf)])
    router.include_router(documents.router)
    router.include_router(scans.router)
    router.include_router(accounts.router)
    router.include_router(tracking.router)
    router.include_router(plans.router)
    router.include_router(notifications.router)
    return router
