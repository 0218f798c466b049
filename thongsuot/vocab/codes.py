"""Typed access to codes.toml: type codes, issuer codes, citation vocabulary.

The citation parser reads every Vietnamese word it matches from here, so a
new issuer code, kind word or OCR fault is a data change, not a code change.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class KindWord:
    """A citation kind word ("Nghị quyết") and the regex that finds it in text."""

    kind: str
    pattern: str


@dataclass(frozen=True)
class IssuerRewrite:
    pattern: re.Pattern[str]
    replace: str


@dataclass(frozen=True)
class Codes:
    types: dict[str, tuple[str, ...]]  # type code -> kind words (first = default)
    issuers: dict[str, str]  # issuer code -> body name
    issuer_from_code: dict[str, str]  # codes that name exactly one body
    type_repairs: dict[str, str]
    issuer_repairs: dict[str, str]
    kinds: tuple[KindWord, ...]
    number_word: str
    opening_words: tuple[str, ...]
    chain_words: tuple[str, ...]
    attachment_words: tuple[str, ...]
    abbreviation_words: tuple[str, ...]
    issuer_stop_words: tuple[str, ...]
    issuer_heads: tuple[str, ...]
    issuer_max_words: int
    issuer_rewrites: tuple[IssuerRewrite, ...]
    party_issuer_endings: tuple[str, ...] = ()
    digit_repairs: dict[str, str] = field(default_factory=dict)  # OCR letter -> the digit it stands for
    numbered_codes: dict[str, int] = field(default_factory=dict)  # code -> digits of the number ending it

    def is_party_issuer(self, code: str) -> bool:
        """Whether an issuer code names a Party body (`TW`, `TU`, `BTGThU`, `ĐU`)."""
        return any(code.endswith(e) for e in self.party_issuer_endings)

    def default_kind(self, type_code: str | None) -> str | None:
        """The usual kind word of a type code (`NQ` -> `Nghị quyết`)."""
        if type_code is None:
            return None
        words = self.types.get(type_code)
        return words[0] if words else None


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


@lru_cache(maxsize=1)
def load_codes() -> Codes:
    """Load and type-check codes.toml once per process."""
    raw = tomllib.loads(resources.files("thongsuot.vocab").joinpath("data/codes.toml").read_text("utf-8"))
    citation = raw.get("citation", {})
    issuer = raw.get("issuer", {})
    repairs = raw.get("symbol_repairs", {})
    return Codes(
        types={str(k): _strings(v.get("kinds")) for k, v in raw.get("types", {}).items()},
        issuers={str(k): str(v) for k, v in raw.get("issuers", {}).items()},
        issuer_from_code={str(k): str(v) for k, v in raw.get("issuer_from_code", {}).items()},
        type_repairs={str(k): str(v) for k, v in repairs.get("type", {}).items()},
        issuer_repairs={str(k): str(v) for k, v in repairs.get("issuer", {}).items()},
        kinds=tuple(KindWord(str(k["kind"]), str(k["pattern"])) for k in citation.get("kinds", ())),
        number_word=str(citation.get("number_word", "số")),
        opening_words=_strings(citation.get("opening_words")),
        chain_words=_strings(citation.get("chain_words")),
        attachment_words=_strings(citation.get("attachment_words")),
        abbreviation_words=_strings(citation.get("abbreviation_words")),
        issuer_stop_words=_strings(issuer.get("stop_words")),
        issuer_heads=_strings(issuer.get("heads")),
        issuer_max_words=int(issuer.get("max_words", 14)),
        party_issuer_endings=_strings(raw.get("party_issuer_endings")),
        digit_repairs={str(k): str(v) for k, v in repairs.get("digits", {}).items()},
        numbered_codes={str(k): int(v) for k, v in repairs.get("numbered_codes", {}).items()},
        issuer_rewrites=tuple(
            IssuerRewrite(re.compile(str(r["pattern"])), str(r.get("replace", "")))
            for r in issuer.get("rewrite", ())
        ),
    )
