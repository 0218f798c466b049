"""Scan view routes: a scanned page's image, and an officer's correction of the recognised text."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from thongsuot.errors import ThongSuotError
from thongsuot.storage.accounts import User
from thongsuot.web import deps, scanview
from thongsuot.web.pages.library import document_screen_context
from thongsuot.web.render import Screen, is_htmx, respond

router = APIRouter()


@router.get("/documents/{document_id}/scan/{version}/{page}.png")
def scan_page_image(
    document_id: int, version: int, page: int, request: Request, _u: User | None = Depends(deps.require_reader)
) -> Response:
    png = scanview.page_image(request, document_id, version, page)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})


@router.post("/documents/{document_id}/correct")
def correct_form(
    document_id: int,
    request: Request,
    version: Annotated[str, Form()] = "",
    page_text: Annotated[list[str] | None, Form()] = None,
    user: User = Depends(deps.require_uploader),
) -> Response:
    """The scan view's form: on success the page reloads on the new version; a refusal keeps what was typed."""
    texts = page_text or []
    try:
        new_version = scanview.correct(request, user, document_id, version, texts)
    except ThongSuotError as exc:
        if exc.status in (401, 403, 404):
            raise
        return _refused(request, user, document_id, texts, exc.message)
    url = f"/documents/{document_id}?corrected={new_version}#scan-view"
    if is_htmx(request):
        return Response(status_code=200, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def _refused(request: Request, user: User, document_id: int, texts: list[str], message: str) -> Response:
    """422 with the message above the pages and each textarea holding what the officer typed."""
    context = document_screen_context(request, document_id, user)
    context["scan"] = scanview.scan_context(request, context["record"], user, typed=texts, error=message)
    screen = Screen("document.html", context, partial="partials/scan_view.html", status=422)
    return respond(request, screen)
