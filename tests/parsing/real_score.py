"""Per-field accuracy of the parser on ../shared/corpus/real against real_expectations.

Shared by tests/parsing/test_real_documents.py (floors that only go up) and
bench/real_accuracy.py (prints the figures). Fields are compared like the
shared scorer: case, tone placement, spaces and edge punctuation folded;
titles by similarity >= 0.9; citations by (number without leading zeros, symbol).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any as _Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))  # tests/: shared_files, also for the bench/ scripts
from real_expectations import REAL
from shared_files import CORPUS
from unseen_expectations import Any

from thongsuot.parsing import parse_file
from thongsuot.rendering.document_json import document_to_contract

REAL_DIR = CORPUS / "real"
FIELDS = ("kind", "symbol", "date", "issuer", "title")

TONES = "\u0300\u0301\u0303\u0309\u0323"
OLD_TONE_PLACE = re.compile(f"([ou])([aey])([{TONES}])(?![^\\W\\d_])")


def norm(text: object) -> str:
    """Like the scorer: NFC, lower case, one tone placement, single spaces, no edge punctuation."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFD", unicodedata.normalize("NFC", str(text)).lower())
    s = unicodedata.normalize("NFC", OLD_TONE_PLACE.sub(r"\1\3\2", s)).replace("\u00a0", " ")
    s = re.sub(r"[\s\u200b]+", " ", s)
    s = re.sub(r"^[\s\-–—•*+.:;,()]+|[\s\-–—•*+.:;,()/]+$", "", s)
    return s.strip()


def norm_symbol(sym: object) -> str:
    return "" if sym is None else re.sub(r"\s+", "", unicodedata.normalize("NFC", str(sym)).upper())


def field_ok(field: str, expected: _Any, actual: _Any) -> bool:
    if isinstance(expected, Any):
        return any(field_ok(field, option, actual) for option in expected.options)
    if field == "symbol":
        return norm_symbol(expected) == norm_symbol(actual)
    if field == "date":
        return (expected or None) == (actual or None)
    if field == "title":
        a, b = norm(expected), norm(actual)
        return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9 if a or b else True
    return norm(expected) == norm(actual)


def ref_key(number: object, symbol: object) -> tuple[str, str]:
    return str(number or "").strip().lstrip("0"), norm_symbol(symbol)


@cache
def parsed(stem: str) -> dict[str, _Any]:
    path = REAL_DIR / f"{stem}.md"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the real corpus is missing (set THONGSUOT_SHARED)")
    return document_to_contract(parse_file(path))


def misses(stem: str) -> list[str]:
    """What the parse of one document gets wrong, one line each."""
    want, got = REAL[stem], parsed(stem)
    out = [
        f"{stem}.{f}: expected {want[f]!r}, got {got[f]!r}"
        for f in FIELDS
        if not field_ok(f, want[f], got[f])
    ]
    refs = {ref_key(r.get("number"), r.get("symbol")) for r in got["references"]}
    for number, symbol in sorted(want["cites"]):
        if ref_key(number, symbol) not in refs:
            out.append(f"{stem}.cites: missed {number} {symbol}")
    own = norm_symbol(want["symbol"])
    if any(
        norm_symbol(f"{r.get('number')}{sep}{r.get('symbol')}") == own
        for r in got["references"]
        for sep in "/-"
    ):
        out.append(f"{stem}.cites: cites itself {want['symbol']}")
    return out


def accuracy() -> dict[str, float]:
    """Share of documents right per header field; `cites` is the recall of the expected citations."""
    stems = sorted(REAL)
    scores = {f: sum(field_ok(f, REAL[s][f], parsed(s)[f]) for s in stems) / len(stems) for f in FIELDS}
    wanted = found = 0
    for s in stems:
        refs = {ref_key(r.get("number"), r.get("symbol")) for r in parsed(s)["references"]}
        wanted += len(REAL[s]["cites"])
        found += sum(ref_key(n, sym) in refs for n, sym in REAL[s]["cites"])
    scores["cites"] = found / wanted if wanted else 1.0
    return scores
