"""Size limits for the readers, and the checks that enforce them cheaply.

The parsing layer stays pure: it never reads settings. Callers (CLI, API) pass
a `ReadLimits` built from their configuration; the defaults below are safe for
a desktop run. Every check runs before the expensive work (reading a whole
file, inflating a zip member), so an oversized or hostile input fails fast.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from thongsuot.errors import InputError, TooLarge

MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """How much a reader accepts.

    - `max_text_bytes`: plain text / Markdown / HTML files.
    - `max_binary_bytes`: DOCX and PDF files as stored.
    - `max_unzipped_bytes`: total declared uncompressed size of a DOCX's members.
    - `max_ratio`: compression ratio allowed for members bigger than
      `ratio_floor_bytes` (small XML parts compress very well and are harmless).
    - `max_xml_bytes`: one XML part of a DOCX/XLSX, counted while inflating
      (whatever the archive declares); a parsed tree takes ~10x its text.
    - `max_xml_elements`: elements of one XML part (end tags and empty tags
      counted before parsing), which bounds the tree lxml builds.
    Together they keep the peak memory of reading one file under the ceiling
    stated in README ("Memory ceiling"), checked by tests/parsing/test_bombs.py.
    """

    max_text_bytes: int = 100 * MB
    max_binary_bytes: int = 50 * MB
    max_unzipped_bytes: int = 200 * MB
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1 * MB
    max_xml_bytes: int = 12 * MB
    max_xml_elements: int = 400_000

    @classmethod
    def from_megabytes(
        cls, *, text_mb: float = 100, upload_mb: float = 50, unzipped_mb: float = 200
    ) -> ReadLimits:
        """Build limits from settings in MB, e.g. `ReadLimits.from_megabytes(text_mb=s.max_text_mb,
        upload_mb=s.max_upload_mb)` in the CLI / API."""
        return cls(
            max_text_bytes=int(text_mb * MB),
            max_binary_bytes=int(upload_mb * MB),
            max_unzipped_bytes=int(unzipped_mb * MB),
        )

    def max_bytes_for(self, fmt: str) -> int:
        return self.max_text_bytes if fmt in {"txt", "md", "html"} else self.max_binary_bytes


DEFAULT_LIMITS = ReadLimits()


def _human(n: int) -> str:
    if n >= 10 * MB:
        return f"{n / MB:.0f} MB"
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


def check_size(name: str, size: int, limit: int) -> None:
    """Refuse `size` bytes over `limit` with a one-line TooLarge."""
    if size > limit:
        raise TooLarge(
            f"{name}: tệp quá lớn ({_human(size)}, giới hạn {_human(limit)})",
            detail={"size": size, "limit": limit},
        )


def check_zip(name: str, archive: zipfile.ZipFile, limits: ReadLimits) -> None:
    """Refuse a zip bomb from the central directory alone, before inflating.

    The declared sizes could lie, but `zipfile` never inflates a member past
    its declared size (it stops there and fails the CRC check), so checking
    the declarations bounds the memory any later read can take.
    """
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > limits.ratio_floor_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise TooLarge(
                    f"{name}: tệp nén bất thường (phần {info.filename!r} nén {ratio:.0f} lần, "
                    f"giới hạn {limits.max_ratio:.0f} lần), nghi là tệp phá hoại",
                    detail={"member": info.filename, "ratio": ratio},
                )
    if total > limits.max_unzipped_bytes:
        raise TooLarge(
            f"{name}: tệp quá lớn khi giải nén ({_human(total)}, giới hạn {_human(limits.max_unzipped_bytes)})",
            detail={"size": total, "limit": limits.max_unzipped_bytes},
        )


CHUNK = 64 * 1024


def inflate(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """One member's bytes, inflated a chunk at a time and refused as soon as they pass `limit`.

    `zipfile.read()` inflates a member in one call up to 2 GB before it
    compares with the declared size; here memory never exceeds the limit plus
    one chunk, whatever the archive declares.
    """
    out = io.BytesIO()
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            if out.tell() + len(chunk) > limit:
                raise TooLarge(
                    f"{name}: phần {info.filename!r} quá lớn khi giải nén (giới hạn {_human(limit)})",
                    detail={"member": info.filename, "limit": limit},
                )
            out.write(chunk)
    return out.getvalue()


def check_xml(name: str, member: str, data: bytes, limits: ReadLimits) -> None:
    """Refuse an XML part with more elements than `max_xml_elements`, before any parser sees it."""
    elements = data.count(b"</") + data.count(b"/>")
    if elements > limits.max_xml_elements:
        raise TooLarge(
            f"{name}: phần {member!r} có quá nhiều phần tử ({elements:,}, giới hạn {limits.max_xml_elements:,})",
            detail={"member": member, "elements": elements, "limit": limits.max_xml_elements},
        )


def safe_members(
    name: str, archive: zipfile.ZipFile, limits: ReadLimits, keep: Callable[[str], bool]
) -> dict[str, bytes]:
    """Every member of an Office package inflated under the limits; members `keep` rejects come back empty.

    XML parts get `max_xml_bytes` and the element count (one part in memory at
    a time); other parts (images, fonts) go through the same counting reader
    and are dropped, so they take no memory later. The total is capped by
    `max_unzipped_bytes` as counted, not as declared.
    """
    check_zip(name, archive, limits)
    out: dict[str, bytes] = {}
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        room = limits.max_unzipped_bytes - total
        if info.filename.lower().endswith((".xml", ".rels")):
            data = inflate(name, archive, info, min(limits.max_xml_bytes, room))
            check_xml(name, info.filename, data, limits)
            total += len(data)
            out[info.filename] = data if keep(info.filename) else b""
        else:
            total += _drain(name, archive, info, room)
            out[info.filename] = b""
    return out


def _drain(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> int:
    """Inflate a member only to count (and CRC-check) it."""
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise TooLarge(
                    f"{name}: tệp quá lớn khi giải nén (giới hạn {_human(limit)})",
                    detail={"member": info.filename, "limit": limit},
                )
    return size


def repack(members: dict[str, bytes]) -> bytes:
    """The checked members as a stored (uncompressed) zip for a library that opens packages itself."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        for member, data in members.items():
            out.writestr(member, data)
    return buffer.getvalue()


def check_package(name: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> None:
    """The DOCX checks for any Office package read by a library (XLSX through openpyxl)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            safe_members(name, archive, limits, keep=lambda _m: False)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:  # CRC, truncation, method
        raise InputError(
            f"{name}: tệp nén bị hỏng, không giải nén được", code="corrupt_file",
            detail={"reason": type(exc).__name__},
        ) from None
