"""Readers: file bytes -> SourceText (text plus offset map to page / paragraph).

`read_file(path)` and `read_bytes(data, name)` are the only entry points. The
format comes from the file extension, checked against the content: a PDF or
DOCX saved as ".txt" is read as what it is (with a warning), an encrypted
Office file gets a clear message. Old Word ".doc", ".rtf" and ".odt" are
converted to DOCX by LibreOffice (`legacy.py`). Every failure is a
`ThongSuotError` whose one-line message starts with the file name:
InputError (bad content), UnsupportedFormat (415), TooLarge (413).

Supported: .txt .md .markdown (UTF-8 / UTF-16 text, kept verbatim),
.html .htm .xhtml (visible text of the content), .docx, .pdf (text layer; pages
without one go through OCR), images .jpg .jpeg .png .tif .tiff (OCR, `scan.py`).
Readers that may run OCR take `progress(done_pages, total_pages)`.

Limits are parameters (`ReadLimits`, or a single `max_bytes`), never read from
settings: the CLI and API pass theirs. `read_file` checks the size with
`os.stat` before reading a byte.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

from thongsuot.domain.document import ParseWarning, SourceText
from thongsuot.errors import InputError, UnsupportedFormat
from thongsuot.parsing.read.limits import DEFAULT_LIMITS, ReadLimits, check_size
from thongsuot.parsing.read.sniff import sniff
from thongsuot.vocab.warnings import make_warning

Progress = Callable[[int, int], None]

__all__ = ["Progress", "DEFAULT_LIMITS", "SUPPORTED_EXTENSIONS", "ReadLimits", "read_bytes", "read_file"]

_FORMAT_BY_EXTENSION = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
    ".doc": "doc",
    ".rtf": "rtf",
    ".odt": "odt",
}
SUPPORTED_EXTENSIONS = tuple(_FORMAT_BY_EXTENSION)
_SUPPORTED_LIST = ", ".join(SUPPORTED_EXTENSIONS)


def _format_for(name: str) -> str | None:
    """Format from the extension; None when the name has no extension."""
    suffix = Path(name).suffix.lower()
    if not suffix:
        return None
    if suffix not in _FORMAT_BY_EXTENSION:
        raise UnsupportedFormat(
            f"{name}: định dạng {suffix} không được hỗ trợ; chấp nhận {_SUPPORTED_LIST}",
            detail={"extension": suffix, "supported": list(SUPPORTED_EXTENSIONS)},
        )
    return _FORMAT_BY_EXTENSION[suffix]


def _resolve(name: str, declared: str | None, data: bytes) -> tuple[str, list[ParseWarning]]:
    """The format to read, reconciling the extension with the content."""
    actual = sniff(data, name)  # raises for encrypted Office files, .doc, other zips
    if actual is None:  # looks like text
        if declared in {"docx", "pdf", "image", "doc", "odt"}:
            what = {"image": "ảnh"}.get(declared, declared.upper())
            raise InputError(
                f"{name}: tệp {what} hỏng, nội dung không phải tệp {what}", code="corrupt_file"
            )
        return declared or "txt", []
    if actual == "zip":
        if declared == "docx":
            return "docx", []  # the DOCX reader names what is missing
        raise UnsupportedFormat(f"{name}: tệp nén không phải văn bản Word (.docx)")
    if actual == declared:
        return actual, []
    return actual, [make_warning("format_mismatch", name=name, declared=declared, actual=actual.upper())]


def read_bytes(
    data: bytes,
    name: str,
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    max_bytes: int | None = None,
    progress: Progress | None = None,
) -> SourceText:
    """Read an uploaded file's bytes. `name` (with extension) picks the format."""
    declared = _format_for(name)
    check_size(
        name, len(data), max_bytes if max_bytes is not None else limits.max_bytes_for(declared or "txt")
    )
    fmt, warnings = _resolve(name, declared, data)
    if max_bytes is None:
        check_size(name, len(data), limits.max_bytes_for(fmt))
    source = _dispatch(fmt, data, name, limits, progress)
    if warnings:
        source = dataclasses.replace(source, warnings=(*warnings, *source.warnings))
    return source


def _dispatch(fmt: str, data: bytes, name: str, limits: ReadLimits, progress: Progress | None) -> SourceText:
    if fmt in {"txt", "md"}:
        from thongsuot.parsing.read.text import read_text

        return read_text(data, name, fmt)
    if fmt == "html":
        from thongsuot.parsing.read.html import read_html

        return read_html(data, name)
    if fmt == "docx":
        from thongsuot.parsing.read.docx import read_docx

        return read_docx(data, name, limits)
    if fmt in {"doc", "rtf", "odt"}:
        from thongsuot.parsing.read.legacy import read_legacy

        return read_legacy(data, name, fmt, limits)
    if fmt == "image":
        from thongsuot.parsing.read.scan import read_image

        return read_image(data, name, progress)
    from thongsuot.parsing.read.pdf import read_pdf

    return read_pdf(data, name, progress)


def read_file(
    path: str | Path,
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    max_bytes: int | None = None,
    progress: Progress | None = None,
) -> SourceText:
    """Read a file from disk; its size is checked before anything is read."""
    p = Path(path)
    name = p.name
    declared = _format_for(name)
    try:
        size = os.stat(p).st_size
    except OSError as exc:
        raise InputError(
            f"{name}: không mở được tệp", code="cannot_open", detail={"reason": exc.strerror}
        ) from None
    if p.is_dir():
        raise InputError(f"{name}: là thư mục, không phải tệp", code="cannot_open")
    check_size(name, size, max_bytes if max_bytes is not None else limits.max_bytes_for(declared or "txt"))
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(
            f"{name}: không mở được tệp", code="cannot_open", detail={"reason": exc.strerror}
        ) from None
    return read_bytes(data, name, limits=limits, max_bytes=max_bytes, progress=progress)
