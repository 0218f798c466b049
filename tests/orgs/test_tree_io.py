"""Tree import/export: round trips, Vietnamese cell-referenced errors, all-or-nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from thongsuot.domain.org import UnitKind
from thongsuot.errors import InputError, UnsupportedFormat
from thongsuot.orgs import tree_io
from thongsuot.vocab.tracking_data import demo_province


def test_demo_province_round_trips_through_xlsx_and_csv() -> None:
    units = demo_province().units
    for name, data in (("t.xlsx", tree_io.to_xlsx(units)), ("t.csv", tree_io.to_csv(units))):
        back = tree_io.read_units(data, name)
        assert back == units  # aliases are excluded from equality; check them too
        assert [u.aliases for u in back] == [u.aliases for u in units]


def _xlsx(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


HEAD = ["Mã đơn vị", "Tên đơn vị", "Loại", "Cấp", "Mã cấp trên", "Hiệu lực từ ngày", "Hiệu lực đến ngày"]


def test_vietnamese_labels_dates_and_english_headers_are_accepted() -> None:
    data = _xlsx(
        [
            HEAD,
            ["T", "Tỉnh ủy", "Cấp ủy đảng", "Tỉnh, thành phố", None, None, None],
            ["H", "Huyện ủy", "party_committee", "district", "T", None, dt.date(2025, 6, 30)],
            ["X", "Đảng ủy xã", "cap uy dang", "commune", "T", "01/07/2025", None],
        ]
    )
    units = tree_io.read_units(data, "x.xlsx")
    assert [u.code for u in units] == ["T", "H", "X"]
    assert units[1].valid_to == dt.date(2025, 6, 30)
    assert units[2].valid_from == dt.date(2025, 7, 1)
    assert units[2].kind is UnitKind.PARTY_COMMITTEE
    csv_data = "code;name;kind;level;parent\nT;Tỉnh ủy;party_committee;province;\n".encode()
    assert tree_io.read_units(csv_data, "a.csv")[0].name == "Tỉnh ủy"


def test_every_faulty_cell_is_reported_and_nothing_is_returned() -> None:
    data = _xlsx(
        [
            HEAD,
            ["T", "Tỉnh ủy", "Cấp ủy đảng", "province", None, None, None],
            ["A", "", "loại lạ", "province", "T", "31/02/2025", None],
            ["B", "Ban", "commission", "cấp lạ", "T", None, None],
        ]
    )
    with pytest.raises(InputError) as err:
        tree_io.read_units(data, "x.xlsx")
    detail = err.value.detail
    assert "Ô B3: thiếu “Tên đơn vị”." in detail
    assert any(d.startswith("Ô C3:") and "loại lạ" in d for d in detail)
    assert any(d.startswith("Ô F3:") for d in detail)
    assert any(d.startswith("Ô D4:") for d in detail)
    assert "chưa nhập" in err.value.message


def test_missing_column_and_broken_links() -> None:
    with pytest.raises(InputError):
        tree_io.read_units(_xlsx([["Mã đơn vị", "Tên đơn vị"], ["A", "B"]]), "x.xlsx")
    rows = [HEAD, ["A", "a", "commission", "province", "NOPE", None, None]]
    with pytest.raises(InputError) as err:
        tree_io.read_units(_xlsx(rows), "x.xlsx")
    assert any("NOPE" in d for d in err.value.detail)
    # A parent already stored (known code) is fine.
    assert tree_io.read_units(_xlsx(rows), "x.xlsx", known_codes={"NOPE"})[0].parent_code == "NOPE"
    cyc = [HEAD, ["A", "a", "commission", "province", "B", None, None], ["B", "b", "commission", "province", "A", None, None]]
    with pytest.raises(InputError):
        tree_io.read_units(_xlsx(cyc), "x.xlsx")


def test_unsupported_and_damaged_files() -> None:
    with pytest.raises(UnsupportedFormat):
        tree_io.read_units(b"x", "tree.pdf")
    with pytest.raises(InputError):
        tree_io.read_units(b"not a zip", "tree.xlsx")
