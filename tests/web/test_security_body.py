"""Issue 13 item 5: who is asking and how big the body is are checked before the body is read.

Reproduction: a 1 GB anonymous upload was spooled to disk before the 403; a
chunked body skipped the size check; "tệp lớn 50.0 MB" was said of a 60 MB
file. These tests drive the real app at the ASGI level, so they can count how
much of the body the server pulled.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from web_helpers import WebEnv, make_env

from thongsuot.web import security

MB = 1024 * 1024


def _call(env: WebEnv, path: str, headers: dict[str, str], chunks: int, chunk_size: int = MB) -> tuple[int, Any, int]:
    """POST `chunks` chunks to `path`; returns (status, JSON body, chunks the app pulled)."""
    pulled = 0
    boundary = "xyz"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"lon.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        if pulled > chunks:
            return {"type": "http.disconnect"}
        body = head if pulled == 1 else b"a" * chunk_size
        return {"type": "http.request", "body": body, "more_body": pulled < chunks}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    raw.append((b"content-type", f"multipart/form-data; boundary={boundary}".encode()))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "headers": raw, "root_path": "",
             "client": ("127.0.0.1", 5000), "server": ("testserver", 80)}
    asyncio.run(env.app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body) if body.startswith(b"{") else body, pulled


def _token(env: WebEnv, role: str) -> str:
    plain = security.new_api_token()
    from thongsuot.storage import accounts

    accounts.create_token(env.engine, env.users[role].id, "t", security.token_hash(plain), plain[:8])
    return plain


def test_anonymous_and_viewer_uploads_are_refused_without_reading_the_body(sqlite_url: str, tmp_path: Path) -> None:
    env = make_env(sqlite_url, tmp_path)
    gigabyte = {"content-length": str(1024 * MB)}
    status, body, pulled = _call(env, "/api/v1/documents", gigabyte, chunks=1024)
    assert (status, pulled) == (401, 0)
    assert body["error"]["code"] == "unauthorized"
    viewer = {"authorization": f"Bearer {_token(env, 'viewer')}", **gigabyte}
    status, body, pulled = _call(env, "/api/v1/documents", viewer, chunks=1024)
    assert (status, pulled) == (403, 0)
    status, _body, pulled = _call(env, "/tracking/plans/1/units/HU-A/upload", gigabyte, chunks=1024)
    assert status in (401, 303) and pulled == 0


def test_declared_size_over_the_limit_is_refused_at_once_with_the_real_size(sqlite_url: str, tmp_path: Path) -> None:
    env = make_env(sqlite_url, tmp_path, max_upload_mb=1, max_request_mb=2)
    editor = {"authorization": f"Bearer {_token(env, 'editor')}", "content-length": str(60 * MB)}
    status, body, pulled = _call(env, "/api/v1/documents", editor, chunks=60)
    assert (status, pulled) == (413, 0)
    assert "60.0 MB" in body["error"]["message"] and "2 MB" in body["error"]["message"]


def test_chunked_body_is_cut_at_the_limit(sqlite_url: str, tmp_path: Path) -> None:
    env = make_env(sqlite_url, tmp_path, max_upload_mb=1, max_request_mb=2)
    editor = {"authorization": f"Bearer {_token(env, 'editor')}"}  # no Content-Length
    status, body, pulled = _call(env, "/api/v1/documents", editor, chunks=500)
    assert status == 413
    assert pulled <= 4  # stopped just past 2 MB, not 500 MB later
    assert "2 MB" in body["error"]["message"]


def test_oversized_file_message_gives_its_real_size(sqlite_url: str, tmp_path: Path) -> None:
    env = make_env(sqlite_url, tmp_path, max_upload_mb=1)
    response = env.client("editor").post("/api/v1/documents", files=[("files", ("lon.txt", b"a" * (3 * MB)))])
    assert response.status_code == 413
    message = response.json()["error"]["message"]
    assert "3.0 MB" in message and "1 MB" in message
