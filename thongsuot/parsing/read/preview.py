"""A scanned page as a PNG for the scan view, re-rendered from the stored scan on demand.

Why re-render instead of storing page images: the scanned file is kept anyway (the library keeps every
version's bytes), so storing its pages again would double the space for pages that are rarely opened. A PDF
page at `PREVIEW_DPI` takes poppler a fraction of a second; the web layer caches the few pages being looked at.
The image is the page as scanned (not deskewed): the officer checks the text against the paper as it came.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

from thongsuot.errors import InputError, NotFound
from thongsuot.parsing.read.ocr import pdftoppm_page

PREVIEW_DPI = 110  # an A4 page ~910 x 1290 px: words readable beside the text, ~100-250 kB as greyscale PNG
PREVIEW_WIDTH = 1000  # image files (photos) are scaled to this width
TIMEOUT = 60


def page_png(data: bytes, fmt: str, page: int) -> bytes:
    """Page `page` (1-based) of a scanned PDF or image file as a greyscale PNG."""
    if fmt == "pdf":
        return _pdf_page(data, page)
    return _image_page(data, page)


def _pdf_page(data: bytes, page: int) -> bytes:
    if shutil.which("pdftoppm") is None:
        raise InputError("Không hiển thị được trang quét: máy chủ thiếu pdftoppm (poppler-utils).", code="no_preview")
    with tempfile.TemporaryDirectory(prefix="thongsuot-preview-") as tmp:
        source, root = Path(tmp) / "scan.pdf", Path(tmp) / "page"
        source.write_bytes(data)
        out = pdftoppm_page(source, page, PREVIEW_DPI, root, timeout=TIMEOUT, png=True)
        if out is None:
            raise NotFound(f"Không hiển thị được trang {page} của bản quét.")
        return out.read_bytes()


def _image_page(data: bytes, page: int) -> bytes:
    try:
        image = Image.open(io.BytesIO(data))
        image.seek(page - 1)
        frame = (ImageOps.exif_transpose(image) or image).convert("L")
    except (EOFError, OSError, ValueError, Image.DecompressionBombError):
        raise NotFound(f"Không hiển thị được trang {page} của ảnh quét.") from None
    if frame.width > PREVIEW_WIDTH:
        frame = frame.resize((PREVIEW_WIDTH, round(frame.height * PREVIEW_WIDTH / frame.width)),
                             Image.Resampling.LANCZOS)
    out = io.BytesIO()
    frame.save(out, format="PNG", optimize=True)
    return out.getvalue()
