"""An officer's correction of a scanned document's recognised text: a new version, re-parsed, audited, at once.

The officer edits each recognised page's text beside its image. The corrected pages replace their stretches
of the current text (text-layer pages of a mixed PDF stay as they were), the whole is parsed again, and the
new version, its scan pages (same page images; an edited page loses its OCR word confidences, since an officer
has read it) and the audit entry are written in one transaction: a refused or failed correction leaves the
library untouched. The version the officer opened is checked under a row lock, so two officers correcting the
same document at once cannot both win: the second is told to reload.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import Connection, select

from thongsuot.errors import Conflict, InputError, NotFound, TooLarge
from thongsuot.parsing import parse_text
from thongsuot.storage import scans
from thongsuot.storage.audit import append_audit
from thongsuot.storage.documents import store_document
from thongsuot.storage.models import StoreResult, StoreStatus
from thongsuot.storage.tables import documents

MAX_PAGE_CHARS = 100_000


@dataclass(frozen=True)
class Actor:
    name: str
    id: int | None = None
    address: str = ""


def _clean(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def correct_scan(
    session: Connection, document_id: int, opened_version: int, page_texts: Sequence[str], actor: Actor
) -> StoreResult:
    """Store the corrected pages as a new version of the document (module doc); raises with a one-line reason."""
    row = session.execute(
        select(documents.c.version, documents.c.text, documents.c.file_name, documents.c.symbol)
        .where(documents.c.id == document_id).with_for_update()
    ).first()
    if row is None:
        raise NotFound(f"Không tìm thấy văn bản {document_id}.")
    version, text, file_name = int(row[0]), str(row[1]), str(row[2])
    if version != opened_version:
        raise Conflict(
            f"Văn bản đã có phiên bản {version} từ khi bạn mở phiên bản {opened_version}; hãy tải lại trang và sửa lại.",
            code="stale_version", detail={"version": version},
        )
    pages = scans.pages_of(session, document_id, version)
    if not pages:
        raise InputError("Văn bản này không được đọc từ ảnh quét: không có trang nhận dạng để sửa.", code="not_scanned")
    if len(page_texts) != len(pages):
        raise InputError(f"Số trang gửi lên ({len(page_texts)}) khác số trang quét của văn bản ({len(pages)}).",
                         code="page_count")
    cleaned = [_clean(t) for t in page_texts]
    for page, new in zip(pages, cleaned, strict=True):
        if len(new) > MAX_PAGE_CHARS:
            raise TooLarge(f"Trang {page.page}: nội dung sửa quá dài ({len(new):,} ký tự, tối đa "
                           f"{MAX_PAGE_CHARS:,}).".replace(",", "."), code="page_too_long")
    if not any(cleaned):
        raise InputError("Nội dung sửa trống: cần giữ lại chữ của ít nhất một trang.", code="empty_correction")

    parts: list[str] = []
    new_pages: list[scans.ScanPage] = []
    changed: list[int] = []
    pos = 0
    length = 0
    for page, new in zip(pages, cleaned, strict=True):
        between = text[pos : page.text_start]
        parts.append(between)
        length += len(between)
        old = text[page.text_start : page.text_end]
        same = _clean(old) == new
        if same:
            new = old
        else:
            changed.append(page.page)
        parts.append(new)
        new_pages.append(scans.ScanPage(
            page.page, page.source_sha256, page.source_format, length, length + len(new),
            page.words if same else (), page.corrected or not same,
        ))
        length += len(new)
        pos = page.text_end
    parts.append(text[pos:])
    new_text = "".join(parts)
    if not changed:
        raise InputError("Chưa có thay đổi nào so với phiên bản đang xem.", code="no_change")

    name = f"{PurePath(file_name).stem or 'van-ban'}-da-sua.txt"
    parsed = parse_text(new_text, name=name)
    result = store_document(session, parsed, new_text.encode("utf-8"), file_name=name, fmt="txt",
                            version_of=document_id)
    if result.status is StoreStatus.DUPLICATE:
        where = (f"phiên bản {result.version} đã lưu" if result.document_id == document_id
                 else f"văn bản {result.document_id} đã có trong thư viện")
        raise InputError(f"Nội dung sửa trùng hệt {where}.", code="duplicate_version")
    scans.insert_pages(session, document_id, result.version, new_pages)
    append_audit(
        session, action="document_correct", actor=actor.name, actor_id=actor.id,
        target=f"document/{document_id}", address=actor.address,
        before={"version": version, "symbol": row[3]},
        after={"version": result.version, "symbol": parsed.header.symbol, "pages": changed},
    )
    return result
