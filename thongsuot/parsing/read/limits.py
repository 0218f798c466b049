"""Size limits for the readers, and the checks that enforce them cheaply.

The parsing layer stays pure: it never reads settings. Callers (CLI, API) pass
a `ReadLimits` built from their configuration; the defaults below are safe for
a desktop run. Every check runs before the expensive work (reading a whole
file, inflating a zip member), so an oversized or hostile input fails fast.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from thongsuot.errors import TooLarge

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
            f"{name}: tệp quá lớn ({_human(size)} > {_human(limit)}) (file too large)",
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
                    f"{name}: tệp nén bất thường, nghi zip bomb "
                    f"(member {info.filename!r} ratio {ratio:.0f}:1 > {limits.max_ratio:.0f}:1)",
                    detail={"member": info.filename, "ratio": ratio},
                )
    if total > limits.max_unzipped_bytes:
        raise TooLarge(
            f"{name}: tệp quá lớn khi giải nén ({_human(total)} > {_human(limits.max_unzipped_bytes)}) "
            "(uncompressed size too large)",
            detail={"size": total, "limit": limits.max_unzipped_bytes},
        )
