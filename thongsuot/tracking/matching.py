"""Match the unit names of an implementation section to units of the tree.

Order: exact match on a folded name, short name or alias; then a collective
name ("Các đảng ủy xã, phường", "các chi bộ") expands to every unit of the
named kind below the issuer; then fuzzy matching (rapidfuzz) above a threshold.
What is left is returned as unmatched, for the user to match by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from thongsuot.domain.level import Level
from thongsuot.domain.org import Unit, UnitKind
from thongsuot.orgs.history import subtree
from thongsuot.parsing.normalise import fold
from thongsuot.vocab.tracking_data import kind_words

FUZZY_THRESHOLD = 86.0
COLLECTIVE = re.compile(r"^(cac|nhung|toan the)\b")


@dataclass(frozen=True)
class Match:
    name: str  # as printed in the plan
    units: tuple[Unit, ...]  # empty when unmatched
    how: str  # exact | collective | fuzzy | parts | none
    score: float = 0.0
    missing: tuple[str, ...] = ()  # parts of a list name ("Báo X, Đài Y") that matched nothing

    @property
    def complete(self) -> bool:
        return bool(self.units) and not self.missing


def key(text: str) -> str:
    """Folded, no diacritics, no punctuation: the key names are compared on."""
    return " ".join(re.sub(r"[^0-9a-z ]+", " ", fold(text, diacritics=False)).split())


def _rank(level: str) -> int:
    try:
        return Level(level).depth
    except ValueError:
        return 99


def _kinds_named(name_key: str) -> set[UnitKind]:
    found: set[UnitKind] = set()
    for kind, words in kind_words():
        if any(re.search(rf"\b{re.escape(key(w))}\b", name_key) for w in words):
            found.add(kind)
    return found


def candidates(units: Iterable[Unit], issuer_code: str | None, on: dt.date | None) -> list[Unit]:
    """Units a plan of `issuer_code` can assign, in force on `on`.

    A board of a committee (Ban Tuyên giáo Tỉnh ủy) assigns across its committee's
    whole subtree, so the pool is rooted at the nearest same-level party committee.
    """
    pool = list(units)
    index = {u.code: u for u in pool}
    root = index.get(issuer_code) if issuer_code else None
    while (root is not None and root.kind is not UnitKind.PARTY_COMMITTEE and root.parent_code in index
           and index[root.parent_code].level == root.level):
        root = index[root.parent_code]
    if root is not None:
        return subtree(root.code, pool, on)
    return [u for u in pool if on is None or u.is_valid_on(on)]


def match_names(
    names: Sequence[str],
    units: Sequence[Unit],
    issuer_code: str | None = None,
    on: dt.date | None = None,
    threshold: float = FUZZY_THRESHOLD,
) -> list[Match]:
    on = on or dt.date.today()  # an undated (or OCR-damaged) plan is tracked with today's units
    pool = candidates(units, issuer_code, on)
    issuer = next((u for u in pool if u.code == issuer_code), None)
    by_key: dict[str, list[Unit]] = {}
    choices: dict[int, str] = {}
    owners: list[Unit] = []
    for u in pool:
        for label in (u.name, u.short_name, *u.aliases):
            if label:
                by_key.setdefault(key(label), []).append(u)
                choices[len(owners)] = key(label)
                owners.append(u)
    def one(name: str) -> Match:
        k = key(name)
        exact = _unique(by_key.get(k, []))
        if exact:
            return Match(name, tuple(exact), "exact", 100.0)
        if COLLECTIVE.match(k):
            kinds = _kinds_named(k)
            floor = _rank(issuer.level) if issuer else -1
            group = [u for u in pool if u.kind in kinds and _rank(u.level) > floor and u is not issuer]
            if group:
                top = min(_rank(u.level) for u in group)
                return Match(name, tuple(u for u in group if _rank(u.level) == top), "collective", 100.0)
        best = process.extractOne(k, choices, scorer=fuzz.token_sort_ratio, score_cutoff=threshold)
        if best is not None:
            return Match(name, (owners[best[2]],), "fuzzy", float(best[1]))
        return Match(name, (), "none", 0.0)

    out: list[Match] = []
    for name in names:
        m = one(name)
        parts = [p.strip() for p in re.split(r"[,;]", name) if p.strip()]
        if m.units or len(parts) < 2:
            out.append(m)
            continue
        # A list of bodies in one item: "Báo Sóc Trăng, Đài Phát thanh và Truyền hình Sóc Trăng".
        found: list[Match] = []
        missing: list[str] = []
        i = 0
        while i < len(parts):  # longest run of parts that names a unit ("Sở Văn hóa, Thể thao và Du lịch")
            for j in range(len(parts), i, -1):
                part = one(", ".join(parts[i:j]))
                if part.units:
                    found.append(part)
                    i = j
                    break
            else:
                missing.append(parts[i])
                i += 1
        units_found = _unique([u for f in found for u in f.units])
        out.append(Match(name, tuple(units_found), "parts" if units_found else "none",
                         min((f.score for f in found), default=0.0), tuple(missing)))
    return out


def _unique(units: Sequence[Unit]) -> list[Unit]:
    seen: dict[str, Unit] = {}
    for u in units:
        seen.setdefault(u.code, u)
    return list(seen.values())


def index_of(units: Iterable[Unit]) -> Mapping[str, Unit]:
    return {u.code: u for u in units}
