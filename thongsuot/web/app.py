"""The FastAPI app: JSON API under /api/v1, server-rendered pages, static files.

`create_app(settings)` opens (and upgrades) the database, so `uvicorn
--factory thongsuot.web.app:create_app` and the CLI serve the same thing.
Every error leaves as `{"error": {"code", "message", "detail"}}` from the API,
or as a Vietnamese error page from the pages: never a traceback.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from thongsuot.config import Settings, get_settings
from thongsuot.errors import Forbidden, ThongSuotError, TooLarge, Unauthorized
from thongsuot.storage import Library
from thongsuot.storage.db import open_database
from thongsuot.tracking import rights
from thongsuot.web import deps, openapi_errors, params, render, security

log = logging.getLogger("thongsuot.web")
HERE = Path(__file__).parent
MB = 1024 * 1024

HTTP_MESSAGES = {
    400: ("bad_request", "Yêu cầu không hợp lệ."),
    401: ("unauthorized", "Vui lòng đăng nhập."),
    403: ("forbidden", "Bạn không có quyền làm việc này."),
    404: ("not_found", "Không tìm thấy trang hoặc tài nguyên này."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này."),
    413: ("too_large", "Tệp hoặc yêu cầu quá lớn."),
    422: ("validation_error", "Dữ liệu gửi lên không hợp lệ."),
    429: ("rate_limited", "Quá nhiều yêu cầu. Vui lòng thử lại sau."),
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_response(request: Request, status: int, code: str, message: str, detail: Any = None) -> Response:
    body = {"error": {"code": code, "message": message, "detail": detail}}
    if _is_api(request):
        return JSONResponse(body, status_code=status)
    if status == 401 and request.method == "GET":
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    if render.is_htmx(request):  # htmx swaps only 2xx by default; show the message in place
        html = f'<div class="flash error" role="alert">{_escape(message)}</div>'
        return Response(html, status_code=status, media_type="text/html")
    screen = render.Screen("error.html", {"status": status, "message": message, "code": code}, status=status)
    return render.respond(request, screen)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ThongSuotError)
    async def on_domain_error(request: Request, exc: ThongSuotError) -> Response:
        return _error_response(request, exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code, message = HTTP_MESSAGES.get(exc.status_code, ("http_error", "Có lỗi xảy ra."))
        return _error_response(request, exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> Response:
        detail = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]
        return _error_response(request, 422, "validation_error", HTTP_MESSAGES[422][1], detail)

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _error_response(request, 500, "internal_error", "Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.")


# Scripts only from our origin (templates have no inline script or handler; vendored JS is served from
# /static/vendor). Inline style attributes stay allowed: they cannot run code.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
CSP_DOCS = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


class BrowserMiddleware(BaseHTTPMiddleware):
    """Gives every browser a CSRF cookie and sets conservative security headers."""

    def __init__(self, app: Any, secure: bool) -> None:
        super().__init__(app)
        self.secure = secure

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        existing = request.cookies.get(security.CSRF_COOKIE)
        request.state.csrf = existing or secrets.token_urlsafe(24)
        response = await call_next(request)
        if not existing:
            response.set_cookie(
                security.CSRF_COOKIE, request.state.csrf, httponly=False, samesite="lax", secure=self.secure, path="/"
            )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        docs = request.url.path == "/api/v1/docs"  # FastAPI's Swagger page starts the UI with an inline script
        response.headers.setdefault("Content-Security-Policy", CSP_DOCS if docs else CSP)
        if self.secure:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


# Routes that take file bodies: who is asking and how big the body is are checked before it is read.
_UPLOADS = re.compile(r"^(/api/v1/documents|/upload|/tracking/org|/tracking/plans/\d+/units/[^/]+/upload)/?$")
_DOCUMENT_UPLOADS = ("/api/v1/documents", "/upload")


class BodyGuard:
    """ASGI middleware: on upload routes, refuse before reading the body.

    Anonymous (401) and, for document uploads, non-uploader (403) requests are
    answered without touching the body, so nobody can make the server spool a
    large file to disk. Content-Length over the request limit is refused at
    once with the real size; a body without it (chunked) is counted as it
    streams and refused as soon as it passes the limit.
    """

    def __init__(self, app: Any, limit_mb: int) -> None:
        self.app = app
        self.limit = limit_mb * MB
        self.limit_mb = limit_mb

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not _UPLOADS.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        refusal = await self._refusal(request)
        if refusal is not None:
            response = _error_response(request, refusal.status, refusal.code, refusal.message, refusal.detail)
            response.headers["Connection"] = "close"  # the unread body is not worth draining
            await response(scope, receive, send)
            return
        received = 0
        over: TooLarge | None = None

        async def counted() -> Any:
            nonlocal received, over
            if over is not None:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:  # stop reading: the app sees a disconnect, the client our 413
                    over = TooLarge(
                        f"Yêu cầu lớn hơn {self.limit_mb} MB (đã nhận {received / MB:.1f} MB): vượt giới hạn "
                        f"{self.limit_mb} MB mỗi lần tải lên.",
                        detail={"received": received, "limit": self.limit},
                    )
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Any) -> None:
            if over is None:
                await send(message)

        await self.app(scope, counted, guarded)
        if over is not None:
            response = _error_response(request, over.status, over.code, over.message, over.detail)
            response.headers["Connection"] = "close"
            await response(scope, receive, send)

    async def _refusal(self, request: Request) -> ThongSuotError | None:
        try:
            user = await run_in_threadpool(deps.current_user, request)
        except ThongSuotError as exc:  # a revoked or unknown token
            return exc
        if user is None:
            return Unauthorized("Vui lòng đăng nhập để tải tệp lên.")
        if request.url.path.rstrip("/") in _DOCUMENT_UPLOADS:
            try:
                rights.require_upload(user)
            except Forbidden as exc:
                return exc
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            size = int(length)
            return TooLarge(
                f"Yêu cầu lớn {size / MB:.1f} MB, vượt giới hạn {self.limit_mb} MB mỗi lần tải lên.",
                detail={"size": size, "limit": self.limit},
            )
        return None


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app over the configured database (upgraded on start)."""
    from thongsuot.web.api import build_api_router
    from thongsuot.web.pages import build_pages_router

    settings = settings or get_settings()
    settings.data.mkdir(parents=True, exist_ok=True)
    db = open_database(settings.database_url or settings.resolved_database_url)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["pretty"] = lambda value: json.dumps(value, ensure_ascii=False, indent=1, default=str)
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Thông Suốt API",
        version="1",
        description="Thư viện văn bản chỉ đạo: tìm kiếm, sơ đồ dẫn chiếu, tải lên, đơn vị, người dùng, nhật ký.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # served below with the vendored Swagger UI (no CDN)
        redoc_url=None,
        dependencies=[Depends(params.check_numbers)],  # int parameters in range before any route runs
    )
    app.state.ts = deps.AppState(settings=settings, db=db, templates=templates, lib=Library(db))
    app.add_middleware(BodyGuard, limit_mb=settings.max_request_mb)  # inside BrowserMiddleware: CSRF cookie set
    app.add_middleware(BrowserMiddleware, secure=settings.secure_cookies)
    install_error_handlers(app)
    openapi_errors.describe_errors(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(build_api_router(), prefix="/api/v1")
    app.include_router(build_pages_router())


    @app.get("/api/v1/docs", include_in_schema=False)
    def api_docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/api/v1/openapi.json",
            title="Thông Suốt API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    return app
