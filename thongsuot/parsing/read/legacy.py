"""Old Word files (.doc), RTF and OpenDocument text (.odt): converted to DOCX by LibreOffice, then read as DOCX.

LibreOffice runs headless in a temporary directory with its own throw-away profile (two conversions at once
do not share a locked profile), under a time limit, and nothing it writes outlives the call. The converted
file goes through the DOCX reader, so its header table, numbering and footnotes are read the same way.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from thongsuot.domain.document import SourceText
from thongsuot.errors import InputError
from thongsuot.parsing.read.limits import ReadLimits
from thongsuot.vocab.warnings import make_warning

CONVERT_TIMEOUT = 120  # seconds
_SUFFIX = {"doc": ".doc", "rtf": ".rtf", "odt": ".odt"}


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, name: str, fmt: str) -> bytes:
    """The DOCX LibreOffice makes of an old Word / RTF / ODT file; one-line InputError when it cannot."""
    soffice = _soffice()
    if soffice is None:
        raise InputError(
            f"{name}: máy chủ chưa cài LibreOffice để chuyển tệp {fmt.upper()}; báo quản trị viên cài đặt",
            code="convert_unavailable",
        )
    with tempfile.TemporaryDirectory(prefix="thongsuot-convert-") as tmp:
        work = Path(tmp)
        source = work / f"source{_SUFFIX[fmt]}"
        source.write_bytes(data)
        try:
            done = subprocess.run(
                [soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--norestore",
                 "--convert-to", "docx", "--outdir", str(work / "out"), str(source)],
                capture_output=True, timeout=CONVERT_TIMEOUT,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            raise InputError(
                f"{name}: chuyển đổi tệp {fmt.upper()} quá lâu (quá {CONVERT_TIMEOUT} giây), đã dừng",
                code="convert_failed",
            ) from None
        converted = work / "out" / "source.docx"
        if done.returncode != 0 or not converted.exists():
            raise InputError(
                f"{name}: tệp {fmt.upper()} hỏng, LibreOffice không chuyển được sang DOCX",
                code="corrupt_file",
            )
        return converted.read_bytes()


def read_legacy(data: bytes, name: str, fmt: str, limits: ReadLimits) -> SourceText:
    from thongsuot.parsing.read.docx import read_docx

    source = read_docx(convert_to_docx(data, name, fmt), name, limits)
    note = make_warning("converted", name=name, format=fmt.upper())
    return SourceText(
        text=source.text,
        format=fmt,
        name=source.name,
        segments=source.segments,
        warnings=(note, *source.warnings),
    )
