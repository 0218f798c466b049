"""Typed access to syllables.toml: is a word one valid Vietnamese syllable?

Used by the OCR reader to rejoin syllables that Tesseract cut in two ("HƯỚN G" -> "HƯỚNG"); the check is
by the language's syllable shape (onset + rhyme, tones set aside), so it holds for any document.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources

# Combining tone marks: grave, acute, tilde, hook above, dot below.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@lru_cache(maxsize=1)
def _shape() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = tomllib.loads(resources.files("thongsuot.vocab").joinpath("data/syllables.toml").read_text("utf-8"))
    return frozenset(data["onsets"]), frozenset(data["rhymes"]), frozenset(data["bare_onsets"])


def toneless(word: str) -> str:
    """Lower case, tone marks removed, other marks (â, ư, đ) kept."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when `word` (letters only, any case, with or without tone) is one Vietnamese syllable."""
    if not word or not word.isalpha():
        return False
    onsets, rhymes, bare = _shape()
    bare_word = toneless(word)
    for cut in range(min(3, len(bare_word)) + 1):
        onset, rhyme = bare_word[:cut], bare_word[cut:]
        if onset in onsets and (rhyme in rhymes or (not rhyme and onset in bare)):
            return True
    return False
