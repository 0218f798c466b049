"""What a file really is, from its first bytes (extensions lie).

Returns "pdf", "docx", "html", "image" (PNG, JPEG, TIFF), "zip" (any other zip) for recognised content,
None for anything that
may be text. Office formats that we cannot read raise at once with the reason:
an encrypted OOXML file (an OLE compound file holding "EncryptedPackage"),
an old binary Word .doc.
"""

from __future__ import annotations

import io
import zipfile

from thongsuot.errors import InputError, UnsupportedFormat

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_HTML_STARTS = (b"<!doctype html", b"<html")
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
                f"{name}: tệp được mã hóa (encrypted) — hãy gỡ mật khẩu rồi tải lại", code="encrypted"
            )
        if _utf16("WordDocument") in data:
            raise UnsupportedFormat(
                f"{name}: định dạng Word cũ .doc không được hỗ trợ; "
                "hãy mở bằng Word và lưu lại dạng .docx (save it as .docx)"
            )
        raise UnsupportedFormat(f"{name}: tệp Office cũ không được hỗ trợ (legacy Office file)")
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    if data.startswith(_ZIP_MAGIC):
        return _sniff_zip(data, name)
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
    return "docx" if any(n.lower().startswith("word/") for n in names) else "zip"
