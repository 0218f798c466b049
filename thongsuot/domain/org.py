"""The organisation tree as data: units, levels and their validity over time.

Levels and units change (the district level ended on 2025-06-30, provinces
merged), so nothing here is a constant of the code: a `LevelPreset` lists the
levels of one structure with its validity, a `Unit` carries its own validity
and its successors, and every question about the tree is asked "on a date".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


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
class Level:
    """One level of a structure: `province`, rank 1 (centre is 0)."""

    code: str
    name: str
    rank: int


@dataclass(frozen=True)
class LevelPreset:
    """The levels of one administrative structure, valid over a date range."""

    code: str  # pre_2025 | current
    name: str
    levels: tuple[Level, ...]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def level(self, code: str) -> Level | None:
        return next((lv for lv in self.levels if lv.code == code), None)

    def is_valid_on(self, day: dt.date) -> bool:
        return _within(day, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class Unit:
    """One body of the tree. `code` is the stable external code used by imports."""

    code: str
    name: str
    kind: UnitKind
    level: str  # a Level.code
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
