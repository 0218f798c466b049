"""Reader throughput: builds large inputs of each format and times read_bytes.

Run: .venv/bin/python bench/read.py  (prints one line per format; no assertions)
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from thongsuot.parsing.read import read_bytes

PARAGRAPH = (
    "- Tiếp tục đẩy mạnh tuyên truyền nhằm tạo niềm tin, khí thế, động lực mới, quyết tâm cao của đội ngũ "
    "cán bộ, đảng viên và Nhân dân trong quán triệt, tổ chức thực hiện thắng lợi Nghị quyết số 28-NQ/TW."
)
FONT = next(
    p
    for p in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    )
    if Path(p).exists()
)


def build_text(paragraphs: int) -> bytes:
    return "\n\n".join(f"{i}. {PARAGRAPH}" for i in range(paragraphs)).encode("utf-8")


def build_html(paragraphs: int) -> bytes:
    body = "".join(f"<p>{i}. {PARAGRAPH}</p>" for i in range(paragraphs))
    return f"<html><body><nav>menu</nav><main>{body}</main></body></html>".encode()


def build_docx(paragraphs: int) -> bytes:
    import docx

    document = docx.Document()
    for i in range(paragraphs):
        document.add_paragraph(f"{PARAGRAPH} {i}", style="List Number" if i % 5 == 0 else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_pdf(pages: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("u", fname=FONT)
    pdf.set_font("u", size=12)
    pdf.set_auto_page_break(auto=False)
    for page in range(pages):
        pdf.add_page()
        pdf.cell(0, 8, "ĐẢNG BỘ TỈNH - BẢN TIN", align="C")
        pdf.ln(10)
        for item in range(6):
            pdf.multi_cell(0, 7, f"{page * 6 + item + 1}. {PARAGRAPH}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(280)
        pdf.cell(0, 8, f"- {page + 1} -", align="C")
    return bytes(pdf.output())


def measure(label: str, data: bytes, name: str, repeat: int = 3) -> None:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        source = read_bytes(data, name)
        best = min(best, time.perf_counter() - start)
    mb = len(data) / 1024 / 1024
    print(
        f"{label:<28} {mb:8.2f} MB  {best * 1000:9.1f} ms  {mb / best:8.1f} MB/s  "
        f"{len(source.text):>10} chars  {len(source.segments):>6} segments"
    )


def main() -> None:
    measure("txt 20k paragraphs", build_text(20_000), "a.txt")
    measure("txt 300k paragraphs", build_text(300_000), "a.txt", repeat=1)
    measure("html 20k paragraphs", build_html(20_000), "a.html")
    measure("docx 2k paragraphs", build_docx(2_000), "a.docx")
    measure("docx 10k paragraphs", build_docx(10_000), "a.docx", repeat=1)
    measure("pdf 30 pages", build_pdf(30), "a.pdf")
    measure("pdf 200 pages", build_pdf(200), "a.pdf", repeat=1)


if __name__ == "__main__":
    main()
