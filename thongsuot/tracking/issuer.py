"""Which unit of our organisation tree issued a document, read from its header.

A library holds documents of every level and of other provinces; only a plan
issued by one of *our* units should put *our* units under tracking when it is
ingested. So the match is strict: the header must name a unit completely —
its own full name ("TỈNH ỦY AN BÌNH"), or a body under a parent whose full
name is ours ("ĐẢNG BỘ TỈNH AN BÌNH" / "BAN THƯỜNG VỤ", "TỈNH ỦY AN BÌNH" /
"BAN TUYÊN GIÁO") — never a fuzzy or short-name guess, because a wrong match
would hand duties to units that never received the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from thongsuot.domain.org import Unit, UnitKind
from thongsuot.tracking.matching import key
from thongsuot.vocab.tracking_data import body_name_forms, kind_words


def _labels(unit: Unit) -> list[str]:
    return [x for x in (unit.name, unit.short_name, *unit.aliases) if x]


def _forms(name: str) -> set[str]:
    """The name's key and the keys of its equivalent forms ("đảng bộ tỉnh X" = "tỉnh ủy X")."""
    k = key(name)
    out = {k}
    for body, committee in body_name_forms():
        b, c = key(body), key(committee)
        for this, other in ((b, c), (c, b)):
            if k.startswith(this + " "):
                out.add(other + k[len(this):])
    return out


def _locality(head: Unit) -> str:
    """The locality part of a committee's name: "Tỉnh ủy An Bình" -> "an binh"."""
    k = key(head.name)
    committee_words = dict(kind_words()).get(UnitKind.PARTY_COMMITTEE, ())
    for word in sorted((key(w) for w in committee_words), key=len, reverse=True):
        if k.startswith(word + " "):
            return k[len(word) + 1:]
    return k


def _names_its_locality(unit: Unit, index: Mapping[str, Unit]) -> bool:
    """Whether the unit's own name says where it is ("UBND tỉnh An Bình" yes, "Ban Tuyên giáo Tỉnh ủy" no).

    Boards and departments are named the same way in every province, so such a
    name alone proves nothing; the head of a locality (no parent of its own
    level) and any unit whose name repeats the head's locality are told apart.
    """
    head = unit
    while (parent := index.get(head.parent_code or "")) is not None and parent.level == head.level:
        head = parent
    if head is unit:
        return True
    locality = _locality(head)
    return bool(locality) and f" {locality} " in f" {key(unit.name)} "


def _full_name_unit(name: str, units: Iterable[Unit]) -> Unit | None:
    """The one locality-heading unit whose full name is `name` (aliases lack the locality, so they do not count)."""
    forms = _forms(name)
    pool = list(units)
    index = {u.code: u for u in pool}
    found = {u.code: u for u in pool if key(u.name) in forms and _names_its_locality(u, index)}
    return next(iter(found.values())) if len(found) == 1 else None


def issuer_unit(issuer: str | None, parent: str | None, units: Mapping[str, Unit],
                on: dt.date | None = None) -> Unit | None:
    """The unit that issued a document whose header reads `parent` / `issuer`, or None when it is not ours."""
    pool = [u for u in units.values() if on is None or u.is_valid_on(on)]
    if not issuer:
        return None
    direct = _full_name_unit(issuer, pool)
    if direct is not None:
        return direct
    if not parent:
        return None
    top = _full_name_unit(parent, pool)
    if top is None:
        return None
    wanted = {key(issuer)}
    for label in _labels(top):
        wanted.add(f"{key(issuer)} {key(label)}")  # "Ban Tuyên giáo" under "Tỉnh ủy" = "Ban Tuyên giáo Tỉnh ủy"
    near = [top, *(u for u in pool if u.parent_code == top.code)]
    found = {u.code: u for u in near if any(key(label) in wanted for label in _labels(u))}
    return next(iter(found.values())) if len(found) == 1 else None
