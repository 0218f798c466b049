"""The library's filter menus tell the truth: each count is what the list shows for that value."""

from __future__ import annotations

import re

from web_helpers import SAMPLES, WebEnv

from thongsuot.cascade.ingest import ingest


def _options(html: str, name: str) -> list[tuple[str, int]]:
    menu = html.split(f'<select name="{name}">', 1)[1].split("</select>", 1)[0]
    return [(v.replace("&#34;", '"'), int(n)) for v, n in re.findall(r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)', menu)]


def test_every_facet_count_matches_the_list_it_filters(web_sqlite: WebEnv) -> None:
    ingest(web_sqlite.lib, [SAMPLES], owner_unit_id="HU-A")
    client = web_sqlite.client("viewer")
    page = client.get("/").text
    total = int(client.get("/api/v1/documents").json()["total"])
    kinds, issuers = _options(page, "kind"), _options(page, "issuer")
    assert sum(n for _, n in kinds) == total  # a document without a type code is counted too
    assert sum(n for _, n in issuers) == total  # an issuer without a code is offered too
    for name, options in (("kind", kinds), ("issuer", issuers), ("year", _options(page, "year"))):
        for value, n in options:
            listed = client.get("/api/v1/documents", params={name: value}).json()
            assert listed["total"] == n, (name, value)
    # Counted with the other filters in force.
    value, _n = kinds[0]
    narrowed = client.get("/", params={"kind": value}).text
    assert sum(n for _, n in _options(narrowed, "issuer")) == kinds[0][1]


def test_the_sort_box_says_how_the_list_is_sorted(web_sqlite: WebEnv) -> None:
    client = web_sqlite.client("viewer")
    listing = client.get("/").text
    assert re.search(r'<option value="date" selected>Mới nhất</option>', listing)
    searched = client.get("/", params={"q": "kế hoạch"}).text
    assert re.search(r'<option value="relevance" selected>Liên quan nhất</option>', searched)


def test_the_graph_input_shows_the_documents_number_not_its_id(web_sqlite: WebEnv) -> None:
    ingest(web_sqlite.lib, [SAMPLES], owner_unit_id="HU-A")
    client = web_sqlite.client("viewer")
    doc = next(d for d in client.get("/api/v1/documents").json()["results"] if d["symbol"])
    page = client.get("/graph", params={"ref": str(doc["id"])}).text
    assert f'name="ref" value="{doc["symbol"]}"' in page
    assert f'name="ref" value="{doc["id"]}"' not in page


def _total(html: str) -> int:
    """The count the results header states ("Kết quả cho “…”: 3 văn bản")."""
    m = re.search(r"(?:: |>)\s*(\d+) văn bản", html)
    assert m, "no total on the page"
    return int(m.group(1))


def test_a_search_narrows_the_facets_to_what_it_finds(web_sqlite: WebEnv) -> None:
    ingest(web_sqlite.lib, [SAMPLES], owner_unit_id="HU-A")
    client = web_sqlite.client("viewer")
    everything = sum(n for _, n in _options(client.get("/").text, "kind"))
    for q in ("nghị quyết", "tuyên truyền", "chuyển đổi số"):
        page = client.get("/", params={"q": q}).text
        total, kinds = _total(page), _options(page, "kind")
        assert sum(n for _, n in kinds) == total, q  # the menus count what the list shows
        for value, n in kinds:
            assert _total(client.get("/", params={"q": q, "kind": value}).text) == n, (q, value)
        assert total <= everything
    nothing = client.get("/", params={"q": "zzzkhongcotu"}).text
    assert _options(nothing, "kind") == [] and _options(nothing, "issuer") == []
