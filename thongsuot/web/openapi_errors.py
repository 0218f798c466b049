"""The OpenAPI document describes the error answers the API really gives.

Every error of /api/v1 has one shape, `{"error": {"code", "message", "detail"}}`
(web/app.py `_error_response`), but FastAPI documents 422 as its own
`HTTPValidationError` and no other 4xx at all. This rewrites the document once:
every operation answers `4XX` with `ErrorResponse`, and its 422 uses it too, so
clients (and the schemathesis test) can rely on the error body.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

ERROR_SCHEMA: dict[str, Any] = {
    "title": "ErrorResponse",
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "description": "Mã lỗi ổn định (ví dụ not_found, validation_error)"},
                "message": {"type": "string", "description": "Thông báo tiếng Việt cho người dùng"},
                "detail": {"description": "Chi tiết (trường sai, lựa chọn...), có thể rỗng"},
            },
        }
    },
}
_REF = {"$ref": "#/components/schemas/ErrorResponse"}
_ERROR_ANSWER = {"description": "Lỗi (định dạng chung)", "content": {"application/json": {"schema": _REF}}}


def describe_errors(app: FastAPI) -> None:
    """Replace `app.openapi` by one that documents the common error body on every operation."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        schema.setdefault("components", {}).setdefault("schemas", {})["ErrorResponse"] = ERROR_SCHEMA
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                if "422" in responses:
                    responses["422"] = {**_ERROR_ANSWER, "description": "Dữ liệu gửi lên không hợp lệ"}
                responses.setdefault("4XX", _ERROR_ANSWER)
        for unused in ("HTTPValidationError", "ValidationError"):
            schema["components"]["schemas"].pop(unused, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
