"""The tree over time: validity, successor links, ancestors, subtrees, paths and closure pairs.

Pure functions over `Unit` tuples (and over plain parent maps, so the storage
layer can compute materialised paths and closure rows with the same code).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping

from thongsuot.domain.org import Unit, closure_pairs, find_cycles, paths

__all__ = ["closure_pairs", "find_cycles", "paths"]  # tree maths live in the domain, re-exported here


def by_code(units: Iterable[Unit]) -> dict[str, Unit]:
    return {u.code: u for u in units}


def tree_problems(units: Iterable[Unit]) -> list[str]:
    """Vietnamese messages for every structural fault: duplicates, unknown links, cycles, bad dates."""
    seen: dict[str, Unit] = {}
    problems: list[str] = []
    for u in units:
        if u.code in seen:
            problems.append(f"Mã đơn vị “{u.code}” bị trùng.")
        seen[u.code] = u
    for u in seen.values():
        if u.parent_code is not None and u.parent_code not in seen:
            problems.append(f"Đơn vị “{u.code}”: không có đơn vị cấp trên mã “{u.parent_code}”.")
        for s in u.successor_codes:
            if s not in seen:
                problems.append(f"Đơn vị “{u.code}”: không có đơn vị kế nhiệm mã “{s}”.")
        if u.valid_from and u.valid_to and u.valid_to < u.valid_from:
            problems.append(f"Đơn vị “{u.code}”: ngày hết hiệu lực trước ngày có hiệu lực.")
    parent_of = {c: u.parent_code for c, u in seen.items() if u.parent_code in seen}
    for code in find_cycles(parent_of):
        problems.append(f"Đơn vị “{code}” nằm trong một vòng lặp cấp trên - cấp dưới.")
    return problems


def children_of(units: Iterable[Unit]) -> dict[str | None, list[Unit]]:
    out: dict[str | None, list[Unit]] = defaultdict(list)
    for u in units:
        out[u.parent_code].append(u)
    return out


def ancestors(code: str, index: Mapping[str, Unit]) -> list[Unit]:
    """Parent first, root last."""
    out: list[Unit] = []
    node = index.get(code)
    while node is not None and node.parent_code is not None and len(out) <= len(index):
        parent = index.get(node.parent_code)
        if parent is None:
            break
        out.append(parent)
        node = parent
    return out


def subtree(code: str, units: Iterable[Unit], on: dt.date | None = None) -> list[Unit]:
    """The unit and its descendants (valid on `on`, when given), depth first."""
    kids = children_of(units)
    index = {u.code: u for group in kids.values() for u in group}
    out: list[Unit] = []
    stack = [index[code]] if code in index else []
    while stack:
        u = stack.pop()
        if on is None or u.is_valid_on(on):
            out.append(u)
        stack.extend(reversed(kids.get(u.code, [])))
    return out


def is_within(code: str, root: str, index: Mapping[str, Unit]) -> bool:
    """Is `code` the unit `root` or one of its descendants?"""
    return code == root or any(a.code == root for a in ancestors(code, index))


def successors_on(code: str, day: dt.date, index: Mapping[str, Unit]) -> list[Unit]:
    """The units that carry on `code`'s role on `day`, following successor links transitively.

    A unit valid on `day` is its own successor; an abolished district yields the
    communes that took it over, a merged province its new province.
    """
    out: list[Unit] = []
    seen: set[str] = set()
    queue = [code]
    while queue:
        c = queue.pop(0)
        if c in seen or c not in index:
            continue
        seen.add(c)
        unit = index[c]
        if unit.is_valid_on(day):
            out.append(unit)
        else:
            queue.extend(unit.successor_codes)
    return out


def predecessors(code: str, index: Mapping[str, Unit]) -> list[Unit]:
    """Units whose successor links lead (transitively) to `code`: whose history it inherits."""
    back: dict[str, list[str]] = defaultdict(list)
    for u in index.values():
        for s in u.successor_codes:
            back[s].append(u.code)
    out: list[Unit] = []
    seen = {code}
    queue = list(back.get(code, []))
    while queue:
        c = queue.pop(0)
        if c in seen:
            continue
        seen.add(c)
        out.append(index[c])
        queue.extend(back.get(c, []))
    return out
