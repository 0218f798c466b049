"""A unit's own period report, as the official-format DOCX it signs and stamps, and as XLSX.

Built from what the unit submitted (its narrative and its activities of the
period), in the Party format of the plan renderer: header (superior body, the
unit, "*", number), place and date, BÁO CÁO + title, body (results with the
activity table, limits and causes, proposals), Nơi nhận and the signature
block. What only the signer can write (the number, name and title) is left as
a marked blank.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.table import _Cell
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from thongsuot.domain.tracking import Activity
from thongsuot.rendering.docx_style import DocxStyle, load_style
from thongsuot.rendering.plan_docx import CENTER, LEFT, _setup, _two_columns, _Writer, set_column_widths
from thongsuot.rendering.review_docx import quantities_text
from thongsuot.vocab.levels import plan_text
from thongsuot.vocab.tracking_data import channel_vocab

TABLE_PT = 12
ACTIVITY_WIDTHS = (10, 24, 33, 60, 38)  # TT, Ngày, Hình thức, Hoạt động, Số lượng: 165 mm of text width


@dataclass(frozen=True)
class UnitReportDoc:
    unit_name: str
    parent_body: str | None  # the superior party body printed above the unit ("ĐẢNG BỘ XÃ ĐÔNG HÒA")
    plan_ref: str  # "Kế hoạch số 15-KH/TU ngày 03/12/2026 của Tỉnh ủy An Bình"
    plan_title: str
    period_label: str
    period_kind_words: str  # "sơ kết 6 tháng", "tổng kết năm"
    start: dt.date
    end: dt.date
    place: str | None
    made_on: dt.date
    recipient: str  # the body the report goes to
    results: str
    limits: str
    causes: str
    proposals: str
    activities: tuple[Activity, ...]
    state_label: str  # "Đã gửi", "Bản nháp"...


def _lines(w: _Writer, text: str, empty: str) -> None:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in lines or [empty]:
        w.body(ln)


def _channel(code: str) -> str:
    c = channel_vocab().channel(code)
    return c.name if c else code


def _table(w: _Writer, acts: Sequence[Activity]) -> None:
    heads = ("TT", "Ngày", "Hình thức", "Hoạt động", "Số lượng")
    table = w.doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        w.para(cell, text, TABLE_PT, bold=True, first=True)
    for i, a in enumerate(acts, start=1):
        day = f"{a.start:%d/%m/%Y}" + (f" – {a.end:%d/%m/%Y}" if a.end else "")
        row = (str(i), day, _channel(a.channel), a.title or (a.note or ""), quantities_text(a.quantities))
        for j, (cell, text) in enumerate(zip(table.add_row().cells, row, strict=True)):
            w.para(cell, text, TABLE_PT, align=LEFT if j in (2, 3) else CENTER, first=True)
    set_column_widths(table, ACTIVITY_WIDTHS)
    w.para(w.doc, "", w.fmt.body_pt)


def _keep_on_one_page(cell: _Cell) -> None:
    """The Nơi nhận / signature row never splits across two pages (a signature alone on a page is void)."""
    tr_pr = cell._tc.getparent().get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def build_docx(r: UnitReportDoc, style: DocxStyle | None = None) -> DocumentObject:
    style = style or load_style()
    fmt = style.party
    doc = Document()
    _setup(doc, style, fmt)
    w = _Writer(doc, style, fmt)
    left, right = _two_columns(doc, style, fmt)
    first = True
    if r.parent_body:
        w.para(left, r.parent_body.upper(), fmt.parent_body_pt, first=True)
        first = False
    w.para(left, r.unit_name.upper(), fmt.issuer_pt, bold=True, first=first)
    w.para(left, "*", fmt.star_pt)
    w.para(left, f"Số:{chr(0xA0) * 6}-BC", fmt.symbol_pt)
    w.para(right, plan_text("header", "party_national"), fmt.national_pt, bold=True, underline=True, first=True)
    w.para(right, "", fmt.place_date_pt)
    place = f"{r.place}, " if r.place else ""
    w.para(right, f"{place}ngày {r.made_on.day:02d} tháng {r.made_on.month:02d} năm {r.made_on.year}",
           fmt.place_date_pt, italic=True)
    w.para(doc, "", fmt.body_pt)
    w.para(doc, "BÁO CÁO", fmt.type_word_pt, bold=True)
    w.para(doc, f"Kết quả {r.period_label} thực hiện {r.plan_ref}", fmt.title_pt, bold=True)
    w.para(doc, r.plan_title, fmt.title_pt, italic=True)
    w.para(doc, "-----", fmt.title_pt, after=fmt.space_after_pt * 2)
    about = r.plan_title[:1].lower() + r.plan_title[1:]
    w.body(f"Thực hiện {r.plan_ref} về {about}, {r.unit_name} báo cáo kết quả {r.period_label} "
           f"(từ {r.start:%d/%m/%Y} đến {r.end:%d/%m/%Y}) như sau:")
    w.body("I. KẾT QUẢ THỰC HIỆN", bold=True)
    _lines(w, r.results, "(Đơn vị chưa ghi kết quả.)")
    w.body(f"Trong kỳ, đơn vị thực hiện {len(r.activities)} hoạt động:")
    _table(w, r.activities)
    w.body("II. HẠN CHẾ, NGUYÊN NHÂN", bold=True)
    w.body("1. Hạn chế", bold=True)
    _lines(w, r.limits, "Không có.")
    w.body("2. Nguyên nhân", bold=True)
    _lines(w, r.causes, "Không có.")
    w.body("III. ĐỀ XUẤT, KIẾN NGHỊ", bold=True)
    _lines(w, r.proposals, "Không có.")
    w.para(doc, "", fmt.body_pt)
    left, right = _two_columns(doc, style, fmt)
    _keep_on_one_page(left)
    w.para(left, plan_text("headings", "recipients"), fmt.recipients_title_pt, underline=True, align=LEFT, first=True)
    w.para(left, f"- {r.recipient} (để báo cáo),", fmt.recipients_pt, align=LEFT)
    w.para(left, "- Lưu.", fmt.recipients_pt, align=LEFT)
    w.para(right, f"T/M {r.unit_name.upper()}", fmt.signature_pt, bold=True, first=True)
    w.para(right, "[CHỨC VỤ NGƯỜI KÝ]", fmt.signature_pt, bold=True)
    for _ in range(3):
        w.para(right, "", fmt.signature_pt)
    w.para(right, "[Họ và tên]", fmt.signature_pt, bold=True)
    return doc


def render_docx(r: UnitReportDoc, style: DocxStyle | None = None) -> bytes:
    buf = io.BytesIO()
    build_docx(r, style).save(buf)
    return buf.getvalue()


def render_xlsx(r: UnitReportDoc) -> bytes:
    """Two sheets: the report's text, and its activities with one numeric column per unit of measure."""
    vocab = channel_vocab()
    used = {q.unit for a in r.activities for q in a.quantities}
    codes = [u.code for u in vocab.quantity_units if u.code in used] + sorted(
        used - {u.code for u in vocab.quantity_units})
    heads = [(vocab.quantity_unit(c).name if vocab.quantity_unit(c) else c) for c in codes]  # type: ignore[union-attr]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Báo cáo"
    for row in (("Đơn vị", r.unit_name), ("Kế hoạch", f"{r.plan_ref} — {r.plan_title}"),
                ("Kỳ báo cáo", r.period_label), ("Từ ngày", r.start), ("Đến ngày", r.end),
                ("Trạng thái", r.state_label), ("Số hoạt động", len(r.activities)), ("Kết quả", r.results),
                ("Hạn chế", r.limits), ("Nguyên nhân", r.causes), ("Đề xuất, kiến nghị", r.proposals)):
        ws.append(list(row))
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90
    for cell in ws["A"]:
        cell.font = Font(bold=True)
    for cell in ws["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    acts = wb.create_sheet("Hoạt động")
    acts.append(["Ngày", "Đến ngày", "Hình thức", "Hoạt động", "Nội dung", *heads, "Đường dẫn", "Ghi chú"])
    for cell in acts[1]:
        cell.font = Font(bold=True)
    for a in r.activities:
        amounts = {q.unit: q.amount for q in a.quantities}
        acts.append([a.start, a.end, _channel(a.channel), a.title, ", ".join(a.topics),
                     *(amounts.get(c) for c in codes), a.link, a.note])
    for i, width in enumerate([12, 12, 24, 50, 12, *([14] * len(codes)), 30, 30], start=1):
        acts.column_dimensions[get_column_letter(i)].width = width
    acts.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
