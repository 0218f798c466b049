"""Response models of notifications: a unit's notices and the unread count."""

from __future__ import annotations

from thongsuot.web.schemas import Out, UtcDateTime


class NoticeOut(Out):
    id: int
    unit_code: str
    key: str  # the event: "duty:12", "returned:report:3:<hash>", "due:period:2"
    kind: str  # duty | returned | deadline
    text: str
    url: str
    created_at: UtcDateTime
    emailed_at: UtcDateTime | None
    unread: bool


class NoticeList(Out):
    items: list[NoticeOut]


class UnreadCount(Out):
    unread: int
