"""The organisation at a date (vocab/data/org_history.toml): provinces, mergers, unit words, sources.

Drafting must never print a body that does not exist on the plan's date: a
commune plan of September 2025 answers to the province that absorbed its old
one (Sóc Trăng -> thành phố Cần Thơ), not to a district that ended on 30 June.
The facts are data with the document that decided each; this module only reads them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from thongsuot.domain.level import Level
from thongsuot.errors import InputError
from thongsuot.vocab.levels import plain_key, read_data


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city over a period; `absorbed` = former provinces merged into it."""

    name: str  # Cần Thơ
    kind: str  # tỉnh | thành phố
    absorbed: tuple[str, ...] = ()  # "tỉnh Sóc Trăng"
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    successor: str | None = None  # the province that absorbed this one (its name)
    source: str | None = None  # the deciding document, as cited

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class Fact:
    what: str
    since: dt.date
    sources: tuple[str, ...]  # citations


@dataclass(frozen=True)
class OrgHistory:
    provinces: tuple[Province, ...]
    facts: tuple[Fact, ...]
    party_words: dict[str, tuple[str, str]]  # unit word -> (organisation, committee)
    unit_words: dict[str, tuple[str, ...]]
    reform_day: dt.date
    blank: str

    def provinces_on(self, day: dt.date) -> tuple[Province, ...]:
        return tuple(p for p in self.provinces if p.is_valid_on(day))

    def province_on(self, name: str, day: dt.date) -> Province | None:
        """The province in force on `day` for `name`, following mergers (`Sóc Trăng` -> Cần Thơ)."""
        key = _province_key(name)
        found = next((p for p in self.provinces if _province_key(p.name) == key and p.is_valid_on(day)), None)
        if found is not None:
            return found
        former = next((p for p in self.provinces if _province_key(p.name) == key), None)
        seen = 0
        while former is not None and not former.is_valid_on(day) and former.successor and seen < 5:
            succ = former.successor
            former = next((p for p in self.provinces if p.name == succ and p.is_valid_on(day)), None)
            seen += 1
        return former if former is not None and former.is_valid_on(day) else None

    def commune_words(self, day: dt.date) -> tuple[str, ...]:
        return self.unit_words["commune_after" if day >= self.reform_day else "commune_before"]

    def words_of(self, level: Level, day: dt.date) -> tuple[str, ...]:
        """The unit words of a level on a day (`xã`, `phường`, `đặc khu` for a commune after the reform)."""
        if level is Level.COMMUNE:
            return self.commune_words(day)
        return self.unit_words.get(level.value, ())

    def organisation(self, word: str, name: str | None) -> str:
        """`Đảng bộ thành phố Cần Thơ`; with a visible blank when the name is unknown."""
        org = self.party_words[word][0] if word in self.party_words else f"Đảng bộ {word}"
        return f"{org} {name or self.blank}"

    def committee(self, word: str, name: str | None) -> str:
        """`Thành ủy Cần Thơ`, `Đảng ủy phường Hòa Bình`."""
        com = self.party_words[word][1] if word in self.party_words else f"Đảng ủy {word}"
        return f"{com} {name or self.blank}"


def _province_key(name: str) -> str:
    key = plain_key(name)
    for prefix in ("thanh pho ", "tp ", "tinh "):
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    raise InputError(f"org_history.toml: ngày không hợp lệ ở {where}: {value!r}")


@lru_cache(maxsize=1)
def load_history() -> OrgHistory:
    data = read_data("org_history.toml")
    sources = {k: str(v["cite"]) for k, v in data.get("source", {}).items()}

    def cite(key: str, where: str) -> str:
        if key not in sources:
            raise InputError(f"org_history.toml: {where} dẫn nguồn {key} chưa khai báo ở [source].")
        return sources[key]

    change = data["province_change"]
    day = _date(change["from"], "province_change")
    decided = cite(str(change["source"]), "province_change")
    provinces: list[Province] = []
    for raw in data.get("province", []):
        absorbed = tuple(str(a) for a in raw.get("absorbed", []))
        name, kind = str(raw["name"]), str(raw["kind"])
        provinces.append(Province(name, kind, absorbed, source=decided))
        for former in absorbed:
            f_kind, f_name = _split_kind(former)
            provinces.append(
                Province(f_name, f_kind, valid_to=day - dt.timedelta(days=1), successor=name, source=decided)
            )
    facts = tuple(
        Fact(str(f["what"]), _date(f["from"], "fact"), tuple(cite(s, "fact") for s in f["sources"]))
        for f in data.get("fact", [])
    )
    party = {str(k): (str(v["organisation"]), str(v["committee"])) for k, v in data["party_words"].items()}
    words = {str(k): tuple(str(w) for w in v) for k, v in data["unit_words"].items()}
    return OrgHistory(tuple(provinces), facts, party, words, day, str(data["blank"]["name"]))


def _split_kind(full: str) -> tuple[str, str]:
    for kind in ("thành phố", "tỉnh"):
        if full.startswith(kind + " "):
            return kind, full[len(kind) + 1 :]
    raise InputError(f"org_history.toml: “{full}” phải bắt đầu bằng “tỉnh” hoặc “thành phố”.")
