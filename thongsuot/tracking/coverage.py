"""Coverage matrix: the plan's focal and regular topics × units, and what nobody covered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Topic:
    key: str  # "1.2"
    title: str
    focal: bool = False


@dataclass(frozen=True)
class CoverageMatrix:
    topics: tuple[Topic, ...]
    units: tuple[tuple[str, str], ...]  # (code, name)
    counts: Mapping[tuple[str, str], int]  # (unit, topic) -> activities in the unit's subtree

    def count(self, unit: str, topic: str) -> int:
        return self.counts.get((unit, topic), 0)

    def uncovered_topics(self) -> list[Topic]:
        """Topics with no activity in any unit."""
        return [t for t in self.topics if not any(self.count(u, t.key) for u, _ in self.units)]

    def gaps(self) -> list[tuple[str, str, list[Topic]]]:
        """(unit code, name, focal topics it has not covered) for units missing any focal topic."""
        out = []
        for code, name in self.units:
            missing = [t for t in self.topics if t.focal and not self.count(code, t.key)]
            if missing:
                out.append((code, name, missing))
        return out


def topics_of(plan: Mapping[str, Any]) -> tuple[Topic, ...]:
    return tuple(Topic(str(t["key"]), str(t.get("title", "")), bool(t.get("focal", False)))
                 for t in plan.get("topics", []))


def build(topics: Sequence[Topic], units: Sequence[tuple[str, str]],
          counts: Mapping[tuple[str, str], int]) -> CoverageMatrix:
    return CoverageMatrix(tuple(topics), tuple(units), dict(counts))
