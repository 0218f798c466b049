"""The header's cells as printed, before the fields are read from them.

Website exports and copies flatten or wrap the two-column header: a cell's
text wraps over lines ("*Hà Nội, ngày 19" / "tháng 11 năm 2025*", "CỘNG HÒA
XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM", "Số:" / "5664/CT-CS"), two cells share a line
("CHÍNH PHỦ_____ Số: 170/2025/NĐ-CP"), rules stick to the words
("------ Số: 1661/NQ-UBTVQH15"), and a site prints its own furniture (a
copyright note, an info table "Số hiệu: | Loại văn bản: ...") before the
document. These helpers give the header reader one piece per printed field.
"""

from __future__ import annotations

import re
from functools import lru_cache

from thongsuot.parsing.blocks import upper_ratio
from thongsuot.parsing.duties import is_body
from thongsuot.parsing.lines import Line
from thongsuot.parsing.names import name_case
from thongsuot.parsing.normalise import fold
from thongsuot.parsing.symbols import find_date
from thongsuot.vocab.headings import load_headings

# the national motto or the Party line, printed in capitals at the top right of the header
_MOTTO = re.compile(r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA|ĐẢNG\s+CỘNG\s+SẢN(?:\s+VIỆT\s+NAM)?\s*$")
_EDGE_RULE = re.compile(
    r"^[\s\-_=*–—]{3,}|[\s\-_=*–—]{3,}$|^[\s_=*]+|[\s_=*]+$"
    # a scan's edge junk stuck to the first word: "-_TỈNH VĨNH LONG", "-KẾ HOẠCH" (a bullet has a space)
    r"|^[\-–—]?[_=*~|'`]+[\-–—]?(?=[^\W\d_])|^[\-–—](?=[^\W\d_]{2,}\s)"
)
# "Số" opening a symbol inside a flattened line ("CHÍNH PHỦ_____ Số: 170/2025/NĐ-CP")
_INNER_SO = re.compile(r"(?<=[\s_\-–—])Số\s*[:.]?\s*(?=\d)")
_SO_LINE = re.compile(r"^(?:Số|SỐ)\s*[:.]?\s*[\d\s]*[-/]")
_CODE_REST = re.compile(r"^[A-ZĐ0-9][A-ZĐ0-9.\-/]*$")
_SO_ALONE = re.compile(r"^(?:[Ss][ốỐôÔóÓổỔ]|SỐ)\s*[:.]?$")
_DATE_WORD = re.compile(r"(?:^|[\s,])(?:ng[àaáạảã][yv]|Ngày|NGÀY)(?![^\W\d_])")
_SEARCH_LIMIT = 250  # lines searched for the national motto
_ISSUER_CELL = 8  # lines of the issuing column above the motto


def document_start(lines: list[Line]) -> int:
    """Index of the header's first line: the issuing column next to the motto; 0 when unsure.

    Lines before it (a site's copyright note, its info table, a page title) are no
    part of the document. The issuing column is the run of capitals, rules and `*`
    right above the motto line."""
    motto = None
    for i in range(min(len(lines), _SEARCH_LIMIT)):
        ln = lines[i]
        if len(ln.text) <= 160 and _MOTTO.search(ln.text):
            motto = i
            break
    if motto is None or motto == 0:
        return 0
    j = motto
    while j > 0 and motto - j < _ISSUER_CELL:
        prev = lines[j - 1]
        letters = sum(c.isalpha() for c in prev.text)
        if (
            prev.rule
            or not letters
            or len(prev.text.strip()) <= 3  # the star under the issuer read as letters ("ki")
            or (upper_ratio(prev.text) > 0.85 and len(prev.text) <= 80)
            or _SO_LINE.match(prev.text)
            or (_INNER_SO.search(prev.text) is not None and len(prev.text) <= 80)  # "------ Số: 1661/NQ-"
            or (_DATE_WORD.search(prev.text) and len(prev.text) <= 60 and find_date(prev.text, 0) is not None)
        ):
            j -= 1
            continue
        break
    return j


def clean_text(text: str) -> str:
    """Words of a header piece without rules stuck to them."""
    return _EDGE_RULE.sub("", text).strip()


_NOT_WORD = re.compile(r"[^\w\s]+")
# a speck OCR read as punctuation between the parts of a date: "ngày 16 tháng, 11 năm", "tháng - 11"
_DATE_SPECK = re.compile(r"(?<![^\W\d_])(ngày|tháng|năm|Ngày|NGÀY|THÁNG|NĂM)\s*[,.;:'`_~|\-–—]+\s*(?=\d)")


def date_text(text: str) -> str:
    """A header piece with specks read as punctuation after a date word dropped, for the date reader."""
    return _DATE_SPECK.sub(r"\1 ", text)


def fixed_key(text: str) -> str:
    """Matching key for the printed header phrases (mottos): no marks, no punctuation.

    OCR loses or swaps marks in them ("CÔNG HÒA" for "CỘNG HÒA") and adds specks read as stops
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA ."); the phrases are long enough to be told apart without either."""
    return " ".join(_NOT_WORD.sub(" ", fold(clean_text(text), diacritics=False)).split())


@lru_cache(maxsize=1)
def _fixed_keys() -> tuple[str, ...]:
    return tuple(fixed_key(phrase) for phrase in load_headings().header_fixed)


def is_fixed_phrase(text: str) -> bool:
    """A motto line, whole, run on into the next cell's words, or cut where its cell wrapped.

    A cut piece counts when it is the phrase's first words, three at least ("CỘNG HÒA XÃ HỘI CHỦ
    NGHĨA" without "VIỆT NAM"): no body's name is the start of a motto."""
    key = fixed_key(text)
    if not key:
        return False
    for phrase in _fixed_keys():
        if key == phrase or key.startswith(phrase + " "):
            return True
        if phrase.startswith(key + " ") and len(key.split()) >= 3:
            return True
    return False


def split_pieces(pieces: list[Line]) -> list[Line]:
    """One piece per field: cut a flattened "NAME Số: N/CODE" before its "Số"."""
    out: list[Line] = []
    for p in pieces:
        m = _INNER_SO.search(p.text)
        head = clean_text(p.text[: m.start()]) if m else ""
        if m is None or not head or sum(c.isalpha() for c in head) < 2:
            out.append(p)
            continue
        cut = min(p.start + m.start(), p.end)
        out.append(Line(p.index, p.start, cut, head, p.blank_before, level=p.level))
        out.append(Line(p.index, cut, p.end, p.text[m.start() :].strip(), False, level=p.level))
    return out


def join_wrapped(pieces: list[Line]) -> list[Line]:
    """Join a cell's text wrapped over lines: a date cut before its year, "Số:" without its
    number, a motto cut in two."""
    out: list[Line] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        joined = 0
        while i + 1 < len(pieces) and joined < 3 and _wraps(p, pieces[i + 1]):
            nxt = pieces[i + 1]
            p = Line(p.index, p.start, nxt.end, f"{p.text} {nxt.text}", p.blank_before, level=p.level)
            i += 1
            joined += 1
        out.append(p)
        i += 1
    return out


def _wraps(p: Line, nxt: Line) -> bool:
    if p.rule or nxt.rule or not nxt.text:
        return False
    text = clean_text(p.text)
    # "Số:" and its number a line or a paragraph's space apart (a scan keeps the cell's spacing)
    if _SO_ALONE.match(text) and (not nxt.blank_before or nxt.text[:1].isdigit()):
        return True
    # a place name cut before its date: "Hà" / "Nội, ngày 25 tháng 11 năm 2025" (a scan may keep
    # the cell's paragraph space between them)
    word = _DATE_WORD.search(nxt.text)
    if (
        word is not None
        and len(text.split()) <= 2
        and text[:1].isupper()
        and not any(c.isdigit() for c in text)
        and find_date(nxt.text, 0) is not None
        and 0 <= nxt.text.find(",") < word.start() + 1
        and (not nxt.blank_before or len(nxt.text[: nxt.text.find(",")].split()) == 1)
    ):
        return True
    if nxt.blank_before:
        return False
    # a symbol wrapped at its dash or slash: "Số: 1661/NQ-" / "UBTVQH15"
    if _SO_LINE.match(text) and text.endswith(("-", "/")) and _CODE_REST.match(nxt.text.strip()):
        return True
    if _DATE_WORD.search(text) and len(text) < 60 and find_date(date_text(text), 0) is None:
        return any(c.isdigit() for c in nxt.text) and len(nxt.text) < 60
    first = fixed_key(text)
    both = f"{first} {fixed_key(nxt.text)}"
    for key in _fixed_keys():
        if first and first != key and key.startswith(first) and (
            both == key or key.startswith(both) or both.startswith(key)
        ):
            return True
    return False


@lru_cache(maxsize=1)
def _positions() -> tuple[str, ...]:
    return tuple(sorted((fold(p) for p in load_headings().position_words), key=len, reverse=True))


def authority_body(text: str) -> str | None:
    """The body of a deciding-authority line printed in capitals between the subject and the
    "Căn cứ ..." lines: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" -> "Ủy ban nhân dân tỉnh X",
    "CỤC TRƯỞNG CỤC HẢI QUAN" -> "Cục Hải quan", "ỦY BAN THƯỜNG VỤ QUỐC HỘI" as is.
    None when the line is no such name (a subject in capitals: "... / CHỦ TỊCH HỒ CHÍ MINH")."""
    words = clean_text(text).split()
    if len(words) < 2 or len(" ".join(words)) > 120 or upper_ratio(" ".join(words)) < 0.9:
        return None
    keys = [fold(w) for w in words]
    for position in _positions():
        n = len(position.split())
        if " ".join(keys[:n]) == position and len(words) > n:
            rest = name_case(" ".join(words[n:]))
            return rest if is_body(rest) else None
    name = name_case(" ".join(words))
    return name if is_body(name) else None


def is_position_line(text: str) -> bool:
    """A capitals line opening with a position word and naming a body after it."""
    key = fold(clean_text(text))
    return authority_body(text) is not None and any(key.startswith(p + " ") for p in _positions())
