"""One exception tree for the whole package.

Each error carries an HTTP-like `status` and a stable `code`; the edges (CLI,
API, pages) catch `ThongSuotError` once and turn it into a one-line message or
the JSON error shape `{"error": {"code", "message", "detail"}}`.
"""

from __future__ import annotations

from typing import Any


class ThongSuotError(Exception):
    status: int = 400
    code: str = "error"

    def __init__(self, message: str, *, detail: Any = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        if code is not None:
            self.code = code

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "detail": self.detail}}


class InputError(ThongSuotError):
    """Bad input from a user: a file, a field, a query."""

    status = 400
    code = "invalid_input"


class UnsupportedFormat(InputError):
    status = 415
    code = "unsupported_format"


class TooLarge(InputError):
    status = 413
    code = "too_large"


class Unauthorized(ThongSuotError):
    status = 401
    code = "unauthorized"


class Forbidden(ThongSuotError):
    status = 403
    code = "forbidden"


class NotFound(ThongSuotError):
    status = 404
    code = "not_found"


class Conflict(ThongSuotError):
    status = 409
    code = "conflict"


class RateLimited(ThongSuotError):
    status = 429
    code = "rate_limited"
