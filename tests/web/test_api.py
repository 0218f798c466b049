"""The JSON API against the real app on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from fastapi import APIRouter
from web_helpers import OTHER_UNIT, SAMPLES, WebEnv, error_shape, make_env

from thongsuot.storage import audit
from thongsuot.web import security


def sample(name_prefix: str) -> tuple[str, bytes]:
    path = next(SAMPLES.glob(f"{name_prefix}*.txt"))
    return path.name, path.read_bytes()


def test_upload_search_document_graph(web: WebEnv) -> None:
    editor = web.client("editor")
    files = [("files", sample("000")), ("files", sample("002"))]
    response = editor.post("/api/v1/documents", files=files)
    assert response.status_code == 201, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["stored", "stored"]

    again = editor.post("/api/v1/documents", files=[("files", sample("000"))])
    assert again.status_code == 200
    assert again.json()["results"][0]["status"] == "duplicate"

    # Search without diacritics finds the documents citing Nghị quyết 28.
    hits = editor.get("/api/v1/search", params={"q": "nghi quyet 28"}).json()["results"]
    assert {h["id"] for h in hits} == {r["document_id"] for r in results}
    assert all("<mark>" in h["snippet_html"] for h in hits)

    doc_id = results[1]["document_id"]
    doc = editor.get(f"/api/v1/documents/{doc_id}").json()
    assert doc["owner_unit_id"] == web.users["editor"].unit_code
    assert any(c["node"] and c["node"]["symbol"] for c in doc["citations"])

    original = editor.get(f"/api/v1/documents/{doc_id}/original")
    assert original.content == sample("002")[1]

    graph = editor.get("/api/v1/graph", params={"ref": str(doc_id), "up": 3, "down": 1}).json()
    node_ids = {n["id"] for n in graph["nodes"]}
    assert graph["root"] in node_ids and len(node_ids) > 1
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in graph["edges"])
    assert any(not n["in_library"] for n in graph["nodes"])  # cited plans not uploaded are placeholders

    listing = editor.get("/api/v1/documents").json()
    assert listing["total"] == 2


def test_upload_errors_store_nothing(db_url: str, tmp_path: Path) -> None:
    web = make_env(db_url, tmp_path, max_upload_mb=1)
    editor = web.client("editor")
    encrypted_like = io.BytesIO()
    with zipfile.ZipFile(encrypted_like, "w") as z:
        z.writestr("not-word.txt", "hello")
    cases = {
        "anh.gif": (b"GIF89a" + b"0" * 100, 415, "unsupported_format"),
        "to.txt": ("Kế hoạch ".encode() * 150_000, 413, "too_large"),
        "hong.docx": (b"PK\x03\x04 this is not a real docx", 400, None),
        "rong.docx": (encrypted_like.getvalue(), 400, None),
    }
    for name, (data, status, code) in cases.items():
        response = editor.post("/api/v1/documents", files=[("files", (name, data))])
        body = response.json()
        assert response.status_code == status, (name, response.text)
        assert error_shape(body), body
        if code:
            assert body["error"]["code"] == code
        assert "Traceback" not in response.text
    assert editor.get("/api/v1/documents").json()["total"] == 0

    # Mixed: the good file is stored, the bad one explained.
    mixed = editor.post("/api/v1/documents", files=[("files", sample("001")), ("files", ("x.exe", b"MZ"))])
    assert mixed.status_code == 201
    statuses = {r["file"]: r["status"] for r in mixed.json()["results"]}
    assert statuses == {sample("001")[0]: "stored", "x.exe": "error"}


def test_every_error_has_one_shape(web: WebEnv) -> None:
    boom = APIRouter()

    @boom.get("/api/v1/test-boom")
    def explode() -> None:
        raise RuntimeError("secret internal detail")

    web.app.include_router(boom)
    viewer = web.client("viewer")
    anonymous = web.anonymous()
    checks = [
        (viewer.get("/api/v1/documents/999999"), 404),
        (viewer.get("/api/v1/no-such-thing"), 404),
        (viewer.put("/api/v1/documents"), 405),
        (viewer.get("/api/v1/documents", params={"page": "abc"}), 422),
        (viewer.get("/api/v1/graph"), 422),
        (viewer.post("/api/v1/users", json={"username": "x"}), 403),
        (anonymous.get("/api/v1/documents"), 401),
        (viewer.get("/api/v1/test-boom"), 500),
        (viewer.get("/api/v1/search", params={"q": ""}), 400),
    ]
    for response, status in checks:
        assert response.status_code == status, response.text
        assert error_shape(response.json()), response.text
        assert "secret internal detail" not in response.text and "Traceback" not in response.text


def test_login_cookie_csrf_rate_limit_and_audit(web_sqlite: WebEnv) -> None:
    web = web_sqlite
    client = web.anonymous()
    csrf = client.headers[security.CSRF_HEADER]
    ok = client.post("/login", data={"username": "viewer", "password": web.passwords["viewer"], "csrf_token": csrf},
                     follow_redirects=False)
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie

    no_csrf = web.client("viewer")
    del no_csrf.headers[security.CSRF_HEADER]
    assert no_csrf.post("/api/v1/tokens", json={"name": "x"}).status_code == 403

    attacker = web.anonymous()
    statuses = []
    for _ in range(7):
        r = attacker.post("/login", data={"username": "admin", "password": "sai-mat-khau", "csrf_token": attacker.headers[security.CSRF_HEADER]})
        statuses.append(r.status_code)
    assert statuses[:5] == [401] * 5 and statuses[5:] == [429, 429]
    # The right password is refused too while the account is locked out.
    r = attacker.post("/login", data={"username": "admin", "password": web.passwords["admin"], "csrf_token": attacker.headers[security.CSRF_HEADER]})
    assert r.status_code == 429

    entries, total = audit.list_audit(web.engine, action="login_failed")
    assert total == 5 and all(e.target == "admin" for e in entries)
    admin_api = web.client("editor")  # editor cannot read the audit log
    assert admin_api.get("/api/v1/audit").status_code == 403


def test_secure_cookie_setting(sqlite_url: str, tmp_path: Path) -> None:
    web = make_env(sqlite_url, tmp_path, secure_cookies=True)
    client = web.anonymous()
    r = client.post("/login", data={"username": "viewer", "password": web.passwords["viewer"],
                                    "csrf_token": client.headers[security.CSRF_HEADER]}, follow_redirects=False)
    assert "secure" in r.headers["set-cookie"].lower()


def test_tokens_are_hashed_and_revocable(web: WebEnv) -> None:
    editor = web.client("editor")
    created = editor.post("/api/v1/tokens", json={"name": "báo cáo"})
    assert created.status_code == 201
    token = created.json()["token"]
    with web.engine.connect() as conn:
        dump = "\n".join(str(row) for row in conn.exec_driver_sql("SELECT * FROM api_tokens"))
    assert token not in dump and security.token_hash(token) in dump

    bearer = {"Authorization": f"Bearer {token}"}
    api = web.anonymous()
    del api.headers[security.CSRF_HEADER]  # token calls need no CSRF
    assert api.get("/api/v1/me", headers=bearer).json()["username"] == "editor"
    upload = api.post("/api/v1/documents", headers=bearer, files=[("files", sample("003"))])
    assert upload.status_code == 201

    assert editor.delete(f"/api/v1/tokens/{created.json()['id']}").status_code == 200
    refused = api.get("/api/v1/me", headers=bearer)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthorized"


def test_admin_users_and_audit_filters(web: WebEnv) -> None:
    admin = web.client("admin")
    created = admin.post("/api/v1/users", json={"username": "moi", "role": "viewer", "unit_code": OTHER_UNIT})
    assert created.status_code == 201 and len(created.json()["password"]) >= 10
    user_id = created.json()["id"]
    changed = admin.patch(f"/api/v1/users/{user_id}", json={"role": "editor"})
    assert changed.json()["role"] == "editor"
    assert admin.post("/api/v1/users", json={"username": "moi", "role": "viewer", "unit_code": OTHER_UNIT}).status_code == 409
    assert admin.post("/api/v1/users", json={"username": "x", "role": "boss", "unit_code": OTHER_UNIT}).status_code == 400

    log = admin.get("/api/v1/audit", params={"action": "user_update"}).json()
    assert log["total"] == 1
    entry = log["entries"][0]
    assert entry["user"] == "admin" and entry["before"]["role"] == "viewer" and entry["after"]["role"] == "editor"
    by_user = admin.get("/api/v1/audit", params={"user": "admin"}).json()["entries"]
    assert {e["action"] for e in by_user} >= {"login", "user_create", "user_update"}
    today = entry["at"][:10]
    assert admin.get("/api/v1/audit", params={"since": today, "until": today}).json()["total"] >= 3
    assert admin.get("/api/v1/audit", params={"until": "2000-01-01"}).json()["total"] == 0

    units = admin.get("/api/v1/units").json()["units"]
    assert {u["code"] for u in units} >= {"TU", "HU-A", "HU-B"}


def test_audit_log_is_append_only(web_sqlite: WebEnv) -> None:
    import pytest
    from sqlalchemy.exc import DatabaseError

    web_sqlite.client("admin")
    with pytest.raises(DatabaseError), web_sqlite.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_log")


DISTRICT_PLAN = """ĐẢNG BỘ TỈNH MẪU                      ĐẢNG CỘNG SẢN VIỆT NAM
{issuer}
*
Số {num}-KH/HU                  An Phú, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
tuyên truyền về công tác xây dựng Đảng năm 2024

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của cán bộ, đảng viên.

II. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Huyện ủy An Phú
- Hướng dẫn, theo dõi, đôn đốc thực hiện kế hoạch.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn B
"""


def test_uploading_our_units_plan_puts_it_under_tracking(web: WebEnv) -> None:
    editor = web.client("editor")  # an editor of HU-A
    ours = DISTRICT_PLAN.format(issuer="HUYỆN ỦY AN PHÚ", num=15).encode()
    theirs = DISTRICT_PLAN.format(issuer="HUYỆN ỦY LONG HẢI", num=27).encode()  # not a unit of our tree
    results = editor.post("/api/v1/documents", files=[("files", ("kh-an-phu.txt", ours)),
                                                      ("files", ("kh-long-hai.txt", theirs))]).json()["results"]
    assert [r["status"] for r in results] == ["stored", "stored"]
    tracked, untouched = results[0]["tracking"], results[1]["tracking"]
    assert untouched is None
    assert tracked["assignments"] == 1 and tracked["unmatched"] == []
    plan = editor.get("/api/v1" + tracked["url"])
    assert plan.status_code == 200
    assert "BTGHU-A" in plan.text
    # Uploading a new version does not track the plan twice.
    again = editor.post("/api/v1/documents", files=[("files", ("kh-an-phu.txt", ours + b"\n"))]).json()["results"]
    assert again[0]["status"] == "new_version" and again[0]["tracking"] is None
