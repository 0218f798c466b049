"""The review report's tables as an XLSX workbook (the same figures as the DOCX)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from thongsuot.domain.tracking import Figure, ReviewReport
from thongsuot.rendering.review_docx import title_words
from thongsuot.vocab.tracking_data import channel_vocab


def _sheet(wb: Workbook, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], first: bool) -> None:
    ws = wb.active if first else wb.create_sheet()
    assert ws is not None
    ws.title = title[:31]
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        ws.append(list(row))
    for i, h in enumerate(headers, start=1):
        widest = max([len(str(h))] + [len(str(r[i - 1] or "")) for r in rows])
        ws.column_dimensions[get_column_letter(i)].width = max(8, min(70, widest + 2))
    ws.freeze_panes = "A2"


def _unit_name(code: str) -> str:
    unit = channel_vocab().quantity_unit(code)
    return unit.name if unit else code


def _unit_codes() -> list[str]:
    return [u.code for u in channel_vocab().quantity_units]


def _figure_rows(figures: Sequence[Figure], codes: Sequence[str]) -> list[list[object]]:
    rows: list[list[object]] = []
    for f in figures:
        amounts = {q.unit: q.amount for q in f.quantities}
        rows.append([f.label, f.note, f.activities, *(amounts.get(c) for c in codes)])
    return rows


def render_xlsx(report: ReviewReport) -> bytes:
    """Sheets: Tổng hợp, Theo nội dung, Theo hình thức, Theo tháng, Theo đơn vị, Chậm - thiếu, Đề xuất.

    Quantities are one numeric column per unit of measure so the figures can be summed in Excel.
    """
    codes = [c for c in _unit_codes() if any(
        q.unit == c for f in (*report.by_topic, *report.by_channel, report.total) for q in f.quantities)]
    qty_heads = [channel_vocab().quantity_unit(c).name for c in codes]  # type: ignore[union-attr]
    wb = Workbook()
    _sheet(wb, "Tổng hợp", ["Mục", "Giá trị"], [
        ["Báo cáo", title_words(report)], ["Kế hoạch", report.plan_title], ["Đơn vị", report.scope_name],
        ["Từ ngày", report.start], ["Đến ngày", report.end], ["Số hoạt động", report.total.activities],
        *([f"Số lượng: {_unit_name(q.unit)}", q.amount] for q in report.total.quantities),
        ["Hạn gửi báo cáo", report.due],
        ["Nội dung chưa có hoạt động", "; ".join(report.uncovered_topics)],
    ], True)
    _sheet(wb, "Theo nội dung", ["Nội dung", "Ghi chú", "Số hoạt động", *qty_heads],
           _figure_rows(report.by_topic, codes), False)
    _sheet(wb, "Theo hình thức", ["Hình thức", "Nhóm", "Số hoạt động", *qty_heads],
           _figure_rows(report.by_channel, codes), False)
    _sheet(wb, "Theo tháng", ["Tháng", "", "Số hoạt động", *qty_heads], _figure_rows(report.by_month, codes), False)
    unit_rows: list[list[object]] = []
    for u in report.units:
        amounts = {q.unit: q.amount for q in u.quantities}
        unit_rows.append([u.unit, u.activities, *(amounts.get(c) for c in codes), u.report_state, u.timeliness,
                          u.submitted_on])
    _sheet(wb, "Theo đơn vị", ["Đơn vị", "Số hoạt động", *qty_heads, "Báo cáo", "Thời hạn", "Ngày gửi"],
           unit_rows, False)
    _sheet(wb, "Chậm - thiếu", ["Đơn vị", "Thời hạn", "Ngày gửi"],
           [[u.unit, u.timeliness, u.submitted_on] for u in report.late_or_missing], False)
    _sheet(wb, "Hạn chế - nguyên nhân", ["Đơn vị", "Hạn chế, nguyên nhân"], [list(x) for x in report.limits], False)
    _sheet(wb, "Đề xuất", ["Đơn vị", "Đề xuất, kiến nghị"], [list(p) for p in report.proposals], False)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
