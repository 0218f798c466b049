"""Where the tests find the shared corpus: `THONGSUOT_SHARED`, else `../shared` beside the repository.

Never an absolute path of one machine. A required file that is missing fails
the test (or its collection) with a message naming the path: a suite that
silently skips or parametrises over nothing would pass on a machine without
the corpus and prove nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THONGSUOT_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
SEEDS = CORPUS / "seeds"
GOLD = CORPUS / "gold"


def shared_file(*parts: str) -> Path:
    """A required file under the shared folder; fails loudly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: required shared file missing (set THONGSUOT_SHARED or put ../shared beside the repo)")
    return path


def seed(name: str) -> Path:
    return shared_file("corpus", "seeds", name)


def shared_glob(folder: Path, pattern: str, at_least: int = 1) -> list[Path]:
    """Files for a parametrised test; fails collection when fewer than `at_least` are found."""
    found = sorted(folder.glob(pattern))
    if len(found) < at_least:
        raise FileNotFoundError(f"{folder}: expected at least {at_least} {pattern} files, found {len(found)}")
    return found
