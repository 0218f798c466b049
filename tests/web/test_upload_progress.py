"""The upload list's progress partial: pages read so far while a file is read, its result after; polls until done."""

from __future__ import annotations

import time

from web_helpers import WebEnv

from thongsuot.web import worker


def test_the_job_partial_shows_pages_read_then_the_result_and_stops_polling(web_sqlite: WebEnv) -> None:
    editor = web_sqlite.client("editor")
    user = web_sqlite.users["editor"]
    job = worker.JOBS.create(user.id, ["quet.pdf", "ghi-chu.txt"])
    worker.JOBS.progress(job.id, 0, 1, 3)
    running = editor.get(f"/upload/jobs/{job.id}", headers={"HX-Request": "true"})
    assert running.status_code == 200
    assert 'hx-trigger="every 1s"' in running.text and 'data-status="running"' in running.text
    assert "Đang đọc: 1/3 trang" in running.text and '<progress max="3" value="1">' in running.text

    job.files[0].finish({"file": "quet.pdf", "status": "stored", "message": "Đã lưu vào thư viện.",
                         "url": "/documents/9", "document_id": 9})
    job.files[1].finish({"file": "ghi-chu.txt", "status": "error", "code": "empty_file",
                         "message": "ghi-chu.txt: tệp rỗng.", "document_id": None})
    done = editor.get(f"/upload/jobs/{job.id}", headers={"HX-Request": "true"}).text
    assert "hx-trigger" not in done and 'data-status="done"' in done
    assert "Đã lưu</span>: Đã lưu vào thư viện." in done and "(đã đọc 3/3 trang)" in done
    assert '<a href="/documents/9">Mở văn bản</a>' in done and "ghi-chu.txt: tệp rỗng." in done
    assert editor.get(f"/api/v1/uploads/{job.id}").json()["status"] == "done"


def test_another_users_job_is_not_found(web_sqlite: WebEnv) -> None:
    job = worker.JOBS.create(web_sqlite.users["admin"].id, ["a.txt"])
    assert web_sqlite.client("editor").get(f"/upload/jobs/{job.id}").status_code == 404
    assert web_sqlite.client("viewer").get(f"/upload/jobs/{job.id}").status_code == 403
    assert web_sqlite.client("admin").get(f"/upload/jobs/{job.id}").status_code == 200


def test_an_upload_started_without_waiting_ends_with_its_result_in_the_partial(web_sqlite: WebEnv) -> None:
    editor = web_sqlite.client("editor")
    text = "KẾ HOẠCH\nSố: 31-KH/HU\nTuyên truyền năm 2024\nI. MỤC ĐÍCH, YÊU CẦU\n- Nội dung.\n"
    with editor:  # one event loop for the client's lifetime, so the background job keeps running
        started = editor.post("/api/v1/documents?wait=false", files=[("files", ("kh31.txt", text.encode()))])
        assert started.status_code == 202
        url = f"/upload/jobs/{started.json()['job']}"
        for _ in range(600):  # the parse runs in the worker pool; poll as the page does
            html = editor.get(url, headers={"HX-Request": "true"}).text
            if 'data-status="done"' in html:
                break
            time.sleep(0.2)
    assert 'data-status="done"' in html and "Đã lưu vào thư viện." in html and "(đã đọc 1/1 trang)" in html
