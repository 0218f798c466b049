"""Numeric request parameters checked into range before any route runs.

Every path or query parameter a route declares as `int` must be ASCII digits
(an optional minus sign) within the 32-bit range the database stores ids and
numbers in. Anything else (`year=99999999999999999999`, `page=²`, an id of
2^63 in a path) is answered 422 naming the parameter, the same answer as any
other invalid parameter, instead of reaching the database and failing there
with a 500. The check reads the declared types of the matched route, so a new
route is covered without listing it here. Free-text parameters that may hold a
number (`year=` of the library search, `ref=` of the graph) are checked where
they are read (`web/library.py`, `storage/queries.resolve_ref`).
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError

from thongsuot.storage.keys import DB_INT_MAX

INT_MIN, INT_MAX = -DB_INT_MAX - 1, DB_INT_MAX
_INTEGER = re.compile(r"[+-]?[0-9]{1,10}")


def in_range(raw: str) -> bool:
    """True when `raw` is an ASCII integer within [INT_MIN, INT_MAX]."""
    return bool(_INTEGER.fullmatch(raw)) and INT_MIN <= int(raw) <= INT_MAX


def _is_int(annotation: Any) -> bool:
    if annotation is int:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(a is int for a in typing.get_args(annotation))
    return False


def _declared(dependant: Any) -> Iterator[tuple[str, str]]:
    """(location, name) of every int path/query parameter of a route and its dependencies."""
    for where, fields in (("path", dependant.path_params), ("query", dependant.query_params)):
        for field in fields:
            if _is_int(field.field_info.annotation):
                yield where, field.alias
    for sub in dependant.dependencies:
        yield from _declared(sub)


def check_numbers(request: Request) -> None:
    """App-wide dependency: an int parameter out of range is a 422, before the route touches the database."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    if dependant is None:
        return
    errors = []
    for where, name in _declared(dependant):
        raw = request.path_params.get(name) if where == "path" else request.query_params.get(name)
        if raw is None or (where == "query" and raw == ""):
            continue
        if not in_range(str(raw)):
            errors.append({"loc": (where, name), "type": "int_range", "input": str(raw)[:40],
                           "msg": f"{name}: phải là số nguyên từ {INT_MIN} đến {INT_MAX}"})
    if errors:
        raise RequestValidationError(errors)
