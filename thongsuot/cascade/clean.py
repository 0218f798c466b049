"""Clean text: words the parent's scan damaged, corrected or flagged before they reach a draft.

A scanned parent carries OCR damage into every derived plan ("tuyên truyên vê", "Tỉnh uv",
"luân chuvển", "Ọuy định"). Two kinds are told apart by the shape of a Vietnamese syllable
(`vocab.syllables`, the one list of valid onsets and rhymes) and by the words the library
itself uses (the parent's own text and the Vietnamese of `vocab/data`):

- a word that is no syllable at all ("chuvển", "ngàv", "Ọuy") is replaced by the known word one
  letter away that fits its neighbours best; with none it stays as printed and is flagged;
- a syllable that is valid but never written so elsewhere in that context ("truyên" after
  "tuyên", "vê" before "công") is replaced by the same letters with the marks the vocabulary
  uses there, when that pairing is seen at least twice.

Citations' symbols ("75-HD/BTGTU", "05-ĐA/TƯ") and words with letters Vietnamese lacks
(f, j, w, z: names and loanwords) are left alone. Pure functions; no I/O beyond package data.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from thongsuot.cascade.checks import plan_places
from thongsuot.cascade.upper import UpperAssignment, UpperParts
from thongsuot.domain.plan import Flag, FlagKind, Paragraph, Plan, Topic
from thongsuot.parsing.normalise import fold
from thongsuot.vocab.syllables import is_syllable

_WORD = re.compile(r"[^\W\d_]+")
_FOREIGN = re.compile(r"[fjwzFJWZ]")
# A word glued to a symbol or number ("HD/BTGTU", "05-ĐA/TƯ", "2020-2025") is part of a citation.
_GLUE = "/-–.0123456789"
MIN_SEEN = 2  # a context (word pair) seen this often in the vocabulary is the written form
SCANNED_PER_MILLE = 2  # non-syllables per thousand words that mark a text read from a scan
KNOWN = 3  # a non-syllable seen this often is a name or loanword, not damage
_DATA_FILES = ("headings.toml", "levels.toml", "plan_text.toml", "role_map.toml", "org_history.toml")


def _key(word: str) -> str:
    return fold(word)


def _bare(word: str) -> str:
    return fold(word, diacritics=False)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@lru_cache(maxsize=1)
def _data_texts() -> tuple[str, ...]:
    """The Vietnamese of the vocab data files: the library's own wording of bodies and plans."""
    root = resources.files("thongsuot.vocab").joinpath("data")
    out: list[str] = []
    for name in _DATA_FILES:
        out.extend(_strings(tomllib.loads(root.joinpath(name).read_text("utf-8"))))
    return tuple(out)


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _linked(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Two neighbouring words of one phrase (only spaces between them)."""
    return text[a.end() : b.start()].isspace()


@dataclass
class Vocabulary:
    """Word and word-pair counts (matching keys) of the texts the library already holds."""

    words: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_bare: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, texts: Iterable[str], *, with_data: bool = True) -> Vocabulary:
        vocab = cls()
        for text in (*texts, *(_data_texts() if with_data else ())):
            vocab.add(text)
        return vocab

    def add(self, text: str) -> None:
        toks = _tokens(text)
        for i, m in enumerate(toks):
            k = _key(m.group(0))
            self.words[k] += 1
            self.by_bare.setdefault(_bare(k), set()).add(k)
            if i and _linked(text, toks[i - 1], m):
                self.pairs[(_key(toks[i - 1].group(0)), k)] += 1

    def context(self, prev: str | None, word: str, nxt: str | None) -> int:
        return (self.pairs[(prev, word)] if prev else 0) + (self.pairs[(word, nxt)] if nxt else 0)


@dataclass(frozen=True)
class Correction:
    printed: str
    written: str


def _cased(like: str, word: str) -> str:
    if len(like) > 1 and like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _skipped(text: str, m: re.Match[str]) -> bool:
    word = m.group(0)
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    glued = before in _GLUE or (after in _GLUE and after != ".") or (after == "." and word.isupper())
    acronym = word.isupper() and not is_syllable(word)
    # a long word of plain Latin letters that is no syllable is a loanword ("Internet", "online"):
    # a scan damages a Vietnamese syllable into a short or marked non-syllable ("truns", "chuvển")
    loanword = len(word) >= 6 and word.isascii() and not is_syllable(word)
    odd_case = any(ch.isupper() for ch in word[1:]) and not word.isupper()
    return len(word) < 2 or bool(_FOREIGN.search(word)) or glued or acronym or odd_case or loanword


class Cleaner:
    """Corrects OCR-damaged words against the syllable shape and a `Vocabulary`."""

    def __init__(self, vocab: Vocabulary, *, scanned: bool) -> None:
        self.vocab = vocab
        self.scanned = scanned  # marks are corrected only in a text that shows scan damage
        self.corrections: list[Correction] = []

    @classmethod
    def for_texts(cls, texts: Iterable[str]) -> Cleaner:
        """A cleaner for a parent: its own words (with the library's) are the vocabulary, and it
        counts as scanned when its share of non-syllables reaches `SCANNED_PER_MILLE`."""
        texts = list(texts)
        vocab = Vocabulary.of(texts)
        words = bad = 0
        for text in texts:
            for m in _tokens(text):
                words += 1
                bad += not _skipped(text, m) and not is_syllable(m.group(0)) and vocab.words[_key(m.group(0))] < KNOWN
        return cls(vocab, scanned=words > 0 and bad * 1000 >= SCANNED_PER_MILLE * words)

    def _near(self, key: str) -> list[str]:
        """Known syllables one letter away (marks set aside) from a non-syllable."""
        bare = _bare(key)
        out: list[str] = []
        for b, words in self.vocab.by_bare.items():
            if abs(len(b) - len(bare)) <= 1 and Levenshtein.distance(b, bare, score_cutoff=1) <= 1:
                out.extend(w for w in words if self.vocab.words[w] >= MIN_SEEN and is_syllable(w))
        return out

    def _best(self, key: str, prev: str | None, nxt: str | None) -> str | None:
        v = self.vocab
        if not is_syllable(key):
            if v.words[key] >= KNOWN:
                return None
            # the fit with the neighbours decides first, then how common the word is
            scored = sorted((((v.context(prev, c, nxt), v.words[c]), c) for c in self._near(key)), reverse=True)
            if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                return scored[0][1]
            return None
        # a valid syllable: replaced only in a scanned text, when another marking of the same letters
        # is seen on both sides of it (a lone neighbour: seen there at least KNOWN times and the printed
        # word seen nowhere else), and far more often than the printed word in this context
        if not self.scanned:
            return None
        own = max(0, v.context(prev, key, nxt) - (prev is not None) - (nxt is not None))
        alts = []
        for c in v.by_bare.get(_bare(key), ()):
            if c == key:
                continue
            left = v.pairs[(prev, c)] if prev else None
            right = max((v.pairs[(c, n)] for n in v.by_bare.get(_bare(nxt), ())), default=0) if nxt else None
            if left is not None and right is not None:
                ok = left >= 1 and right >= 1 and left + right > MIN_SEEN
            else:
                side = left if left is not None else right
                ok = side is not None and side >= KNOWN and v.words[key] <= 1
            if ok and (left or 0) + (right or 0) > 4 * own:
                alts.append(((left or 0) + (right or 0), c))
        alts.sort()
        if alts and (len(alts) == 1 or alts[-1][0] > alts[-2][0]):
            return alts[-1][1]
        return None

    def text(self, text: str) -> str:
        """The text with every damaged word it can restore restored (left to right, so a corrected
        word is the context of the next one)."""
        toks = _tokens(text)
        out: list[str] = []
        pos = 0
        prev: str | None = None
        for i, m in enumerate(toks):
            word, key = m.group(0), _key(m.group(0))
            nxt = _key(toks[i + 1].group(0)) if i + 1 < len(toks) and _linked(text, m, toks[i + 1]) else None
            linked_prev = prev if i and _linked(text, toks[i - 1], m) else None
            fixed = None if _skipped(text, m) else self._best(key, linked_prev, nxt)
            out.append(text[pos : m.start()])
            if fixed is not None and fixed != key:
                written = _cased(word, fixed)
                self.corrections.append(Correction(word, written))
                out.append(written)
                prev = fixed
            else:
                out.append(word)
                prev = key
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    def damaged(self, text: str) -> list[str]:
        """Words still no syllable and not known to the vocabulary: to be flagged."""
        return list(
            dict.fromkeys(
                m.group(0)
                for m in _tokens(text)
                if not _skipped(text, m)
                and not is_syllable(m.group(0))
                and self.vocab.words[_key(m.group(0))] < KNOWN
            )
        )


def _para(p: Paragraph, c: Cleaner) -> Paragraph:
    return replace(p, text=c.text(p.text))


def _topic(t: Topic, c: Cleaner) -> Topic:
    return replace(t, heading=c.text(t.heading), points=tuple(_para(p, c) for p in t.points))


def parts_texts(parts: UpperParts) -> list[str]:
    """Every text of the parent's parts: the parent's own vocabulary."""
    texts = [parts.title or "", parts.citation.about or ""]
    texts += [p.text for ps in (parts.situation, parts.purposes, parts.requirements, parts.timeline) for p in ps]
    topics = list(parts.focal + parts.regular + parts.forms)
    if parts.outline is not None:
        texts += [parts.outline.title] + [s.heading for s in parts.outline.sections]
        topics += [t for s in parts.outline.sections for t in s.topics]
    texts += [x for t in topics for x in (t.heading, *(p.text for p in t.points))]
    texts += [x for a in parts.assignments for x in (a.unit, *(d.text for d in a.duties))]
    return texts


def clean_parts(parts: UpperParts, c: Cleaner) -> UpperParts:
    """The parent's parts with damaged words restored; every `Source` keeps the parent's own text."""
    outline = parts.outline
    if outline is not None:
        outline = replace(
            outline,
            title=c.text(outline.title),
            sections=tuple(
                replace(s, heading=c.text(s.heading), topics=tuple(_topic(t, c) for t in s.topics))
                for s in outline.sections
            ),
        )
    return replace(
        parts,
        title=c.text(parts.title) if parts.title else parts.title,
        citation=replace(parts.citation, about=c.text(parts.citation.about)) if parts.citation.about else parts.citation,
        situation=[_para(p, c) for p in parts.situation],
        purposes=[_para(p, c) for p in parts.purposes],
        requirements=[_para(p, c) for p in parts.requirements],
        timeline=[_para(p, c) for p in parts.timeline],
        focal=[_topic(t, c) for t in parts.focal],
        regular=[_topic(t, c) for t in parts.regular],
        forms=[_topic(t, c) for t in parts.forms],
        assignments=[
            UpperAssignment(c.text(a.unit), tuple(_para(d, c) for d in a.duties), a.source) for a in parts.assignments
        ],
        outline=outline,
        protected=tuple(dict.fromkeys(x for p in parts.protected for x in (p, c.text(p)))),
    )


def damage_flags(plan: Plan, c: Cleaner) -> list[Flag]:
    """One flag per place of the plan still holding a word the scan damaged beyond repair."""
    flags = []
    for where, text in plan_places(plan):
        words = c.damaged(text)
        if words:
            shown = ", ".join(f"“{w}”" for w in words[:5])
            note = f"Chữ có thể bị lỗi khi quét văn bản cấp trên: {shown}. Sửa lại cho đúng hoặc chấp nhận."
            flags.append(Flag(FlagKind.OCR_DAMAGE, where, text, note))
    return flags
