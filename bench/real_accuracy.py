"""Per-field accuracy on ../shared/corpus/real against the hand-written expectations.

    .venv/bin/python bench/real_accuracy.py [-v]

Prints kind/symbol/date/issuer/title accuracy and the recall of the expected
citations; `-v` also lists every miss.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "parsing"))
from real_expectations import REAL
from real_score import accuracy, misses


def main() -> None:
    if "-v" in sys.argv:
        for stem in sorted(REAL):
            for line in misses(stem):
                print(line)
    scores = accuracy()
    print(f"{len(REAL)} documents")
    for field, value in scores.items():
        print(f"{field:>7} {value:.2f}")


if __name__ == "__main__":
    main()
