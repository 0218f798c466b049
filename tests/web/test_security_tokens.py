"""Issue 13 item 7: API tokens end with a password change and with deactivation (and stay ended); CSP."""

from __future__ import annotations

import re
from pathlib import Path

from web_helpers import WebEnv


def _bearer(env: WebEnv, role: str) -> dict[str, str]:
    created = env.client(role).post("/api/v1/tokens", json={"name": "script"})
    assert created.status_code == 201
    return {"Authorization": f"Bearer {created.json()['token']}"}


def test_tokens_revoked_on_password_change_by_admin_and_by_the_user(web: WebEnv) -> None:
    api = web.anonymous()
    bearer = _bearer(web, "editor")
    assert api.get("/api/v1/me", headers=bearer).status_code == 200
    admin = web.client("admin")
    changed = admin.patch(f"/api/v1/users/{web.users['editor'].id}", json={"password": "mat-khau-moi-12345"})
    assert changed.status_code == 200
    assert api.get("/api/v1/me", headers=bearer).status_code == 401

    bearer = _bearer(web, "viewer")
    viewer = web.client("viewer")
    own = viewer.post("/account/password", data={"current": web.passwords["viewer"], "new": "mat-khau-moi-67890"})
    assert own.status_code < 400
    assert api.get("/api/v1/me", headers=bearer).status_code == 401


def test_tokens_do_not_come_back_after_reactivation(web: WebEnv) -> None:
    api = web.anonymous()
    bearer = _bearer(web, "reporter")
    admin = web.client("admin")
    user_id = web.users["reporter"].id
    assert admin.patch(f"/api/v1/users/{user_id}", json={"active": False}).status_code == 200
    assert api.get("/api/v1/me", headers=bearer).status_code == 401
    assert admin.patch(f"/api/v1/users/{user_id}", json={"active": True}).status_code == 200
    assert api.get("/api/v1/me", headers=bearer).status_code == 401
    tokens = web.client("reporter").get("/api/v1/tokens").json()["tokens"]
    assert tokens and all(t["revoked"] for t in tokens)


def test_pages_carry_a_content_security_policy_without_inline_script(web: WebEnv) -> None:
    page = web.client("viewer").get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    templates = Path(__file__).resolve().parents[2] / "thongsuot" / "web" / "templates"
    for path in templates.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or "application/json" in tag, f"{path.name}: inline script {tag}"
        assert not re.search(r"\son[a-z]+\s*=", html), f"{path.name}: inline event handler"
