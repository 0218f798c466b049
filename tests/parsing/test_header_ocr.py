"""Header fields read from OCR-shaped text: what Tesseract and the word-box layout really made of the
headers of scanned real documents (bench/ocr_accuracy.py's scans of ../shared/corpus/real, first pages).

Each case is the recognised header as the layout printed it (specks read as stops and dashes, a motto cell
wrapped, "Số:" a paragraph away from its number or lost, a subject line wrapped into the place-date), with
the fields written from the page. A short body follows so that the header ends where it does in a document.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thongsuot.parsing import parse_text
from thongsuot.parsing.header_cells import date_text, fixed_key, is_fixed_phrase
from thongsuot.parsing.opening import own_date_from_adoption
from thongsuot.parsing.symbols import find_date

BODY = "\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\nĐiều 1. Nội dung.\n"
LETTER_BODY = "\nKính gửi: Bộ Nông nghiệp và Môi trường.\n\nVề vấn đề này, Cục có ý kiến như sau.\n"

# (source, OCR text, expected (kind, symbol, date, issuer, title))
CASES = [
    (  # r38: motto cut by its cell with a speck stop, "VIỆT NAM" alone; "Số:" a paragraph above its number
        "r38",
        "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA.\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số:\n\n5680/CT-CS\nHà Nội, ngày 01 tháng 12 năm 2025\n\n"
        "V/v thuế TNCN từ tiền lương, tiền công.\n" + LETTER_BODY,
        ("CÔNG VĂN", "5680/CT-CS", dt.date(2025, 12, 1), "Cục Thuế", "V/v thuế TNCN từ tiền lương, tiền công."),
    ),
    (  # r16: the motto's first word misread ("CÔNG"), no issuer column: the deciding body names the issuer
        "r16",
        "—-\nCÔNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM Độc lập - Tự do - Hạnh\n\nSố: 1668/NQ-UBTVQH15\n\n"
        "NGHỊ QUYẾT\n\nVề việc sắp xếp các đơn vị hành chính cấp xã của thành phố Cần Thơ năm 2025\n\n"
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n" + BODY,
        ("NGHỊ QUYẾT", "1668/NQ-UBTVQH15", None, "Ủy ban Thường vụ Quốc hội",
         "Về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Cần Thơ năm 2025"),
    ),  # fmt: skip
    (  # r15: a speck stop after the motto's cut
        "r15",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA .\nVIỆT NAM Độc lập - Tự do - Hạnh\n\nSố: 1663/NQ-UBTVQH15\n\n"
        "NGHỊ QUYẾT\n\nVề việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đồng Tháp năm 2025\n\n"
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n" + BODY,
        ("NGHỊ QUYẾT", "1663/NQ-UBTVQH15", None, "Ủy ban Thường vụ Quốc hội",
         "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đồng Tháp năm 2025"),
    ),  # fmt: skip
    (  # r24: edge junk before the place line; a speck comma inside the date, the year wrapped
        "r24",
        "Tình trạng:\nĐã biết\nỦY BAN NHÂN DÂN\n-_TỈNH VĨNH LONG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 2637/QĐ-UBND\nVĩnh Long, ngày 16 tháng, 11 năm\n2025\n\n"
        "QUYẾT ĐỊNH\nCÔNG BỐ DANH MỤC 12 THỦ TỤC HÀNH CHÍNH\n" + BODY,
        ("QUYẾT ĐỊNH", "2637/QĐ-UBND", dt.date(2025, 11, 16), "Ủy ban nhân dân tỉnh Vĩnh Long",
         "CÔNG BỐ DANH MỤC 12 THỦ TỤC HÀNH CHÍNH"),
    ),  # fmt: skip
    (  # r36: a speck dash inside the date
        "r36",
        "BỘ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 54/2025/TT-BCT\nHà Nội, ngày 21 tháng -\n11 năm 2025\n\nTHÔNG TƯ.\n\n"
        "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 09/2025/TT-BCT\n" + BODY,
        ("THÔNG TƯ", "54/2025/TT-BCT", dt.date(2025, 11, 21), "Bộ Công Thương",
         "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 09/2025/TT-BCT"),
    ),  # fmt: skip
    (  # r37: "Số:" not read at all; the place-date wrapped right under the subject
        "r37",
        "Tình trạng:\nĐã biết\nBỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\n5664/CT-CS\nV/v chính sách thuế\nHà Nội, ngày\n01 tháng 12 năm 2025\n"
        + LETTER_BODY,
        ("CÔNG VĂN", "5664/CT-CS", dt.date(2025, 12, 1), "Cục Thuế", "V/v chính sách thuế"),
    ),
    (  # r30: the place cut from its date by the cell's paragraph space, under the subject
        "r30",
        "BỘ TÀI CHÍNH\nCỤC HẢI QUAN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 3799/CHQ-GSQL\nV/v khai bổ sung\nHà\n\nNội, ngày 25 tháng 11 năm 2025\n" + LETTER_BODY,
        ("CÔNG VĂN", "3799/CHQ-GSQL", dt.date(2025, 11, 25), "Cục Hải quan", "V/v khai bổ sung"),
    ),
    (  # r03: "V/v" read "V/", its subject on the next lines
        "r03",
        "VĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 11306/VPCP-NN\nV/\nđề xuất giải pháp tháo gỡ khó khăn trong việc triển khai Nghị định\n"
        "136/2025/NĐ-CP\nHà Nội, ngày 18 tháng 11 năm 2025\n" + LETTER_BODY,
        ("CÔNG VĂN", "11306/VPCP-NN", dt.date(2025, 11, 18), "Văn phòng Chính phủ",
         "V/v đề xuất giải pháp tháo gỡ khó khăn trong việc triển khai Nghị định 136/2025/NĐ-CP"),
    ),  # fmt: skip
    (  # r01: a rule's last dash stuck to the type word, a speck before a subject line
        "r01",
        "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 0134/KH-UBND\nĐắk Lắk, ngày 25 tháng 11 năm 2025\n\n-KẾ HOẠCH\n\nQUAN\n"
        "TRẮC, CẢNH BÁO MÔI TRƯỜNG TẠI MỘT SỐ VÙNG NUÔI TRỒNG THỦY\n.SẢN TRÊN ĐỊA BÀN TỈNH\n"
        "ĐẮK LẮK, GIAI ĐOẠN 2026- 2030\n" + BODY,
        ("KẾ HOẠCH", "0134/KH-UBND", dt.date(2025, 11, 25), "Ủy ban nhân dân tỉnh Đắk Lắk",
         "QUAN TRẮC, CẢNH BÁO MÔI TRƯỜNG TẠI MỘT SỐ VÙNG NUÔI TRỒNG THỦY SẢN TRÊN ĐỊA BÀN TỈNH "
         "ĐẮK LẮK, GIAI ĐOẠN 2026- 2030"),
    ),  # fmt: skip
    (  # r21: a speck read as a stop at the end of the subject's first line
        "r21",
        "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 1994/QĐ-UBND\nCao Bằng, ngày 24 tháng 11 năm 2025 .\nQUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT QUY TRÌNH.\n"
        "NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\n" + BODY,
        ("QUYẾT ĐỊNH", "1994/QĐ-UBND", dt.date(2025, 11, 24), "Ủy ban nhân dân tỉnh Cao Bằng",
         "VỀ VIỆC PHÊ DUYỆT QUY TRÌNH. NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"),
    ),  # fmt: skip
    (  # r09: the body's name wrapped in its narrow cell; the symbol's code spells the whole name
        "r09",
        "UBND THÀNH PHỐ HÀ NỘI\nTRUNG TÂM PHỤC VỤ HÀNH.\nCHÍNH CÔNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 1610/QĐ-TTPVHCC\nHà Nội, ngày 25 tháng 11 năm 2025\n\n"
        "QUYẾT ĐỊNH\n\nPHÊ DUYỆT PHƯƠNG ÁN TÁI CẤU TRÚC\n" + BODY,
        ("QUYẾT ĐỊNH", "1610/QĐ-TTPVHCC", dt.date(2025, 11, 25), "Trung tâm Phục vụ hành chính công",
         "PHÊ DUYỆT PHƯƠNG ÁN TÁI CẤU TRÚC"),
    ),  # fmt: skip
    (  # r06: a speck colon after the place line; the symbol's dash doubled
        "r06",
        "Tình trạng:\nĐã biết\nỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH:\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 1498/QĐ- -UBND\nNinh Bình, ngày 18 tháng 11 năm\n2025\n\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC\nPHÊ DUYỆT QUY TRÌNH NỘI BỘ\n" + BODY,
        ("QUYẾT ĐỊNH", "1498/QĐ-UBND", dt.date(2025, 11, 18), "Ủy ban nhân dân tỉnh Ninh Bình",
         "VỀ VIỆC PHÊ DUYỆT QUY TRÌNH NỘI BỘ"),
    ),  # fmt: skip
    (  # r08, whole-document scan: a speck colon ends a line of the capitals subject
        "r08",
        "CHÍNH PHỦ-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM Độc lập - Tự do - Hạnh\n\nSố: 16/2025/NĐ-CP\n\n"
        "NGHỊ ĐỊNH\n\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT DÂN QUÂN TỰ VỆ VỀ TỔ CHỨC XÂY DỰNG LỰC:\n"
        "LƯỢNG VÀ CHẾ ĐỘ, CHÍNH SÁCH ĐỐI VỚI DÂN QUẦN TỰ VỆ\n" + BODY,
        ("NGHỊ ĐỊNH", "16/2025/NĐ-CP", None, "Chính phủ",
         "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT DÂN QUÂN TỰ VỆ VỀ TỔ CHỨC XÂY DỰNG LỰC: "
         "LƯỢNG VÀ CHẾ ĐỘ, CHÍNH SÁCH ĐỐI VỚI DÂN QUẦN TỰ VỆ"),
    ),  # fmt: skip
    (  # r04, whole-document scan: the subject's first word glued to "V/v"
        "r04",
        "Tình trạng:\nĐã biết\nVĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 11583/VPCP-CN\nV/vtrển\n"
        "khai Kết luận của Ủy ban Thường vụ Quốc hội về dự án MHH Hồ Chí Minh\nHà Nội, ngày 26 tháng 11\n"
        "năm 2025\nKính gửi: Bộ trưởng Bộ Xây dựng.\nVề Kết luận của Ủy ban Thường vụ Quốc hội.\n",
        ("CÔNG VĂN", "11583/VPCP-CN", dt.date(2025, 11, 26), "Văn phòng Chính phủ",
         "V/v trển khai Kết luận của Ủy ban Thường vụ Quốc hội về dự án MHH Hồ Chí Minh"),
    ),  # fmt: skip
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_header_fields_of_ocr_text(text: str, expected: tuple[object, ...]) -> None:
    h = parse_text(text, "scan.pdf").header
    assert (h.kind, h.symbol, h.date, h.issuer, h.title) == expected


def test_central_level_read_with_a_swapped_mark_still_completes_the_party_body() -> None:
    # r31, whole-document scan: "TRUNG ƯƠNG" read "TRƯNG ƯƠNG"; the opening names the standing body
    text = (
        "BAN CHẤP HÀNH\nTRƯNG ƯƠNG\nĐẢNG CỘNG SẢN\nVIỆT NAM\n\nxk\n\nSố 383-QĐ/TW\nHà Nội, ngày 19\n"
        "tháng 11 năm 2025 *\n\nQUY ĐỊNH\n\nVỀ\nPHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM\n\n"
        "- Căn cứ Điều lệ Đảng;\n\n- Xét đề nghị của Chánh Văn phòng Trung ương Đảng,\n\n"
        "Ban Bí thư quy định về Phông lưu trữ Đảng Cộng sản\nViệt Nam như sau:\n\nI- QUY ĐỊNH CHUNG\n\n"
        "Điều 1. Phạm vi.\n"
    )
    h = parse_text(text, "scan.pdf").header
    assert (h.symbol, h.date, h.issuer) == ("383-QĐ/TW", dt.date(2025, 11, 19), "Ban Bí thư")
    assert h.title == "VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM"


def test_symbol_wrapped_at_its_dash_after_rule_junk() -> None:
    # r13: the rule before "Số:" read as a junk word, the symbol wrapped at its dash
    text = (
        "Khii9<iui209)45/205000277g Số: 1661/NQ-\nUBTVQH15\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA.\n"
        "VIỆT NAM Độc lập - Tự do - Hạnh\n\nNGHỊ QUYẾT\n\n"
        "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Điện Biên năm 2025\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n"
        + BODY
    )
    h = parse_text(text, "scan.pdf").header
    assert (h.number, h.type_code, h.issuer) == ("1661", "NQ", "Ủy ban Thường vụ Quốc hội")


def test_adoption_sentence_wrapped_over_lines_dates_the_resolution() -> None:
    # r10: the closing sentence as the scan's lines wrap it
    text = (
        "Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa\n"
        "Việt Nam khóa XVthông qua ngày 16 tháng 6 năm 2025.\n\n- Chính phủ; - Ban Tổ chức Trung ương;"
    )
    assert own_date_from_adoption(text) == dt.date(2025, 6, 16)
    # a blank line ends the sentence: a later date is no adoption date
    apart = "Nghị quyết này được Ủy ban Thường vụ Quốc hội\n\nkhóa XV thông qua ngày 16 tháng 6 năm 2025."
    assert own_date_from_adoption(apart) is None


def test_a_wrapped_name_whose_tail_spells_the_code_stays_two_bodies() -> None:
    # "SỞ Y TẾ" under its province: the code (SYT) is the last line's own initials, nothing to rejoin
    text = (
        "UBND TỈNH HÀ TĨNH\nSỞ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 12/QĐ-SYT\nHà Tĩnh, ngày 2 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\n\nVề việc công bố thủ tục\n" + BODY
    )
    h = parse_text(text, "scan.pdf").header
    assert (h.issuer, h.parent_issuer) == ("Sở Y tế", "UBND tỉnh Hà Tĩnh")


MOTTOS = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
SPECKS = st.sampled_from(["", ".", " .", ",", ":", " '", "_", "-"])


@given(motto=st.sampled_from(MOTTOS), cut=st.integers(3, 7), before=SPECKS, after=SPECKS)
def test_a_motto_cut_where_its_cell_wrapped_with_specks_stays_a_motto(
    motto: str, cut: int, before: str, after: str
) -> None:
    words = motto.split()
    taken = [k for k in range(len(words)) if words[k].isalpha()][: cut][-1]  # at least three words cut
    piece = " ".join(words[: taken + 1])
    assert is_fixed_phrase(f"{before.strip()}{piece}{after}")
    assert fixed_key(piece.replace("Ộ", "Ô")) == fixed_key(piece)  # a lost mark changes nothing


@given(name=st.sampled_from(["ỦY BAN NHÂN DÂN", "BỘ TÀI CHÍNH", "CỤC THUẾ", "SỞ Y TẾ", "BAN TUYÊN GIÁO",
                             "TỈNH ỦY QUẢNG NAM", "CHÍNH PHỦ", "VĂN PHÒNG CHÍNH PHỦ"]), after=SPECKS)
def test_a_body_name_is_no_motto(name: str, after: str) -> None:
    assert not is_fixed_phrase(f"{name}{after}")


@given(
    day=st.integers(1, 28), month=st.integers(1, 12), year=st.integers(1990, 2030),
    speck=st.sampled_from([",", ".", "-", ";", "'", "–", ":"]), where=st.sampled_from(["ngày", "tháng", "năm"]),
)  # fmt: skip
def test_a_speck_after_a_date_word_does_not_lose_the_date(
    day: int, month: int, year: int, speck: str, where: str
) -> None:
    line = f"Hà Nội, ngày {day} tháng {month} năm {year}"
    damaged = line.replace(f"{where} ", f"{where}{speck} ", 1) if speck in ",.;:" else line.replace(
        f"{where} ", f"{where} {speck} ", 1
    )
    found = find_date(date_text(damaged), 0)
    assert found is not None and found[0] == dt.date(year, month, day)


# One-page scans of tests/parsing/docs (Party layouts): each header row its own paragraph, the marks of
# the parent body misread, a star read as letters, the subject's rule lost.
PARTY_CASES = [
    (
        "acting_head_guidance",
        "ĐẲNG ỦY KHỐI CÁC CƠ QUAN TỈNH\nĐẢNG CỘNG SẢN VIỆT NAM.\nBAN TUYÊN GIÁO\nHải Dương, ngày 05/01/2024\n"
        "Số 02-HD/BTGĐUK\n\nHƯỚNG DẪN\nsinh hoạt chi bộ theo chuyên đề năm 2024\n\n",
        "Ban Tuyên giáo Đảng ủy Khối", "sinh hoạt chi bộ theo chuyên đề năm 2024",
    ),
    (
        "central_dash_plan",
        "BAN CHẤP HÀNH TRUNGƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO\nHà Nội, ngày 03 tháng 3 năm 2020\n"
        "Số: 155-KH/BTGTW\n\nKẾ HOẠCH\ntuyên truyền Đại hội đảng bộ các cấp\n\n",
        "Ban Tuyên giáo Trung ương", "tuyên truyền Đại hội đảng bộ các cấp",
    ),
    (
        "ocr_damaged_guidance",
        "TỈNH ỦY SÓC TRĂNG\nÍÍY\nĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYẾN GIÁO\nSóc Trăng, ngàv 15 tháng 6 năm 2023\n"
        "Số 80-HD/BTGTƯ\n\nHƯỚNG DẢN\ntuyên truyền kỷ niệm 76 năm Ngày Thương binh - Liệt sỹ\n\n",
        "Ban Tuyên giáo Tỉnh ủy", "tuyên truyền kỷ niệm 76 năm Ngày Thương binh - Liệt sỹ",
    ),
    (
        "conclusion_notice",
        "TỈNH ỦY BẮC GIANG\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 1021-TB/TU\nBắc Giang, ngày 25 tháng 4 năm 2024\n\n"
        "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về kết quả 5 năm thực hiện\n"
        "Chỉ thị số 23-CT/TW của Ban Bí thư\n\n"
        "Ngày 20/4/2024, Ban Thường vụ Tỉnh ủy họp nghe báo cáo kết quả 5 năm thực hiện\n"
        "Chỉ thị số 23-CT/TW, ngày 09/02/2018 của Ban Bí thư về tiếp tục tăng cường công tác\n"
        "học tập, nghiên cứu, tuyên truyền chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh. Sau\n"
        "khi nghe báo cáo và ý kiến thảo luận, Ban Thường vụ Tỉnh ủy kết luận như sau:\n\n",
        "Tỉnh ủy Bắc Giang",
        "của Ban Thường vụ Tỉnh ủy về kết quả 5 năm thực hiện Chỉ thị số 23-CT/TW của Ban Bí thư",
    ),
]


@pytest.mark.parametrize(("text", "issuer", "title"), [c[1:] for c in PARTY_CASES], ids=[c[0] for c in PARTY_CASES])
def test_party_header_of_ocr_text(text: str, issuer: str, title: str) -> None:
    h = parse_text(text + "I. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\n", "scan.pdf").header
    assert (h.issuer, h.title) == (issuer, title)


def test_a_place_word_wrapped_alone_ends_the_issuers_name() -> None:
    # markdown_state_plan's one-page scan: the issuing cell wrapped before the place's last word
    text = (
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG\nNAI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM Độc lập - Tự do - Hạnh\nphúc\n\n"
        "Số: 123/KH-UBND\nĐồng Nai, ngày 15 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nTuyên truyền, phổ biến Nghị quyết\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\n"
    )
    h = parse_text(text, "scan.pdf").header
    assert (h.issuer, h.parent_issuer) == ("Ủy ban nhân dân tỉnh Đồng Nai", None)


def test_web_lead_wrapped_over_page_lines_dates_the_document_under_a_misread_star() -> None:
    # web_post_lead_date's one-page scan: the lead wraps before the number, the star reads "ki"
    text = (
        "Trang chủ Tin tức - Sự kiện Văn bản chỉ đạo\n\n"
        "Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị\n\n"
        "Cập nhật: 10/03/2025 08:15\nLượt xem: 1.234\n\n"
        "Ngày 25/02/2025, Ban Chấp hành Đảng bộ tỉnh ban hành Chương trình hành động số\n"
        "30-CTr/TU thực hiện Nghị quyết số 57-NQ/TW. Trang thông tin giới thiệu toàn văn\nChương trình:\n\n"
        "TỈNH ỦY KHÁNH HÒA\n\nki\n\nSố 30-CTr/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị\n\n"
        "Phần thứ nhất\nMỤC TIÊU\n1. Mục tiêu chung\n- Khoa học, công nghệ là động lực chính.\n"
    )
    h = parse_text(text, "scan.pdf").header
    assert (h.symbol, h.date, h.issuer) == ("30-CTr/TU", dt.date(2025, 2, 25), "Tỉnh ủy Khánh Hòa")
