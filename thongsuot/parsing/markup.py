"""Markup tolerance: read Markdown / HTML-ish text as the document it carries.

Converters from Word and legal websites wrap the document in Markdown (`##`
headings, `**bold**`, `|` table cells for the two-column header, `<sup>1</sup>`
footnote anchors, `---` rules, `\\-` escapes). The stages match and output the
words only; spans keep pointing at the original, markup included.
"""

from __future__ import annotations

import re

from thongsuot.vocab.codes import load_codes

_SUP = re.compile(r"<sup>\s*\[?(\d{1,3})\]?\s*</sup>|\[\^(\d{1,3})\](?!:)")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,200})?/?>")
_BOLD = re.compile(r"\*\*|__")
_EMPH = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\w*])")
_ESCAPE = re.compile(r"\\([-.*_#+()\[\]!`>|])")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((?:[^()\s]{1,500})\)")
_STRAY_STAR = re.compile(r"^\*+(?=\S)(?=[^*]*\w)|(?<=[\w.,;:)\s])\s*\*+$")
_HEADING = re.compile(r"^#{1,6}\s+")
_QUOTE = re.compile(r"^(?:>\s?)+")
_ENTITY = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}
_ENTITY_RE = re.compile("|".join(re.escape(k) for k in _ENTITY))
_SPACES = re.compile(r"\s+")

RULE = re.compile(r"^\s*(?:[-_=~*]\s*){3,}$")
TABLE_SEPARATOR = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$")


# a PDF's superscript read as a plain digit glued to a Party symbol: "Kế hoạch số 132-KH/HU1"
_GLUED = re.compile(
    r"(?<![\w/])\d{1,4}\s?-\s?[A-ZĐ][A-ZĐa-z]{0,5}/(?P<code>[A-ZĐ]{1,10}?)(?P<n>\d{1,2})(?![\w/\-])"
)


def glued_anchor(code_and_digits: str) -> tuple[str, str] | None:
    """(issuer code, footnote number) when a Party issuer code carries a glued footnote mark:
    `HU1` -> (`HU`, `1`) — the code without the digits is known, with them it is not."""
    m = re.fullmatch(r"(?P<code>[A-ZĐ]{1,10}?)(?P<n>\d{1,2})", code_and_digits)
    if m is None:
        return None
    issuers = load_codes().issuers
    if m.group("code") in issuers and code_and_digits not in issuers:
        return m.group("code"), m.group("n")
    return None


def find_anchors(text: str) -> list[tuple[str, int, int]]:
    """Footnote anchors (`<sup>1</sup>`, `[^1]`, a digit glued to a Party symbol) as (number, start, end)."""
    out = [(m.group(1) or m.group(2), m.start(), m.end()) for m in _SUP.finditer(text)]
    if "/" in text:
        for m in _GLUED.finditer(text):
            if glued_anchor(m.group("code") + m.group("n")):
                out.append((m.group("n"), m.start("n"), m.end("n")))
    return out


def heading_level(text: str) -> int:
    """The Markdown heading level of a line (`### I. ...` -> 3), 0 when none."""
    m = _HEADING.match(text.lstrip())
    return len(m.group(0).strip()) if m else 0


def strip_markup(text: str) -> str:
    """The words of a line without Markdown/HTML markup, spaces collapsed."""
    if not any(c in text for c in "*_#<>[]\\&|`"):
        return _SPACES.sub(" ", text).strip()
    s = text.strip()
    s = _QUOTE.sub("", s)
    s = _HEADING.sub("", s)
    s = _SUP.sub("", s)
    s = _LINK.sub(r"\1", s)
    s = _TAG.sub("", s)
    s = _BOLD.sub("", s)
    s = _EMPH.sub(r"\1", s)
    s = _ESCAPE.sub(r"\1", s)
    s = _ENTITY_RE.sub(lambda m: _ENTITY[m.group(0)], s)
    s = s.replace("`", "")
    # emphasis a website export left open over a wrapped line: "*Hà Nội, ngày 19" / "tháng 11 năm 2025 *"
    s = _STRAY_STAR.sub("", s)
    return _SPACES.sub(" ", s).strip()


def is_rule(text: str) -> bool:
    """A horizontal rule (`---`, `-----`, `***`, `___`) — the end of a title block or a footnote separator."""
    return bool(RULE.match(text)) and len(text.strip()) >= 3


def table_cells(text: str) -> list[tuple[int, int]]:
    """Cell ranges (start, end) of a Markdown table row `| a | b |`; [] when not a row."""
    stripped = text.strip()
    if not stripped.startswith("|") or stripped.count("|") < 2:
        return []
    cells: list[tuple[int, int]] = []
    pos = text.index("|") + 1
    while pos <= len(text):
        nxt = text.find("|", pos)
        if nxt < 0:
            nxt = len(text)
        lo, hi = pos, nxt
        while lo < hi and text[lo] == " ":
            lo += 1
        while hi > lo and text[hi - 1] == " ":
            hi -= 1
        if hi > lo:
            cells.append((lo, hi))
        pos = nxt + 1
    return cells
