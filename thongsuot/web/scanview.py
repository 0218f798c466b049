"""The scan view of a document read by OCR: each page's image beside its recognised text, weak words marked.

A word whose OCR confidence is under the "cần kiểm tra" threshold (vocab/data/confidence.toml, the same one the
header fields use) is marked, so the officer knows where to look on the image. Editors of the document's unit
correct the text page by page here; the correction is stored by `storage.corrections` as a new version.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from fastapi import Request

from thongsuot.errors import InputError
from thongsuot.parsing.read.preview import page_png
from thongsuot.storage.corrections import Actor
from thongsuot.storage.scans import ScanPage
from thongsuot.vocab.confidence import load_confidence
from thongsuot.web import deps

_PNG_CACHE: OrderedDict[tuple[str, int], bytes] = OrderedDict()
_PNG_LOCK = threading.Lock()
PNG_CACHE_SIZE = 48  # pages (~150 kB each)


def marked_runs(text: str, words: Sequence[tuple[int, int, float]], threshold: float) -> list[dict[str, Any]]:
    """The page text cut into runs: plain stretches and the words read with confidence under `threshold`."""
    runs: list[dict[str, Any]] = []
    pos = 0
    for start, end, conf in sorted(words):
        if conf >= threshold or start < pos or end > len(text) or start >= end:
            continue
        if start > pos:
            runs.append({"text": text[pos:start], "low": False})
        runs.append({"text": text[start:end], "low": True, "conf": round(conf * 100)})
        pos = end
    if pos < len(text):
        runs.append({"text": text[pos:], "low": False})
    return runs


def _page(document_id: int, version: int, text: str, page: ScanPage, threshold: float,
          typed: str | None) -> dict[str, Any]:
    own = text[page.text_start : page.text_end]
    runs = marked_runs(own, page.words, threshold)
    mean = sum(c for _s, _e, c in page.words) / len(page.words) if page.words else None
    return {
        "page": page.page,
        "image_url": f"/documents/{document_id}/scan/{version}/{page.page}.png",
        "runs": runs,
        "low": sum(1 for r in runs if r["low"]),
        "confidence": round(mean * 100) if mean is not None else None,
        "corrected": page.corrected,
        "text": own if typed is None else typed,
    }


def scan_context(
    request: Request, record: Any, user: Any, *, typed: Sequence[str] | None = None, error: str | None = None,
    saved: int | None = None,
) -> dict[str, Any] | None:
    """What the scan partial shows for the document's current version, or None when it was not read by OCR."""
    st = deps.state(request)
    version = record.summary.version
    pages = st.lib.scan_pages(record.summary.id, version)
    if not pages:
        return None
    threshold = load_confidence().threshold
    typed_list = list(typed) if typed is not None and len(typed) == len(pages) else None
    return {
        "document_id": record.summary.id,
        "version": version,
        "threshold": round(threshold * 100),
        "pages": [
            _page(record.summary.id, version, record.text, p, threshold, typed_list[i] if typed_list else None)
            for i, p in enumerate(pages)
        ],
        "can_correct": deps.may_edit_unit(request, user, record.summary.owner_unit_id),
        "error": error,
        "saved": saved,
    }


def page_image(request: Request, document_id: int, version: int, page: int) -> bytes:
    """The PNG of one scanned page of a version (cached by scan file and page)."""
    from thongsuot.errors import NotFound

    st = deps.state(request)
    found = next((p for p in st.lib.scan_pages(document_id, version) if p.page == page), None)
    if found is None:
        raise NotFound(f"Văn bản {document_id} không có trang quét {page} ở phiên bản {version}.")
    key = (found.source_sha256, page)
    with _PNG_LOCK:
        if key in _PNG_CACHE:
            _PNG_CACHE.move_to_end(key)
            return _PNG_CACHE[key]
    png = page_png(st.lib.blob(found.source_sha256), found.source_format, page)
    with _PNG_LOCK:
        _PNG_CACHE[key] = png
        while len(_PNG_CACHE) > PNG_CACHE_SIZE:
            _PNG_CACHE.popitem(last=False)
    return png


def correct(request: Request, user: Any, document_id: int, version: str, page_text: list[str]) -> int:
    """Check the right on the document's unit, then store the correction; returns the new version.

    One place for the scan view's form and the JSON API, so both refuse the same things with the same words.
    """
    st = deps.state(request)
    record = st.lib.get(document_id)
    deps.check_unit_right(request, user, record.summary.owner_unit_id)
    if not version.strip().isascii() or not version.strip().isdigit():
        raise InputError("Thiếu hoặc sai số phiên bản đang sửa (trường version).", code="bad_version")
    actor = Actor(user.username, user.id, deps.client_address(request))
    result = st.lib.correct_scan(document_id, int(version), page_text, actor)
    return int(result.version)
