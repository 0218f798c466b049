"""Every place a numbered directive is cited, with what is stated there.

A mention is a kind word ("Nghị quyết số", OCR-tolerant, from codes.toml)
followed by a symbol, a bare symbol, a symbol continuing a list after a
kind word ("Nghị quyết số 18-NQ/TW và 19-NQ/TW"), or a kind word with a
number alone ("Chỉ thị 05 của Bộ Chính trị"). Right after it may come its
date and "của <issuer>". Grouping mentions into documents is done by
citations.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from thongsuot.domain.document import ParseWarning, Span
from thongsuot.parsing.citation_issuers import IssuerPhrase, read_issuer
from thongsuot.parsing.symbols import DATE_PATTERN, SymbolParts, find_date, find_symbols
from thongsuot.vocab.codes import load_codes
from thongsuot.vocab.warnings import make_warning
from thongsuot.vocab.words import load_words

_W = load_words("citation_mentions")  # the words of this module: vocab/data/words.toml [citation_mentions]


@dataclass
class Mention:
    """One citation occurrence in the stream (mutable while it is being resolved)."""

    kind: str | None
    explicit_kind: bool
    number: str
    parts: SymbolParts | None  # None: cited by number alone
    start: int  # stream offset: kind word (or symbol) start
    end: int  # stream offset: symbol / number end
    tail: int = 0  # stream offset after the stated date and issuer
    date: dt.date | None = None
    dangling_date: bool = False  # "ngày" with the date missing (continued elsewhere)
    weak_date: dt.date | None = None  # shared with the next citation of a list
    issuer: IssuerPhrase | None = None
    weak_issuer: IssuerPhrase | None = None
    in_abbreviation: bool = False
    # a number-only mention stands as a document of its own only when this is
    # set ("Chỉ thị số 05", "Chỉ thị 05 của Bộ Chính trị": "số", a date or a
    # body stated); otherwise it can only be a short name of a document cited
    # in full ("Nghị quyết 28")
    confirmed: bool = True

    @property
    def key(self) -> tuple[str, str]:
        number = self.number.lstrip("0") or "0"
        symbol = self.parts.symbol if self.parts and self.parts.symbol else ""
        return number, "".join(symbol.split()).upper()

    @property
    def ref(self) -> str:
        return self.parts.ref if self.parts else self.number


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], list[str]]:
    """The kind word (+ "số") that ends right before a number: searched in a
    short window before each candidate number, never over the whole text."""
    codes = load_codes()
    alts = "|".join(f"(?P<k{i}>{k.pattern})" for i, k in enumerate(codes.kinds))
    kind_before = re.compile(
        rf"(?<![^\W\d_])(?:{alts})(?![^\W\d_])[ ]?(?:{codes.number_word}(?![^\W\d_])[ ]?[:.]?[ ]?)?\Z",
        re.IGNORECASE,
    )
    return kind_before, [k.kind for k in codes.kinds]


_KIND_WINDOW = 48
# "số      -KH/HU": a citation whose number was left blank
_BLANK = _W.pattern("blank_symbol")
# a number after a word: "Chỉ thị 05", "Nghị quyết số 28" (not a date, not a symbol)
# (led by a literal space so the engine skips quickly; the letter before is checked in code)
_NUMBER_CANDIDATE = _W.pattern("number_candidate")
_SLASH = re.compile("/")
_BLANK_NUMBER_WORD = _W.pattern("blank_number_word")
# Words after a number that make it a count or a period, not a directive number.
_NUMBER_UNIT = _W.pattern("number_unit", re.IGNORECASE)
_DATE_AFTER = re.compile(_W.word("date_after") + "(?:" + DATE_PATTERN.pattern + ")")
_DANGLING = _W.pattern("dangling_date_word")
_DAMAGED_DATE = _W.pattern("damaged_date")
_OF = _W.pattern("issued_by")
_LIST_GAP = _W.pattern("list_gap")


@lru_cache(maxsize=1)
def _abbreviation_re() -> re.Pattern[str]:
    """Cue of a short name ("(viết tắt là ...", "(sau đây gọi tắt là ..."), not a new document."""
    words = sorted(load_codes().abbreviation_words, key=len, reverse=True)
    return re.compile(r"\([ ]?(?:" + "|".join(map(re.escape, words)) + r")[ ]?:?", re.IGNORECASE)


def _kind_before(stream: str, pos: int) -> tuple[str, int] | None:
    """The kind word (with "số") that ends exactly at `pos`, and where it starts.

    Tried only at the starts of the last few words before `pos` (a kind word
    with "số" has at most five), longest first."""
    kind_before, names = _patterns()
    lo = max(0, pos - _KIND_WINDOW)
    starts = []
    cut = pos
    for _ in range(6):
        space = stream.rfind(" ", lo, cut - 1)
        if space < 0:
            if lo == 0:
                starts.append(0)
            break
        starts.append(space + 1)
        cut = space
    for start in reversed(starts):
        while start < pos and not stream[start].isalnum():  # "(Nghị quyết", "“Chỉ thị"
            start += 1
        m = kind_before.match(stream, start, pos)
        if m is not None:
            group = m.lastgroup or ""
            return (names[int(group[1:])] if group.startswith("k") else ""), start
    return None


def find_mentions(stream: str) -> tuple[list[Mention], list[tuple[str, int, int]]]:
    """All mentions in stream order, and blank-number citations (as (kind, start, end))."""
    mentions: list[Mention] = []
    symbol_starts: set[int] = set()
    prev: Mention | None = None
    codes = load_codes()
    for parts, s, e in find_symbols(stream):
        symbol_starts.add(s)
        kind = _kind_before(stream, s)
        if kind is not None:
            mention = Mention(kind[0], True, parts.number, parts, kind[1], e)
        else:
            inherited = None
            if prev is not None and prev.parts and prev.parts.type_code == parts.type_code:
                if _LIST_GAP.match(stream[prev.end : s]):
                    inherited = prev.kind
            mention = Mention(
                inherited or codes.default_kind(parts.type_code), False, parts.number, parts, s, e
            )
        mentions.append(mention)
        prev = mention

    blanks: list[tuple[str, int, int]] = []
    for slash in _SLASH.finditer(stream):
        b = _BLANK.search(stream, max(0, slash.start() - 12), slash.end())
        if b is None or b.end() != slash.end() or b.start() in symbol_starts:
            continue
        if not _BLANK_NUMBER_WORD.search(stream, max(0, b.start() - 4), b.start()):
            continue
        kind = _kind_before(stream, b.start())
        if kind is not None:
            blanks.append((kind[0], kind[1], b.start()))

    for num in _NUMBER_CANDIDATE.finditer(stream):
        start = num.start(1)
        if (
            start < 2
            or not stream[start - 2].isalpha()
            or start in symbol_starts
            or _NUMBER_UNIT.match(stream, num.end())
        ):
            continue
        kind = _kind_before(stream, start)
        if kind is None:
            continue
        ks = kind[1]
        said_number = stream[ks:start].rstrip().endswith(_W.words("number_words"))
        mentions.append(Mention(kind[0], True, num.group(1), None, ks, num.end(), confirmed=said_number))
    mentions.sort(key=lambda x: x.start)
    _share_list_symbols(stream, mentions)
    return mentions, blanks


_SHARED_SYMBOL_GAP = _W.pattern("shared_symbol_gap")


def _share_list_symbols(stream: str, mentions: list[Mention]) -> None:
    """ "các Nghị quyết số 19, 20-NQ/TW": a bare number listed right before a symbol shares it."""
    for m, nxt in zip(mentions, mentions[1:], strict=False):
        if (
            m.parts is None
            and nxt.parts is not None
            and nxt.parts.symbol
            and not nxt.explicit_kind
            and _SHARED_SYMBOL_GAP.fullmatch(stream, m.end, nxt.start)
        ):
            sep = "-" if nxt.parts.ref.startswith(nxt.parts.number + "-") else "/"
            m.parts = SymbolParts(
                m.number,
                nxt.parts.symbol,
                nxt.parts.type_code,
                nxt.parts.issuer_code,
                f"{m.number}{sep}{nxt.parts.symbol}",
            )
            m.confirmed = True


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one character changed, added or dropped."""
    return a != b and Levenshtein.distance(a, b, score_cutoff=1) == 1


def merge_misread_symbols(mentions: list[Mention]) -> None:
    """A symbol printed once with one letter misread ("2304/QĐ-BNNMTT" beside "2304/QĐ-BNNMT" cited
    twice) is the same document: the same number and type code with an issuer code one letter
    apart takes the symbol that is printed more often."""
    counts: dict[tuple[str, str], int] = {}
    parts_of: dict[tuple[str, str], SymbolParts] = {}
    for m in mentions:
        if m.parts is not None and m.parts.symbol:
            counts[m.key] = counts.get(m.key, 0) + 1
            parts_of.setdefault(m.key, m.parts)
    known = load_codes().issuers
    for m in mentions:
        parts = m.parts
        if parts is None or not parts.issuer_code:
            continue
        # a short code merges only when it is no code and the other one is ("23/2015/NĐ-GP" for NĐ-CP)
        short_ok = parts.issuer_code not in known
        best = max(
            (
                k
                for k, other in parts_of.items()
                if k[0] == m.key[0]
                and counts[k] > counts[m.key]
                and other.type_code == parts.type_code
                and other.issuer_code
                and other.symbol
                and parts.symbol
                and other.symbol.replace(other.issuer_code, "") == parts.symbol.replace(parts.issuer_code, "")
                and one_edit_apart(other.issuer_code, parts.issuer_code)
                and (len(parts.issuer_code) >= _MIN_MERGED_CODE or (short_ok and other.issuer_code in known))
            ),
            key=lambda k: counts[k],
            default=None,
        )
        if best is not None:
            m.parts = parts_of[best]


_MIN_MERGED_CODE = 4  # shorter codes ("CP", "TU", "HU") differ by one letter and name other bodies
_MIN_REPAIRED_CODE = 6  # across documents only long codes: "BTGTU" / "BTCTU" are two Party boards


def repair_misread_codes(mentions: list[Mention]) -> None:
    """On a scan, an issuer code printed once and one letter from a code the same text prints more
    often ("32/2014/TT-BNNPINT" among "TT-BNNPTNT" citations) is that code misread, unless codes.toml
    knows it. Only for OCR-read text: a typed text's rare code is as printed."""
    known = load_codes().issuers
    counts: dict[str, int] = {}
    for m in mentions:
        if m.parts is not None and m.parts.issuer_code:
            counts[m.parts.issuer_code] = counts.get(m.parts.issuer_code, 0) + 1
    common = [c for c, n in counts.items() if n > 1 and len(c) >= _MIN_REPAIRED_CODE]
    for m in mentions:
        parts = m.parts
        code = parts.issuer_code if parts is not None else None
        if parts is None or not code or counts[code] > 1 or code in known or not parts.symbol:
            continue
        near = [c for c in common if one_edit_apart(c, code)]
        if len(near) == 1 and parts.symbol.endswith(code):
            fixed = parts.symbol[: -len(code)] + near[0]
            sep = parts.ref[len(parts.number)]
            m.parts = SymbolParts(
                parts.number, fixed, parts.type_code, near[0], f"{parts.number}{sep}{fixed}"
            )


def read_statements(stream: str, mentions: list[Mention]) -> None:
    """Fill each mention's stated date and issuer (what follows its symbol)."""
    abbrev = _abbreviation_re()
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(stream)
        pos = m.end
        da = _DATE_AFTER.match(stream, pos, nxt)
        if da is not None:
            found = find_date(stream[da.start() : da.end()])
            if found is not None:
                m.date = found[0]
                pos = da.end()
        elif _DANGLING.match(stream, pos, nxt):
            m.dangling_date = True
        elif (damaged := _DAMAGED_DATE.match(stream, pos, nxt)) is not None:
            pos = damaged.end()
        of = _OF.match(stream, pos, nxt)
        if of is not None:
            phrase = read_issuer(stream, of.end(), nxt)
            if phrase is not None and phrase.name is not None:
                m.issuer = phrase
                pos = phrase.end
                if m.date is None:  # "... của Bộ Chính trị, ngày 22/10/2018"
                    da = _DATE_AFTER.match(stream, pos, nxt)
                    found = find_date(stream[da.start() : da.end()]) if da is not None else None
                    if da is not None and found is not None:
                        m.date = found[0]
                        pos = da.end()
        if m.date is None and m.issuer is None:
            _read_told_before(stream, m)
        m.tail = pos
        if m.parts is None and not m.confirmed:
            # "Chỉ thị 05 của Bộ Chính trị": a number stated with its date or issuing body
            m.confirmed = m.date is not None or m.issuer is not None
        # inside "(viết tắt là ...)": look back to the nearest "(" before the mention
        open_paren = stream.rfind("(", max(0, m.start - 400), m.start)
        if open_paren >= 0 and ")" not in stream[open_paren : m.start] and abbrev.match(stream, open_paren):
            m.in_abbreviation = True


# "Ngày 15/3/2024, Ban Bí thư ban hành Chỉ thị số 30-CT/TW": date and body told before the citation
_TOLD_BEFORE = _W.pattern("told_before")


def _read_told_before(stream: str, m: Mention) -> None:
    window_start = max(0, m.start - 200)
    told = _TOLD_BEFORE.search(stream[window_start : m.start])
    if told is None:
        return
    found = find_date(told.group("date"))
    if found is None:
        return
    m.date = found[0]
    body_start = window_start + told.start("body")
    phrase = read_issuer(stream, body_start, window_start + told.end("body"))
    if phrase is not None and phrase.name is not None:
        m.issuer = phrase


def share_list_statements(stream: str, mentions: list[Mention]) -> None:
    """Share the date and issuer stated after the last of a list with the undated ones before it.

    "A số 18-NQ/TW, B số 19-NQ/TW, ngày 25/10/2017 của X": weak values, a date
    stated anywhere else wins."""
    for i in range(len(mentions) - 2, -1, -1):
        m, nxt = mentions[i], mentions[i + 1]
        if m.date or m.issuer or m.dangling_date or m.tail != m.end:
            continue
        if not _LIST_GAP.match(stream[m.end : nxt.start]) or ";" in stream[m.end : nxt.start]:
            continue
        m.weak_date = nxt.date or nxt.weak_date
        m.weak_issuer = nxt.issuer or nxt.weak_issuer


_CONTINUATION = _W.pattern("continued_date", re.MULTILINE)


def fill_dangling_dates(view_text: str, mentions: list[Mention], to_view: Callable[[int], int]) -> None:
    """A footnote split by the page: "Kế hoạch số 116-KH/HU, ngày" ... a later line
    "22/3/2018 của Ban Chấp hành Đảng bộ huyện." gives its date and issuer."""
    dangling = [m for m in mentions if m.dangling_date and m.date is None]
    if not dangling:
        return
    lines = list(_CONTINUATION.finditer(view_text))
    used: set[int] = set()
    for m in dangling:
        pos = to_view(m.end)
        for line in lines:
            if line.start() < pos or line.start() in used:
                continue
            found = find_date(line.group(1))
            if found is None:
                continue
            used.add(line.start())
            m.date = found[0]
            rest = view_text[line.end() : line.end() + 300].replace("\n", " ")
            of = _OF.match(rest)
            if of is not None and m.issuer is None:
                phrase = read_issuer(rest, of.end())
                if phrase is not None and phrase.name is not None:
                    m.issuer = IssuerPhrase(phrase.raw, phrase.name, phrase.term, m.tail)
            break


def blank_warnings(
    blanks: list[tuple[str, int, int]], span_of: Callable[[int, int], Span]
) -> list[ParseWarning]:
    out = []
    for kind, start, end in blanks:
        span = span_of(start, end + 12)
        out.append(make_warning("citation-blank-number", span, kind=kind))
    return out
