"""The organisation at a date (vocab/data/org_history.toml), checked against documents' own headers."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

from thongsuot.parsing import parse_file
from thongsuot.vocab.org_history import load_history

REFORM = dt.date(2025, 7, 1)


def _shared() -> Path:
    return Path(os.environ.get("THONGSUOT_SHARED") or Path(__file__).resolve().parents[3] / "shared")


def test_34_provinces_after_the_reform_63_before() -> None:
    history = load_history()
    after, before = history.provinces_on(REFORM), history.provinces_on(REFORM - dt.timedelta(days=1))
    assert len(after) == 34 and len(before) == 63
    assert sum(p.kind == "thành phố" for p in after) == 6
    assert all(p.source and "202/2025/QH15" in p.source for p in history.provinces)


def test_former_provinces_lead_to_the_one_that_absorbed_them() -> None:
    history = load_history()
    merged = history.province_on("Sóc Trăng", dt.date(2025, 9, 1))
    assert merged is not None and merged.full_name == "thành phố Cần Thơ"
    assert history.province_on("tỉnh Sóc Trăng", dt.date(2025, 6, 30)).full_name == "tỉnh Sóc Trăng"  # type: ignore[union-attr]
    assert history.province_on("Bà Rịa - Vũng Tàu", dt.date(2025, 8, 1)).name == "Hồ Chí Minh"  # type: ignore[union-attr]
    assert history.province_on("An Bình", dt.date(2025, 8, 1)) is None  # not a province: the caller keeps its own


def test_every_fact_names_its_deciding_document() -> None:
    for fact in load_history().facts:
        assert fact.sources and all(re.search(r"số \d+", s) for s in fact.sources), fact.what


def test_provinces_in_real_headers_exist_on_their_dates() -> None:
    """Documents of late 2025 (corpus/real) are signed by provinces that exist on their date."""
    real = _shared() / "corpus" / "real"
    index = json.loads((real / "index.json").read_text(encoding="utf-8"))
    names = {p.name for p in load_history().provinces_on(dt.date(2025, 11, 1))}
    seen = 0
    for entry in index:
        doc = parse_file(real / entry["file"])
        m = re.match(r"Ủy ban nhân dân (?:tỉnh|thành phố) (.+)$", doc.header.issuer or "")
        if m and doc.header.date and doc.header.date >= REFORM:
            seen += 1
            assert m.group(1) in names, (entry["file"], doc.header.issuer)
    assert seen >= 8
