"""The shared scorer's figures for whole scanned documents, with the text parse as the gold.

    .venv/bin/python bench/scan_score.py [--max-kb 60] [--only r01,r02] [--cache DIR] [-v]

Each document of ../shared/corpus/real up to --max-kb is typeset whole, rasterised and damaged into an
image-only PDF (tests/parsing/scans.py), read through OCR and parsed. Its contract JSON is scored by
../shared/tools/score_parse.py's `score_document` against the contract JSON of the same document's Markdown
parse (which meets the hand-written expectations of tests/parsing/real_expectations.py). This is the
nearest figure we have to the issue's bar for scans of unseen documents (overall F1 >= 0.85, references >=
0.90): it prints the mean per field and the overall mean, like the scorer.

--cache DIR keeps each scan PDF and what OCR read from it (keyed by the PDF's hash and the source of
thongsuot/parsing/read/), so a rerun after a change to the later parsing stages takes seconds.
`-v` prints, per document, the fields below 1 and the citations missed or added.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "parsing"))
sys.path.insert(0, str(REPO / "tests"))

from scans import make_scan  # noqa: E402
from shared_files import SHARED  # noqa: E402

from thongsuot.domain.document import SourceText  # noqa: E402
from thongsuot.parsing import parse_text  # noqa: E402
from thongsuot.parsing.pipeline import parse_source  # noqa: E402
from thongsuot.parsing.read import read_bytes  # noqa: E402
from thongsuot.rendering.document_json import document_to_contract  # noqa: E402

sys.path.insert(0, str(SHARED / "tools"))
from score_parse import match_refs, score_document  # noqa: E402

REAL_DIR = SHARED / "corpus" / "real"
READ_SOURCES = sorted((REPO / "thongsuot" / "parsing" / "read").glob("*.py"))


def _reader_key() -> str:
    digest = hashlib.sha256()
    for path in READ_SOURCES:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _scan(stem: str, text: str, cache: Path | None) -> bytes:
    if cache is None:
        return make_scan(text)
    pdf = cache / f"{stem}.pdf"
    if not pdf.exists():
        pdf.write_bytes(make_scan(text))
    return pdf.read_bytes()


def _read(stem: str, pdf: bytes, cache: Path | None) -> SourceText:
    if cache is None:
        return read_bytes(pdf, f"{stem}.pdf")
    key = hashlib.sha256(pdf).hexdigest()[:16] + "-" + _reader_key()
    stored = cache / f"{stem}.{key}.source"
    if stored.exists():
        source: SourceText = pickle.loads(stored.read_bytes())
        return source
    source = read_bytes(pdf, f"{stem}.pdf")
    for old in cache.glob(f"{stem}.*.source"):
        old.unlink()
    stored.write_bytes(pickle.dumps(source))
    return source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-kb", type=int, default=60)
    parser.add_argument("--only", default="", help="comma-separated stems (r01,r02)")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    if args.cache is not None:
        args.cache.mkdir(parents=True, exist_ok=True)
    only = {s for s in args.only.split(",") if s}
    paths = [
        p for p in sorted(REAL_DIR.glob("*.md"))
        if p.stem != "README" and p.stat().st_size <= args.max_kb * 1024 and (not only or p.stem in only)
    ]  # fmt: skip
    started = time.perf_counter()
    per_field: dict[str, list[float]] = {}
    pages = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        gold = document_to_contract(parse_text(text, path.name))
        source = _read(path.stem, _scan(path.stem, text, args.cache), args.cache)
        pages += max(1, len(source.segments))
        pred = document_to_contract(parse_source(source))
        scores = score_document(gold, pred)
        for field, value in scores.items():
            per_field.setdefault(field, []).append(value)
        if args.v:
            low = {f: round(v, 2) for f, v in scores.items() if v < 1}
            print(f"{path.stem}: {low or 'all 1.00'}")
            for field in ("kind", "symbol", "date", "issuer", "title"):
                if field in low:
                    print(f"    {field}: text {gold[field]!r} / scan {pred[field]!r}")
            if "references" in low:
                _, _, _, _, misses = match_refs(gold["references"], pred["references"])
                for miss in misses:
                    extra = isinstance(miss, tuple)
                    ref = miss[1] if extra else miss
                    print(
                        f"    ref {'added' if extra else 'missed'}: {ref.get('number')} {ref.get('symbol')}"
                    )
    elapsed = time.perf_counter() - started
    print(f"{len(paths)} documents (<= {args.max_kb} KB of Markdown) in {elapsed:.0f} s")
    means = {field: sum(values) / len(values) for field, values in per_field.items()}
    for field, value in means.items():
        print(f"{field:>18} {value:.3f}")
    print(f"overall F1 = {sum(means.values()) / len(means):.3f}")


if __name__ == "__main__":
    main()
