"""Scans made from real texts parse like the texts: header fields equal, citations mostly found.

Each document's first page or two (`scans.head`) is typeset by LibreOffice, rasterised, turned under a
degree, speckled and blurred (`scans.py`), and the image-only PDF goes through OCR. The parse of that scan is
compared with the parse of the same text. All scans are made once per module, through one LibreOffice run.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from thongsuot.domain.document import ParsedDocument
from thongsuot.parsing import parse_bytes, parse_text
from thongsuot.rendering.document_json import document_to_contract

sys.path.insert(0, str(Path(__file__).parent))
from scans import head, make_scans

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("THONGSUOT_SHARED", REPO.parent / "shared"))
SEEDS = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
# Real website exports of two kinds: a provincial decision (State), a Party regulation.
REAL = [SHARED / "corpus" / "real" / f"{stem}.md" for stem in ("r29", "r31")]
HEAD_CHARS = 1800
DOCS = [*SEEDS, *REAL]


@pytest.fixture(scope="module")
def scans() -> dict[str, tuple[str, bytes]]:
    texts = [head(path.read_text(encoding="utf-8"), HEAD_CHARS) for path in DOCS]
    pdfs = make_scans(texts, max_pages=1)
    return {path.stem: (text, pdf) for path, text, pdf in zip(DOCS, texts, pdfs, strict=True)}


@pytest.fixture(scope="module")
def parsed(scans: dict[str, tuple[str, bytes]]) -> dict[str, tuple[ParsedDocument, ParsedDocument]]:
    return {
        stem: (parse_text(text, f"{stem}.txt"), parse_bytes(pdf, f"{stem}.pdf"))
        for stem, (text, pdf) in scans.items()
    }


def _similar(a: str | None, b: str | None) -> float:
    return fuzz.ratio((a or "").lower(), (b or "").lower()) / 100


@pytest.mark.parametrize("stem", [path.stem for path in DOCS])
def test_scan_kind_symbol_and_date_match_text(
    parsed: dict[str, tuple[ParsedDocument, ParsedDocument]], stem: str
) -> None:
    text, scan = parsed[stem]
    assert (scan.header.kind, scan.header.symbol, scan.header.date) == (
        text.header.kind,
        text.header.symbol,
        text.header.date,
    )


# r31's text parse takes the Quốc hiệu for the issuer (issue 10, class 1, the parser's side): nothing to agree with.
ISSUER_UNCHECKED = {"r31"}


def test_scan_issuer_and_title_mostly_match_text(
    parsed: dict[str, tuple[ParsedDocument, ParsedDocument]],
) -> None:
    # A misread word in the sentence the issuer comes from may cost one document (seed 000: "ủy" under a
    # speck), never more.
    issuers = [
        _similar(scan.header.issuer, text.header.issuer) >= 0.85
        for stem, (text, scan) in parsed.items()
        if stem not in ISSUER_UNCHECKED
    ]
    titles = [_similar(scan.header.title, text.header.title) >= 0.85 for text, scan in parsed.values()]
    assert sum(issuers) >= len(issuers) - 1, issuers
    assert sum(titles) >= len(titles) - 1, titles


def _refs(doc: ParsedDocument) -> set[str]:
    return {str(ref["ref"]) for ref in document_to_contract(doc)["references"]}


def test_scans_find_most_citations(parsed: dict[str, tuple[ParsedDocument, ParsedDocument]]) -> None:
    found = expected = 0
    for text, scan in parsed.values():
        want = _refs(text)
        expected += len(want)
        found += len(want & _refs(scan))
    assert expected >= 10
    assert found / expected >= 0.85, (found, expected)


def test_scan_source_has_pages_and_word_confidences(
    parsed: dict[str, tuple[ParsedDocument, ParsedDocument]],
) -> None:
    source = parsed[REAL[0].stem][1].source
    assert source is not None and source.format == "pdf"
    assert [s.page for s in source.segments] == [1]
    assert source.word_confidences
    for start, end, conf in source.word_confidences:
        assert 0 <= start < end <= len(source.text) and 0 <= conf <= 1
        assert source.text[start:end].strip() == source.text[start:end]
    # Most recognised words are confident on a clean scan; the mean is reported in a warning.
    confident = sum(conf >= 0.8 for _, _, conf in source.word_confidences)
    assert confident / len(source.word_confidences) >= 0.8
    assert any(w.code == "ocr" for w in source.warnings)
