"""Typed loaders for the tracking vocabulary: channels, quantity units, level presets, demo province.

The data lives in TOML files beside this module (vocab/data); nothing here
knows a channel or a unit by name.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from thongsuot.domain.level import Level
from thongsuot.domain.org import LevelPreset, Unit, UnitKind
from thongsuot.vocab.levels import load_levels


@dataclass(frozen=True)
class ChannelGroup:
    code: str
    name: str


@dataclass(frozen=True)
class Channel:
    code: str
    name: str
    group: str
    aliases: tuple[str, ...] = ()
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuantityUnit:
    code: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChannelVocab:
    groups: tuple[ChannelGroup, ...]
    channels: tuple[Channel, ...]
    quantity_units: tuple[QuantityUnit, ...]

    def channel(self, code: str) -> Channel | None:
        return next((c for c in self.channels if c.code == code), None)

    def quantity_unit(self, code: str) -> QuantityUnit | None:
        return next((u for u in self.quantity_units if u.code == code), None)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: str
    unit: str


@dataclass(frozen=True)
class DemoProvince:
    code: str
    name: str
    units: tuple[Unit, ...]
    accounts: tuple[DemoAccount, ...]


def _load(name: str) -> dict[str, Any]:
    with resources.files("thongsuot.vocab").joinpath("data", name).open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def channel_vocab() -> ChannelVocab:
    raw = _load("channels.toml")
    return ChannelVocab(
        groups=tuple(ChannelGroup(g["code"], g["name"]) for g in raw.get("group", [])),
        channels=tuple(
            Channel(c["code"], c["name"], c["group"], tuple(c.get("aliases", ())), tuple(c.get("units", ())))
            for c in raw.get("channel", [])
        ),
        quantity_units=tuple(
            QuantityUnit(u["code"], u["name"], tuple(u.get("aliases", ()))) for u in raw.get("quantity_unit", [])
        ),
    )


def level_presets() -> tuple[LevelPreset, ...]:
    """The dated structures of levels (one source: vocab/data/levels.toml)."""
    return load_levels().presets


def preset_on(day: dt.date) -> LevelPreset:
    """The structure in force on `day` (the last preset if none matches)."""
    presets = level_presets()
    return next((p for p in presets if p.is_valid_on(day)), presets[-1])


@lru_cache(maxsize=1)
def kind_words() -> tuple[tuple[UnitKind, tuple[str, ...]], ...]:
    """(kind, words) in the file's order: the first kind whose word appears in a name wins."""
    raw = _load("org_levels.toml").get("kind_words", {})
    return tuple((UnitKind(k), tuple(v)) for k, v in raw.items())


@lru_cache(maxsize=1)
def body_name_forms() -> tuple[tuple[str, str], ...]:
    """(organisation words, committee words): "đảng bộ tỉnh" names the body headed by "tỉnh ủy"."""
    pairs = _load("org_levels.toml").get("body_names", {}).get("pairs", [])
    return tuple((str(a), str(b)) for a, b in pairs)


@lru_cache(maxsize=1)
def place_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(body words, area words) taken off a committee's name to leave its place (org_levels.toml)."""
    raw = _load("org_levels.toml").get("place_words", {})
    return tuple(raw.get("bodies", [])), tuple(raw.get("areas", []))


def place_of(body_name: str) -> str | None:
    """"Tỉnh ủy An Bình" -> "An Bình", "Đảng ủy xã Đông Hòa" -> "Đông Hòa"; None when no body word leads."""
    bodies, areas = place_words()
    rest = body_name.strip()
    for word in bodies:
        if rest.casefold().startswith(word.casefold() + " "):
            rest = rest[len(word):].strip()
            break
    else:
        return None
    for word in areas:
        if rest.casefold().startswith(word.casefold() + " "):
            rest = rest[len(word):].strip()
            break
    return rest or None


def _unit(entry: dict[str, Any], **defaults: Any) -> Unit:
    merged = {**defaults, **entry}
    return Unit(
        code=merged["code"],
        name=merged["name"],
        kind=UnitKind(merged["kind"]),
        level=merged["level"],
        parent_code=merged.get("parent"),
        valid_from=merged.get("valid_from"),
        valid_to=merged.get("valid_to"),
        successor_codes=tuple(merged.get("successors", ())),
        short_name=merged.get("short_name"),
        aliases=tuple(merged.get("aliases", ())),
    )


@lru_cache(maxsize=1)
def demo_province() -> DemoProvince:
    """Expand the demo province file: explicit province units, district and commune templates."""
    raw = _load("demo_province.toml")
    root = raw["unit"][0]["code"]
    units = [_unit(u) for u in raw["unit"]]
    dtpl = raw["district_template"]
    for d in raw.get("district", []):
        place = d.get("place", d["name"])
        units.append(
            _unit({"code": d["code"], "name": d["name"], "kind": "party_committee", "level": Level.DISTRICT,
                   "parent": root, "valid_to": dtpl["valid_to"], "successors": d.get("successors", [])})
        )
        for t in dtpl["units"]:
            units.append(
                _unit({"code": f"{d['code']}.{t['suffix']}", "name": t["name"].format(name=d["name"], place=place),
                       "kind": t["kind"], "level": Level.DISTRICT, "parent": d["code"], "valid_to": dtpl["valid_to"]})
            )
    ctpl = raw["commune_template"]
    for c in raw.get("commune", []):
        du = f"{c['code']}.DU"
        name = c["name"]
        units.append(
            _unit({"code": du, "name": f"Đảng ủy {name}", "kind": "party_committee", "level": Level.COMMUNE,
                   "parent": root, "valid_from": ctpl["valid_from"],
                   "aliases": [f"Đảng ủy {name.split(' ', 1)[0]}", name.capitalize()]})
        )
        for t in ctpl["units"]:
            units.append(
                _unit({"code": f"{c['code']}.{t['suffix']}", "name": t["name"].format(name=name), "kind": t["kind"],
                       "level": Level.COMMUNE, "parent": du, "valid_from": ctpl["valid_from"]})
            )
        for i, gname in enumerate(c.get("grassroots", []), start=1):
            kind = "party_cell" if gname.lower().startswith("chi bộ") else "grassroots_party_org"
            units.append(
                _unit({"code": f"{c['code']}.CS{i:02d}", "name": f"{gname} ({name})", "kind": kind,
                       "level": Level.GRASSROOTS, "parent": du, "valid_from": ctpl["valid_from"]})
            )
    # District successor links point at communes' party committees.
    by_code = {u.code for u in units}
    fixed = []
    for u in units:
        succ = tuple(s if s in by_code else f"{s}.DU" for s in u.successor_codes)
        fixed.append(replace(u, successor_codes=succ))
    accounts = tuple(DemoAccount(**a) for a in raw.get("account", []))
    return DemoProvince(raw["province"]["code"], raw["province"]["name"], tuple(fixed), accounts)
