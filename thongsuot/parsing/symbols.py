"""Document numbers, symbols and dates as printed in directive documents.

A Party symbol reads `205-KH/BTCTW` (number, dash, type code, slash, issuer
code); a State symbol reads `0124/KH-UBND` or `30/2020/NĐ-CP` (number, slash,
[year, slash], type code, dash, issuer code). OCR damages the codes (`KH/TƯ`,
`NQ/T\\V`, `ỌĐ/TW`) and puts spaces or line breaks around the dash; the
repairs are data (codes.toml), applied here to each code separately.

Dates read `ngày 12/4/2019`, `12-4-2019`, `ngày 12- 4-2019`, `12.4.2019` or
`ngày 12 tháng 4 năm 2019`. All patterns are plain linear-time regexes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from thongsuot.parsing.markup import glued_anchor
from thongsuot.vocab.codes import load_codes

# Upper-case letters a code may contain, including the Vietnamese ones OCR
# puts in place of plain letters (`TƯ`, `TỈV`, `ỌĐ`).
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_GAP = r"[ \t]{0,3}(?:\n[ \t\n]{0,6})?"  # spaces, possibly one line break (blank lines too)
_TYPE = rf"[{_UPPER}][{_UPPER}]{{0,5}}(?:[a-z]{{1,2}})?"
# mixed-case Party codes keep their "Th" (Thành ủy): "BTGThU", "Th.U"
_ISSUER_SEG = rf"[{_UPPER}](?:[{_UPPER}\\\d]|h\.?(?=[{_UPPER}])){{0,11}}(?:g)?"
_NOT_LETTER_AFTER = r"(?![^\W_])"

# a number with OCR's `O` for `0` and `l`/`I` for `1` ("O1-KL/TW", "l2-CT/TW"), at least one real digit
_NUM = r"(?:[OlI](?=\d)|\d)[\dO]{0,4}"
_NUM_FIX = str.maketrans({"O": "0", "l": "1", "I": "1"})
_PARTY = (
    rf"(?P<p_num>{_NUM}){_GAP}-{_GAP}(?P<p_type>{_TYPE}){_GAP}/{_GAP}"
    rf"(?P<p_iss>['`]?{_ISSUER_SEG}(?:-{_ISSUER_SEG})*){_NOT_LETTER_AFTER}"
)
_STATE = (
    rf"(?P<s_num>{_NUM})[ \t]?/[ \t]?(?:(?P<s_year>(?:19|20)\d\d)[ \t]?/[ \t]?)?"
    rf"(?P<s_codes>{_TYPE}(?:[ \t]?-[ \t]?{_ISSUER_SEG})+|(?<=/){_ISSUER_SEG}\d*(?=[\s.,;:)*]|$))"
    rf"{_NOT_LETTER_AFTER}"
)
# (the look-ahead first lets the regex engine skip quickly to digits)
SYMBOL_PATTERN = re.compile(rf"(?=[\dOlI])(?<![\w/.\-])(?:{_PARTY}|{_STATE})")

_DAY_WORD = r"(?:ng[àaáạ][yv]|ne[àa]y|NGÀY|Ngày)"
_NUMERIC_DATE = r"(?<!\d)(?P<d>\d{1,2})[ \t]{0,2}[/.\-][ \t]{0,2}(?P<m>\d{1,2})[ \t]{0,2}[/.\-][ \t]{0,2}(?P<y>\d{4})(?!\d)"
# the long form tolerates OCR's `O` for `0` ("ngày 2O tháng 12 năm 2023") and a space lost after a
# word ("ngày 01 tháng12 năm 2025"): the words pin it down
_OCR_DD = r"(?:\d[\dO]?|O\d)"
_LONG_DATE = (
    rf"(?<![\dO])(?P<ld>{_OCR_DD})\s+th[áa]ng\s*(?P<lm>{_OCR_DD})\s*n[ăa]m\s*(?P<ly>\d[\dO]{{3}})(?!\d)"
)
DATE_PATTERN = re.compile(rf"(?:{_DAY_WORD}\s{{0,3}})?(?:{_NUMERIC_DATE}|{_LONG_DATE})")


@dataclass(frozen=True)
class SymbolParts:
    """A document number and symbol, split: `205-KH/BTCTW` -> 205, KH/BTCTW."""

    number: str
    symbol: str | None
    type_code: str | None
    issuer_code: str | None
    ref: str


def _date_of(m: re.Match[str]) -> dt.date | None:
    if m.group("d") is not None:
        d, mo, y = m.group("d"), m.group("m"), m.group("y")
    else:
        d, mo, y = (m.group(g).replace("O", "0") for g in ("ld", "lm", "ly"))
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


def find_date(text: str, start: int = 0) -> tuple[dt.date, int, int] | None:
    """The first valid date phrase at or after `start`, with its range."""
    for m in DATE_PATTERN.finditer(text, start):
        date = _date_of(m)
        if date is not None:
            return date, m.start(), m.end()
    return None


def parse_date(text: str) -> dt.date | None:
    """The date of one date phrase (`ngày 12/4/2019`, `12 tháng 4 năm 2019`); invalid -> None."""
    if not isinstance(text, str):
        return None
    found = find_date(text)
    return found[0] if found else None


@lru_cache(maxsize=4096)
def _strip_marks(code: str) -> str:
    """Drop Vietnamese diacritics from a code, keeping Đ (OCR: `TƯ` -> `TU`)."""
    out = []
    for ch in code:
        if ch in "Đđ":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base)
    return "".join(out).replace("\\", "").replace("'", "").replace("`", "")


def repair_type_code(code: str) -> str:
    """Canonical type code: `ỌĐ` -> `QĐ`, keeps `QĐi`, `CTr`."""
    codes = load_codes()
    code = code.strip()
    if code in codes.types:
        return code
    if code in codes.type_repairs:
        return codes.type_repairs[code]
    plain = _strip_marks(code)
    if plain in codes.types:
        return plain
    return codes.type_repairs.get(plain, plain)


def repair_issuer_code(code: str) -> str:
    """Canonical issuer code: `TƯ` -> `TU`, `T\\V` / `TỈV` / `'TW` -> `TW`."""
    codes = load_codes()
    code = code.strip()
    if code in codes.type_repairs.values() or (code in codes.issuers and code.isascii()):
        return code
    if code in codes.issuer_repairs:
        return codes.issuer_repairs[code]
    plain = _strip_marks(code)
    if plain in codes.issuer_repairs:
        return codes.issuer_repairs[plain]
    # a damaged ending of a longer code: `BTGT\V` -> `BTGTW`, `BTGTƯ` -> `BTGTU`
    for bad, good in codes.issuer_repairs.items():
        if len(bad) >= 2 and code.endswith(bad) and len(code) > len(bad):
            fixed = _strip_marks(code[: -len(bad)]) + good
            if fixed in codes.issuers:
                return fixed
    return plain


_SPACES = re.compile(r"\s+")


def _parts_of(m: re.Match[str]) -> SymbolParts:
    if m.group("p_num") is not None:
        number = m.group("p_num").translate(_NUM_FIX)
        party_type = repair_type_code(m.group("p_type"))
        segs = m.group("p_iss").split("-")
        glued = glued_anchor(segs[-1])
        if glued is not None:  # "KH/HU1": footnote 1, not an issuer code HU1
            segs[-1] = glued[0]
        issuer = "-".join(repair_issuer_code(seg) for seg in segs)
        symbol = f"{party_type}/{issuer}"
        return SymbolParts(number, symbol, party_type, issuer, f"{number}-{symbol}")
    number = m.group("s_num").translate(_NUM_FIX)
    segs = [s for s in _SPACES.sub("", m.group("s_codes")).split("-") if s]
    codes = load_codes()
    first = repair_type_code(segs[0])
    type_code: str | None
    if first in codes.types and len(segs) > 1:
        type_code, rest = first, [repair_issuer_code(s) for s in segs[1:]]
        issuer_code: str | None = rest[0]
        tail = "-".join([type_code, *rest])
        if not m.group("s_year") and len(rest) == 1 and codes.is_party_issuer(rest[0]):
            symbol = f"{type_code}/{rest[0]}"  # "50/QĐ-TW": a Party document written State-style
            return SymbolParts(number, symbol, type_code, rest[0], f"{number}-{symbol}")
    else:
        type_code = None
        rest = [repair_issuer_code(s) for s in segs]
        issuer_code = rest[0]
        tail = "-".join(rest)
    symbol = f"{m.group('s_year')}/{tail}" if m.group("s_year") else tail
    return SymbolParts(number, symbol, type_code, issuer_code, f"{number}/{symbol}")


_SLASH = re.compile("/")
_BEFORE_SLASH = 40  # a symbol's number starts at most this far before its first slash
_AFTER_SLASH = 80


def find_symbols(text: str, start: int = 0) -> Iterator[tuple[SymbolParts, int, int]]:
    """Every document symbol in `text`, with its range (number included).

    Every symbol holds a slash, so only short windows around slashes are
    searched: much faster than running the full pattern over all the text."""
    done = start
    for slash in _SLASH.finditer(text, start):
        p = slash.start()
        if p < done:
            continue
        m = SYMBOL_PATTERN.search(text, max(done, p - _BEFORE_SLASH), min(len(text), p + _AFTER_SLASH))
        while m is not None and m.end() <= p:  # a symbol that ends before this slash was seen already
            m = SYMBOL_PATTERN.search(text, m.end(), min(len(text), p + _AFTER_SLASH))
        if m is None or m.start() > p:
            continue
        done = m.end()
        yield _parts_of(m), m.start(), m.end()


def parse_symbol(raw: str) -> SymbolParts | None:
    """Split one printed symbol (`205-KH/BTCTW`, `Số: 0124/KH-UBND`); None if there is none."""
    if not isinstance(raw, str):
        return None
    m = SYMBOL_PATTERN.search(raw)
    return _parts_of(m) if m else None
