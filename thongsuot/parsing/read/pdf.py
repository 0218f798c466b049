"""PDF with a text layer: page text in order, without the page furniture.

pypdf extracts each page's text in layout mode (see `_page_text`). Running headers and footers (`furniture.py`: a line that
repeats at the top or bottom of most pages, page numbers masked) and page
numbers ("- 3 -", "Trang 3", "3/12", a lone "3" at the top or bottom of a page)
are removed; pages are then joined by a plain line break, so a sentence cut by
a page break reads on (the parser rejoins broken lines). One segment per page
carries the page number.

A scanned PDF has no text to extract: its pages go through OCR (`scan.py`), and
so does a single page without text (but with an image) inside a PDF that has text
elsewhere. pypdf logs
warnings about sloppy files; they are collected as `ParseWarning`s of the read
instead of reaching stderr.
"""

from __future__ import annotations

import contextvars
import io
import logging
import re
import warnings
from collections.abc import Callable
from typing import Any

from thongsuot.domain.document import SourceText
from thongsuot.errors import InputError, ThongSuotError
from thongsuot.parsing.read.blocks import CELL_SEPARATOR, Block, assemble
from thongsuot.parsing.read.furniture import strip_furniture
from thongsuot.vocab.warnings import make_warning

Progress = Callable[[int, int], None]

# Fewer letters than this in the whole file means there is no usable text layer.
MIN_LETTERS = 20
# A page with fewer letters than this and an image on it is a scanned page.
PAGE_MIN_LETTERS = 10
_MAX_LOG_WARNINGS = 20
# Latin-1 characters no Vietnamese text holds, but TCVN3 and VNI fonts put in their text layer.
_LEGACY_TELLS = frozenset("¸µ¶·¹¨©ª«¬®§¡¢£¤¥¦»¼½¾ÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ")
# Share of letters above which a page is in a legacy encoding (Vietnamese prose has ~30% marked letters).
LEGACY_SHARE = 0.04
# Spaces wide enough to be a gap between columns in layout-mode text.
_COLUMN_GAP = re.compile(r"\s{4,}")

_collected: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("pypdf_log", default=None)


class _CollectPypdfLog(logging.Handler):
    """Routes pypdf log records to the read in progress (never to stderr)."""

    def emit(self, record: logging.LogRecord) -> None:
        sink = _collected.get()
        if sink is not None and len(sink) < _MAX_LOG_WARNINGS:
            sink.append(record.getMessage())


_pypdf_log = logging.getLogger("pypdf")
_pypdf_log.addHandler(_CollectPypdfLog())
_pypdf_log.propagate = False


def _error(name: str, reason: str, code: str, why: str | None = None) -> InputError:
    """A Vietnamese reason for the officer; the technical cause, if any, in `detail`."""
    return InputError(f"{name}: {reason}", code=code, detail={"reason": why} if why else None)


def read_pdf(data: bytes, name: str, progress: Progress | None = None) -> SourceText:
    sink: list[str] = []
    token = _collected.set(sink)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            extracted = _extract_pages(data, name)
    except ThongSuotError:
        raise
    except RecursionError:
        raise _error(name, "tệp PDF hỏng, không mở được", "corrupt_file", "nesting too deep") from None
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise _error(name, "tệp PDF hỏng, không mở được", "corrupt_file", type(exc).__name__) from None
    finally:
        _collected.reset(token)

    pages = [text for text, _ in extracted]
    reader_notes = list(dict.fromkeys(sink))  # pypdf's own (English) words stay in params, off the page
    notes = [make_warning("pdf_reader", count=len(reader_notes), detail="; ".join(reader_notes)[:500])] if sink else []
    no_text_layer = sum(ch.isalpha() for page in pages for ch in page) < MIN_LETTERS
    legacy = [n for n, text in enumerate(pages, start=1) if legacy_font_text(text)]
    if legacy:
        notes.append(make_warning("legacy_font", name=name, count=len(legacy)))
    scanned = [
        n
        for n, (text, has_image) in enumerate(extracted, start=1)
        if no_text_layer or n in legacy or (has_image and sum(ch.isalpha() for ch in text) < PAGE_MIN_LETTERS)
    ]
    if not pages:
        raise _error(name, "tệp PDF không có trang nào", "no_text_layer")
    if scanned:
        from thongsuot.parsing.read.scan import read_scanned_pdf

        texts = ["" if n in scanned else text for n, text in enumerate(pages, start=1)]
        return read_scanned_pdf(data, name, texts, scanned, notes, progress)
    cleaned = strip_furniture([page.splitlines() for page in pages])
    blocks = [Block("\n".join(lines), page=i) for i, lines in enumerate(cleaned, start=1)]
    return assemble(blocks, fmt="pdf", name=name, warnings=notes, separator="\n")


def _extract_pages(data: bytes, name: str) -> list[tuple[str, bool]]:
    """Each page's text and whether it draws an image (a scanned page does)."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    encrypted = _error(name, "PDF được đặt mật khẩu — hãy gỡ mật khẩu rồi tải lại", "encrypted")
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                raise encrypted
        except DependencyError:
            # AES needs the optional `cryptography` package.
            raise _error(
                name, "PDF được mã hóa theo kiểu máy chủ chưa hỗ trợ giải mã", "encrypted", "AES support not installed"
            ) from None
    try:
        return [(_page_text(page), _has_image(page)) for page in reader.pages]
    except FileNotDecryptedError:
        raise encrypted from None


def legacy_font_text(text: str) -> bool:
    """A text layer written in a legacy Vietnamese font encoding (TCVN3/ABC, VNI).

    Such fonts draw Vietnamese letters from Latin-1 code points, so the extracted text reads "Th«ng tin
    tuyªn truyÒn" (TCVN3) or "Thoâng tin tuyeân truyeàn" (VNI). Their tell is a share of Latin-1 letters and
    signs that Vietnamese never uses (« ª ¸ µ ö ñ ä ...): the page is then recognised from its image,
    which shows the right letters whatever the encoding.
    """
    letters = sum(ch.isalpha() for ch in text)
    if letters < PAGE_MIN_LETTERS:
        return False
    foreign = sum(ch in _LEGACY_TELLS for ch in text)
    return foreign >= LEGACY_SHARE * letters


def _has_image(page: Any) -> bool:
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        return any(xobjects[key].get_object().get("/Subtype") == "/Image" for key in xobjects)
    except Exception:  # a damaged resource dictionary: treat the page as text
        return False


def _page_text(page: Any) -> str:
    """Layout-aware text of one page, columns separated by " | ".

    Layout mode keeps the gap between the two columns of the document header
    (issuer | "ĐẢNG CỘNG SẢN VIỆT NAM"), which plain mode collapses into one
    space; a wide gap becomes the same " | " the DOCX and HTML readers write.
    Justified lines only widen spaces slightly, below the gap threshold.
    Plain mode is the fallback when layout mode fails on odd fonts.
    """
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode is younger and trips on some fonts
        return page.extract_text() or ""
    lines = (_COLUMN_GAP.sub(CELL_SEPARATOR, line.strip()) for line in text.splitlines())
    return "\n".join(lines)
