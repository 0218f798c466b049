"""Activities XLSX: template, filled round trip, Vietnamese cell-referenced errors, all-or-nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from thongsuot.errors import Forbidden, InputError
from thongsuot.storage import tracking as store
from thongsuot.tracking import xlsx_io
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker

ISSUER = Actor("tinh.tuyengiao", "editor", "AB.TU.BTGDV")
REPORTER = Actor("donghoa.baocao", "reporter", "AB.X04.DU")
OTHER = Actor("dongthanh.baocao", "reporter", "AB.X05.DU")
TOPICS = [{"key": "1.1", "title": "Kết quả 40 năm", "focal": True}, {"key": "2", "title": "Nhiệm vụ"}]


def _plan(tracker: Tracker) -> int:
    return tracker.track_plan(ISSUER, title="KH 70", issuer_unit="AB.TU", topics=TOPICS,
                              duties_by_name=[("Các đảng ủy xã, phường", ["Tuyên truyền"])]).plan_id


def _fill(template: bytes, rows: list[list[object]]) -> bytes:
    wb = load_workbook(io.BytesIO(template))
    ws = wb[xlsx_io.SHEET]
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_template_round_trip(tracker: Tracker) -> None:
    plan = _plan(tracker)
    tpl = tracker.activity_template(REPORTER, plan, "AB.X04.DU")
    wb = load_workbook(io.BytesIO(tpl))
    assert wb.sheetnames == [xlsx_io.SHEET, xlsx_io.LISTS, xlsx_io.INFO]
    assert wb[xlsx_io.SHEET].data_validations.dataValidation  # drop-down lists for channel and units
    filled = _fill(tpl, [
        [dt.date(2025, 8, 2), None, "Phát thanh", "1.1; 2", "Phát bản tin trên loa", 4, "tin, bài", 30, "phút",
         None, None, "https://example.org/tin", "Loa xã"],
        ["05/08/2025", "06/08/2025", "Hội nghị báo cáo viên", "1.1", "Hội nghị quý III", 1, "hội nghị", 120,
         "lượt người dự"],
    ])
    ids = tracker.import_activities_xlsx(REPORTER, plan, "AB.X04.DU", filled)
    assert len(ids) == 2
    with tracker.engine.connect() as conn:
        got = store.list_activities(conn, plan_id=plan)
    assert [(a.channel, a.topics) for a in got] == [("phat_thanh", ("1.1", "2")), ("hoi_nghi_bcv", ("1.1",))]
    assert {(q.unit, q.amount) for q in got[0].quantities} == {("tin_bai", 4.0), ("phut_phat_song", 30.0)}
    assert got[1].end == dt.date(2025, 8, 6) and got[0].link == "https://example.org/tin"


def test_errors_name_every_cell_and_nothing_is_stored(tracker: Tracker) -> None:
    plan = _plan(tracker)
    tpl = tracker.activity_template(REPORTER, plan, "AB.X04.DU")
    filled = _fill(tpl, [
        ["02/08/2025", None, "Phát thanh", "1.1", "Dòng đúng", 2, "tin, bài"],
        ["31/13/2025", None, "Chim bồ câu", "9.9", "", "nhiều", "cái", None, None, None, None, "ftp://x"],
    ])
    with pytest.raises(InputError) as err:
        tracker.import_activities_xlsx(REPORTER, plan, "AB.X04.DU", filled)
    detail = err.value.detail
    for prefix in ("Ô A3:", "Ô C3:", "Ô D3:", "Ô E3:", "Ô F3:", "Ô L3:"):
        assert any(d.startswith(prefix) for d in detail), (prefix, detail)
    assert "chưa ghi nhận" in err.value.message
    with tracker.engine.connect() as conn:
        assert store.list_activities(conn, plan_id=plan) == []


def test_template_of_another_unit_is_refused(tracker: Tracker) -> None:
    plan = _plan(tracker)
    tpl = tracker.activity_template(OTHER, plan, "AB.X05.DU")
    with pytest.raises(Forbidden):
        tracker.activity_template(REPORTER, plan, "AB.X05.DU")
    filled = _fill(tpl, [["02/08/2025", None, "Phát thanh", "1.1", "x", 1, "tin, bài"]])
    with pytest.raises(InputError):
        tracker.import_activities_xlsx(REPORTER, plan, "AB.X04.DU", filled)
    with pytest.raises(InputError):
        tracker.import_activities_xlsx(REPORTER, plan, "AB.X04.DU", b"garbage")
