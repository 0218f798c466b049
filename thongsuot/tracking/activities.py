"""Checking an activity against the vocabulary and the plan before it is stored.

Messages are Vietnamese; the XLSX import reuses the same checks row by row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from thongsuot.domain.tracking import Activity
from thongsuot.errors import InputError
from thongsuot.parsing.normalise import fold
from thongsuot.vocab.tracking_data import channel_vocab

LINK = re.compile(r"^https?://\S+$", re.IGNORECASE)
EARLIEST = dt.date(2000, 1, 1)


def activity_problems(a: Activity, topic_keys: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(field, Vietnamese message) for every fault of the activity."""
    vocab = channel_vocab()
    out: list[tuple[str, str]] = []
    if vocab.channel(a.channel) is None:
        out.append(("channel", f"hình thức “{a.channel}” không có trong danh mục."))
    if a.start < EARLIEST or a.start > dt.date.today() + dt.timedelta(days=366):
        out.append(("start", "ngày thực hiện không hợp lý."))
    if a.end is not None and a.end < a.start:
        out.append(("end", "ngày kết thúc trước ngày bắt đầu."))
    if topic_keys:
        unknown = [t for t in a.topics if t not in topic_keys]
        if unknown:
            out.append(("topics", f"nội dung “{', '.join(unknown)}” không có trong đề cương của kế hoạch."))
    for q in a.quantities:
        if vocab.quantity_unit(q.unit) is None:
            out.append(("quantities", f"đơn vị tính “{q.unit}” không có trong danh mục."))
        if q.amount < 0:
            out.append(("quantities", "số lượng không được âm."))
    if a.link and not LINK.match(a.link.strip()):
        out.append(("link", "đường dẫn phải bắt đầu bằng http:// hoặc https://."))
    if not (a.title.strip() or (a.note or "").strip()):
        out.append(("title", "cần ghi tên hoặc nội dung hoạt động."))
    return out


def check_activity(a: Activity, topic_keys: Sequence[str] = ()) -> None:
    problems = activity_problems(a, topic_keys)
    if problems:
        raise InputError("Hoạt động chưa hợp lệ: " + " ".join(m for _, m in problems),
                         detail=[{"field": f, "message": m} for f, m in problems])


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z ]+", " ", fold(text, diacritics=False)).split())


def find_channel(text: str) -> str | None:
    """A channel code from a code, a name or an alias as typed in a sheet."""
    k = _key(text)
    for c in channel_vocab().channels:
        if k in {_key(c.code), _key(c.name), *(_key(x) for x in c.aliases)}:
            return c.code
    return None


def find_quantity_unit(text: str) -> str | None:
    k = _key(text)
    for u in channel_vocab().quantity_units:
        if k in {_key(u.code), _key(u.name), *(_key(x) for x in u.aliases)}:
            return u.code
    return None
