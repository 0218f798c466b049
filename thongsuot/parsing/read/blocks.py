"""Assemble reader blocks into one text with its segment map.

Structured readers (HTML, DOCX, PDF) produce a list of blocks — a paragraph,
a table row, a page's worth of lines — each knowing where it came from. Blocks
are joined by one newline; each becomes one `SourceSegment` covering its text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from thongsuot.domain.document import ParseWarning, SourceSegment, SourceText


@dataclass(frozen=True)
class Block:
    text: str
    page: int | None = None
    paragraph: int | None = None


def assemble(
    blocks: Iterable[Block],
    *,
    fmt: str,
    name: str,
    warnings: Iterable[ParseWarning] = (),
    separator: str = "\n",
) -> SourceText:
    """Join non-empty blocks with `separator`; one segment per block."""
    parts: list[str] = []
    segments: list[SourceSegment] = []
    pos = 0
    for block in blocks:
        if not block.text:
            continue
        if parts:
            parts.append(separator)
            pos += len(separator)
        parts.append(block.text)
        segments.append(SourceSegment(pos, pos + len(block.text), page=block.page, paragraph=block.paragraph))
        pos += len(block.text)
    text = "".join(parts)
    if parts:
        text += "\n"
    return SourceText(text=text, format=fmt, name=name, segments=tuple(segments), warnings=tuple(warnings))


# A table row whose cells hold only short lines is laid out line by line, the
# way it is printed (the two-column document header: issuer | "ĐẢNG CỘNG SẢN
# VIỆT NAM", then "Số: ..." | place-date). Rows with long cell text (a data
# table in the body) keep each cell on one line instead, so no sentence is cut.
SHORT_CELL_LINE = 80
CELL_SEPARATOR = " | "


def render_row(cells: list[list[str]]) -> str:
    """Lay out one table row given each cell's lines; "" when the row is empty."""
    cells = [[line.strip() for line in cell] for cell in cells]
    filled = [cell for cell in cells if any(cell)]
    if not filled:
        return ""
    if len(filled) == 1:
        return "\n".join(line for line in filled[0] if line)
    if all(len(line) <= SHORT_CELL_LINE for cell in filled for line in cell):
        # Drop leading/trailing empty lines per cell so top-aligned text lines up.
        trimmed = [_trim_empty(cell) for cell in filled]
        depth = max(len(cell) for cell in trimmed)
        lines = []
        for i in range(depth):
            parts = [cell[i] for cell in trimmed if i < len(cell) and cell[i]]
            if parts:
                lines.append(CELL_SEPARATOR.join(parts))
        return "\n".join(lines)
    return CELL_SEPARATOR.join(" ".join(line for line in cell if line) for cell in filled)


def _trim_empty(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]
