"""Physical lines of the normalised view, markup stripped, page furniture dropped.

Every later stage works on `Line`s: the cleaned words (`text`) plus the
normalised range they came from (`start`, `end`), which `NormText.span` turns
into a Span of the original. Table rows become one line per cell (the
two-column header), page markers ("Trang- 48", lone page numbers) go, and
`columns()` splits a line printed in two columns (wide gaps in the original,
e.g. a recipient entry with the signer's position far to the right).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from thongsuot.parsing.markup import (
    TABLE_SEPARATOR,
    find_anchors,
    heading_level,
    is_rule,
    strip_markup,
    table_cells,
)
from thongsuot.parsing.normalise import NormText, fold

_PAGE_LINE = re.compile(r"^(?:[Tt]rang|TRANG|[Pp]age)\s*[-:.]?\s*\d{1,4}$|^[-–]?\s*\d{1,3}\s*[-–]?$")
_PAGE_TAIL = re.compile(r"\s+(?:[Tt]rang|TRANG)\s*[-:.]?\s*\d{1,4}\s*$")
_CELL_BREAK = re.compile(r"^[|\s]+$")
_MARKUP_CHARS = re.compile(r"[*_#<>\[\]\\&|`]")
# wide gaps, tabs, and the " | " that DOCX/HTML readers put between the cells of a table row
_COLUMN_GAP = re.compile(r"[ \t\u00a0\u2007\u202f\u3000]{3,}|\t+|[ \t]+\|(?:[ \t]+|$)|^\|[ \t]+")


@dataclass(frozen=True)
class Line:
    """One physical line (or table cell / column) of the document."""

    index: int  # position in the line list
    start: int  # normalised index of the first character of the content
    end: int  # normalised index after the content
    text: str  # the words, markup stripped, single spaces
    blank_before: bool = False  # a blank line precedes it
    rule: bool = False  # a horizontal rule (`---`)
    level: int = 0  # Markdown heading level
    anchors: tuple[tuple[str, int, int], ...] = ()  # footnote anchors: number, normalised range

    @property
    def folded(self) -> str:
        return fold(self.text)


def split_lines(view: NormText) -> list[Line]:
    """Cut the normalised view into cleaned lines (blank lines become `blank_before`)."""
    text = view.text
    out: list[Line] = []
    pos = 0
    blank = False
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        lo, hi = pos, nl
        while lo < hi and text[lo] == " ":
            lo += 1
        while hi > lo and text[hi - 1] == " ":
            hi -= 1
        raw = text[lo:hi]
        pos = nl + 1
        # a website export separates table cells with lines holding only `|`: a break like a blank line
        if not raw or _CELL_BREAK.match(raw):
            blank = True
            if nl >= n:
                break
            continue
        for ln in _lines_of(raw, lo, blank):
            out.append(
                Line(len(out), ln.start, ln.end, ln.text, ln.blank_before, ln.rule, ln.level, ln.anchors)
            )
        blank = False
        if nl >= n:
            break
    return out


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _lines_of(raw: str, lo: int, blank: bool) -> list[Line]:
    if is_rule(raw):
        return [Line(0, lo, lo + len(raw), "", blank, rule=True)]
    cells = table_cells(raw)
    if cells:
        if TABLE_SEPARATOR.match(raw):
            return []
        pieces = []
        for i, (a, b) in enumerate(cells):
            pieces.extend(_broken(raw[a:b], lo + a, blank and i == 0))
        return pieces
    return _broken(raw, lo, blank)


def _broken(raw: str, lo: int, blank: bool) -> list[Line]:
    """Lines of a segment; a Markdown table cell from Word holds several lines joined by <br>."""
    if "<" not in raw or not _BR.search(raw):
        return _clean(raw, lo, blank)
    out: list[Line] = []
    start = 0
    for m in [*_BR.finditer(raw), None]:
        end = m.start() if m is not None else len(raw)
        piece = raw[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            sub = lo + start + lead
            out.extend(
                [Line(0, sub, sub + len(stripped), "", blank, rule=True)]
                if is_rule(stripped)
                else _clean(stripped, sub, blank)
            )
            blank = False
        elif start:
            blank = True
        if m is not None:
            start = m.end()
    return out


def _clean(raw: str, lo: int, blank: bool) -> list[Line]:
    hi = lo + len(raw)
    if "rang" in raw or "RANG" in raw:
        tail = _PAGE_TAIL.search(raw)
        if tail:
            raw = raw[: tail.start()]
            hi = lo + len(raw)
    if _MARKUP_CHARS.search(raw) is None:  # the view already has single spaces
        if not raw or (raw[0].isdigit() or raw[0] in "-–Tt") and _PAGE_LINE.match(raw):
            return []
        anchors = tuple((num, lo + a, lo + b) for num, a, b in find_anchors(raw)) if "/" in raw else ()
        return [Line(0, lo, hi, raw, blank, anchors=anchors)]
    words = strip_markup(raw)
    if not words or _PAGE_LINE.match(words):
        return []
    anchors = tuple((num, lo + a, lo + b) for num, a, b in find_anchors(raw))
    return [Line(0, lo, hi, words, blank, level=heading_level(raw), anchors=anchors)]


_LEAD_MARKER = re.compile(
    r"^\s*(?:[-–—•+]|\d{1,2}(?:\.\d{1,2})+[.)]?|\d{1,2}[.)]|[a-zđ]\)|[IVXL]{1,5}[.\-])\s*$"
)


def columns(view: NormText, line: Line) -> list[Line]:
    """Split a line where the original shows a wide gap (two printed columns)."""
    if line.end <= line.start:
        return [line]
    o_start = view.to_original(line.start)
    o_end = view.to_original(line.end - 1) + 1
    original = view.original[o_start:o_end]
    # the gap after a list marker is Markdown list indentation ("-   Ban ...", "1.  Tổ chức ..."), not a column
    gaps = [g for g in _COLUMN_GAP.finditer(original) if not _LEAD_MARKER.match(original[: g.start()])]
    if not gaps:
        return [line]
    offsets = view.offsets
    pieces: list[Line] = []
    cuts = [(0, gaps[0].start())]
    for g, nxt in zip(gaps, [*gaps[1:], None], strict=True):
        cuts.append((g.end(), nxt.start() if nxt else len(original)))
    for a, b in cuts:
        if b <= a:
            continue
        s = bisect_left(offsets, o_start + a, 0, len(view.text))
        e = bisect_left(offsets, o_start + b, 0, len(view.text))
        s, e = max(s, line.start), min(max(e, s), line.end)
        words = strip_markup(view.text[s:e])
        if words:
            pieces.append(Line(line.index, s, e, words, line.blank_before and not pieces, level=line.level))
    return pieces or [line]


def typical_width(lines: list[Line]) -> int:
    """The width lines wrap at (80th percentile of lengths); one-line paragraphs give a large width."""
    lengths = sorted(len(ln.text) for ln in lines if ln.text)
    if not lengths:
        return 80
    return max(20, lengths[int(0.8 * (len(lengths) - 1))])
