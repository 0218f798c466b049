"""Parser throughput: >= 10 MB of text built from the seeds, parsed on one core.

Prints MB/s and documents/s. Documents are the seeds and recombinations of
them (header of one, body of another, doubled bodies) so sizes vary.

    .venv/bin/python bench/parse.py [--mb 10]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from thongsuot.parsing import parse_text

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THONGSUOT_SHARED", REPO.parent / "shared"))


def corpus(target_bytes: int) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))]
    variants = list(seeds)
    for i, a in enumerate(seeds):
        b = seeds[(i + 1) % len(seeds)]
        variants.append(a[: len(a) // 3] + b[len(b) // 3 :])  # header of one, body of another
        variants.append(a + "\n\n" + b[len(b) // 2 :])  # a longer document
    docs: list[str] = []
    size = 0
    i = 0
    while size < target_bytes:
        text = variants[i % len(variants)]
        docs.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    args = ap.parse_args()
    docs = corpus(int(args.mb * 1_000_000))
    total = sum(len(d.encode("utf-8")) for d in docs)
    parse_text(docs[0])  # warm caches (vocab, regexes)
    t0 = time.perf_counter()
    for d in docs:
        parse_text(d)
    dt = time.perf_counter() - t0
    print(f"documents: {len(docs)}  size: {total / 1e6:.1f} MB  time: {dt:.2f} s")
    print(f"throughput: {total / 1e6 / dt:.2f} MB/s  {len(docs) / dt:.1f} documents/s")


if __name__ == "__main__":
    main()
