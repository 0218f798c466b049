"""Recognised pages -> SourceText: page furniture removed, one segment per page, word confidences kept.

Scanned PDFs, pages of a PDF that carry no text while others do, and image files (JPG, PNG, TIFF) all end
here. Text pages and recognised pages go through the same furniture removal as a PDF's text layer (running
headers, page numbers), then are joined by a line break like the PDF reader does; the recognised words keep
their (start, end, confidence) in the final text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thongsuot.domain.document import ParseWarning, SourceSegment, SourceText
from thongsuot.errors import InputError
from thongsuot.parsing.read.furniture import strip_furniture
from thongsuot.parsing.read.ocr import Progress, ocr_images, ocr_pdf_pages
from thongsuot.parsing.read.ocr_layout import OcrLine
from thongsuot.vocab.warnings import make_warning


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[OcrLine, ...]  # text-layer pages have lines without word confidences


def text_page(number: int, text: str) -> Page:
    return Page(number, tuple(OcrLine(line, ()) for line in text.splitlines()))


def assemble_pages(
    pages: Sequence[Page], *, fmt: str, name: str, warnings: Sequence[ParseWarning]
) -> SourceText:
    nonempty = [[line for line in page.lines if line.text.strip()] for page in pages]
    cleaned = strip_furniture([[line.text for line in lines] for lines in nonempty])
    parts: list[str] = []
    segments: list[SourceSegment] = []
    confidences: list[tuple[int, int, float]] = []
    pos = 0
    for page, lines, kept in zip(pages, nonempty, cleaned, strict=True):
        if not kept:
            continue
        first = _offset(lines, kept)
        # Blank lines (paragraph gaps on the page) between the first and last kept line stay.
        body = list(page.lines)
        begin = next(i for i, line in enumerate(body) if line is lines[first])
        end = next(i for i, line in enumerate(body) if line is lines[first + len(kept) - 1]) + 1
        if parts:
            parts.append("\n")
            pos += 1
        start = pos
        for k, line in enumerate(body[begin:end]):
            if k:
                parts.append("\n")
                pos += 1
            text = line.text.rstrip()
            confidences.extend((pos + s, pos + e, c) for s, e, c in line.words if e <= len(text))
            parts.append(text)
            pos += len(text)
        segments.append(SourceSegment(start, pos, page=page.number))
    text = "".join(parts) + ("\n" if parts else "")
    return SourceText(
        text=text,
        format=fmt,
        name=name,
        segments=tuple(segments),
        warnings=tuple(warnings),
        word_confidences=tuple(confidences),
    )


def _offset(lines: list[OcrLine], kept: list[str]) -> int:
    """Where the furniture-free lines start among the page's lines (only edges are ever removed)."""
    texts = [line.text.rstrip() for line in lines]
    for first in range(len(texts) - len(kept) + 1):
        if texts[first : first + len(kept)] == kept:
            return first
    return 0


def ocr_warning(count: int, mean: float) -> ParseWarning:
    return make_warning("ocr", count=count, mean=f"{mean:.0%}")


def read_scanned_pdf(
    data: bytes,
    name: str,
    texts: Sequence[str],
    blank: Sequence[int],
    warnings: Sequence[ParseWarning],
    progress: Progress | None = None,
) -> SourceText:
    """A PDF whose pages `blank` (1-based) have no text layer: those are recognised, the others kept."""
    recognised = {page.number: page.text for page in ocr_pdf_pages(data, name, blank, progress)}
    pages = [
        Page(n, recognised[n].lines) if n in recognised else text_page(n, text)
        for n, text in enumerate(texts, start=1)
    ]
    mean = _mean([recognised[n].mean_conf for n in recognised])
    warned = [*warnings, ocr_warning(len(recognised), mean)]
    source = assemble_pages(pages, fmt="pdf", name=name, warnings=warned)
    if not source.text.strip():
        raise _no_text(
            name, "không có lớp văn bản và nhận dạng ảnh quét (OCR) không ra chữ nào"
        )
    return source


def read_image(data: bytes, name: str, progress: Progress | None = None) -> SourceText:
    """A photo or scan saved as JPG / PNG / TIFF (every frame of a multi-page TIFF is a page)."""
    from thongsuot.parsing.read.image import decode_images, page_count

    results = ocr_images(decode_images(data, name), page_count(data), name, progress)
    pages = [Page(r.number, r.text.lines) for r in results]
    mean = _mean([r.text.mean_conf for r in results])
    source = assemble_pages(pages, fmt="image", name=name, warnings=[ocr_warning(len(results), mean)])
    if not source.text.strip():
        raise _no_text(name, "không nhận dạng được chữ nào trong ảnh")
    return source


def _no_text(name: str, reason: str) -> InputError:
    return InputError(f"{name}: {reason}", code="no_text_layer")


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
