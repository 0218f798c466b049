"""A plan as Markdown: the same blocks as the DOCX, for review and for pasting.

With `review=True` the draft's open questions follow the document: upper
duties with no counterpart at the target, and where each part came from.
"""

from __future__ import annotations

import difflib

from thongsuot.domain.plan import Layout, Plan
from thongsuot.rendering.plan_blocks import (
    BlockKind,
    body_blocks,
    outline_blocks,
    outline_subtitle,
    place_date,
    recipient_lines,
    symbol_line,
)
from thongsuot.vocab.levels import plan_text


def _block(kind: BlockKind, text: str) -> str:
    if kind is BlockKind.SECTION:
        return f"### {text}"
    if kind is BlockKind.ITEM:
        return f"**{text}**"
    return text


def render_md(plan: Plan, *, review: bool = False) -> str:
    h = plan.header
    out: list[str] = []
    if h.parent_body:
        out.append(h.parent_body.upper())
    out.extend(f"**{line.upper()}**" for line in h.header_body.split("\n"))
    if h.layout is Layout.PARTY:
        out += ["*", symbol_line(plan), "", f"**{plan_text('header', 'party_national')}**"]
    else:
        out += [
            symbol_line(plan),
            "",
            f"**{plan_text('header', 'state_national')}**",
            f"**{plan_text('header', 'state_motto')}**",
        ]
    out += [f"*{place_date(plan)}*", "", f"## {h.type_word}", "", f"**{h.title}**", "", "-----", ""]
    for block in body_blocks(plan):
        out += [_block(block.kind, block.text), ""]
    out += [plan_text("headings", "recipients"), *recipient_lines(plan), ""]
    sig = plan.signature
    out += [f"**{line.upper()}**" for line in (sig.authority, sig.position) if line]
    out += ["", f"**{sig.name}**" if sig.name else "", ""]
    if plan.outline is not None:
        out += ["---", "", f"## {plan.outline.title}", "", f"*{outline_subtitle(plan)}*", "", "-----", ""]
        for block in outline_blocks(plan):
            out += [_block(block.kind, block.text), ""]
    if review:
        out += _review(plan)
    return "\n".join(out).rstrip() + "\n"


def _review(plan: Plan) -> list[str]:
    out = ["---", "", "## Cần quyết định", ""]
    if not plan.unmatched:
        out.append("Mọi nhiệm vụ của cấp trên đã có cơ quan tương ứng.")
    for u in plan.unmatched:
        where = f" ({u.source.path})" if u.source else ""
        out.append(f"- **{u.upper_unit}**{where}: {u.reason}")
        out.extend(f"  - {d.text}" for d in u.duties)
    return out + [""]


def diff_plans(old: Plan, new: Plan, *, old_label: str = "trước", new_label: str = "sau") -> str:
    """A readable line diff of two plans (two versions, or a plan against its parent's plan)."""
    a = render_md(old).splitlines()
    b = render_md(new).splitlines()
    lines = difflib.unified_diff(a, b, fromfile=old_label, tofile=new_label, lineterm="", n=1)
    return "\n".join(lines)
