"""Fixtures that build real input files for the reader tests.

DOCX files are made with python-docx (automatic numbering and a footnote part
written as WordprocessingML), PDFs with fpdf2 and a Unicode TrueType font from
the system, so the readers meet what Word and PDF printers produce.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
)

# Numbering: abstract 90 = sections "I." (upperRoman) with items "1." (decimal)
# under them; num 90 uses it.
_NUMBERING_XML = f"""
<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
</w:abstractNum>
"""
_NUM_XML = f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'

_FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Kế hoạch số 82-KH/TU, ngày 30/01/2018 của Ban Thường vụ Tỉnh ủy.</w:t></w:r></w:p></w:footnote>
  <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Hướng dẫn số 86-HD/BTGTU, ngày 13/6/2023.</w:t></w:r></w:p></w:footnote>
</w:footnotes>
"""


def _numbered(paragraph, ilvl: int, num_id: str = "90"):  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return paragraph


def _footnote_reference(paragraph, footnote_id: int) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    paragraph._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{footnote_id}"/></w:r>'
        )
    )


def _add_footnotes_part(document) -> None:  # type: ignore[no-untyped-def]
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        _FOOTNOTES_XML.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def _header_table(container, *, in_page_header: bool = False) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Cm

    # A page header's add_table needs a width; the document body's does not take one.
    table = container.add_table(rows=1, cols=2, width=Cm(16)) if in_page_header else container.add_table(1, 2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "ĐẢNG BỘ TỈNH AN GIANG"
    for line in ("BAN TUYÊN GIÁO", "*", "Số 75-HD/BTGTU"):
        left.add_paragraph(line)
    right.paragraphs[0].text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("")
    right.add_paragraph("")
    right.add_paragraph("Long Xuyên, ngày 12 tháng 6 năm 2023")


def build_directive_docx(*, header_in_page_header: bool = False) -> bytes:
    """A guidance document as Word makes it: header table, numbering, footnotes, a table."""
    import docx

    document = docx.Document()
    numbering = document.part.numbering_part.element
    from docx.oxml import parse_xml

    first_num = numbering.find(f"{{{W_NS}}}num")
    first_num.addprevious(parse_xml(_NUMBERING_XML))  # abstractNum must precede every num
    numbering.append(parse_xml(_NUM_XML))
    _add_footnotes_part(document)

    if header_in_page_header:
        section = document.sections[0]
        section.different_first_page_header_footer = True
        _header_table(section.first_page_header, in_page_header=True)
        section.header.paragraphs[0].text = "Running header text"
    else:
        _header_table(document)

    document.add_paragraph("HƯỚNG DẪN")
    document.add_paragraph("tuyên truyền kỷ niệm ngày thành lập Đảng")
    document.add_paragraph("-----")
    opening = document.add_paragraph("Thực hiện Kế hoạch số 40-KH/TU của Ban Thường vụ Tỉnh ủy")
    _footnote_reference(opening, 1)
    opening.add_run(", Ban Tuyên giáo hướng dẫn như sau:")
    _numbered(document.add_paragraph("MỤC ĐÍCH, YÊU CẦU"), 0)
    _numbered(document.add_paragraph("Nâng cao nhận thức của cán bộ."), 1)
    _numbered(document.add_paragraph("Bảo đảm thiết thực, hiệu quả."), 1)
    _numbered(document.add_paragraph("NỘI DUNG TUYÊN TRUYỀN"), 0)
    _numbered(document.add_paragraph("Nội dung trọng tâm"), 1)
    _numbered(document.add_paragraph("Lịch sử vẻ vang của Đảng."), 2)
    _numbered(document.add_paragraph("Thành tựu đổi mới."), 2)
    _numbered(document.add_paragraph("Trên báo chí"), 3)
    _numbered(document.add_paragraph("Trên mạng xã hội"), 3)
    _numbered(document.add_paragraph("đăng tin bài thường xuyên"), 4)
    note = document.add_paragraph("Các nội dung khác theo hướng dẫn")
    _footnote_reference(note, 2)
    _numbered(document.add_paragraph("Nội dung thường xuyên"), 1)
    document.add_paragraph("Tuyên truyền theo kế hoạch năm.", style="List Bullet")
    _numbered(document.add_paragraph("TỔ CHỨC THỰC HIỆN"), 0)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("STT", "Đơn vị", "Nhiệm vụ"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1", "Ban Tuyên giáo", "Theo dõi, đôn đốc"), strict=True):
        cell.text = text
    document.add_paragraph("Nơi nhận:")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def unicode_font() -> str:
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise FileNotFoundError("no Unicode TTF font (install fonts-dejavu-core or fonts-liberation)")


PAGE_TEXT = (
    ("KẾ HOẠCH số một", "Mở đầu: tuyên truyền về công tác xây dựng Đảng.", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("II. NỘI DUNG TUYÊN TRUYỀN", "1. Những kết quả bước đầu của nhiệm kỳ.", "2. Gương người tốt việc tốt."),
    ("III. TỔ CHỨC THỰC HIỆN", "Ban Tuyên giáo Huyện ủy theo dõi, hướng dẫn.", "Nơi nhận: như trên"),
)
PDF_HEADER = (
    ("HUYỆN ỦY ĐỨC PHỔ", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("*", ""),
    ("Số 72-KH/HU", "Đức Phổ, ngày 13 tháng 6 năm 2022"),
)
RUNNING_HEADER = "ĐẢNG BỘ HUYỆN ĐỨC PHỔ - BẢN TIN NỘI BỘ"


def build_text_pdf(*, pages=PAGE_TEXT, user_password: str | None = None) -> bytes:  # type: ignore[no-untyped-def]
    """A PDF with a text layer: running header, "Trang N" page numbers at the foot."""
    from fpdf import FPDF

    class _Pdf(FPDF):
        def header(self) -> None:
            self.set_font("uni", size=9)
            self.cell(0, 8, RUNNING_HEADER, align="C")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("uni", size=9)
            self.cell(0, 8, f"Trang {self.page_no()}", align="C")

    pdf = _Pdf()
    pdf.add_font("uni", fname=unicode_font())
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("uni", size=12)
        if number == 1:  # the two-column document header, as printed
            for left, right in PDF_HEADER:
                y = pdf.get_y()
                pdf.set_x(10)
                pdf.cell(80, 7, left, align="C")
                pdf.set_xy(100, y)
                pdf.cell(100, 7, right, align="C")
                pdf.ln(8)
        for line in lines:
            pdf.multi_cell(0, 8, line)
            pdf.ln(2)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    return bytes(pdf.output())


def build_scanned_pdf() -> bytes:
    """A PDF holding only a picture of a page, as a scanner makes it."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    picture = Image.new("L", (600, 800), color=255)
    draw = ImageDraw.Draw(picture)
    for y in range(80, 760, 24):
        draw.rectangle((60, y, 540, y + 10), fill=40)  # lines of "print"
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=190)
    return bytes(pdf.output())


@pytest.fixture
def directive_docx() -> bytes:
    return build_directive_docx()


@pytest.fixture
def docx_builder() -> Callable[..., bytes]:
    return build_directive_docx


@pytest.fixture
def text_pdf() -> bytes:
    return build_text_pdf()


@pytest.fixture
def pdf_builder() -> Callable[..., bytes]:
    return build_text_pdf


@pytest.fixture
def scanned_pdf() -> bytes:
    return build_scanned_pdf()
