"""Typed access to headings.toml: the Vietnamese words the parser stages match.

Headings, type words, closing words and duty verbs change with provinces and
years; keeping them as data means a new wording is a data change. Values are
returned as printed; the parser folds them (parsing.normalise.fold) itself,
since vocab sits below parsing and cannot import it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class RoleSynonyms:
    role: str  # a thongsuot.domain.document.SectionRole value
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class Headings:
    type_words: tuple[str, ...]
    part_words: tuple[str, ...]
    header_fixed: tuple[str, ...]
    part_subtitle_openings: tuple[str, ...]
    attachment_note_openings: tuple[str, ...]
    attachment_note_ends: tuple[str, ...]
    opening_words: tuple[str, ...]
    issuing_verbs: tuple[str, ...]
    body_words: tuple[str, ...]
    duty_verbs: tuple[str, ...]
    noun_heads: tuple[str, ...]
    unit_prefixes: tuple[str, ...]
    time_openings: tuple[str, ...]
    duty_section_headings: tuple[str, ...]
    closing_recipients: tuple[str, ...]
    signed_marks: tuple[str, ...]
    authority_prefixes: tuple[str, ...]
    acting_prefixes: tuple[str, ...]
    position_words: tuple[str, ...]
    standing_bodies: tuple[str, ...]
    recipient_purposes: dict[str, str]
    roman_ocr: dict[str, str]  # a letter OCR reads in a Roman marker -> the numeral's letters
    name_vowel_ocr: dict[str, str]  # a vowel OCR reads in a name -> the vowel it stands for
    parent_suffix: dict[str, str]
    place_levels: tuple[str, ...]
    name_case: tuple[str, ...]
    acronyms: tuple[str, ...]
    roles: tuple[RoleSynonyms, ...]


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"headings.toml: {key} must be a list of strings")
    return tuple(value)


def _mapping(data: dict[str, Any], key: str) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"headings.toml: {key} must be a table")
    return {str(k): str(v) for k, v in value.items()}


@lru_cache(maxsize=1)
def load_headings() -> Headings:
    """Read and check headings.toml once per process."""
    raw = resources.files("thongsuot.vocab").joinpath("data/headings.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    roles = tuple(
        RoleSynonyms(role=str(r["role"]), synonyms=_strings(r, "synonyms")) for r in data.get("role", [])
    )
    return Headings(
        type_words=_strings(data, "type_words"),
        part_words=_strings(data, "part_words"),
        header_fixed=_strings(data, "header_fixed"),
        part_subtitle_openings=_strings(data, "part_subtitle_openings"),
        attachment_note_openings=_strings(data, "attachment_note_openings"),
        attachment_note_ends=_strings(data, "attachment_note_ends"),
        opening_words=_strings(data, "opening_words"),
        issuing_verbs=_strings(data, "issuing_verbs"),
        body_words=_strings(data, "body_words"),
        duty_verbs=_strings(data, "duty_verbs"),
        noun_heads=_strings(data, "noun_heads"),
        unit_prefixes=_strings(data, "unit_prefixes"),
        time_openings=_strings(data, "time_openings"),
        duty_section_headings=_strings(data, "duty_section_headings"),
        closing_recipients=_strings(data, "closing_recipients"),
        signed_marks=_strings(data, "signed_marks"),
        authority_prefixes=_strings(data, "authority_prefixes"),
        acting_prefixes=_strings(data, "acting_prefixes"),
        position_words=_strings(data, "position_words"),
        standing_bodies=_strings(data, "standing_bodies"),
        recipient_purposes=_mapping(data, "recipient_purposes"),
        roman_ocr=_mapping(data, "roman_ocr"),
        name_vowel_ocr=_mapping(data, "name_vowel_ocr"),
        parent_suffix=_mapping(data, "parent_suffix"),
        place_levels=_strings(data.get("place_levels", {}), "words"),
        name_case=_strings(data.get("name_case", {}), "phrases"),
        acronyms=_strings(data.get("name_case", {}), "acronyms"),
        roles=roles,
    )
