"""Issue 13 item 2: parsing an upload never holds the event loop.

Reproduction: a large upload parsed inside the async route left the server
unanswering (even /static/app.css) until it was done. Now the file is parsed
in the worker pool: the upload can return at once with a job id, and other
requests are answered while the job still runs. (Latency figures: bench/upload_load.py.)
"""

from __future__ import annotations

import time

from web_helpers import SAMPLES, WebEnv

from thongsuot.web import worker


def _big_text() -> bytes:
    sample = (SAMPLES / "000_cb2ba15afe6d27db.txt").read_bytes()
    return sample * 30  # ~2 MB: a second or more of parsing


def test_upload_returns_a_job_and_the_server_answers_while_it_parses(web_sqlite: WebEnv) -> None:
    editor = web_sqlite.client("editor")
    with editor:  # one event loop for the client's lifetime, so the background job keeps running
        started = editor.post("/api/v1/documents", params={"wait": "false"},
                              files=[("files", ("lon.txt", _big_text()))])
        assert started.status_code == 202, started.text
        url = started.json()["url"]
        assert editor.get("/static/app.css").status_code == 200
        assert editor.get("/").status_code == 200
        answered = time.monotonic()
        first = editor.get(url).json()
        assert first["files"][0]["file"] == "lon.txt" and first["files"][0]["pages_total"] >= 1

        deadline = time.monotonic() + 120
        while (status := editor.get(url).json())["status"] != "done" and time.monotonic() < deadline:
            time.sleep(0.3)
        assert status["status"] == "done"
        result = status["results"][0]
        assert result["status"] == "stored" and result["document_id"]
        assert status["files"][0]["pages_done"] == status["files"][0]["pages_total"]
        job = worker.JOBS.get(status["id"])
        assert job is not None and job.files[0].finished_at is not None
        assert answered < job.files[0].finished_at  # the other pages were answered before the parse finished
    assert web_sqlite.client("viewer").get(url).status_code == 403  # not an uploader
    web_sqlite.add_user("editor-2", "editor", "HU-A")
    assert web_sqlite.client("editor-2").get(url).status_code == 404  # another user's job
    assert web_sqlite.client("admin").get(url).status_code == 200


def test_parse_errors_come_back_from_the_worker_with_their_code(web_sqlite: WebEnv) -> None:
    response = web_sqlite.client("editor").post("/api/v1/documents", files=[("files", ("hong.docx", b"PK\x03\x04xx"))])
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "corrupt_file" and error["message"].startswith("hong.docx: ")
