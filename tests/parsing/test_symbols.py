"""Symbols and dates as printed, including OCR damage and line breaks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thongsuot.parsing.symbols import find_date, find_symbols, parse_date, parse_symbol


@pytest.mark.parametrize(
    ("raw", "number", "symbol", "type_code", "issuer_code", "ref"),
    [
        ("205-KH/BTCTW", "205", "KH/BTCTW", "KH", "BTCTW", "205-KH/BTCTW"),
        ("Số: 205-KH/BTCTW", "205", "KH/BTCTW", "KH", "BTCTW", "205-KH/BTCTW"),
        ("0124/KH-UBND", "0124", "KH-UBND", "KH", "UBND", "0124/KH-UBND"),
        ("30/2020/NĐ-CP", "30", "2020/NĐ-CP", "NĐ", "CP", "30/2020/NĐ-CP"),
        ("1234/QĐ-UBND ngày 3/5/2021", "1234", "QĐ-UBND", "QĐ", "UBND", "1234/QĐ-UBND"),
        ("15/CT-TTg", "15", "CT-TTg", "CT", "TTg", "15/CT-TTg"),
        ("56/UBND-VX", "56", "UBND-VX", None, "UBND", "56/UBND-VX"),
        ("70-KH/TƯ", "70", "KH/TU", "KH", "TU", "70-KH/TU"),
        ("18-NQ/T\\V", "18", "NQ/TW", "NQ", "TW", "18-NQ/TW"),
        ("21-NQ/TỈV,", "21", "NQ/TW", "NQ", "TW", "21-NQ/TW"),
        ("29-NQ/'TW.", "29", "NQ/TW", "NQ", "TW", "29-NQ/TW"),
        ("60-ỌĐ/TW", "60", "QĐ/TW", "QĐ", "TW", "60-QĐ/TW"),
        ("39- KH/HU", "39", "KH/HU", "KH", "HU", "39-KH/HU"),
        ("41 -QĐ/TW", "41", "QĐ/TW", "QĐ", "TW", "41-QĐ/TW"),
        ("24- \n\nCTr/TU", "24", "CTr/TU", "CTr", "TU", "24-CTr/TU"),
        ("08-QĐi/TW", "08", "QĐi/TW", "QĐi", "TW", "08-QĐi/TW"),
        ("12-NQ/ĐUK", "12", "NQ/ĐUK", "NQ", "ĐUK", "12-NQ/ĐUK"),
        ("05-HD/BTGTƯ", "05", "HD/BTGTU", "HD", "BTGTU", "05-HD/BTGTU"),
    ],
)
def test_parse_symbol(
    raw: str, number: str, symbol: str, type_code: str | None, issuer_code: str, ref: str
) -> None:
    parts = parse_symbol(raw)
    assert parts is not None
    assert (parts.number, parts.symbol, parts.type_code, parts.issuer_code, parts.ref) == (
        number,
        symbol,
        type_code,
        issuer_code,
        ref,
    )


@pytest.mark.parametrize("raw", ["2019-2025", "12/4/2019", "giai đoạn 2020 - 2025", "Covid-19", "", "số"])
def test_not_a_symbol(raw: str) -> None:
    assert parse_symbol(raw) is None


def test_find_symbols_ranges() -> None:
    text = "Căn cứ Kế hoạch số 70-KH/TU và Nghị định số 30/2020/NĐ-CP."
    found = [(p.ref, text[s:e]) for p, s, e in find_symbols(text)]
    assert found == [("70-KH/TU", "70-KH/TU"), ("30/2020/NĐ-CP", "30/2020/NĐ-CP")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 12/4/2019", dt.date(2019, 4, 12)),
        ("12-4-2019", dt.date(2019, 4, 12)),
        ("ngày 12- 4-2019", dt.date(2019, 4, 12)),
        ("ngày 12 tháng 4 năm 2019", dt.date(2019, 4, 12)),
        ("Hà Nội, ngày 12 tháng 4 năm 2019", dt.date(2019, 4, 12)),
        ("ngày 12 /6/2022", dt.date(2022, 6, 12)),
        ("12.4.2019", dt.date(2019, 4, 12)),
        ("neày 08/3/2022", dt.date(2022, 3, 8)),
        ("ngày 31/2/2020", None),
        ("ngày 12/13/2020", None),
        ("ngày      /5/2022", None),
        ("nhiệm kỳ 2020-2025", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_find_date_range_and_start() -> None:
    text = "Kế hoạch số 70-KH/TU, ngày 23/5/2023 của Ban Thường vụ; ngày 1/6/2023"
    first = find_date(text)
    assert first is not None and text[first[1] : first[2]] == "ngày 23/5/2023"
    second = find_date(text, first[2])
    assert second is not None and second[0] == dt.date(2023, 6, 1)


@given(st.text())
def test_parse_date_never_raises(text: str) -> None:
    parse_date(text)
    parse_symbol(text)
    list(find_symbols(text))
