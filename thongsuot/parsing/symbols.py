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
# the marks OCR reads for digits that are no upper-case letters ("l", "|", "o": codes.toml
# [symbol_repairs.digits]): inside a code only next to a digit ("UBTVQHl5", "QH1o")
_DIGIT_MARKS = "".join(re.escape(k) for k in load_codes().digit_repairs if not k.isupper())
_DIGIT_MARK = (
    rf"(?<=\d)[{_DIGIT_MARKS}]|[{_DIGIT_MARKS}](?=[{_DIGIT_MARKS}{_UPPER}]*\d)" if _DIGIT_MARKS else r"(?!)"
)
# mixed-case Party codes keep their "Th" (Thành ủy): "BTGThU", "Th.U"
_ISSUER_SEG = rf"[{_UPPER}](?:[{_UPPER}\\\d]|h\.?(?=[{_UPPER}])|{_DIGIT_MARK}){{0,11}}(?:g)?"
_NOT_LETTER_AFTER = r"(?![^\W_])"

# a number with OCR's `O` for `0` and `l`/`I` for `1` ("O1-KL/TW", "l2-CT/TW"), at least one real digit
# every mark OCR reads for a digit (codes.toml [symbol_repairs.digits]: "O1-KL/TW", "l2-CT/TW",
# "2O25"); a number holds a real digit in its first two characters
_MARKS = "".join(re.escape(k) for k in load_codes().digit_repairs)
_NUM_FIX = str.maketrans(load_codes().digit_repairs)
_NUM = rf"(?:\d|[{_MARKS}](?=[{_MARKS}]?\d))[\d{_MARKS}]{{0,4}}"
_YEAR = rf"(?:19|20|[{_MARKS}]9|2[{_MARKS}])[\d{_MARKS}]{{2}}"
_PARTY = (
    rf"(?P<p_num>{_NUM}){_GAP}-{_GAP}(?P<p_type>{_TYPE}){_GAP}/{_GAP}"
    rf"(?P<p_iss>['`]?{_ISSUER_SEG}(?:-{_ISSUER_SEG})*){_NOT_LETTER_AFTER}"
)
# OCR cuts a code with a space or a line break ("02/2017/T T-VPCP", "11306/V PCP-NN"): the head before
# the cut is kept only when the joined code is a known shape (see _cut_is_kept)
_CUT = rf"(?:(?P<s_cut>[{_UPPER}]{{1,3}})(?:[ \t]{{1,2}}|[ \t]?\n[ \t\n]{{0,6}}))"


def _state(cut: str) -> str:
    return (
        # (after "số", a number OCR cut with a space: "Báo cáo thẩm tra số 42 1/BC-UBPLTP15")
        rf"(?P<s_num>(?<=[sS][ốổóôồỐ][ ])\d{{1,3}}[ ]\d{{1,3}}(?=[ \t]?/)|{_NUM})"
        rf"[ \t]?/[ \t]?(?:(?P<s_year>{_YEAR})[ \t]?/[ \t]?)?"
        rf"(?P<s_codes>{cut}{_TYPE}(?:[ \t]?-[ \t]?\n?[ \t]?{_ISSUER_SEG})+"
        # a bare code ("61/2024/QH15", "56/UBND"): two characters at least, so "V/v" is no code "V"
        rf"|(?<=/)(?=[{_UPPER}][^\s.,;:)*]){_ISSUER_SEG}\d*(?=[\s.,;:)*]|$))"
        rf"{_NOT_LETTER_AFTER}"
    )


# No letter before the number, but for "số" with the space lost ("Tờ trình số347/TTr-CP").
# (the look-ahead first lets the regex engine skip quickly to digits)
_BEFORE = rf"(?=[\d{_MARKS}])(?:(?<![\w/.\-])|(?<=[sS][ốổóôồỐ]))"
SYMBOL_PATTERN = re.compile(rf"{_BEFORE}(?:{_PARTY}|{_state(_CUT + '?')})")
_UNCUT_PATTERN = re.compile(rf"{_BEFORE}(?:{_PARTY}|{_state('')})")

_DAY_WORD = r"(?:ng[àaáạ][yv]|ne[àa]y|NGÀY|Ngày)"
_NUMERIC_DATE = r"(?<!\d)(?P<d>\d{1,2})[ \t]{0,2}[/.\-][ \t]{0,2}(?P<m>\d{1,2})[ \t]{0,2}[/.\-][ \t]{0,2}(?P<y>\d{4})(?!\d)"
# the long form tolerates OCR's `O` for `0` ("ngày 2O tháng 12 năm 2023") and a space lost after a
# word ("ngày 01 tháng12 năm 2025") and a month read twice ("tháng 6 6 năm"): the words pin it down
_OCR_DD = r"(?:\d[\dO]?|O\d)"
_LONG_DATE = rf"(?<![\dO])(?P<ld>{_OCR_DD})\s+th[áa]ng\s*(?P<lm>{_OCR_DD})(?:[ ](?P=lm))?\s*n[ăa]m\s*(?P<ly>\d[\dO]{{3}})(?!\d)"
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
    if plain in codes.type_repairs:
        return codes.type_repairs[plain]
    # a letter OCR read twice ("QĐĐ" for QĐ, from "QĐÐ")
    for k in range(1, len(code)):
        once = code[:k] + code[k + 1 :]
        if code[k] == code[k - 1] and once in codes.types:
            return once
    return plain


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
    numbered = _repair_numbered(plain)
    if numbered is not None:
        return numbered
    # a damaged ending of a longer code: `BTGT\V` -> `BTGTW`, `BTGTƯ` -> `BTGTU`
    for bad, good in codes.issuer_repairs.items():
        if len(bad) >= 2 and code.endswith(bad) and len(code) > len(bad):
            fixed = _strip_marks(code[: -len(bad)]) + good
            if fixed in codes.issuers:
                return fixed
    return plain


def _repair_numbered(code: str) -> str | None:
    """A code that ends in a number, its number read back: `UBTVQHI5` -> `UBTVQH15`, `QHI15` -> `QH15`.

    The run after the code's letters must be a number (codes.toml `numbered_codes`), so letters OCR
    reads for digits (`digits`) are digits there; when that makes the number longer than such a
    number can be, the letters are strokes read beside the digits and are dropped. None when the
    code is no numbered code or its run is not a damaged number."""
    codes = load_codes()
    for prefix in sorted(codes.numbered_codes, key=len, reverse=True):
        run = code[len(prefix) :]
        if not code.startswith(prefix) or not run:
            continue
        if run.isdigit() or not all(ch.isdigit() or ch in codes.digit_repairs for ch in run):
            return None
        digits = "".join(codes.digit_repairs.get(ch, ch) for ch in run)
        if len(digits) > codes.numbered_codes[prefix]:
            digits = "".join(ch for ch in run if ch.isdigit())
        return prefix + digits if 0 < len(digits) <= codes.numbered_codes[prefix] else None
    return None


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
    number = m.group("s_num").translate(_NUM_FIX).replace(" ", "")
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
    year = m.group("s_year")
    symbol = f"{year.translate(_NUM_FIX)}/{tail}" if year else tail
    return SymbolParts(number, symbol, type_code, issuer_code, f"{number}/{symbol}")


def _cut_is_kept(m: re.Match[str]) -> bool:
    """Whether a code cut by a space or a line break is one code: the joined code is a known type
    code ("T T-VPCP" -> TT), or the head is no code of its own ("V PCP-NN" -> VPCP-NN)."""
    cut = m.groupdict().get("s_cut")
    if not cut:
        return True
    codes = load_codes()
    joined = _SPACES.sub("", m.group("s_codes")).split("-")[0]
    if repair_type_code(joined) in codes.types:
        return True
    return repair_type_code(cut) not in codes.types and repair_issuer_code(cut) not in codes.issuers


def _search(text: str, start: int, end: int) -> re.Match[str] | None:
    """The next symbol in text[start:end], a cut code joined only when _cut_is_kept."""
    m = SYMBOL_PATTERN.search(text, start, end)
    if m is not None and not _cut_is_kept(m):
        m = _UNCUT_PATTERN.search(text, m.start(), end)
    return m


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
        m = _search(text, max(done, p - _BEFORE_SLASH), min(len(text), p + _AFTER_SLASH))
        while m is not None and m.end() <= p:  # a symbol that ends before this slash was seen already
            m = _search(text, m.end(), min(len(text), p + _AFTER_SLASH))
        if m is None or m.start() > p:
            continue
        done = m.end()
        yield _parts_of(m), m.start(), m.end()


def parse_symbol(raw: str) -> SymbolParts | None:
    """Split one printed symbol (`205-KH/BTCTW`, `Số: 0124/KH-UBND`); None if there is none."""
    if not isinstance(raw, str):
        return None
    m = _search(raw, 0, len(raw))
    return _parts_of(m) if m else None
