"""A plan as an official DOCX: the Party format (Hướng dẫn 36-HD/VPTW) or the
State format (Nghị định 30/2020/NĐ-CP).

A4 with the margins of the style file; a borderless header table (issuing body
and symbol on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" or Quốc hiệu and tiêu ngữ with
the italic place-date on the right); the type word and subject centred with a
short rule below; the body in Times New Roman, justified, first-line indent;
"Nơi nhận:" beside the signature block; the attached outline on a new page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from thongsuot.domain.plan import Layout, Plan
from thongsuot.rendering.docx_style import DocxStyle, FormatStyle, load_style
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

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _fonts(run_el: Run, font: str) -> None:
    """Set the font for every script (Word picks eastAsia/cs fonts for some Vietnamese text)."""
    r_pr = run_el._r.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


class _Writer:
    def __init__(self, doc: DocumentObject, style: DocxStyle, fmt: FormatStyle) -> None:
        self.doc, self.style, self.fmt = doc, style, fmt

    def para(
        self,
        where: DocumentObject | _Cell,
        text: str,
        size: float,
        *,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        align: WD_ALIGN_PARAGRAPH = CENTER,
        indent: bool = False,
        after: float = 0,
        first: bool = False,
    ) -> DocxParagraph:
        p = (
            where.paragraphs[0]
            if first and where.paragraphs and not where.paragraphs[0].text
            else where.add_paragraph()
        )
        p.alignment = align
        pf = p.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(after)
        if indent:
            pf.first_line_indent = Mm(self.fmt.first_line_indent_mm)
            pf.line_spacing = self.fmt.line_spacing
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.font.name = self.style.page.font
        run.bold, run.italic, run.underline = bold, italic, underline
        _fonts(run, self.style.page.font)
        return p

    def body(self, text: str, *, bold: bool = False) -> DocxParagraph:
        return self.para(
            self.doc,
            text,
            self.fmt.body_pt,
            bold=bold,
            align=JUSTIFY,
            indent=True,
            after=self.fmt.space_after_pt,
        )


def _setup(doc: DocumentObject, style: DocxStyle, fmt: FormatStyle) -> None:
    page = style.page
    for section in doc.sections:
        section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
        section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
        section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
    normal = doc.styles["Normal"]
    normal.font.name = page.font
    normal.font.size = Pt(fmt.body_pt)


def set_column_widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Word reads the cells' widths, LibreOffice the grid columns: set both, for every row."""
    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(mm)


def _two_columns(doc: DocumentObject, style: DocxStyle, fmt: FormatStyle) -> tuple[_Cell, _Cell]:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    text_width = style.page.width_mm - style.page.left_mm - style.page.right_mm
    widths = (Mm(fmt.left_column_mm), Mm(text_width - fmt.left_column_mm))
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = width  # the grid (LibreOffice reads it) and the cell (Word reads it)
        cell.width = width
    return table.rows[0].cells[0], table.rows[0].cells[1]


def _header(w: _Writer, plan: Plan) -> None:
    h, fmt = plan.header, w.fmt
    left, right = _two_columns(w.doc, w.style, fmt)
    left_lines: list[tuple[str, float, bool]] = []
    if h.parent_body:
        left_lines.append((h.parent_body.upper(), fmt.parent_body_pt, False))
    left_lines += [(line.upper(), fmt.issuer_pt, True) for line in h.header_body.split("\n")]
    if h.layout is Layout.PARTY:
        left_lines.append(("*", fmt.star_pt, False))
        right_lines = [(plan_text("header", "party_national"), fmt.national_pt, True, True)]
    else:
        right_lines = [
            (plan_text("header", "state_national"), fmt.national_pt, True, False),
            (plan_text("header", "state_motto"), fmt.motto_pt, True, True),
        ]
    left_lines.append((symbol_line(plan), fmt.symbol_pt, False))
    for i, (text, size, bold) in enumerate(left_lines):
        w.para(left, text, size, bold=bold, first=i == 0)
    for i, (text, size, bold, underline) in enumerate(right_lines):
        w.para(right, text, size, bold=bold, underline=underline, first=i == 0)
    # the place-date line sits one row below the symbol line (the rows read apart)
    for _ in range(len(left_lines) - len(right_lines)):
        w.para(right, "", fmt.place_date_pt)
    w.para(right, place_date(plan), fmt.place_date_pt, italic=True)
    w.para(w.doc, "", fmt.body_pt)
    w.para(w.doc, h.type_word, fmt.type_word_pt, bold=True)
    w.para(w.doc, h.title, fmt.title_pt, bold=True)
    w.para(w.doc, "-----", fmt.title_pt, after=fmt.space_after_pt * 2)


def _body(w: _Writer, plan: Plan) -> None:
    for block in body_blocks(plan):
        w.body(block.text, bold=block.kind in (BlockKind.SECTION, BlockKind.ITEM))


def _columns(section: Section, left_mm: float, total_mm: float, gap_mm: float = 5) -> None:
    """Lay a section out in two columns of set widths (recipients | signature)."""
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:cols")):
        sect_pr.remove(old)
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:equalWidth"), "0")
    cols.set(qn("w:space"), str(int(Mm(gap_mm).twips)))
    for width in (left_mm, total_mm - left_mm - gap_mm):
        col = OxmlElement("w:col")
        col.set(qn("w:w"), str(int(Mm(width).twips)))
        col.set(qn("w:space"), str(int(Mm(gap_mm).twips)))
        cols.append(col)
    sect_pr.append(cols)


def _closing(w: _Writer, plan: Plan) -> None:
    """ "Nơi nhận:" beside the signature block: a two-column section, so both are read in order."""
    fmt, state = w.fmt, plan.header.layout is Layout.STATE
    w.para(w.doc, "", fmt.body_pt)
    section = w.doc.add_section(WD_SECTION.CONTINUOUS)
    page = w.style.page
    _columns(section, fmt.left_column_mm, page.width_mm - page.left_mm - page.right_mm)
    head = w.para(
        w.doc,
        plan_text("headings", "recipients"),
        fmt.recipients_title_pt,
        bold=state,
        italic=state,
        underline=not state,
        align=LEFT,
    )
    head.paragraph_format.keep_with_next = True
    last = None
    for line in recipient_lines(plan):
        last = w.para(w.doc, line, fmt.recipients_pt, align=LEFT)
        last.paragraph_format.keep_with_next = True
    if last is not None:
        last.runs[-1].add_break(WD_BREAK.COLUMN)
    sig = plan.signature
    for sig_line in (sig.authority, sig.position):
        if sig_line:
            w.para(w.doc, sig_line.upper(), fmt.signature_pt, bold=True)
    for _ in range(3):
        w.para(w.doc, "", fmt.signature_pt)
    w.para(w.doc, sig.name or "", fmt.signature_pt, bold=True)


def _outline(w: _Writer, plan: Plan) -> None:
    if plan.outline is None:
        return
    fmt = w.fmt
    section = w.doc.add_section(WD_SECTION.NEW_PAGE)
    for cols in section._sectPr.findall(qn("w:cols")):
        section._sectPr.remove(cols)
    w.para(w.doc, plan.outline.title, fmt.title_pt, bold=True, first=False)
    w.para(w.doc, outline_subtitle(plan), fmt.body_pt, italic=True)
    w.para(w.doc, "-----", fmt.title_pt, after=fmt.space_after_pt * 2)
    for block in outline_blocks(plan):
        w.body(block.text, bold=block.kind is BlockKind.ITEM)


def build_docx(plan: Plan, style: DocxStyle | None = None) -> DocumentObject:
    style = style or load_style()
    fmt = style.state if plan.header.layout is Layout.STATE else style.party
    doc = Document()
    _setup(doc, style, fmt)
    w = _Writer(doc, style, fmt)
    _header(w, plan)
    _body(w, plan)
    _closing(w, plan)
    _outline(w, plan)
    return doc


def render_docx(plan: Plan, style: DocxStyle | None = None) -> bytes:
    """The DOCX file's bytes."""
    buf = io.BytesIO()
    build_docx(plan, style).save(buf)
    return buf.getvalue()


def write_docx(plan: Plan, path: str | Path, style: DocxStyle | None = None) -> Path:
    out = Path(path)
    out.write_bytes(render_docx(plan, style))
    return out
