"""PDF: text layer in order, page furniture removed, clear errors for scans and locks."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

import pytest
from pypdf import PdfReader, PdfWriter

from thongsuot.errors import InputError
from thongsuot.parsing.read import read_bytes
from thongsuot.parsing.read.pdf import strip_furniture


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_text_in_order_without_running_header_or_page_numbers(text_pdf: bytes) -> None:
    source = read_bytes(text_pdf, "kh.pdf")
    lines = _lines(source.text)
    assert source.format == "pdf"
    expected = [
        "KẾ HOẠCH số một",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG TUYÊN TRUYỀN",
        "2. Gương người tốt việc tốt.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Nơi nhận: như trên",
    ]
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)
    assert not any("BẢN TIN NỘI BỘ" in line for line in lines)
    assert not any(line.startswith("Trang ") for line in lines)


def test_two_column_header_keeps_its_columns_apart(text_pdf: bytes) -> None:
    lines = _lines(read_bytes(text_pdf, "kh.pdf").text)
    assert lines[:3] == [
        "HUYỆN ỦY ĐỨC PHỔ | ĐẢNG CỘNG SẢN VIỆT NAM",
        "*",
        "Số 72-KH/HU | Đức Phổ, ngày 13 tháng 6 năm 2022",
    ]
    assert lines[3] == "KẾ HOẠCH số một"


def test_segments_carry_page_numbers(text_pdf: bytes) -> None:
    source = read_bytes(text_pdf, "kh.pdf")
    assert [s.page for s in source.segments] == [1, 2, 3]
    for needle, page in (("Mở đầu", 1), ("Gương người tốt", 2), ("Ban Tuyên giáo Huyện ủy", 3)):
        segment = source.locate(source.text.index(needle))
        assert segment is not None and segment.page == page


def test_scan_without_any_letters_is_refused_after_ocr(scanned_pdf: bytes) -> None:
    # A picture of bars, no letters: OCR runs and finds nothing, so the file is refused in one line.
    with pytest.raises(InputError) as caught:
        read_bytes(scanned_pdf, "scan.pdf")
    assert caught.value.message.startswith("scan.pdf: ")
    assert "không có lớp văn bản và nhận dạng ảnh quét (OCR) không ra chữ nào" in caught.value.message
    assert "\n" not in caught.value.message


def test_pdf_locked_with_a_user_password_is_refused(pdf_builder: Callable[..., bytes]) -> None:
    locked = pdf_builder(user_password="mat-khau")
    with pytest.raises(InputError, match=r"^khoa\.pdf: PDF được đặt mật khẩu"):
        read_bytes(locked, "khoa.pdf")


def test_pdf_locked_by_pypdf_rc4_is_refused(text_pdf: bytes) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf)))
    writer.encrypt(user_password="mat-khau", owner_password="chu", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(InputError, match=r"PDF được (đặt mật khẩu|mã hóa)"):
        read_bytes(buffer.getvalue(), "khoa.pdf")


def test_pdf_with_only_an_owner_password_opens(pdf_builder: Callable[..., bytes]) -> None:
    source = read_bytes(pdf_builder(user_password=""), "han-che.pdf")
    assert "II. NỘI DUNG TUYÊN TRUYỀN" in source.text


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 3],
        lambda data: b"%PDF-1.7\n" + b"garbage " * 50,
        lambda data: data.replace(b"/Type /Page", b"/Type /Pxge"),
    ],
    ids=["truncated", "header-only", "broken-objects"],
)
def test_corrupt_pdf_is_an_input_error(text_pdf: bytes, damage: Callable[[bytes], bytes]) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(damage(text_pdf), "hong.pdf")
    assert caught.value.message.startswith("hong.pdf: ")
    assert "\n" not in caught.value.message


def test_pypdf_warnings_do_not_reach_stderr(text_pdf: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    root_handler = logging.StreamHandler(sys.stderr)  # as an application configuring logging would
    logging.getLogger().addHandler(root_handler)
    try:
        cut = text_pdf.rindex(b"startxref")
        damaged = text_pdf[:cut] + b"startxref\n123\n%%EOF\n"  # a wrong pointer: pypdf repairs and logs
        source = read_bytes(damaged, "sua.pdf")
    finally:
        logging.getLogger().removeHandler(root_handler)
    assert capsys.readouterr().err == ""
    assert "II. NỘI DUNG TUYÊN TRUYỀN" in source.text
    assert any(w.code == "pdf_reader" for w in source.warnings)


def test_strip_furniture_removes_page_numbers_and_repeated_lines() -> None:
    pages = [
        ["UBND TỈNH X", "KẾ HOẠCH", "Mục 1", "- 1 -"],
        ["UBND TỈNH X", "Mục 4", "Kế hoạch 12/KH-UBND, trang 2"],
        ["UBND TỈNH X", "Mục 9", "Kế hoạch 12/KH-UBND, trang 3"],
        ["UBND TỈNH X", "Mục 12", "Kế hoạch 12/KH-UBND, trang 4", "Trang 4/4"],
    ]
    # Running lines go (fixed, or numbered with the page); "Mục N" numbers do not follow the page: kept.
    assert strip_furniture(pages) == [["KẾ HOẠCH", "Mục 1"], ["Mục 4"], ["Mục 9"], ["Mục 12"]]


def test_strip_furniture_keeps_a_single_page_intact_except_page_number() -> None:
    assert strip_furniture([["ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-KH/HU", "Nội dung", "1"]]) == [
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-KH/HU", "Nội dung"]
    ]
