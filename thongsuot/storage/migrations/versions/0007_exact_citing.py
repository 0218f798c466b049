"""Symbol search at 100,000 documents: citing documents newest first straight from an index.

A search for `28-NQ/TW` lists the documents citing it; a much-cited
resolution has tens of thousands. `(target_key, is_link, document_id)` lets
the most recently stored ones be read in order and stop at the limit.

Revision ID: 0007_exact_citing
Revises: 0006_store_at_scale
"""

from __future__ import annotations

from alembic import op

revision = "0007_exact_citing"
down_revision = "0006_store_at_scale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_citations_target_key_link_document", "citations", ["target_key", "is_link", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_citations_target_key_link_document", "citations")
