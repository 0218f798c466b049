"""Bulk entry of activities: an XLSX template per plan and unit, and its all-or-nothing import.

The template carries the plan and unit in a "Thông tin" sheet, drop-down lists
of channels and quantity units (from the vocabulary) and the plan's outline
topics. The import reports every faulty cell in Vietnamese (`Ô C5: ...`) and
returns activities only when the whole sheet is clean.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from thongsuot.domain.tracking import Activity, Quantity, RowError
from thongsuot.errors import InputError
from thongsuot.orgs.tree_io import parse_date
from thongsuot.parsing.read.limits import check_package
from thongsuot.tracking.activities import LINK, find_channel, find_quantity_unit
from thongsuot.tracking.coverage import Topic
from thongsuot.vocab.tracking_data import channel_vocab

SHEET = "Hoạt động"
LISTS = "Danh mục"
INFO = "Thông tin"
FIRST_ROW = 2  # row 1 holds the headers
QTY_PAIRS = 3


@dataclass(frozen=True)
class Col:
    key: str
    label: str
    width: int
    required: bool = False


COLUMNS: tuple[Col, ...] = (
    Col("start", "Ngày thực hiện (dd/mm/yyyy)", 16, True),
    Col("end", "Đến ngày (nếu nhiều ngày)", 14),
    Col("channel", "Hình thức, kênh", 30, True),
    Col("topics", "Nội dung theo đề cương (mục, cách nhau dấu ;)", 22),
    Col("title", "Tên hoạt động", 45, True),
    *(c for i in range(1, QTY_PAIRS + 1)
      for c in (Col(f"amount{i}", f"Số lượng {i}", 11), Col(f"unit{i}", f"Đơn vị tính {i}", 16))),
    Col("link", "Đường dẫn (nếu có)", 30),
    Col("note", "Ghi chú", 30),
)
LETTER = {c.key: get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}


def template(plan_id: int, plan_title: str, unit_code: str, unit_name: str, topics: Sequence[Topic]) -> bytes:
    vocab = channel_vocab()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append([c.label for c in COLUMNS])
    head_fill = PatternFill("solid", fgColor="DDE7F3")
    for i, c in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = c.width
    ws.freeze_panes = "A2"
    lists = wb.create_sheet(LISTS)
    lists.append(["Hình thức, kênh", "Đơn vị tính", "Mục đề cương", "Nội dung"])
    names = [c.name for c in vocab.channels]
    units = [u.name for u in vocab.quantity_units]
    for i in range(max(len(names), len(units), len(topics))):
        lists.append([
            names[i] if i < len(names) else None,
            units[i] if i < len(units) else None,
            topics[i].key if i < len(topics) else None,
            (("[Trọng tâm] " if topics[i].focal else "") + topics[i].title) if i < len(topics) else None,
        ])
    for col, width in zip("ABCD", (34, 18, 12, 80), strict=True):
        lists.column_dimensions[col].width = width
    channel_dv = DataValidation(type="list", formula1=f"='{LISTS}'!$A$2:$A${len(names) + 1}", allow_blank=True)
    unit_dv = DataValidation(type="list", formula1=f"='{LISTS}'!$B$2:$B${len(units) + 1}", allow_blank=True)
    channel_dv.error = "Chọn hình thức trong danh mục."
    unit_dv.error = "Chọn đơn vị tính trong danh mục."
    ws.add_data_validation(channel_dv)
    ws.add_data_validation(unit_dv)
    channel_dv.add(f"{LETTER['channel']}{FIRST_ROW}:{LETTER['channel']}2000")
    for i in range(1, QTY_PAIRS + 1):
        unit_dv.add(f"{LETTER[f'unit{i}']}{FIRST_ROW}:{LETTER[f'unit{i}']}2000")
    info = wb.create_sheet(INFO)
    for row in (("Mã kế hoạch", plan_id), ("Kế hoạch", plan_title), ("Mã đơn vị", unit_code), ("Đơn vị", unit_name),
                ("Hướng dẫn", "Mỗi dòng ở trang “Hoạt động” là một hoạt động; tệp chỉ được nhận khi mọi dòng hợp lệ.")):
        info.append(list(row))
    info.column_dimensions["A"].width = 14
    info.column_dimensions["B"].width = 90
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def read_activities(data: bytes, plan_id: int, unit_code: str, topic_keys: Sequence[str]) -> list[Activity]:
    """Every row of the filled template as an Activity, or InputError listing every faulty cell.

    The package passes the DOCX zip checks first and is then streamed
    (read_only): a hostile or huge workbook costs bounded memory.
    """
    check_package("bảng hoạt động (.xlsx)", data)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise InputError("Không đọc được tệp Excel (.xlsx).", detail=str(exc)) from exc
    if SHEET not in wb.sheetnames:
        raise InputError(f"Tệp không đúng mẫu: thiếu trang “{SHEET}”.")
    if INFO in wb.sheetnames:
        meta = {_text(r[0]): r[1] for r in wb[INFO].iter_rows(min_row=1, max_col=2, values_only=True) if r[0]}
        if _text(meta.get("Mã kế hoạch")) not in ("", str(plan_id)) or _text(meta.get("Mã đơn vị")) not in ("", unit_code):
            raise InputError("Tệp mẫu này thuộc kế hoạch hoặc đơn vị khác; hãy tải đúng mẫu của đơn vị.")
    ws = wb[SHEET]
    errors: list[RowError] = []
    out: list[Activity] = []
    for r, row in enumerate(ws.iter_rows(min_row=FIRST_ROW, max_col=len(COLUMNS), values_only=True), FIRST_ROW):
        cells = dict(zip((c.key for c in COLUMNS), row, strict=False))
        if all(_text(v) == "" for v in cells.values()):
            continue
        bad: list[RowError] = []

        def err(key: str, message: str, r: int = r, bad: list[RowError] = bad) -> None:
            bad.append(RowError(r, LETTER[key], message))

        for c in COLUMNS:
            if c.required and not _text(cells.get(c.key)):
                err(c.key, f"thiếu “{c.label}”.")
        start = end = None
        for key in ("start", "end"):
            if _text(cells.get(key)):
                try:
                    day = parse_date(cells[key])
                except ValueError:
                    err(key, f"ngày “{_text(cells[key])}” không hợp lệ (dd/mm/yyyy).")
                    continue
                if key == "start":
                    start = day
                else:
                    end = day
        if start and end and end < start:
            err("end", "ngày kết thúc trước ngày bắt đầu.")
        channel = None
        if _text(cells.get("channel")):
            channel = find_channel(_text(cells["channel"]))
            if channel is None:
                err("channel", f"hình thức “{_text(cells['channel'])}” không có trong danh mục.")
        topics = tuple(t.strip().rstrip(".") for t in _text(cells.get("topics")).replace(",", ";").split(";")
                       if t.strip())
        unknown = [t for t in topics if topic_keys and t not in topic_keys]
        if unknown:
            err("topics", f"mục “{', '.join(unknown)}” không có trong đề cương của kế hoạch.")
        quantities: list[Quantity] = []
        for i in range(1, QTY_PAIRS + 1):
            amount, unit = cells.get(f"amount{i}"), _text(cells.get(f"unit{i}"))
            if _text(amount) == "" and not unit:
                continue
            try:
                value = float(str(amount).replace(",", ".")) if not isinstance(amount, int | float) else float(amount)
            except ValueError:
                err(f"amount{i}", f"số lượng “{_text(amount)}” không phải là số.")
                continue
            if value < 0:
                err(f"amount{i}", "số lượng không được âm.")
            code = find_quantity_unit(unit) if unit else None
            if code is None:
                err(f"unit{i}", f"đơn vị tính “{unit}” không có trong danh mục." if unit else "thiếu đơn vị tính.")
                continue
            quantities.append(Quantity(value, code))
        link = _text(cells.get("link")) or None
        if link and not LINK.match(link):
            err("link", "đường dẫn phải bắt đầu bằng http:// hoặc https://.")
        if bad or start is None or channel is None:
            errors.extend(bad)
            continue
        out.append(Activity(None, plan_id, unit_code, start, channel, end=end, topics=topics,
                            quantities=tuple(quantities), title=_text(cells.get("title")), link=link,
                            note=_text(cells.get("note")) or None))
    if errors:
        raise InputError(f"Tệp có {len(errors)} lỗi; chưa ghi nhận hoạt động nào.", detail=[e.text() for e in errors])
    if not out:
        raise InputError("Tệp chưa có hoạt động nào.")
    return out


def rows_to_xlsx(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]]) -> bytes:
    """A simple workbook: one sheet per (title, headers, rows) — the tables beside the charts."""
    wb = Workbook()
    first = True
    for title, headers, rows in sheets:
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        first = False
        ws.title = title[:31]
        ws.append(list(headers))
        for c in ws[1]:
            c.font = Font(bold=True)
        for row in rows:
            ws.append(list(row))
        for i, h in enumerate(headers, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(12, min(60, len(str(h)) + 6))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
