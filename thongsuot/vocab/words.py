"""Typed access to words.toml and messages.toml: the Vietnamese words code matches, and what it says.

Parser stages, the storage of documents and the deriver used to hold literal
Vietnamese words and patterns; they live in `vocab/data/words.toml` now, one
table per module, so that a new wording is a data change. A pattern stays a
regular expression, written in the data file as a TOML literal string (no
escapes: what is in the file is what `re` sees). Sentences shown to users
that these modules build live in `vocab/data/messages.toml`.

A missing table or key is a one-line `InputError` naming the file and the key
(in English: it is a fault of the installed data, read by whoever maintains it),
not a `KeyError` deep inside a parser.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from thongsuot.errors import InputError


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("thongsuot.vocab").joinpath("data", name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class WordTable:
    """One module's table of words.toml."""

    section: str
    data: dict[str, Any]

    def _get(self, key: str, kind: type | tuple[type, ...]) -> Any:
        if key not in self.data:
            raise InputError(f"words.toml [{self.section}]: missing key {key}")
        value = self.data[key]
        if not isinstance(value, kind):
            raise InputError(f"words.toml [{self.section}].{key}: wrong type")
        return value

    def word(self, key: str) -> str:
        """One word or phrase, as printed."""
        return str(self._get(key, str))

    def words(self, key: str) -> tuple[str, ...]:
        """A list of words, in the file's order."""
        value = self._get(key, list)
        if not all(isinstance(w, str) for w in value):
            raise InputError(f"words.toml [{self.section}].{key}: a list of strings is expected")
        return tuple(value)

    def groups(self, key: str) -> dict[str, tuple[str, ...]]:
        """A table of word -> words."""
        value = self._get(key, dict)
        return {k: tuple(v) for k, v in value.items()}

    def alternation(self, key: str) -> str:
        """The list as a regex alternation, in the file's order (words are regex-safe as written)."""
        return "|".join(self.words(key))

    def pattern(self, key: str, flags: int = 0) -> re.Pattern[str]:
        """A regular expression written in the file."""
        return re.compile(self.word(key), flags)


@cache
def load_words(section: str) -> WordTable:
    """The words of one module (a table of words.toml), e.g. `load_words("names")`."""
    data = _read("words.toml")
    if section not in data:
        raise InputError(f"words.toml: missing table [{section}]")
    return WordTable(section, data[section])


@lru_cache(maxsize=1)
def _messages() -> dict[str, Any]:
    return _read("messages.toml")


def message(key: str, **values: Any) -> str:
    """A user-facing sentence of messages.toml (`"section.key"`), with `{name}` fields filled in."""
    section, _, name = key.partition(".")
    table = _messages().get(section, {})
    if name not in table:
        raise InputError(f"messages.toml: missing key {key}")
    return str(table[name]).format(**values)
