"""The parent's attached outline is referred to, not re-issued (issue 11, item 5).

A commune plan from 75-HD/BTGTU used to carry the guidance's 18-page ĐỀ CƯƠNG as its own attachment
(24 pages; `bench/plan_pages.py` prints the pages before and after). Now the content part points to the
parent's outline, and only the topics an editor picks are printed.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from thongsuot.cascade.derive import derive, outline_topics, select_outline, target_from_name
from thongsuot.domain.document import ParsedDocument
from thongsuot.parsing import parse_file
from thongsuot.rendering.plan_docx import render_docx

SEED_000 = Path(__file__).resolve().parents[2] / "samples" / "000_cb2ba15afe6d27db.txt"
TARGET = ("Đảng ủy xã Tân Hòa", dt.date(2025, 9, 15), "Sóc Trăng")


@pytest.fixture(scope="module")
def guidance() -> ParsedDocument:
    return parse_file(SEED_000)


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_the_outline_is_referred_to_not_reissued(guidance: ParsedDocument) -> None:
    name, on, parent = TARGET
    plan = derive(guidance, target_from_name(name, on, parent_name=parent))
    assert plan.outline is None
    assert plan.outline_ref == "theo Đề cương kèm theo Hướng dẫn số 75-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy"
    text = _docx_text(render_docx(plan))
    assert "Nội dung thông tin, tuyên truyền cụ thể theo Đề cương kèm theo Hướng dẫn số 75-HD/BTGTU" in text
    assert "ĐỀ CƯƠNG" not in text and "Ban hành kèm theo" not in text


def test_the_editor_picks_topics_to_reissue(guidance: ParsedDocument) -> None:
    name, on, parent = TARGET
    full = derive(guidance, target_from_name(name, on, parent_name=parent), include_outline=True)
    assert full.outline is not None
    topics = outline_topics(full.outline)
    assert len(topics) > 10
    picked = {topics[0][0], topics[3][0]}
    chosen = select_outline(full.outline, picked)
    assert chosen is not None
    assert [t.heading for s in chosen.sections for t in s.topics] == [topics[0][1], topics[3][1]]
    assert select_outline(full.outline, set()) is None
