"""CSV / XLSX import and export of the organisation tree.

Rows are keyed by the stable external code, so importing the same file twice
(or an edited export) updates units and never duplicates them; storage does the
upsert. Reading is all-or-nothing: every faulty row is reported with its cell
reference in Vietnamese, and nothing is returned unless the whole sheet is clean.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from thongsuot.domain.level import Level
from thongsuot.domain.org import Unit, UnitKind
from thongsuot.domain.tracking import RowError
from thongsuot.errors import InputError, UnsupportedFormat
from thongsuot.orgs.history import tree_problems
from thongsuot.parsing.normalise import fold
from thongsuot.parsing.read.limits import check_package
from thongsuot.vocab.levels import level_label, load_levels


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã đơn vị", True),
    Column("name", "Tên đơn vị", True),
    Column("kind", "Loại", True),
    Column("level", "Cấp", True),
    Column("parent", "Mã cấp trên"),
    Column("valid_from", "Hiệu lực từ ngày"),
    Column("valid_to", "Hiệu lực đến ngày"),
    Column("successors", "Mã đơn vị kế nhiệm"),
    Column("short_name", "Tên ngắn"),
    Column("aliases", "Tên gọi khác"),
)

KIND_LABELS: dict[UnitKind, str] = {
    UnitKind.PARTY_COMMITTEE: "Cấp ủy đảng",
    UnitKind.COMMISSION: "Ban, cơ quan tham mưu",
    UnitKind.STATE_AGENCY: "Cơ quan nhà nước",
    UnitKind.PRESS: "Cơ quan báo chí",
    UnitKind.FRONT_MASS_ORG: "Mặt trận, đoàn thể",
    UnitKind.GRASSROOTS_PARTY_ORG: "Tổ chức cơ sở đảng",
    UnitKind.PARTY_CELL: "Chi bộ",
}

LIST_SEP = ";"


def _key(text: str) -> str:
    return fold(text, diacritics=False)


def _kind_lookup() -> dict[str, UnitKind]:
    out: dict[str, UnitKind] = {}
    for kind, label in KIND_LABELS.items():
        out[_key(kind.value)] = kind
        out[_key(label)] = kind
    return out


def _level_lookup() -> dict[str, str]:
    out: dict[str, str] = {}
    for level, words in load_levels().levels.items():
        for text in (level.value, words.name, words.label, words.slug or ""):
            if text:
                out[_key(text)] = level.value
    return out


def level_name(code: str) -> str:
    return level_label(code)


def parse_date(value: object) -> dt.date:
    """A date cell: a real date, ISO `2025-06-30` or Vietnamese `30/6/2025`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def units_from_rows(rows: Sequence[Sequence[object]]) -> tuple[Unit, ...]:
    """Header row first. Raises InputError listing every faulty cell; returns units only if all are clean."""
    if not rows:
        raise InputError("Tệp không có dữ liệu.")
    wanted = {_key(c.key): c for c in COLUMNS} | {_key(c.label): c for c in COLUMNS}
    position: dict[str, int] = {}
    errors: list[RowError] = []
    for i, head in enumerate(rows[0]):
        col = wanted.get(_key(_cell_text(head)))
        if col is not None:
            position.setdefault(col.key, i)
    for c in COLUMNS:
        if c.required and c.key not in position:
            errors.append(RowError(1, None, f"thiếu cột “{c.label}”."))
    if errors:
        raise InputError("Tệp không đúng mẫu.", detail=[e.text() for e in errors])
    kinds, levels = _kind_lookup(), _level_lookup()
    units: list[Unit] = []
    for r, row in enumerate(rows[1:], start=2):
        def get(key: str, row: Sequence[object] = row) -> object:
            i = position.get(key)
            return row[i] if i is not None and i < len(row) else None

        def letter(key: str) -> str:
            return str(get_column_letter(position[key] + 1))

        if all(_cell_text(v) == "" for v in row):
            continue
        row_errors: list[RowError] = []
        for c in COLUMNS:
            if c.required and not _cell_text(get(c.key)):
                row_errors.append(RowError(r, letter(c.key), f"thiếu “{c.label}”."))
        kind_text, level_text = _cell_text(get("kind")), _cell_text(get("level"))
        kind = kinds.get(_key(kind_text)) if kind_text else None
        if kind_text and kind is None:
            row_errors.append(RowError(r, letter("kind"), f"loại đơn vị “{kind_text}” không có trong danh mục."))
        level = levels.get(_key(level_text)) if level_text else None
        if level_text and level is None:
            row_errors.append(RowError(r, letter("level"), f"cấp “{level_text}” không có trong danh mục."))
        dates: dict[str, dt.date | None] = {}
        for key in ("valid_from", "valid_to"):
            raw = get(key)
            dates[key] = None
            if _cell_text(raw):
                try:
                    dates[key] = parse_date(raw)
                except ValueError:
                    row_errors.append(RowError(r, letter(key), f"ngày “{_cell_text(raw)}” không hợp lệ (dd/mm/yyyy)."))
        if row_errors or kind is None or level is None:
            errors.extend(row_errors)
            continue
        units.append(
            Unit(
                code=_cell_text(get("code")),
                name=_cell_text(get("name")),
                kind=kind,
                level=level,
                parent_code=_cell_text(get("parent")) or None,
                valid_from=dates["valid_from"],
                valid_to=dates["valid_to"],
                successor_codes=_split(get("successors")),
                short_name=_cell_text(get("short_name")) or None,
                aliases=_split(get("aliases")),
            )
        )
    if errors:
        raise InputError(
            f"Tệp có {len(errors)} lỗi; chưa nhập đơn vị nào.", detail=[e.text() for e in errors]
        )
    return tuple(units)


def check_links(units: Sequence[Unit], known_codes: Iterable[str] = ()) -> None:
    """Structural check of an import against the codes already in the database."""
    known = set(known_codes)
    present = {u.code for u in units}
    # Units already stored but absent from the file stand in as leaves so links to them resolve.
    stubs = [Unit(code=c, name=c, kind=UnitKind.PARTY_COMMITTEE, level=Level.PROVINCE) for c in known - present]
    problems = tree_problems([*units, *stubs])
    if problems:
        raise InputError(f"Cây đơn vị có {len(problems)} lỗi; chưa nhập đơn vị nào.", detail=problems)


def _split(value: object) -> tuple[str, ...]:
    return tuple(p.strip() for p in _cell_text(value).split(LIST_SEP) if p.strip())


def unit_row(u: Unit) -> list[str]:
    return [
        u.code,
        u.name,
        KIND_LABELS[u.kind],
        level_name(u.level),
        u.parent_code or "",
        u.valid_from.strftime("%d/%m/%Y") if u.valid_from else "",
        u.valid_to.strftime("%d/%m/%Y") if u.valid_to else "",
        f"{LIST_SEP} ".join(u.successor_codes),
        u.short_name or "",
        f"{LIST_SEP} ".join(u.aliases),
    ]


def to_csv(units: Iterable[Unit]) -> bytes:
    """UTF-8 with BOM so that Excel opens the Vietnamese text correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([c.label for c in COLUMNS])
    for u in units:
        writer.writerow(unit_row(u))
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx(units: Iterable[Unit]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Đơn vị"
    ws.append([c.label for c in COLUMNS])
    for u in units:
        ws.append(unit_row(u))
    for i, width in enumerate((22, 60, 24, 30, 22, 16, 16, 30, 20, 40), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def read_rows(data: bytes, filename: str) -> list[list[object]]:
    """Rows of a CSV (UTF-8, with or without BOM; comma or semicolon) or XLSX file."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        check_package(filename, data)  # zip checks before openpyxl inflates anything
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for damaged files
            raise InputError("Không đọc được tệp Excel.", detail=str(exc)) from exc
        ws = wb.worksheets[0]
        return [list(r) for r in ws.iter_rows(values_only=True)]
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError("Tệp CSV phải mã hóa UTF-8.") from exc
        dialect: type[csv.Dialect] | csv.Dialect = csv.excel
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:  # a single column or an empty file: read it as plain CSV
            pass
        return [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    raise UnsupportedFormat("Chỉ nhận tệp .csv hoặc .xlsx.")


def read_units(data: bytes, filename: str, known_codes: Iterable[str] = ()) -> tuple[Unit, ...]:
    """Parse and check a whole tree file; InputError with every fault, or the units."""
    units = units_from_rows(read_rows(data, filename))
    check_links(units, known_codes)
    return units
