"""Period reports remember when the superior first opened them: a unit may recall its report until then.

Revision ID: 0009_report_opened
Revises: 0008_listing_order
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_report_opened"
down_revision = "0008_listing_order"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("period_reports") as batch:
        batch.add_column(sa.Column("opened_at", sa.DateTime, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("period_reports") as batch:
        batch.drop_column("opened_at")
