"""Storage fixtures: a library holding the four samples, on each database (db_url from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from thongsuot.cascade.ingest import ingest
from thongsuot.storage import Library, open_library

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def lib(db_url: str) -> Iterator[Library]:
    library = open_library(db_url)
    ingest(library, [SAMPLES], workers=1)
    yield library
    library.close()
