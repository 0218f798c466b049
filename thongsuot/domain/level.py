"""The one Level: the tiers of the Party/State organisation, one code set everywhere.

Which tiers exist changes over time (the district tier ended on 2025-06-30),
so a Level says nothing about dates: `vocab.levels.preset_on(day)` lists the
levels in force on a day, and vocab/data/levels.toml holds their words, issuer
codes and labels. Stored documents (`documents.level`), the org tree, drafting,
the library filter and the lineage graph all use these values.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """A tier, from the centre down; the enum's order is the tiers' order."""

    CENTRAL = "central"  # Trung ương
    PROVINCE = "province"  # tỉnh, thành phố trực thuộc Trung ương
    DISTRICT = "district"  # huyện, quận, thị xã, thành phố thuộc tỉnh (until 2025-06-30)
    COMMUNE = "commune"  # xã, phường, thị trấn; xã, phường, đặc khu since 2025-07-01
    GRASSROOTS = "grassroots"  # tổ chức cơ sở đảng, chi bộ

    @classmethod
    def _missing_(cls, value: object) -> Level | None:
        # "centre" was the drafting code before one code set existed (plans stored then)
        return cls.CENTRAL if value == "centre" else None

    @property
    def depth(self) -> int:
        """0 for the centre, growing downwards (compare tiers with this, never with names)."""
        return list(Level).index(self)

    def is_above(self, other: Level) -> bool:
        return self.depth < other.depth
