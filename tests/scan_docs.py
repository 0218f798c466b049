"""Scanned documents for storage and web tests, without running OCR.

`ocr_source(pages, weak)` builds the SourceText the OCR reader returns for a scanned PDF (one segment per page,
every word with a confidence; words of the lines in `weak` read poorly), and `image_pdf(n)` an image-only PDF
of n pages (Pillow), so the scan view has real page images to render. The parse is the real pipeline's.
"""

from __future__ import annotations

import functools
import io
import re

from PIL import Image, ImageDraw

from thongsuot.domain.document import ParsedDocument, SourceSegment, SourceText
from thongsuot.parsing import parse_source

# A district plan over two scanned pages; OCR misread the number ("l2" for "12").
PAGE_1 = """HUYỆN ỦY AN PHÚ
Số l2-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
An Phú, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
tuyên truyền kỷ niệm ngày thành lập Đảng
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của cán bộ, đảng viên về truyền thống của Đảng."""
PAGE_2 = """II. NỘI DUNG
- Tuyên truyền lịch sử Đảng bộ huyện qua các thời kỳ.
III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Huyện ủy
- Chủ trì hướng dẫn nội dung tuyên truyền.
2. Ủy ban Mặt trận Tổ quốc huyện
- Phối hợp tổ chức các hoạt động kỷ niệm."""
WEAK_LINES = ("Số l2-KH/HU",)
WEAK_CONF = 0.41
GOOD_CONF = 0.96


def ocr_source(pages: tuple[str, ...] = (PAGE_1, PAGE_2), weak: tuple[str, ...] = WEAK_LINES,
               name: str = "scan.pdf") -> SourceText:
    parts: list[str] = []
    segments: list[SourceSegment] = []
    words: list[tuple[int, int, float]] = []
    pos = 0
    for number, page in enumerate(pages, start=1):
        if parts:
            parts.append("\n")
            pos += 1
        for line_start, line in _lines(page):
            conf = WEAK_CONF if line in weak else GOOD_CONF
            words.extend((pos + line_start + m.start(), pos + line_start + m.end(), conf)
                         for m in re.finditer(r"\S+", line))
        segments.append(SourceSegment(pos, pos + len(page), page=number))
        parts.append(page)
        pos += len(page)
    return SourceText("".join(parts) + "\n", "pdf", name, tuple(segments), (), tuple(words))


def _lines(page: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in page.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def scanned(pages: tuple[str, ...] = (PAGE_1, PAGE_2), name: str = "scan.pdf") -> ParsedDocument:
    return parse_source(ocr_source(pages, name=name))


@functools.cache
def image_pdf(pages: int = 2, label: str = "") -> bytes:
    """An image-only PDF (A4 at 100 dpi), each page showing its number and `label` (making the bytes unique).

    Cached: Pillow stamps the PDF with the time, and a test compares the stored bytes with these.
    """
    images = []
    for n in range(1, pages + 1):
        image = Image.new("L", (827, 1169), 255)
        ImageDraw.Draw(image).text((80, 80), f"Trang {n} {label}", fill=0)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=100)
    return out.getvalue()
