"""Typed loaders for the drafting data: level presets and words, the role map, plan wording.

The files live in `thongsuot/vocab/data/` (levels.toml, role_map.toml,
plan_text.toml, docx_styles.toml). Nothing about levels or bodies is a constant
of the code: an office adjusts the files, the loaders check their shape.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from thongsuot.domain.level import Level
from thongsuot.domain.org import LevelPreset
from thongsuot.errors import InputError


def read_data(name: str) -> dict[str, Any]:
    """A TOML data file of this package, parsed."""
    text = resources.files("thongsuot.vocab").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


def _opt_date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    raise InputError(f"Ngày không hợp lệ ở {where}: {value!r}")


def plain_key(text: str) -> str:
    """Lower case without diacritics (đ -> d), single spaces: how level words are recognised."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", bare.lower()).split())


@dataclass(frozen=True)
class LevelWords:
    """What a document of one level calls itself and its bodies, and how its documents are recognised."""

    code: Level
    name: str
    issuer_code: str
    guidance_issuer_code: str
    party_org: str
    committee: str | None
    state_body: str | None
    words: dict[str, str]
    own_words: tuple[str, ...]
    label: str = ""
    slug: str | None = None
    code_suffixes: tuple[str, ...] = ()
    exact_codes: tuple[str, ...] = ()
    issuer_name_words: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()

    def word(self, key: str) -> str | None:
        return self.words.get(key)


@dataclass(frozen=True)
class Levels:
    presets: tuple[LevelPreset, ...]
    levels: dict[Level, LevelWords]
    not_level_words: tuple[str, ...]

    def preset_on(self, day: dt.date) -> LevelPreset:
        for preset in self.presets:
            if preset.is_valid_on(day):
                return preset
        raise InputError(f"Không có cơ cấu cấp hành chính nào áp dụng cho ngày {day:%d/%m/%Y}.")

    def level(self, code: str) -> LevelWords:
        try:
            return self.levels[Level(code)]
        except (KeyError, ValueError):
            raise InputError(f"Cấp không có trong dữ liệu: {code}") from None

    def level_above(self, code: str, day: dt.date) -> Level | None:
        """The level right above `code` in the structure in force on `day`."""
        preset = self.preset_on(day)
        if preset.level(code) is None:
            raise InputError(f"Cấp {code} không tồn tại vào ngày {day:%d/%m/%Y}.")
        return preset.above(code)


@lru_cache(maxsize=1)
def load_levels() -> Levels:
    data = read_data("levels.toml")
    presets = []
    for p in data.get("preset", []):
        try:
            order = tuple(Level(str(x)) for x in p["levels"])
        except ValueError as e:
            raise InputError(f"levels.toml: {p['code']}: {e}") from None
        presets.append(
            LevelPreset(
                code=str(p["code"]),
                name=str(p["name"]),
                levels=order,
                valid_from=_opt_date(p.get("valid_from"), f"preset {p['code']}"),
                valid_to=_opt_date(p.get("valid_to"), f"preset {p['code']}"),
            )
        )
    levels: dict[Level, LevelWords] = {}
    for code, raw in data.get("level", {}).items():
        try:
            level = Level(code)
        except ValueError:
            raise InputError(f"levels.toml: [level.{code}] không phải một cấp đã biết.") from None
        levels[level] = LevelWords(
            code=level,
            name=str(raw["name"]),
            issuer_code=str(raw["issuer_code"]),
            guidance_issuer_code=str(raw.get("guidance_issuer_code", raw["issuer_code"])),
            party_org=str(raw["party_org"]),
            committee=raw.get("committee"),
            state_body=raw.get("state_body"),
            words={str(k): str(v) for k, v in raw.get("words", {}).items()},
            own_words=tuple(str(w) for w in raw.get("own_words", [])),
            label=str(raw.get("label", raw["name"])),
            slug=raw.get("slug"),
            code_suffixes=tuple(plain_key(c).upper() for c in raw.get("code_suffixes", [])),
            exact_codes=tuple(plain_key(c).upper() for c in raw.get("exact_codes", [])),
            issuer_name_words=tuple(plain_key(w) for w in raw.get("issuer_name_words", [])),
            lacks=tuple(str(w) for w in raw.get("lacks", [])),
        )
    for preset in presets:
        missing = [lv.value for lv in preset.levels if lv not in levels]
        if missing:
            raise InputError(f"levels.toml: cấp {missing} của {preset.code} chưa khai báo.")
    not_words = tuple(str(w) for w in data.get("not_level_words", {}).get("phrases", []))
    return Levels(presets=tuple(presets), levels=levels, not_level_words=not_words)


def preset_on(day: dt.date) -> LevelPreset:
    """The structure in force on `day`."""
    return load_levels().preset_on(day)


def level_label(level: str) -> str:
    """`Tỉnh, thành phố` for province; the code itself when unknown."""
    try:
        return load_levels().levels[Level(level)].label
    except (KeyError, ValueError):
        return level


def level_of_code(issuer_code: str | None) -> Level | None:
    """The level of an issuer code (`TU`, `BTGTU`, `NĐ-CP`, `ĐU12`); None when it does not say.

    A code naming no tier (UBND, BCĐ) says nothing: the same code is used at every level.
    """
    if not issuer_code:
        return None
    code = re.sub(r"\d+$", "", plain_key(issuer_code.split("/")[-1]).upper().replace(" ", "-"))
    last = code.split("-")[-1]
    for level, words in load_levels().levels.items():
        if code in words.exact_codes or last in words.exact_codes:
            return level
    by_length = sorted(
        ((s, lv) for lv, w in load_levels().levels.items() for s in w.code_suffixes), key=lambda t: -len(t[0])
    )
    for suffix, level in by_length:
        if code.replace("-", "").endswith(suffix):
            return level
    return None


def level_of_name(issuer: str | None) -> Level | None:
    """The level named inside an issuer's name (`Đảng ủy phường Hòa Bình`), lowest level first."""
    if not issuer:
        return None
    key = f" {plain_key(issuer)} "
    for level in reversed(Level):
        words = load_levels().levels.get(level)
        if words and any(f" {w} " in key for w in words.issuer_name_words):
            return level
    return None


def level_by_slug(slug: str) -> Level | None:
    """The level a URL names (`tinh`), or a level value itself."""
    for level, words in load_levels().levels.items():
        if slug in (words.slug, level.value):
            return level
    return None


@dataclass(frozen=True)
class RoleBody:
    """The body playing a role at one level over a period; names[0] is printed."""

    level: Level
    names: tuple[str, ...]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @property
    def name(self) -> str:
        return self.names[0]

    def is_valid_on(self, day: dt.date) -> bool:
        return _within(day, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class Role:
    code: str
    label: str
    bodies: tuple[RoleBody, ...]
    in_text: bool = True  # also replace its names in running text

    def body_at(self, level: str, day: dt.date) -> RoleBody | None:
        """The body of this role at `level` in force on `day`, if any."""
        return next((b for b in self.bodies if b.level == level and b.is_valid_on(day)), None)

    def names_at(self, level: str) -> tuple[str, ...]:
        """Every name the role ever had at `level` (upper documents use old names too)."""
        out: list[str] = []
        for body in self.bodies:
            if body.level == level:
                out.extend(n for n in body.names if n not in out)
        return tuple(out)


@lru_cache(maxsize=1)
def load_roles() -> tuple[Role, ...]:
    data = read_data("role_map.toml")
    roles: list[Role] = []
    for raw in data.get("role", []):
        code = str(raw["code"])
        bodies = tuple(
            RoleBody(
                level=Level(str(b["level"])),
                names=tuple(str(n) for n in b["names"]),
                valid_from=_opt_date(b.get("valid_from"), f"role {code}"),
                valid_to=_opt_date(b.get("valid_to"), f"role {code}"),
            )
            for b in raw.get("body", [])
        )
        if any(not b.names for b in bodies):
            raise InputError(f"role_map.toml: vai trò {code} có cơ quan không tên.")
        roles.append(
            Role(
                code=code,
                label=str(raw.get("label", code)),
                bodies=bodies,
                in_text=bool(raw.get("in_text", True)),
            )
        )
    return tuple(roles)


@lru_cache(maxsize=1)
def load_plan_text() -> dict[str, Any]:
    """The fixed wording of plans (plan_text.toml), as nested tables."""
    return read_data("plan_text.toml")


def plan_text(table: str, key: str) -> str:
    value = load_plan_text().get(table, {}).get(key)
    if not isinstance(value, str):
        raise InputError(f"plan_text.toml: thiếu [{table}] {key}.")
    return value


def plan_words(table: str, key: str) -> tuple[str, ...]:
    value = load_plan_text().get(table, {}).get(key, [])
    return tuple(str(v) for v in value)
