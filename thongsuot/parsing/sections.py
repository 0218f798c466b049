"""The body tree: sections, numbered items, bullets and paragraphs; attached parts.

Blocks nest by their markers: `Phần thứ nhất` opens a part-section that holds
the Roman sections after it; `I.` opens a section, `1.` / `1.1.` / `a)` items
nest by depth, `-` bullets hang under the open item (`+` under the `-`),
plain paragraphs under the open item or section. An attached ĐỀ CƯƠNG is a
PART holding its own tree; when its title block is OCR garbage the body's
attachment note ("(Đính kèm Đề cương ..., ban hành kèm theo ...)") names it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from thongsuot.domain.document import Node, NodeKind, SectionRole
from thongsuot.parsing.blocks import (
    Block,
    Marker,
    build_blocks,
    classify,
    is_terminal,
    promote_sections,
    upper_ratio,
)
from thongsuot.parsing.lines import Line
from thongsuot.parsing.normalise import NormText, fold
from thongsuot.parsing.roles import role_of
from thongsuot.vocab.headings import load_headings


@dataclass
class _Open:
    kind: NodeKind
    block: Block
    level: float
    heading: str | None
    text: str
    children: list[_Open] = field(default_factory=list)


def _heading_and_text(block: Block) -> tuple[str | None, str]:
    text = block.text
    if block.kind is NodeKind.SECTION:
        return text, ""
    if (
        block.kind is NodeKind.ITEM
        and len(text) <= 200
        and (not is_terminal(text) or text.rstrip().endswith(":"))
    ):
        return text, ""
    return None, text


def build_tree(blocks: list[Block]) -> list[_Open]:
    """Nest blocks by marker into open nodes (frozen later by `freeze`)."""
    top: list[_Open] = []
    stack: list[_Open] = []

    def attach(node: _Open) -> None:
        (stack[-1].children if stack else top).append(node)

    part: _Open | None = None  # an open "Phần thứ nhất": Roman sections nest under it
    for b in blocks:
        heading, text = _heading_and_text(b)
        if b.kind is NodeKind.SECTION:
            node = _Open(b.kind, b, 0, heading, text)
            if b.value is None:  # "Phần thứ ..." / "PHẦN I"
                top.append(node)
                part = node
                stack = [node]
            elif part is not None:
                node.level = 0.25
                part.children.append(node)
                stack = [part, node]
            else:
                top.append(node)
                stack = [node]
        elif b.kind is NodeKind.ITEM:
            level: float = float(b.depth)
            if b.depth == 0:  # a) b): under the deepest open numbered item
                open_items = [o.level for o in stack if o.kind is NodeKind.ITEM and o.block.depth > 0]
                level = (open_items[-1] if open_items else 0) + 0.5
            while stack and (
                stack[-1].kind in (NodeKind.BULLET, NodeKind.PARAGRAPH)
                or stack[-1].kind is NodeKind.ITEM
                and stack[-1].level >= level
            ):
                stack.pop()
            node = _Open(b.kind, b, level, heading, text)
            attach(node)
            stack.append(node)
        elif b.kind is NodeKind.BULLET:
            level = 100 + b.depth
            while stack and stack[-1].kind is NodeKind.BULLET and stack[-1].level >= level:
                stack.pop()
            node = _Open(b.kind, b, level, None, text)
            attach(node)
            stack.append(node)
        else:
            while stack and stack[-1].kind is NodeKind.BULLET:
                stack.pop()
            attach(_Open(b.kind, b, 200, None, text))
    return top


def freeze(view: NormText, node: _Open, role: SectionRole | None = None) -> Node:
    """Turn an open node into a frozen Node with spans into the original."""
    b = node.block
    children = tuple(
        freeze(view, c, role_of(c.heading or "") if c.kind is NodeKind.SECTION else None)
        for c in node.children
    )
    own = view.span(b.start, b.end)
    span = own.cover(children[-1].span) if children else own
    return Node(
        kind=node.kind,
        span=span,
        marker=b.marker,
        heading=node.heading,
        text=node.text,
        heading_span=own if node.heading else None,
        role=role,
        children=children,
    )


# -- attached parts ------------------------------------------------------------------------------------


def part_word(text: str) -> str | None:
    """`ĐỀ CƯƠNG` when a line opens an attached part (printed in upper case)."""
    stripped = text.strip(" .:*")
    for word in load_headings().part_words:
        if stripped.startswith(word) and upper_ratio(stripped) > 0.8:
            return word
    return None


def is_subtitle(text: str) -> bool:
    """`(Ban hành kèm theo Kế hoạch số ...)`, `(theo Kế hoạch số ...)`: the subtitle of a part."""
    if not text.startswith("("):
        return False
    key = fold(text[1:])
    return any(key.startswith(o + " ") for o in load_headings().part_subtitle_openings) and (
        " số" in key or re.search(r"\d", key) is not None
    )


@dataclass
class Part:
    title: str
    title_lines: list[Line]
    subtitle_lines: list[Line]
    body: list[Line]
    readable: bool  # False when the title block was garbage (title from the attachment note)

    @property
    def subtitle(self) -> str:
        return " ".join(ln.text for ln in self.subtitle_lines)


def split_parts(lines: list[Line], announced: bool = True) -> list[list[Line]]:
    """Cut the lines after the closing into attached parts (each starts with a part word or a subtitle).

    Text after the closing with neither is a part only when the body `announced`
    an attachment; otherwise it is what follows a document on a web page
    ("Tin liên quan", "Chia sẻ | In bài viết"), not the document's."""
    starts: list[int] = []
    for i, ln in enumerate(lines):
        if part_word(ln.text):
            starts.append(i)
        elif is_subtitle(ln.text) and not any(0 <= i - s <= 8 for s in starts):
            starts.append(i)
    if not starts:
        return [lines] if announced and any(ln.text for ln in lines) else []
    if starts[0] != 0 and not part_word(lines[starts[0]].text):
        starts[0] = 0  # the garbage title block before a subtitle belongs to the part
    regions = []
    for a, b in zip(starts, [*starts[1:], len(lines)], strict=True):
        regions.append(lines[a:b])
    return regions


def read_part(region: list[Line], note_title: str | None) -> Part:
    i = 0
    word = part_word(region[0].text) if region else None
    title_lines: list[Line] = []
    # a subtitle "(Kèm theo ...)" within the first lines closes the title, whatever its case:
    # "ĐỀ CƯƠNG TUYÊN TRUYỀN / Kỷ niệm 135 năm Ngày sinh ... / (Kèm theo Hướng dẫn số ...)"
    sub_at = next((k for k in range(min(len(region), 4)) if is_subtitle(region[k].text)), None)
    while i < len(region) and not is_subtitle(region[i].text) and not region[i].rule:
        ln = region[i]
        mark = classify(ln.text)
        if title_lines and _stray_dash(
            mark, title_lines[-1], any(is_subtitle(r.text) for r in region[i + 1 : i + 4])
        ):
            ln = dataclasses.replace(ln, start=ln.end - len(mark.rest), text=mark.rest)
        elif title_lines and mark.kind is not NodeKind.PARAGRAPH:
            break
        if title_lines and upper_ratio(ln.text) < 0.8 and word and sub_at is None:
            break
        title_lines.append(ln)
        i += 1
        if len(title_lines) >= 6:
            break
    while i < len(region) and region[i].rule:
        i += 1
    subtitle: list[Line] = []
    if i < len(region) and is_subtitle(region[i].text):
        while i < len(region) and len(subtitle) < 5:
            subtitle.append(region[i])
            i += 1
            if subtitle[-1].text.rstrip(" .").endswith(")"):
                break
    if not word:
        # an attached plan under its own header block ("ỦY BAN NHÂN DÂN ... / KẾ HOẠCH / Tuyên truyền ...
        # / (Ban hành kèm theo Quyết định số ...)"): the title starts at the type word
        typed = [k for k, ln in enumerate(title_lines) if ln.text.strip(" .:*") in load_headings().type_words]
        if typed:
            title_lines = title_lines[typed[-1] :]
    raw_title = " ".join(ln.text for ln in title_lines).strip()
    readable = bool(word) and _readable(raw_title)
    if readable or not note_title:
        title = raw_title if word else (f"{note_title}" if note_title else raw_title)
    else:
        title = note_title
    if not title_lines and not word and note_title:
        title = note_title
    return Part(title, title_lines, subtitle, region[i:], readable)


def _stray_dash(mark: Marker, previous: Line, closed: bool) -> bool:
    """A dash OCR read before a capital line of a part's title ("DANH MỤC" / "- THỦ TỤC HÀNH CHÍNH ...")
    whose subtitle follows: a bullet there would be the only one of the title block."""
    return (
        closed
        and mark.kind is NodeKind.BULLET
        and mark.depth == 0
        and upper_ratio(mark.rest) > 0.8
        and upper_ratio(previous.text) > 0.8
        and not is_terminal(previous.text)
    )


_WORD = re.compile(r"^[A-Za-zÀ-ỹĐđ]+[,.;:]?$")


def _readable(text: str) -> bool:
    """A title is readable when its words are words (no `^ĐẸ&G®ẢNG`-like OCR debris)."""
    # numbers and dates ("(19/5/1890 - 19/5/2025)") are neither words nor debris
    words = [w.strip('()"“”') for w in text.split() if any(c.isalpha() for c in w)]
    if not words:
        return False
    good = sum(1 for w in words if _WORD.match(w))
    return good / len(words) >= 0.9


def attachment_note_title(blocks: list[Block]) -> str | None:
    """`ĐỀ CƯƠNG <TITLE>` from a body note naming the attachment, else None."""
    h = load_headings()
    words = "|".join(re.escape(w.capitalize()) + "|" + re.escape(w.lower()) for w in h.part_words)
    opens = "|".join(re.escape(o) for o in h.attachment_note_openings)
    pattern = re.compile(
        rf"\((?:(?i:{opens}))\s+(?P<word>{words})\s+(?P<title>[^()]{{8,300}}?)(?=[,;]?\s*(?:ban hành )?kèm theo|\))"
    )
    for b in blocks:
        m = pattern.search(b.text)
        if m and not fold(m.group("title")).startswith("kèm theo"):  # "(Có đề cương kèm theo)" names nothing
            return f"{m.group('word').upper()} {m.group('title').strip(' ,;').upper()}"
    return None


def body_blocks(lines: list[Line], width: int, main: bool = False) -> list[Block]:
    """Blocks of the main body (`main`) or of an attached part."""
    return promote_sections(build_blocks(lines, width), mixed_case=main)
