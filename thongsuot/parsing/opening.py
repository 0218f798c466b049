"""What the body says about the document itself.

When the header omits the issuer, the opening sentence names it ("...; Ban
Tuyên giáo Tỉnh ủy hướng dẫn ... như sau:"), and so does the signature's
authority line. When the header omits the number and date, an attached part's
subtitle that cites a document of the same type by the same issuer ("(theo
Kế hoạch số 72-KH/HU, ngày 13/6/2022 của Ban Thường vụ Huyện uỷ)" under the
ĐỀ CƯƠNG of a KẾ HOẠCH) is the document's own symbol and date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from thongsuot.parsing.duties import is_body
from thongsuot.parsing.markup import strip_markup
from thongsuot.parsing.names import name_case
from thongsuot.parsing.normalise import fold
from thongsuot.parsing.symbols import SymbolParts, find_date, find_symbols
from thongsuot.vocab.codes import load_codes
from thongsuot.vocab.headings import load_headings
from thongsuot.vocab.words import load_words

_W = load_words("opening")  # the words of this module: vocab/data/words.toml [opening]

_MAX_SUBJECT_WORDS = 10


@lru_cache(maxsize=1)
def _subject_pattern() -> re.Pattern[str]:
    h = load_headings()
    verbs = "|".join(re.escape(v) for v in sorted(h.issuing_verbs, key=len, reverse=True))
    return re.compile(rf"{_W.word('subject_before_verb')}(?:{verbs})(?!\w)")


def issuer_from_opening(text: str) -> str | None:
    """The issuing body named as subject of the opening sentence (the last such clause)."""
    found = None
    for m in _subject_pattern().finditer(text):
        subj = m.group("subj").strip()
        if len(subj.split()) <= _MAX_SUBJECT_WORDS and is_body(subj) and not fold(subj).startswith(_W.word("plural")):
            found = subj
    return _without_position(found) if found else None


def _without_position(subject: str) -> str:
    """"Bộ trưởng Bộ Giáo dục và Đào tạo" -> "Bộ Giáo dục và Đào tạo": the body the head acts for."""
    key = fold(subject)
    for position in sorted(load_headings().position_words, key=len, reverse=True):
        p = fold(position)
        if key.startswith(p + " "):
            rest = subject.split(maxsplit=len(p.split()))[-1]
            if is_body(rest):
                return rest
    return subject


def is_standing_body(named: str, header_issuer: str) -> bool:
    """Whether a body the opening names is a standing body of the committee the header names as a
    whole ("Ban Bí thư" or "Bộ Chính trị" of "Ban Chấp hành Trung ương", "Ban Thường vụ" of
    "Ban Chấp hành Đảng bộ tỉnh"): then it is the issuer, named more precisely."""
    key, parent = fold(named), fold(header_issuer)
    if key == parent or not any(key.startswith(fold(b)) for b in load_headings().standing_bodies):
        return False
    # only a committee named as a whole ("Ban Chấp hành Trung ương", "Ban Chấp hành Đảng bộ tỉnh"): a
    # header naming the committee by its place ("Huyện ủy X") already is the issuer its documents use
    return parent.startswith(_W.word("whole_committee"))


def issuer_from_authority(authority: str | None, issuer_code: str | None) -> str | None:
    """`T/M BAN THƯỜNG VỤ` + issuer code HU -> `Ban Thường vụ Huyện ủy`."""
    if not authority:
        return None
    m = _W.pattern("on_behalf_of").match(authority.strip())
    if not m:
        return None
    body = name_case(m.group("body"))
    if issuer_code:
        level = load_codes().issuers.get(issuer_code)
        if level and fold(body) in _W.words("committee_bodies"):
            short = level.split()[-2:] if level else []
            suffix = " ".join(short)
            if fold(suffix) in _W.words("committee_levels"):
                return f"{body} {suffix}"
    return body


def own_from_subtitle(
    subtitle: str, kind: str | None, issuer: str | None
) -> tuple[SymbolParts, dt.date | None] | None:
    """The document's own symbol and date when a part's subtitle cites the same type by the same issuer."""
    if not kind or not subtitle:
        return None
    text = re.sub(r"\s*([-/])\s*", r"\1", subtitle)
    sym = next(iter(find_symbols(text)), None)
    if sym is None:
        return None
    parts, start, end = sym
    before = fold(text[:start])
    if not re.search(rf"(?<!\w){re.escape(fold(kind))}{_W.word('number_word_end')}", before):
        return None
    after = text[end:]
    m = _W.pattern("issued_by").search(after)
    if issuer and m:
        who, mine = fold(m.group("who")), fold(issuer)
        if not (who.startswith(mine) or mine.startswith(who)):
            return None
    found = find_date(after)
    return parts, found[0] if found else None


# "Ngày 25/02/2025, Ban Chấp hành Đảng bộ tỉnh ban hành Chương trình hành động số 30-CTr/TU":
# a web page's lead tells the date of the document it carries
_LEAD_TOLD = _W.pattern("lead_told")


def own_date_from_lead(text: str, own: SymbolParts) -> dt.date | None:
    """The date a lead sentence gives the document's own number, or None."""
    for parts, start, _end in find_symbols(text):
        if parts.ref != own.ref:
            continue
        # the lead's paragraph: a scan wraps it, the number may open the next page line
        blank = max(text.rfind("\n\n", 0, start), text.rfind("\n \n", 0, start))
        told = _LEAD_TOLD.search(text, blank + 1 if blank >= 0 else 0, start)
        if told is not None:
            found = find_date(told.group("date"))
            if found is not None:
                return found[0]
    return None


# "Nghị quyết này được Ủy ban Thường vụ Quốc hội ... thông qua ngày 16 tháng 6 năm 2025.": a
# resolution or law is dated by its adoption, printed at its end
_ADOPTED = _W.pattern("adopted", re.IGNORECASE)


def own_date_from_adoption(text: str) -> dt.date | None:
    """The adoption date the document states of itself, or None."""
    if not any(word in text for word in _W.words("adopted_words")):
        return None
    for m in _ADOPTED.finditer(text):
        # the date may be wrapped onto the next line ("... thông qua ngày 16 tháng" / "6 năm 2025."), never
        # past a blank line
        window = re.split(r"\n\s*\n", text[m.end() : m.end() + 80], maxsplit=1)[0].replace("\n", " ")
        window = strip_markup(re.sub(r"[*_]+", "", window))
        found = find_date(window)
        if found is not None and found[1] <= 8:
            return found[0]
    return None
