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


def word_diff(old: Plan, new: Plan) -> list[list[tuple[str, str]]]:
    """The changed paragraphs of two plans, word by word: one list of (`eq`|`ins`|`del`, words) per
    paragraph that changed, in reading order (what the version history shows in the document's font)."""
    a, b = render_md(old).splitlines(), render_md(new).splitlines()
    out: list[list[tuple[str, str]]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            before = olds[k].split() if k < len(olds) else []
            after = news[k].split() if k < len(news) else []
            if before or after:
                out.append(_words(before, after))
    return out


def _words(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    segments: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("eq", " ".join(before[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("del", " ".join(before[i1:i2])))
        if j2 > j1:
            segments.append(("ins", " ".join(after[j1:j2])))
    return segments


def diff_plans(old: Plan, new: Plan, *, old_label: str = "trước", new_label: str = "sau") -> str:
    """A readable line diff of two plans (two versions, or a plan against its parent's plan)."""
    a = render_md(old).splitlines()
    b = render_md(new).splitlines()
    lines = difflib.unified_diff(a, b, fromfile=old_label, tofile=new_label, lineterm="", n=1)
    return "\n".join(lines)
