"""Assignment matching (exact, tone/diacritic variants, collective, fuzzy, list names) and plan intake."""

from __future__ import annotations

import datetime as dt

import pytest
from shared_files import SEEDS, shared_glob

from thongsuot.parsing.pipeline import parse_file
from thongsuot.tracking.intake import from_document
from thongsuot.tracking.matching import match_names
from thongsuot.vocab.tracking_data import demo_province

UNITS = demo_province().units
AFTER = dt.date(2025, 9, 1)


def codes(name: str, on: dt.date | None = AFTER) -> list[str]:
    return [u.code for u in match_names([name], UNITS, "AB.TU", on)[0].units]


def test_exact_with_tone_placement_and_aliases() -> None:
    assert codes("Đảng ủy xã Đông Hoà") == ["AB.X04.DU"]  # old tone placement
    assert codes("ĐẢNG ỦY XÃ ĐÔNG HÒA") == ["AB.X04.DU"]
    assert codes("Ủy ban MTTQ Việt Nam tỉnh") == ["AB.MTTQ"]


def test_the_date_picks_the_unit_in_force() -> None:
    assert codes("Ban Tuyên giáo Tỉnh ủy", dt.date(2024, 5, 1)) == ["AB.TU.BTG"]
    assert codes("Ban Tuyên giáo Tỉnh ủy", AFTER) == ["AB.TU.BTGDV"]
    assert codes("Huyện ủy Đông Hòa", dt.date(2024, 5, 1)) == ["AB.HDH"]


def test_collective_names_expand_to_the_next_level_down() -> None:
    communes = codes("Các đảng ủy xã, phường")
    assert len(communes) == 12 and all(c.endswith(".DU") for c in communes)
    districts = codes("Các huyện ủy, thành ủy", dt.date(2024, 5, 1))
    assert sorted(districts) == ["AB.HDH", "AB.HNB", "AB.HTS", "AB.TPAB"]


def test_fuzzy_and_list_names_and_unmatched() -> None:
    assert codes("Ban To chuc Tinh uy") == ["AB.TU.BTC"]  # diacritics lost
    m = match_names(["Sở Văn hóa, Thể thao và Du lịch, Hội Văn học nghệ thuật tỉnh"], UNITS, "AB.TU", AFTER)[0]
    assert [u.code for u in m.units] == ["AB.SVHTTDL"] and m.missing and not m.complete
    none = match_names(["Ban Chỉ đạo 35 Trung ương"], UNITS, "AB.TU", AFTER)[0]
    assert none.units == () and none.how == "none"


@pytest.mark.parametrize("seed", [p.name for p in shared_glob(SEEDS, "*.txt", at_least=4)])
def test_intake_from_seed_documents(seed: str) -> None:
    intake = from_document(parse_file(SEEDS / seed))
    keys = [t["key"] for t in intake.topics]
    assert len(keys) == len(set(keys))
    assert all(t["title"] for t in intake.topics)
    assert intake.duties_by_name == tuple((a, d) for a, d in intake.duties_by_name if a)


def test_intake_reads_the_attached_outline() -> None:
    intake = from_document(parse_file(SEEDS / "000_cb2ba15afe6d27db.txt"))
    focal = [t["key"] for t in intake.topics if t["focal"]]
    assert focal[:2] == ["1.1", "1.2"] and all(k.startswith("1.") for k in focal)
    assert any(t["key"].startswith("2.") and not t["focal"] for t in intake.topics)


def test_a_child_plan_breaks_down_its_parents_assignment(tracker) -> None:  # type: ignore[no-untyped-def]
    from thongsuot.storage import tracking as store
    from thongsuot.tracking import views
    from thongsuot.tracking.rights import Actor

    admin = Actor("(test)", "admin", "AB.TU")
    parent = tracker.track_plan(admin, title="KH tỉnh", issuer_unit="AB.TU", symbol="70-KH/TU",
                                duties_by_name=[("Ban Tuyên giáo Tỉnh ủy", ["Ban hành hướng dẫn"])])
    [btg] = parent.assignments
    assert btg.unit_code == "AB.TU.BTGDV"  # the board in force today
    intake = from_document(parse_file(SEEDS / "000_cb2ba15afe6d27db.txt"))
    assert intake.implements == ("70-KH/TU",)
    child = views.track_intake(views.Tracker(tracker.engine), admin, intake, "AB.TU.BTGDV", None, "document", 1)
    with tracker.engine.connect() as conn:
        plan = store.get_plan(conn, child.plan_id)
    assert plan["parent_plan_id"] == parent.plan_id
    assert child.assignments and all(a.parent_id == btg.id for a in child.assignments)
    # A board issues for its committee's whole subtree: the press and the departments are matched too.
    assert {"AB.TU.BTC", "AB.SKHCN", "AB.SVHTTDL"} <= {a.unit_code for a in child.assignments}
