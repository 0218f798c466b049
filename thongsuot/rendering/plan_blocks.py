"""A plan laid out as numbered blocks: the one reading order every export follows.

DOCX and Markdown both print these blocks, so the numbering of sections
(I., II. ...), items (1., 2.), topics (1.1.) and the wording of the fixed lines
(headings from vocab/data/plan_text.toml, the place-date line, the outline's
"Ban hành kèm theo ..." line) are decided once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from thongsuot.domain.plan import Layout, Plan, Topic
from thongsuot.vocab.levels import plan_text

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class BlockKind(StrEnum):
    SECTION = "section"  # I. MỤC ĐÍCH, YÊU CẦU (bold, upper case)
    ITEM = "item"  # 1. Mục đích / 1. Ban Tuyên giáo Huyện ủy (bold)
    TOPIC = "topic"  # 1.1. a content topic
    BULLET = "bullet"  # - a talking point, a duty
    PARAGRAPH = "paragraph"  # plain text


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


def vn_date(day: dt.date) -> str:
    dd = f"{day.day:02d}" if day.day < 10 else str(day.day)
    mm = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{dd}/{mm}/{day.year}"


def place_date(plan: Plan) -> str:
    """`Tân Hòa, ngày 15 tháng 9 năm 2025` (blank day and month for an undated draft)."""
    h = plan.header
    place = h.place or ""
    if h.date is None:
        return f"{place}, ngày      tháng      năm      ".lstrip(", ")
    day = f"{h.date.day:02d}" if h.date.day < 10 else str(h.date.day)
    month = f"{h.date.month:02d}" if h.date.month < 3 else str(h.date.month)
    text = f"ngày {day} tháng {month} năm {h.date.year}"
    return f"{place}, {text}" if place else text[:1].upper() + text[1:]


def symbol_line(plan: Plan) -> str:
    prefix = "Số: " if plan.header.layout is Layout.STATE else "Số "
    return prefix + plan.header.printed_symbol


def outline_subtitle(plan: Plan) -> str:
    h = plan.header
    return plan_text("basis", "attached").format(
        kind=h.type_word.capitalize(),
        symbol=h.printed_symbol,
        date=vn_date(h.date) if h.date else "    /    /    ",
        issuer=h.issuer,
    )


def _topic_blocks(prefix: str, topics: tuple[Topic, ...]) -> list[Block]:
    out: list[Block] = []
    for i, t in enumerate(topics, 1):
        if t.heading:
            out.append(Block(BlockKind.TOPIC, f"{prefix}{i}. {t.heading}"))
        out.extend(Block(BlockKind.BULLET, f"- {p.text}") for p in t.points if p.text)
    return out


def body_blocks(plan: Plan) -> list[Block]:
    """The plan from the basis sentence to the last implementation line."""
    out: list[Block] = []
    if plan.basis.text:
        out.append(Block(BlockKind.PARAGRAPH, plan.basis.text))
    numerals = iter(ROMAN)

    def section(key: str) -> None:
        out.append(Block(BlockKind.SECTION, f"{next(numerals)}. {plan_text('headings', key)}"))

    if plan.situation:
        section("situation")
        out.extend(Block(BlockKind.PARAGRAPH, p.text) for p in plan.situation)
    if plan.purposes or plan.requirements:
        section("purpose")
        if plan.requirements:
            out.append(Block(BlockKind.ITEM, f"1. {plan_text('headings', 'purpose_only')}"))
            out.extend(Block(BlockKind.BULLET, f"- {p.text}") for p in plan.purposes)
            out.append(Block(BlockKind.ITEM, f"2. {plan_text('headings', 'requirement_only')}"))
            out.extend(Block(BlockKind.BULLET, f"- {p.text}") for p in plan.requirements)
        else:
            out.extend(Block(BlockKind.BULLET, f"- {p.text}") for p in plan.purposes)
    if plan.focal or plan.regular or plan.outline_ref:
        section("content_with_outline" if plan.outline else "content")
        if plan.outline_ref:
            out.append(Block(BlockKind.PARAGRAPH, plan_text("outline", "reference").format(ref=plan.outline_ref)))
        n = 0
        for key, topics in (("focal", plan.focal), ("regular", plan.regular)):
            if topics:
                n += 1
                out.append(Block(BlockKind.ITEM, f"{n}. {plan_text('headings', key)}"))
                out.extend(_topic_blocks(f"{n}.", topics))
    if plan.forms:
        section("forms")
        for i, t in enumerate(plan.forms, 1):
            out.append(Block(BlockKind.TOPIC, f"{i}. {t.heading}"))
            out.extend(Block(BlockKind.BULLET, f"- {p.text}") for p in t.points if p.text)
    if plan.assignments or plan.timeline:
        section("implementation")
        for i, a in enumerate(plan.assignments, 1):
            out.append(Block(BlockKind.ITEM, f"{i}. {a.unit[:1].upper()}{a.unit[1:]}"))
            out.extend(Block(BlockKind.BULLET, f"- {d.text}") for d in a.duties if d.text)
        out.extend(Block(BlockKind.PARAGRAPH, p.text) for p in plan.timeline)
    return out


def outline_blocks(plan: Plan) -> list[Block]:
    """The attached outline's numbered parts and topics (after its title lines)."""
    out: list[Block] = []
    if plan.outline is None:
        return out
    n = 0
    for s in plan.outline.sections:
        if s.heading:
            n += 1
            out.append(Block(BlockKind.ITEM, f"{n}. {s.heading}"))
            out.extend(_topic_blocks(f"{n}.", s.topics))
        else:
            out.extend(_topic_blocks("", s.topics))
    return out


def recipient_lines(plan: Plan) -> list[str]:
    """`- Ban Tuyên giáo Tỉnh ủy (báo cáo),` ... `- Lưu VP.`"""
    lines = [f"- {r.text}," for r in plan.recipients]
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines
