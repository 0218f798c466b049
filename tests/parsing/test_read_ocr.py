"""OCR reader: images and scanned pages recognised, columns kept apart, noise dropped, clear errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

from thongsuot.errors import InputError
from thongsuot.parsing.read import read_bytes
from thongsuot.parsing.read.image import skew_angle
from thongsuot.parsing.read.ocr_layout import Word, layout_page

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
LINES = [
    "KẾ HOẠCH",
    "Thông tin, tuyên truyền về công tác xây dựng Đảng",
    "Căn cứ Kế hoạch số 70-KH/TU, ngày 23/5/2023 của Ban Thường vụ Tỉnh ủy",
]


def _page(lines: list[str] = LINES) -> Image.Image:
    """A white A4 page at 300 dpi with the lines printed in 13 pt serif."""
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 54)
    for k, line in enumerate(lines):
        draw.text((300, 300 + 90 * k), line, font=font, fill=0)
    return page


def _encode(pages: list[Image.Image], fmt: str) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, format=fmt, save_all=len(pages) > 1, append_images=pages[1:])
    return out.getvalue()


def _w(text: str, left: int, top: int, conf: float = 0.95, line: int = 1, height: int = 48) -> Word:
    return Word(text, left, top, 30 * len(text), height, conf, (1, 1, line))


def test_png_is_recognised() -> None:
    source = read_bytes(_encode([_page()], "PNG"), "anh.png")
    assert source.format == "image"
    assert "KẾ HOẠCH" in source.text
    assert "70-KH/TU" in source.text
    assert [s.page for s in source.segments] == [1]


def test_multipage_tiff_with_a_page_on_its_side() -> None:
    sideways = _page(["Trang hai", *LINES[1:]] * 3).rotate(90, expand=True)
    pages: list[tuple[int, int]] = []
    source = read_bytes(
        _encode([_page(), sideways], "TIFF"), "quet.tiff", progress=lambda d, t: pages.append((d, t))
    )
    assert pages == [(0, 2), (1, 2), (2, 2)]
    assert [s.page for s in source.segments] == [1, 2]
    second = source.text[source.segments[1].start : source.segments[1].end]
    assert "Trang hai" in second and "tuyên truyền" in second


def test_pdf_with_one_scanned_page_among_text_pages(text_pdf: bytes) -> None:
    scan = io.BytesIO()
    _page().save(scan, format="PDF", resolution=300)
    writer = PdfWriter()
    for part in (text_pdf, scan.getvalue()):
        for page in PdfReader(io.BytesIO(part)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    source = read_bytes(out.getvalue(), "tron.pdf")
    assert [s.page for s in source.segments] == [1, 2, 3, 4]
    last = source.segments[-1]
    assert "70-KH/TU" in source.text[last.start : last.end]
    assert "Gương người tốt" in source.text  # text layer pages kept
    # Only the recognised page carries word confidences.
    assert source.word_confidences
    assert all(last.start <= start and end <= last.end for start, end, _ in source.word_confidences)


def test_missing_tesseract_is_one_line_naming_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(InputError) as caught:
        read_bytes(_encode([_page()], "PNG"), "anh.png")
    assert caught.value.message.startswith("anh.png: ")
    assert "Tesseract" in caught.value.message and "\n" not in caught.value.message


def test_corrupt_image_is_one_line() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "hong.png")
    assert caught.value.message.startswith("hong.png: ")


def test_skew_is_measured() -> None:
    page = _page(LINES * 8)
    for angle in (-0.8, 0.6):
        tilted = page.rotate(angle, fillcolor=255)
        assert abs(skew_angle(tilted) + angle) <= 0.2


def test_header_columns_come_apart_and_noise_is_dropped() -> None:
    words = [
        # One Tesseract line running over both columns of the header.
        _w("ĐẢNG", 300, 200), _w("BỘ", 460, 200), _w("TỈNH", 540, 200),
        _w("ĐẢNG", 1300, 205), _w("CỘNG", 1460, 205), _w("SẢN", 1620, 205),
        # Two lines of the left column, the right one in another Tesseract block.
        _w("Số", 300, 300, line=2), _w("75-HD/BTGTU", 400, 300, line=2),
        Word("Quảng", 1300, 310, 150, 48, 0.9, (2, 1, 1)), Word("Ngãi", 1470, 310, 120, 48, 0.9, (2, 1, 1)),
        # Speckles, a stamp's glyph cluster, an edge bar.
        Word("'", 900, 500, 5, 5, 0.2, (3, 1, 1)),
        Word("~", 1500, 600, 30, 40, 0.3, (4, 1, 1)), Word("ŒØ", 1540, 600, 60, 40, 0.1, (4, 1, 1)),
        _w("HƯỚNG", 800, 700, line=3), _w("DẪN|", 1000, 700, line=3),
    ]  # fmt: skip
    page = layout_page(words)
    # The header block, one table row at a time: its left cell's lines, then its right cell's.
    assert page.text.splitlines() == [
        "ĐẢNG BỘ TỈNH",
        "ĐẢNG CỘNG SẢN",
        "Số 75-HD/BTGTU",
        "Quảng Ngãi",
        "",  # the empty line above the type word
        "HƯỚNG DẪN",
    ]


def test_closing_block_stays_row_by_row() -> None:
    words = ["Các", "cơ", "quan", "đơn", "vị", "thực", "hiện", "nghiêm", "túc", "kế", "hoạch", "này"]
    lefts = [300 + sum(30 * len(w) + 25 for w in words[:k]) for k in range(len(words))]
    body = [
        _w(word, left, 200 + 70 * line, line=line)
        for line in range(4)
        for word, left in zip(words, lefts, strict=True)
    ]
    closing = [
        Word("Nơi", 300, 900, 90, 48, 0.95, (5, 1, 1)), Word("nhận:", 400, 900, 150, 48, 0.95, (5, 1, 1)),
        Word("TM.", 1500, 905, 90, 48, 0.95, (6, 1, 1)), Word("BAN", 1600, 905, 120, 48, 0.95, (6, 1, 1)),
        Word("-", 300, 960, 20, 10, 0.9, (5, 1, 2)), Word("Như", 330, 960, 100, 48, 0.95, (5, 1, 2)),
        Word("trên;", 440, 960, 120, 48, 0.95, (5, 1, 2)),
        Word("BÍ", 1560, 965, 60, 48, 0.95, (6, 1, 2)), Word("THƯ", 1630, 965, 110, 48, 0.95, (6, 1, 2)),
    ]  # fmt: skip
    lines = layout_page(body + closing).text.splitlines()
    assert lines[-2:] == ["Nơi nhận: | TM. BAN", "- Như trên; | BÍ THƯ"]


_WORD = st.builds(
    Word,
    text=st.text(min_size=1, max_size=12).filter(lambda t: t.strip() == t and "\n" not in t),
    left=st.integers(0, 2400),
    top=st.integers(0, 3400),
    width=st.integers(1, 400),
    height=st.integers(1, 120),
    conf=st.floats(0, 1),
    line=st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 5)),
)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORD, max_size=40))
def test_layout_offsets_point_at_the_words(words: list[Word]) -> None:
    page = layout_page(words)
    for line in page.lines:
        assert "\n" not in line.text
        for start, end, conf in line.words:
            assert 0 <= start < end <= len(line.text) and 0 <= conf <= 1
            assert line.text[start:end].strip()
    assert 0 <= page.mean_conf <= 1


def test_cli_parses_a_scan_to_json(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    _page(["HUYỆN ỦY ĐỨC PHỔ", "Số 72-KH/HU", "", *LINES]).save(scan, format="PDF", resolution=300)
    run = subprocess.run(
        [sys.executable, "-m", "thongsuot", "parse", str(scan), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert (data["kind"], data["symbol"]) == ("KẾ HOẠCH", "72-KH/HU")
    assert "70-KH/TU" in {ref["ref"] for ref in data["references"]}


def test_text_layer_in_a_legacy_font_is_read_from_the_image() -> None:
    """A PDF printed from a TCVN3 (.VnTime) font: right letters on the page, "Th«ng tin" in its text layer."""
    from fpdf import FPDF

    picture = _page()
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=0, y=0, w=210, h=297)
    pdf.add_font("dejavu", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("dejavu", size=12)
    pdf.text_mode = "INVISIBLE"
    for k, line in enumerate(
        ["KÕ HO¹CH", "Th«ng tin, tuyªn truyÒn vÒ c«ng t¸c x©y dùng §¶ng", "C¨n cø KÕ ho¹ch sè 70-KH/TU"]
    ):
        pdf.text(25, 30 + 8 * k, line)
    source = read_bytes(bytes(pdf.output()), "vntime.pdf")
    assert "tuyên truyền" in source.text and "«" not in source.text
    assert any(w.code == "legacy_font" and w.message.startswith("vntime.pdf: ") for w in source.warnings)


def test_thin_boxed_words_stay_and_dot_specks_go() -> None:
    # Word boxes Tesseract gave on scans of real documents (r08, r23; bench/ocr_accuracy.py).
    words = [
        # "CHÍNH PHỦ-------": the second word boxed as its rule alone, 5 px high, 63%.
        Word("CHÍNH", 605, 237, 162, 48, 0.93, (1, 1, 1)), Word("PHỦ-------", 792, 270, 229, 5, 0.63, (1, 1, 1)),
        Word("CỘNG", 1359, 241, 149, 56, 0.97, (1, 1, 1)), Word("HÒA", 1525, 242, 116, 48, 0.97, (1, 1, 1)),
        # a 2x2 speck read as a stop, sure at 91%, after the last word of a subject line
        Word("THỦ", 1300, 1251, 110, 48, 0.97, (4, 1, 1)), Word("TỤC", 1466, 1254, 110, 47, 0.97, (4, 1, 1)),
        Word("HÀNH", 1587, 1236, 168, 53, 0.90, (4, 1, 1)), Word(".", 1796, 1280, 2, 2, 0.91, (4, 1, 1)),
        # a printed stop stays
        Word("Hạnh", 1300, 1400, 115, 48, 0.96, (5, 1, 1)), Word("phúc.", 1430, 1392, 120, 58, 0.96, (5, 1, 1)),
        Word(".", 1560, 1430, 9, 9, 0.9, (5, 1, 1)),
    ]  # fmt: skip
    lines = [line for line in layout_page(words).text.splitlines() if line]
    assert lines[0] == "CHÍNH PHỦ-------"
    assert "THỦ TỤC HÀNH" in lines and "Hạnh phúc. ." in lines


def test_a_weak_two_letter_word_is_read_again() -> None:
    # r31: "VỀ" alone above the subject, read at 0% on the page and dropped as a glyph cluster
    from thongsuot.parsing.read.ocr import _reread_weak

    page = Image.new("L", (2480, 600), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 54)
    draw.text((1200, 100), "VỀ", font=font, fill=0)
    draw.text((700, 200), "PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM", font=font, fill=0)
    left, top, right, bottom = draw.textbbox((1200, 100), "VỀ", font=font)
    subject = [_w(w, 700 + 200 * k, 210, line=2) for k, w in enumerate("PHÔNG LƯU TRỮ ĐẢNG".split())]
    words = [Word("VỀ", left, top, right - left, bottom - top, 0.0, (5, 1, 1)), *subject]
    again = _reread_weak(page, words, "r31.pdf", 1)
    assert [w.text for w in again if w.top < 190] == ["VỀ"]
    assert min(w.conf for w in again if w.top < 190) > 0.6
    # a speck's two marks are not worth a second read: left as they were
    speck = [Word("';", 900, 400, 6, 5, 0.1, (6, 1, 1)), *subject]
    assert _reread_weak(page, speck, "r31.pdf", 1) == speck
