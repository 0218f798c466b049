"""Scan pages: for a document version read by OCR, each page's source image and word confidences.

Revision ID: 0011_scan_pages
Revises: 0010_notices
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_scan_pages"
down_revision = "0010_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_pages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer, nullable=False),
        sa.Column("source_sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
        sa.Column("source_format", sa.String(16), nullable=False),
        sa.Column("text_start", sa.Integer, nullable=False),
        sa.Column("text_end", sa.Integer, nullable=False),
        sa.Column("words", sa.JSON, nullable=False),
        sa.Column("corrected", sa.Boolean, nullable=False),
        sa.UniqueConstraint("document_id", "version", "page", name="uq_scan_pages_document_version_page"),
    )


def downgrade() -> None:
    op.drop_table("scan_pages")
