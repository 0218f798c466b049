"""The whole declared schema: every table module imported, one MetaData, and what the comparison leaves out.

`metadata` here is complete (all table modules are loaded), so it is what the
migrations are compared against (tests/storage/test_schema.py) and what
Alembic's environment offers as target metadata.

A few structures are built by a migration for one backend only and cannot be
declared portably; `compared` leaves them out of the comparison:
- SQLite's FTS5 virtual table `documents_fts` and its shadow tables;
- PostgreSQL's generated `search_tsv` column and its GIN and trigram indexes;
- the listing-order indexes of 0008 (descending with NULLS LAST on PostgreSQL).
"""

from __future__ import annotations

from typing import Any

from thongsuot.storage import accounts, plans, tables, tracking_tables  # noqa: F401  (declare their tables)
from thongsuot.storage.metadata import metadata

BACKEND_ONLY_TABLE_PREFIXES = ("documents_fts",)
BACKEND_ONLY_COLUMNS = {("documents", "search_tsv")}
BACKEND_ONLY_INDEXES = {
    "ix_documents_search_tsv",
    "ix_documents_date_desc_id",
    "ix_documents_level_date_id",
}


def compared(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic `include_object` hook: False for the backend-only structures listed above."""
    if type_ == "table" and name and name.startswith(BACKEND_ONLY_TABLE_PREFIXES):
        return False
    if type_ == "column" and (obj.table.name, name) in BACKEND_ONLY_COLUMNS:
        return False
    return not (type_ == "index" and name in BACKEND_ONLY_INDEXES)


__all__ = ["BACKEND_ONLY_INDEXES", "compared", "metadata"]
