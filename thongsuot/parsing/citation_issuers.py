"""The issuing body stated with a citation: "... của Ban Thường vụ Tỉnh ủy về ...".

The phrase after "của" is read word by word and ends at punctuation, at a
stop word ("về", "thực hiện", ...), or at "và" that joins another body or
clause; a term in brackets "(khóa XIII)" is kept for the moment so that it
can tell two documents with the same symbol apart, then dropped by the
rewrite rules of codes.toml, which also name plenums as the Central
Committee ("Hội nghị Trung ương 4" -> "Ban Chấp hành Trung ương").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from thongsuot.parsing.normalise import fold
from thongsuot.vocab.codes import load_codes

_TERM = re.compile(r"\b[Kk]h[oóòỏõọ][aáàảãạ]?\s+([IVXLCJ]{1,6})\b")
_TOKEN = re.compile(
    r"\(\s*[Kk]h[oóòỏõọ][aáàảãạ]?\s+[IVXLCJ1l]{1,6}\s*\)|[^\s;:.,\"“”()\[\]\x00!?]+|[;:.,\"“”()\[\]\x00!?]"
)
_MARKER = re.compile(r"^(?:\d{1,3}[-.)]|[-–+•])$")  # a list or footnote marker starts a new item
# Tone placement of open syllables written the old way (uỷ -> ủy, hoà -> hòa),
# only at the end of a syllable so that "Thuận" is left alone.
_OLD_TONE = re.compile(r"([oOuU])([àáảãạèéẻẽẹỳýỷỹỵ])(?![^\W\d_])")
_RULE = re.compile(r"^[-_=–—*]{3,}$")  # a rule line under a title
_PUNCT = set(';:.,"“”()[]\x00!?')


@dataclass(frozen=True)
class IssuerPhrase:
    raw: str  # as printed (term included)
    name: str | None  # canonical body name, None when the phrase names no body
    term: str | None  # roman term number ("XII") when stated
    end: int  # stream offset after the phrase


@lru_cache(maxsize=1)
def _vocab() -> tuple[
    dict[str, tuple[tuple[str, ...], ...]], frozenset[tuple[str, ...]], tuple[str, ...], int
]:
    codes = load_codes()
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for w in codes.issuer_stop_words:
        words = tuple(fold(w).split())
        by_first.setdefault(words[0], []).append(words)
    stops = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}
    kind_words = frozenset(tuple(fold(k.kind).split()) for k in codes.kinds)
    heads = tuple(fold(h) for h in codes.issuer_heads)
    return stops, kind_words, heads, codes.issuer_max_words


def _is_stop(words: list[str], i: int, stops: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    for stop in stops.get(words[i], ()):
        if tuple(words[i : i + len(stop)]) == stop:
            return True
    return _is_bare_stop(tuple(words[i : i + 4]))


@lru_cache(maxsize=1)
def _bare_stops() -> frozenset[tuple[str, ...]]:
    """Stop phrases of two words and more without their marks: OCR mistakes a tone ("sửa đối" for
    "sửa đổi"), and two words bare are still specific (one word bare is not: "số" / "Sở")."""
    return frozenset(
        tuple(fold(w, diacritics=False).split()) for w in load_codes().issuer_stop_words if len(w.split()) > 1
    )


@lru_cache(maxsize=8192)
def _is_bare_stop(words: tuple[str, ...]) -> bool:
    bare = tuple(fold(w, diacritics=False) for w in words)
    return any(bare[:n] in _bare_stops() for n in range(2, len(bare) + 1))


def read_issuer(text: str, start: int, end: int | None = None) -> IssuerPhrase | None:
    """Read the body phrase starting at `start` (just after "của "), not beyond `end`."""
    stop_at = min(len(text) if end is None else end, start + _READ_LIMIT)
    speck = _SPECK.match(text, start, stop_at)
    if speck is not None:  # "của ¡Tổng cục Thủy sản", "của . Bộ trưởng": a speck OCR read before the name
        start = speck.end()
    found = _read_snippet(text[start:stop_at])
    if found is None:
        return None
    raw, name, term, length = found
    return IssuerPhrase(raw, name, term, start + length)


_READ_LIMIT = 200
_SPECK = re.compile(r"[^\w\s\x00]{1,2}[ ]?(?=[^\W\d_])")


def _is_heading_word(word: str) -> bool:
    """An upper-case Vietnamese word ("QUYẾT", "NGHỊ"), no code: codes are plain letters and Đ."""
    return len(word) > 1 and word.isupper() and not all(ch.isascii() or ch == "Đ" for ch in word)


@lru_cache(maxsize=8192)
def _read_snippet(snippet: str) -> tuple[str, str | None, str | None, int] | None:
    """(raw phrase, canonical name, term, length) of the body phrase opening `snippet`.

    Cached: the same issuer phrases recur throughout a document."""
    stops, kind_words, heads, max_words = _vocab()
    tokens: list[re.Match[str]] = []
    for m in _TOKEN.finditer(snippet):
        tokens.append(m)
        if len(tokens) > max_words + 4:
            break
    words = [fold(t.group(0)) for t in tokens]
    kept: list[re.Match[str]] = []
    specks = False
    for i, tok in enumerate(tokens):
        s = tok.group(0)
        if s in _SPECK_MARKS and kept and _goes_on(tokens, words, i, stops):
            specks = True  # "của Bộ:" / "trưởng ...": a speck read as a stop inside the name
            continue
        if s in _PUNCT or _MARKER.match(s) or _RULE.match(s):
            # "của Chính phủ quy -" / "định ...": a dash OCR read at a line's end inside a stop phrase
            if kept and i + 1 < len(tokens) and _is_stop([words[i - 1], words[i + 1]], 0, stops):
                kept.pop()
            break
        if i and _is_stop(words, i, stops):
            break
        if i and _is_heading_word(s) and any(ch.islower() for t in kept for ch in t.group(0)):
            break  # "... của Ủy ban Pháp luật và Tư pháp" / "QUYẾT NGHỊ:" joined by a lost line break
        if words[i] == "và":
            nxt = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
            joined = " ".join(words[i + 1 : i + 3])
            # "và Kế hoạch số ..." starts another citation; "và Công nghệ" goes on with the name
            if not nxt[:1].isupper() or any(tuple(words[i + 1 : i + 1 + len(k)]) == k for k in kind_words):
                break
            if any((joined + " ").startswith(h + " ") for h in heads):
                break
        kept.append(tok)
        if len(kept) >= max_words:
            break
    if not kept:
        return None
    raw = " ".join(t.group(0) for t in kept) if specks else snippet[kept[0].start() : kept[-1].end()]
    return raw, canonical_issuer(raw), term_of(raw), kept[-1].end()


_SPECK_MARKS = frozenset(".:")


def _goes_on(
    tokens: list[re.Match[str]], words: list[str], i: int, stops: dict[str, tuple[tuple[str, ...], ...]]
) -> bool:
    """Whether the name goes on after a full stop or colon: a lower-case word follows, no stop word."""
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1].group(0)
    return nxt[:1].islower() and nxt[:1].isalpha() and not _is_stop(words, i + 1, stops)


def _move_tone(m: re.Match[str]) -> str:
    vowel, toned = m.group(1), unicodedata.normalize("NFD", m.group(2))
    base, tone = toned[0], toned[1:]
    return unicodedata.normalize("NFC", vowel + tone) + base


def term_of(raw: str) -> str | None:
    m = _TERM.search(raw)
    return m.group(1).replace("J", "I") if m else None


@lru_cache(maxsize=4096)
def canonical_issuer(raw: str) -> str | None:
    """The body name as the gold annotations give it, or None if `raw` names no body."""
    _, _, heads, _ = _vocab()
    name = _OLD_TONE.sub(_move_tone, " ".join(raw.split()))
    key = fold(name) + " "
    if not any(key.startswith(h + " ") for h in heads):
        return None
    for rule in load_codes().issuer_rewrites:
        name = rule.pattern.sub(rule.replace, name)
    name = " ".join(name.split())
    return name or None
