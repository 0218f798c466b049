"""Throughput of the citation stage (normalise excluded and included) on the samples.

Prints MB/s per sample and for all samples joined 20 times (to show the work
grows linearly with the text). Run: .venv/bin/python bench/citations.py
"""

from __future__ import annotations

import time
from pathlib import Path

from thongsuot.parsing.citations import extract_citations
from thongsuot.parsing.normalise import normalise

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def rate(text: str, repeat: int) -> tuple[float, float]:
    view = normalise(text)
    extract_citations(view)  # warm caches
    t0 = time.perf_counter()
    for _ in range(repeat):
        extract_citations(view)
    cit = (time.perf_counter() - t0) / repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        extract_citations(normalise(text))
    both = (time.perf_counter() - t0) / repeat
    mb = len(text.encode("utf-8")) / 1e6
    return mb / cit, mb / both


def main() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}
    for name, text in texts.items():
        c, b = rate(text, 10)
        print(f"{name:32s} citations {c:6.2f} MB/s   normalise+citations {b:6.2f} MB/s")
    big = "\n".join(texts.values()) * 20
    c, b = rate(big, 1)
    print(f"{'all samples x20':32s} citations {c:6.2f} MB/s   normalise+citations {b:6.2f} MB/s")


if __name__ == "__main__":
    main()
