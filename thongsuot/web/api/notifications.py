"""JSON API: the notices of the user's unit and how many are unread (the page and its header badge read the same)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from thongsuot.storage.accounts import User
from thongsuot.tracking import notifications
from thongsuot.web import deps
from thongsuot.web.schemas.notifications import NoticeList, NoticeOut, UnreadCount

router = APIRouter(prefix="/notifications", tags=["notifications"])


@router.get("", summary="Thông báo của đơn vị tôi (mới nhất trước)")
def list_notices(request: Request, user: User = Depends(deps.require_user)) -> NoticeList:
    items = notifications.for_user(deps.state(request).engine, user.unit_code, user.id)
    return NoticeList(items=[NoticeOut.model_validate(n) for n in items])


@router.get("/count", summary="Số thông báo chưa đọc")
def count(request: Request, user: User = Depends(deps.require_user)) -> UnreadCount:
    return UnreadCount(unread=notifications.unread(deps.state(request).engine, user.unit_code, user.id))
