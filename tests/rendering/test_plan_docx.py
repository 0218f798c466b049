"""The exported DOCX checked from its XML, then drawn by LibreOffice.

Page size and margins, fonts and sizes of the header elements, bold/italic
where the formats require them, the borderless header table, the outline on a
page of its own. The pictures are kept in test-output/docx/ for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Mm
from pypdf import PdfReader

from thongsuot.cascade.derive import derive, target_from_name
from thongsuot.domain.plan import Plan, PlanKind
from thongsuot.parsing import parse_file
from thongsuot.rendering.docx_style import load_style
from thongsuot.rendering.plan_docx import render_docx

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test-output" / "docx"


@pytest.fixture(scope="module")
def party_plan() -> Plan:
    doc = parse_file(ROOT / "samples" / "000_cb2ba15afe6d27db.txt")
    target = target_from_name("Đảng ủy xã Tân Hòa", dt.date(2025, 9, 15), parent_name="Sóc Trăng")
    return derive(doc, target, PlanKind.PLAN, number="12", signer="Nguyễn Văn An", include_outline=True)


@pytest.fixture(scope="module")
def state_plan() -> Plan:
    doc = parse_file(ROOT / "samples" / "003_f419a87c4d8ad39d.txt")
    target = target_from_name("Ủy ban nhân dân tỉnh Sóc Trăng", dt.date(2019, 5, 15))
    return derive(doc, target, PlanKind.PLAN, number="85", signer="Trần Thị Bình", include_outline=True)


def _open(plan: Plan, name: str) -> tuple[DocumentObject, Path]:
    data = render_docx(plan)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.docx"
    path.write_bytes(data)
    return Document(io.BytesIO(data)), path


def _runs(paragraph: object) -> list[object]:
    return [r for r in paragraph.runs if r.text.strip()]  # type: ignore[attr-defined]


def _find(doc: DocumentObject, text: str) -> object:
    for p in doc.paragraphs:
        if p.text.strip() == text:
            return p
    for table in doc.tables:
        for cell in table._cells:
            for p in cell.paragraphs:
                if p.text.strip() == text:
                    return p
    raise AssertionError(f"no paragraph {text!r}")


def _font(p: object) -> tuple[float, bool, bool, bool, str]:
    run = _runs(p)[0]
    size = run.font.size.pt  # type: ignore[attr-defined]
    return size, bool(run.bold), bool(run.italic), bool(run.underline), run.font.name  # type: ignore[attr-defined]


def test_page_is_a4_with_the_style_margins(party_plan: Plan) -> None:
    doc, _ = _open(party_plan, "party_page")
    page = load_style().page
    for section in doc.sections:
        got = (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
               section.left_margin, section.right_margin)  # fmt: skip
        want = (210, 297, page.top_mm, page.bottom_mm, page.left_mm, page.right_mm)
        for length, mm in zip(got, want, strict=True):
            assert length is not None and abs(length - Mm(mm)) < Mm(0.5)
    assert (page.top_mm, page.bottom_mm, page.left_mm, page.right_mm) == (20, 20, 30, 15)


def test_party_header_table(party_plan: Plan) -> None:
    doc, _ = _open(party_plan, "party_header")
    body = doc.element.body
    assert body[0].tag == qn("w:tbl"), "the document opens with the header table"
    table = doc.tables[0]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and all(b.get(qn("w:val")) == "nil" for b in borders)
    left, right = table.rows[0].cells
    lines = [p.text for p in left.paragraphs if p.text]
    # on 15/9/2025 Sóc Trăng is part of thành phố Cần Thơ (Nghị quyết 202/2025/QH15)
    assert lines == ["ĐẢNG BỘ THÀNH PHỐ CẦN THƠ", "ĐẢNG ỦY XÃ TÂN HÒA", "*", "Số 12-KH/ĐU"]
    assert _font(left.paragraphs[0]) == (14, False, False, False, "Times New Roman")
    assert _font(left.paragraphs[1])[:2] == (14, True)
    national = right.paragraphs[0]
    assert national.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert _font(national)[:4] == (15, True, False, True)  # bold, 15 pt, rule below
    place = _find(doc, "Tân Hòa, ngày 15 tháng 9 năm 2025")
    assert _font(place)[:3] == (14, False, True)


def test_type_word_title_and_body(party_plan: Plan) -> None:
    doc, _ = _open(party_plan, "party_body")
    assert _font(_find(doc, "KẾ HOẠCH"))[:2] == (16, True)
    title = _find(doc, party_plan.header.title)
    assert _font(title)[:2] == (14, True)
    assert _find(doc, "-----") is not None
    basis = _find(doc, party_plan.basis.text)
    assert basis.alignment == 3  # type: ignore[attr-defined]  # justified
    assert basis.paragraph_format.first_line_indent > Mm(5)  # type: ignore[attr-defined]
    assert _font(basis) == (14, False, False, False, "Times New Roman")
    section = _find(doc, "I. MỤC ĐÍCH, YÊU CẦU")
    assert _font(section)[:2] == (14, True)


def test_recipients_beside_signature(party_plan: Plan) -> None:
    doc, _ = _open(party_plan, "party_closing")
    title = _find(doc, "Nơi nhận:")
    assert _font(title)[3] is True  # underlined in the Party form
    cols = [s._sectPr.find(qn("w:cols")) for s in doc.sections]
    two = [c for c in cols if c is not None and c.get(qn("w:num")) == "2"]
    assert len(two) == 1, "the closing is a two-column section"
    assert _font(_find(doc, "T/M BAN THƯỜNG VỤ"))[:2] == (14, True)
    assert _font(_find(doc, "- Lưu VP."))[0] == 12
    assert _font(_find(doc, "Nguyễn Văn An"))[:2] == (14, True)


def test_outline_on_its_own_page(party_plan: Plan) -> None:
    doc, _ = _open(party_plan, "party_outline")
    from docx.enum.section import WD_SECTION

    last = doc.sections[-1]
    assert last.start_type == WD_SECTION.NEW_PAGE
    title = party_plan.outline.title if party_plan.outline else ""
    assert _font(_find(doc, title))[:2] == (14, True)
    sub = _find(doc, "(Ban hành kèm theo Kế hoạch số 12-KH/ĐU, ngày 15/9/2025 của Ban Thường vụ Đảng ủy xã)")
    assert _font(sub)[2] is True


def test_state_format_header(state_plan: Plan) -> None:
    doc, _ = _open(state_plan, "state_header")
    left, right = doc.tables[0].rows[0].cells
    lines = [p.text for p in left.paragraphs if p.text]
    assert lines == ["ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG", "Số: 85/KH-UBND"]
    assert all(_font(p)[1] for p in left.paragraphs[:2])
    assert _font(right.paragraphs[0])[0] in (12, 13) and _font(right.paragraphs[0])[1]  # NĐ 30: 12-13 pt, bold
    motto = right.paragraphs[1]
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and _font(motto)[:4] == (14, True, False, True)
    nn = _find(doc, "Nơi nhận:")
    assert _font(nn)[:3] == (12, True, True)  # bold italic in the State form
    assert _find(doc, "TM. ỦY BAN NHÂN DÂN") is not None


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice (soffice) is required for the drawing checks"
    return found


@pytest.mark.parametrize("name", ["party", "state"])
def test_drawn_by_libreoffice(name: str, party_plan: Plan, state_plan: Plan, tmp_path: Path) -> None:
    plan = party_plan if name == "party" else state_plan
    _, path = _open(plan, f"{name}_plan")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(OUT), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = OUT / f"{name}_plan.pdf"
    pages = [p.extract_text() or "" for p in PdfReader(pdf).pages]
    assert len(pages) >= 3
    outline_page = next(i for i, text in enumerate(pages) if "ĐỀ CƯƠNG" in text)
    assert pages[outline_page].lstrip().startswith("ĐỀ CƯƠNG"), "the outline starts a page"
    assert "Nơi nhận" in pages[outline_page - 1]
    closing = pages[outline_page - 1]
    assert closing.index("Nơi nhận") < closing.index(plan.signature.name or "")
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", str(outline_page + 1), str(pdf), str(OUT / f"{name}_plan")],
        check=True, timeout=120,
    )  # fmt: skip
    assert (OUT / f"{name}_plan-{1:0{len(str(len(pages)))}d}.png").exists() or any(
        OUT.glob(f"{name}_plan-*.png")
    )
    assert os.path.getsize(pdf) > 10_000
