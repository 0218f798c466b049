"""The tree over time: successors of abolished districts, subtrees on a date, paths and closure."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from thongsuot.orgs import history
from thongsuot.vocab.tracking_data import demo_province, preset_on

UNITS = demo_province().units
INDEX = history.by_code(UNITS)


def test_demo_province_shape() -> None:
    assert history.tree_problems(UNITS) == []
    communes = [u for u in UNITS if u.level == "commune" and u.kind == "party_committee"]
    assert len(communes) == 12
    for c in communes:
        grassroots = [u for u in UNITS if u.parent_code == c.code and u.level == "grassroots"]
        boards = [u for u in UNITS if u.parent_code == c.code and u.level == "commune"]
        assert 5 <= len(grassroots) <= 8
        assert boards
    kinds = {u.kind for u in UNITS if u.level == "province"}
    assert {"party_committee", "commission", "state_agency", "press", "front_mass_org"} <= kinds


def test_levels_are_dated_presets() -> None:
    old, new = preset_on(dt.date(2023, 5, 1)), preset_on(dt.date(2025, 7, 1))
    assert old.level("district") is not None
    assert new.level("district") is None


def test_district_successors_and_validity() -> None:
    district = next(u for u in UNITS if u.level == "district" and u.kind == "party_committee")
    assert district.is_valid_on(dt.date(2023, 1, 1)) and not district.is_valid_on(dt.date(2025, 7, 1))
    succ = history.successors_on(district.code, dt.date(2025, 8, 1), INDEX)
    assert succ and all(s.level == "commune" and s.is_valid_on(dt.date(2025, 8, 1)) for s in succ)
    assert district in history.predecessors(succ[0].code, INDEX)
    # On a day it is in force, a unit is its own successor.
    assert history.successors_on(district.code, dt.date(2024, 1, 1), INDEX) == [district]


def test_subtree_on_a_date_drops_units_out_of_force() -> None:
    root = UNITS[0].code
    in_2023 = {u.code for u in history.subtree(root, UNITS, dt.date(2023, 1, 1))}
    in_2025 = {u.code for u in history.subtree(root, UNITS, dt.date(2025, 8, 1))}
    assert any(INDEX[c].level == "district" for c in in_2023)
    assert not any(INDEX[c].level == "district" for c in in_2025)
    assert len(history.subtree(root, UNITS)) == len(UNITS)


parent_maps = st.integers(min_value=1, max_value=40).flatmap(
    lambda n: st.tuples(*[st.integers(min_value=0, max_value=max(i - 1, 0)) for i in range(n)])
)


@given(parent_maps)
def test_paths_and_closure_agree_with_walking_up(parents: tuple[int, ...]) -> None:
    parent_of: dict[int, int | None] = {i: (p if i > 0 else None) for i, p in enumerate(parents)}
    paths = history.paths(parent_of)
    pairs = set(history.closure_pairs(parent_of))
    for node in parent_of:
        chain, cur = [], node
        while cur is not None:
            chain.append(cur)
            cur = parent_of[cur]
        assert paths[node] == tuple(reversed(chain))
        for depth, anc in enumerate(chain):
            assert (anc, node, depth) in pairs
    assert len(pairs) == sum(len(p) for p in paths.values())
    assert history.find_cycles(parent_of) == []
