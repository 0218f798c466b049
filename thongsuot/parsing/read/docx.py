"""DOCX: body paragraphs and tables in order, numbering drawn, footnotes kept.

python-docx opens the package (it follows the relationships, so unusual part
names work); the body is then walked as XML because python-docx does not
interleave paragraphs with tables, draw automatic numbers or read footnotes.

Output conventions (what the parser sees):
- one block per paragraph, blocks separated by a blank line;
- a table row is laid out by `render_row` (cells joined by " | ");
- numbered paragraphs start with their drawn marker: "I. ", "1.1. ", "a) ", "- ";
- a footnote reference becomes "<sup>N</sup>" in the text (N in order of first
  reference, as Word prints it) and the notes follow the body as a "---" line and
  then one "N- text" block each — the shape Markdown converters produce;
- header parts are not mixed in (running headers), except that when the body
  lacks the document header (no "Số", party or state motto line) and the first
  section's header holds it, the header's text is put first.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from thongsuot.domain.document import ParseWarning, SourceText
from thongsuot.errors import InputError, ThongSuotError
from thongsuot.parsing.read.blocks import Block, assemble, render_row
from thongsuot.parsing.read.limits import ReadLimits, repack, safe_members
from thongsuot.parsing.read.numbering import Numbering, w, wval
from thongsuot.parsing.read.text import require_content
from thongsuot.vocab.warnings import make_warning

_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
# Lines that show the body already carries the document header (layout anchors
# of every Party/State document, see DOMAIN.md §2), so a page header is not needed.
_HEADER_ANCHOR = re.compile(
    r"^\s*(Số\s*:?\s*\S|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+HÒA\s+XÃ\s+HỘI|CỘNG\s+HOÀ\s+XÃ\s+HỘI)",
    re.MULTILINE,
)
_SKIPPED = frozenset(w(t) for t in ("instrText", "delText", "del", "moveFrom", "rPr", "pPr", "footnoteRef",
                                     "endnoteRef", "annotationRef", "commentReference", "sectPr"))  # fmt: skip
_CONTAINERS = frozenset(w(t) for t in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml",
                                        "sdt", "sdtContent", "r", "dir", "bdo"))  # fmt: skip


def _corrupt(name: str, why: str = "", part: str | None = None) -> InputError:
    """The officer reads that the file is damaged (and which part); the technical cause goes to `detail`."""
    where = f"phần {part} bị hỏng" if part else "không mở được"
    return InputError(f"{name}: tệp DOCX hỏng, {where}", code="corrupt_file", detail={"reason": why} if why else None)


@dataclass
class _Styles:
    """Paragraph-style facts the body needs: inherited numbering and caps."""

    num: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    caps: set[str] = field(default_factory=set)
    based_on: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any) -> _Styles:
        styles = cls()
        if root is None:
            return styles
        for style in root.iter(w("style")):
            sid = str(style.get(w("styleId")))
            base = wval(style, "basedOn")
            if base:
                styles.based_on[sid] = base
            ppr = style.find(w("pPr"))
            numpr = ppr.find(w("numPr")) if ppr is not None else None
            if numpr is not None and wval(numpr, "numId") is not None:
                ilvl = wval(numpr, "ilvl")
                styles.num[sid] = (str(wval(numpr, "numId")), int(ilvl) if ilvl and ilvl.isdigit() else None)
            rpr = style.find(w("rPr"))
            if rpr is not None and _on(rpr, "caps"):
                styles.caps.add(sid)
        return styles

    def chain(self, sid: str | None) -> Iterator[str]:
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            yield sid
            sid = self.based_on.get(sid)

    def numbering(self, sid: str | None) -> tuple[str, int | None] | None:
        return next((self.num[s] for s in self.chain(sid) if s in self.num), None)

    def has_caps(self, sid: str | None) -> bool:
        return any(s in self.caps for s in self.chain(sid))


def _on(rpr: Any, flag: str) -> bool:
    node = rpr.find(w(flag))
    return node is not None and node.get(w("val")) not in {"0", "false", "off"}


@dataclass
class _Walker:
    numbering: Numbering
    styles: _Styles
    footnote_order: dict[str, int] = field(default_factory=dict)
    footnote_ids: frozenset[str] = frozenset()

    # -- paragraphs ----------------------------------------------------------
    def paragraph(self, p: Any) -> tuple[str, list[str]]:
        """Text of one w:p with its drawn marker, plus lines found in text boxes."""
        ppr = p.find(w("pPr"))
        style = wval(ppr, "pStyle") if ppr is not None else None
        caps = self.styles.has_caps(style)
        pieces: list[str] = []
        boxes: list[str] = []
        self._inline(p, pieces, boxes, caps)
        text = "".join(pieces).strip()
        marker = self._marker(ppr, style)
        if text and marker:
            text = f"{marker} {text}"
        return text, boxes

    def _marker(self, ppr: Any, style: str | None) -> str:
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        num_id = wval(numpr, "numId") if numpr is not None else None
        ilvl_text = wval(numpr, "ilvl") if numpr is not None else None
        inherited = self.styles.numbering(style)
        if num_id is None and inherited is not None:
            num_id = inherited[0]
        if num_id is None:
            return ""
        if ilvl_text is not None and ilvl_text.isdigit():
            ilvl = int(ilvl_text)
        else:
            ilvl = inherited[1] if inherited and inherited[1] is not None else 0
        return self.numbering.marker(num_id, ilvl)

    def _inline(self, node: Any, out: list[str], boxes: list[str], caps: bool) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == w("r"):
                rpr = child.find(w("rPr"))
                if rpr is not None and (_on(rpr, "vanish") or _on(rpr, "specVanish")):
                    continue
                run_caps = caps or (rpr is not None and _on(rpr, "caps"))
                self._inline(child, out, boxes, run_caps)
            elif tag == w("t"):
                out.append((child.text or "").upper() if caps else (child.text or ""))
            elif tag == w("tab") or tag == w("ptab"):
                out.append("\t")
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) not in {"page", "column"}:
                    out.append("\n")
            elif tag == w("noBreakHyphen"):
                out.append("-")
            elif tag == w("footnoteReference"):
                fid = str(child.get(w("id")))
                number = self.footnote_order.setdefault(fid, len(self.footnote_order) + 1)
                out.append(f"<sup>{number}</sup>")
            elif tag in (w("drawing"), w("pict")) or tag == f"{{{_MC_NS}}}AlternateContent":
                self._text_boxes(child, boxes)
            elif tag in _CONTAINERS or tag == w("p"):
                self._inline(child, out, boxes, caps)

    def _text_boxes(self, node: Any, boxes: list[str]) -> None:
        if node.tag == f"{{{_MC_NS}}}AlternateContent":
            choice = node.find(f"{{{_MC_NS}}}Choice")
            node = choice if choice is not None else node.find(f"{{{_MC_NS}}}Fallback")
            if node is None:
                return
        for content in node.iter(w("txbxContent")):
            for p in content.iter(w("p")):
                text, _ = self.paragraph(p)
                if text:
                    boxes.append(text)

    # -- block level -----------------------------------------------------------
    def blocks(self, container: Any) -> Iterator[str]:
        """Text blocks of a body/header/cell in order: paragraphs, table rows."""
        for child in container:
            tag = child.tag
            if tag == w("p"):
                text, boxes = self.paragraph(child)
                yield from boxes
                if text:
                    yield text
            elif tag == w("tbl"):
                yield from self.table(child)
            elif tag in (w("sdt"), w("sdtContent"), w("customXml")):
                yield from self.blocks(child)

    def table(self, tbl: Any) -> Iterator[str]:
        for tr in tbl.iter(w("tr")):
            if tr.getparent() is not tbl:
                continue  # rows of nested tables are drawn inside their cell
            cells: list[list[str]] = []
            for tc in tr.iter(w("tc")):
                if tc.getparent() is not tr:
                    continue
                lines: list[str] = []
                for p_or_tbl in tc:
                    if p_or_tbl.tag == w("p"):
                        text, boxes = self.paragraph(p_or_tbl)
                        lines.extend(boxes)
                        lines.extend(text.split("\n") if text else [""])
                    elif p_or_tbl.tag == w("tbl"):
                        for row in self.table(p_or_tbl):
                            lines.extend(row.split("\n"))
                cells.append(lines)
            row_text = render_row(cells)
            if row_text:
                yield row_text

    def footnotes(self, root: Any) -> list[str]:
        if root is None:
            return []
        notes: dict[str, str] = {}
        for note in root.iter(w("footnote")):
            if note.get(w("type")) in {"separator", "continuationSeparator", "continuationNotice"}:
                continue
            text = " ".join(t for t in self.blocks(note) if t)
            notes[str(note.get(w("id")))] = " ".join(text.split())
        ordered = sorted(notes, key=lambda fid: self.footnote_order.get(fid, 10**9))
        lines = []
        for fid in ordered:
            number = self.footnote_order.setdefault(fid, len(self.footnote_order) + 1)
            if notes[fid]:
                lines.append(f"{number}- {notes[fid]}")
        return lines


def _related_xml(part: Any, reltype: str) -> Any:
    from docx.oxml.parser import parse_xml

    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return parse_xml(rel.target_part.blob)
    return None


def _first_header(document: Any, walker: _Walker) -> list[str]:
    """Text of the first section's first-page header (or default header)."""
    if not document.sections:
        return []
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous:
        return []
    return list(walker.blocks(header._element))


def read_docx(data: bytes, name: str, limits: ReadLimits) -> SourceText:
    """Inflate every part under the limits first (limits.safe_members), then let python-docx open only those.

    Media parts are emptied on the way: the text never needs them, and
    python-docx would otherwise hold every image in memory.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _corrupt(name, "not a zip package") from None
    with archive:
        if not any(n.lower().startswith("word/") for n in archive.namelist()):
            raise _corrupt(name, "no word/document.xml")
        try:
            members = safe_members(name, archive, limits, keep=lambda _m: True)
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError) as exc:
            # CRC mismatch, truncation, unknown method: zipfile names the member in quotes
            quoted = re.search(r"'([^']+)'", str(exc))
            raise _corrupt(name, f"damaged part: {exc}", quoted.group(1) if quoted else None) from None
    try:
        return _read_package(repack(members), name)
    except ThongSuotError:
        raise
    except Exception as exc:  # python-docx / lxml / zipfile raise many kinds on damaged parts
        raise _corrupt(name, f"{type(exc).__name__}") from None


def _read_package(data: bytes, name: str) -> SourceText:
    import docx

    document = docx.Document(io.BytesIO(data))
    part = document.part
    walker = _Walker(
        numbering=Numbering.from_xml(_related_xml(part, _RT_NUMBERING)),
        styles=_Styles.from_xml(_related_xml(part, _RT_STYLES)),
    )
    body = list(walker.blocks(document.element.body))
    warnings: list[ParseWarning] = []
    head_lines: list[str] = []
    if not _HEADER_ANCHOR.search("\n".join(body[:40])):
        header_text = _first_header(document, walker)
        if _HEADER_ANCHOR.search("\n".join(header_text)):
            head_lines = header_text
            warnings.append(make_warning("header_from_page_header"))
    notes = walker.footnotes(_related_xml(part, _RT_FOOTNOTES))
    texts = head_lines + body + (["---", *notes] if notes else [])
    blocks = [Block(text, paragraph=i) for i, text in enumerate(texts, start=1)]
    source = assemble(blocks, fmt="docx", name=name, warnings=warnings, separator="\n\n")
    require_content(source.text, name)
    return source
