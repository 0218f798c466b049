"""Library listing at 100,000 documents: indexes in the listing's own order.

The library page lists newest first: `ORDER BY date DESC NULLS LAST, id DESC`.
On PostgreSQL NULLs sort high, so the `(date, id)` index of 0005 read
backwards gives NULLS FIRST and cannot serve it: every listing sorted the whole
table. SQLite sorts NULLs low, so the backward read of `(date, id)` is already
in that order. A level filter (the "Cấp" menu) gets `(level, date, id)` in the
same order, which also counts a level from the index alone.

Revision ID: 0008_listing_order
Revises: 0007_exact_citing
"""

from __future__ import annotations

from alembic import op

revision = "0008_listing_order"
down_revision = "0007_exact_citing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_documents_date_desc_id ON documents (date DESC NULLS LAST, id DESC)")
        op.execute("CREATE INDEX ix_documents_level_date_id ON documents (level, date DESC NULLS LAST, id DESC)")
    else:
        op.execute("CREATE INDEX ix_documents_level_date_id ON documents (level, date, id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_documents_date_desc_id")
    op.execute("DROP INDEX ix_documents_level_date_id")
