"""Normalise without loss: a cleaned view of the text with an offset map back.

The original text is never changed. `normalise()` builds a view in NFC with
legacy-font faults repaired (`ƣ` → `ư`), soft hyphens and zero-width marks
dropped, odd spaces made plain and runs of spaces collapsed, trailing spaces
removed. Line breaks are kept: later stages read the text line by line and
decide themselves which breaks are real.

`fold()` gives the matching key: lower case, one tone placement
(`hoà` = `hòa`, `uỷ` = `ủy`), optionally without diacritics (`đ` → `d`).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

from thongsuot.domain.document import Span

# Legacy-font and PDF font-mapping faults: characters that stand in for
# Vietnamese letters. Single characters only (multi-letter OCR repairs live
# in vocab data and are applied by the stages that know the context).
_CHAR_REPAIRS = {
    "\u01a3": "ư",  # ƣ (LATIN SMALL LETTER OI) printed for ư
    "\u01a2": "Ư",  # Ƣ
    "\u00d0": "Đ",  # Ð (ETH): Windows-1258 puts Đ where Latin-1 has Ð; OCR reads Đ as Ð too
    "\u00f0": "đ",  # ð
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\t": " ",
    "\r": "",
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",  # BOM
    "\u2028": "\n",
    "\u2029": "\n",
    "\x0c": "\n",  # form feed (page break)
    "\u0111\u0323": "đ",
}

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# the tone after the second vowel of an open "oa/oe/uy" syllable (no consonant, no
# other mark after it; "qu" is a consonant, so "quý" is left alone)
_OLD_TONE_PLACE = re.compile(f"(?<![qQ])([ouOU])([aeyAEY])([{TONE_MARKS}])(?![^\\W\\d_]|[\u0300-\u036f])")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_SPACE_RUN = re.compile(r" {2,}")
# a base character followed by combining marks, or a single character that needs repair
_SPECIAL = re.compile(
    "(?s:.)[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+|["
    + "".join(re.escape(k) for k in _CHAR_REPAIRS if len(k) == 1)
    + "]"
)


@dataclass(frozen=True)
class NormText:
    """The normalised view: `text`, and for each of its characters the offset
    of the original character it came from (`offsets[len(text)]` is the
    original length)."""

    text: str
    original: str
    offsets: array  # type: ignore[type-arg]

    def to_original(self, index: int) -> int:
        """Original offset of normalised index `index` (0..len(text))."""
        index = max(0, min(index, len(self.text)))
        return int(self.offsets[index])

    def span(self, start: int, end: int) -> Span:
        """The original span of the normalised range [start, end)."""
        if end <= start:
            pos = self.to_original(start)
            return Span(pos, pos)
        first = self.to_original(start)
        last = self.to_original(end - 1) + 1
        # a normalised character may stand for a base plus combining marks
        while last < len(self.original) and _is_mark(self.original[last]):
            last += 1
        return Span(first, last)


def _is_mark(ch: str) -> bool:
    return unicodedata.combining(ch) != 0


def normalise(original: str) -> NormText:
    """Build the normalised view of `original` with its offset map.

    Linear time: runs of characters that need no repair are copied whole
    (checked with `unicodedata.is_normalized`); only combining sequences and
    repair characters are handled one by one.
    """
    out: list[str] = []
    offs = array("q")
    n = len(original)
    pos = 0
    for m in _SPECIAL.finditer(original):
        if m.start() > pos:
            _copy_run(original, pos, m.start(), out, offs)
        _copy_cluster(original, m.start(), m.end(), out, offs)
        pos = m.end()
    if pos < n:
        _copy_run(original, pos, n, out, offs)
    text = "".join(out)
    text, offs = _collapse_spaces(text, offs)
    offs.append(n)
    return NormText(text=text, original=original, offsets=offs)


def _copy_run(original: str, i: int, j: int, out: list[str], offs: array) -> None:  # type: ignore[type-arg]
    run = original[i:j]
    if run.isascii() or unicodedata.is_normalized("NFC", run):
        out.append(run)
        offs.extend(range(i, j))
        return
    k = i  # rare: singletons or marks outside the fast pattern that NFC rewrites
    while k < j:
        e = k + 1
        while e < j and _is_mark(original[e]):
            e += 1
        _copy_cluster(original, k, e, out, offs)
        k = e


def _copy_cluster(original: str, i: int, j: int, out: list[str], offs: array) -> None:  # type: ignore[type-arg]
    """A base character with its combining marks, or one repair character."""
    cluster = original[i:j]
    ch = cluster[0]
    repl = _CHAR_REPAIRS.get(cluster)
    if repl is None:
        repl = _CHAR_REPAIRS.get(ch, ch) + cluster[1:] if ch in _CHAR_REPAIRS else cluster
        if j - i > 1 or not repl.isascii():
            repl = unicodedata.normalize("NFC", repl)
    if repl:
        out.append(repl)
        offs.extend([i] * len(repl))


def _collapse_spaces(text: str, offs: array) -> tuple[str, array]:  # type: ignore[type-arg]
    """Collapse space runs and drop spaces before a line break, keeping the map."""
    if "  " not in text and " \n" not in text and not text.endswith(" "):
        return text, offs
    keep_chars: list[str] = []
    keep_offs = array("q")
    pos = 0
    for m in re.finditer(r" {2,}| +(?=\n)| +$", text):
        keep_chars.append(text[pos : m.start()])
        keep_offs.extend(offs[pos : m.start()])
        if (
            m.group(0).startswith(" ")
            and m.end() < len(text)
            and text[m.end()] != "\n"
            and len(m.group(0)) > 1
        ):
            keep_chars.append(" ")
            keep_offs.append(offs[m.start()])
        pos = m.end()
    keep_chars.append(text[pos:])
    keep_offs.extend(offs[pos:])
    return "".join(keep_chars), keep_offs


def fold_tone_place(text: str) -> str:
    """One placement for the tone of open oa/oe/uy syllables: hoà = hòa, uỷ = ủy."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_TONE_PLACE.sub(r"\1\3\2", decomposed))


@lru_cache(maxsize=65536)
def fold(text: str, *, diacritics: bool = True) -> str:
    """Matching key: NFC, lower case, one tone placement, single spaces.

    With `diacritics=False` all marks are dropped too (`Nghị quyết` →
    `nghi quyet`, `đ` → `d`), for search and OCR-tolerant heading matching.
    """
    s = unicodedata.normalize("NFC", text.replace("\u01a3", "ư").replace("\u01a2", "Ư")).lower()
    if diacritics:
        s = fold_tone_place(s)
    else:
        s = _COMBINING.sub("", unicodedata.normalize("NFD", s)).replace("đ", "d")
        s = unicodedata.normalize("NFC", s)
    return _SPACE_RUN.sub(" ", s.replace("\u00a0", " ")).strip()
