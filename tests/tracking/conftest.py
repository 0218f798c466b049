"""Tracking fixtures: an engine at the latest schema on each database, with the demo province loaded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from thongsuot.storage import tracking as store
from thongsuot.storage.db import make_engine


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A fresh migrated database (SQLite and PostgreSQL, from tests/conftest.py)."""
    eng = make_engine(db_url)
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture
def tracker(engine: Engine):  # type: ignore[no-untyped-def]
    """A Tracker over the demo province, with one province plan assigned to the communes and the press."""
    from thongsuot.tracking.service import Tracker
    from thongsuot.vocab.tracking_data import demo_province

    with engine.begin() as conn:
        store.write_tree(conn, demo_province().units)
    return Tracker(engine)

