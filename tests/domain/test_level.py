"""One Level: one enum, one code set, one set of recognition rules (issue 14)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from thongsuot.domain.level import Level
from thongsuot.storage.documents import document_level
from thongsuot.storage.keys import guess_level
from thongsuot.vocab.levels import level_by_slug, level_of_code, level_of_name, load_levels, preset_on
from thongsuot.web.graphview import level_of

PACKAGE = Path(__file__).resolve().parents[2] / "thongsuot"


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("TW", Level.CENTRAL), ("BTGTW", Level.CENTRAL), ("NĐ-CP", Level.CENTRAL), ("QĐ-TTg", Level.CENTRAL),
        ("TU", Level.PROVINCE), ("BTGTU", Level.PROVINCE), ("HU", Level.DISTRICT), ("BTGHU", Level.DISTRICT),
        ("ĐU", Level.COMMUNE), ("ĐU12", Level.COMMUNE), ("DUK", Level.COMMUNE),
        ("UBND", None), ("KH-UBND", None), ("BCĐ", None), ("", None),
    ],
)  # fmt: skip
def test_issuer_codes_name_one_level_everywhere(code: str, level: Level | None) -> None:
    assert level_of_code(code) is level
    assert guess_level(code) == (level.value if level else None)
    # the lineage graph uses the same rule: a State code names no level, "UBND" is not a province
    assert level_of(f"12/{code}" if code else None) == (level.value if level else "other")


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        ("Đảng ủy phường Hòa Bình", Level.COMMUNE), ("Đảng ủy xã Tân Hòa", Level.COMMUNE),
        ("UBND đặc khu Phú Quốc", Level.COMMUNE), ("Huyện ủy Châu Thành", Level.DISTRICT),
        ("Tỉnh ủy Sóc Trăng", Level.PROVINCE), ("Ban Bí thư", Level.CENTRAL), ("Hội Nông dân", None),
    ],
)  # fmt: skip
def test_issuer_names_give_the_lowest_level_they_name(issuer: str, level: Level | None) -> None:
    assert level_of_name(issuer) is level
    assert document_level(None, issuer) == (level.value if level else None)


def test_presets_by_date_and_the_old_code() -> None:
    assert Level.DISTRICT in preset_on(dt.date(2025, 6, 30)).levels
    assert Level.DISTRICT not in preset_on(dt.date(2025, 7, 1)).levels
    assert load_levels().level_above(Level.COMMUNE, dt.date(2025, 7, 1)) is Level.PROVINCE
    assert load_levels().level_above(Level.COMMUNE, dt.date(2024, 7, 1)) is Level.DISTRICT
    assert Level("centre") is Level.CENTRAL  # plans stored before the merge of the code sets
    assert level_by_slug("tinh") is Level.PROVINCE and level_by_slug("province") is Level.PROVINCE
    assert Level.PROVINCE.is_above(Level.COMMUNE) and not Level.COMMUNE.is_above(Level.DISTRICT)


def test_no_module_keeps_its_own_level_codes() -> None:
    """Level code literals live in domain/level.py only (migrations are frozen history)."""
    codes = "|".join(lv.value for lv in Level if lv is not Level.GRASSROOTS) + "|centre"
    literal = re.compile(rf"""(?<!get\()["']({codes})["'](?!\])""")  # not TOML keys
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "domain/level.py" or rel.startswith("storage/migrations/"):
            continue
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if literal.search(text):
                offenders.append(f"{rel}:{n}: {text.strip()}")
    assert offenders == []
