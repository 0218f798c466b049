"""Uploading documents: per-file read -> parse -> store, each file all-or-nothing.

A file that is the wrong type, over the size limit, corrupt or encrypted gets a
Vietnamese reason in its result and nothing is stored; the other files of the
same request go on. Stored files belong to the uploader's unit (or a unit of
its subtree the uploader chose) and are written to the audit log.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from thongsuot.domain.document import ParsedDocument
from thongsuot.errors import Forbidden, NotFound, ThongSuotError
from thongsuot.storage import StoreResult, StoreStatus
from thongsuot.storage.accounts import User
from thongsuot.storage.unit_of_work import UnitOfWork, one_unit, savepoint
from thongsuot.tracking import rights
from thongsuot.web import deps, docview, worker

MB = 1024 * 1024


def upload_unit(request: Request, user: User, unit: str | None) -> str:
    """The unit the files will belong to; editors may only pick inside their subtree."""
    code = (unit or "").strip() or user.unit_code
    deps.check_unit_right(request, user, code)
    return code


def track_if_ours(request: Request, user: User, document_id: int, parsed: ParsedDocument,
                  work: UnitOfWork) -> dict[str, Any] | None:
    """A plan issued by one of our units (header read strictly) goes under tracking as it is uploaded.

    The intake runs in the upload's unit of work, inside a savepoint: a refusal
    (a `ThongSuotError`) undoes only the intake and becomes a note on the file's
    result; a database failure fails the whole upload (nothing of it is kept).
    """
    from thongsuot.tracking import views
    from thongsuot.web.tracking_access import actor_of

    try:
        with savepoint(work) as step:
            made = views.track_if_ours(views.Tracker(step), deps.state(request).lib.within(step), actor_of(user),
                                       document_id, parsed=parsed)
    except ThongSuotError as exc:
        return {"plan_id": None, "message": f"Chưa đưa vào theo dõi được: {exc.message}"}
    if made is None:
        return None
    unmatched = [m.name for m in made.unmatched]
    message = f"Đã đưa vào theo dõi: giao {len(made.assignments)} nhiệm vụ"
    message += f", {len(unmatched)} tên đơn vị chưa khớp cây tổ chức." if unmatched else "."
    return {"plan_id": made.plan_id, "url": f"/tracking/plans/{made.plan_id}", "assignments": len(made.assignments),
            "unmatched": unmatched, "message": message}


def replace_guard(request: Request, user: User, name: str, parsed: ParsedDocument) -> Any:
    """Refuse a file that would become a new version of a document outside the uploader's rights.

    Refused rather than kept as a proposal: the library has no review queue, and
    a refusal that names the document and its unit tells the uploader whom to ask.
    """

    def check(document_id: int, owner: str | None) -> None:
        st = deps.state(request)
        try:
            deps.check_unit_right(request, user, owner)
            return
        except Forbidden:
            pass
        unit = next((u.name for u in st.units() if u.code == owner), owner or "chưa rõ đơn vị")
        what = parsed.header.symbol or parsed.header.title or name
        raise Forbidden(
            f"{name}: trùng với văn bản {what} (mã {document_id}) của {unit}; chỉ đơn vị đó hoặc quản trị viên "
            "được thêm phiên bản mới.",
            code="not_owner",
            detail={"document_id": document_id, "owner_unit_id": owner},
        )

    return check


def own_job(job_id: str, user: User) -> worker.Job:
    """The job, when it is the user's (or the user is an admin); another's job is not found, not forbidden."""
    job = worker.JOBS.get(job_id)
    if job is None or not rights.may_see_upload(user, user.id, job.user_id):
        raise NotFound("Không tìm thấy lần tải lên này.")
    return job


def clean_name(name: str) -> str:
    return (name or "tep-khong-ten").replace("\\", "/").rsplit("/", 1)[-1]


def _error(name: str, code: str, message: str) -> dict[str, Any]:
    return {"file": name, "status": "error", "code": code, "message": message, "document_id": None}


async def process_files(
    request: Request, user: User, job: worker.Job, items: list[tuple[str, bytes, int]], unit_code: str
) -> list[dict[str, Any]]:
    """Each file parsed in the worker pool, then stored in a thread: nothing heavy runs on the event loop."""
    st = deps.state(request)
    limit = st.settings.max_upload_mb * MB
    results: list[dict[str, Any]] = []
    for index, (raw_name, data, size) in enumerate(items):
        name = clean_name(raw_name)
        if len(data) > limit:
            result = _error(name, "too_large",
                            f"{name}: tệp lớn {size / MB:.1f} MB, vượt giới hạn {st.settings.max_upload_mb} MB.")
        elif not data:
            result = _error(name, "empty_file", f"{name}: tệp rỗng.")
        else:
            kind, value = await worker.parse_off_loop(job.id, index, data, name, limit, st.settings.parse_workers)
            if kind == "error":
                result = _error(name, value["code"], value["message"])
            else:
                parsed, fmt = worker.parsed_document(value)
                result = await run_in_threadpool(store_parsed, request, user, name, data, unit_code, parsed, fmt)
        job.files[index].finish(result)
        results.append(result)
    return results


def store_parsed(
    request: Request, user: User, name: str, data: bytes, unit_code: str, parsed: ParsedDocument, fmt: str
) -> dict[str, Any]:
    """Store one parsed file, put it under tracking when ours, audit it: one unit of work (in a worker thread).

    The document, its tracking intake and its audit entry commit together or
    not at all; a refusal at any step leaves nothing of this file stored.
    """
    st = deps.state(request)
    try:
        with one_unit(st.engine) as work:
            result = st.lib.within(work).store(parsed, data, file_name=name, fmt=fmt, owner_unit_id=unit_code,
                                               may_replace=replace_guard(request, user, name, parsed))
            out = _stored(name, parsed, result)
            if result.status is not StoreStatus.DUPLICATE:
                out["tracking"] = track_if_ours(request, user, result.document_id, parsed, work)
                deps.audit(request, "upload", target=f"document/{result.document_id}", actor=user, work=work, after={
                    "file": name, "status": str(result.status), "symbol": parsed.header.symbol, "unit": unit_code,
                    "version": result.version,
                })
    except ThongSuotError as exc:
        return _error(name, exc.code, f"{name}: {exc.message}" if exc.code == "rejected" else exc.message)
    return out


def _stored(name: str, parsed: ParsedDocument, result: StoreResult) -> dict[str, Any]:
    messages = {
        StoreStatus.STORED: "Đã lưu vào thư viện.",
        StoreStatus.DUPLICATE: "Văn bản này đã có trong thư viện (trùng tệp).",
        StoreStatus.NEW_VERSION: "Đã lưu phiên bản mới của văn bản đã có.",
    }
    return {
        "file": name,
        "status": str(result.status),
        "document_id": result.document_id,
        "version": result.version,
        "symbol": parsed.header.symbol,
        "title": parsed.header.title,
        "message": messages.get(result.status, ""),
        "url": f"/documents/{result.document_id}",
        # values read with low confidence, each {"label", "reason"}: the result marks them "cần kiểm tra"
        "checks": docview.check_marks(parsed).items,
    }
