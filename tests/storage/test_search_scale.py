"""Search shaped for large libraries: ranked candidates, deep pages, capped counts, exact symbol hits."""

from __future__ import annotations

from pathlib import Path

import pytest

from thongsuot.storage import Library
from thongsuot.storage import search as search_module

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_pages_beyond_the_ranked_candidates_join_up(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two ranked candidates out of four matching samples: the older matches follow, newest first.
    monkeypatch.setattr(search_module, "RANK_CANDIDATES", {"sqlite": 2, "postgresql": 2})
    every = lib.search("tuyen truyen", limit=100)
    assert len(every) == lib.search_count("tuyen truyen") >= 3
    paged = [h for off in range(0, len(every)) for h in lib.search("tuyen truyen", limit=1, offset=off)]
    assert [h.id for h in paged] == [h.id for h in every]
    tail = [h.id for h in every[2:]]
    assert tail == sorted(tail, reverse=True)
    newest_two = sorted((h.id for h in every), reverse=True)[:2]
    assert {h.id for h in every[:2]} == set(newest_two)
    assert every[0].score >= every[1].score


def test_count_cap(lib: Library) -> None:
    total = lib.search_count("tuyen truyen")
    assert total >= 3
    assert lib.search_count("tuyen truyen", cap=2) == 2
    assert lib.search_count("tuyen truyen", cap=total + 5) == total
    assert lib.search_count("28-NQ/TW", cap=1) == 1


def test_exact_symbol_hits_come_first_newest_date_first(lib: Library) -> None:
    hits = lib.search("28-NQ/TW", limit=50)
    exact = [h for h in hits if h.score >= search_module.EXACT_BONUS]
    assert exact and hits[: len(exact)] == exact
    dates = [h.date for h in exact if h.date is not None]
    assert dates == sorted(dates, reverse=True)
    assert len(hits) == lib.search_count("28-NQ/TW")


def test_refresh_statistics_keeps_answers(lib: Library) -> None:
    before = [h.id for h in lib.search("nghi quyet 28", limit=50)]
    lib.refresh_statistics()
    assert [h.id for h in lib.search("nghi quyet 28", limit=50)] == before
