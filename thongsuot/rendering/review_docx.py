"""The báo cáo sơ kết / tổng kết as an official DOCX, built with the plan renderer's pieces.

Header, page set-up and paragraph writer come from `plan_docx` (same Party
format and style file); this module adds the report's parts: results by
content and by form with the figures, a table per unit, units late or
missing, topics uncovered, proposals gathered. Narrative parts are printed as
highlighted "[Cần viết: ...]" fields so nobody mistakes them for findings.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt

from thongsuot.domain.tracking import Figure, Quantity, ReviewReport, UnitFigure
from thongsuot.rendering.docx_style import DocxStyle, load_style
from thongsuot.rendering.plan_docx import (
    CENTER,
    LEFT,
    _fonts,
    _setup,
    _two_columns,
    _Writer,
    set_column_widths,
)
from thongsuot.vocab.levels import plan_text
from thongsuot.vocab.tracking_data import channel_vocab

TABLE_PT = 12


def quantities_text(quantities: Sequence[Quantity]) -> str:
    vocab = channel_vocab()
    parts = []
    for q in quantities:
        unit = vocab.quantity_unit(q.unit)
        amount = f"{q.amount:,.0f}".replace(",", ".") if float(q.amount).is_integer() else f"{q.amount:g}"
        parts.append(f"{amount} {unit.name if unit else q.unit}")
    return "; ".join(parts)


def title_words(report: ReviewReport) -> str:
    kind = "Tổng kết" if report.final else "Sơ kết"
    label = f" {report.period_label}" if report.period_label else ""
    return f"{kind}{label} thực hiện {report.plan_ref}"


def _to_write(w: _Writer, hint: str) -> None:
    p = w.body("")
    run = p.add_run(f"[Cần viết: {hint}]")
    run.italic = True
    run.font.size = Pt(w.fmt.body_pt)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    _fonts(run, w.style.page.font)


# Column widths (mm) per table, summing to the A4 text width (210 - 30 - 15 = 165 mm) so no table overflows
# the page and short columns ("Nhóm", "Thời hạn") are wide enough for their words not to break one a line.
TOPIC_WIDTHS = (10, 74, 20, 41, 20)
CHANNEL_WIDTHS = (10, 52, 20, 41, 42)
UNIT_WIDTHS = (10, 45, 17, 33, 27, 33)


def _table(w: _Writer, headers: Sequence[str], rows: Sequence[Sequence[str]],
           widths: Sequence[float] | None = None) -> None:
    table = w.doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        w.para(cell, text, TABLE_PT, bold=True, first=True)
    for row in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            w.para(cell, text, TABLE_PT, align=LEFT if i == 1 or len(headers) == 2 else CENTER, first=True)
    if widths:
        set_column_widths(table, widths)
    w.para(w.doc, "", w.fmt.body_pt)


def _figure_rows(figures: Sequence[Figure], with_note: bool) -> list[list[str]]:
    rows = []
    for i, f in enumerate(figures, start=1):
        row = [str(i), f.label, str(f.activities), quantities_text(f.quantities)]
        if with_note:
            row.append(f.note)
        rows.append(row)
    return rows


def _unit_rows(units: Sequence[UnitFigure]) -> list[list[str]]:
    return [[str(i), u.unit, str(u.activities), quantities_text(u.quantities), u.report_state or "",
             u.timeliness or ""] for i, u in enumerate(units, start=1)]


def _header(w: _Writer, report: ReviewReport) -> None:
    fmt = w.fmt
    left, right = _two_columns(w.doc, w.style, fmt)
    first = True
    if report.parent_body:
        w.para(left, report.parent_body.upper(), fmt.parent_body_pt, first=True)
        first = False
    w.para(left, report.issuer_body.upper(), fmt.issuer_pt, bold=True, first=first)
    w.para(left, "*", fmt.star_pt)
    code = f"/{report.issuer_code}" if report.issuer_code else ""
    w.para(left, f"Số:{chr(0xA0) * 6}-BC{code}", fmt.symbol_pt)
    w.para(right, plan_text("header", "party_national"), fmt.national_pt, bold=True, underline=True, first=True)
    w.para(right, "", fmt.place_date_pt)
    place = f"{report.place}, " if report.place else ""
    day = report.made_on
    w.para(right, f"{place}ngày {day.day:02d} tháng {day.month:02d} năm {day.year}", fmt.place_date_pt, italic=True)
    w.para(w.doc, "", fmt.body_pt)
    w.para(w.doc, "BÁO CÁO", fmt.type_word_pt, bold=True)
    w.para(w.doc, title_words(report), fmt.title_pt, bold=True)
    w.para(w.doc, report.plan_title, fmt.title_pt, italic=True)
    w.para(w.doc, "-----", fmt.title_pt, after=fmt.space_after_pt * 2)


def build_docx(report: ReviewReport, style: DocxStyle | None = None) -> DocumentObject:
    style = style or load_style()
    fmt = style.party
    doc = Document()
    _setup(doc, style, fmt)
    w = _Writer(doc, style, fmt)
    _header(w, report)
    span = ""
    if report.start and report.end:
        span = f" (từ {report.start:%d/%m/%Y} đến {report.end:%d/%m/%Y})"
    what = f"kết quả {report.period_label}" if report.period_label else "kết quả thực hiện"
    w.body(f"Thực hiện {report.plan_ref} về {report.plan_title}, {report.scope_name} báo cáo {what}{span} "
           f"như sau:")
    w.body("I. KẾT QUẢ THỰC HIỆN", bold=True)
    w.body("1. Công tác lãnh đạo, chỉ đạo, triển khai", bold=True)
    _to_write(w, dict(report.to_write).get("direction", ""))
    total = report.total
    w.body(f"2. Kết quả chung: {total.activities} hoạt động"
           + (f" ({quantities_text(total.quantities)})" if total.quantities else "") + ".", bold=True)
    w.body("3. Kết quả theo nội dung tuyên truyền", bold=True)
    _table(w, ["TT", "Nội dung (theo đề cương)", "Số hoạt động", "Số lượng", "Ghi chú"],
           _figure_rows(report.by_topic, True), TOPIC_WIDTHS)
    w.body("4. Kết quả theo hình thức tuyên truyền", bold=True)
    _table(w, ["TT", "Hình thức", "Số hoạt động", "Số lượng", "Nhóm"], _figure_rows(report.by_channel, True),
           CHANNEL_WIDTHS)
    w.body("5. Kết quả của từng đơn vị", bold=True)
    if report.due:
        of = f" kỳ {report.reports_period}" if report.reports_period else ""
        w.body(f"Hạn gửi báo cáo{of}: ngày {report.due:%d/%m/%Y}; cột “Báo cáo” là trạng thái báo cáo của đơn vị, "
               f"cột “Thời hạn” cho biết đơn vị gửi đúng hạn, trễ hạn hay chưa gửi.")
    _table(w, ["TT", "Đơn vị", "Số hoạt động", "Số lượng", "Báo cáo", "Thời hạn"], _unit_rows(report.units),
           UNIT_WIDTHS)
    _to_write(w, dict(report.to_write).get("assessment", ""))
    w.body("II. HẠN CHẾ, NGUYÊN NHÂN", bold=True)
    w.body("1. Đơn vị chậm hoặc chưa gửi báo cáo", bold=True)
    if report.late_or_missing:
        for u in report.late_or_missing:
            w.body(f"- {u.unit}: {u.timeliness}"
                   + (f" (gửi ngày {u.submitted_on:%d/%m/%Y})" if u.submitted_on else "") + ".")
    else:
        w.body("- Chưa có đơn vị nào quá hạn gửi báo cáo.")
    w.body("2. Nội dung chưa được tuyên truyền", bold=True)
    for topic in report.uncovered_topics or ("Mọi nội dung của đề cương đều đã có hoạt động tuyên truyền.",):
        w.body(f"- {topic}")
    by_missing: dict[tuple[str, ...], list[str]] = {}
    for unit, missing in report.focal_gaps:  # one line per set of missing focal topics
        by_missing.setdefault(missing, []).append(unit)
    for missing, units in by_missing.items():
        keys = ", ".join(m.split(" ", 1)[0].rstrip(".") for m in missing)
        w.body(f"- Chưa có hoạt động về nội dung trọng tâm {keys}: {', '.join(units)}.")
    w.body("3. Hạn chế, nguyên nhân", bold=True)
    _to_write(w, dict(report.to_write).get("limits", ""))
    for unit, text in report.limits:
        w.body(f"- {unit} nêu {text}")
    w.body("III. BÀI HỌC KINH NGHIỆM", bold=True)
    _to_write(w, dict(report.to_write).get("lessons", ""))
    w.body("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold=True)
    _to_write(w, dict(report.to_write).get("next", ""))
    w.body("V. ĐỀ XUẤT, KIẾN NGHỊ", bold=True)
    for unit, text in report.proposals:
        w.body(f"- {unit}: {text}")
    if not report.proposals:
        w.body("- Các đơn vị chưa có đề xuất.")
    _closing(w)
    return doc


def _closing(w: _Writer) -> None:
    fmt = w.fmt
    w.para(w.doc, "", fmt.body_pt)
    left, right = _two_columns(w.doc, w.style, fmt)
    w.para(left, plan_text("headings", "recipients"), fmt.recipients_title_pt, underline=True, align=LEFT, first=True)
    w.para(left, "- [Cần viết: nơi nhận],", fmt.recipients_pt, align=LEFT)
    w.para(left, "- Lưu.", fmt.recipients_pt, align=LEFT)
    w.para(right, "[CHỨC VỤ NGƯỜI KÝ]", fmt.signature_pt, bold=True, first=True)
    for _ in range(3):
        w.para(right, "", fmt.signature_pt)
    w.para(right, "[Họ và tên]", fmt.signature_pt, bold=True)


def render_docx(report: ReviewReport, style: DocxStyle | None = None) -> bytes:
    buf = io.BytesIO()
    build_docx(report, style).save(buf)
    return buf.getvalue()
