"""Scan pages of a document version: where each recognised page's image and text are, and its word confidences.

Why not the page images themselves: the scanned file is already stored once (its blob), so a page image is
re-rendered from it at a modest resolution when an officer opens the scan view (`parsing/read/preview.py`);
the database keeps only what cannot be re-derived cheaply, the recognised words' confidences, which the
stored structure does not carry.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from thongsuot.domain.document import ParsedDocument
from thongsuot.storage.tables import scan_pages

SCAN_FORMATS = ("pdf", "image")


@dataclass(frozen=True)
class ScanPage:
    page: int
    source_sha256: str
    source_format: str
    text_start: int
    text_end: int
    words: tuple[tuple[int, int, float], ...]  # offsets within the page's text
    corrected: bool = False

    def to_row(self, document_id: int, version: int) -> dict[str, Any]:
        return {
            "document_id": document_id, "version": version, "page": self.page,
            "source_sha256": self.source_sha256, "source_format": self.source_format,
            "text_start": self.text_start, "text_end": self.text_end,
            "words": [list(w) for w in self.words], "corrected": self.corrected,
        }


def pages_from_parse(parsed: ParsedDocument, sha256: str, fmt: str) -> list[ScanPage]:
    """The recognised pages of a freshly read scan: each page segment holding OCR words (text-layer pages hold none)."""
    source = parsed.source
    if source is None or not source.word_confidences or fmt not in SCAN_FORMATS:
        return []
    words = sorted(source.word_confidences)
    starts = [w[0] for w in words]
    pages: list[ScanPage] = []
    for seg in source.segments:
        if seg.page is None:
            continue
        lo, hi = bisect.bisect_left(starts, seg.start), bisect.bisect_left(starts, seg.end)
        inside = tuple((s - seg.start, e - seg.start, float(c)) for s, e, c in words[lo:hi] if e <= seg.end)
        if inside:
            pages.append(ScanPage(seg.page, sha256, fmt, seg.start, seg.end, inside))
    return pages


def insert_pages(session: Connection, document_id: int, version: int, pages: Sequence[ScanPage]) -> None:
    if pages:
        session.execute(insert(scan_pages), [p.to_row(document_id, version) for p in pages])


def pages_of(session: Connection, document_id: int, version: int) -> list[ScanPage]:
    """The scan pages of one version, in page order (empty when the version was not read by OCR)."""
    rows = session.execute(
        select(scan_pages).where(scan_pages.c.document_id == document_id, scan_pages.c.version == version)
        .order_by(scan_pages.c.page)
    ).mappings()
    return [
        ScanPage(int(r["page"]), str(r["source_sha256"]), str(r["source_format"]), int(r["text_start"]),
                 int(r["text_end"]), tuple((int(s), int(e), float(c)) for s, e, c in r["words"] or []),
                 bool(r["corrected"]))
        for r in rows
    ]
