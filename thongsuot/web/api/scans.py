"""JSON API of a scanned document: each page's recognised text and word confidences, and corrections.

The same data and rules as the scan view (web/scanview.py): a program (or a colleague's script) can fetch what
OCR read, page by page, with the confidence of every word, and send the corrected pages back; the correction is
stored as a new version, re-parsed and audited, exactly as from the page.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from thongsuot.errors import NotFound
from thongsuot.storage.accounts import User
from thongsuot.vocab.confidence import load_confidence
from thongsuot.web import deps, scanview
from thongsuot.web.schemas.documents import Corrected, ScanOut, ScanPageOut, ScanWordOut

router = APIRouter()


@router.get("/documents/{document_id}/scan", tags=["documents"],
            summary="Các trang quét của văn bản: ảnh, chữ nhận dạng, độ tin cậy từng từ")  # fmt: skip
def get_scan(document_id: int, request: Request, _u: User | None = Depends(deps.require_reader)) -> ScanOut:
    st = deps.state(request)
    record = st.lib.get(document_id)
    version = record.summary.version
    pages = st.lib.scan_pages(document_id, version)
    if not pages:
        raise NotFound(
            f"Văn bản {document_id} không được đọc từ bản quét (không có trang quét).", code="not_a_scan"
        )
    threshold = load_confidence().threshold
    out = []
    for page in pages:
        text = record.text[page.text_start : page.text_end]
        words = [
            ScanWordOut(start=s, end=e, confidence=round(c, 3), low=c < threshold) for s, e, c in page.words
        ]
        out.append(ScanPageOut(
            page=page.page, image_url=f"/documents/{document_id}/scan/{version}/{page.page}.png", text=text,
            corrected=page.corrected, words=words,
        ))  # fmt: skip
    return ScanOut(document_id=document_id, version=version, threshold=round(threshold, 3), pages=out)


class Correction(BaseModel):
    """The corrected text of every page of the version the officer opened (`version`), in page order."""

    version: int = Field(ge=1)
    pages: list[str] = Field(min_length=1)


@router.post("/documents/{document_id}/corrections", tags=["documents"], status_code=201,
             summary="Sửa chữ nhận dạng của bản quét (lưu thành phiên bản mới)")  # fmt: skip
def post_correction(
    document_id: int, body: Correction, request: Request, user: User = Depends(deps.require_uploader)
) -> Corrected:
    new_version = scanview.correct(request, user, document_id, str(body.version), body.pages)
    return Corrected(id=document_id, version=new_version)
