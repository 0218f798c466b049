"""JSON API: documents (list, search, get, original, upload, edit, delete), placeholder nodes, graph."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from thongsuot.errors import InputError, TooLarge
from thongsuot.storage.accounts import User
from thongsuot.web import deps, graphview, library, upload, worker
from thongsuot.web.schemas.documents import (
    Deleted,
    DocumentOut,
    GraphOut,
    NodePage,
    OwnerChanged,
    SearchPage,
    UploadJob,
    UploadResult,
    UploadResults,
    UploadStarted,
)

router = APIRouter()
MB = 1024 * 1024
MAX_FILES = 50


def _query(
    q: str = "", kind: str = "", issuer: str = "", level: str = "", year: str = "", sort: str = "relevance",
    page: int = Query(1, ge=1, le=10_000),
) -> library.LibraryQuery:
    return library.parse_query(q, kind, issuer, level, year, sort, page)


@router.get("/documents", tags=["documents"], summary="Danh sách / tìm kiếm văn bản")
def list_documents(
    request: Request, query: library.LibraryQuery = Depends(_query), _u: User | None = Depends(deps.require_reader)
) -> SearchPage:
    return library.search_context(request, query)


@router.get("/search", tags=["documents"], summary="Tìm kiếm toàn văn (không phân biệt dấu)")
def search(
    request: Request, query: library.LibraryQuery = Depends(_query), _u: User | None = Depends(deps.require_reader)
) -> SearchPage:
    if not query.q:
        raise InputError("Thiếu từ khóa tìm kiếm (tham số q).", detail={"param": "q"})
    return library.search_context(request, query)


@router.get("/documents/{document_id}", tags=["documents"], summary="Một văn bản: trường, cấu trúc, dẫn chiếu")
def get_document(
    document_id: int, request: Request, user: User | None = Depends(deps.require_reader)
) -> DocumentOut:
    return library.document_context(request, document_id, user)["json"]  # type: ignore[no-any-return]


def original_response(request: Request, document_id: int) -> Response:
    name, data = deps.state(request).lib.original(document_id)
    ascii_name = name.encode("ascii", "ignore").decode() or "van-ban"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type="application/octet-stream", headers={"Content-Disposition": disposition})


@router.get("/documents/{document_id}/original", tags=["documents"], summary="Tải tệp gốc", response_class=Response,
            responses={200: {"description": "Tệp gốc", "content": {"application/octet-stream": {
                "schema": {"type": "string", "format": "binary"}}}}})
def get_original(document_id: int, request: Request, _u: User | None = Depends(deps.require_reader)) -> Response:
    return original_response(request, document_id)


async def _prepare(
    request: Request, user: User, files: list[UploadFile], unit: str | None
) -> tuple[worker.Job, list[tuple[str, bytes, int]], str]:
    if not files:
        raise InputError("Chưa chọn tệp nào.", code="no_files")
    if len(files) > MAX_FILES:
        raise InputError(f"Mỗi lần tải lên tối đa {MAX_FILES} tệp.", detail={"files": len(files)})
    unit_code = upload.upload_unit(request, user, unit)
    limit = deps.state(request).settings.max_upload_mb * MB
    items = []
    for f in files:
        data = await f.read(limit + 1)  # never more than the limit in memory
        items.append((f.filename or "", data, f.size if f.size is not None else len(data)))
    return worker.JOBS.create(user.id, [upload.clean_name(item[0]) for item in items]), items, unit_code


async def run_upload(request: Request, user: User, files: list[UploadFile], unit: str | None) -> list[dict[str, Any]]:
    """Parse (worker pool) and store each file; the loop serves other requests meanwhile."""
    job, items, unit_code = await _prepare(request, user, files, unit)
    return await upload.process_files(request, user, job, items, unit_code)


async def start_upload(request: Request, user: User, files: list[UploadFile], unit: str | None) -> worker.Job:
    """The same in a background task: the job is returned at once, its progress read at /uploads/{id}."""
    job, items, unit_code = await _prepare(request, user, files, unit)
    task = asyncio.create_task(upload.process_files(request, user, job, items, unit_code))
    _running.add(task)
    task.add_done_callback(_running.discard)
    return job


_running: set[asyncio.Task[Any]] = set()  # keeps background upload tasks referenced until they finish


def check_request_size(request: Request) -> None:
    limit = deps.state(request).settings.max_upload_mb * MB
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit * 10 + MB:
        raise TooLarge(f"Yêu cầu quá lớn (tối đa {deps.state(request).settings.max_upload_mb} MB mỗi tệp).")


@router.post(
    "/documents", tags=["documents"], summary="Tải lên một hay nhiều tệp (kết quả theo từng tệp)",
    dependencies=[Depends(check_request_size)], response_model=None, status_code=201,
    responses={
        201: {"model": UploadResults, "description": "Đã lưu ít nhất một tệp"},
        200: {"model": UploadResults, "description": "Không tệp nào mới (trùng) hoặc có tệp lỗi"},
        202: {"model": UploadStarted, "description": "wait=false: đã nhận, đang đọc"},
    },
)
async def upload_documents(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Các tệp .docx, .pdf, .txt, .md, .html")],
    unit: Annotated[str | None, Form(description="Mã đơn vị sở hữu (mặc định: đơn vị của bạn)")] = None,
    wait: Annotated[bool, Query(description="false: trả về ngay mã công việc (202), xem tiến độ ở /uploads/{id}")] = True,
    user: User = Depends(deps.require_uploader),
) -> Response:
    if not wait:
        job = await start_upload(request, user, files, unit)
        started = UploadStarted(job=job.id, url=f"/api/v1/uploads/{job.id}")
        return JSONResponse(started.model_dump(mode="json"), status_code=202)
    answer = UploadResults(results=[UploadResult.model_validate(r) for r in await run_upload(request, user, files, unit)])
    results = answer.model_dump(mode="json")["results"]
    failed = [r for r in answer.results if r.status == "error"]
    if failed and len(failed) == len(answer.results):
        status = {"too_large": 413, "unsupported_format": 415, "not_owner": 403}.get(failed[0].code or "", 400)
        body = {"error": {"code": failed[0].code, "message": failed[0].message, "detail": {"results": results}}}
        return JSONResponse(body, status_code=status)
    stored = any(r.status in ("stored", "new_version") for r in answer.results)
    return JSONResponse({"results": results}, status_code=201 if stored else 200)


@router.get("/uploads/{job_id}", tags=["documents"], summary="Tiến độ một lần tải lên (số trang đã đọc, kết quả)")
def upload_job(job_id: str, user: User = Depends(deps.require_uploader)) -> UploadJob:
    return UploadJob.model_validate(upload.own_job(job_id, user).to_dict())


class DocumentChange(BaseModel):
    owner_unit_id: str


def change_owner(request: Request, user: User, document_id: int, unit_code: str) -> OwnerChanged:
    lib = deps.state(request).lib
    owner = lib.owners([document_id]).get(document_id, "__missing__")
    if owner == "__missing__":
        lib.get(document_id)  # raises NotFound
    deps.check_unit_right(request, user, owner)
    deps.check_unit_right(request, user, unit_code)
    lib.set_owner(document_id, unit_code)
    deps.audit(request, "document_update", target=f"document/{document_id}",
               before={"owner_unit_id": owner}, after={"owner_unit_id": unit_code})
    return OwnerChanged(id=document_id, owner_unit_id=unit_code)


def delete_document(request: Request, user: User, document_id: int) -> Deleted:
    lib = deps.state(request).lib
    record = lib.get(document_id)
    deps.check_unit_right(request, user, record.summary.owner_unit_id)
    lib.delete(document_id)
    deps.audit(request, "document_delete", target=f"document/{document_id}", before=record.summary.to_dict())
    return Deleted(id=document_id, deleted=True)


@router.patch("/documents/{document_id}", tags=["documents"], summary="Sửa văn bản (đơn vị sở hữu)")
def patch_document(
    document_id: int, body: DocumentChange, request: Request, user: User = Depends(deps.require_uploader)
) -> OwnerChanged:
    if not any(u.code == body.owner_unit_id for u in deps.state(request).units()):
        raise InputError(f"Không có đơn vị mã {body.owner_unit_id}.")
    return change_owner(request, user, document_id, body.owner_unit_id)


@router.delete("/documents/{document_id}", tags=["documents"], summary="Xóa văn bản")
def remove_document(document_id: int, request: Request, user: User = Depends(deps.require_uploader)) -> Deleted:
    return delete_document(request, user, document_id)


@router.get("/nodes/{node_id}", tags=["graph"], summary="Một nút của sơ đồ (văn bản hoặc văn bản chưa có)")
def get_node(node_id: int, request: Request, _u: User | None = Depends(deps.require_reader)) -> NodePage:
    return library.node_context(request, node_id)


@router.get("/graph", tags=["graph"], summary="Sơ đồ dẫn chiếu quanh một văn bản")
def graph(
    request: Request,
    ref: str = Query(..., description="Mã văn bản (12), nút (node:7) hoặc số ký hiệu (70-KH/TU, 18-NQ/TW@2017)"),
    up: int = Query(2, ge=0, le=graphview.MAX_DEPTH),
    down: int = Query(2, ge=0, le=graphview.MAX_DEPTH),
    mentions: bool = False,
    _u: User | None = Depends(deps.require_reader),
) -> GraphOut:
    return graphview.graph_context(request, ref, up, down, mentions)
