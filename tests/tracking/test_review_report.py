"""Generated review report: figures, units late or missing, uncovered topics, proposals, in DOCX and XLSX."""

from __future__ import annotations

import datetime as dt
import io

import docx
from openpyxl import load_workbook

from thongsuot.domain.tracking import Activity, Period, PeriodKind, Quantity, ReportAction
from thongsuot.rendering.review_docx import render_docx
from thongsuot.rendering.review_xlsx import render_xlsx
from thongsuot.tracking.review_report import review_report
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker

D = dt.date
ISSUER = Actor("tinh.tuyengiao", "editor", "AB.TU.BTGDV")
X04 = Actor("donghoa.baocao", "reporter", "AB.X04.DU")
X05 = Actor("dongthanh.baocao", "reporter", "AB.X05.DU")
TOPICS = [{"key": "1.1", "title": "Thành tựu 80 năm", "focal": True},
          {"key": "1.2", "title": "Gương người tốt việc tốt", "focal": True},
          {"key": "2.1", "title": "Phòng chống tin giả", "focal": False}]


def _scenario(tracker: Tracker) -> tuple[int, int]:
    plan = tracker.track_plan(ISSUER, title="tuyên truyền kỷ niệm 80 năm", issuer_unit="AB.TU", symbol="70-KH/TU",
                              issued_on=D(2025, 7, 10), topics=TOPICS,
                              duties_by_name=[("Đảng ủy xã Đông Hòa", ["a"]), ("Đảng ủy xã Đông Thành", ["b"]),
                                              ("Đảng ủy xã Đông Phú", ["c"])]).plan_id
    period = tracker.add_period(ISSUER, Period(None, plan, PeriodKind.SIX_MONTHS, "6 tháng cuối năm 2025",
                                               D(2025, 7, 1), D(2025, 12, 31), D(2025, 12, 15)))
    tracker.record_activities(X04, [
        Activity(None, plan, "AB.X04.DU", D(2025, 8, 1), "phat_thanh", topics=("1.1",),
                 quantities=(Quantity(5, "tin_bai"),), title="Loa"),
        Activity(None, plan, "AB.X04.DU", D(2025, 9, 2), "hoi_nghi_bcv", topics=("1.1", "1.2"),
                 quantities=(Quantity(1, "hoi_nghi"), Quantity(150, "luot_nguoi")), title="Hội nghị"),
    ])
    tracker.record_activities(X05, [Activity(None, plan, "AB.X05.DU", D(2025, 10, 5), "pa_no", topics=("1.1",),
                                             quantities=(Quantity(4, "pa_no"),), title="Pa-nô")])
    r4 = tracker.report_for(X04, period, "AB.X04.DU")
    assert r4.id is not None
    tracker.edit_report(X04, r4.id, results="Tốt", limits="Thiếu kinh phí", causes="", proposals="Cấp thêm loa")
    tracker.report_action(X04, r4.id, ReportAction.SUBMIT, today=D(2025, 12, 10))
    r5 = tracker.report_for(X05, period, "AB.X05.DU")
    assert r5.id is not None
    tracker.report_action(X05, r5.id, ReportAction.SUBMIT, today=D(2025, 12, 20))
    return plan, period


def test_report_contents_docx_and_xlsx(tracker: Tracker) -> None:
    plan, period = _scenario(tracker)
    report = review_report(tracker.engine, ISSUER, plan, period_id=period, today=D(2026, 1, 5))
    assert report.total.activities == 3
    assert not report.final
    by_unit = {u.unit: u.activities for u in report.units}
    assert by_unit == {"Đảng ủy xã Đông Hòa": 2, "Đảng ủy xã Đông Thành": 1, "Đảng ủy xã Đông Phú": 0}
    assert {u.unit: u.timeliness for u in report.late_or_missing} == {
        "Đảng ủy xã Đông Thành": "Trễ hạn", "Đảng ủy xã Đông Phú": "Chưa nộp (quá hạn)"}
    assert report.uncovered_topics == ("2.1. Phòng chống tin giả",)
    assert report.proposals == (("Đảng ủy xã Đông Hòa", "Cấp thêm loa."),)

    document = docx.Document(io.BytesIO(render_docx(report)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "Sơ kết 6 tháng cuối năm 2025 thực hiện Kế hoạch số 70-KH/TU ngày 10/07/2025" in text
    assert "Kết quả chung: 3 hoạt động" in text
    assert "Đảng ủy xã Đông Phú: Chưa nộp (quá hạn)" in text
    assert "- 2.1. Phòng chống tin giả" in text
    assert "- Đảng ủy xã Đông Hòa: Cấp thêm loa" in text
    marked = [r for p in document.paragraphs for r in p.runs if r.text.startswith("[Cần viết")]
    assert marked and all(r.font.highlight_color is not None for r in marked)
    cells = [[c.text for c in row.cells] for t in document.tables[1:] for row in t.rows]
    assert ["1", "Đảng ủy xã Đông Hòa", "2", "5 tin, bài; 1 hội nghị; 150 lượt người dự", "Đã gửi", "Đúng hạn"] in [
        [c for c in row] for row in cells]
    topic_row = next(r for r in cells if r[1].startswith("1.1."))
    assert topic_row[2] == "3"

    wb = load_workbook(io.BytesIO(render_xlsx(report)))
    assert {"Tổng hợp", "Theo nội dung", "Theo hình thức", "Theo đơn vị", "Chậm - thiếu", "Đề xuất"} <= set(
        wb.sheetnames)
    units = list(wb["Theo đơn vị"].iter_rows(values_only=True))
    head = units[0]
    row = next(r for r in units if r[0] == "Đảng ủy xã Đông Hòa")
    assert row[1] == 2 and row[head.index("lượt người dự")] == 150
    channels = {r[0]: r[2] for r in wb["Theo hình thức"].iter_rows(min_row=2, values_only=True)}
    assert channels == {"Phát thanh": 1, "Hội nghị báo cáo viên": 1, "Pa-nô": 1}


def test_report_for_a_subtree(tracker: Tracker) -> None:
    plan, period = _scenario(tracker)
    leader = Actor("donghoa.lanhdao", "viewer", "AB.X04.DU")
    report = review_report(tracker.engine, leader, plan, root="AB.X04.DU", period_id=period, today=D(2026, 1, 5))
    assert report.total.activities == 2
    assert [u.unit for u in report.units] == ["Đảng ủy xã Đông Hòa"]
