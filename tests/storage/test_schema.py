"""The migrations build exactly the tables the code declares, on SQLite and PostgreSQL.

Migrations are written by hand; the code's tables are declared on one
MetaData (`thongsuot.storage.schema.metadata`). Alembic's compare finds every
table, column, type, index and foreign key that one side has and the other
lacks. Search structures built by a migration for one backend only (SQLite's
FTS5 virtual tables, PostgreSQL's expression indexes) are listed in
`schema.BACKEND_ONLY` and left out of the comparison.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData

from thongsuot.storage import schema
from thongsuot.storage.db import make_engine
from thongsuot.storage.schema import metadata


def differences(url: str) -> list[object]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_object": schema.compared}
            )
            return list(compare_metadata(ctx, metadata))
    finally:
        engine.dispose()


def describe(diff: object) -> str:
    if isinstance(diff, list):  # column modifications come grouped
        return "; ".join(describe(d) for d in diff)
    assert isinstance(diff, tuple)
    kind, *rest = diff
    parts = [str(getattr(r, "name", r)) for r in rest[:3]]
    return f"{kind}: {' '.join(parts)}"


def test_migrations_build_exactly_the_declared_tables(db_url: str) -> None:
    found = [describe(d) for d in differences(db_url)]
    assert found == [], "migrations and declared tables differ:\n" + "\n".join(found)


def test_every_table_module_declares_on_the_one_metadata() -> None:
    names = set(metadata.tables)
    assert {"documents", "users", "plans", "assignments", "activity_rollup"} <= names
    assert len(names) >= 25


def test_the_comparison_sees_a_missing_table(db_url: str) -> None:
    extra = MetaData()
    for table in metadata.tables.values():
        table.to_metadata(extra)
    from sqlalchemy import Column, Integer, Table

    Table("not_migrated", extra, Column("id", Integer, primary_key=True))
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": schema.compared})
            diff = compare_metadata(ctx, extra)
    finally:
        engine.dispose()
    assert [d[0] for d in diff] == ["add_table"]
    assert diff[0][1].name == "not_migrated"
