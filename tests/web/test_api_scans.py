"""The JSON API of a scanned document: pages with word confidences, and corrections as new versions."""

from __future__ import annotations

from scan_docs import PAGE_1, PAGE_2, image_pdf, scanned
from web_helpers import OWN_UNIT, WebEnv, error_shape

from thongsuot.web import security

FIXED = PAGE_1.replace("l2-KH/HU", "12-KH/HU")


def _store(env: WebEnv, label: str = "") -> int:
    name = f"quet{label}.pdf"
    return int(env.lib.store(scanned(name=name), image_pdf(2, label), file_name=name, fmt="pdf",
                             owner_unit_id=OWN_UNIT).document_id)  # fmt: skip


def test_a_reader_gets_each_page_with_its_words_and_their_confidence(web_sqlite: WebEnv) -> None:
    doc_id = _store(web_sqlite)
    viewer = web_sqlite.client("viewer")
    body = viewer.get(f"/api/v1/documents/{doc_id}/scan").json()
    assert (body["document_id"], body["version"]) == (doc_id, 1)
    assert [p["page"] for p in body["pages"]] == [1, 2]
    first = body["pages"][0]
    assert "l2-KH/HU" in first["text"] and not first["corrected"]
    low = [first["text"][w["start"] : w["end"]] for w in first["words"] if w["low"]]
    assert low == ["Số", "l2-KH/HU"]  # the words scan_docs read with confidence 0.41
    assert all(w["low"] == (w["confidence"] < body["threshold"]) for p in body["pages"] for w in p["words"])
    assert viewer.get(first["image_url"]).headers["content-type"] == "image/png"


def test_a_text_document_has_no_scan(web_sqlite: WebEnv) -> None:
    doc_id = web_sqlite.store_text(FIXED + "\n" + PAGE_2, OWN_UNIT)
    response = web_sqlite.client("viewer").get(f"/api/v1/documents/{doc_id}/scan")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_a_scan"
    assert web_sqlite.client("viewer").get("/api/v1/documents/999999/scan").status_code == 404


def test_an_editor_posts_corrected_pages_and_gets_the_new_version(web: WebEnv) -> None:
    doc_id = _store(web)
    editor = web.client("editor")
    response = editor.post(
        f"/api/v1/documents/{doc_id}/corrections", json={"version": 1, "pages": [FIXED, PAGE_2]}
    )
    assert response.status_code == 201, response.text
    assert response.json() == {"id": doc_id, "version": 2}
    assert editor.get(f"/api/v1/documents/{doc_id}").json()["symbol"] == "12-KH/HU"
    scan = editor.get(f"/api/v1/documents/{doc_id}/scan").json()
    assert scan["version"] == 2 and [p["corrected"] for p in scan["pages"]] == [True, False]
    assert "12-KH/HU" in scan["pages"][0]["text"]


def test_refused_corrections_say_why_and_store_nothing(web_sqlite: WebEnv) -> None:
    doc_id = _store(web_sqlite)
    url = f"/api/v1/documents/{doc_id}/corrections"
    editor = web_sqlite.client("editor")
    stale = editor.post(url, json={"version": 7, "pages": [FIXED, PAGE_2]})
    assert stale.status_code == 409 and error_shape(stale.json())
    short = editor.post(url, json={"version": 1, "pages": [FIXED]})
    assert short.status_code == 400 and "Số trang gửi lên (1)" in short.json()["error"]["message"]
    unchanged = editor.post(url, json={"version": 1, "pages": [PAGE_1, PAGE_2]})
    assert unchanged.status_code == 400 and unchanged.json()["error"]["code"] == "no_change"
    assert editor.post(url, json={"version": 1}).status_code == 422  # no pages
    assert (
        web_sqlite.client("viewer").post(url, json={"version": 1, "pages": [FIXED, PAGE_2]}).status_code
        == 403
    )
    no_csrf = web_sqlite.client("editor")
    del no_csrf.headers[security.CSRF_HEADER]
    assert no_csrf.post(url, json={"version": 1, "pages": [FIXED, PAGE_2]}).status_code == 403
    record = web_sqlite.lib.get(doc_id)
    assert (record.summary.version, len(record.versions)) == (1, 1)
