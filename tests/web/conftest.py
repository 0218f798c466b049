"""Fixtures of the web tests (helpers live in web_helpers.py, importable from the tests)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from web_helpers import WebEnv, make_env


@pytest.fixture
def web(db_url: str, tmp_path: Path) -> Iterator[WebEnv]:
    env = make_env(db_url, tmp_path)
    yield env
    env.app.state.ts.db.close()


@pytest.fixture
def web_sqlite(sqlite_url: str, tmp_path: Path) -> Iterator[WebEnv]:
    env = make_env(sqlite_url, tmp_path)
    yield env
    env.app.state.ts.db.close()
