"""Size limits for the readers, and the checks that enforce them cheaply.

The parsing layer stays pure: it never reads settings. Callers (CLI, API) pass
a `ReadLimits` built from their configuration; the defaults below are safe for
a desktop run. Every check runs before the expensive work (reading a whole
file, inflating a zip member), so an oversized or hostile input fails fast.
"""

from __future__ import annotations

import zipfile
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
    """

    max_text_bytes: int = 100 * MB
    max_binary_bytes: int = 50 * MB
    max_unzipped_bytes: int = 200 * MB
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1 * MB

    def max_bytes_for(self, fmt: str) -> int:
        return self.max_text_bytes if fmt in {"txt", "md", "html"} else self.max_binary_bytes


DEFAULT_LIMITS = ReadLimits()


def _mb(n: int) -> str:
    value = n / MB
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def check_size(name: str, size: int, limit: int) -> None:
    """Refuse `size` bytes over `limit` with a one-line TooLarge."""
    if size > limit:
        raise TooLarge(
            f"{name}: tệp quá lớn ({_mb(size)} MB > {_mb(limit)} MB) (file too large)",
            detail={"size": size, "limit": limit},
        )


def check_zip(name: str, archive: zipfile.ZipFile, limits: ReadLimits) -> None:
    """Refuse a zip bomb from the central directory alone, before inflating.

    The declared sizes can lie, so readers must still cap what they inflate
    (see `read_member`); this check catches the honest-but-huge and the
    classic high-ratio bombs without touching the data.
    """
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > limits.ratio_floor_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise TooLarge(
                    f"{name}: tệp nén bất thường, nghi zip bomb "
                    f"(member {info.filename!r} ratio {ratio:.0f}:1 > {limits.max_ratio:.0f}:1)",
                    detail={"member": info.filename, "ratio": ratio},
                )
    if total > limits.max_unzipped_bytes:
        raise TooLarge(
            f"{name}: tệp quá lớn khi giải nén ({_mb(total)} MB > {_mb(limits.max_unzipped_bytes)} MB) "
            "(uncompressed size too large)",
            detail={"size": total, "limit": limits.max_unzipped_bytes},
        )


def read_member(name: str, archive: zipfile.ZipFile, member: str, limits: ReadLimits) -> bytes:
    """Inflate one member, never more than its declared size (or the total cap).

    A crafted zip can declare a small size and inflate to much more; reading
    in chunks with a hard cap keeps memory bounded whatever the header says.
    """
    info = archive.getinfo(member)
    cap = min(info.file_size, limits.max_unzipped_bytes)
    chunks: list[bytes] = []
    got = 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(min(1 * MB, cap + 1 - got))
            if not chunk:
                break
            got += len(chunk)
            if got > cap:
                raise InputError(f"{name}: tệp DOCX hỏng (corrupt DOCX: {member} larger than declared)")
            chunks.append(chunk)
    return b"".join(chunks)
