"""Parsing cost of one long paragraph of short wrapped lines (blocks.join_parts must stay linear).

    .venv/bin/python bench/long_paragraph.py [--mb 0.5 1 2 4]

Prints seconds per size and the ratio for each doubling (linear: about x2).
"""

from __future__ import annotations

import argparse
import time

from thongsuot.parsing import parse_text

LINE = "tăng cường công tác tuyên truyền, phổ biến, giáo dục pháp luật cho cán bộ, đảng viên và nhân dân"


def paragraph(mb: float) -> str:
    lines = []
    size = 0
    i = 0
    while size < mb * 1_000_000:
        line = f"{LINE} {i}" if i % 7 else f"{LINE} xây-"
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
        i += 1
    return "KẾ HOẠCH\nThử\n\nI. NỘI DUNG\n" + "\n".join(lines) + ".\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, nargs="*", default=[0.5, 1.0, 2.0, 4.0])
    args = ap.parse_args()
    previous = None
    for mb in args.mb:
        text = paragraph(mb)
        t0 = time.perf_counter()
        parse_text(text)
        took = time.perf_counter() - t0
        ratio = f"  x{took / previous:.2f}" if previous else ""
        print(f"{mb:>5.1f} MB paragraph: {took:6.2f} s{ratio}")
        previous = took


if __name__ == "__main__":
    main()
