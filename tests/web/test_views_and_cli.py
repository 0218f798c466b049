"""One context per screen (page / htmx partial / JSON), and the `demo` and `user add` commands."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select
from web_helpers import SAMPLES, WebEnv

from thongsuot.domain.org import closure_pairs
from thongsuot.storage import accounts, open_database
from thongsuot.storage import tracking as tracking_store

ROOT = Path(__file__).resolve().parents[2]


def test_library_screen_as_page_partial_and_json(web_sqlite: WebEnv) -> None:
    for path in sorted(SAMPLES.glob("*.txt"))[:2]:
        web_sqlite.store_text(path.read_text(encoding="utf-8"), "HU-A", name=path.name)
    viewer = web_sqlite.client("viewer")
    page = viewer.get("/", params={"q": "tuyen truyen"})
    partial = viewer.get("/", params={"q": "tuyen truyen"}, headers={"HX-Request": "true"})
    data = viewer.get("/api/v1/documents", params={"q": "tuyen truyen"}).json()
    assert page.text.lstrip().startswith("<!doctype html>") and 'id="results"' in page.text
    assert "<html" not in partial.text and "result-count" in partial.text
    assert data["results"] and all(f'href="{r["url"]}"' in partial.text for r in data["results"])
    # Empty query: every document, newest first.
    listing = viewer.get("/api/v1/documents").json()
    dates = [r["date"] for r in listing["results"] if r["date"]]
    assert listing["total"] == 2 and dates == sorted(dates, reverse=True)
    # A search states its total too, and the "Cấp" filter narrows by the issuer's level.
    assert data["total"] == len(data["results"])
    for level in ("trung-uong", "tinh", "huyen", "xa"):
        narrowed = viewer.get("/api/v1/documents", params={"q": "tuyen truyen", "level": level}).json()
        assert {r["id"] for r in narrowed["results"]} <= {r["id"] for r in data["results"]}
        assert narrowed["total"] == len(narrowed["results"])
    levels = [
        viewer.get("/api/v1/documents", params={"level": lv}).json()["total"] for lv in ("trung-uong", "tinh", "huyen", "xa")
    ]
    assert sum(levels) <= 2 and max(levels) >= 1


def test_document_page_links_citations_and_shows_roles(web_sqlite: WebEnv) -> None:
    doc_id = web_sqlite.store_text(next(SAMPLES.glob("000*.txt")).read_text(encoding="utf-8"), "HU-A", "000.txt")
    html = web_sqlite.client("viewer").get(f"/documents/{doc_id}").text
    assert "<details" in html and 'class="role"' in html
    hrefs = re.findall(r'<a class="cite[^"]*" href="([^"]+)"', html)
    assert hrefs and all(h.startswith(("/nodes/", "/documents/")) for h in hrefs)
    assert "Văn bản căn cứ" in html and "Văn bản triển khai" in html
    assert f"/documents/{doc_id}/original" in html


def run_cli(*args: str, data: Path) -> str:
    env = {**os.environ, "THONGSUOT_DATA": str(data)}
    env.pop("THONGSUOT_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "thongsuot", *args], env=env, capture_output=True, text=True,
                          cwd=ROOT, timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_demo_is_idempotent_and_resets_passwords(tmp_path: Path) -> None:
    first = run_cli("demo", "--samples", str(SAMPLES), data=tmp_path)
    second = run_cli("demo", "--samples", str(SAMPLES), data=tmp_path)
    pattern = re.compile(r"^\s+([\w.]+)\s+\w+\s+\S+\s+mật khẩu: (\S+)$", re.M)
    first_pw, second_pw = dict(pattern.findall(first)), dict(pattern.findall(second))
    assert {"admin", "editor", "reporter", "viewer"} <= set(first_pw) == set(second_pw)
    tracking_roles = {role for _u, role in re.findall(r"^\s+([\w.]+)\s+(\w+)\s+AB\.\S*\s+mật khẩu", first, re.M)}
    assert {"admin", "editor", "viewer", "reporter"} <= tracking_roles  # the tracking demo province's accounts
    assert all(first_pw[u] != second_pw[u] for u in first_pw)  # never a fixed password
    assert "4 mới" in first and "0 mới" in second and "4 đã có" in second
    with open_database(f"sqlite:///{tmp_path / 'thongsuot.sqlite3'}") as db:
        assert len(accounts.list_users(db.engine)) == len(first_pw)  # re-running adds no account


def test_user_add_prints_a_generated_password(tmp_path: Path) -> None:
    out = run_cli("user", "add", "--unit", "TU", "--role", "admin", "quantri", data=tmp_path)
    assert re.search(r"Mật khẩu: \S{10,}", out)
    with open_database(f"sqlite:///{tmp_path / 'thongsuot.sqlite3'}") as db:
        user = accounts.get_credentials(db.engine, "quantri")
        assert user is not None and user[0].role is accounts.Role.ADMIN and user[1].startswith("$argon2id$")
        units = accounts.list_units(db.engine)  # the first user on an empty database brought the demo tree
        with db.engine.connect() as conn:  # ... through the one tree writer, which keeps the closure table
            below_tu = tracking_store.subtree_codes(conn, "TU")
            pairs = conn.execute(select(func.count()).select_from(tracking_store.unit_closure)).scalar_one()
    assert pairs == len(list(closure_pairs({u.code: u.parent_code for u in units})))
    assert {u.code for u in units if u.parent_code == "TU"} < set(below_tu)


def test_pages_load_nothing_from_outside(web_sqlite: WebEnv) -> None:
    viewer = web_sqlite.client("viewer")
    for path in ("/api/v1/docs", "/", "/graph?ref=1", "/login"):
        html = viewer.get(path).text
        external = re.findall(r'(?:src|href)=["\'](https?://[^"\']+)', html)
        assert not external, (path, external)
    assert viewer.get("/api/v1/openapi.json").json()["info"]["title"] == "Thông Suốt API"


def test_a_search_past_the_count_cap_says_more_than(web_sqlite: WebEnv, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from thongsuot.web import library

    for path in sorted(SAMPLES.glob("*.txt")):
        web_sqlite.store_text(path.read_text(encoding="utf-8"), "HU-A", name=path.name)
    monkeypatch.setattr(library, "COUNT_CAP", 2)
    monkeypatch.setattr(library, "PAGE_SIZE", 1)
    viewer = web_sqlite.client("viewer")
    first = viewer.get("/api/v1/documents", params={"q": "tuyen truyen"}).json()
    assert first["total"] == 2 and first["total_is_lower_bound"] and first["has_next"]
    assert "hơn 2 văn bản" in viewer.get("/", params={"q": "tuyen truyen"}).text
    seen = []
    for page in range(1, 6):  # pages go on past the cap until the hits run out
        data = viewer.get("/api/v1/documents", params={"q": "tuyen truyen", "page": page}).json()
        seen += [r["id"] for r in data["results"]]
        if not data["has_next"]:
            break
    assert len(seen) == len(set(seen)) == 4
