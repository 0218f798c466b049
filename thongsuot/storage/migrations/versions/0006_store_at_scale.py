"""Storing at 100,000 documents: an index on `documents.file_name`.

Storing a file asks whether it is a new version of a document with the same
file name (module doc of `storage.documents`); without an index that question
read every row of `documents` (text included, on SQLite) for every file.

Revision ID: 0006_store_at_scale
Revises: 0005_library_search
"""

from __future__ import annotations

from alembic import op

revision = "0006_store_at_scale"
down_revision = "0005_library_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_file_name", "documents", ["file_name"])


def downgrade() -> None:
    op.drop_index("ix_documents_file_name", "documents")
