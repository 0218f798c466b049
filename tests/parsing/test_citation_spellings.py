"""Local citation spellings (issue 10, class 5), on variations built from the conventions."""

from __future__ import annotations

import datetime as dt

import pytest

from thongsuot.parsing.citations import extract_citations
from thongsuot.parsing.normalise import normalise
from thongsuot.parsing.symbols import parse_symbol


def cited(text: str) -> list[tuple[str, str | None, dt.date | None]]:
    return [(c.number, c.symbol, c.date) for c in extract_citations(normalise(text), body_start=0).citations]


@pytest.mark.parametrize(
    ("printed", "number", "symbol"),
    [
        ("13 - HD/BTGThU", "13", "HD/BTGThU"),  # spaces around the dash, mixed-case code
        ("70- HD/BTGTU", "70", "HD/BTGTU"),
        ("25 -KH/Th.U", "25", "KH/Th.U"),  # "Th.U": Thành ủy with its dot
        ("50/QĐ-TW", "50", "QĐ/TW"),  # a Party document written State-style
        ("22/NQ-TU", "22", "NQ/TU"),
        ("7/KL-HU", "7", "KL/HU"),
        ("115/KH-UBND", "115", "KH-UBND"),  # a State symbol stays State
        ("30/2020/NĐ-CP", "30", "2020/NĐ-CP"),
    ],
)
@pytest.mark.parametrize(
    "sentence",
    [
        "Căn cứ Hướng dẫn số {p} ngày 5/3/2021 của Ban Tuyên giáo Thành ủy, Ban Thường vụ xây dựng kế hoạch.",
        "Thực hiện Kế hoạch số {p}, ngày 05-03-2021 của Ban Thường vụ Tỉnh\nủy về tuyên truyền.",
        "*Căn cứ Quyết định số** {p}** ngày 5 tháng 3 năm 2021 của cấp trên;*",
    ],
)
def test_local_spellings(printed: str, number: str, symbol: str, sentence: str) -> None:
    assert cited(sentence.format(p=printed)) == [(number, symbol, dt.date(2021, 3, 5))]


@pytest.mark.parametrize(
    "text",
    [
        "Xét đề nghị của Chính phủ tại Tờ trình số**347**/TTr-CP ngày 5/3/2021 của Chính phủ.",
        "Căn cứ Nghị quyết số** 347/2021/TTr-CP* *ngày 5/3/2021 của Chính phủ;",
    ],
)
def test_markup_inside_a_citation(text: str) -> None:
    (number, _symbol, date), *_ = cited(text)
    assert (number, date) == ("347", dt.date(2021, 3, 5))


def test_own_symbol_written_state_style_is_the_party_symbol() -> None:
    parts = parse_symbol("Số: 22/NQ-TU")
    assert parts is not None and parts.ref == "22-NQ/TU" and parts.issuer_code == "TU"


@pytest.mark.parametrize("law", [
    "*Căn cứ Luật Điện lực\nsố 61/2024/QH15; *\n",
    "Căn cứ Bộ luật Lao động\nsố 45/2019/QH14;\n",
    "Căn cứ Luật Tổ chức chính quyền địa phương **\n**số 72/2025/QH15 ngày 16 tháng 6 năm 2025;\n",
])
def test_a_citation_wrapped_before_its_number_is_kept(law: str) -> None:
    assert len(cited(law)) == 1 and cited(law)[0][1] is not None


def test_the_documents_own_number_line_is_still_no_citation() -> None:
    assert cited("ĐẢNG BỘ TỈNH AN BÌNH\nSố 12-KH/TU\nKẾ HOẠCH\n") == []
    assert cited("ỦY BAN NHÂN DÂN\nSỐ: 45/KH-UBND\nKẾ HOẠCH\n") == []


@pytest.mark.parametrize("text", [
    "Căn cứ *Nghị quyết số 35-*\n*NQ/TW ngày 22/10/2018 của Bộ Chính trị*;\n",  # italics closed round the wrap
    "Thực hiện Kế hoạch số 40-KH/**\n**TU, ngày 21/4/2018;\n",  # bold closed round the wrap
    "Căn cứ Nghị quyết số **\n**35-NQ/TW ngày 22/10/2018;\n",
])
def test_a_citation_split_by_markdown_marks_across_lines_is_read_whole(text: str) -> None:
    ((number, symbol, date),) = cited(text)
    assert symbol is not None and symbol.split("/")[0] in {"NQ", "KH"} and date is not None and date.year == 2018
