"""The document page's body: section tree with roles, citations underlined and linked.

Pure helpers over the parsed document (domain objects) and the storage's
citation records: text is sliced from the untouched original by the spans the
parser gives, escaped, and every citation span becomes a link to the cited
document (in the library) or to its placeholder page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from thongsuot.domain.document import Citation, Node, NodeKind, ParsedDocument, SectionRole, Span
from thongsuot.parsing.confidence import Check, checks, reason_text

ROLE_LABELS = {
    SectionRole.SITUATION: "Tình hình",
    SectionRole.PURPOSE: "Mục đích, yêu cầu",
    SectionRole.CONTENT: "Nội dung",
    SectionRole.CONTENT_FOCAL: "Nội dung trọng tâm",
    SectionRole.CONTENT_REGULAR: "Nội dung thường xuyên",
    SectionRole.FORMS: "Hình thức",
    SectionRole.IMPLEMENTATION: "Tổ chức thực hiện",
    SectionRole.TIMELINE: "Thời gian, tiến độ",
    SectionRole.OUTLINE: "Đề cương",
    SectionRole.OTHER: "Khác",
}
RELATION_LABELS = {"implements": "căn cứ / thực hiện", "attached_to": "ban hành kèm theo", "mentions": "nhắc đến"}


FIELD_LABELS = {
    "kind": "Loại văn bản", "symbol": "Số, ký hiệu", "date": "Ngày ban hành", "issuer": "Cơ quan ban hành",
    "title": "Trích yếu",
}


@dataclass(frozen=True)
class CiteLink:
    span: Span
    href: str  # "" when the citation has no node to link to (shown only for its "cần kiểm tra" mark)
    in_library: bool
    title: str
    check: str | None = None  # the "cần kiểm tra" tooltip when the citation is unsure


@dataclass(frozen=True)
class CheckMarks:
    """Where the page puts a "cần kiểm tra" badge, each with its tooltip (confidence and why)."""

    header: dict[str, str]
    citations: dict[int, str]
    duties: dict[tuple[int, int], str]
    items: list[dict[str, str]]  # every mark as {"label", "reason"}, for the upload result


def _tooltip(check: Check) -> str:
    return f"Độ tin cậy {check.confidence:.0%}. {reason_text(check)}"


def check_marks(doc: ParsedDocument) -> CheckMarks:
    header: dict[str, str] = {}
    citations: dict[int, str] = {}
    duties: dict[tuple[int, int], str] = {}
    items: list[dict[str, str]] = []
    for check in checks(doc):
        tip = _tooltip(check)
        if check.kind == "header":
            header[check.key] = tip
            label = FIELD_LABELS.get(check.key, check.key)
        elif check.kind == "citation":
            cit = doc.citations[int(check.key)]
            citations[int(check.key)] = tip
            label = f"Văn bản dẫn chiếu {_flow(cit.text)[:80] or cit.ref}"
        else:
            i, j = (int(x) for x in check.key.split("."))
            duties[(i, j)] = tip
            label = f"Nhiệm vụ của {doc.assignments[i].unit}"
        items.append({"label": label, "reason": tip})
    return CheckMarks(header, citations, duties, items)


def _norm(value: str | None) -> str:
    return re.sub(r"\s+", "", (value or "")).upper()


def _ref_key(number: str | None, symbol: str | None) -> str:
    """`70-KH/TU` whether the symbol is stored with its number or without."""
    n, s = _norm(number), _norm(symbol)
    if not s:
        return n
    if n and (s.startswith(n + "-") or s.startswith(n + "/")):
        return s
    return f"{n}-{s}" if n else s


def cite_links(parsed: ParsedDocument, stored: Iterable[Any], marks: dict[int, str] | None = None) -> list[CiteLink]:
    """Links for every citation span, matched to the stored citations' nodes by citing text, else by ref (+ date).

    An unsure citation (`marks`, by index) carries its "cần kiểm tra" tooltip, linked or not.
    """
    marks = marks or {}
    by_text: dict[str, Any] = {}
    by_full: dict[tuple[str, Any], Any] = {}
    by_ref: dict[str, Any] = {}
    for c in stored:
        if c.node is None or getattr(c, "is_link", False):
            continue
        if c.text:
            by_text.setdefault(_norm(c.text), c.node)
        by_full.setdefault((_ref_key(c.number, c.symbol), c.date), c.node)
        by_ref.setdefault(_ref_key(c.number, c.symbol), c.node)
    links: list[CiteLink] = []
    for index, cit in enumerate(parsed.citations):
        key = _ref_key(cit.number, cit.symbol)
        node = by_text.get(_norm(cit.text)) or by_full.get((key, cit.date)) or by_ref.get(key)
        check = marks.get(index)
        if node is None:
            if check is not None:
                links.append(CiteLink(cit.span, "", False, "", check))
            continue
        href = f"/documents/{node.document_id}" if node.document_id else f"/nodes/{node.id}"
        title = _cite_title(cit, node.in_library)
        for n, span in enumerate((cit.span, *cit.mentions)):
            links.append(CiteLink(span, href, node.in_library, title, check if n == 0 else None))
    links.sort(key=lambda link: (link.span.start, -link.span.end))
    return links


def _cite_title(cit: Citation, in_library: bool) -> str:
    where = "có trong thư viện" if in_library else "chưa có trong thư viện"
    return f"{cit.kind or 'Văn bản'} {cit.ref} — {where}"


# Markdown marks of website exports, dropped in display (the stored original keeps them):
# bold/italic runs, heading hashes, table rules and lines holding only cell bars.
_MD_RULE_LINE = re.compile(r"^[ \t]*[|:\-+ ]*\|[|:\-+ ]*$", re.M)
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)
_MD_EMPHASIS = re.compile(r"\*{2,}|_{2,}|(?<![\w(*])\*(?=[^\s*)])|(?<=[^\s(*])\*(?![\w)*])")
# A break (blank line or not) inside a sentence: the source's hard wrap, joined in display. A break stays
# when the line before ends a clause (. ; : ! ? or a closing quote/bracket after one) or the next line opens
# a list item (dash, plus, bullet, number or letter marker).
_SENTENCE_END = ".;:!?…"
_LIST_START = re.compile(r"[-+•*–]\s|\(?[0-9]+(?:\.[0-9]+)*[.)/]\s|[a-zđ]\)\s|[IVXLC]+[.\-]\s|Điều\s[0-9]")


def _demark(text: str) -> str:
    text = _MD_RULE_LINE.sub("", text)
    text = _MD_HEADING.sub("", text)
    return _MD_EMPHASIS.sub("", text)


def _join_break(before: str, after: str) -> bool:
    tail = before.rstrip("”\"')]»* ")
    if not tail or not after or _LIST_START.match(after):
        return False
    # A line going on in lower case continues the sentence even after a ';' (a clause list wrapped).
    return after[0].islower() or tail[-1] not in _SENTENCE_END


def _flow(text: str, markdown: bool = False) -> str:
    """The source's hard line breaks joined into paragraph text; breaks that end a sentence kept as paragraphs."""
    if markdown:
        text = _demark(text)
    text = re.sub(r"[ \t]+", " ", text)
    pieces = re.split(r"[ \t]*\n\s*", text)
    out = pieces[0]
    for piece in pieces[1:]:
        if not piece:
            continue
        out = f"{out} {piece}" if not out or _join_break(out, piece) else f"{out}\n{piece}"
    return out.strip()


def linked_text(original: str, start: int, end: int, links: list[CiteLink], markdown: bool = False) -> Markup:
    """original[start:end] escaped, with citation spans inside it turned into links."""
    pieces: list[tuple[str, Markup | None]] = []  # (display text, its link markup if a citation)
    pos = start
    for link in links:
        s, e = link.span.start, link.span.end
        if s < pos or e > end or s >= end:
            continue
        pieces.append((_flow_keep_edges(original[pos:s], markdown), None))
        shown = _flow_keep_edges(original[s:e], markdown)
        css = "cite" if link.in_library else "cite placeholder"
        if link.href:
            html = Markup('<a class="{}" href="{}" title="{}">{}</a>').format(css, link.href, link.title, shown.strip())
        else:
            html = Markup('<span class="cite unsure">{}</span>').format(shown.strip())
        if link.check:
            html += check_badge(link.check)
        pieces.append((shown, html))
        pos = e
    pieces.append((_flow_keep_edges(original[pos:end], markdown), None))
    return _join_pieces(pieces)


def _gap(space: str) -> str:
    """The kind of a run of whitespace: "" none, " " a space, "\n" a line break."""
    return "\n" if "\n" in space else (" " if space else "")


def _join_pieces(pieces: list[tuple[str, Markup | None]]) -> Markup:
    """Pieces joined; a break at a piece's edge is kept or joined by the same rule as inside a piece."""
    html: list[str] = []
    before = ""  # display text of the last piece, for the break rule
    pending = ""  # the gap left at the end of the last piece
    for text, link in pieces:
        core = text.strip()
        head = _gap(text[: len(text) - len(text.lstrip())])
        gap = "\n" if "\n" in (pending, head) else (pending or head)
        if not core:
            pending = gap
            continue
        if html and gap:
            html.append("\n" if gap == "\n" and not _join_break(before, core) else " ")
        html.append(str(link) if link is not None else str(escape(core)))
        before, pending = core, _gap(text[len(text.rstrip()) :])
    return Markup("".join(html))


def _flow_keep_edges(text: str, markdown: bool = False) -> str:
    """Like `_flow` but keeps the edges' whitespace kind (space or line break) so pieces join correctly."""
    if not text:
        return ""
    lead = _gap(text[: len(text) - len(text.lstrip())])
    trail = _gap(text[len(text.rstrip()) :])
    core = _flow(text, markdown)
    return f"{lead}{core}{trail}" if core else (lead or trail)


def _body_start(doc: ParsedDocument, node: Node) -> int:
    """Where the node's own text starts: after its heading, else after its printed marker (shown apart)."""
    if node.heading_span:
        return node.heading_span.end
    start = node.span.start
    if node.marker and is_foldable(node):
        m = re.match(r"[\s*_#]*" + re.escape(node.marker) + r"[*_]*", doc.text[start : start + len(node.marker) + 12])
        if m:
            return start + m.end()
    return start


def is_markdown(doc: ParsedDocument, fmt: str | None = None) -> bool:
    """Whether the text is a Markdown export (the stored format; a rebuilt parse may not carry its source)."""
    return fmt == "md" or (doc.source is not None and doc.source.format == "md")


def node_body(doc: ParsedDocument, node: Node, links: list[CiteLink], markdown: bool = False) -> Markup:
    """The node's own text: after its heading (or its marker), before its first child.

    A bullet or paragraph shows its marker once: the one printed in the source
    when there is one there, else the parser's (a Word list number is not text).
    """
    start = _body_start(doc, node)
    end = node.children[0].span.start if node.children else node.span.end
    if end <= start:
        return Markup("")
    text = linked_text(doc.text, start, end, links, markdown)
    if node.marker and not is_foldable(node) and not _MARKER_AT.sub("", doc.text[start : start + 40]).startswith(
        node.marker
    ):
        return Markup("{} {}").format(node.marker, text)
    return text


_MARKER_AT = re.compile(r"^[\s*_#]*")


def full_text(doc: ParsedDocument, markdown: bool = False) -> str:
    """The whole text, flowed, for a document whose sections were not recognised."""
    return _flow(doc.text, markdown)


def display_title(title: str | None) -> str:
    """The trích yếu, never the file's name (often a hash such as 000_cb2ba15afe6d27db)."""
    return title.strip() if title and title.strip() else "(chưa rõ trích yếu)"


PREVIEW_WORDS = 14


def preview(doc: ParsedDocument, node: Node, markdown: bool = False) -> str:
    """A heading-less item's first words, shown on its folded line instead of a bare "1.1."."""
    if node.heading:
        return ""
    start = _body_start(doc, node)
    end = node.children[0].span.start if node.children else node.span.end
    words = _flow(doc.text[start : min(end, start + 400)], markdown).split()
    if not words:
        return ""
    cut = " ".join(words[:PREVIEW_WORDS])
    return cut + (" …" if len(words) > PREVIEW_WORDS else "")


def is_foldable(node: Node) -> bool:
    """Sections, parts and numbered items fold; bullets and paragraphs are plain text."""
    return node.kind in (NodeKind.PART, NodeKind.SECTION, NodeKind.ITEM) or bool(node.children)


def role_label(node: Node) -> str | None:
    return ROLE_LABELS.get(node.role) if node.role else None


def check_badge(tooltip: str) -> Markup:
    """The "cần kiểm tra" badge; its tooltip (title) says the confidence and why."""
    return Markup(' <span class="badge warn check" title="{}" tabindex="0">cần kiểm tra</span>').format(tooltip)


def duty_rows(doc: ParsedDocument, marks: CheckMarks | None = None) -> list[dict[str, Any]]:
    """Duties by unit; `checks` holds each duty's "cần kiểm tra" tooltip (None when sure), in order."""
    found = marks.duties if marks else {}
    return [
        {"unit": a.unit, "marker": a.marker, "duties": [d.text for d in a.duties],
         "checks": [found.get((i, j)) for j in range(len(a.duties))]}
        for i, a in enumerate(doc.assignments)
    ]
