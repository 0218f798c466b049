"""The reader on real website exports (../shared/corpus/real) against expectations written by hand.

Floors only go up: each fix by class raises them. The misses are printed on failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from real_expectations import REAL
from real_score import REAL_DIR, accuracy, misses

FLOORS = {"kind": 1.0, "symbol": 1.0, "date": 1.0, "issuer": 1.0, "title": 0.97, "cites": 0.97}


def test_every_real_document_has_expectations() -> None:
    assert REAL_DIR.is_dir(), f"{REAL_DIR} missing: set THONGSUOT_SHARED"
    assert sorted(p.stem for p in REAL_DIR.glob("r*.md")) == sorted(REAL)


def test_real_documents_reach_the_floors() -> None:
    scores = accuracy()
    report = "\n".join(line for stem in sorted(REAL) for line in misses(stem))
    for field, floor in FLOORS.items():
        assert scores[field] >= floor, f"{field}: {scores[field]:.2f} < {floor}\n{report}"
