"""The flat reading stream the citation parser scans, with a map back.

Citations wrap anywhere (`24- \\n\\nCTr/TU`, `Tỉnh \\n\\nủy`) and carry markup
(`**`, `<sup>3</sup>`). The stream joins every run of line breaks and markup
into one space (or nothing, for markup glued to a word), so one regex sees
a citation whole. Markdown footnote blocks (a `---` rule followed by lines
`1- ...` whose numbers are anchored earlier as `<sup>1</sup>` or `[^1]`)
are moved to the end of the stream: the sentence they interrupt reads on,
and the notes are still scanned. A NUL character separates the parts so no
pattern runs across them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from thongsuot.parsing.normalise import NormText

BARRIER = "\x00"

_MARKUP = (
    r"<sup>[^<\n]{0,8}</sup>|</?[a-zA-Z][a-zA-Z0-9]{0,8}(?:\s[^<>\n]{0,60})?/?>|\*{2,}|_{2,}|\[\^\d{1,3}\]"
    # emphasis closed and reopened around a space ("15* *ngày")
    r"|\*(?=\s)|(?<=\s)\*"
)
# A run that holds at least one line break or piece of markup, with the
# spaces and further markup around it. Single spaces are left alone, so the
# number of runs is about the number of lines, not of words.
_JUNK = re.compile(rf" ?(?:\n|{_MARKUP})(?:\s|{_MARKUP})*")
# Plain text (no markup): line breaks only; a literal-led pattern is much faster.
_PLAIN_JUNK = re.compile(r"\n\s*")
_MARKUP_HINTS = ("<", "*", "__", "[^")  # a single "*" too: italics closed and reopened round a line break
_RULE_THEN_NOTES = re.compile(
    r"^[ \t]*(?:-{3,}|_{3,}|\*{3,})[ \t]*\n(?:[ \t]*\n)*"
    r"(?P<notes>(?:[ \t]*(?:\d{1,3}[ \t]*[-.)]|<sup>\d{1,3}</sup>|\[\^\d{1,3}\]:?)[ \t]+[^\n]*(?:\n|$)(?:[ \t]*\n)*)+)",
    re.MULTILINE,
)
_NOTE_NUMBER = re.compile(r"\s*(?:<sup>|\[\^)?(\d{1,3})")


@dataclass(frozen=True)
class Stream:
    """`text` is the flat stream; pieces map stream offsets to view offsets."""

    text: str
    clean_starts: tuple[int, ...]
    view_starts: tuple[int, ...]
    view_len: int

    def to_view(self, index: int) -> int:
        """View (normalised-text) offset of stream offset `index`."""
        if not self.clean_starts:
            return 0
        k = max(0, bisect_right(self.clean_starts, index) - 1)
        return min(self.view_len, self.view_starts[k] + (index - self.clean_starts[k]))

    def view_range(self, start: int, end: int) -> tuple[int, int]:
        """View range of the stream range [start, end)."""
        if end <= start:
            pos = self.to_view(start)
            return pos, pos
        return self.to_view(start), self.to_view(end - 1) + 1


def _footnote_blocks(text: str) -> list[tuple[int, int]]:
    """View ranges of markdown footnote blocks whose numbers are anchored earlier."""
    if "<sup>" not in text and "[^" not in text:
        return []
    blocks = []
    for m in _RULE_THEN_NOTES.finditer(text):
        num = _NOTE_NUMBER.match(m.group("notes"))
        if not num:
            continue
        n = num.group(1)
        if 0 <= text.find(f"<sup>{n}</sup>", 0, m.start()) or 0 <= text.find(f"[^{n}]", 0, m.start()):
            blocks.append((m.start(), m.end()))
    return blocks


def build_stream(view: NormText) -> Stream:
    """Flatten the normalised text into the citation stream (see module doc)."""
    text = view.text
    notes = _footnote_blocks(text)
    # (start, end, joint): the main text with the notes cut out (joined by a
    # space), then each note block behind a barrier
    ranges: list[tuple[int, int, str]] = []
    pos = 0
    for start, end in notes:
        ranges.append((pos, start, " " if pos else ""))
        pos = end
    ranges.append((pos, len(text), " " if pos else ""))
    ranges.extend((start, end, BARRIER) for start, end in notes)

    out: list[str] = []
    clean_starts: list[int] = []
    view_starts: list[int] = []
    length = 0
    junk_re = _JUNK if any(h in text for h in _MARKUP_HINTS) else _PLAIN_JUNK
    for start, end, joint in ranges:
        if joint and not (joint == " " and out and out[-1].endswith(" ")):
            out.append(joint)
            clean_starts.append(length)
            view_starts.append(start)
            length += 1
        cur = start
        # each kept stretch, plus the one space a junk run becomes, maps
        # linearly onto the view (the space onto the run's first character)
        for m in junk_re.finditer(text, start, end):
            s, e = m.span()
            junk = m.group(0)
            spaced = " " in junk or "\n" in junk
            # markup between a word and a number ("số**347**/TTr-CP") still parts them
            spaced = spaced or (s > 0 and e < len(text) and text[s - 1].isalpha() and text[e].isdigit())
            chunk = text[cur:s] + " " if spaced else text[cur:s]
            if chunk:
                out.append(chunk)
                clean_starts.append(length)
                view_starts.append(cur)
                length += len(chunk)
            cur = e
        if cur < end:
            out.append(text[cur:end])
            clean_starts.append(length)
            view_starts.append(cur)
            length += end - cur
    return Stream("".join(out), tuple(clean_starts), tuple(view_starts), len(text))
