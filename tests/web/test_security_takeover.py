"""Issue 13 item 1: an upload never takes over another unit's document.

Reproduction: an editor of another unit uploads a file whose symbol (or file
name) matches a document of HU-A. Before the fix it became a new version, the
owner moved to the uploader's unit and the uploader could then delete it.
"""

from __future__ import annotations

from web_helpers import OTHER_UNIT, OWN_UNIT, WebEnv

HEAD = (
    "ĐẢNG BỘ TỈNH AN GIANG\nHUYỆN ỦY AN PHÚ\n*\nSố 70-KH/HU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "An Phú, ngày 5 tháng 3 năm 2024\n\nKẾ HOẠCH\nvề tuyên truyền nghị quyết\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
)
ORIGINAL = HEAD + "- Nội dung gốc của đơn vị A.\n"
FORGED = HEAD + "- Nội dung bị sửa bởi đơn vị B.\n"


def test_matching_upload_from_another_unit_is_refused_and_changes_nothing(web: WebEnv) -> None:
    doc_id = web.store_text(ORIGINAL, OWN_UNIT, name="kh70.txt")
    web.add_user("editor-b", "editor", OTHER_UNIT)
    intruder = web.client("editor-b")
    assert intruder.delete(f"/api/v1/documents/{doc_id}").status_code == 403

    for name in ("kh70-sua.txt", "kh70.txt"):  # by symbol, and by symbol + file name
        response = intruder.post("/api/v1/documents", files=[("files", (name, FORGED.encode("utf-8")))])
        assert response.status_code == 403, response.text
        error = response.json()["error"]
        assert error["code"] == "not_owner"
        assert "70-KH/HU" in error["message"] and f"mã {doc_id}" in error["message"]
        assert "Huyện ủy" in error["message"] or OWN_UNIT in error["message"]  # names the owning unit

    record = web.lib.get(doc_id)
    assert record.summary.owner_unit_id == OWN_UNIT
    assert record.summary.version == 1
    assert "đơn vị A" in record.text
    assert intruder.delete(f"/api/v1/documents/{doc_id}").status_code == 403


def test_matching_by_file_name_alone_is_refused(web: WebEnv) -> None:
    doc_id = web.store_text("Ghi chú không có số hiệu.\nNội dung của đơn vị A.\n", OWN_UNIT, name="ghi-chu.txt")
    web.add_user("editor-b2", "editor", OTHER_UNIT)
    response = web.client("editor-b2").post(
        "/api/v1/documents", files=[("files", ("ghi-chu.txt", "Ghi chú khác.\nNội dung đơn vị B.\n".encode()))]
    )
    assert response.status_code == 403
    assert web.lib.get(doc_id).summary.version == 1


def test_owner_adds_a_version_and_keeps_ownership(web: WebEnv) -> None:
    doc_id = web.store_text(ORIGINAL, OWN_UNIT, name="kh70.txt")
    editor = web.client("editor")  # HU-A
    response = editor.post("/api/v1/documents", files=[("files", ("kh70.txt", FORGED.encode("utf-8")))],
                           data={"unit": "BTGHU-A"})
    assert response.status_code == 201, response.text
    assert response.json()["results"][0]["status"] == "new_version"
    record = web.lib.get(doc_id)
    assert record.summary.version == 2
    assert record.summary.owner_unit_id == OWN_UNIT  # a version never moves the owner


def test_admin_may_add_a_version_of_any_unit(web: WebEnv) -> None:
    doc_id = web.store_text(ORIGINAL, OTHER_UNIT, name="kh70.txt")
    response = web.client("admin").post("/api/v1/documents", files=[("files", ("kh70.txt", FORGED.encode()))])
    assert response.status_code == 201
    assert web.lib.get(doc_id).summary.owner_unit_id == OTHER_UNIT
