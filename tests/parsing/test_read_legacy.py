"""Old Word (.doc), RTF and ODT files are converted by LibreOffice and read like DOCX."""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from thongsuot.errors import InputError
from thongsuot.parsing import parse_bytes
from thongsuot.parsing.read import read_bytes

LINES = [
    "HUYỆN ỦY ĐỨC PHỔ",
    "Số 72-KH/HU",
    "KẾ HOẠCH",
    "tuyên truyền kỷ niệm ngày thành lập Đảng",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "- Tiếp tục quán triệt Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương.",
]


def _rtf(lines: list[str]) -> bytes:
    """RTF as Word writes Vietnamese: every non-ASCII letter as a \\uN? escape."""

    def escape(text: str) -> str:
        return "".join(
            ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in text
        )

    body = "".join(f"{{\\pard {escape(line)}\\par}}\n" for line in lines)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}").encode("ascii")


def _odt(lines: list[str]) -> bytes:
    """The smallest OpenDocument text LibreOffice accepts: mimetype, manifest, content."""
    ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    paragraphs = "".join(f"<text:p>{line}</text:p>" for line in lines)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        f"<office:body><office:text>{paragraphs}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return out.getvalue()


def _doc(odt: bytes) -> bytes:
    """A binary Word 97 .doc, as LibreOffice saves one."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "k.odt").write_bytes(odt)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
             "--convert-to", "doc", "--outdir", str(work), str(work / "k.odt")],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        return (work / "k.doc").read_bytes()


@pytest.mark.parametrize("fmt", ["rtf", "odt", "doc"])
def test_legacy_word_files_are_read_through_libreoffice(fmt: str) -> None:
    odt = _odt(LINES)
    data = {"rtf": _rtf(LINES), "odt": odt, "doc": _doc(odt) if fmt == "doc" else b""}[fmt]
    source = read_bytes(data, f"ke-hoach.{fmt}")
    assert source.format == fmt
    assert [line.strip() for line in source.text.splitlines() if line.strip()] == LINES
    assert any(w.code == "converted" for w in source.warnings)
    doc = parse_bytes(data, f"ke-hoach.{fmt}")
    assert doc.header.kind == "KẾ HOẠCH"
    assert doc.header.symbol == "72-KH/HU"


def test_rtf_saved_as_txt_is_read_as_rtf() -> None:
    source = read_bytes(_rtf(LINES), "ke-hoach.txt")
    assert "HUYỆN ỦY ĐỨC PHỔ" in source.text
    assert any(w.code == "format_mismatch" for w in source.warnings)


def test_corrupt_odt_is_one_line() -> None:
    data = _odt(LINES).replace(b"content.xml", b"contentXxml")
    with pytest.raises(InputError) as caught:
        read_bytes(data, "hong.odt")
    assert caught.value.message.startswith("hong.odt: ")
    assert "\n" not in caught.value.message
