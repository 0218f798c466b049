"""Format dispatch, content sniffing and size limits (zip bombs, huge files)."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from thongsuot.errors import InputError, TooLarge, UnsupportedFormat
from thongsuot.parsing.read import ReadLimits, read_bytes, read_file

MB = 1024 * 1024


@pytest.mark.parametrize("name", ["setup.exe", "anh.gif", "bang.xlsx", "trinh-chieu.pptx", "ghi-chu.pages"])
def test_unsupported_extension_names_it_and_the_supported_list(name: str) -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        read_bytes(b"whatever", name)
    message = caught.value.message
    suffix = Path(name).suffix
    assert message.startswith(f"{name}: ") and suffix in message
    assert ".docx" in message and ".pdf" in message and ".txt" in message
    assert caught.value.status == 415


def test_extension_is_case_insensitive() -> None:
    assert read_bytes("Nội dung".encode(), "KH.TXT").format == "txt"


def test_pdf_saved_as_txt_is_read_as_pdf(text_pdf: bytes) -> None:
    source = read_bytes(text_pdf, "tai-ve.txt")
    assert source.format == "pdf"
    assert "II. NỘI DUNG TUYÊN TRUYỀN" in source.text
    assert source.warnings[0].code == "format_mismatch"


def test_docx_saved_as_md_is_read_as_docx(directive_docx: bytes) -> None:
    source = read_bytes(directive_docx, "hd.md")
    assert source.format == "docx"
    assert "I. MỤC ĐÍCH, YÊU CẦU" in source.text


def test_text_named_pdf_or_docx_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"^a\.pdf: tệp PDF hỏng, "):
        read_bytes("Kế hoạch".encode(), "a.pdf")
    with pytest.raises(InputError, match=r"^a\.docx: tệp DOCX hỏng, "):
        read_bytes("Kế hoạch".encode(), "a.docx")


def test_no_extension_is_sniffed(directive_docx: bytes) -> None:
    assert read_bytes(directive_docx, "upload").format == "docx"
    assert read_bytes("Kế hoạch".encode(), "upload").format == "txt"
    assert read_bytes(b"<!DOCTYPE html><p>Xin chao</p>", "upload").format == "html"


def test_huge_text_file_fails_fast_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "lon.txt"
    with big.open("wb") as f:
        f.truncate(200 * MB)  # sparse: nothing is written or read
    with pytest.raises(TooLarge) as caught:
        read_file(big)
    message = caught.value.message
    assert message.startswith("lon.txt: tệp quá lớn (200 MB, giới hạn 100 MB)")
    assert caught.value.status == 413


def test_size_limit_is_a_parameter(tmp_path: Path) -> None:
    small = tmp_path / "nho.txt"
    small.write_text("Kế hoạch " * 200, encoding="utf-8")
    with pytest.raises(TooLarge, match="^nho.txt: tệp quá lớn"):
        read_file(small, max_bytes=1000)
    with pytest.raises(TooLarge):
        read_bytes(small.read_bytes(), "nho.txt", limits=ReadLimits(max_text_bytes=1000))
    assert read_file(small, max_bytes=10_000).text.startswith("Kế hoạch")


def test_limits_from_settings_in_megabytes(tmp_path: Path) -> None:
    limits = ReadLimits.from_megabytes(text_mb=0.001, upload_mb=50)
    page = tmp_path / "a.txt"
    page.write_bytes(b"x" * 2000)
    with pytest.raises(TooLarge, match=r"^a\.txt: tệp quá lớn \(2 KB, giới hạn 1 KB\)"):
        read_file(page, limits=limits)


def test_binary_limit_applies_to_the_real_type(text_pdf: bytes) -> None:
    tight = ReadLimits(max_binary_bytes=len(text_pdf) - 1)
    with pytest.raises(TooLarge):
        read_bytes(text_pdf, "tai-ve.txt", limits=tight)


def _bomb(member_bytes: int) -> bytes:
    """A DOCX-shaped zip whose document.xml is megabytes of zeros (about 1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * MB
            for _ in range(member_bytes // MB):
                member.write(chunk)
    return buffer.getvalue()


def test_zip_bomb_is_refused_with_default_limits() -> None:
    bomb = _bomb(50 * MB)
    assert len(bomb) < MB  # small on disk
    with pytest.raises(TooLarge, match=r"^bom\.docx: tệp nén bất thường .*nghi là tệp phá hoại"):
        read_bytes(bomb, "bom.docx")


def test_uncompressed_total_is_capped(directive_docx: bytes) -> None:
    with pytest.raises(TooLarge, match=r"tệp quá lớn khi giải nén"):
        read_bytes(directive_docx, "hd.docx", limits=ReadLimits(max_unzipped_bytes=10_000))


def _declare_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the central directory so `member` claims `size` uncompressed bytes."""
    raw = bytearray(data)
    name = member.encode()
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", raw, at + 28)[0]
        if bytes(raw[at + 46 : at + 46 + name_len]) == name:
            struct.pack_into("<I", raw, at + 24, size)
        at = raw.find(b"PK\x01\x02", at + 4)
    return bytes(raw)


def test_crafted_declared_size_is_refused_before_inflating(directive_docx: bytes) -> None:
    crafted = _declare_size(directive_docx, "word/document.xml", 3_000_000_000)
    with pytest.raises(TooLarge):
        read_bytes(crafted, "hd.docx")


def test_a_real_docx_passes_the_bomb_checks(directive_docx: bytes) -> None:
    assert read_bytes(directive_docx, "hd.docx", limits=ReadLimits(max_unzipped_bytes=5 * MB)).text
