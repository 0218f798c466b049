"""Make a realistic scan of a document's text, for the OCR tests and the bench.

text -> DOCX (python-docx: one paragraph per line, blank lines as empty paragraphs; the header cells of a
website export become the usual borderless two-column table)
-> PDF (LibreOffice headless) -> PNG pages (pdftoppm, 300 dpi, grey) -> each page rotated under a degree,
speckled and slightly blurred (Pillow) -> an image-only PDF. Nothing is cached: every call works in a temp dir
and returns the PDF's bytes, so a test always meets what the tools make today.
"""

from __future__ import annotations

import random
import re
import subprocess
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from PIL import Image, ImageFilter

DPI = 300
_MARKS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_HEADING = re.compile(r"^#{1,6}\s+")
_CELL_BREAK = "|"
# The header table of a website export sits in its first lines.
_HEADER_SCAN_LINES = 30


@dataclass(frozen=True)
class Noise:
    """How the paper and the scanner damaged the page."""

    max_angle: float = 0.9  # degrees, either way
    speckles: int = 1500  # dark dots per page
    blur: float = 0.6  # Gaussian radius in pixels at 300 dpi


def _clean(line: str) -> str:
    line = _HEADING.sub("", line.strip())
    return _MARKS.sub("", line).strip()


def _header_cells(lines: list[str]) -> tuple[int, int, list[list[str]]] | None:
    """The `|`-separated header cells of a website export: (first, end, cells), or None."""
    bars = [i for i, line in enumerate(lines[:_HEADER_SCAN_LINES]) if line.strip() == _CELL_BREAK]
    if len(bars) < 3:
        return None
    first, last = bars[0], bars[-1]
    cells: list[list[str]] = [[]]
    for line in lines[first + 1 : last]:
        if line.strip() == _CELL_BREAK:
            cells.append([])
        elif _clean(line):
            cells[-1].append(_clean(line))
    return first, last + 1, [cell for cell in cells if cell]


def text_to_docx(text: str) -> bytes:
    """One paragraph per line (Times-like 13 pt, A4); header cells as a two-column table; " | " rows too."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    style = doc.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(13)
    style.paragraph_format.space_after = Pt(3)

    lines = text.splitlines()
    header = _header_cells(lines)
    rows: list[list[list[str]]] = []
    body_from = 0
    if header is not None:
        first, body_from, cells = header
        for line in lines[:first]:
            _paragraph(doc, line)
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        _table(doc, rows)
    for line in lines[body_from:]:
        if " | " in line and len(line) < 160:
            _table(doc, [[[_clean(cell)] for cell in line.split(" | ")[:2]]])
        else:
            _paragraph(doc, line)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _paragraph(doc: object, line: str) -> None:
    cleaned = _clean(line)
    if set(cleaned) <= {"|"} and cleaned:
        return
    if not cleaned:  # a blank line of the text is an empty paragraph on the page
        doc.add_paragraph("")  # type: ignore[attr-defined]
        return
    paragraph = doc.add_paragraph(cleaned)  # type: ignore[attr-defined]
    if cleaned.isupper() and len(cleaned) < 60:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in paragraph.runs:
            run.bold = True


def _table(doc: object, rows: list[list[list[str]]]) -> None:
    table = doc.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
    for cells in rows:
        row = table.add_row().cells
        for cell, lines in zip(row, cells, strict=False):
            cell.text = ""
            for k, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                paragraph.text = line
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def docx_to_pages(docx: bytes, *, max_pages: int | None = None) -> list[Image.Image]:
    """LibreOffice -> PDF -> pdftoppm PNG pages (grey, 300 dpi)."""
    return docxs_to_pages([docx], max_pages=max_pages)[0]


def docxs_to_pages(docxs: list[bytes], *, max_pages: int | None = None) -> list[list[Image.Image]]:
    """Several DOCX through one LibreOffice start (its start-up is most of the cost)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        names = []
        for k, docx in enumerate(docxs):
            (work / f"doc{k}.docx").write_bytes(docx)
            names.append(str(work / f"doc{k}.docx"))
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", str(work), *names],
            check=True, capture_output=True, timeout=900,
        )  # fmt: skip
        last = ["-l", str(max_pages)] if max_pages else []
        out = []
        for k in range(len(docxs)):
            subprocess.run(
                ["pdftoppm", "-r", str(DPI), "-gray", "-png", *last, str(work / f"doc{k}.pdf"),
                 str(work / f"page{k}")],
                check=True, capture_output=True, timeout=900,
            )  # fmt: skip
            pages = []
            for png in sorted(work.glob(f"page{k}-*.png")):
                with Image.open(png) as image:
                    pages.append(image.convert("L"))
            out.append(pages)
        return out


def degrade(page: Image.Image, rng: random.Random, noise: Noise = Noise()) -> Image.Image:
    """Rotate under a degree, speckle, blur: what a cheap office scanner does."""
    angle = rng.uniform(-noise.max_angle, noise.max_angle)
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    pixels = page.load()
    assert pixels is not None
    width, height = page.size
    for _ in range(noise.speckles):
        x, y = rng.randrange(width - 2), rng.randrange(height - 2)
        shade = rng.randrange(0, 120)
        for dx, dy in ((0, 0), (1, 0), (0, 1), (1, 1))[: rng.randrange(1, 5)]:
            pixels[x + dx, y + dy] = shade
    return page.filter(ImageFilter.GaussianBlur(noise.blur))


def images_to_pdf(pages: list[Image.Image]) -> bytes:
    out = BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=DPI)
    return out.getvalue()


def make_scan(text: str, *, seed: int = 0, max_pages: int | None = None, noise: Noise = Noise()) -> bytes:
    """An image-only PDF of `text` as a scanned paper document."""
    rng = random.Random(seed)
    pages = docx_to_pages(text_to_docx(text), max_pages=max_pages)
    return images_to_pdf([degrade(page, rng, noise) for page in pages])


def make_scans(texts: list[str], *, max_pages: int | None = None, noise: Noise = Noise()) -> list[bytes]:
    """`make_scan` for several texts at once (one LibreOffice run); text k uses seed k."""
    pages = docxs_to_pages([text_to_docx(text) for text in texts], max_pages=max_pages)
    return [
        images_to_pdf([degrade(page, random.Random(k), noise) for page in doc_pages])
        for k, doc_pages in enumerate(pages)
    ]


def head(text: str, chars: int) -> str:
    """The text's first lines, about `chars` long, cut at a line end (so a test scans a page or two)."""
    cut = text.find("\n", chars)
    return text if cut < 0 else text[:cut] + "\n"
