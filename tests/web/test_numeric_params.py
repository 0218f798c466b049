"""Numeric parameters out of range answer 4xx, never 500 (issue 13 item 6), on SQLite and PostgreSQL.

Every GET route of the app (pages and /api/v1) is called with each path
parameter and the usual numeric query parameters set to a value too large for
any integer column, a Unicode digit that is not an ASCII one, and 2^63.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from web_helpers import WebEnv, make_env

from thongsuot.web.params import in_range

TOO_BIG = "99999999999999999999"
NOT_ASCII = "²"
INT64 = str(2**63)
QUERY_NAMES = ("year", "page", "period", "ref", "up", "down", "limit", "offset", "unit", "plan")


def get_routes(routes: list[Any], prefix: str = "") -> list[str]:
    """Paths of every GET route, through included routers."""
    out = []
    for route in routes:
        if hasattr(route, "original_router"):
            out += get_routes(route.original_router.routes, prefix + (getattr(route.include_context, "prefix", "") or ""))
        elif "GET" in (getattr(route, "methods", None) or set()):
            out.append(prefix + route.path)
    return out


@pytest.fixture
def env(db_url: str, tmp_path: Path) -> WebEnv:
    return make_env(db_url, tmp_path)


def test_in_range_accepts_ascii_integers_of_the_database_only() -> None:
    assert in_range("0") and in_range("2147483647") and in_range("-5")
    assert not in_range("2147483648") and not in_range(INT64) and not in_range(TOO_BIG)
    assert not in_range(NOT_ASCII) and not in_range("١٢") and not in_range("") and not in_range("1e3")


def test_every_get_route_answers_out_of_range_numbers_without_a_server_error(env: WebEnv) -> None:
    client = env.client("admin")
    paths = get_routes(env.app.routes)
    assert len(paths) > 30
    failures = []
    for path in paths:
        for value in (TOO_BIG, NOT_ASCII, INT64):
            url = re.sub(r"\{[^}]+\}", value, path)
            query = "&".join(f"{name}={value}" for name in QUERY_NAMES)
            response = client.get(f"{url}?{query}", follow_redirects=False)
            if response.status_code >= 500:
                failures.append(f"{url}?{query[:30]}… -> {response.status_code}")
    assert not failures, "\n".join(failures)


NAMED = [  # the reproductions of the issue, with the answer each must get
    (f"/api/v1/documents?year={TOO_BIG}", 400),
    (f"/api/v1/search?q=a&year={NOT_ASCII}", 400),
    (f"/api/v1/documents/{INT64}", 422),
    (f"/api/v1/documents?page={TOO_BIG}", 422),
    (f"/api/v1/graph?ref={INT64}", 404),
    (f"/api/v1/graph?ref={NOT_ASCII}", 404),
    (f"/api/v1/graph?ref=node:{INT64}", 404),
    (f"/tracking/plans/{INT64}", 422),
]


def test_named_reproductions_are_client_errors_with_the_error_shape(env: WebEnv) -> None:
    client = env.client("admin")
    for url, status in NAMED:
        response = client.get(url)
        assert response.status_code == status, (url, response.text)
        if url.startswith("/api/"):
            assert set(response.json()["error"]) >= {"code", "message"}
        else:  # a page answers with the message in Vietnamese
            assert "không hợp lệ" in response.text
