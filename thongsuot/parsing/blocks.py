"""Logical blocks: markers classified, wrapped lines rejoined into paragraphs.

PDF/OCR text breaks every line (seed 001 even puts a blank line after each),
while Markdown puts a whole paragraph on one line. One rule set serves both:
a line continues the previous one unless it starts with a marker (section,
item, bullet), and the previous line either ends a sentence or is a short
line (a heading) — "short" measured against the width the document wraps at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thongsuot.domain.document import NodeKind
from thongsuot.parsing.duties import is_body, opens_with_duty_verb
from thongsuot.parsing.lines import Line
from thongsuot.vocab.headings import load_headings

# OCR reads I as l ("Il.", "Ill/"); some provinces write "I/" and "1/"
_ROMAN = re.compile(r"^(?P<num>[IVXLl]{1,6})\s*(?P<sep>[.\-–—:)]|/(?=\s))\s*(?P<rest>.*)$")
_PART_NO = re.compile(
    r"^(?P<num>(?:(?:PHẦN|Phần|phần)\s+(?:THỨ|thứ)\s+\w+|(?:PHẦN|Phần)\s+[IVX\d]{1,4})(?:\s*[.:\-–](?=\s))?)\s*(?P<rest>.*)$"
)
# "A. KẾT QUẢ THỰC HIỆN" / "B. PHƯƠNG HƯỚNG ...": lettered parts holding Roman sections
_ALPHA_PART = re.compile(r"^(?P<num>[A-H])(?P<sep>[.\-–)])\s+(?P<rest>\S.*)$")
_ITEM = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<sep>\.(?!\d)|\s?[-–)](?=\s|$)|/(?=\s)|(?=\s))\s*(?P<rest>.*)$"
)
_LETTER = re.compile(r"^(?P<num>[a-zđ])(?P<sep>\)|\.(?=\s+[A-ZĐÀ-Ỹ]))\s*(?P<rest>.*)$")
_BULLET = re.compile(r"^(?P<num>[-–—•·+*◦▪●○])\s*(?P<rest>.*)$")
_SYMBOLISH = re.compile(r"^[A-ZĐ][A-ZĐa-zƯư]{0,5}\s?/|^[\d/%,.]")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_TERMINAL = ".;:!?…"
_CLOSERS = "”\"’'»)]*"
# "số" last on a line: the number follows on the next ("Căn cứ Thông tư số" / "32/2014/TT-BNNPTNT ...")
_JOINERS = (",", "-", "–", "(", "/", "và", "của", "với", "các", "những", "về", "theo", "trong", "cho", "để", "số")


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral (I..L), None when malformed."""
    total, prev = 0, 0
    for ch in reversed(text):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    canonical = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    tens = ["", "X", "XX", "XXX", "XL", "L"]
    if total <= 0 or total > 59 or tens[total // 10] + canonical[total % 10] != text:
        return None
    return total


@dataclass(frozen=True)
class Marker:
    kind: NodeKind
    marker: str | None
    rest: str
    depth: int = 0  # item: number of components; bullet: 0 for '-', 1 for '+', 2 others
    value: int | None = None


def upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.isupper()) / len(letters)


def classify(text: str) -> Marker:
    """What a line starts with: a section, item, bullet marker, or plain text."""
    m = _ROMAN.match(text)
    if m and (m.group("rest") or m.group("sep") in ".-–"):
        num, rest = m.group("num"), m.group("rest")
        if "l" in num and upper_ratio(rest) < 0.8:
            num = ""  # a lower-case l is an OCR'd I only before a capitals heading
        value = roman_value(num.replace("l", "I")) if num else None
        if value is not None and not _SYMBOLISH.match(rest) and not (rest[:1].islower()):
            return Marker(NodeKind.SECTION, num.replace("l", "I") + m.group("sep"), rest, 0, value)
    m = _PART_NO.match(text)
    if m:
        return Marker(NodeKind.SECTION, m.group("num"), m.group("rest"), 0, None)
    m = _ALPHA_PART.match(text)
    if m and upper_ratio(m.group("rest")) > 0.8 and len(m.group("rest").split()) >= 2:
        return Marker(NodeKind.SECTION, m.group("num") + m.group("sep"), m.group("rest"), 0, None)
    m = _ITEM.match(text)
    if m:
        rest, sep, num = m.group("rest"), m.group("sep"), m.group("num")
        ok = not _SYMBOLISH.match(rest)
        if not sep and ("." not in num or not rest[:1].isupper()):
            ok = False
        if ok:
            parts = num.split(".")
            return Marker(NodeKind.ITEM, num + sep.strip(), rest, len(parts), int(parts[-1]))
    m = _LETTER.match(text)
    if m and m.group("rest"):
        return Marker(NodeKind.ITEM, m.group("num") + m.group("sep"), m.group("rest"), 0, None)
    m = _BULLET.match(text)
    if m and not _SYMBOLISH.match(m.group("rest")):
        sym = m.group("num")
        depth = 0 if sym in "-–—" else 1 if sym == "+" else 2
        return Marker(NodeKind.BULLET, sym, m.group("rest"), depth)
    return Marker(NodeKind.PARAGRAPH, None, text)


def is_terminal(text: str) -> bool:
    s = text.rstrip(_CLOSERS + " ")
    return bool(s) and s[-1] in _TERMINAL


def ends_with_joiner(text: str) -> bool:
    s = text.rstrip()
    if s.endswith((",", "-", "–", "(", "/")):
        return True
    last = s.rsplit(" ", 1)[-1].lower()
    return last in _JOINERS


@dataclass
class Block:
    """A logical paragraph: a marker and the rejoined words of its lines."""

    kind: NodeKind
    marker: str | None
    depth: int
    value: int | None
    lines: list[Line]
    parts: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        return join_parts(self.parts)

    @property
    def last_line(self) -> str:
        return self.lines[-1].text


def join_parts(parts: list[str]) -> str:
    """Join wrapped lines: one space, or none across a hyphen break (`xây-` / `dựng`).

    Pieces are collected in a list and joined once, so the cost is linear in the
    paragraph's length (a 2 MB paragraph of short lines is no longer quadratic);
    `tail` holds the output's last two characters for the hyphen test."""
    pieces: list[str] = []
    tail = ""
    for p in parts:
        if not p:
            continue
        if not pieces:
            pieces.append(p)
        elif tail.endswith("-") and len(tail) > 1 and tail[-2].isalnum():
            if p[:1].islower():
                pieces[-1] = pieces[-1][:-1]  # the part that ends with the hyphen
                pieces.append(" ")
                tail = (tail[:-1])[-1:] + " "
            pieces.append(p)
        else:
            pieces.append(" ")
            pieces.append(p)
            tail = " "
        tail = (tail + p)[-2:]
    return "".join(pieces)


def _name_then_duty(block: Block, line: Line) -> bool:
    """ "1. Ban Tuyên giáo Huyện ủy" / "Hướng dẫn, theo dõi ...": a body's name alone on its item line, its duty below.

    Without a colon or a dash the two lines look like one wrapped sentence;
    a capitalised duty verb opening the second line after a bare body name
    tells them apart.
    """
    if block.kind not in (NodeKind.ITEM, NodeKind.BULLET) or len(block.lines) != 1:
        return False
    name = block.parts[0].strip()
    if len(name.split()) > 14 or not is_body(name):
        return False
    return line.text[:1].isupper() and opens_with_duty_verb(line.text)


def _continues(block: Block, line: Line, mark: Marker, wrap: int, blank_breaks: bool) -> bool:
    prev = block.last_line
    if line.rule or line.level > 0:
        return False
    if mark.kind is not NodeKind.PARAGRAPH:
        if mark.kind is NodeKind.BULLET and mark.depth == 0 and mark.rest[:1].islower():
            return not is_terminal(prev)
        return False
    if block.kind is NodeKind.SECTION and not is_terminal(prev):
        if not block.parts[0].strip():
            return True
        if upper_ratio(prev) > 0.8 and upper_ratio(line.text) > 0.8:
            return True
        # "II. NỘI DUNG TUYÊN TRUYỀN" / "(Có đề cương kèm theo)": a note printed under the heading
        if line.text.startswith("(") and line.text.rstrip(" .").endswith(")") and len(line.text) <= 80:
            return True
    first = line.text[:1]
    if first.islower():
        return not prev.rstrip().endswith(":")
    if is_terminal(prev):
        return False
    if ends_with_joiner(prev):
        return True
    if _name_then_duty(block, line):
        return False
    if blank_breaks and line.blank_before:
        return False
    return len(prev) >= wrap


def build_blocks(lines: list[Line], width: int) -> list[Block]:
    """Rejoin wrapped lines into blocks, each starting with its marker."""
    wrap = min(int(0.75 * width), 100)
    content = [ln for ln in lines if not ln.rule]
    # blank lines mean "new paragraph" unless the text puts one after every line
    blank_breaks = bool(content) and sum(ln.blank_before for ln in content) < 0.6 * len(content)
    blocks: list[Block] = []
    last_roman = 0
    marks = [classify(ln.text) for ln in lines]
    printed = {m.value for m in marks if m.kind is NodeKind.SECTION and m.value is not None}
    letters = {m.marker[0] for m in marks if m.kind is NodeKind.SECTION and m.value is None and m.marker}
    _read_comma_items(lines, marks)
    for line, mark in zip(lines, marks, strict=True):
        if line.rule:
            continue
        mark = _read_roman(line.text, mark, last_roman, printed, letters)
        if mark.kind is NodeKind.SECTION and mark.value is not None:
            if mark.value != last_roman + 1 and upper_ratio(mark.rest) < 0.6 and mark.value != 1:
                mark = Marker(NodeKind.PARAGRAPH, None, line.text)
        if blocks and _continues(blocks[-1], line, mark, wrap, blank_breaks):
            blocks[-1].lines.append(line)
            blocks[-1].parts.append(line.text)
            continue
        if mark.kind is NodeKind.SECTION and mark.value is not None:
            last_roman = mark.value
        blocks.append(Block(mark.kind, mark.marker, mark.depth, mark.value, [line], [mark.rest]))
    return [b for b in blocks if any(c.isalnum() for c in b.text) or b.marker]


_COMMA_ITEM = re.compile(r"^(?P<num>\d{1,2}),\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")
# "1." read as "l." / "I." / "|." before a sentence-case name ("l. Sở Tài chính:")
_ONE_ITEM = re.compile(r"^(?P<num>[^\W\d_]|[|!])[.,]\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")


def _read_comma_items(lines: list[Line], marks: list[Marker]) -> None:
    """`1, Giao Văn phòng ...`: an item marker whose dot OCR read as a comma, where the numbering agrees
    (the next numbered item is `2.`, or the one before was `n-1.`); `l. Sở Tài chính:` before a `2.` is item
    1 with its digit read as a letter (vocab roman_ocr: the letters OCR reads for a stroke); in place."""
    following: int | None = None
    after: list[int | None] = [None] * len(marks)
    for k in range(len(marks) - 1, -1, -1):
        after[k] = following
        if marks[k].kind is NodeKind.ITEM and marks[k].depth == 1:
            following = marks[k].value
    previous: int | None = None
    for k, (line, mark) in enumerate(zip(lines, marks, strict=True)):
        m = _COMMA_ITEM.match(line.text) if mark.kind is NodeKind.PARAGRAPH else None
        if m is not None:
            n = int(m.group("num"))
            if after[k] == n + 1 or previous == n - 1 and n > 1:
                marks[k] = Marker(NodeKind.ITEM, f"{n}.", m.group("rest"), 1, n)
        one = _ONE_ITEM.match(line.text) if mark.kind is not NodeKind.ITEM or mark.depth == 0 else None
        if (
            one is not None
            and after[k] == 2
            and load_headings().roman_ocr.get(one.group("num"), one.group("num")) == "I"
            and upper_ratio(one.group("rest")) < 0.6
        ):
            marks[k] = Marker(NodeKind.ITEM, "1.", one.group("rest"), 1, 1)
        if marks[k].kind is NodeKind.ITEM and marks[k].depth == 1:
            previous = marks[k].value


# a comma for the stop too ("VI, TỔ CHỨC THỰC HIỆN"): taken only for the outline's next numeral
_MARKER_TOKEN = re.compile(
    r"^(?P<num>[^\s.,\-–—:)/]{1,4})(?:\s*(?P<sep>[.,\-–—:)]|/(?=\s))|(?=\s))\s*(?P<rest>\S.*)$"
)  # the stop lost too ("L MỤC ĐÍCH"): only a numeral of letters, never digits


def _read_roman(text: str, mark: Marker, last: int, printed: set[int], letters: set[str]) -> Marker:
    """A Roman section marker damaged by OCR, read as the next numeral of the outline.

    `H. NỘI DUNG` after `I.` is `II.` (vocab roman_ocr maps the letters OCR reads);
    `II. DỰ TOÁN` right after `II.` is `III.` with an `I` lost (its value moves on,
    the marker stays as read). Only capital headings qualify, and a reading with a
    digit (`1.` for `I.`) only when the numeral after it is printed cleanly too:
    a `1.` heading is otherwise a numbered item; `H.` after a lettered part `G.` is that part's next."""
    expected = last + 1
    if mark.kind is NodeKind.SECTION and mark.value == expected:
        return mark
    if mark.kind is NodeKind.SECTION and mark.value is not None and mark.value == last and last:
        if upper_ratio(mark.rest) > 0.8:
            return Marker(NodeKind.SECTION, mark.marker, mark.rest, 0, expected)
        return mark
    m = _MARKER_TOKEN.match(text)
    if m is None or upper_ratio(m.group("rest")) <= 0.8 or len(m.group("rest")) < 3:
        return mark
    num, rest = m.group("num"), m.group("rest")
    table = load_headings().roman_ocr
    numeral = "".join(table.get(c, c) for c in num)
    printed_sep = m.group("sep")
    if printed_sep is None and not num.isalpha():
        return mark
    sep = "." if printed_sep in (",", None) else printed_sep
    if numeral == num and sep == printed_sep or roman_value(numeral) != expected or _SYMBOLISH.match(rest):
        return mark
    if any(c.isdigit() for c in num) and expected + 1 not in printed:
        return mark
    if len(num) == 1 and chr(ord(num) - 1) in letters:
        return mark
    return Marker(NodeKind.SECTION, numeral + sep, rest, 0, expected)


def promote_sections(blocks: list[Block], mixed_case: bool = False) -> list[Block]:
    """Documents without Roman sections: depth-1 items with upper-case headings are the sections.

    With `mixed_case` (the main body, not an attached outline whose numbered
    topics stay items), depth-1 items that are all headings — short, no closing
    punctuation, each followed by its own content ("1. Đánh giá chung" /
    "2. Nhiệm vụ thời gian tới") — are the sections too."""
    if any(b.kind is NodeKind.SECTION for b in blocks):
        return blocks
    heads = [b for b in blocks if b.kind is NodeKind.ITEM and b.depth == 1 and upper_ratio(b.text) > 0.8]
    if len(heads) < 2 and mixed_case:
        heads = _mixed_case_heads(blocks)
    if len(heads) < 2:
        return blocks
    for b in heads:
        b.kind = NodeKind.SECTION
    return blocks


def _mixed_case_heads(blocks: list[Block]) -> list[Block]:
    heads = []
    for i, b in enumerate(blocks):
        if b.kind is not NodeKind.ITEM or b.depth != 1:
            continue
        text = b.text
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            len(text) > 100
            or is_terminal(text)
            or not text[:1].isupper()
            or nxt is None
            or nxt.kind is NodeKind.ITEM
            and nxt.depth <= 1
        ):
            return []
        heads.append(b)
    return heads
