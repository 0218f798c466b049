"""Drafting: plans with their versions and the provenance of each generated item.

Revision ID: 0003_plans
Revises: 0002_accounts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_plans"
down_revision = "0002_accounts"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(8), nullable=False),  # KH | HD
        sa.Column("status", sa.String(16), nullable=False, server_default="draft"),  # draft | issued
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("issuer", sa.String(300), nullable=False, server_default=""),
        sa.Column("target_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("target_level", sa.String(32), nullable=False, server_default=""),
        sa.Column("unit_code", sa.String(64), nullable=True, index=True),
        sa.Column("parent_ref", sa.String(120), nullable=True, index=True),  # 70-KH/TU
        sa.Column("parent_document_id", sa.Integer, nullable=True, index=True),
        sa.Column("symbol", sa.String(120), nullable=True),  # fixed when issued
        sa.Column("issued_date", sa.Date, nullable=True),
        sa.Column("document_id", sa.Integer, nullable=True),  # the library document once issued
        sa.Column("current_version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
    )
    op.create_table(
        "plan_versions",
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("data", sa.Text, nullable=False),  # the Plan as JSON (rendering.plan_json)
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("author", sa.String(200), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
    )
    op.create_table(
        "plan_sources",
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("item", sa.String(120), primary_key=True),  # purposes/0, focal/2/points/1 ...
        sa.Column("source_path", sa.String(200), nullable=False),  # II.1, IV.3 - 2
        sa.Column("source_start", sa.Integer, nullable=True),
        sa.Column("source_end", sa.Integer, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("plan_sources")
    op.drop_table("plan_versions")
    op.drop_table("plans")
