"""Footnotes: notes printed at page breaks, taken out of the body flow.

Converters keep footnote anchors (`<sup>1</sup>`, `[^1]`) and print the notes
(`1- Kế hoạch số ...`) where the page broke, often in the middle of a body
paragraph, sometimes with a note itself split across two page breaks. A line
is a note when its number is an anchor seen earlier and not yet used; a
non-note line between notes continues the previous note when that note is
unfinished and another note follows. Removing the notes lets the paragraph
joiner rejoin the body paragraph they split.
"""

from __future__ import annotations

import re

from thongsuot.domain.document import Footnote, ParseWarning, Span
from thongsuot.parsing.blocks import is_terminal
from thongsuot.parsing.lines import Line
from thongsuot.parsing.normalise import NormText
from thongsuot.vocab.warnings import make_warning

_NOTE = re.compile(
    r"^(?:\[\^(?P<a>\d{1,3})\]:|(?P<b>\d{1,3})\s?(?P<sep>[-.)])(?=\s)|(?P<c>\d{1,3})(?=\s[A-ZĐÀ-Ỹ]))\s*(?P<text>.*)$"
)


def _note_number(line: Line, pending: dict[str, int], index: int, after_break: bool = True) -> str | None:
    m = _NOTE.match(line.text)
    # "1. ..." and a bare "1 Kế hoạch ..." (a PDF's note) count only after a rule or another note
    if not m or ((m.group("sep") == "." or m.group("c")) and not after_break):
        return None
    num = m.group("a") or m.group("b") or m.group("c")
    first = pending.get(num)
    return num if first is not None and first < index else None


def extract_footnotes(
    view: NormText, lines: list[Line]
) -> tuple[list[Line], list[Footnote], list[ParseWarning]]:
    anchors: dict[str, tuple[int, Span]] = {}
    for ln in lines:
        for num, a, b in ln.anchors:
            anchors.setdefault(num, (ln.index, view.span(a, b)))
    if not anchors:
        return lines, [], []
    pending = {num: idx for num, (idx, _) in anchors.items()}
    notes: dict[str, list[Line]] = {}
    order: list[str] = []
    drop: set[int] = set()
    last: str | None = None
    for i, ln in enumerate(lines):
        after_break = i > 0 and (lines[i - 1].rule or (i - 1) in drop)
        found = _note_number(ln, pending, i, after_break)
        if found is not None:
            pending.pop(found)
            notes[found] = [ln]
            order.append(found)
            drop.add(i)
            if i > 0 and lines[i - 1].rule:
                drop.add(i - 1)
            last = found
            continue
        if last is not None and not ln.rule:
            prev_text = " ".join(x.text for x in notes[last])
            unfinished = not is_terminal(prev_text)
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            next_is_note = nxt is not None and _note_number(nxt, pending, i + 1) is not None
            adjacent = i > 0 and (i - 1) in drop and not ln.blank_before
            if (
                unfinished
                and (next_is_note or adjacent)
                and (ln.text[:1].islower() or ln.text[:1].isdigit() or adjacent)
            ):
                notes[last].append(ln)
                drop.add(i)
                continue
    footnotes: list[Footnote] = []
    for num in order:
        parts = notes[num]
        text = " ".join(p.text for p in parts)
        m = _NOTE.match(text)
        body = m.group("text") if m else text
        span = view.span(parts[0].start, parts[-1].end)
        for p in parts[1:]:
            span = span.cover(view.span(p.start, p.end))
        footnotes.append(Footnote(number=num, text=body, span=span, anchor_span=anchors[num][1]))
    warnings = []
    if pending:
        missing = ", ".join(sorted(pending, key=int))
        warnings.append(make_warning("footnote_missing", numbers=missing))
    kept = [ln for i, ln in enumerate(lines) if i not in drop]
    return kept, footnotes, warnings
