"""The FastAPI app: JSON API under /api/v1, server-rendered pages, static files.

`create_app(settings)` opens (and upgrades) the database, so `uvicorn
--factory thongsuot.web.app:create_app` and the CLI serve the same thing.
Every error leaves as `{"error": {"code", "message", "detail"}}` from the API,
or as a Vietnamese error page from the pages: never a traceback.
"""

from __future__ import annotations

import json
import logging
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
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from thongsuot.config import Settings, get_settings
from thongsuot.errors import ThongSuotError
from thongsuot.storage import Library
from thongsuot.storage.db import open_database
from thongsuot.web import deps, openapi_errors, params, render, security

log = logging.getLogger("thongsuot.web")
HERE = Path(__file__).parent

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
    if _is_api(request) or render.wants_json(request):
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
        return response


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
