"""Duties: the implementation part as one Assignment per body.

Each numbered item of an implementation section names a body: its heading
line when it has one ("1. Ban Tuyên giáo Tỉnh ủy"), else the subject of its
first sentence — the words before the first duty verb ("Ban Tổ chức Trung
ương chủ trì, phối hợp ..."), after an opening time phrase ("Định kỳ (6
tháng, 1 năm) hoặc đột xuất, ..."). Its dashed lines and paragraphs are the
duties. Items that name no body (a sub-heading) are searched for sub-items.
"""

from __future__ import annotations

import re
from functools import lru_cache

from thongsuot.domain.document import Assignment, Duty, Node, NodeKind, SectionRole
from thongsuot.parsing.normalise import fold
from thongsuot.parsing.roles import assigns_duties
from thongsuot.vocab.headings import load_headings

_MAX_UNIT = 160


@lru_cache(maxsize=1)
def _verb_pattern() -> re.Pattern[str]:
    verbs = sorted(load_headings().duty_verbs, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in verbs) + r")(?!\w)")


@lru_cache(maxsize=1)
def _verb_start_pattern() -> re.Pattern[str]:
    verbs = sorted((fold(v) for v in load_headings().duty_verbs), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(v) for v in verbs) + r")(?!\w)")


def opens_with_duty_verb(text: str) -> bool:
    """Whether a line starts with a duty verb, whatever its case ("Hướng dẫn, theo dõi ...")."""
    return _verb_start_pattern().match(fold(text)) is not None


def is_body(name: str) -> bool:
    """Whether a phrase names a body (starts with Ban, Sở, Các ..., Ủy ban ...)."""
    if not name or not name[:1].isupper():
        return False
    key = fold(name)
    return any(
        key == w or key.startswith((w + " ", w + ",")) for w in (fold(b) for b in load_headings().body_words)
    )


def clean_unit(text: str) -> str:
    s = text.strip().rstrip(" :.;,")
    key = fold(s)
    for prefix in load_headings().unit_prefixes:
        fp = fold(prefix)
        if key.startswith(fp + " "):
            s = s[len(prefix) :].strip()
            s = s[:1].upper() + s[1:]
            break
    return s


_RUN_IN = re.compile(r"^(?P<unit>[^:;.()]{3,160}?)\s*:\s*(?P<rest>.*)$", re.DOTALL)


def run_in_unit(text: str) -> str | None:
    """The body of a run-in item "Ban Tuyên giáo Tỉnh ủy: chủ trì ..." (name before a colon)."""
    m = _RUN_IN.match(text.split("\n", 1)[0].strip())
    if m is None:
        return None
    unit = clean_unit(m.group("unit"))
    rest = m.group("rest").lstrip(" -–")
    if rest and not rest[:1].islower():
        return None
    return unit if is_body(unit) and len(unit) <= _MAX_UNIT else None


def subject_of(text: str) -> str | None:
    """The body a headless item's first sentence is about, or None."""
    run_in = run_in_unit(text)
    if run_in:
        return run_in
    s = clean_unit(text.split("\n", 1)[0])
    key = fold(s)
    if any(key.startswith(fold(t) + " ") for t in load_headings().time_openings):
        cut = _top_level_comma(s)
        if cut is None:
            return None
        s = s[cut + 1 :].strip()
        s = clean_unit(s)
    heads = {fold(h) for h in load_headings().noun_heads}
    for m in _verb_pattern().finditer(s):
        before = s[: m.start()].rstrip()
        words = before.split()
        if not words:
            continue
        if _names_part(s[m.start() :], words, heads):
            continue
        unit = before.rstrip(" ,;:")
        if len(unit) <= _MAX_UNIT and is_body(unit):
            return unit
        return None
    return None


_PLURAL_HEADS = frozenset({"các", "những", "mọi"})


def _names_part(verb_on: str, words: list[str], heads: set[str]) -> bool:
    """Whether a duty-verb-looking word belongs to the name before it.

    "Ban Tổ chức", "Sở Xây dựng": the word is capitalised, or follows a
    capitalised head noun ("Ban tổ chức"); "các tổ chức chính trị - xã hội",
    "các ban tổ chức": it follows a plural word. A lower-case head ("cơ sở
    chủ trì", "các sở, ngành tổ chức ...") leaves the verb a verb."""
    if verb_on[:1].isupper():
        return True
    tail1 = words[-1].strip(",;")
    tail2 = fold(" ".join(words[-2:]))
    if fold(tail1) in _PLURAL_HEADS or (len(words) >= 2 and tail2 in heads):
        return True
    return fold(tail1) in heads and tail1[:1].isupper()


def _top_level_comma(text: str) -> int | None:
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            return i
    return None


def _duties(node: Node, include_self: bool) -> tuple[Duty, ...]:
    out = []
    if include_self and node.text:
        out.append(Duty(node.text, node.span if not node.children else (node.heading_span or node.span)))
    for c in node.children:
        text = c.text or (c.heading or "")
        if text:
            out.append(Duty(text, c.span))
    return tuple(out)


def _assign(node: Node, out: list[Assignment]) -> None:
    if node.heading:
        unit = clean_unit(node.heading)
        if is_body(unit) and len(unit) <= _MAX_UNIT:
            out.append(Assignment(unit, node.span, _duties(node, False), node.marker))
            return
        for c in node.children:
            if c.kind is NodeKind.ITEM:
                _assign(c, out)
        return
    unit_or_none = subject_of(node.text)
    if not unit_or_none:
        return
    # bullets under the item that name their own body ("- Đề nghị Ủy ban MTTQ tỉnh: ...",
    # "- Giao Văn phòng Tỉnh ủy theo dõi ...") are assignments of their own
    own = [c for c in node.children if c.kind is NodeKind.BULLET and _names_own_body(c.text)]
    if not own:
        out.append(Assignment(unit_or_none, node.span, _duties(node, True), node.marker))
        return
    rest = [c for c in node.children if c not in own]
    duties: tuple[Duty, ...] = (Duty(node.text, node.heading_span or node.span),) if node.text else ()
    duties += tuple(Duty(c.text or (c.heading or ""), c.span) for c in rest if c.text or c.heading)
    out.append(Assignment(unit_or_none, node.span, duties, node.marker))
    for c in own:
        _assign(c, out)


def _names_own_body(text: str) -> bool:
    key = fold(text)
    prefixed = any(key.startswith(fold(p) + " ") for p in load_headings().unit_prefixes)
    return (prefixed and subject_of(text) is not None) or run_in_unit(text) is not None


def _sectionless_duties(nodes: tuple[Node, ...]) -> tuple[Assignment, ...]:
    """A letter without sections ("V/v ...", "Kính gửi: ...") assigns duties in its numbered
    items: "1. Giao Sở Văn hóa ... chủ trì ...". Taken when most items name a body as subject,
    so a plain numbered list of contents is not read as units."""
    items = [n for n in nodes if n.kind is NodeKind.ITEM and n.marker and n.marker[:1].isdigit()]
    if not items:
        return ()
    out: list[Assignment] = []
    named = 0
    for item in items:
        before = len(out)
        _assign(item, out)
        named += len(out) > before
    return tuple(out) if 2 * named > len(items) else ()


def extract_assignments(sections: tuple[Node, ...]) -> tuple[Assignment, ...]:
    """Assignments of every implementation (or duty-assigning) section, in order (top level or under a Phần)."""
    if not any(n.kind is NodeKind.SECTION for n in sections):
        parts = tuple(n for n in sections if n.kind is NodeKind.PART)
        attached = tuple(c for p in parts for c in p.children if c.kind is NodeKind.SECTION)
        return _sectionless_duties(sections) + (extract_assignments(attached) if attached else ())
    out: list[Assignment] = []
    for sec in sections:
        if sec.kind is NodeKind.PART:
            # an attached plan ("Ban hành kèm theo Quyết định ...") assigns duties in its own sections
            out.extend(extract_assignments(tuple(c for c in sec.children if c.kind is NodeKind.SECTION)))
            continue
        if sec.kind is not NodeKind.SECTION:
            continue
        if sec.role is not SectionRole.IMPLEMENTATION and not assigns_duties(sec.heading or ""):
            # "Phần thứ hai" holding "III. TỔ CHỨC THỰC HIỆN"
            nested = tuple(c for c in sec.children if c.kind is NodeKind.SECTION)
            out.extend(extract_assignments(nested))
            continue
        items = [c for c in sec.children if c.kind is NodeKind.ITEM]
        if not items:
            items = [c for c in sec.children if c.kind in (NodeKind.BULLET, NodeKind.PARAGRAPH)]
        for item in items:
            _assign(item, out)
    return tuple(out)
