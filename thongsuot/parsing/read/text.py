"""Plain text and Markdown: decode strictly, keep the text exactly as written.

Only UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted. Legacy
Vietnamese encodings (cp1258, TCVN3, VNI) decode "successfully" as latin-1 into
garbage, so guessing would silently corrupt a document; refusing with a clear
message is kinder. Markdown stays Markdown: the parser reads the markup.
Unicode normalisation (NFC/NFD) is a later stage and is not done here.
"""

from __future__ import annotations

import codecs
import re

from thongsuot.domain.document import SourceSegment, SourceText
from thongsuot.errors import InputError

# Control characters that never appear in real text (tab, LF, CR, FF are fine).
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v\u00a0\ufeff]*\n(?:[ \t\r\f\v\u00a0\ufeff]*\n)*")


def decode_text(data: bytes, name: str) -> str:
    """Bytes -> str for UTF-8 / UTF-16 (BOM) text, or InputError naming the file."""
    bad = InputError(f"{name}: không đọc được mã ký tự (not UTF-8/UTF-16 text)", code="bad_encoding")
    try:
        if data.startswith(codecs.BOM_UTF8):
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")  # the codec reads and drops the BOM
        else:
            text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise bad from None
    if _BINARY_CONTROLS.search(text):
        raise bad
    return text


def require_content(text: str, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: tệp rỗng", code="empty_file")


def paragraph_segments(text: str) -> tuple[SourceSegment, ...]:
    """One segment per blank-line separated paragraph, numbered from 1."""
    segments: list[SourceSegment] = []
    start = 0
    number = 0
    for gap in _BLANK_LINES.finditer(text):
        if text[start : gap.start()].strip():
            number += 1
            segments.append(SourceSegment(start, gap.start(), paragraph=number))
        start = gap.end()
    if text[start:].strip():
        number += 1
        segments.append(SourceSegment(start, len(text), paragraph=number))
    return tuple(segments)


def read_text(data: bytes, name: str, fmt: str) -> SourceText:
    """A .txt / .md file as it is, with paragraph segments."""
    text = decode_text(data, name)
    require_content(text, name)
    return SourceText(text=text, format=fmt, name=name, segments=paragraph_segments(text))
