"""Search on both databases: folded, tone-placement free, symbol-aware, same hits on both."""

from __future__ import annotations

from pathlib import Path

from thongsuot.cascade.ingest import ingest
from thongsuot.storage import Library, SearchFilters, open_library, search_facets
from thongsuot.storage.search import make_snippet

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _stems(lib: Library, hits) -> set[str]:  # type: ignore[no-untyped-def]
    return {lib.get(h.id).summary.file_name.split("_")[0] for h in hits}


def test_nghi_quyet_28_finds_seed_002_and_000(lib: Library) -> None:
    hits = lib.search("nghi quyet 28")
    assert {"002", "000"} <= _stems(lib, hits)
    assert all(h.snippet and "«" in h.snippet for h in hits)
    assert all("<mark>" in h.snippet_html for h in hits)


def test_diacritics_case_and_tone_placement_do_not_matter(lib: Library) -> None:
    runs = [[h.id for h in lib.search(q, limit=50)] for q in ("hoà bình", "hòa bình", "hoa binh", "HOA BÌNH")]
    assert runs[0] and all(sorted(r) == sorted(runs[0]) for r in runs)
    accented = {h.id for h in lib.search("Nghị quyết số 28", limit=50)}
    assert accented == {h.id for h in lib.search("nghi quyet so 28", limit=50)}


def test_symbol_query_matches_citations_exactly(lib: Library) -> None:
    hits = lib.search("132-KH/HU")
    assert "002" in _stems(lib, hits)
    assert hits[0].score > 100  # exact citation hits come first


def test_filters(lib: Library) -> None:
    plans = lib.search("tuyen truyen", SearchFilters(kind="KH"), limit=50)
    assert plans and all(lib.get(h.id).summary.type_code == "KH" for h in plans)
    none = lib.search("tuyen truyen", SearchFilters(year_from=2100), limit=50)
    assert none == []


def test_same_hits_on_both_databases(make_db_url) -> None:  # type: ignore[no-untyped-def]
    queries = ["nghi quyet 28", "xây dựng Đảng", "28-NQ/TW", "bua liem vang", "hoa binh", "khong co tu nay xyzq"]
    results = []
    for backend in ("sqlite", "postgresql"):
        library = open_library(make_db_url(backend))
        ingest(library, [SAMPLES], workers=1)
        results.append({q: sorted(_stems(library, library.search(q, limit=50))) for q in queries})
        library.close()
    assert results[0] == results[1]


def test_snippet_marks_the_hit_in_the_original_text() -> None:
    plain, html = make_snippet("Căn cứ Nghị quyết số 28-NQ/TW <b> của Ban Chấp hành", ["nghi", "quyet", "28"])
    assert "«Nghị» «quyết» số «28»" in plain
    assert "<mark>Nghị</mark>" in html and "&lt;b&gt;" in html


def test_count_is_the_number_of_hits_over_all_pages(lib: Library) -> None:
    for q in ("tuyen truyen", "28-NQ/TW", "132-KH/HU", "khong co tu nay xyzq"):
        every = lib.search(q, limit=1000)
        assert lib.search_count(q) == len(every)
        paged = lib.search(q, limit=2) + lib.search(q, limit=2, offset=2) + lib.search(q, limit=1000, offset=4)
        assert [h.id for h in paged] == [h.id for h in every]


def test_level_filter_uses_the_issuer_level(lib: Library) -> None:
    everything = lib.search("tuyen truyen", limit=100)
    by_level = {
        level: {h.id for h in lib.search("tuyen truyen", SearchFilters(level=level), limit=100)}
        for level in ("central", "province", "district", "commune")
    }
    assert by_level["province"]  # the samples include provincial plans (/TU, Tỉnh ủy)
    for level, ids in by_level.items():
        assert all(lib.get(i).summary.level == level for i in ids)
        assert lib.search_count("tuyen truyen", SearchFilters(level=level)) == len(ids)
    assert set().union(*by_level.values()) <= {h.id for h in everything}


def test_snippet_finds_decomposed_and_uppercase_words() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Mở đầu dài. TRIỂN KHAI Nghị Quyết số 28 của Trung ương")
    plain, _html = make_snippet(text, ["trien", "khai", "nghi", "quyet"])
    assert plain.count("«") == 4
    assert unicodedata.normalize("NFC", plain).startswith("Mở đầu")


def test_search_facets_count_exactly_what_the_search_finds(lib: Library) -> None:
    for q in ("tuyen truyen", "28-NQ/TW", "132-KH/HU", "nghi quyet 28", "khong co tu nay xyzq"):
        found = lib.search(q, limit=1000)
        facets = search_facets(lib.db.engine, q, {})
        kinds = {label: n for _value, label, n in facets["kinds"]}
        assert sum(kinds.values()) == len(found), q
        for _value, label, n in facets["years"]:
            assert n == sum(1 for h in found if str(lib.get(h.id).summary.date or "")[:4] == label), (q, label)
