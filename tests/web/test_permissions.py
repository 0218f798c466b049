"""Permissions matrix: every state-changing route x each role x own unit / other unit / anonymous.

Other areas add the entries of their routes in tests/web/matrix_<area>.py: a dict
`ENTRIES = {(method, path): (rule, call)}` using `Rule` and the helpers of web_helpers.py.

The routes are enumerated from the app, so a new state-changing endpoint
without an entry in MATRIX fails `test_every_state_changing_route_is_in_the_matrix`.
Expected codes: "2xx" (any success, redirects after a form count as success),
401, 403 or 404 (acting on another user's token).
"""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from web_helpers import (
    ADMIN_ONLY,
    ANY_USER,
    CHILD_UNIT,
    OTHER_UNIT,
    OWN_ONLY,
    OWN_UNIT,
    PUBLIC,
    ROLES,
    UNIT_SCOPED,
    Call,
    Rule,
    WebEnv,
)

from thongsuot.storage import accounts
from thongsuot.web import security

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
_counter = itertools.count(1)


def unique_text() -> str:
    n = next(_counter)
    return f"KẾ HOẠCH\nSố: {n}-KH/HU\nThông tin tuyên truyền số {n}\nI. MỤC ĐÍCH, YÊU CẦU\n- Nội dung {n}.\n"


def doc_for(env: WebEnv, scope: str) -> int:
    return env.store_text(unique_text(), OWN_UNIT if scope == "own" else OTHER_UNIT, name=f"vb-{next(_counter)}.txt")


def token_for(env: WebEnv, client: TestClient, role: str | None, scope: str) -> int:
    """A token of the acting user (own) or of another user (other)."""
    owner = role if (scope == "own" and role) else "viewer-other"
    if owner not in env.passwords:
        env.add_user(owner, "viewer", OTHER_UNIT)
    user = next(u for u in accounts.list_users(env.engine) if u.username == owner)
    token = accounts.create_token(env.engine, user.id, "t", security.token_hash(f"tok-{next(_counter)}"), "tsk_xxxx")
    return token.id


def target_user(env: WebEnv, scope: str) -> int:
    name = f"target-{next(_counter)}"
    return env.add_user(name, "viewer", OWN_UNIT if scope == "own" else OTHER_UNIT).id


def upload_files() -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (f"tai-len-{next(_counter)}.txt", unique_text().encode("utf-8")))]


MATRIX: dict[tuple[str, str], tuple[Rule, Call]] = {
    # JSON API
    ("POST", "/api/v1/documents"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        "/api/v1/documents", files=upload_files(), data={"unit": CHILD_UNIT if scope == "own" else OTHER_UNIT})),
    ("PATCH", "/api/v1/documents/{document_id}"): (UNIT_SCOPED, lambda env, c, role, scope: c.patch(
        f"/api/v1/documents/{doc_for(env, scope)}", json={"owner_unit_id": CHILD_UNIT if scope == "own" else OTHER_UNIT})),
    ("DELETE", "/api/v1/documents/{document_id}"): (UNIT_SCOPED, lambda env, c, role, scope: c.delete(
        f"/api/v1/documents/{doc_for(env, scope)}")),
    ("POST", "/api/v1/tokens"): (ANY_USER, lambda env, c, role, scope: c.post("/api/v1/tokens", json={"name": "t"})),
    ("DELETE", "/api/v1/tokens/{token_id}"): (OWN_ONLY, lambda env, c, role, scope: c.delete(
        f"/api/v1/tokens/{token_for(env, c, role, scope)}")),
    ("POST", "/api/v1/users"): (ADMIN_ONLY, lambda env, c, role, scope: c.post("/api/v1/users", json={
        "username": f"u{next(_counter)}", "role": "viewer", "unit_code": OWN_UNIT if scope == "own" else OTHER_UNIT})),
    ("PATCH", "/api/v1/users/{user_id}"): (ADMIN_ONLY, lambda env, c, role, scope: c.patch(
        f"/api/v1/users/{target_user(env, scope)}", json={"display_name": "Tên mới"})),
    # Pages (forms)
    ("POST", "/login"): (PUBLIC, lambda env, c, role, scope: c.post("/login", data={
        "username": role or "viewer", "password": env.passwords[role or "viewer"]}, follow_redirects=False)),
    ("POST", "/logout"): (PUBLIC, lambda env, c, role, scope: c.post("/logout", follow_redirects=False)),
    ("POST", "/account/tokens"): (ANY_USER, lambda env, c, role, scope: c.post("/account/tokens", data={"name": "t"})),
    ("POST", "/account/tokens/{token_id}/revoke"): (OWN_ONLY, lambda env, c, role, scope: c.post(
        f"/account/tokens/{token_for(env, c, role, scope)}/revoke")),
    ("POST", "/account/password"): (ANY_USER, lambda env, c, role, scope: c.post("/account/password", data={
        "current": env.passwords.get(role or "", "x"), "new": env.passwords.get(role or "", "x")}, follow_redirects=False)),
    ("POST", "/admin/users"): (ADMIN_ONLY, lambda env, c, role, scope: c.post("/admin/users", data={
        "username": f"p{next(_counter)}", "role": "viewer", "unit_code": OWN_UNIT if scope == "own" else OTHER_UNIT})),
    ("POST", "/admin/users/{user_id}"): (ADMIN_ONLY, lambda env, c, role, scope: c.post(
        f"/admin/users/{target_user(env, scope)}", data={"role": "viewer"})),
    ("POST", "/documents/{document_id}/delete"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        f"/documents/{doc_for(env, scope)}/delete", follow_redirects=False)),
    ("POST", "/documents/{document_id}/owner"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        f"/documents/{doc_for(env, scope)}/owner", data={"unit": CHILD_UNIT if scope == "own" else OTHER_UNIT},
        follow_redirects=False)),
    ("POST", "/upload"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        "/upload", files=upload_files(), data={"unit": CHILD_UNIT if scope == "own" else OTHER_UNIT})),
}


def other_areas_entries() -> dict[tuple[str, str], tuple[Rule, Call]]:
    """Entries other areas keep in tests/web/matrix_*.py (a dict `ENTRIES` in the same format)."""
    entries: dict[tuple[str, str], tuple[Rule, Call]] = {}
    for path in sorted(Path(__file__).parent.glob("matrix_*.py")):
        spec = importlib.util.spec_from_file_location(f"thongsuot_test_{path.stem}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        entries.update(module.ENTRIES)
    return entries


MATRIX.update(other_areas_entries())


def flat_routes(app: Any) -> list[tuple[str, set[str]]]:
    """(full path, methods) of every route; recent FastAPI keeps included routers nested."""
    out: list[tuple[str, set[str]]] = []
    for route in app.routes:
        if hasattr(route, "effective_route_contexts"):
            for ctx in route.effective_route_contexts():
                methods = getattr(ctx, "methods", None) or getattr(ctx.original_route, "methods", None) or set()
                out.append((ctx.path, set(methods)))
        elif hasattr(route, "methods"):
            out.append((route.path, set(route.methods or ())))
    return out


def state_changing_routes(app: Any) -> set[tuple[str, str]]:
    return {(method, path) for path, methods in flat_routes(app) for method in methods & UNSAFE}


def test_every_state_changing_route_is_in_the_matrix(web_sqlite: WebEnv) -> None:
    routes = state_changing_routes(web_sqlite.app)
    missing = routes - set(MATRIX)
    stale = set(MATRIX) - routes
    assert not missing, f"add these routes to MATRIX: {sorted(missing)}"
    assert not stale, f"MATRIX names routes that no longer exist: {sorted(stale)}"


def matches(expected: str, status: int) -> bool:
    return 200 <= status < 400 if expected == "2xx" else status == int(expected)


def test_permission_matrix(web: WebEnv) -> None:
    failures = []
    checked = 0
    for (method, path), (rule, call) in sorted(MATRIX.items()):
        for role in (*ROLES, None):
            for scope in ("own", "other") if role else ("own",):
                client = web.client(role)
                response = call(web, client, role, scope)
                expected = rule.expected(role, scope)
                checked += 1
                if not matches(expected, response.status_code):
                    failures.append(f"{method} {path} as {role or 'anonymous'} ({scope}): "
                                    f"expected {expected}, got {response.status_code} {response.text[:120]}")
    assert checked >= len(MATRIX) * 9
    assert not failures, "\n".join(failures)


def test_anonymous_reads_only_with_public_library(web_sqlite: WebEnv, make_db_url: Any, tmp_path: Any) -> None:
    from web_helpers import make_env

    closed = web_sqlite.anonymous()
    assert closed.get("/api/v1/documents").status_code == 401
    page = closed.get("/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")

    public = make_env(make_db_url("sqlite"), tmp_path / "public", public_library=True)
    visitor = public.anonymous()
    assert visitor.get("/api/v1/documents").status_code == 200
    assert visitor.get("/").status_code == 200
    assert visitor.post("/api/v1/documents", files=upload_files()).status_code == 401
    assert visitor.get("/upload", follow_redirects=False).status_code == 303


# --- reading: draft plans and the whole organisation tree (issue 13 item 7) ---------------------------------
# A draft is read by admins, the drafting unit, the units above it and the units below it; a unit of another
# branch gets 403. Issued plans are in the library. The whole tree as a file: admins and editors of a root unit.
DRAFT_READ = Rule(("2xx", "2xx"), ("2xx", "403"), ("2xx", "403"), ("2xx", "403"))
DRAFT_PAGE = Rule(("2xx", "2xx"), ("2xx", "403"), ("2xx", "403"), ("2xx", "403"), anonymous="303")
ADMIN_PAGE = Rule(("2xx", "2xx"), ("403", "403"), ("403", "403"), ("403", "403"), anonymous="303")


def _draft(env: WebEnv, scope: str) -> int:
    import datetime as dt

    from thongsuot.cascade.derive import empty_plan, target_from_name
    from thongsuot.storage.plans import PlanStore

    code = OWN_UNIT if scope == "own" else OTHER_UNIT
    target = target_from_name("Huyện ủy", dt.date(2024, 5, 1), unit_code=code)
    return PlanStore(env.app.state.ts.db).create(empty_plan(target), unit_code=code).id


READS: dict[tuple[str, str], tuple[Rule, Call]] = {
    ("GET", "/api/v1/plans/{plan_id}"): (DRAFT_READ, lambda env, c, role, scope: c.get(
        f"/api/v1/plans/{_draft(env, scope)}")),
    ("GET", "/api/v1/plans/{plan_id}/versions"): (DRAFT_READ, lambda env, c, role, scope: c.get(
        f"/api/v1/plans/{_draft(env, scope)}/versions")),
    # pages: a visitor is sent to the login page (303), never answered in JSON
    ("GET", "/plans/{plan_id}"): (DRAFT_PAGE, lambda env, c, role, scope: c.get(
        f"/plans/{_draft(env, scope)}", follow_redirects=False)),
    ("GET", "/plans/{plan_id}/versions"): (DRAFT_PAGE, lambda env, c, role, scope: c.get(
        f"/plans/{_draft(env, scope)}/versions", follow_redirects=False)),
    ("GET", "/plans/{plan_id}/export.{fmt}"): (DRAFT_PAGE, lambda env, c, role, scope: c.get(
        f"/plans/{_draft(env, scope)}/export.json", follow_redirects=False)),
    ("GET", "/tracking/org/export.{fmt}"): (ADMIN_PAGE, lambda env, c, role, scope: c.get(
        "/tracking/org/export.csv", follow_redirects=False)),
}


def test_read_matrix(web_sqlite: WebEnv) -> None:
    failures = []
    for (method, path), (rule, call) in sorted(READS.items()):
        for role in (*ROLES, None):
            for scope in ("own", "other") if role else ("own",):
                response = call(web_sqlite, web_sqlite.client(role), role, scope)
                expected = rule.expected(role, scope)
                if not matches(expected, response.status_code):
                    failures.append(f"{method} {path} as {role or 'anonymous'} ({scope}): expected {expected}, "
                                    f"got {response.status_code} {response.text[:120]}")
    assert not failures, "\n".join(failures)


def test_superiors_and_subordinates_read_a_draft_other_branches_do_not(web_sqlite: WebEnv) -> None:
    env = web_sqlite
    plan = _draft(env, "own")  # drafted by HU-A
    env.add_user("tinh", "viewer", "TU")  # the province above HU-A
    env.add_user("ban", "viewer", CHILD_UNIT)  # a board under HU-A
    env.add_user("ben", "viewer", OTHER_UNIT)  # a sibling district
    codes = {name: env.client(name).get(f"/api/v1/plans/{plan}").status_code
             for name in ("tinh", "ban", "ben")}
    assert codes == {"tinh": 200, "ban": 200, "ben": 403}
    listed = {p["id"] for p in env.client("ben").get("/api/v1/plans").json()["plans"]}
    assert plan not in listed
    env.add_user("bt-tu", "editor", "TW")  # editor of the root unit
    assert env.client("bt-tu").get("/tracking/org/export.csv").status_code == 200
