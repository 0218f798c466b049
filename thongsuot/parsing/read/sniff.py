"""What a file really is, from its first bytes (extensions lie).

Returns "pdf", "docx", "html", "image" (PNG, JPEG, TIFF), "doc" (old binary Word), "rtf", "odt",
"zip" (any other zip) for recognised content, None for anything that
may be text. Office formats that we cannot read raise at once with the reason:
an encrypted OOXML file (an OLE compound file holding "EncryptedPackage"),
another legacy Office file (Excel, PowerPoint).
"""

from __future__ import annotations

import io
import zipfile

from thongsuot.errors import InputError, UnsupportedFormat

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_HTML_STARTS = (b"<!doctype html", b"<html")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def _utf16(word: str) -> bytes:
    return word.encode("utf-16-le")


def sniff(data: bytes, name: str) -> str | None:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE_MAGIC):
        if _utf16("EncryptedPackage") in data:
            raise InputError(
                f"{name}: tệp được đặt mật khẩu — hãy gỡ mật khẩu rồi tải lại", code="encrypted"
            )
        if _utf16("WordDocument") in data:
            return "doc"
        raise UnsupportedFormat(
            f"{name}: tệp Office đời cũ (không phải Word) không được hỗ trợ; hãy lưu lại thành .docx hoặc PDF"
        )
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    if data.startswith(_ZIP_MAGIC):
        return _sniff_zip(data, name)
    if data.startswith(b"{\\rtf"):
        return "rtf"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(_HTML_STARTS):
        return "html"
    return None


def _sniff_zip(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return "docx"  # let the DOCX reader report the damage
    if any(n.lower().startswith("word/") for n in names):
        return "docx"
    return "odt" if _ODT_MIMETYPE in data[:200] else "zip"
