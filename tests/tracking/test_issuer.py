"""Which of our units issued a document: strict header matching, and tracking on ingest only for our plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from thongsuot.parsing import parse_text
from thongsuot.storage import Library, open_library
from thongsuot.storage import tracking as store
from thongsuot.tracking import views
from thongsuot.tracking.issuer import issuer_unit
from thongsuot.tracking.rights import Actor
from thongsuot.vocab.tracking_data import demo_province

UNITS = {u.code: u for u in demo_province().units}
TODAY = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("issuer", "parent", "expected"),
    [
        ("TỈNH ỦY AN BÌNH", None, "AB.TU"),
        ("BAN THƯỜNG VỤ", "TỈNH ỦY AN BÌNH", "AB.TU"),
        ("TỈNH ỦY", "ĐẢNG BỘ TỈNH AN BÌNH", "AB.TU"),
        ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "TỈNH ỦY AN BÌNH", "AB.TU.BTGDV"),
        ("Ủy ban nhân dân tỉnh An Bình", None, "AB.UBND"),
        ("UBND TỈNH AN BÌNH", None, "AB.UBND"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "UBND TỈNH AN BÌNH", "AB.SVHTTDL"),
    ],
)
def test_a_header_naming_our_unit_completely(issuer: str, parent: str | None, expected: str) -> None:
    unit = issuer_unit(issuer, parent, UNITS, TODAY)
    assert unit is not None and unit.code == expected


@pytest.mark.parametrize(
    ("issuer", "parent"),
    [
        ("TỈNH ỦY SÓC TRĂNG", None),  # another province
        ("BAN TUYÊN GIÁO", "TỈNH ỦY SÓC TRĂNG"),  # a board of another province's committee
        ("BAN TUYÊN GIÁO TỈNH ỦY", None),  # no locality: could be any province
        ("TỈNH ỦY", None),
        (None, "TỈNH ỦY AN BÌNH"),
        ("BAN KHÔNG CÓ", "TỈNH ỦY AN BÌNH"),  # a body we do not have
    ],
)
def test_anything_less_is_not_ours(issuer: str | None, parent: str | None) -> None:
    assert issuer_unit(issuer, parent, UNITS, TODAY) is None


PLAN = """ĐẢNG BỘ TỈNH {place}                 ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY
*
Số 12-KH/TU                          {place_short}, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
tuyên truyền kỷ niệm ngày thành lập Đảng

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của cán bộ, đảng viên.

II. NỘI DUNG TUYÊN TRUYỀN
1. Lịch sử vẻ vang của Đảng.

III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo và Dân vận Tỉnh ủy
- Hướng dẫn, theo dõi việc thực hiện kế hoạch.
2. Sở Văn hóa, Thể thao và Du lịch
- Tổ chức cổ động trực quan.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn A
"""


@pytest.fixture
def lib(db_url: str) -> Iterator[Library]:
    library = open_library(db_url)
    with library.db.engine.begin() as conn:
        store.write_tree(conn, demo_province().units)
    yield library
    library.close()


def _store(lib: Library, place: str, place_short: str) -> int:
    text = PLAN.format(place=place, place_short=place_short)
    parsed = parse_text(text, "kh.txt")
    return lib.store(parsed, text.encode(), file_name=f"kh-{place_short}.txt", fmt="txt").document_id


def test_ingesting_our_plan_tracks_it_once_and_other_provinces_plans_not(lib: Library) -> None:
    t = views.Tracker(lib.db.engine)
    admin = Actor("(test)", "admin", "AB.TU")
    ours = _store(lib, "AN BÌNH", "An Bình")
    made = views.track_if_ours(t, lib, admin, ours)
    assert made is not None
    assert {a.unit_code for a in made.assignments} == {"AB.TU.BTGDV", "AB.SVHTTDL"}
    with lib.db.engine.connect() as conn:
        assert store.get_plan(conn, made.plan_id)["issuer_unit"] == "AB.TU"
    assert views.track_if_ours(t, lib, admin, ours) is None  # already tracked: nothing doubled
    theirs = _store(lib, "SÓC TRĂNG", "Sóc Trăng")
    assert views.track_if_ours(t, lib, admin, theirs) is None
    with lib.db.engine.connect() as conn:
        assert len(store.list_plans(conn)) == 1


def test_an_editor_of_another_unit_does_not_put_our_plan_under_tracking(lib: Library) -> None:
    t = views.Tracker(lib.db.engine)
    ours = _store(lib, "AN BÌNH", "An Bình")
    press_editor = Actor("bao", "editor", "AB.BAO")  # a body under the committee, not acting for it
    assert views.track_if_ours(t, lib, press_editor, ours) is None
    made = views.track_if_ours(t, lib, Actor("tg", "editor", "AB.TU.BTGDV"), ours)
    assert made is not None and made.assignments


def test_a_board_named_without_its_committee_is_not_enough() -> None:
    # "Ban Tuyên giáo Tỉnh ủy" is a full unit name in our tree, but every province has one.
    assert issuer_unit("Ban Tuyên giáo Tỉnh ủy", None, UNITS, dt.date(2024, 5, 1)) is None
    assert issuer_unit("Sở Văn hóa, Thể thao và Du lịch", None, UNITS, TODAY) is None
