"""Drafting speed: derive a plan from each sample and render it (DOCX, Markdown, JSON).

    .venv/bin/python bench/drafting.py [REPEAT]

Prints milliseconds per sample for each step (median of REPEAT runs, default 5).
Parsing the parent is done once, outside the timings.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from thongsuot.cascade.derive import derive, target_from_name
from thongsuot.domain.plan import PlanKind
from thongsuot.parsing import parse_file
from thongsuot.rendering.plan_docx import render_docx
from thongsuot.rendering.plan_json import render_json
from thongsuot.rendering.plan_md import render_md

ROOT = Path(__file__).resolve().parents[1]


def _ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    target = target_from_name("Đảng ủy xã Tân Hòa", dt.date(2025, 9, 15))
    print(f"{'sample':32} {'derive':>8} {'docx':>8} {'md':>8} {'json':>8}  (ms, median of {repeat})")
    for path in sorted((ROOT / "samples").glob("*.txt")):
        doc = parse_file(path)
        derive(doc, target, PlanKind.PLAN)  # warm the data caches
        plan = derive(doc, target, PlanKind.PLAN)
        row = [
            _ms(lambda: derive(doc, target, PlanKind.PLAN), repeat),  # noqa: B023
            _ms(lambda: render_docx(plan), repeat),  # noqa: B023
            _ms(lambda: render_md(plan), repeat),  # noqa: B023
            _ms(lambda: render_json(plan), repeat),  # noqa: B023
        ]
        print(f"{path.stem:32} " + " ".join(f"{v:8.1f}" for v in row))


if __name__ == "__main__":
    main()
