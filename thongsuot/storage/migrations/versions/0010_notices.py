"""Notifications: notices per unit (once per event), who read them, where to e-mail them.

Revision ID: 0010_notices
Revises: 0009_report_opened
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_notices"
down_revision = "0009_report_opened"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("unit_code", sa.String(64), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("url", sa.String(300), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("emailed_at", sa.DateTime),
        sa.UniqueConstraint("unit_code", "key", name="uq_notices_unit_key"),
    )
    op.create_table(
        "notice_reads",
        sa.Column("notice_id", sa.Integer, sa.ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("user_id", sa.Integer, primary_key=True),
        sa.Column("read_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "notice_emails",
        sa.Column("user_id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(254), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("notice_emails")
    op.drop_table("notice_reads")
    op.drop_table("notices")
