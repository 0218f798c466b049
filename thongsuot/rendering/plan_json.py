"""A plan as JSON: the full structure (lossless, for storage and the API) and the
parsed-document contract view (what `thongsuot parse` should read back from its DOCX).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from enum import Enum
from typing import Any

from thongsuot.domain.plan import Layout, Plan
from thongsuot.errors import InputError
from thongsuot.rendering.plan_blocks import ROMAN, BlockKind, body_blocks, recipient_lines

FORMAT_VERSION = 1


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(tp: Any, value: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(inner[0], value)
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp)
        return tuple(_decode(inner, v) for v in value or ())
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        kwargs = {k: _decode(hints[k], v) for k, v in (value or {}).items() if k in known}
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    if tp is dt.date:
        return dt.date.fromisoformat(value) if value else None
    return value


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    data: dict[str, Any] = _encode(plan)
    data["format"] = FORMAT_VERSION
    return data


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """The plan back from `plan_to_dict` output (unknown keys are ignored)."""
    try:
        plan = _decode(Plan, {k: v for k, v in data.items() if k != "format"})
    except (TypeError, ValueError, KeyError) as exc:
        raise InputError(f"Dữ liệu kế hoạch không hợp lệ: {exc}") from exc
    if not isinstance(plan, Plan):
        raise InputError("Dữ liệu kế hoạch không hợp lệ.")
    return plan


def render_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2)


def _body_sections(plan: Plan) -> list[str]:
    return [b.text for b in body_blocks(plan) if b.kind is BlockKind.SECTION]


def expected_parse(plan: Plan) -> dict[str, Any]:
    """What parsing this plan's export must give, in the parsed-document contract's shape.

    Built from the plan's own fields (header, section headings, assignment units,
    recipients, signer, citations), so a round trip can be scored against it.
    """
    h = plan.header
    sections = _body_sections(plan)
    if plan.outline is not None:
        sections.append(plan.outline.title)
    refs = [
        {"kind": c.kind, "number": c.number, "symbol": c.symbol,
         "date": c.date.isoformat() if c.date else None, "issuer": c.issuer}
        for c in plan.citations
        if c.number
    ]  # fmt: skip
    sig = plan.signature
    return {
        "kind": h.type_word,
        "symbol": h.symbol,
        "date": h.date.isoformat() if h.date else None,
        "issuer": issuing_body(plan),
        "title": h.title,
        "references": refs,
        "sections": sections,
        "units": list(plan.units),
        "recipients": [line[2:].rstrip(",.") for line in recipient_lines(plan)],
        "signer": {"name": sig.name, "position": sig.full_position} if sig.name else None,
    }


def issuing_body(plan: Plan) -> str:
    """The issuing body as the document names it: `Đảng ủy xã Tân Hòa`, `Ban Tuyên giáo Huyện ủy`."""
    h = plan.header
    if h.layout is Layout.STATE or plan.target is None:
        return h.issuer
    return h.issuer if h.kind.value == "HD" else plan.target.name


__all__ = ["ROMAN", "expected_parse", "issuing_body", "plan_from_dict", "plan_to_dict", "render_json"]
