"""OCR throughput: pages per minute and peak memory for scanned A4 pages.

Builds a scan of a seed document (LibreOffice -> 300 dpi -> rotated, speckled, blurred image-only PDF, as in
tests/parsing/scans.py), then reads it with `read_bytes` (pdftoppm + Tesseract vie, pages over
`ocr.workers()` processes with OMP_THREAD_LIMIT=1). Prints pages/minute, seconds/page, the peak resident
memory of this process and of the largest child (tesseract / pdftoppm), and the load average while it ran,
since other work on the machine slows it.

Run: .venv/bin/python bench/ocr.py [--pages N] [--seed-index K]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "parsing"))

from scans import make_scan  # noqa: E402

from thongsuot.parsing.read import read_bytes  # noqa: E402
from thongsuot.parsing.read.ocr import workers  # noqa: E402


def _read(path: str) -> None:
    """Child process: read the scan and print the page count and word count."""
    source = read_bytes(Path(path).read_bytes(), "bench.pdf")
    print(len({s.page for s in source.segments}), len(source.word_confidences))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=8, help="A4 pages to recognise (default 8)")
    parser.add_argument("--seed-index", type=int, default=1, help="which seed document to typeset")
    parser.add_argument("--read", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read:
        _read(args.read)
        return
    shared = Path(os.environ.get("THONGSUOT_SHARED", REPO.parent / "shared"))
    seed = sorted((shared / "corpus" / "seeds").glob("*.txt"))[args.seed_index]
    scan = make_scan(seed.read_text(encoding="utf-8"), max_pages=args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan.pdf"
        path.write_bytes(scan)
        load = os.getloadavg()[0]
        started = time.perf_counter()
        # The read runs in its own process so that wait4 reports its memory and its children's (tesseract,
        # pdftoppm) apart from LibreOffice's, which made the scan.
        child = subprocess.Popen(
            [sys.executable, __file__, "--read", str(path)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"reading failed (status {status})")
    pages, words = (int(x) for x in out.split())
    print(f"document: {seed.name}, {pages} A4 pages at 300 dpi, {workers()} workers, {os.cpu_count()} cores")
    print(
        f"pages/minute: {pages / elapsed * 60:.1f}  ({elapsed / pages:.2f} s/page wall, "
        f"{(usage.ru_utime + usage.ru_stime) / pages:.2f} s/page CPU incl. children)"
    )
    print(
        f"peak memory: {usage.ru_maxrss / 1024:.0f} MB (largest of the reader process and its tesseract/pdftoppm)"
    )
    print(f"words: {words}; load average at start {load:.1f}, at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
