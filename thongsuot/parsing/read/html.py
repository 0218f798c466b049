"""HTML pages: the visible text of the content, one block per line of layout.

Built on the standard library `html.parser` (tolerant of broken markup, no
dependency). Block elements end a line; table rows are laid out by
`render_row` so a two-column document header survives; scripts, styles,
navigation and form controls are dropped. When the page marks its content
(`<main>`, `role="main"`, or a single `<article>`), only that is kept, so
menus and sidebars of a news site do not precede the document.
Numeric `<sup>` (footnote anchors) are kept as `<sup>N</sup>` like Markdown
converters write them, which the parser understands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from thongsuot.domain.document import SourceText
from thongsuot.parsing.read.blocks import Block, assemble, render_row
from thongsuot.parsing.read.text import decode_text, require_content

_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tfoot caption blockquote pre hr "
    "section article header footer main address figure figcaption center body html".split()
)
_DROPPED_TAGS = frozenset(
    "script style noscript template nav svg iframe button select textarea title object".split()
)
_VOID_TAGS = frozenset("br hr img input meta link area base col embed param source track wbr".split())
_MAIN_TAGS = frozenset({"main"})
_SPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


@dataclass
class _Cell:
    lines: list[str] = field(default_factory=list)


@dataclass
class _Row:
    cells: list[_Cell] = field(default_factory=list)


class _TextCollector(HTMLParser):
    """Walks the tags once, emitting (text, in_main) blocks in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (text, region: main / article / "")
        self.article_count = 0
        self._line: list[str] = []
        self._drop_depth = 0
        self._drop_stack: list[str] = []
        self._open: list[tuple[str, str]] = []  # open elements: (tag, region it starts or "")
        self._pre = 0
        self._rows: list[_Row] = []  # open table rows (nested tables stack)
        self._cell_open: list[bool] = []
        self._sup: list[str] | None = None

    # -- text -------------------------------------------------------------
    def _in_main(self) -> str:
        regions = {region for _, region in self._open if region}
        if "main" in regions:
            return "main"
        return "article" if regions else ""

    def _flush(self) -> None:
        raw = "".join(self._line)
        self._line = []
        if self._pre:
            lines = [raw.strip("\n")]
        else:  # "\n" only comes from <br>: a line break inside the block
            lines = [_SPACE.sub(" ", part).strip() for part in raw.split("\n")]
        if self._rows and self._cell_open and self._cell_open[-1]:
            row = self._rows[-1]
            if row.cells:
                row.cells[-1].lines.extend(lines)
            return
        text = "\n".join(line for line in lines if line.strip())
        if text:
            self.blocks.append((text, self._in_main()))

    def handle_data(self, data: str) -> None:
        if self._drop_depth:
            return
        if self._sup is not None:
            self._sup.append(data)
            return
        if not self._pre:
            data = _SPACE.sub(" ", data)
        self._line.append(data)

    # -- tags -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if self._drop_depth or tag in _DROPPED_TAGS or attr.get("role") == "navigation":
            if tag not in _VOID_TAGS:
                self._drop_depth += 1
                self._drop_stack.append(tag)
            return
        if tag not in _VOID_TAGS:
            region = "main" if tag in _MAIN_TAGS or attr.get("role") == "main" else ""
            if tag == "article":
                self.article_count += 1
                region = region or "article"
            self._open.append((tag, region))
        if tag == "br":
            self._line.append("\n")
        elif tag == "sup":
            self._sup = []
        elif tag == "tr":
            self._flush()
            self._rows.append(_Row())
            self._cell_open.append(False)
        elif tag in {"td", "th"}:
            self._flush()
            if self._rows:  # a cell outside any row is just a block
                self._rows[-1].cells.append(_Cell())
                self._cell_open[-1] = True
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self._drop_depth:
            self._line.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._drop_depth:
            if tag in self._drop_stack:
                while self._drop_stack:
                    self._drop_depth -= 1
                    if self._drop_stack.pop() == tag:
                        break
            return
        if tag == "sup" and self._sup is not None:
            inner = "".join(self._sup).strip()
            self._sup = None
            self._line.append(f"<sup>{inner}</sup>" if inner.isdigit() else inner)
        elif tag in {"td", "th"}:
            self._flush()
            if self._rows:
                self._cell_open[-1] = False
        elif tag == "tr":
            self._close_row()
        elif tag == "table":
            self._flush()
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag == "pre" and self._pre:
                self._pre -= 1
        if any(open_tag == tag for open_tag, _ in self._open):
            while self._open and self._open.pop()[0] != tag:
                pass  # elements left open inside (a <p> without </p>) close with it

    def _close_row(self) -> None:
        if not self._rows:
            return
        if self._cell_open[-1]:
            self._flush()
        row = self._rows.pop()
        self._cell_open.pop()
        text = render_row([cell.lines for cell in row.cells])
        if not text:
            return
        if self._rows and self._cell_open and self._cell_open[-1]:
            # A table nested in a cell: its rows become lines of that cell.
            self._rows[-1].cells[-1].lines.extend(text.split("\n"))
        else:
            self.blocks.append((text, self._in_main()))

    def finish(self) -> None:
        self.close()
        while self._rows:
            self._close_row()
        self._flush()


def _decode_html(data: bytes, name: str) -> str:
    """UTF-8/UTF-16 like text files; a declared legacy charset is honoured."""
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        charset = declared.group(1).decode("ascii").lower()
        if charset not in {"utf-8", "utf8", "utf-16"}:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_text(data, name)


def html_blocks(markup: str) -> list[Block]:
    collector = _TextCollector()
    collector.feed(markup)
    collector.finish()
    chosen = [text for text, _ in collector.blocks]
    main = [text for text, region in collector.blocks if region == "main"]
    article = [text for text, region in collector.blocks if region]
    if main:
        chosen = main
    elif article and collector.article_count == 1:
        # Several <article> are a listing (related news), not the content.
        chosen = article
    return [Block(text, paragraph=i) for i, text in enumerate(chosen, start=1)]


def read_html(data: bytes, name: str) -> SourceText:
    markup = _decode_html(data, name)
    source = assemble(html_blocks(markup), fmt="html", name=name, separator="\n\n")
    require_content(source.text, name)
    return source
