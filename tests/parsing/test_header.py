import datetime as dt
import sys
import unicodedata
from pathlib import Path

from thongsuot.parsing import parse_text

sys.path.insert(0, str(Path(__file__).parent))
from parse_docs import LETTER, PARTY_PARTS, STATE_PLAN


def test_state_layout_plan_header() -> None:
    doc = parse_text(STATE_PLAN)
    h = doc.header
    assert h.layout == "state"
    assert (h.kind, h.symbol, h.number) == ("KẾ HOẠCH", "0124/KH-UBND", "0124")
    assert h.date == dt.date(2024, 3, 5)
    assert h.place == "Hà Nội"
    assert h.issuer == "Ủy ban nhân dân thành phố Hà Nội"
    assert h.title == "Tuyên truyền phổ biến pháp luật về chuyển đổi số trên địa bàn Thành phố năm 2024"
    # spans point into the original
    s = h.spans["symbol"]
    assert "0124/KH-UBND" in STATE_PLAN[s.start : s.end]


def test_party_layout_issuer_under_parent_body() -> None:
    h = parse_text(PARTY_PARTS).header
    assert h.layout == "party"
    assert h.issuer == "Ban Tuyên giáo Tỉnh ủy"
    assert h.parent_issuer == "Đảng bộ tỉnh Lâm Đồng"
    assert h.symbol == "12-HD/BTGTU" and h.date == dt.date(2021, 1, 20)


def test_letter_subject_line_is_the_title() -> None:
    h = parse_text(LETTER).header
    assert h.kind == "CÔNG VĂN"  # a letter prints no type word; officers and registries call it a công văn
    assert h.title == "V/v tăng cường công tác tuyên truyền phòng, chống dịch bệnh"
    assert h.symbol == "215-CV/HU" and h.date == dt.date(2022, 8, 3)
    assert h.issuer == "Huyện ủy Đức Trọng"


def test_nfd_text_parses_like_nfc_with_spans_into_the_nfd_original() -> None:
    nfd = unicodedata.normalize("NFD", STATE_PLAN)
    doc = parse_text(nfd)
    assert doc.header.issuer == "Ủy ban nhân dân thành phố Hà Nội"
    assert doc.header.kind == "KẾ HOẠCH"
    s = doc.header.spans["kind"]
    assert unicodedata.normalize("NFC", nfd[s.start : s.end]) == "KẾ HOẠCH"


def test_web_page_timestamp_and_lead_are_not_the_header() -> None:
    text = (
        "Trang chủ\n\nThứ Hai, 06/05/2024|08:00\n\n"
        "Ngày 2/5/2024, Ban Tuyên giáo Tỉnh ủy ban hành kế hoạch số 99-KH/BTGTU về tuyên truyền.\n\n"
        "TỈNH ỦY QUẢNG NAM\nBAN TUYÊN GIÁO\n*\nSố 99-KH/BTGTU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Tam Kỳ, ngày 2 tháng 5 năm 2024\n\nKẾ HOẠCH\nTuyên truyền kỷ niệm năm 2024\n\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\n"
    )
    h = parse_text(text).header
    assert h.date == dt.date(2024, 5, 2) and h.place == "Tam Kỳ"
    assert h.issuer == "Ban Tuyên giáo Tỉnh ủy"
    assert h.symbol == "99-KH/BTGTU"


def test_table_rows_read_from_word_split_into_their_cells() -> None:
    # DOCX/HTML readers write a table row as "cell | cell": the two-column header
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "XÃ BÌNH THUẬN | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 7/KH-UBND | Bình Thuận, ngày 2 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\n\nTuyên truyền cải cách hành chính năm 2026\n\n"
        "I. MỤC ĐÍCH\n\n- Nâng cao nhận thức.\n"
    )
    h = parse_text(text).header
    assert h.issuer == "Ủy ban nhân dân xã Bình Thuận"
    assert h.symbol == "7/KH-UBND" and h.date == dt.date(2026, 3, 2)
    assert h.place == "Bình Thuận"


def test_a_date_line_without_its_place_still_dates_the_document() -> None:
    from thongsuot.parsing import parse_text

    text = (
        "ĐẢNG BỘ TỈNH X                      ĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY Y\n*\n"
        "Số 15-KH/HU                          ngày 12 tháng 3 năm 2024\n\n"
        "KẾ HOẠCH\ntuyên truyền năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\n"
    )
    header = parse_text(text, "kh.txt").header
    assert (header.date, header.place, header.symbol) == (dt.date(2024, 3, 12), None, "15-KH/HU")
    lead = text.replace("ngày 12 tháng 3 năm 2024", "Ngày 12/3/2024, Huyện ủy tổ chức hội nghị")
    assert parse_text(lead, "kh.txt").header.date is None  # a sentence is not the date line
