"""Body names in words: `BAN TỔ CHỨC` under `BAN CHẤP HÀNH TRUNG ƯƠNG` -> `Ban Tổ chức Trung ương`.

Headers print bodies in upper case over one or two lines; documents refer to
themselves in words ("Ban Tuyên giáo Tỉnh ủy"). The casing rules follow the
Vietnamese convention: the first word and the proper name after an
organisation word are capitalised, place names after a level word are title
case, and fixed phrases ("Trung ương", "Tỉnh ủy") come from vocab data.
"""

from __future__ import annotations

from functools import lru_cache

from thongsuot.parsing.normalise import fold
from thongsuot.vocab.headings import load_headings
from thongsuot.vocab.words import load_words

_W = load_words("names")  # the words of this module: vocab/data/words.toml [names]
_ORG_WORDS = _W.words("org_words")
# Words inside an agency's proper name after which the next field is capitalised.
_FIELD_JOINS = _W.words("field_joins")
# Bodies whose name continues with another body's name.
_CONTAINERS = _W.words("containers")
# Level words that are not places when followed by these words.
_NOT_PLACE = _W.groups("not_place")
# Committees named after a place.
_COMMITTEE_LEVELS = _W.words("committee_levels")
_COMMITTEE = _W.words("committee_words")
_COMMITTEE_UPPER = _W.words("committee_words_upper")
_CENTRE = _W.word("central_words")
_CENTRE_BARE = fold(_CENTRE, diacritics=False)


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[list[str], list[str]]]:
    out = []
    for phrase in load_headings().name_case:
        words = phrase.split()
        out.append(([fold(w) for w in words], words))
    out.sort(key=lambda p: -len(p[0]))
    return out


def _bare(word: str) -> str:
    return fold(word, diacritics=False)


def _phrase_at(keys: list[str], bare: list[str], i: int, key_words: list[str]) -> bool:
    """The phrase at word i: as printed, or, for a name of two words or more, with a mark a scan lost or
    swapped ("Ban Tuyến giáo" for "Ban Tuyên giáo"): the phrase's own spelling is printed then."""
    n = len(key_words)
    if keys[i : i + n] == key_words:
        return True
    return n >= 2 and bare[i : i + n] == [_bare(w) for w in key_words]


def name_case(upper: str) -> str:
    """Rewrite an upper-case body name in words, as documents write it."""
    words = upper.split()
    if not words:
        return upper
    acronyms = set(load_headings().acronyms)
    low = [w if w in acronyms else w.lower() for w in words]
    keys = [fold(w) for w in words]
    out = list(low)
    out[0] = _cap(out[0])
    # the proper name after an organisation word: "Ban Tổ chức", "Sở Văn hóa"
    _cap_org_names(keys, out)
    # fixed phrases
    bare = [_bare(w) for w in words]
    i = 0
    while i < len(keys):
        for key_words, printed in _phrases():
            n = len(key_words)
            if _phrase_at(keys, bare, i, key_words):
                for j in range(n):
                    out[i + j] = printed[j] if i + j > 0 else _cap(printed[j])
                i += n - 1
                break
        i += 1
    # place names after a level word: "tỉnh Sóc Trăng"
    levels = load_headings().place_levels
    i = 0
    while i < len(keys):
        hit = next(
            (
                lv
                for lv in sorted(levels, key=len, reverse=True)
                if keys[i : i + len(lv.split())] == lv.split()
            ),
            None,
        )
        if hit is None and keys[i] in _COMMITTEE_LEVELS and i + 2 < len(keys) and keys[i + 1] in _COMMITTEE:
            hit = keys[i]
        if (
            hit
            and keys[i + len(hit.split()) : i + len(hit.split()) + 1]
            and (keys[i + len(hit.split())] in _NOT_PLACE.get(hit, ()))
        ):
            hit = None
        if hit and i + len(hit.split()) < len(keys):
            k = i + len(hit.split())
            if keys[k] in _COMMITTEE:
                k += 1
            # "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH": a level word after the committee stays lower case
            after = next(
                (
                    lv
                    for lv in sorted(levels, key=len, reverse=True)
                    if keys[k : k + len(lv.split())] == lv.split()
                ),
                None,
            )
            if after is not None and k + len(after.split()) < len(keys):
                k += len(after.split())
            for j in range(k, len(out)):
                out[j] = _cap(out[j])
            break
        i += 1
    return " ".join(out)


def _is_place_level(keys: list[str], i: int) -> bool:
    levels = load_headings().place_levels
    for lv in levels:
        lw = lv.split()
        if keys[i : i + len(lw)] == lw:
            following = keys[i + len(lw)] if i + len(lw) < len(keys) else None
            if following not in _NOT_PLACE.get(lv, ()):
                return True
    return False


def _cap_org_names(keys: list[str], out: list[str]) -> None:
    """Capitalise the proper name after an organisation word, field by field.

    "Sở Văn hóa, Thể thao và Du lịch": the word after the organisation word and
    the first word after each `,` / `và` / `-` up to a place level word. An
    organisation word after a container body ("Đảng ủy Sở Tư pháp") starts a
    name too."""
    starts = [0]
    for c in _CONTAINERS:
        cw = c.split()
        if keys[: len(cw)] == cw and len(keys) > len(cw):
            starts.append(len(cw))
    for start in starts:
        org = next((o for o in _ORG_WORDS if keys[start : start + len(o.split())] == o.split()), None)
        if org is None:
            continue
        n = start + len(org.split())
        if n >= len(out) or _is_place_level(keys, n):
            continue
        if start:
            out[start] = _cap(out[start])
        out[n] = _cap(out[n])
        j = n + 1
        while j < len(out) and not _is_place_level(keys, j):
            word = keys[j].rstrip(",")
            if (keys[j].endswith(",") or word in _FIELD_JOINS) and j + 1 < len(out):
                if not _is_place_level(keys, j + 1) and keys[j + 1] not in _FIELD_JOINS:
                    out[j + 1] = _cap(out[j + 1])
            j += 1


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:] if word else word


def parent_suffix(parent_upper: str) -> str | None:
    """The short name a parent body lends its child ("Tỉnh ủy" for `ĐẢNG BỘ TỈNH X`)."""
    # without marks or spaces: a scan's "ĐẲNG ỦY KHỐI", "BAN CHẤP HÀNH TRUNGƯƠNG"
    key = fold(parent_upper, diacritics=False).replace(" ", "")
    best = None
    for prefix, suffix in load_headings().parent_suffix.items():
        fp = fold(prefix, diacritics=False).replace(" ", "")
        if key.startswith(fp) and (best is None or len(fp) > len(best[0])):
            best = (fp, suffix)
    return best[1] if best else None


# a place line, not a committee
_LEVEL_START = _W.pattern("level_start")


def compose_issuer(lines: list[str]) -> tuple[str | None, str | None]:
    """Issuer and parent body from the upper-case header lines of the issuing column."""
    names = [ln.strip(" *.,:;") for ln in lines if ln.strip(" *.,:;")]  # "TỈNH NINH BÌNH:": a scan's speck
    if not names:
        return None, None
    # a place line continues the body above it: "ỦY BAN NHÂN DÂN" / "TỈNH SÓC TRĂNG"
    merged: list[str] = []
    for name in names:
        # "BAN CHẤP HÀNH" / "TRUNG ƯƠNG": a cell wrapped before the level of the body
        central = fold(name, diacritics=False) == _CENTRE_BARE  # "TRƯNG ƯƠNG": a scan's lost or swapped mark
        if central:
            name = _CENTRE.upper()
        # "ỦY BAN NHÂN DÂN TỈNH ĐỒNG" / "NAI": one word alone is the end of a name its cell wrapped (no body
        # is named in one word; an acronym stands for a whole one)
        tail = len(name.split()) == 1 and name not in load_headings().acronyms
        if merged and (_LEVEL_START.match(name) or central or tail) and not name.endswith(_COMMITTEE_UPPER):
            merged[-1] = merged[-1] + " " + name
        else:
            merged.append(name)
    child = merged[-1]
    if len(merged) == 1:
        return name_case(child), None
    parent = merged[-2]
    suffix = parent_suffix(parent)
    child_words = name_case(child)
    if suffix and fold(child).startswith("ban ") and fold(suffix) not in fold(child):
        return f"{child_words} {suffix}", name_case(parent)
    return child_words, name_case(parent)
