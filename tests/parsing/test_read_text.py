"""Plain text and Markdown: strict decoding, verbatim text, paragraph segments."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from shared_files import seed

from thongsuot.errors import InputError, ThongSuotError
from thongsuot.parsing.read import read_bytes, read_file

SAMPLE = "KẾ HOẠCH\nThông tin, tuyên truyền\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Đẩy mạnh tuyên truyền.\n"


def test_utf8_text_is_returned_verbatim_with_paragraph_segments() -> None:
    source = read_bytes(SAMPLE.encode("utf-8"), "kh.txt")
    assert source.text == SAMPLE
    assert source.format == "txt"
    assert source.name == "kh.txt"
    assert [s.paragraph for s in source.segments] == [1, 2]
    second = source.text.index("I. MỤC ĐÍCH")
    located = source.locate(second)
    assert located is not None and located.paragraph == 2
    assert (
        source.text[source.segments[0].start : source.segments[0].end] == "KẾ HOẠCH\nThông tin, tuyên truyền"
    )


def test_utf8_bom_is_dropped() -> None:
    source = read_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "kh.txt")
    assert source.text == SAMPLE


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    source = read_bytes(bom + SAMPLE.encode(codec), "kh.txt")
    assert source.text == SAMPLE


def test_nfd_text_is_kept_as_is() -> None:
    nfd = unicodedata.normalize("NFD", SAMPLE)
    assert nfd != SAMPLE
    assert read_bytes(nfd.encode("utf-8"), "kh.md").text == nfd


def test_markdown_keeps_markup_and_crlf_paragraphs() -> None:
    markdown = "## HƯỚNG DẪN\r\n\r\n**tuyên truyền**\r\n \r\n### I. MỤC ĐÍCH\r\n"
    source = read_bytes(markdown.encode("utf-8"), "hd.md")
    assert source.format == "md"
    assert source.text == markdown
    assert len(source.segments) == 3


@pytest.mark.parametrize(
    "payload",
    [
        "Ha\u0300 N\u00f4\u0323i, Đa\u0309ng".encode("cp1258"),  # legacy Vietnamese code page
        "Hà Nội, ngày 12".encode("latin-1", errors="replace") + b"\xe9\xff",
        bytes(range(256)) * 4,  # binary junk with NUL bytes
        b"text with a NUL\x00 byte",
    ],
)
def test_undecodable_bytes_are_refused_with_the_file_name(payload: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(payload, "cu.txt")
    message = caught.value.message
    assert message.startswith("cu.txt: ")
    assert "không đọc được mã ký tự" in message and "\n" not in message


@pytest.mark.parametrize("payload", [b"", b"   \n\n\t ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\r\n"])
def test_empty_file(payload: bytes) -> None:
    with pytest.raises(InputError, match=r"^trong\.txt: tệp rỗng$"):
        read_bytes(payload, "trong.txt")


def test_read_file_reads_the_seed_documents() -> None:
    source = read_file(seed("002_a97d896f1598f293.txt"))
    assert "HƯỚNG DẪN" in source.text
    assert source.segments and all(s.paragraph for s in source.segments)


def test_missing_file_is_an_input_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="^khong-co.txt: không mở được tệp"):
        read_file(tmp_path / "khong-co.txt")


def test_errors_are_thongsuot_errors_with_status() -> None:
    with pytest.raises(ThongSuotError) as caught:
        read_bytes(b"", "a.txt")
    assert caught.value.status == 400
