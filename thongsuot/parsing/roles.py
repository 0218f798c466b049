"""Section roles from headings, tolerant of OCR damage.

Headings are matched on fold(diacritics=False) keys — `TỞ CHỨC THựC HIỆN`
and `NỘI DUNG TUYÊN TRUYÊN` fold to the same key as the clean words — first
by containment (the synonym printed first wins; at the same place, vocab order,
specific roles before general ones), then by
rapidfuzz similarity for damage that changes letters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from thongsuot.domain.document import SectionRole
from thongsuot.parsing.normalise import fold
from thongsuot.vocab.headings import load_headings

_PAREN = re.compile(r"\([^()]*\)")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_FUZZY_CUTOFF = 82.0


def heading_key(heading: str) -> str:
    """Folded words of a heading without parentheticals, marks or punctuation."""
    s = _PAREN.sub(" ", heading)
    s = fold(s, diacritics=False)
    s = _NON_WORD.sub(" ", s)
    return " ".join(s.split())


@lru_cache(maxsize=1)
def _synonyms() -> list[tuple[str, SectionRole]]:
    out = []
    for entry in load_headings().roles:
        role = SectionRole(entry.role)
        for syn in entry.synonyms:
            out.append((heading_key(syn), role))
    return out


@lru_cache(maxsize=4096)
def role_of(heading: str) -> SectionRole:
    """The role of a top-level section heading (OTHER when nothing matches)."""
    key = heading_key(heading)
    if not key:
        return SectionRole.OTHER
    padded = f" {key} "
    for syn, role in _synonyms():
        if key == syn:
            return role
    # A heading naming two parts ("NỘI DUNG, HÌNH THỨC") takes the role of the
    # one printed first; at the same place the vocab order (specific first) decides.
    found = [(padded.find(f" {syn} "), i) for i, (syn, _) in enumerate(_synonyms()) if f" {syn} " in padded]
    if found:
        return _synonyms()[min(found)[1]][1]
    choices = [syn for syn, _ in _synonyms()]
    best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
    if best is not None:
        return _synonyms()[best[2]][1]
    return SectionRole.OTHER


def assigns_duties(heading: str) -> bool:
    """Sections that assign duties body by body (`PHÂN CÔNG NHIỆM VỤ`, `TỔ CHỨC THỰC HIỆN`)."""
    key = heading_key(heading)
    return any(heading_key(h) in key for h in load_headings().duty_section_headings)


@lru_cache(maxsize=1)
def _synonym_texts() -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in load_headings().roles:
        for syn in entry.synonyms:
            out.setdefault(heading_key(syn), syn)
    return out


def canonical_heading(heading: str) -> str:
    """An upper-case heading with OCR-damaged marks, printed right: `TỞ CHỨC THựC HIỆN` -> `TỔ CHỨC THỰC HIỆN`.

    Only a heading whose letters (marks aside) are exactly a known heading is
    rewritten; anything else is kept as printed."""
    stripped = heading.strip()
    if not stripped or "(" in stripped or sum(c.isalpha() and not c.isupper() for c in stripped) > 3:
        return heading
    syn = _synonym_texts().get(heading_key(stripped))
    if syn is None or fold(syn) == fold(stripped):
        return heading
    return syn.upper()
