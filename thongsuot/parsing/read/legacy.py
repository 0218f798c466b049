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

from thongsuot.domain.document import ParseWarning, SourceText
from thongsuot.errors import InputError
from thongsuot.parsing.read.limits import ReadLimits

CONVERT_TIMEOUT = 120  # seconds
_SUFFIX = {"doc": ".doc", "rtf": ".rtf", "odt": ".odt"}


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, name: str, fmt: str) -> bytes:
    """The DOCX LibreOffice makes of an old Word / RTF / ODT file; one-line InputError when it cannot."""
    soffice = _soffice()
    if soffice is None:
        raise InputError(
            f"{name}: không tìm thấy LibreOffice để chuyển tệp {fmt.upper()} (libreoffice not installed)",
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
                f"{name}: chuyển đổi tệp {fmt.upper()} quá lâu (conversion timed out after {CONVERT_TIMEOUT}s)",
                code="convert_failed",
            ) from None
        converted = work / "out" / "source.docx"
        if done.returncode != 0 or not converted.exists():
            raise InputError(
                f"{name}: tệp {fmt.upper()} hỏng, không chuyển được sang DOCX (corrupt {fmt.upper()}: "
                "LibreOffice could not convert it)",
                code="corrupt_file",
            )
        return converted.read_bytes()


def read_legacy(data: bytes, name: str, fmt: str, limits: ReadLimits) -> SourceText:
    from thongsuot.parsing.read.docx import read_docx

    source = read_docx(convert_to_docx(data, name, fmt), name, limits)
    note = ParseWarning("converted", f"{name}: chuyển từ {fmt.upper()} sang DOCX bằng LibreOffice để đọc")
    return SourceText(
        text=source.text,
        format=fmt,
        name=source.name,
        segments=source.segments,
        warnings=(note, *source.warnings),
    )
