"""The organisation tree as data: units, levels and their validity over time.

Levels and units change (the district level ended on 2025-06-30, provinces
merged), so nothing here is a constant of the code: a `LevelPreset` lists the
levels of one structure with its validity, a `Unit` carries its own validity
and its successors, and every question about the tree is asked "on a date".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from thongsuot.domain.level import Level

K = TypeVar("K", bound=Hashable)


class UnitKind(StrEnum):
    """What kind of body a unit is (drives duties matching and report forms)."""

    PARTY_COMMITTEE = "party_committee"  # Tỉnh ủy, Đảng ủy xã, Đảng ủy cơ sở
    COMMISSION = "commission"  # Ban Tuyên giáo và Dân vận, Ban Tổ chức, Văn phòng, UBKT
    STATE_AGENCY = "state_agency"  # UBND, Sở, phòng, trung tâm
    PRESS = "press"  # báo, đài phát thanh - truyền hình
    FRONT_MASS_ORG = "front_mass_org"  # Mặt trận Tổ quốc, đoàn thể
    GRASSROOTS_PARTY_ORG = "grassroots_party_org"  # tổ chức cơ sở đảng
    PARTY_CELL = "party_cell"  # chi bộ


@dataclass(frozen=True)
class LevelPreset:
    """The levels of one administrative structure, valid over a date range, top first."""

    code: str  # pre_2025 | current
    name: str
    levels: tuple[Level, ...]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def level(self, code: str) -> Level | None:
        """The level `code` if it exists in this structure."""
        try:
            level = Level(code)
        except ValueError:
            return None
        return level if level in self.levels else None

    def rank(self, level: str) -> int | None:
        """0 for the top level of this structure, growing downwards; None if absent."""
        found = self.level(level)
        return self.levels.index(found) if found is not None else None

    def above(self, level: str) -> Level | None:
        """The level right above `level` in this structure (None at the top or if absent)."""
        rank = self.rank(level)
        return self.levels[rank - 1] if rank else None

    def is_valid_on(self, day: dt.date) -> bool:
        return _within(day, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class Unit:
    """One body of the tree. `code` is the stable external code used by imports."""

    code: str
    name: str
    kind: UnitKind
    level: str  # a Level value
    parent_code: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None  # inclusive last day; None = still in force
    successor_codes: tuple[str, ...] = ()
    short_name: str | None = None
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def is_valid_on(self, day: dt.date) -> bool:
        return _within(day, self.valid_from, self.valid_to)


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


# --- tree maths over plain parent maps (used by orgs and by storage for the closure table) ---


def find_cycles(parent_of: Mapping[K, K | None]) -> list[K]:
    """Keys that are their own ancestor."""
    bad: list[K] = []
    for start in parent_of:
        node, steps = parent_of.get(start), 0
        while node is not None and steps <= len(parent_of):
            if node == start:
                bad.append(start)
                break
            node, steps = parent_of.get(node), steps + 1
    return bad


def paths(parent_of: Mapping[K, K | None]) -> dict[K, tuple[K, ...]]:
    """Root-to-node key tuples for every node (a materialised path). Assumes no cycles."""
    out: dict[K, tuple[K, ...]] = {}

    def path_of(key: K) -> tuple[K, ...]:
        chain: list[K] = []
        node: K | None = key
        while node is not None and node not in out and node not in chain:  # a cycle stops the walk
            chain.append(node)
            node = parent_of.get(node)
        if node in chain:
            node = None
        base = out[node] if node is not None else ()
        for k in reversed(chain):
            base = (*base, k)
            out[k] = base
        return out[key]

    for key in parent_of:
        path_of(key)
    return out


def closure_pairs(parent_of: Mapping[K, K | None]) -> Iterator[tuple[K, K, int]]:
    """(ancestor, descendant, depth) rows of a closure table, depth 0 = the node itself."""
    for key, path in paths(parent_of).items():
        for depth, anc in enumerate(reversed(path)):
            yield anc, key, depth
