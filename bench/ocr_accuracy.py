"""Header accuracy on scans of the real website exports, beside the same figure for their text.

    .venv/bin/python bench/ocr_accuracy.py [--docs N] [--pages P] [-v]

Each of the first N documents of ../shared/corpus/real (default 12) is typeset, rasterised and damaged into
an image-only PDF of its first P pages (default 2; tests/parsing/scans.py), read through OCR and parsed.
Prints, per header field, the share of documents matching the hand-written expectations
(tests/parsing/real_expectations.py) for the scan and for the Markdown text of the same first pages, and
how many of the text parse's citations the scan parse finds. `-v` lists every field where scan and text
disagree.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "parsing"))

from real_expectations import REAL  # noqa: E402
from real_score import FIELDS, REAL_DIR, field_ok  # noqa: E402
from scans import head, make_scans  # noqa: E402

from thongsuot.parsing import parse_bytes, parse_text  # noqa: E402
from thongsuot.rendering.document_json import document_to_contract  # noqa: E402

# About two A4 pages of text: the header, the opening citations and the start of the body.
HEAD_CHARS = 4500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=12)
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    stems = sorted(REAL)[: args.docs]
    texts = [head((REAL_DIR / f"{stem}.md").read_text(encoding="utf-8"), HEAD_CHARS) for stem in stems]
    started = time.perf_counter()
    pdfs = make_scans(texts, max_pages=args.pages)
    made = time.perf_counter()
    right = {("scan", f): 0 for f in FIELDS} | {("text", f): 0 for f in FIELDS}
    refs_found = refs_text = 0
    for stem, text, pdf in zip(stems, texts, pdfs, strict=True):
        by_text = document_to_contract(parse_text(text, f"{stem}.md"))
        by_scan = document_to_contract(parse_bytes(pdf, f"{stem}.pdf"))
        for field in FIELDS:
            want = REAL[stem][field]
            right["text", field] += field_ok(field, want, by_text[field])
            right["scan", field] += field_ok(field, want, by_scan[field])
            if args.v and by_text[field] != by_scan[field]:
                print(f"{stem}.{field}: text {by_text[field]!r} / scan {by_scan[field]!r}")
        cited = {r["ref"] for r in by_text["references"]}
        refs_text += len(cited)
        refs_found += len(cited & {r["ref"] for r in by_scan["references"]})
    done = time.perf_counter()
    print(f"{len(stems)} documents, first {args.pages} pages each; scans made in {made - started:.0f} s, "
          f"read and parsed in {done - made:.0f} s")  # fmt: skip
    print(f"{'field':>8} {'scan':>6} {'text':>6}")
    for field in FIELDS:
        print(f"{field:>8} {right['scan', field] / len(stems):6.2f} {right['text', field] / len(stems):6.2f}")
    share = refs_found / refs_text if refs_text else 1.0
    print(f"citations of the text parse found in the scan parse: {refs_found}/{refs_text} = {share:.2f}")


if __name__ == "__main__":
    main()
