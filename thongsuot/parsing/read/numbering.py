"""Word automatic numbering made visible: numbering.xml -> "I.", "1.1.", "a)", "-".

Word stores list numbers as data, not text: a paragraph says "list 5, level
1" (`w:numPr`) and numbering.xml says how level 1 of list 5 is drawn (format,
start, text pattern "%1.%2."). A reader that ignores this loses every section
and item number of a directive, so we replay the counters in document order.

Counters follow Word: `w:num` instances that point at the same abstract
definition continue one sequence unless the instance overrides a start value
("Restart numbering"), in which case it counts on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def w(tag: str) -> str:
    return _W + tag


def wval(element: Any, child: str) -> str | None:
    """The w:val of a child element, or None."""
    if element is None:
        return None
    node = element.find(w(child))
    if node is None:
        return None
    value = node.get(w("val"))
    return str(value) if value is not None else None


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False  # w:isLgl: show all levels in decimal


@dataclass
class _Instance:
    key: str  # counter key: the abstract definition, or the instance itself
    levels: dict[int, Level]


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter after z: a..z, aa..zz, aaa...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n) if n > 0 else "0"
    if fmt == "lowerRoman":
        return _roman(n).lower() if n > 0 else "0"
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal and every format we do not draw specially


def _bullet(text: str, ilvl: int) -> str:
    """Vietnamese documents use "-" for first-level and "+" for second-level bullets."""
    if text.strip() in {"-", "+"}:
        return text.strip()
    if text.strip() in {"–", "—", "‒"}:
        return "-"
    return "-" if ilvl == 0 else "+"


def _parse_level(lvl: Any) -> Level:
    start = wval(lvl, "start")
    return Level(
        fmt=wval(lvl, "numFmt") or "decimal",
        text=wval(lvl, "lvlText") or "",
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        legal=lvl.find(w("isLgl")) is not None and wval(lvl, "isLgl") not in {"0", "false"},
    )


@dataclass
class Numbering:
    """Parsed numbering.xml plus the running counters of one document."""

    instances: dict[str, _Instance] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any) -> Numbering:
        abstract: dict[str, dict[int, Level]] = {}
        if root is None:
            return cls()
        for definition in root.iter(w("abstractNum")):
            levels = {}
            for lvl in definition.iter(w("lvl")):
                ilvl = lvl.get(w("ilvl"))
                if ilvl is not None and ilvl.isdigit():
                    levels[int(ilvl)] = _parse_level(lvl)
            abstract[str(definition.get(w("abstractNumId")))] = levels
        instances: dict[str, _Instance] = {}
        for num in root.iter(w("num")):
            num_id = str(num.get(w("numId")))
            abstract_id = wval(num, "abstractNumId") or ""
            levels = dict(abstract.get(abstract_id, {}))
            restarted = False
            for override in num.iter(w("lvlOverride")):
                ilvl_text = override.get(w("ilvl")) or "0"
                if not ilvl_text.isdigit():
                    continue
                ilvl = int(ilvl_text)
                replacement = override.find(w("lvl"))
                if replacement is not None:
                    levels[ilvl] = _parse_level(replacement)
                start = wval(override, "startOverride")
                if start is not None and start.lstrip("-").isdigit():
                    base = levels.get(ilvl, Level())
                    levels[ilvl] = Level(base.fmt, base.text, int(start), base.legal)
                    restarted = True
            key = f"num:{num_id}" if restarted else f"abstract:{abstract_id}"
            instances[num_id] = _Instance(key, levels)
        return cls(instances)

    def marker(self, num_id: str, ilvl: int) -> str:
        """Advance the counters for one numbered paragraph and draw its marker."""
        instance = self.instances.get(num_id)
        if instance is None or num_id == "0":
            return ""
        level = instance.levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(instance.key, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text, ilvl)

        def draw(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            shown = instance.levels.get(k, Level())
            value = counters.get(k, shown.start)
            fmt = "decimal" if level.legal and shown.fmt != "none" else shown.fmt
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(draw, level.text).strip()
