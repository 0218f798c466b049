"""Tesseract word boxes (TSV) -> the page's lines, columns kept apart, noise left out.

Tesseract's own line grouping runs the two columns of a document header into one line ("ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA"), so lines are rebuilt from the boxes: each Tesseract line is cut where the gap
between two words is far wider than a justified space, and the pieces that share a height on the page are
laid out as one row "left | right" — the layout the PDF and DOCX readers give the header parser for the
issuer | Quốc hiệu and number | place-date rows, and for Nơi nhận | signature in the closing.

Scanner speckles, stamps and signatures come out as words with very low confidence, boxes far taller
than the text, or runs of punctuation; they are dropped here. What stays keeps its confidence (0..1)
and its offsets in the page text, for the parser and the page view.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

CELL_SEPARATOR = " | "
# A gap wider than this many text heights separates two columns (justified spaces stay well below).
COLUMN_GAP_HEIGHTS = 2.4
# Below this confidence a short or letterless word is scanner noise.
NOISE_CONFIDENCE = 0.45
# A group of at most this many words whose mean confidence is below NOISE_CONFIDENCE is a glyph cluster
# (a stamp, a signature stroke), not text.
CLUSTER_WORDS = 3
# Boxes much taller than the page's text are signatures or stamps; much smaller ones are specks.
TALL_BOX = 2.6
SPECK_BOX = 0.3

# Punctuation that may stand alone in real text: list bullets, dashes of a "-----" rule, quotes.
_STANDALONE = set('-+*–—•…:;,.()/%“”"?!')
_EDGE_JUNK_START = "|'_`‘~"
_EDGE_JUNK_END = "|_`~"
_ALNUM = re.compile(r"\w")


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


def _text_height(words: list[Word]) -> float:
    """Typical height of a text line's word boxes (median of words with letters)."""
    heights = [w.height for w in words if _ALNUM.search(w.text)]
    return float(statistics.median(heights)) if heights else 40.0


def _segments(words: list[Word], height: float) -> list[list[Word]]:
    """Tesseract lines cut at column-wide gaps, each segment left to right."""
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
    return [s for s in segments if not _is_cluster(s)]


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


def layout_page(words: list[Word]) -> PageText:
    """The page's lines: one per row, " | " between columns."""
    raw_height = _text_height(words)
    kept = []
    for word in words:
        if word.height > TALL_BOX * raw_height or word.height < SPECK_BOX * raw_height:
            if word.conf < 0.9:
                continue
        cleaned = _clean(word)
        if cleaned is not None:
            kept.append(cleaned)
    if not kept:
        return PageText((), 0.0)
    height = _text_height(kept)
    lines = []
    for row in _rows(_segments(kept, height)):
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
