"""Typed access to warnings.toml: the Vietnamese sentence for each parser warning code.

The parser says what went wrong as a code plus params; officers read the
sentence made here, so no English phrase or exception name reaches a page.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from thongsuot.domain.document import ParseWarning, Span

UNKNOWN = "_unknown"


@dataclass(frozen=True)
class WarningText:
    text: str
    generic: str | None = None


@lru_cache(maxsize=1)
def load_warning_texts() -> dict[str, WarningText]:
    raw = tomllib.loads(resources.files("thongsuot.vocab").joinpath("data/warnings.toml").read_text("utf-8"))
    return {code: WarningText(str(v["text"]), v.get("generic")) for code, v in raw.items()}


def warning_text(code: str, params: Mapping[str, object] | None = None) -> str:
    """The sentence for `code` with `params` filled in; the generic sentence when a param is missing."""
    table = load_warning_texts()
    entry = table.get(code) or table[UNKNOWN]
    try:
        return entry.text.format(**dict(params or {}))
    except (KeyError, IndexError, ValueError):
        return entry.generic or table[UNKNOWN].text


def make_warning(code: str, span: Span | None = None, **params: object) -> ParseWarning:
    """A warning whose message is the Vietnamese sentence for `code`; params kept as strings."""
    kept = {k: str(v) for k, v in params.items() if v is not None}
    return ParseWarning(code, warning_text(code, kept), span, kept)
