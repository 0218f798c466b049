"""Tesseract word boxes (TSV) -> the page's lines, columns kept apart, noise left out.

Tesseract's own line grouping runs the two columns of a document header into one line ("ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA"), so lines are rebuilt from the boxes: each Tesseract line is cut where the gap
between two words is far wider than a justified space, and the pieces that share a height on the page make
a row. In the two-column header (issuer and number | Quốc hiệu and place-date) the left column's lines come
first, then the right column's, one table row at a time: a column's wrapped lines stay together, the way the
header parser reads the cells of a header table. Lower two-column blocks (Nơi nhận | signature) are laid
out row by row, "left | right", as the PDF reader does.

Scanner speckles, stamps and signatures come out as words with very low confidence, boxes far taller
than the text, or runs of punctuation; they are dropped here. What stays keeps its confidence (0..1)
and its offsets in the page text, for the parser and the page view.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from thongsuot.vocab.syllables import is_syllable

CELL_SEPARATOR = " | "
# A gap wider than this many text heights separates two columns (justified spaces stay well below).
COLUMN_GAP_HEIGHTS = 2.4
# Below this confidence a short or letterless word is scanner noise.
NOISE_CONFIDENCE = 0.45
# A group of at most this many words whose mean confidence is below NOISE_CONFIDENCE is a glyph cluster
# (a stamp, a signature stroke), not text.
CLUSTER_WORDS = 3
# Inside a two-column block, rows further apart than this many text heights belong to the next table row.
BAND_GAP_HEIGHTS = 0.9
# Rows further apart than this many text heights have an empty line between them: kept as a blank line
# (it ends a title or a paragraph for the parser as in the typed text).
PARAGRAPH_GAP_HEIGHTS = 1.0
# Only a block starting within this many rows of the page top is a header laid out column by column; a
# two-column block lower down (Nơi nhận | signature) stays row by row with " | ", which the closing parser
# reads best (seed scans: recipients 0.00 column by column, 1.00 row by row on seed 001).
HEADER_START_ROWS = 2
# A two-column run longer than this many rows is a table, kept row by row.
MAX_BLOCK_ROWS = 14
# Boxes much taller than the page's text are signatures or stamps; much smaller ones are specks.
TALL_BOX = 2.6
SPECK_BOX = 0.3
# A mark no wider nor taller than this many text heights is a speck even when Tesseract is sure of it
# ("." 2x2 pixels at 91%, after "THỦ TỤC HÀNH"): a printed stop is bigger.
DOT_BOX = 0.1

# Punctuation that may stand alone in real text: list bullets, dashes of a "-----" rule, quotes.
_STANDALONE = set('-+*–—•…:;,.()/%“”"?!')
_EDGE_JUNK_START = "|'_`‘~"
_EDGE_JUNK_END = "|_`~"
_ALNUM = re.compile(r"\w")
_CORE = re.compile(r"^(\W*)([^\W\d_]+)(\W*)$")


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float  # 0..1
    line: tuple[int, int, int]  # Tesseract's (block, paragraph, line)

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass(frozen=True)
class OcrLine:
    """One rebuilt line and its words' (start, end, confidence), offsets within the line."""

    text: str
    words: tuple[tuple[int, int, float], ...]


@dataclass(frozen=True)
class PageText:
    """One page's recognised lines, top to bottom."""

    lines: tuple[OcrLine, ...]
    mean_conf: float  # over the kept words; 0 when none

    @property
    def text(self) -> str:
        return "".join(line.text + "\n" for line in self.lines)

    @property
    def word_count(self) -> int:
        return sum(len(line.words) for line in self.lines)


def parse_tsv(tsv: str) -> list[Word]:
    """Word rows (level 5) of `tesseract ... tsv`; damaged rows are skipped."""
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        try:
            block, par, line = int(cols[2]), int(cols[3]), int(cols[4])
            left, top, width, height = (int(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        text = cols[11].strip()
        if text and conf >= 0:
            words.append(Word(text, left, top, width, height, min(conf / 100, 1.0), (block, par, line)))
    return words


def _clean(word: Word) -> Word | None:
    """The word without edge junk, or None when it is noise."""
    text = word.text.lstrip(_EDGE_JUNK_START).rstrip(_EDGE_JUNK_END)
    if not text:
        return None
    letters = len(_ALNUM.findall(text))
    if letters == 0:
        if word.conf < NOISE_CONFIDENCE or not set(text) <= _STANDALONE:
            return None
    elif word.conf < NOISE_CONFIDENCE / 2 and letters <= 2:
        return None
    if text == word.text:
        return word
    return Word(text, word.left, word.top, word.width, word.height, word.conf, word.line)


def text_height(words: list[Word]) -> float:
    """Typical height of a text line's word boxes (median of words with letters)."""
    heights = [w.height for w in words if _ALNUM.search(w.text)]
    return float(statistics.median(heights)) if heights else 40.0


def split_columns(words: list[Word]) -> list[list[Word]]:
    """Tesseract lines cut at column-wide gaps (no cleaning): what `ocr.py` re-reads when weak."""
    return _split(words, text_height(words))


def _segments(words: list[Word], height: float) -> list[list[Word]]:
    """Tesseract lines cut at column-wide gaps, clusters dropped, split syllables rejoined."""
    return [rejoin(s) for s in _split(words, height) if not _is_cluster(s)]


def _split(words: list[Word], height: float) -> list[list[Word]]:
    by_line: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        by_line.setdefault(word.line, []).append(word)
    segments = []
    for line_words in by_line.values():
        line_words.sort(key=lambda w: w.left)
        current = [line_words[0]]
        for word in line_words[1:]:
            if word.left - current[-1].right > COLUMN_GAP_HEIGHTS * height:
                segments.append(current)
                current = []
            current.append(word)
        segments.append(current)
    return segments


def _core(text: str) -> tuple[str, str, str]:
    """(leading punctuation, letters, trailing punctuation) of a token; letters "" when mixed."""
    match = _CORE.match(text)
    return (match.group(1), match.group(2), match.group(3)) if match else ("", "", "")


def _split_merged(word: Word) -> list[Word]:
    """Cut two syllables Tesseract ran together ("VIỆTNAM") when exactly one cut gives two syllables."""
    lead, core, trail = _core(word.text)
    if len(core) < 4 or is_syllable(core):
        return [word]
    cuts = [k for k in range(2, len(core) - 1) if is_syllable(core[:k]) and is_syllable(core[k:])]
    if len(cuts) != 1:
        return [word]
    k = cuts[0]
    first, second = lead + core[:k], core[k:] + trail
    width = round(word.width * len(first) / len(word.text))
    return [
        Word(first, word.left, word.top, width, word.height, word.conf, word.line),
        Word(second, word.left + width, word.top, word.width - width, word.height, word.conf, word.line),
    ]


def rejoin(segment: list[Word]) -> list[Word]:
    """Join a syllable Tesseract cut in two ("HƯỚN G" -> "HƯỚNG") when one piece is not a syllable
    and the two together are; cut two syllables it ran together ("VIỆTNAM")."""
    out: list[Word] = []
    for word in (piece for whole in segment for piece in _split_merged(whole)):
        if out:
            before = out[-1]
            lead_a, a, trail_a = _core(before.text)
            lead_b, b, trail_b = _core(word.text)
            if (
                a and b and not trail_a and not lead_b
                and (a.isupper() == b.isupper() or b.islower())
                and not (is_syllable(a) and is_syllable(b))
                and is_syllable(a + b)
            ):  # fmt: skip
                out[-1] = Word(
                    before.text + word.text, before.left, min(before.top, word.top),
                    word.right - before.left, max(before.bottom, word.bottom) - min(before.top, word.top),
                    min(before.conf, word.conf), before.line,
                )  # fmt: skip
                continue
        out.append(word)
    return out


def _is_cluster(segment: list[Word]) -> bool:
    return (
        len(segment) <= CLUSTER_WORDS
        and statistics.fmean(w.conf for w in segment) < NOISE_CONFIDENCE
        and not any(len(_ALNUM.findall(w.text)) >= 4 and w.conf >= NOISE_CONFIDENCE / 2 for w in segment)
    )


def _rows(segments: list[list[Word]]) -> list[list[list[Word]]]:
    """Segments that share a height on the page, as rows top to bottom, each row left to right."""

    def middle(seg: list[Word]) -> float:
        return statistics.fmean((w.top + w.bottom) / 2 for w in seg)

    def span(seg: list[Word]) -> tuple[int, int]:
        return min(w.top for w in seg), max(w.bottom for w in seg)

    rows: list[list[list[Word]]] = []
    for seg in sorted(segments, key=middle):
        mid = middle(seg)
        left, right = seg[0].left, seg[-1].right
        placed = False
        for row in rows[-3:]:
            top = statistics.fmean(span(s)[0] for s in row)
            bottom = statistics.fmean(span(s)[1] for s in row)
            overlaps = any(left < s[-1].right and s[0].left < right for s in row)
            if top <= mid <= bottom and not overlaps:
                row.append(seg)
                placed = True
                break
        if not placed:
            rows.append([seg])
    for row in rows:
        row.sort(key=lambda s: s[0].left)
    return rows


def _in_one_half(row: list[list[Word]], middle: float) -> bool:
    return len(row) == 1 and (row[0][-1].right < middle or row[0][0].left > middle)


def _bands(block: list[list[list[Word]]], height: float) -> list[list[list[list[Word]]]]:
    """A block cut where rows of text are further apart than the lines of one cell (a table row's edge).

    The header table's first row (issuer | Quốc hiệu and motto) and its second (Số | place-date) come out
    one after the other, each column by column, as the cells of the printed table read.
    """
    bands: list[list[list[list[Word]]]] = [[]]
    previous_bottom: float | None = None
    for row in block:
        words = [w for seg in row for w in seg]
        if any(_ALNUM.search(w.text) for w in words):
            top = min(w.top for w in words)
            if previous_bottom is not None and top - previous_bottom > BAND_GAP_HEIGHTS * height:
                bands.append([])
            previous_bottom = max(w.bottom for w in words)
        bands[-1].append(row)
    return [band for band in bands if band]


def _columns_apart(rows: list[list[list[Word]]], middle: float, height: float) -> list[list[list[Word]]]:
    """A two-column header block as the left column's lines, then the right column's (per table row).

    A block is a run of rows that have two pieces, or one piece lying in one half of the page, around at
    least one row with two. Inside it, a column's wrapped lines ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM")
    end up next to each other, as the cells of a website's header table do, instead of interleaved with
    the other column's lines. Longer runs (a table in the body) stay row by row with " | ".
    """
    out: list[list[list[Word]]] = []
    k = 0
    while k < len(rows):
        if len(rows[k]) < 2:
            out.append(rows[k])
            k += 1
            continue
        start = k
        while start > 0 and _in_one_half(rows[start - 1], middle) and out and out[-1] is rows[start - 1]:
            start -= 1
            out.pop()
        end = k + 1
        while end < len(rows) and (len(rows[end]) >= 2 or _in_one_half(rows[end], middle)):
            end += 1
        block = rows[start:end]
        if len(block) > MAX_BLOCK_ROWS or start > HEADER_START_ROWS:
            out.extend(block)
        else:
            for band in _bands(block, height):
                pieces = [seg for row in band for seg in row]
                left = [seg for seg in pieces if (seg[0].left + seg[-1].right) / 2 < middle]
                right = [seg for seg in pieces if (seg[0].left + seg[-1].right) / 2 >= middle]
                out.extend([seg] for seg in left + right)
        k = end
    return out


def layout_page(words: list[Word]) -> PageText:
    """The page's lines: one per row; in two-column blocks the left column first, then the right one."""
    raw_height = text_height(words)
    kept = []
    for word in words:
        letters = len(_ALNUM.findall(word.text))
        if max(word.width, word.height) <= DOT_BOX * raw_height and letters == 0:
            continue
        # a word of letters is kept however thin Tesseract's box ("PHỦ-------" boxed as its rule, 5 px high)
        if word.height > TALL_BOX * raw_height or (word.height < SPECK_BOX * raw_height and letters < 2):
            if word.conf < 0.9:
                continue
        cleaned = _clean(word)
        if cleaned is not None:
            kept.append(cleaned)
    if not kept:
        return PageText((), 0.0)
    height = text_height(kept)
    lines = []
    middle = (min(w.left for w in kept) + max(w.right for w in kept)) / 2
    previous_bottom: float | None = None
    for row in _columns_apart(_rows(_segments(kept, height)), middle, height):
        top = min(w.top for seg in row for w in seg)
        if previous_bottom is not None and top - previous_bottom > PARAGRAPH_GAP_HEIGHTS * height:
            lines.append(OcrLine("", ()))  # a blank line on the page, as in the typed text
        previous_bottom = max(w.bottom for seg in row for w in seg)
        parts: list[str] = []
        confidences: list[tuple[int, int, float]] = []
        pos = 0
        for k, seg in enumerate(row):
            if k:
                parts.append(CELL_SEPARATOR)
                pos += len(CELL_SEPARATOR)
            for j, word in enumerate(seg):
                if j:
                    parts.append(" ")
                    pos += 1
                parts.append(word.text)
                confidences.append((pos, pos + len(word.text), round(word.conf, 3)))
                pos += len(word.text)
        lines.append(OcrLine("".join(parts), tuple(confidences)))
    return PageText(tuple(lines), statistics.fmean(w.conf for w in kept))
