"""Pure helpers that turn document fields into matching keys (no database here).

- `symbol_key("07-ĐA/TU")` -> `7-DA/TU`: folded, upper case, number without
  leading zeros, so OCR'd and printed forms of one symbol meet.
- `search_tokens(text)` -> the folded, diacritic-free words joined by single
  spaces; both SQLite FTS5 and PostgreSQL's `simple` parser split this
  identically, which is what makes search behave the same on both.
"""

from __future__ import annotations

import re

from thongsuot.parsing.normalise import fold
from thongsuot.vocab.levels import level_of_code

_WORD = re.compile(r"[^\W_]+")
_SYMBOL_QUERY = re.compile(r"^\s*(\d+[A-Za-zĐđ]?)\s*[-/]\s*([^\s@]*[/-][^\s@]+|[^\s@]*[A-Za-zĐđ][^\s@]*)\s*(?:@\s*(\d{4}))?\s*$")

# `fold` is memoised for short strings; whole documents must bypass its cache.
_fold_uncached = getattr(fold, "__wrapped__", fold)


def fold_plain(text: str) -> str:
    """Lower case, no diacritics, one tone placement (for any length of text)."""
    if len(text) > 200:
        return str(_fold_uncached(text, diacritics=False))
    return fold(text, diacritics=False)


def search_tokens(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(_WORD.findall(fold_plain(text)))


def query_terms(query: str) -> list[str]:
    return _WORD.findall(fold_plain(query))


def symbol_key(number: str | None, symbol: str | None) -> str | None:
    """The key of a cited or own symbol; None when there is no number.

    `symbol_key("35", "NQ/TW")` and `symbol_key(None, "35-NQ/TW")` both give `35-NQ/TW`.
    """
    if number is None and symbol:
        m = re.match(r"^\s*(\d+)\s*[-/]\s*(.+)$", symbol)
        if not m:
            return None
        number, symbol = m.group(1), m.group(2)
    if not number:
        return None
    num = number.strip()
    if num.isdigit():
        num = str(int(num))
    folded_num = fold_plain(num).upper()
    if not symbol:
        return folded_num
    sym = re.sub(r"\s+", "", fold_plain(symbol)).upper()
    sep = "/" if re.match(r"^\d{4}/", sym) else "-"
    return f"{folded_num}{sep}{sym}"


# Ids and other integers the database stores are 32-bit (SQL INTEGER on both backends).
DB_INT_MAX = 2**31 - 1
_ASCII_INT = re.compile(r"[0-9]{1,18}")


def db_id(text: str) -> int | None:
    """`text` as a row id if it is ASCII digits within INTEGER range, else None (no such row can exist)."""
    if not _ASCII_INT.fullmatch(text):
        return None
    value = int(text)
    return value if value <= DB_INT_MAX else None


def split_ref(ref: str) -> tuple[str, int | None] | None:
    """`18-NQ/TW@2017` -> (`18-NQ/TW`, 2017); `70-KH/TU` -> (`70-KH/TU`, None); else None."""
    m = _SYMBOL_QUERY.match(ref)
    if not m:
        return None
    key = symbol_key(m.group(1), m.group(2))
    if key is None:
        return None
    return key, int(m.group(3)) if m.group(3) else None


def looks_like_symbol(query: str) -> bool:
    return split_ref(query) is not None


def guess_level(issuer_code: str | None) -> str | None:
    """The level of the issuing body read from the issuer code's suffix (vocab/levels.py has the rule)."""
    level = level_of_code(issuer_code)
    return level.value if level else None
