"""The header: issuer, own symbol, place and date, type word and subject line.

Party layout: issuing body top left (parent above, then `*`), "ĐẢNG CỘNG SẢN
VIỆT NAM" top right, `Số: ...` under the body, place-date on the right, then
the type word and the trích yếu. State layout carries the Quốc hiệu instead.
Web pages and converters put other lines before the header (page title,
timestamp, editor's lead): only the document's own lines count — the date
comes from a `Place, ngày ...` line, never from a timestamp or a lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thongsuot.domain.document import Header, NodeKind, ParseWarning, Span
from thongsuot.parsing.blocks import classify, is_terminal, upper_ratio
from thongsuot.parsing.header_cells import (
    authority_body,
    clean_text,
    date_text,
    document_start,
    fixed_key,
    is_fixed_phrase,
    is_position_line,
    join_wrapped,
    split_pieces,
)
from thongsuot.parsing.lines import Line, columns
from thongsuot.parsing.names import compose_issuer
from thongsuot.parsing.normalise import NormText, fold
from thongsuot.parsing.symbols import SymbolParts, find_date, parse_symbol
from thongsuot.vocab.codes import load_codes
from thongsuot.vocab.headings import load_headings
from thongsuot.vocab.syllables import is_syllable
from thongsuot.vocab.warnings import make_warning
from thongsuot.vocab.words import load_words

_W = load_words("header")  # the words of this module: vocab/data/words.toml [header]
# "Số" and its OCR forms before the document's own symbol.
_SO = _W.pattern("own_number")
# a body name may end in a number ("CHI BỘ KHU PHỐ 3", "BAN CHỈ ĐẠO 35"), never hold a symbol or date
_NAME_NUMBER = re.compile(r"(?<![\w/.\-])\d{1,3}(?![\w/.\-])")
_PLACE_DATE = _W.pattern("place_date")
# the date line with its place lost (OCR, a copy that dropped the first word): "ngày 12 tháng 3 năm 2024"
_DATE_ONLY = _W.pattern("date_only")
_VV = _W.pattern("about")
_BLANK_NUMBER = _W.pattern("blank_number")
_STATE_MOTTO, _PARTY_MOTTO = _W.word("state_motto"), _W.word("party_motto")
_STATE_KEY, _PARTY_KEY = fixed_key(_STATE_MOTTO), fixed_key(_PARTY_MOTTO)
# a dash OCR doubled inside a symbol: "1498/QĐ- -UBND"
_DOUBLED_DASH = re.compile(r"\s*[-–](?:\s*[-–])+\s*")
# a symbol printed alone where "Số:" was lost to the scan: "5664/CT-CS"
_BARE_SYMBOL = _W.pattern("bare_symbol")
_ADDRESSEE, _RECIPIENTS = _W.word("addressee"), _W.word("recipients")
_SUBJECT_END = re.compile(r"^\S*\d\S*[/-]\S+[.,;]?$")
_HEADER_LIMIT = 60
# A long subject wraps over up to ten lines at a website's width, and over more on a scanned page
# (narrower, and each of the source's line breaks kept): lines and characters both bound it.
_TITLE_LINES = 16
_TITLE_CHARS = 900


@dataclass
class HeaderResult:
    header: Header
    body_start: int  # index in the line list where the body begins
    warnings: list[ParseWarning] = field(default_factory=list)


_LETTERSPACED = re.compile(r"^(?:\w\s+){3,}\w$")


def _type_word(text: str, loose: bool = False) -> tuple[str, str] | None:
    """(type word, rest) when a line is a type word printed in upper case.

    `loose`: also a type word followed by a subject in capitals on the same line
    ("KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT ...", as web pages print it); tried
    only when no line holds a type word on its own, since a capitals line may also
    be a name ("KẾ HOẠCH VÀ ĐẦU TƯ")."""
    stripped = text.strip(" .:*-_|~'`")  # "-KẾ HOẠCH": a scan's edge junk
    if 4 <= len(stripped) <= 30 and upper_ratio(stripped) == 1.0:
        # OCR marks: "HƯỚNG DẢN", "KÉ HOẠCH" (a whole line in capitals, same letters)
        bare = fold(stripped, diacritics=False)
        for word in load_headings().type_words:
            if bare == fold(word, diacritics=False):
                return word, ""
    if _LETTERSPACED.match(stripped):  # "K Ế H O Ạ C H": a PDF's letter spacing
        solid = "".join(stripped.split())
        for word in load_headings().type_words:
            if solid == "".join(word.split()):
                return word, ""
    for word in load_headings().type_words:
        if stripped == word:
            return word, ""
        if stripped.startswith(word + " ") and upper_ratio(word) == 1.0:
            rest = stripped[len(word) :].strip()
            if rest and not rest[:1].isupper():
                return word, rest
            # a stand-alone outline prints its subject in capitals on the type line:
            # "ĐỀ CƯƠNG TUYÊN TRUYỀN KỶ NIỆM ..." (other type words followed by capitals
            # are names: "KẾ HOẠCH VÀ ĐẦU TƯ")
            if rest and word in load_headings().part_words and upper_ratio(rest) > 0.8:
                return word, rest
            if loose and rest and upper_ratio(rest) > 0.8 and len(rest.split()) >= 3:
                return word, rest
    return None


def find_type_line(lines: list[Line], start: int = 0, limit: int = _HEADER_LIMIT) -> int | None:
    for loose in (False, True):
        for i in range(start, min(len(lines), start + limit)):
            ln = lines[i]
            if _type_word(ln.text, loose):
                return i
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if not loose and nxt is not None and len(ln.text) < 12 and _type_word(f"{ln.text} {nxt.text}"):
                return i  # "QUYẾT" / "ĐỊNH": wrapped in its cell
            mark = classify(ln.text)
            if mark.kind is NodeKind.SECTION and mark.value == 1:
                break
    return None


_RULE_RUN = re.compile(r"[-_=*–—]{3,}")


def _strip_fixed(text: str) -> str:
    out = _RULE_RUN.sub(" ", text)
    for f in load_headings().header_fixed:
        out = re.sub(re.escape(f), " ", out, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", out).strip()


def _opening(text: str) -> bool:
    key = fold(text)
    return any(key.startswith(w + " ") for w in load_headings().opening_words)


def parse_header(view: NormText, lines: list[Line]) -> HeaderResult:
    """Read the header block; never raises (missing fields stay None)."""
    warnings: list[ParseWarning] = []
    spans: dict[str, Span] = {}
    start = document_start(lines)
    t = find_type_line(lines, start)
    kind: str | None = None
    title_lines: list[Line] = []
    if t is not None:
        word, rest = _type_word(lines[t].text) or _type_word(lines[t].text, loose=True) or ("", "")
        j = t + 1
        if not word and t + 1 < len(lines):  # "QUYẾT" / "ĐỊNH": a type word wrapped in its cell
            word, rest = _type_word(f"{lines[t].text} {lines[t + 1].text}") or ("", "")
            j = t + 2
        kind = word
        spans["kind"] = view.span(lines[t].start, lines[j - 1].end)
        head_lines = lines[start:t]
        if rest:
            title_lines.append(lines[t])
        j = _title_lines(lines, j, title_lines)
        body_start, authority = _authority(lines, j)
    else:
        head_lines, body_start, title_lines = _letter_header(lines, start)
        authority = None
        if not title_lines:
            warnings.append(
                make_warning("no_type_word")
            )
    pieces = join_wrapped(split_pieces([p for ln in head_lines for p in columns(view, ln)]))
    symbol_parts = None
    date = None
    place = None
    layout = "unknown"
    issuer_lines: list[str] = []
    seen_symbol = False
    for p in pieces:
        text = clean_text(p.text)
        key = fixed_key(text)
        if _STATE_KEY in key:
            layout = "state"
        elif _PARTY_KEY in key and layout == "unknown":
            layout = "party"
        m = _SO.match(text)
        if m and symbol_parts is None and _BLANK_NUMBER.match(m.group("rest")):
            continue  # "Số:      /KH-UBND": the number is left for the clerk, no symbol and no name
        if m and symbol_parts is None:
            symbol_parts = parse_symbol(_DOUBLED_DASH.sub("-", m.group("rest")))
            if symbol_parts:
                spans["symbol"] = view.span(p.start, p.end)
                seen_symbol = True
                # a web copy flattens the two columns: "Số 150-KH/TU Hà Tĩnh, ngày 05 tháng 6 năm 2023"
                pd = _PLACE_DATE.search(text, m.start("rest"))
                found = find_date(text, pd.start()) if pd and date is None else None
                if pd and found:
                    date, place = found[0], pd.group("place").strip()
                    spans["date"] = view.span(p.start, p.end)
                continue
        if symbol_parts is None and not seen_symbol and _BARE_SYMBOL.match(text):
            symbol_parts = parse_symbol(text)
            if symbol_parts:
                spans["symbol"] = view.span(p.start, p.end)
                seen_symbol = True
                continue
        text = date_text(text)
        pd = _PLACE_DATE.search(text)
        if pd and date is None:
            found = find_date(text, pd.start())
            if found:
                date = found[0]
                place = pd.group("place").strip()
                spans["date"] = view.span(p.start, p.end)
                continue
        if (date is None and _DATE_ONLY.match(text) and (found := find_date(text, 0))
                and not text[found[2]:].strip(" .;")):  # the whole line is the date, not a lead sentence
            date = found[0]
            spans["date"] = view.span(p.start, p.end)
            continue
        if _VV.match(text) and not title_lines:
            title_lines.append(p)
            continue
        words = _strip_fixed(text)
        if (
            not seen_symbol
            and words
            and not is_fixed_phrase(text)
            and upper_ratio(words) > 0.85
            and sum(c.isalpha() for c in words) >= 3
            and not any(c.isdigit() for c in _NAME_NUMBER.sub("", words))
            and not _type_word(words)
            and not _no_words(words)
        ):
            issuer_lines.append(words)
            spans.setdefault("issuer", view.span(p.start, p.end))
    issuer, parent = compose_issuer(_rejoin_by_code(issuer_lines, symbol_parts))
    if issuer is None and authority:
        issuer = authority
    if kind is None:
        kind = _unprinted_kind(title_lines, symbol_parts)
    title = _join_title(title_lines)
    if title_lines:
        spans["title"] = view.span(title_lines[0].start, title_lines[-1].end)
    header = Header(
        kind=kind,
        symbol=symbol_parts.ref if symbol_parts else None,
        number=symbol_parts.number if symbol_parts else None,
        type_code=symbol_parts.type_code if symbol_parts else None,
        issuer_code=symbol_parts.issuer_code if symbol_parts else None,
        date=date,
        place=place,
        issuer=issuer,
        parent_issuer=parent,
        title=title,
        layout=layout,
        spans=spans,
    )
    return HeaderResult(header, body_start, warnings)


def _no_words(text: str) -> bool:
    """A short piece with no Vietnamese syllable nor known acronym in it: a stamp's or a star's
    glyphs read as letters ("ÍÍY" under "TỈNH ỦY SÓC TRĂNG"), no name."""
    words = [w.strip(".,:;*-") for w in text.split()]
    acronyms = set(load_headings().acronyms)
    return len(words) <= 2 and not any(is_syllable(w) or w in acronyms or len(w) > 4 for w in words if w)


def _initials(text: str) -> str:
    return "".join(w[0] for w in fold(text, diacritics=False).upper().split() if w[0].isalpha())


def _rejoin_by_code(names: list[str], symbol: SymbolParts | None) -> list[str]:
    """The issuing cell's last name joined to the line above when a narrow cell wrapped it
    ("TRUNG TÂM PHỤC VỤ HÀNH" / "CHÍNH CÔNG") and the symbol's issuer code spells the whole name
    ("QĐ-TTPVHCC"): the code is its body's initials, the wrapped tail's are not."""
    code = symbol.issuer_code if symbol is not None else None
    if code is None or len(names) < 2:
        return names
    key = fold(code, diacritics=False).upper()
    head, tail = names[-2].rstrip(" .,:;"), names[-1]
    if len(key) >= 3 and _initials(tail) != key and _initials(f"{head} {tail}") == key:
        return [*names[:-2], f"{head} {tail}"]
    return names


def _title_lines(lines: list[Line], j: int, out: list[Line]) -> int:
    """Collect the trích yếu after the type word; return the index after it (and its rule)."""
    while j < len(lines) and len(out) < _TITLE_LINES and sum(len(o.text) for o in out) < _TITLE_CHARS:
        ln = lines[j]
        if ln.rule:
            j += 1
            if out:
                break
            continue
        mark = classify(ln.text)
        if mark.kind in (NodeKind.SECTION, NodeKind.ITEM) or (mark.kind is NodeKind.BULLET and out):
            break
        if out and (_opens(lines, j) or fold(ln.text).startswith(_ADDRESSEE)):
            break
        if out and is_terminal(out[-1].text) and not out[-1].text.rstrip().endswith(",") and not _speck_stop(out[-1], ln):
            break
        if out and len(ln.text) > 160:
            break
        if out and ln.blank_before and _long_paragraph(lines, j):
            break
        if out and is_position_line(_wrapped_line(lines, j)):
            break
        if out and authority_body(ln.text) and _opens(lines, j + 1):  # "ỦY BAN THƯỜNG VỤ QUỐC HỘI" / "Căn cứ"
            break
        if out and _authority_after_subject(out, ln, lines[j + 1] if j + 1 < len(lines) else None):
            break
        out.append(ln)
        j += 1
    # a rule right after the title belongs to it
    while j < len(lines) and lines[j].rule:
        j += 1
    return j


def _long_paragraph(lines: list[Line], j: int) -> bool:
    """The lines from j to the next blank line make a long mixed-case paragraph: the body's first, after
    a subject whose rule the scan lost ("... của Ban Bí thư" / (blank) / "Ngày 20/4/2024, Ban Thường vụ
    Tỉnh ủy họp ..." over four page lines). A text puts it on one line, longer than any subject line."""
    texts = [lines[j].text]
    k = j + 1
    while k < len(lines) and not lines[k].blank_before and not lines[k].rule and len(texts) < 8:
        texts.append(lines[k].text)
        k += 1
    paragraph = " ".join(texts)
    return len(paragraph) > 200 and upper_ratio(paragraph) < 0.5


def _speck_stop(last: Line, ln: Line) -> bool:
    """A stop or colon ending a capitals subject line that runs on, in capitals, on the very next line: a
    scan's speck read as punctuation ("VỀ VIỆC PHÊ DUYỆT QUY TRÌNH." / "NỘI BỘ GIẢI QUYẾT ...", "XÂY DỰNG
    LỰC:" / "LƯỢNG VÀ CHẾ ĐỘ"). A subject in capitals has no sentence in it; the line after it is set
    apart or is no capitals run-on."""
    text = last.text.rstrip()
    return (
        text.endswith((".", ":"))
        and not text.endswith(("..", "::"))
        and not ln.blank_before
        and upper_ratio(text) > 0.9
        and upper_ratio(ln.text) > 0.9
        and not ln.text.rstrip().endswith(":")
        and not _type_word(ln.text)
    )


def _opens(lines: list[Line], j: int) -> bool:
    """Whether the opening ("Căn cứ ...") starts at line j, also when a website wrapped it after one word."""
    if j >= len(lines):
        return False
    text = lines[j].text
    if len(text.split()) == 1 and j + 1 < len(lines):
        text = f"{text} {lines[j + 1].text}"
    return _opening(text)


def _wrapped_line(lines: list[Line], j: int) -> str:
    """A capitals line with the next one when a cell wrapped it mid-name ("CHỦ TỊCH ỦY BAN NHÂN" / "DÂN TỈNH")."""
    text = lines[j].text
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    if nxt is not None and not nxt.rule and not nxt.blank_before and upper_ratio(nxt.text) > 0.9:
        return f"{text} {nxt.text}"
    return text


def _authority(lines: list[Line], j: int) -> tuple[int, str | None]:
    """Skip the deciding authority printed between the subject and the "Căn cứ ..." lines
    (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X`, `ỦY BAN THƯỜNG VỤ QUỐC HỘI`); return where the body
    starts and the body that authority names."""
    k = j
    while k < len(lines) and k - j < 3 and not lines[k].rule and upper_ratio(lines[k].text) > 0.9:
        k += 1
    if k == j or k >= len(lines):
        return j, None
    text = " ".join(clean_text(ln.text) for ln in lines[j:k])
    body = authority_body(text)
    if body is None or not (_opens(lines, k) or is_position_line(text)):
        return j, None
    return k, body


def _unprinted_kind(title_lines: list[Line], symbol: SymbolParts | None) -> str | None:
    """The kind of a document that prints no type word: a letter (`V/v ...`) is a CÔNG VĂN;
    otherwise the type code of its own symbol says it (`21/2025/TT-BGDĐT`: THÔNG TƯ)."""
    code = "CV" if title_lines and _VV.match(title_lines[0].text) else (symbol.type_code if symbol else None)
    kinds = load_codes().types.get(code) if code else None
    return kinds[0].upper() if kinds else None


def _authority_after_subject(subject: list[Line], ln: Line, nxt: Line | None) -> bool:
    """A capitals line set apart after a mixed-case subject, right before the "Căn cứ ..." lines, is
    no part of it: the deciding authority of a decision ("ỦY BAN NHÂN DÂN PHƯỜNG ...",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ..."). A subject ending in capitals
    ("... Ngày sinh / CHỦ TỊCH HỒ CHÍ MINH") runs on."""
    if len(ln.text.split()) < 3 or upper_ratio(ln.text) < 0.9:
        return False
    if not ln.blank_before or nxt is None or not _opening(nxt.text):
        return False
    return upper_ratio(" ".join(o.text for o in subject)) < 0.5


def _letter_header(lines: list[Line], start: int = 0) -> tuple[list[Line], int, list[Line]]:
    """No type word: a letter ("V/v ...") or a fragment. The header ends where the body starts.

    The place-date cell printed after the subject (right column, below the motto)
    still belongs to the header."""
    limit = min(len(lines), start + _HEADER_LIMIT)
    for i in range(start, limit):
        if _VV.match(lines[i].text):
            title = [lines[i]]
            j = i + 1
            while j < limit and len(title) < 4 and _continues_subject(lines[j]) and not _dated(lines[j : j + 2]):
                title.append(lines[j])
                j += 1
            head = lines[start:i]
            n = _dated(lines[j : j + 2])
            if n:
                head.extend(lines[j : j + n])
                j += n
            return head, j, title
    for i in range(start, limit):
        ln = lines[i]
        mark = classify(ln.text)
        if mark.kind is NodeKind.SECTION or _opening(ln.text) or fold(ln.text).startswith(_ADDRESSEE):
            subject = _subject_before_opening(lines, start, i) if _opening(ln.text) else []
            return lines[: subject[0].index if subject else i], i, subject
    return [], 0, []


def _subject_before_opening(lines: list[Line], start: int, i: int) -> list[Line]:
    """A type line dropped by the export ("THÔNG TƯ" gone, its subject kept): the paragraph set apart
    between the numbered header ("Số: ...") and the opening "Căn cứ ..." lines is the subject.

    Mixed case and several words, never a header cell (number, place-date, motto) nor a
    body's capitals name; at most three wrapped lines."""
    k = i
    while k > start and i - k < 3:
        k -= 1
        if lines[k].blank_before:
            break
    block = lines[k:i]
    if not block or not block[0].blank_before or k <= start:
        return []
    if not any(_SO.match(clean_text(ln.text)) for ln in lines[start:k]):
        return []
    for ln in block:
        text = clean_text(ln.text)
        if ln.rule or _SO.match(text) or _PLACE_DATE.search(text) or _DATE_ONLY.match(text) or is_fixed_phrase(text):
            return []
    words = " ".join(ln.text for ln in block)
    if len(words.split()) < 5 or upper_ratio(words) > 0.6 or not words[:1].isupper():
        return []
    return block


def _dated(lines: list[Line]) -> int:
    """Lines (1 or 2) of a place-date printed whole or wrapped over two lines; 0 when none."""
    if not lines or lines[0].rule:
        return 0
    text = clean_text(lines[0].text)
    joined = join_wrapped(list(lines))
    if joined and joined[0] is not lines[0] and find_date(joined[0].text, 0) is not None:
        return 2
    return 1 if _PLACE_DATE.search(text) or _DATE_ONLY.match(text) else 0


def _continues_subject(ln: Line) -> bool:
    """A line that wraps a `V/v ...` subject: lower case, or run on without a blank line."""
    if ln.rule or not ln.text:
        return False
    if ln.text[:1].islower():
        return True
    key = fold(ln.text)
    if ln.blank_before or _opening(ln.text) or key.startswith((_ADDRESSEE, _RECIPIENTS)):
        return False
    if _SO.match(ln.text) or _PLACE_DATE.search(ln.text) or is_fixed_phrase(ln.text):
        return False
    if _SUBJECT_END.match(ln.text):  # the symbol a wrapped subject ends with: "... Nghị định" / "136/2025/NĐ-CP"
        return True
    return classify(ln.text).kind is NodeKind.PARAGRAPH and upper_ratio(ln.text) < 0.6


_LEAD_JUNK = re.compile(r"^[.,;:_|~'`]+(?=\w)")
# "V/" for "V/v": a scan lost the small v
_VV_CUT = re.compile(r"^V/(?=\s|$)")
# "V/vtrển khai": the subject's first word glued to "V/v"
_VV_GLUED = re.compile(r"^V/v(?=[^\W\d_])")


def _join_title(lines: list[Line]) -> str | None:
    texts = []
    for ln in lines:
        text = ln.text
        tw = _type_word(text) or _type_word(text, loose=True)
        if tw and tw[1]:
            text = tw[1]
        texts.append(_LEAD_JUNK.sub("", text.strip()))  # ".SẢN TRÊN ĐỊA BÀN": a speck before a line
    joined = _VV_GLUED.sub("V/v ", _VV_CUT.sub("V/v", " ".join(t for t in texts if t).strip(" -")))
    return joined or None
