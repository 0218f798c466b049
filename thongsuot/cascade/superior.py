"""Who the drafting unit is and who is above it on the plan's date.

The upper header line ("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ"), the bodies a plan reports
to and the superior's names come from the organisation at the date
(vocab/org_history.py) and what the caller knows from the organisation tree
(`Target.parent_name`), never from a bare level word: an unknown name is a
visible blank ("ĐẢNG BỘ TỈNH …") with a flag for the editor.
"""

from __future__ import annotations

import datetime as dt
import re

from thongsuot.domain.level import Level
from thongsuot.domain.plan import Flag, FlagKind, Target
from thongsuot.errors import InputError
from thongsuot.parsing.normalise import fold
from thongsuot.vocab.levels import load_levels, load_roles, plan_text
from thongsuot.vocab.org_history import load_history

# the order levels are tried when a name could be read two ways ("Thành ủy X": a province first)
_TRY = (Level.COMMUNE, Level.PROVINCE, Level.DISTRICT, Level.CENTRAL)


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def target_from_name(name: str, on: dt.date, level: str | None = None, **extra: str | None) -> Target:
    """A target from a free description: `Đảng ủy phường Hòa Bình` -> commune (a ward), locality `Hòa Bình`."""
    name = " ".join(name.split())
    history, levels = load_history(), load_levels()
    preset = levels.preset_on(on)
    wanted = Level(level) if level else None
    if wanted is not None and preset.level(wanted) is None:
        raise InputError(f"Cấp {wanted.value} không tồn tại vào ngày {on:%d/%m/%Y}.")
    key = _key(name)
    order = [lv for lv in _TRY if preset.level(lv) is not None and (wanted is None or lv is wanted)]
    for lv in order:  # "Đảng ủy phường Hòa Bình", "Ban Tuyên giáo Tỉnh ủy Sóc Trăng"
        for word in history.words_of(lv, on):
            committee = _key(history.committee(word, None)[: -len(history.blank)])
            m = re.search(rf"(?<!\w){re.escape(committee)}\s+(\w.*)$", key)
            if committee and m:
                return _target(name, lv, on, word, name[len(name) - len(m.group(1)) :].strip(), extra)
    for lv in order:  # "Ủy ban nhân dân xã Tân Hòa"
        for word in sorted(history.words_of(lv, on), key=len, reverse=True):
            m = re.search(rf"(?<!\w){re.escape(_key(word))}\s+(\w.*)$", key)
            if m and not re.match(r"(?:hội|ủy|uỷ)(?!\w)", m.group(1)):
                return _target(name, lv, on, word, name[len(name) - len(m.group(1)) :].strip(), extra)
    for lv in order:  # "Tỉnh ủy", "Ban Thường vụ Huyện ủy" (no name)
        bare = levels.level(lv).committee
        if bare and _key(bare) in key:
            return _target(name, lv, on, None, None, extra)
    if wanted is not None:
        return _target(name, wanted, on, None, None, extra)
    raise InputError(f"Không xác định được cấp của đơn vị “{name}”; hãy chọn cấp (--level).")


def _target(
    name: str, lv: Level, on: dt.date, word: str | None, locality: str | None, extra: dict[str, str | None]
) -> Target:
    return Target(name=name, level=lv.value, on=on, locality=locality or None, unit_word=word, **extra)


def _above(target: Target) -> Level | None:
    return load_levels().level_above(target.level, target.on)


def superior_place(target: Target) -> tuple[str | None, str | None]:
    """(unit word, name) of the level above on the date, following mergers: (thành phố, Cần Thơ)."""
    above = _above(target)
    if above is None or above is Level.CENTRAL:
        return None, None
    history = load_history()
    words = history.words_of(above, target.on)
    if above is Level.PROVINCE and target.parent_name:
        found = history.province_on(target.parent_name, target.on)
        if found is not None:
            return found.kind, found.name
    name = target.parent_name
    word = target.parent_word if target.parent_word in words else None
    if name:
        for w in sorted(words, key=len, reverse=True):  # "huyện Châu Thành" given whole
            if _key(name).startswith(_key(w) + " "):
                word, name = w, name[len(w) :].strip()
                break
    return word or words[0], name


def upper_line(target: Target) -> tuple[str | None, Flag | None]:
    """The party organisation above, as printed over the issuer (upper case), and a flag if unknown."""
    above = _above(target)
    if above is None or above is Level.CENTRAL:
        return None, None
    word, name = superior_place(target)
    line = load_history().organisation(word or "", name).upper()
    if name:
        return line, None
    note = "Chưa biết tên đảng bộ cấp trên; hãy điền vào chỗ trống."
    return line, Flag(FlagKind.UNKNOWN_NAME, "header", line, note)


def superior_body(role_code: str, target: Target) -> tuple[str | None, Flag | None]:
    """The body playing `role_code` at the level above on the date, named with its place.

    `Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ` for a commune of the former Sóc Trăng
    in September 2025; None when that level has no such body on the date.
    """
    above = _above(target)
    if above is None:
        return None, None
    role = next((r for r in load_roles() if r.code == role_code), None)
    body = role.body_at(above, target.on) if role else None
    if body is None:
        return None, None
    if above is Level.CENTRAL:
        return body.name, None
    committee = load_levels().level(above).committee or ""
    word, name = superior_place(target)
    own = load_history().committee(word or "", name)
    printed = body.name
    if committee and _key(printed).endswith(_key(committee)):
        printed = printed[: len(printed) - len(committee)] + own
    elif committee and _key(printed) == _key(committee):
        printed = own
    if name:
        return printed, None
    return printed, Flag(FlagKind.UNKNOWN_NAME, "recipients", printed, "Chưa biết tên cơ quan cấp trên; hãy điền.")


def role_of_issuer(issuer: str | None, level: Level | None) -> str | None:
    """The role an upper issuer plays (`Ban Tuyên giáo Tỉnh ủy` -> propaganda), matched by its names."""
    if not issuer or level is None:
        return None
    key = _key(issuer)
    best: tuple[int, str | None] = (0, None)
    for role in load_roles():
        for alias in role.names_at(level):
            a = _key(alias)
            if "*" not in alias and key.startswith(a) and len(a) > best[0]:
                best = (len(a), role.code)
    return best[1]


def retarget(text: str, level: str, word: str | None) -> str:
    """Level words of `level` said for the unit's own word: `Đảng ủy xã` -> `Đảng ủy phường`, `Tỉnh ủy` -> `Thành ủy`."""
    lv = load_levels().level(level)
    default = lv.word("locality")
    if not word or not default or word == default:
        return text
    history = load_history()
    pairs = [
        (history.committee(default, None)[: -len(history.blank)].strip(), history.committee(word, None)),
        (history.organisation(default, None)[: -len(history.blank)].strip(), history.organisation(word, None)),
    ]
    for old, new in pairs:
        text = _swap(text, old, new[: -len(history.blank)].strip())
    # "xã nhà" is how a commune speaks of itself; a ward or a special zone is named plainly ("phường")
    home = plan_text("retarget", "home").format(word=word)
    text = re.sub(rf"(?<![\w-]){re.escape(default)}\s+nhà(?!\w)", home, text)
    return re.sub(rf"(?<![\w-]){re.escape(default)}(?!\w)(?!\s+(?:hội|ủy|uỷ)(?!\w))", word, text)


def _swap(text: str, old: str, new: str) -> str:
    return re.sub(rf"(?<!\w)(?i:{re.escape(old)})(?!\w)", lambda m: _case(m.group(0), new), text)


def _case(found: str, new: str) -> str:
    return new[:1].upper() + new[1:] if found[:1].isupper() else new
