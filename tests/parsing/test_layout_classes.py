"""Header layouts of real exports, by class (issue 10), on variations built from the conventions.

Each table holds (text, expected fields); the texts vary the class's features
(Party and State, levels, wrap points, markup) rather than copy one sample.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thongsuot.parsing import parse_text

SITE = """Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép là vi phạm.
Click vào phần bôi vàng để xem chi tiết.
|
|
Đang tải văn bản...
#
**Số hiệu:**
|
{symbol}
|
**Loại văn bản:**
|
Quyết định
|
**Ngày ban hành:**
|
01/01/2020
|
**Tình trạng:**
|
Đã biết
|
"""

BODY = """
*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*

*Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ;*

**QUYẾT ĐỊNH:**

**Điều 1.** Ban hành kèm theo Quyết định này danh mục thủ tục.
"""

# class 1: website Markdown tables ("|" lines between cells, cells wrapped, empty bold)
MARKDOWN_STATE = """|
**ỦY BAN NHÂN DÂN **
{place_upper}
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: {symbol}
|
*{place}, ngày {day}
tháng {month} năm 2025*
|
** **
**QUYẾT ĐỊNH**
VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH
LĨNH VỰC {field} THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ
**CHỦ TỊCH ỦY BAN NHÂN
DÂN {place_upper}**
""" + BODY

MARKDOWN_PARTY = """|
**BAN CHẤP HÀNH
{upper}**
*
|
**ĐẢNG CỘNG SẢN
VIỆT NAM**
---------------
|
|
Số {symbol}
|
*{place}, ngày {day}
tháng {month} năm 2025 *
|
**QUY ĐỊNH**
VỀ
CÔNG TÁC {field}
-----
- Căn cứ Điều lệ Đảng;
- Xét đề nghị của Văn phòng,
{standing} quy định về công tác {field_lower} như sau:

**Điều 1.** Phạm vi.
"""


@pytest.mark.parametrize(
    ("place", "place_upper", "symbol", "day", "month", "field"),
    [
        ("Đắk Lắk", "TỈNH ĐẮK LẮK", "0134/QĐ-UBND", "25", "11", "TƯ PHÁP"),
        ("Cần Thơ", "THÀNH PHỐ CẦN THƠ", "2533/QĐ-UBND", "9", "3", "ĐẤT ĐAI"),
        ("Lai Châu", "TỈNH LAI CHÂU", "12/2025/QĐ-UBND", "01", "12", "Y TẾ"),
    ],
)
@pytest.mark.parametrize("furniture", [False, True])
def test_markdown_state_table(
    place: str, place_upper: str, symbol: str, day: str, month: str, field: str, furniture: bool
) -> None:
    text = MARKDOWN_STATE.format(
        place=place, place_upper=place_upper, symbol=symbol, day=day, month=month, field=field
    )
    if furniture:  # class 4: the site's copyright note and info table come first
        text = SITE.format(symbol=symbol) + text
    h = parse_text(text).header
    assert h.kind == "QUYẾT ĐỊNH"
    assert h.symbol == symbol
    assert h.date == dt.date(2025, int(month), int(day))
    assert h.issuer == f"Ủy ban nhân dân {place_upper.split()[0].lower()} {place}".replace(
        "thành Cần", "thành phố Cần"
    )
    assert h.title is not None and h.title.startswith("VỀ VIỆC CÔNG BỐ") and h.title.endswith("CỦA SỞ")


@pytest.mark.parametrize(
    ("upper", "symbol", "standing", "issuer"),
    [
        ("TRUNG ƯƠNG", "383-QĐ/TW", "Ban Bí thư", "Ban Bí thư"),
        ("TRUNG ƯƠNG", "12-QĐ/TW", "Bộ Chính trị", "Bộ Chính trị"),
    ],
)
def test_markdown_party_table_and_standing_body(upper: str, symbol: str, standing: str, issuer: str) -> None:
    text = MARKDOWN_PARTY.format(
        upper=upper, symbol=symbol, place="Hà Nội", day="19", month="11", field="LƯU TRỮ",
        field_lower="lưu trữ", standing=standing,
    )
    h = parse_text(text).header
    assert (h.kind, h.symbol, h.date) == ("QUY ĐỊNH", symbol, dt.date(2025, 11, 19))
    assert h.issuer == issuer  # class 6: named more precisely than "BAN CHẤP HÀNH TRUNG ƯƠNG"
    assert h.title == "VỀ CÔNG TÁC LƯU TRỮ"


# class 2: the two columns flattened onto one line by a copy or a converter
@pytest.mark.parametrize(
    ("first", "kind", "symbol", "issuer", "date"),
    [
        (
            "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – "
            "Hạnh phúc_________________ Hà Nội, ngày 30 tháng 6 năm 2025 |",
            "NGHỊ ĐỊNH", "171/2025/NĐ-CP", "Chính phủ", dt.date(2025, 6, 30),
        ),
        (
            "BỘ Y TẾ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |\n"
            "Số: 21/2025/TT-BYT | Hà Nội, ngày 4 tháng 7 năm 2025 |",
            "THÔNG TƯ", "21/2025/TT-BYT", "Bộ Y tế", dt.date(2025, 7, 4),
        ),
        (
            "------------------ Số: 1661/NQ-UBTVQH15 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - "
            "Hạnh phúc------------------ |",
            "NGHỊ QUYẾT", "1661/NQ-UBTVQH15", None, None,
        ),
    ],
)
def test_flattened_two_columns(first: str, kind: str, symbol: str, issuer: str | None, date: dt.date | None) -> None:
    text = f"{first}\n\n**{kind}**\n\n**Quy định chi tiết một số điều của Luật**\n" + BODY
    h = parse_text(text).header
    assert (h.kind, h.symbol, h.date) == (kind, symbol, date)
    assert h.issuer == issuer
    assert h.title == "Quy định chi tiết một số điều của Luật"


# class 3: a number left blank for the clerk to fill in
@pytest.mark.parametrize("blank", ["Số:        /KH-UBND", "Số:   /KH-UBND", "Số: ...../KH-UBND", "Số       -KH/HU"])
def test_blank_number_is_no_symbol_and_no_issuer(blank: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\n|\n{blank}\n|\nAn Bình, ngày 3 tháng 4 năm 2025\n\n"
        "KẾ HOẠCH\nTuyên truyền phổ biến pháp luật năm 2025\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n"
    )
    h = parse_text(text).header
    assert h.symbol is None
    assert h.issuer == "Ủy ban nhân dân xã An Bình"
    assert h.date == dt.date(2025, 4, 3)


# class 7: the deciding authority after the subject, a letter's wrapped subject and date
@pytest.mark.parametrize(
    ("authority", "issuer"),
    [
        ("**CỤC TRƯỞNG CỤC HẢI QUAN**", "Cục Hải quan"),
        ("**GIÁM ĐỐC SỞ TƯ PHÁP**", "Sở Tư pháp"),
        ("**ỦY BAN THƯỜNG VỤ QUỐC HỘI**", "Ủy ban Thường vụ Quốc hội"),
    ],
)
def test_authority_line_ends_the_title(authority: str, issuer: str) -> None:
    text = (
        "|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 39/TB-CHQ\n|\n"
        "*Hà Nội, ng**ày\n01 tháng 12 năm 2025*\n\n**THÔNG BÁO**\nVỀ KẾT QUẢ XÁC ĐỊNH\nTRƯỚC MÃ SỐ\n"
        f"{authority}\nCăn\ncứ Luật Hải quan ngày 23/6/2014;\n\nCăn cứ đề nghị của đơn vị,\n\nTHÔNG BÁO:\n\n1. Nội dung.\n"
    )
    h = parse_text(text).header
    assert h.title == "VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ"
    assert h.issuer == issuer
    assert h.date == dt.date(2025, 12, 1)


@pytest.mark.parametrize(
    ("subject", "date_cell", "title", "date"),
    [
        ("*V/v\nđề xuất giải pháp triển khai Nghị định\n136/2025/NĐ-CP*", "*Hà Nội, ngày 18 tháng 11 năm 2025*",
         "V/v đề xuất giải pháp triển khai Nghị định 136/2025/NĐ-CP", dt.date(2025, 11, 18)),
        ("*V/v Phổ\nbiến Cẩm nang nghiệp vụ*", "*Hà Nội, ngày 19 tháng 11\nnăm 2025*",
         "V/v Phổ biến Cẩm nang nghiệp vụ", dt.date(2025, 11, 19)),
        ("*V/v khai bổ sung*", "*Hà\nNội, ngày 25 tháng 11 năm 2025*", "V/v khai bổ sung", dt.date(2025, 11, 25)),
    ],
)
def test_letter_subject_and_date_wrapped(subject: str, date_cell: str, title: str, date: dt.date) -> None:
    text = (
        "BỘ TÀI CHÍNH\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
        f"Độc lập - Tự do - Hạnh phúc\n|\n|\nSố:\n5664/CT-CS\n{subject}\n|\n{date_cell}\n|\n"
        "**Kính gửi:** Ông Nguyễn Văn A\nCục Thuế nhận được đơn của ông. Về vấn đề này, Cục Thuế có ý kiến như sau:\n"
    )
    h = parse_text(text).header
    assert (h.kind, h.symbol, h.date) == ("CÔNG VĂN", "5664/CT-CS", date)
    assert h.title == title
    assert h.issuer == "Cục Thuế"


@pytest.mark.parametrize("split", ["QUYẾT\nĐỊNH", "NGHỊ\nQUYẾT", "KẾ\nHOẠCH"])
def test_type_word_wrapped_in_its_cell(split: str) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n--------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n|\nSố: 80/2025/QĐ-UBND\n|\nHà Tĩnh, ngày 24 tháng11 năm 2025\n|\n"
        f"**{split}**\nBÃI BỎ QUYẾT ĐỊNH\nSỐ 15/2025/QĐ-UBND NGÀY 01/3/2025 CỦA ỦY BAN NHÂN DÂN TỈNH\n" + BODY
    )
    h = parse_text(text).header
    assert h.kind == split.replace("\n", " ")
    assert h.date == dt.date(2025, 11, 24)
    assert h.title == "BÃI BỎ QUYẾT ĐỊNH SỐ 15/2025/QĐ-UBND NGÀY 01/3/2025 CỦA ỦY BAN NHÂN DÂN TỈNH"


def test_resolution_dated_by_its_adoption_line() -> None:
    text = (
        "| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc\nSố: 1654/NQ-UBTVQH15 |\n\n"
        "**NGHỊ QUYẾT**\n\n**Về việc sắp xếp các đơn vị hành chính**\n\n**------------**\n\n"
        "**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n\n"
        "**QUYẾT NGHỊ:**\n\n**Điều 1.** Sắp xếp.\n\n"
        "*Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV thông qua **ngày** 16 **tháng** 6* *năm 2025.*\n"
    )
    h = parse_text(text).header
    assert h.date == dt.date(2025, 6, 16)
    assert h.issuer == "Ủy ban Thường vụ Quốc hội"
    assert h.title == "Về việc sắp xếp các đơn vị hành chính"


# A type line dropped by the export: the subject stands alone between "Số: ..." and "Căn cứ ...".
TYPELESS = """| {motto} |
Số: {symbol} |
|

**{subject}**

*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*

**Điều 1.** Nội dung.
"""
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize(("symbol", "subject", "kind"), [
    ("12/2025/QĐ-UBND", "Ban hành quy chế quản lý chợ trên địa bàn tỉnh", "QUYẾT ĐỊNH"),
    ("05/2025/TT-BTC", "Hướng dẫn ****quản lý kinh phí bảo đảm trật tự an toàn giao thông", "THÔNG TƯ"),
])
def test_a_subject_without_its_type_line_is_the_title(symbol: str, subject: str, kind: str) -> None:
    doc = parse_text(TYPELESS.format(motto=MOTTO, symbol=symbol, subject=subject))
    assert doc.header.kind == kind and doc.header.symbol == symbol
    assert doc.header.title == " ".join(subject.replace("****", " ").split())


def test_a_capitals_name_before_the_opening_is_no_title() -> None:
    doc = parse_text(TYPELESS.format(motto=MOTTO, symbol="12/2025/QĐ-UBND", subject="ỦY BAN NHÂN DÂN TỈNH AN BÌNH"))
    assert doc.header.title is None
    short = parse_text(TYPELESS.format(motto=MOTTO, symbol="12/2025/QĐ-UBND", subject="Quyết định"))
    assert short.header.title is None
