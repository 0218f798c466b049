"""Runs the stages in order: normalise -> lines -> footnotes -> header -> closing
-> body tree and attached parts -> roles -> citations -> duties.

Bad input never raises from here: every stage returns partial results, and an
unexpected fault in a stage becomes a ParseWarning with what was read so far.
"""

from __future__ import annotations

import bisect
import dataclasses
from pathlib import Path

from thongsuot.domain.document import (
    Header,
    Node,
    NodeKind,
    ParsedDocument,
    ParseWarning,
    SectionRole,
    SourceText,
    Span,
)
from thongsuot.parsing.blocks import Block
from thongsuot.parsing.citations import extract_citations
from thongsuot.parsing.closing import ClosingResult, find_closing_start, parse_closing
from thongsuot.parsing.confidence import assess
from thongsuot.parsing.duties import extract_assignments
from thongsuot.parsing.footnotes import extract_footnotes
from thongsuot.parsing.header import parse_header
from thongsuot.parsing.lines import Line, split_lines, typical_width
from thongsuot.parsing.normalise import NormText, normalise
from thongsuot.parsing.opening import (
    is_standing_body,
    issuer_from_authority,
    issuer_from_opening,
    own_date_from_adoption,
    own_date_from_lead,
    own_from_subtitle,
)
from thongsuot.parsing.read import Progress, read_bytes, read_file
from thongsuot.parsing.roles import canonical_heading, role_of
from thongsuot.parsing.sections import (
    Part,
    attachment_note_title,
    body_blocks,
    build_tree,
    freeze,
    read_part,
    split_parts,
)
from thongsuot.parsing.symbols import parse_symbol
from thongsuot.vocab.warnings import make_warning


def parse_source(source: SourceText) -> ParsedDocument:
    """Parse a read document; never raises on any text."""
    try:
        return _parse(source)
    except Exception as exc:
        warning = make_warning("parser_fault", detail=f"{type(exc).__name__}: {exc}"[:300])
        return ParsedDocument(
            text=source.text, header=Header(), source=source, warnings=(*source.warnings, warning)
        )


def _parse(source: SourceText) -> ParsedDocument:
    view = normalise(source.text)
    warnings: list[ParseWarning] = list(source.warnings)
    lines = split_lines(view)
    lines, footnotes, fn_warnings = extract_footnotes(view, lines)
    warnings.extend(fn_warnings)
    if footnotes:
        lines = [dataclasses.replace(ln, index=i) for i, ln in enumerate(lines)]

    head = parse_header(view, lines)
    warnings.extend(head.warnings)
    header = head.header
    body_start = head.body_start

    closing = ClosingResult()
    start = find_closing_start(lines, body_start)
    if start is not None:
        closing = parse_closing(view, lines, start)
        warnings.extend(closing.warnings)
    else:
        warnings.append(make_warning("no_closing"))

    body_end = closing.start if closing.start is not None else len(lines)
    after = lines[closing.end :] if closing.end is not None else []
    body_lines = lines[body_start:body_end]
    if closing.start is None:
        body_lines, after = _split_trailing_parts(body_lines)

    width = typical_width(lines)
    blocks = body_blocks(body_lines, width, main=True)
    note_title = attachment_note_title(blocks)
    parts = [read_part(r, note_title) for r in split_parts(after, note_title is not None)] if after else []

    sections = _sections(view, blocks, parts, width)
    header = _complete_header(header, blocks, parts, closing, view.text)

    citations = extract_citations(
        view,
        body_start=lines[body_start].start if body_start < len(lines) else len(view.text),
        own_symbol=header.symbol,
        title_range=_view_range(view, header.spans.get("title")),
        ocr=bool(source.word_confidences),
    )
    warnings.extend(citations.warnings)
    assignments = extract_assignments(sections)
    if not assignments and any(s.role is SectionRole.IMPLEMENTATION for s in sections):
        warnings.append(make_warning("no_units"))
    return assess(ParsedDocument(
        text=source.text,
        header=header,
        sections=sections,
        citations=citations.citations,
        links=citations.links,
        assignments=assignments,
        recipients=tuple(closing.recipients),
        signer=closing.signer,
        footnotes=tuple(footnotes),
        warnings=tuple(warnings),
        source=source,
    ))


def _view_range(view: NormText, span: Span | None) -> tuple[int, int] | None:
    """The normalised range of an original span (offsets only grow, so bisect)."""
    if span is None:
        return None
    return bisect.bisect_left(view.offsets, span.start), bisect.bisect_left(view.offsets, span.end)


def _split_trailing_parts(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Without a closing block, an attached part still starts at its own title line."""
    from thongsuot.parsing.sections import part_word

    for i, ln in enumerate(lines):
        if i > 0 and part_word(ln.text) and len(ln.text) < 200:
            return lines[:i], lines[i:]
    return lines, []


def _sections(view: NormText, blocks: list[Block], parts: list[Part], width: int) -> tuple[Node, ...]:
    nodes: list[Node] = []
    for open_node in build_tree(blocks):
        role = role_of(open_node.heading or "") if open_node.kind is NodeKind.SECTION else None
        if role is not None and open_node.heading:
            open_node.heading = canonical_heading(open_node.heading)
        nodes.append(freeze(view, open_node, role))
    for part in parts:
        children = tuple(freeze(view, o, _role(o)) for o in build_tree(body_blocks(part.body, width)))
        title_lines = part.title_lines or part.subtitle_lines or part.body[:1]
        if not title_lines:
            continue
        head_span = view.span(title_lines[0].start, title_lines[-1].end)
        span = head_span.cover(children[-1].span) if children else head_span
        nodes.append(
            Node(
                kind=NodeKind.PART,
                span=span,
                heading=part.title,
                text=part.subtitle,
                heading_span=head_span,
                role=SectionRole.OUTLINE,
                children=children,
            )
        )
    return tuple(nodes)


def _role(o: object) -> SectionRole | None:
    kind = getattr(o, "kind", None)
    heading = getattr(o, "heading", None)
    return role_of(heading or "") if kind is NodeKind.SECTION else None


def _complete_header(
    header: Header, blocks: list[Block], parts: list[Part], closing: ClosingResult, view_text: str = ""
) -> Header:
    """Fill issuer, symbol and date the header omits, from the body, parts and signature."""
    changes: dict[str, object] = {}
    issuer = header.issuer
    if issuer is None:
        opening = " ".join(b.text for b in _opening_blocks(blocks))
        issuer = issuer_from_opening(opening) if opening else None
        if issuer is None:
            issuer = issuer_from_opening(" ".join(b.text for b in _opening_blocks(blocks, _LONG_OPENING)))
        if issuer is None and closing.signer is not None:
            issuer = issuer_from_authority(closing.signer.authority, header.issuer_code)
        if issuer:
            changes["issuer"] = issuer
    else:
        # "Ban Bí thư quy định ..." under "BAN CHẤP HÀNH TRUNG ƯƠNG": the opening names the body more precisely
        named = issuer_from_opening(" ".join(b.text for b in _opening_blocks(blocks, _LONG_OPENING)))
        if named and is_standing_body(named, issuer):
            changes["issuer"] = named
    if header.date is None and header.symbol is not None:
        own_parts = parse_symbol(header.symbol)
        told = own_date_from_lead(view_text, own_parts) if own_parts is not None else None
        if told is None:
            told = own_date_from_adoption(view_text)
        if told is not None:
            changes["date"] = told
    if header.symbol is None:
        for part in parts:
            own = own_from_subtitle(part.subtitle, header.kind, issuer)
            if own:
                sym, date = own
                changes.update(
                    symbol=sym.ref, number=sym.number, type_code=sym.type_code, issuer_code=sym.issuer_code
                )
                if header.date is None and date is not None:
                    changes["date"] = date
                break
    return dataclasses.replace(header, **changes) if changes else header  # type: ignore[arg-type]


_LONG_OPENING = 12  # "Căn cứ ..." lines of a State document before "X ban hành ..."


def _opening_blocks(blocks: list[Block], limit: int = 3) -> list[Block]:
    """The paragraphs before the first numbered part (with `limit` > 3, "- Căn cứ" bullets too)."""
    out = []
    for b in blocks:
        if b.kind is not NodeKind.PARAGRAPH and not (limit > 3 and b.kind is NodeKind.BULLET):
            break
        out.append(b)
    return out[:limit]


def parse_text(text: str, name: str = "") -> ParsedDocument:
    return parse_source(SourceText(text=text, format="txt", name=name))


def parse_file(path: str | Path, progress: Progress | None = None) -> ParsedDocument:
    """`progress(done_pages, total_pages)` is called while a scan is recognised (OCR)."""
    return parse_source(read_file(path, progress=progress))


def parse_bytes(data: bytes, name: str) -> ParsedDocument:
    return parse_source(read_bytes(data, name))
