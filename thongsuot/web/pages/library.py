"""Library pages: Thư viện (search), document, placeholder node, Sơ đồ (graph), Tải lên (upload)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from thongsuot.errors import ThongSuotError
from thongsuot.parsing.read import SUPPORTED_EXTENSIONS
from thongsuot.storage.accounts import User
from thongsuot.web import deps, docview, graphview, library, scanview
from thongsuot.web.api import documents as api_documents
from thongsuot.web.render import Screen, respond

router = APIRouter()


@router.get("/")
def library_page(
    request: Request,
    q: str = "",
    kind: str = "",
    issuer: str = "",
    level: str = "",
    year: str = "",
    sort: str = "relevance",
    page: int = Query(1, ge=1, le=10_000),
    user: User | None = Depends(deps.require_reader),
) -> Response:
    query = library.parse_query(q, kind, issuer, level, year, sort, page)
    context = library.search_context(request, query).model_dump(mode="json")
    context["facets"] = library.facets(request, query)
    context["params_for"] = lambda **kw: query.as_params(**kw)
    return respond(request, Screen("library.html", context, partial="partials/results.html"))


def document_screen_context(request: Request, document_id: int, user: User | None) -> dict[str, Any]:
    """Everything the document page's template reads (the scan view's refused correction renders it too)."""
    context = library.document_context(request, document_id, user)
    markdown = docview.is_markdown(context["parsed"], context["record"].format)
    context.update(
        body=lambda node: docview.node_body(context["parsed"], node, context["links"], markdown),
        preview=lambda node: docview.preview(context["parsed"], node, markdown),
        display_title=docview.display_title(context["document"].get("title")),
        full_text=docview.full_text(context["parsed"], markdown) if not context["parsed"].sections else "",
        foldable=docview.is_foldable,
        role_label=docview.role_label,
        badge=docview.check_badge,
        relation_labels=docview.RELATION_LABELS,
    )
    return context


@router.get("/documents/{document_id}")
def document_page(document_id: int, request: Request, user: User | None = Depends(deps.require_reader)) -> Response:
    context = document_screen_context(request, document_id, user)
    saved = request.query_params.get("corrected", "")
    context["scan"] = scanview.scan_context(
        request, context["record"], user, saved=int(saved) if saved.isascii() and saved.isdigit() and len(saved) < 7 else None)
    return respond(request, Screen("document.html", context))


@router.get("/documents/{document_id}/original")
def document_original(document_id: int, request: Request, _u: User | None = Depends(deps.require_reader)) -> Response:
    return api_documents.original_response(request, document_id)


@router.post("/documents/{document_id}/delete")
def document_delete(document_id: int, request: Request, user: User = Depends(deps.require_uploader)) -> Response:
    api_documents.delete_document(request, user, document_id)
    return RedirectResponse("/?deleted=1", status_code=303)


@router.post("/documents/{document_id}/owner")
def document_owner(
    document_id: int, request: Request, unit: Annotated[str, Form()], user: User = Depends(deps.require_uploader)
) -> Response:
    api_documents.change_owner(request, user, document_id, unit)
    return RedirectResponse(f"/documents/{document_id}", status_code=303)


@router.get("/nodes/{node_id}")
def node_page(node_id: int, request: Request, _u: User | None = Depends(deps.require_reader)) -> Response:
    context = library.node_context(request, node_id).model_dump(mode="json")
    if context["node"]["document_id"]:
        return RedirectResponse(f"/documents/{context['node']['document_id']}", status_code=303)
    page_context = {**context, "relation_labels": docview.RELATION_LABELS}
    return respond(request, Screen("node.html", page_context))


@router.get("/graph")
def graph_page(
    request: Request,
    ref: str = "",
    up: int = Query(2, ge=0, le=graphview.MAX_DEPTH),
    down: int = Query(2, ge=0, le=graphview.MAX_DEPTH),
    _u: User | None = Depends(deps.require_reader),
) -> Response:
    context = {"ref": ref, "up": up, "down": down, "levels": graphview.LEVELS, "graph": None, "error": None}
    if ref:
        try:
            graph = graphview.graph_context(request, ref, up, down).model_dump(mode="json")
            context["graph"], context["ref"] = graph, graph["ref"]  # the document's number, not the link's id
        except ThongSuotError as exc:
            context["error"] = exc.message
    return respond(request, Screen("graph.html", context))


def _upload_screen(request: Request, user: User, results: list[dict[str, object]] | None = None) -> Screen:
    st = deps.state(request)
    units = [u for u in st.units() if deps.may_edit_unit(request, user, u.code)]
    context = {"units": units, "results": results, "accept": ",".join(SUPPORTED_EXTENSIONS)}
    return Screen("upload.html", context)


@router.get("/upload")
def upload_page(request: Request, user: User = Depends(deps.require_uploader)) -> Response:
    return respond(request, _upload_screen(request, user))


@router.post("/upload", dependencies=[Depends(api_documents.check_request_size)])
async def upload_form(
    request: Request,
    files: Annotated[list[UploadFile], File()],
    unit: Annotated[str | None, Form()] = None,
    user: User = Depends(deps.require_uploader),
) -> Response:
    """The form without JavaScript: same per-file results, rendered on the page."""
    results = await api_documents.run_upload(request, user, files, unit)
    return respond(request, _upload_screen(request, user, results))
