"""The review report and a unit's own report from what units submitted: place, date, title, deadlines, numbers."""

from __future__ import annotations

import datetime as dt
import io

import docx
from openpyxl import load_workbook
from sqlalchemy import Engine

from thongsuot.domain.tracking import Activity, Quantity, ReportAction
from thongsuot.rendering.review_docx import render_docx
from thongsuot.rendering.review_xlsx import render_xlsx
from thongsuot.rendering.unit_report import render_docx as unit_docx
from thongsuot.rendering.unit_report import render_xlsx as unit_xlsx
from thongsuot.storage import tracking as store
from thongsuot.tracking import demo, views
from thongsuot.tracking.review_report import review_report
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.rollup import dashboard
from thongsuot.tracking.service import Tracker
from thongsuot.tracking.unit_report import party_org_name, unit_report
from thongsuot.vocab.tracking_data import place_of

TODAY = dt.date(2026, 12, 3)
PROVINCE = Actor("tinh.tuyengiao", "editor", "AB.TU.BTGDV")
COMMUNE = Actor("donghoa.baocao", "reporter", "AB.X04.DU")
CELL = Actor("chibo.baocao", "reporter", "AB.X04.CS01")


def _text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def _loaded(engine: Engine) -> tuple[Tracker, int, int]:
    demo.load_tree(engine)
    plan = demo.load_plan(engine, today=TODAY)
    t = Tracker(engine)
    t.record_activities(COMMUNE, [Activity(None, plan, "AB.X04.DU", TODAY - dt.timedelta(days=3), "phat_thanh",
                                           title="Phát thanh", topics=("1.1",),
                                           quantities=(Quantity(12, "tin_bai"), Quantity(2, "buoi")))], ["1.1"])
    with engine.connect() as conn:
        period = store.list_periods(conn, plan)[0]
    r = t.report_for(COMMUNE, period.id, "AB.X04.DU")  # type: ignore[arg-type]
    t.edit_report(COMMUNE, r.id, results="Tốt", limits="Loa một số thôn hỏng.", causes="Kinh phí hạn chế;",  # type: ignore[arg-type]
                  proposals="Hỗ trợ kinh phí sửa loa.")
    t.report_action(COMMUNE, r.id, ReportAction.SUBMIT, today=TODAY)  # type: ignore[arg-type]
    return t, plan, period.id  # type: ignore[return-value]


def test_review_of_the_whole_plan_carries_the_current_periods_submissions(engine: Engine) -> None:
    _t, plan, _period = _loaded(engine)
    report = review_report(engine, PROVINCE, plan, today=TODAY)  # no period chosen ("Toàn bộ")
    assert not report.final and report.place == "An Bình" and report.due is not None and report.due > TODAY
    assert report.limits == (("Đảng ủy xã Đông Hòa", "hạn chế: Loa một số thôn hỏng; nguyên nhân: Kinh phí hạn chế."),)
    assert report.proposals == (("Đảng ủy xã Đông Hòa", "Hỗ trợ kinh phí sửa loa."),)
    text = _text(render_docx(report))
    assert "An Bình, ngày 03 tháng 12 năm 2026" in text
    assert "Sơ kết thực hiện Kế hoạch số 15-KH/TU" in text and "Tổng kết" not in text
    assert ".;" not in text and ".." not in text.replace("...", "")
    assert "Chưa đến hạn" in text and "Đã gửi" in text and "Đúng hạn" in text  # Báo cáo / Thời hạn columns
    assert "Các đơn vị chưa có đề xuất" not in text
    d = docx.Document(io.BytesIO(render_docx(report)))
    for table in d.tables:  # every table fits the 165 mm text width of the A4 page
        assert sum(c.width for c in table.columns) <= 166 * 36000  # EMU; 1 mm for rounding
    wb = load_workbook(io.BytesIO(render_xlsx(report)))
    summary = {row[0]: row[1] for row in wb["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Số lượng: tin, bài"] == 12 and summary["Số lượng: buổi"] == 2


def test_a_party_cell_exports_its_own_report_to_sign(engine: Engine) -> None:
    t, _plan, _period = _loaded(engine)
    with engine.connect() as conn:
        cplan = next(p for p in store.list_plans(conn) if p["issuer_unit"] == "AB.X04.DU")["id"]
        cperiod = store.list_periods(conn, cplan)[0].id
    t.record_activities(CELL, [Activity(None, cplan, "AB.X04.CS01", TODAY - dt.timedelta(days=5), "sinh_hoat_chi_bo",
                                        title="Quán triệt kế hoạch", topics=("1",),
                                        quantities=(Quantity(25, "luot_nguoi"),))], ["1", "2"])
    r = t.report_for(CELL, cperiod, "AB.X04.CS01")  # type: ignore[arg-type]
    t.edit_report(CELL, r.id, results="Quán triệt đến 100% đảng viên.", limits="", causes="",  # type: ignore[arg-type]
                  proposals="Cấp tài liệu.")
    t.report_action(CELL, r.id, ReportAction.SUBMIT, today=TODAY)  # type: ignore[arg-type]
    doc = unit_report(t, CELL, cperiod, "AB.X04.CS01", TODAY)  # type: ignore[arg-type]
    text = _text(unit_docx(doc))
    for part in ("ĐẢNG BỘ XÃ ĐÔNG HÒA", "CHI BỘ THÔN ĐÔNG HÒA THƯỢNG", "Đông Hòa, ngày 03 tháng 12 năm 2026",
                 "BÁO CÁO", "Kế hoạch số 08-KH/ĐU", "Quán triệt đến 100% đảng viên.", "Nơi nhận:",
                 "- Đảng ủy xã Đông Hòa (để báo cáo),", "T/M CHI BỘ THÔN ĐÔNG HÒA THƯỢNG", "[Họ và tên]",
                 "25 lượt người dự"):
        assert part in text, part
    sheet = load_workbook(io.BytesIO(unit_xlsx(doc)))["Hoạt động"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][5] == "lượt người dự" and rows[1][5] == 25 and isinstance(rows[1][0], dt.datetime)


def test_dashboard_xlsx_has_a_numeric_column_per_unit_of_measure(engine: Engine) -> None:
    _t, plan, _period = _loaded(engine)
    board = dashboard(engine, PROVINCE, plan, today=TODAY)
    wb = load_workbook(io.BytesIO(views.dashboard_xlsx(board)))
    head, *rows = list(wb["Theo đơn vị"].iter_rows(values_only=True))
    assert head == ("Đơn vị", "Mã", "Số hoạt động", "tin, bài", "buổi")
    assert rows == [("Đảng ủy xã Đông Hòa", "AB.X04.DU", 1, 12, 2)]


def test_place_and_party_organisation_names() -> None:
    assert place_of("Tỉnh ủy An Bình") == "An Bình" and place_of("Đảng ủy phường Bình Minh") == "Bình Minh"
    assert place_of("Ban Tuyên giáo Tỉnh ủy") is None
    assert party_org_name("Tỉnh ủy An Bình") == "Đảng bộ tỉnh An Bình"
    assert party_org_name("Đảng ủy xã Đông Hòa") == "Đảng bộ xã Đông Hòa"
