"""Scans and photos -> text, through Tesseract's Vietnamese model.

Binding: the `tesseract` command run as a subprocess with TSV output, not a Python binding. pytesseract is
itself a wrapper around the same subprocess (and adds nothing we need); tesserocr links against one
libtesseract version and needs a compiler on the server. A subprocess also gives what a server needs: a
timeout per page, a crash in Leptonica that cannot take the worker down, and one thread per page
(`OMP_THREAD_LIMIT=1`) so that pages run in parallel over the cores instead of OpenMP threads fighting.

Per page: PDF pages are rasterised by poppler's `pdftoppm` at 300 dpi; images are decoded by Pillow
(`image.py`); the page is deskewed when crooked, recognised (`--psm 3`, automatic layout) and, when the mean word
confidence is poor, Tesseract's orientation detection (`--psm 0`, the `osd` model) is asked whether the page is
on its side; if it is, the turned page is recognised again. Word boxes become lines in `ocr_layout.py`.
Pages run on up to `workers` threads, each waiting on its own tesseract process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from thongsuot.errors import InputError
from thongsuot.parsing.read.image import deskew, encode_pgm, rotate_quarter
from thongsuot.parsing.read.ocr_layout import (
    PageText,
    Word,
    layout_page,
    parse_tsv,
    split_columns,
    text_height,
)

Progress = Callable[[int, int], None]

DPI = 300
LANGUAGE = "vie"
PAGE_TIMEOUT = 180  # seconds for one page's recognition or rasterisation
# Below this mean word confidence a page may be on its side: ask orientation detection.
ORIENTATION_CHECK_BELOW = 0.6
# A line piece (one column of a header row) read with less confidence than this is read again on its own.
REREAD_BELOW = 0.6
REREADS_PER_PAGE = 12
_PAD = 12  # pixels around a re-read piece
_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_ORIENT_CONF = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


@dataclass(frozen=True)
class OcrPage:
    number: int  # 1-based page number in the source file
    text: PageText


def workers() -> int:
    """Pages recognised at once: one per core (two on the project's reference machine)."""
    return max(1, min(os.cpu_count() or 1, 4))


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _missing(name: str) -> InputError:
    return InputError(
        f"{name}: máy chủ chưa cài chương trình nhận dạng chữ Tesseract; báo quản trị viên cài đặt",
        code="ocr_unavailable",
        detail={"missing": "tesseract", "install": "scripts/ensure-system-deps.sh"},
    )


def check_tesseract(name: str) -> None:
    """Fail with one line naming the file when Tesseract or its Vietnamese model is missing."""
    if shutil.which("tesseract") is None:
        raise _missing(name)
    listed = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, env=_env()
    )
    if LANGUAGE not in listed.stdout.split():
        raise InputError(
            f"{name}: máy chủ thiếu mô hình nhận dạng tiếng Việt của Tesseract; báo quản trị viên cài đặt",
            code="ocr_unavailable",
            detail={"missing": f"tesseract language {LANGUAGE}"},
        )


def _tesseract(image: Image.Image, args: Sequence[str], name: str, page: int) -> str:
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", *args],
            input=encode_pgm(image),
            capture_output=True,
            timeout=PAGE_TIMEOUT,
            env=_env(),
        )
    except FileNotFoundError:
        raise _missing(name) from None
    except subprocess.TimeoutExpired:
        raise InputError(
            f"{name}: trang {page} nhận dạng quá lâu (OCR timed out after {PAGE_TIMEOUT}s)", code="ocr_failed"
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            f"{name}: không nhận dạng được chữ ở trang {page}",
            code="ocr_failed",
            detail={"page": page, "tesseract": reason[-1] if reason else done.returncode},
        )
    return done.stdout.decode("utf-8", "replace")


def _recognise(image: Image.Image, name: str, page: int) -> PageText:
    # No --dpi: Tesseract estimates the resolution from the text height, right for photos as for 300 dpi pages.
    tsv = _tesseract(image, ["-l", LANGUAGE, "--psm", "3", "tsv"], name, page)
    return layout_page(_reread_weak(image, parse_tsv(tsv), name, page))


def _reread_weak(image: Image.Image, words: list[Word], name: str, page: int) -> list[Word]:
    """Read weak line pieces again, each cropped as a single line (`--psm 7`).

    Tesseract fits one baseline to a line that runs over both header columns; when the columns' letters sit
    at different heights or sizes (bold "TỈNH NGHỆ AN" beside "VIỆT NAM"), the left piece comes out as one
    low-confidence blob ("TỈNHNGHỆAN", 8%). Alone in its crop the piece reads right. A re-read replaces
    the piece only when it is more confident.
    """
    height = text_height(words)
    weak = [
        piece
        for piece in split_columns(words)
        if sum(w.conf for w in piece) / len(piece) < REREAD_BELOW and any(_wordlike(w, height) for w in piece)
    ][:REREADS_PER_PAGE]
    if not weak:
        return words
    replaced: dict[int, list[Word]] = {}
    for k, piece in enumerate(weak):
        left = max(0, min(w.left for w in piece) - _PAD)
        top = max(0, min(w.top for w in piece) - _PAD)
        right = min(image.width, max(w.right for w in piece) + _PAD)
        bottom = min(image.height, max(w.bottom for w in piece) + _PAD)
        crop = image.crop((left, top, right, bottom))
        again = parse_tsv(_tesseract(crop, ["-l", LANGUAGE, "--psm", "7", "tsv"], name, page))
        if not again:
            continue
        if sum(w.conf for w in again) / len(again) <= sum(w.conf for w in piece) / len(piece):
            continue
        line = (10_000 + k, 1, 1)  # its own line, so the layout does not mix it with the old one
        replaced[id(piece[0])] = [
            Word(w.text, w.left + left, w.top + top, w.width, w.height, w.conf, line) for w in again
        ]
        for word in piece[1:]:
            replaced[id(word)] = []
    if not replaced:
        return words
    out: list[Word] = []
    for word in words:
        out.extend(replaced.get(id(word), [word]))
    return out


def _wordlike(word: Word, height: float) -> bool:
    """Worth reading again: three letters, or two in a box of the text's height (a lone "VỀ" above a
    subject read at 0%), not a speck's one or two marks."""
    letters = sum(ch.isalpha() for ch in word.text)
    return letters >= 3 or (letters == 2 and 0.7 * height <= word.height <= 1.6 * height)


def _quarter_turn(image: Image.Image, name: str, page: int) -> int:
    """Tesseract's clockwise correction for a page on its side (0 when unsure)."""
    try:
        osd = _tesseract(image, ["--psm", "0"], name, page)
    except InputError:
        return 0  # too little text to tell: keep the page as it is
    rotate, confidence = _ROTATE.search(osd), _ORIENT_CONF.search(osd)
    if rotate is None or confidence is None or float(confidence.group(1)) < 1.5:
        return 0
    return int(rotate.group(1))


def recognise_image(image: Image.Image, name: str, page: int) -> PageText:
    """One page: deskew, recognise, and turn it upright first if it reads poorly and lies on its side."""
    straight = deskew(image)
    result = _recognise(straight, name, page)
    if result.mean_conf < ORIENTATION_CHECK_BELOW or result.word_count < 5:
        degrees = _quarter_turn(straight, name, page)
        if degrees:
            turned = _recognise(deskew(rotate_quarter(image, degrees)), name, page)
            if turned.mean_conf > result.mean_conf:
                return turned
    return result


def pdftoppm_page(path: Path, page: int, dpi: int, root: Path, *, timeout: float, png: bool = False) -> Path | None:
    """Page `page` of the PDF at `path` as one greyscale image file beside `root` (PGM, or PNG); None when it fails."""
    try:
        done = subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", *(["-png"] if png else []), "-f", str(page), "-l", str(page),
             "-singlefile", str(path), str(root)],
            capture_output=True, timeout=timeout,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return None
    out = root.with_suffix(".png" if png else ".pgm")
    return out if done.returncode == 0 and out.exists() else None


def rasterise_pdf_page(path: Path, page: int, name: str) -> Image.Image:
    """One PDF page as a 300 dpi greyscale image (poppler's pdftoppm)."""
    if shutil.which("pdftoppm") is None:
        raise InputError(
            f"{name}: máy chủ chưa cài công cụ chuyển trang PDF thành ảnh (pdftoppm); báo quản trị viên cài đặt",
            code="ocr_unavailable", detail={"missing": "pdftoppm (poppler-utils)"},
        )
    with tempfile.TemporaryDirectory(prefix="thongsuot-ocr-") as tmp:
        out = pdftoppm_page(path, page, DPI, Path(tmp) / "page", timeout=PAGE_TIMEOUT)
        if out is None:
            raise InputError(
                f"{name}: không chuyển được trang {page} của PDF thành ảnh để nhận dạng", code="ocr_failed"
            )
        with Image.open(out) as image:
            return image.convert("L")


def ocr_pdf_pages(
    data: bytes, name: str, pages: Sequence[int], progress: Progress | None = None
) -> list[OcrPage]:
    """Recognise the given (1-based) pages of a PDF, `workers()` pages at a time."""
    check_tesseract(name)
    with tempfile.TemporaryDirectory(prefix="thongsuot-ocr-") as tmp:
        path = Path(tmp) / "source.pdf"
        path.write_bytes(data)

        def one(page: int) -> OcrPage:
            return OcrPage(page, recognise_image(rasterise_pdf_page(path, page, name), name, page))

        return _run(pages, one, progress)


def ocr_images(
    images: Iterable[Image.Image], total: int, name: str, progress: Progress | None = None
) -> list[OcrPage]:
    """Recognise decoded page images (an image file's frames) in order."""
    check_tesseract(name)
    listed = list(enumerate(images, start=1))
    by_number = dict(listed)

    def one(page: int) -> OcrPage:
        return OcrPage(page, recognise_image(by_number[page], name, page))

    return _run([n for n, _ in listed], one, progress, total=total)


def _run(
    pages: Sequence[int], one: Callable[[int], OcrPage], progress: Progress | None, total: int | None = None
) -> list[OcrPage]:
    total = len(pages) if total is None else total
    if progress is not None:
        progress(0, total)
    results: list[OcrPage] = []
    with ThreadPoolExecutor(max_workers=workers()) as pool:
        futures = [pool.submit(one, page) for page in pages]
        for future in futures:
            results.append(future.result())
            if progress is not None:
                progress(len(results), total)
    return results
