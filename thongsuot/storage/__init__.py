"""Storage: SQLAlchemy tables, Alembic migrations and the library API (the only layer using SQLAlchemy).

Entry points for the other areas:
- `open_database(url)` / `upgrade(url)` (db.py) — engine + sessions, migrations;
- `open_library(url)` -> `Library` (library.py) — store / get / list / search / graph / delete;
- records in models.py (`StoreResult`, `DocumentRecord`, `NodeInfo`, `Graph`, `SearchHit`...).
"""

from __future__ import annotations

from thongsuot.storage.db import Database, open_database, upgrade
from thongsuot.storage.library import Library, open_library
from thongsuot.storage.models import (
    CitationInfo,
    DocumentRecord,
    DocumentSummary,
    Edge,
    Graph,
    NodeInfo,
    SearchHit,
    StoreResult,
    StoreStatus,
)
from thongsuot.storage.search import SearchFilters, search_facets

__all__ = [
    "CitationInfo",
    "Database",
    "DocumentRecord",
    "DocumentSummary",
    "Edge",
    "Graph",
    "Library",
    "NodeInfo",
    "SearchFilters",
    "SearchHit",
    "StoreResult",
    "StoreStatus",
    "open_database",
    "search_facets",
    "open_library",
    "upgrade",
]
