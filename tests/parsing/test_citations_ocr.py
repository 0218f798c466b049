"""Citations and symbols as OCR reads them from scans (issue 10's scan bar).

The inputs are lines OCR really produced on scans of ../shared/corpus/real (bench/scan_score.py's cache);
the expected readings are written from the printed page.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from thongsuot.parsing.citations import extract_citations
from thongsuot.parsing.normalise import normalise
from thongsuot.parsing.opening import own_date_from_adoption
from thongsuot.parsing.symbols import find_symbols, parse_symbol
from thongsuot.vocab.codes import load_codes


def symbols_in(text: str) -> list[str]:
    return [parts.ref for parts, _, _ in find_symbols(text)]


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # a digit of the legislature read as a letter
        ("Căn cứ Nghị quyết số 76/2025/UBTVQHI5 ngày 14 tháng 4 năm 2025 của Ủy ban", ["76/2025/UBTVQH15"]),
        ("Số: 1661/NQ-\nUBTVQHI5\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA", ["1661/NQ-UBTVQH15"]),
        # a stroke read beside the digits: one letter too many for a two-digit number
        ("sung một số điều theo Nghị quyết số 203/2025/QHI15;", ["203/2025/QH15"]),
        # a code cut by a space or a line break
        ("Căn\ncứ Thông tư số 02/2017/T T-VPCP ngày 31/10/2017 của Bộ trưởng", ["02/2017/TT-VPCP"]),
        ("Căn cứ Thông tư số 01/2023/T\nT-VPCP ngày\n05 tháng 4 năm 2023", ["01/2023/TT-VPCP"]),
        ("Công văn 11306/V PCP-NN năm 2025 đề xuất giải pháp", ["11306/VPCP-NN"]),
        # "V/v" after the document's number is no code "V"
        ("Số: 11306/VPCP-NN\n\nV/v\nđề xuất giải pháp", ["11306/VPCP-NN"]),
        ("Số: 11306/V\nPCP-NN V/v đề xuất", ["11306/VPCP-NN"]),
    ],
)
def test_ocr_symbols_are_read_back(ocr: str, expected: list[str]) -> None:
    assert symbols_in(ocr) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Số: 15/UBND\nV/v triển khai", ["15/UBND"]),  # a real code before the cut stays alone
        ("Căn cứ Quyết định số 5/QĐ UBND-VP", ["5/QĐ"]),
        ("Nghị quyết số 61/2024/QH15 và số 76/2025/UBTVQH14", ["61/2024/QH15", "76/2025/UBTVQH14"]),
        ("Văn bản số 12/V", []),
    ],
)
def test_what_is_no_misread_is_left_alone(text: str, expected: list[str]) -> None:
    assert symbols_in(text) == expected


def test_a_symbol_misread_once_joins_the_one_printed_more_often() -> None:
    # OCR of a real scan: the second letter T of "BNNMT" doubled in one of three mentions
    text = (
        "Quyết định số 2304/QĐ-BNNMTT ngày\n23/6/2025 của Bộ Nông nghiệp và Môi trường về việc công bố.\n"
        "Quyết định số 2304/QĐ-BNNMT đã được điều chỉnh bởi Quyết định số 3380/QĐ-TTPVHCC ngày 25/8/2025.\n"
        "theo Quyết định số 2304/QĐ-BNNMT và Quyết định số 3380/QĐ-TTPVHCC."
    )
    cites = extract_citations(normalise(text), body_start=0).citations
    assert [(c.number, c.symbol) for c in cites] == [("2304", "QĐ-BNNMT"), ("3380", "QĐ-TTPVHCC")]
    assert str(cites[0].date) == "2025-06-23"


def test_two_documents_with_short_codes_one_letter_apart_stay_two() -> None:
    text = "Căn cứ Kế hoạch số 12-KH/TU, Kế hoạch số 12-KH/TU và Kế hoạch số 12-KH/HU."
    cites = extract_citations(normalise(text), body_start=0).citations
    assert sorted(c.symbol or "" for c in cites) == ["KH/HU", "KH/TU"]


_DIGITS = load_codes().digit_repairs
_MARKS_OF = {d: [k for k, v in _DIGITS.items() if v == d] for d in set(_DIGITS.values())}


@given(
    number=st.integers(min_value=1, max_value=99),
    code=st.sampled_from(sorted(load_codes().numbered_codes)),
    data=st.data(),
)
def test_a_numbered_code_reads_back_whatever_digits_ocr_misread(
    number: int, code: str, data: st.DataObject
) -> None:
    printed = ""
    for digit in str(number):
        marks = _MARKS_OF.get(digit, [])
        printed += data.draw(st.sampled_from([digit, *marks]))
    # a lower-case mark ("l", "o", "|") is read as a digit only in a run that holds a digit
    assume(any(ch.isdigit() for ch in printed) or all(ch.isupper() for ch in printed))
    parts = parse_symbol(f"Nghị quyết số 76/2025/{code}{printed} ngày 14/4/2025")
    assert parts is not None
    assert parts.issuer_code == f"{code}{number}"


@given(
    type_code=st.sampled_from([t for t in load_codes().types if len(t) >= 2 and t.isupper()]),
    cut=st.integers(min_value=1, max_value=3),
    gap=st.sampled_from([" ", "\n", " \n", "\n\n"]),
)
def test_a_type_code_cut_by_ocr_reads_whole(type_code: str, cut: int, gap: str) -> None:
    cut = min(cut, len(type_code) - 1)
    printed = f"số 02/2017/{type_code[:cut]}{gap}{type_code[cut:]}-VPCP ngày"
    parts = parse_symbol(printed)
    assert parts is not None
    assert parts.ref == f"02/2017/{type_code}-VPCP"


def cited(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    cites = extract_citations(normalise(text), body_start=0).citations
    return [(c.number, c.symbol, str(c.date) if c.date else None, c.issuer) for c in cites]


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Đ read as Ð (ETH) beside itself: "QĐÐ"
        (
            "Quyết định số 3380/QĐÐ-TTPVHCC ngày\n25/8/2025\nvề việc công bố",
            [("3380", "QĐ-TTPVHCC", "2025-08-25", None)],
        ),
        # a speck read before the issuer's name
        (
            "Căn cứ Quyết định số\n513/QĐ-TCTS-NTTS ngày 28/12/2021 của ¡Tổng cục Thủy sản (nay Cục Thủy sản",
            [("513", "QĐ-TCTS-NTTS", "2021-12-28", "Tổng cục Thủy sản")],
        ),
        # "số" glued to the number; the issuer ends before the heading a lost line break joined to it
        (
            "tại Tờ trình số347/TTr-CP ngày 09 tháng 5 năm 2025, Báo cáo thẩm tra số 421/BC-UBPLTP15 ngày 03 "
            "tháng 6\n\nnăm 2025 của Ủy ban Pháp luật và Tư pháp\n\nQUYẾT NGHỊ:\n\nĐiều 1. Sắp xếp",
            [
                ("347", "TTr-CP", "2025-05-09", "Chính phủ"),  # the issuer from its code
                ("421", "BC-UBPLTP15", "2025-06-03", "Ủy ban Pháp luật và Tư pháp"),
            ],
        ),
        # a date OCR damaged past reading (the month lost) is passed over to the issuer
        (
            "Báo cáo thẩm tra số *\n\n412\n\n/BC-UBPLTP15 ngày\n\n03.\n\ntháng\n\nnăm 2025 của Ủy ban Pháp luật "
            "và Tư pháp\nQUYẾT NGHỊ:",
            [("412", "BC-UBPLTP15", None, "Ủy ban Pháp luật và Tư pháp")],
        ),
        # a tone misread in a stop phrase after the issuer ("sửa đối" for "sửa đổi")
        (
            "Nghị định số 91/2022/NĐ-CP ngày 30/10/2022 của\nChính phủ sửa đối, bổ sung một số điều",
            [("91", "2022/NĐ-CP", "2022-10-30", "Chính phủ")],
        ),
        # a dash read at a line's end inside "quy định"
        (
            "Căn cứ Nghị định số 145/2020/NĐ-CP ngày 14 tháng 12 năm 2020 của Chính phủ quy -\nđịnh chỉ tiết và",
            [("145", "2020/NĐ-CP", "2020-12-14", "Chính phủ")],
        ),
        # one word bare is no stop: "Sở" is no "số"
        (
            "Căn cứ Kế hoạch số 1/KH-UBND ngày 1/2/2020 của Sở Tài chính số hóa",
            [("1", "KH-UBND", "2020-02-01", "Sở Tài chính")],
        ),
        # specks read as full stops around "của"
        (
            "Căn cứ Thông tư số 14/2015/TT-BTC ngày 30 tháng 01 năm 2015.\ncủa Bộ trưởng Bộ Tài chính hướng dẫn",
            [("14", "2015/TT-BTC", "2015-01-30", "Bộ trưởng Bộ Tài chính")],
        ),
        (
            "bổ sung Quyết định số 3212/QĐ-BKHCN ngày 17/10/2025\ncủa .\nBộ trưởng Bộ Khoa học và Công nghệ về việc",
            [("3212", "QĐ-BKHCN", "2025-10-17", "Bộ trưởng Bộ Khoa học và Công nghệ")],
        ),
        # a colon speck inside the issuer's name
        (
            "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ:\ntrưởng, Chủ nhiệm Văn phòng Chính phủ",
            [("02", "2017/TT-VPCP", "2017-10-31", "Bộ trưởng")],
        ),
        # a number OCR cut with a space after "số"
        (
            "Báo cáo thẩm tra số 42 1/BC-UBPLTP15 ngày 03 tháng 6\n\nnăm 2025 của Ủy ban Pháp luật và Tư pháp",
            [("421", "BC-UBPLTP15", "2025-06-03", "Ủy ban Pháp luật và Tư pháp")],
        ),
        # the month read twice
        (
            "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 6 năm 2025 của Quốc hội về sắp\nxếp",
            [("202", "2025/QH15", "2025-06-12", "Quốc hội")],
        ),
    ],
)
def test_ocr_citations_keep_their_date_and_issuer(
    ocr: str, expected: list[tuple[str, str | None, str | None, str | None]]
) -> None:
    assert cited(ocr) == expected


def test_an_issuer_in_capitals_is_read_whole() -> None:
    title = "SỬA ĐỔI NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP NGÀY 30 THÁNG 6 NĂM 2020 CỦA CHÍNH PHỦ QUY ĐỊNH CHI TIẾT"
    assert cited(title)[0][3] is not None and cited(title)[0][3].upper() == "CHÍNH PHỦ"


def test_the_adoption_date_is_read_across_a_scan_line_break() -> None:
    ocr = (
        "Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa\n"
        "Việt Nam khóa XV thông qua ngày 16 tháng 6 năm 2025.\n"
    )
    assert own_date_from_adoption(ocr) == dt.date(2025, 6, 16)
    # a paragraph break still ends the sentence
    assert own_date_from_adoption(ocr.replace("nghĩa\n", "nghĩa\n\n")) is None


def _damaged(digits: str, data: st.DataObject) -> str:
    """`digits` with each digit perhaps read as one of its OCR marks; a real digit in the first two."""
    out = "".join(data.draw(st.sampled_from([d, *_MARKS_OF.get(d, [])])) for d in digits)
    assume(any(ch.isdigit() for ch in out[:2]))
    return out


@given(number=st.integers(min_value=1, max_value=99999), year=st.integers(1990, 2099), data=st.data())
def test_a_number_and_year_read_back_whatever_digits_ocr_misread(
    number: int, year: int, data: st.DataObject
) -> None:
    state = parse_symbol(
        f"Căn cứ Thông tư số {_damaged(str(number), data)}/{_damaged(str(year), data)}/TT-BTC"
    )
    party = parse_symbol(f"Thực hiện Chỉ thị số {_damaged(str(number), data)}-CT/TW ngày 5/3/2021")
    assert state is not None and state.ref == f"{number}/{year}/TT-BTC"
    assert party is not None and party.ref == f"{number}-CT/TW"


@pytest.mark.parametrize(
    ("printed", "ref"),
    [
        ("Số 1OO/KH-UBND", "100/KH-UBND"),
        ("Nghị định số 2O/2O25/NĐ-CP ngày", "20/2025/NĐ-CP"),
        ("Chỉ thị số l2-CT/TW", "12-CT/TW"),
        ("Kết luận số O1-KL/TW", "01-KL/TW"),
    ],
)
def test_numbers_with_ocr_marks(printed: str, ref: str) -> None:
    parts = parse_symbol(printed)
    assert parts is not None and parts.ref == ref


@pytest.mark.parametrize(
    "text", ["nhiệm kỳ 2020-2025", "Covid-19", "ISO/IEC 17025", "SB/KH", "ngày 12/4/2019"]
)
def test_no_symbol_from_marks_alone(text: str) -> None:
    assert symbols_in(text) == []


_CODES_TEXT = (
    "Căn cứ Thông tư số\n32/2014/TT- BNNPINT ngày 10/9/2014 của Bộ Nông nghiệp và PTNT;\n"
    "Căn cứ Thông tư số\n04/2016/TT- BNNPTNT ngày 10/5/2016 của Bộ Nông nghiệp và PTNT;\n"
    "Căn cứ Thông tư số 12/2024/TT-BNNPTNT\nngày 24/10/2024 của Bộ Nông nghiệp và PTNT;\n"
    "Căn cứ Kế hoạch số 3-KH/BTGTU và Kế hoạch số 4-KH/BTCTU, Kế hoạch số 5-KH/BTCTU;\n"
)


def test_a_code_misread_once_on_a_scan_is_the_code_the_scan_prints_more_often() -> None:
    # OCR of a real scan: T of "BNNPTNT" read as I in one citation of three
    scan = extract_citations(normalise(_CODES_TEXT), body_start=0, ocr=True).citations
    assert [c.symbol for c in scan] == [
        "2014/TT-BNNPTNT",
        "2016/TT-BNNPTNT",
        "2024/TT-BNNPTNT",
        "KH/BTGTU",  # short codes one letter apart are two bodies
        "KH/BTCTU",
        "KH/BTCTU",
    ]
    typed = extract_citations(normalise(_CODES_TEXT), body_start=0).citations
    assert typed[0].symbol == "2014/TT-BNNPINT"  # a typed text's rare code is as printed


def test_a_short_code_misread_joins_the_known_code_of_the_same_document() -> None:
    text = (
        "của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 23/2015/NĐ- GP\nvề cấp bản sao;\n"
        "- Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ; Nghị định số 23/2015/NĐ-CP."
    )
    cites = extract_citations(normalise(text), body_start=0).citations
    assert [(c.number, c.symbol) for c in cites] == [("23", "2015/NĐ-CP")]


def test_the_documents_own_number_misread_on_a_scan_is_no_citation() -> None:
    # the footer of a real scan: S of "GSQL" read as 5
    text = "Số: 39365/CHQ-GSQL\nV/v nhập khẩu hàng hóa\n\nCông văn 39365/CHQ- G5QL, năm 2025 về nhập khẩu hàng hóa\n"
    view = normalise(text)
    assert extract_citations(view, body_start=0, own_symbol="39365/CHQ-GSQL", ocr=True).citations == ()
    typed = extract_citations(view, body_start=0, own_symbol="39365/CHQ-GSQL").citations
    assert [c.symbol for c in typed] == ["CHQ-G5QL"]


def test_the_own_number_line_after_a_speck_is_no_citation() -> None:
    text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM Độc lập - Tự do - Hạnh\n\n.Số: 1662/NQ-UBTVQHI5\n\nNGHỊ QUYẾT\n"
    )
    assert extract_citations(normalise(text), body_start=0).citations == ()
