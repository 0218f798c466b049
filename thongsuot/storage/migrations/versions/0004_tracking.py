"""Tracking: unit details/successors/closure, tracked plans, assignments, activities, periods, reports, roll-up.

Revision ID: 0004_tracking
Revises: 0003_plans
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_tracking"
down_revision = "0003_plans"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_details",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("short_name", sa.String(200)),
        sa.Column("aliases", sa.Text, nullable=False, server_default="[]"),
        sa.Column("depth", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "unit_successors",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("successor_code", sa.String(64), primary_key=True),
    )
    op.create_table(
        "unit_closure",
        sa.Column("ancestor", sa.String(64), primary_key=True),
        sa.Column("descendant", sa.String(64), primary_key=True),
        sa.Column("depth", sa.Integer, nullable=False),
    )
    op.create_index("ix_unit_closure_descendant", "unit_closure", ["descendant"])
    op.create_table(
        "tracked_plans",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("symbol", sa.String(120)),
        sa.Column("issuer_unit", sa.String(64), nullable=False, index=True),
        sa.Column("issued_on", sa.Date),
        sa.Column("source_kind", sa.String(32), nullable=False, server_default="manual"),
        sa.Column("source_id", sa.Integer),
        sa.Column("parent_plan_id", sa.Integer, sa.ForeignKey("tracked_plans.id")),
        sa.Column("topics", sa.Text, nullable=False, server_default="[]"),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("tracked_plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("unit_code", sa.String(64), nullable=False, index=True),
        sa.Column("source_name", sa.Text),
        sa.Column("duties", sa.Text, nullable=False, server_default="[]"),
        sa.Column("state", sa.String(16), nullable=False, server_default="assigned"),
        sa.Column("deadline", sa.Date),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("assignments.id")),
        sa.Column("comment", sa.Text),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("plan_id", "unit_code", name="uq_assignments_plan_unit"),
    )
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("tracked_plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("unit_code", sa.String(64), nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date),
        sa.Column("month", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("link", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("created_by", sa.String(64), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_activities_unit_date", "activities", ["unit_code", "start_date", "plan_id", "channel", "month"])
    op.create_index("ix_activities_plan_unit", "activities", ["plan_id", "unit_code"])
    op.create_table(
        "activity_topics",
        sa.Column("activity_id", sa.Integer, sa.ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("topic", sa.String(32), primary_key=True),
    )
    op.create_table(
        "activity_quantities",
        sa.Column("activity_id", sa.Integer, sa.ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("unit", sa.String(32), primary_key=True),
        sa.Column("amount", sa.Float, nullable=False),
    )
    op.create_index("ix_activity_quantities_cover", "activity_quantities", ["activity_id", "unit", "amount"])
    op.create_table(
        "evidence_files",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("activity_id", sa.Integer, sa.ForeignKey("activities.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("content_type", sa.String(100), nullable=False, server_default="application/octet-stream"),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
    )
    op.create_table(
        "periods",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("tracked_plans.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("due", sa.Date, nullable=False),
    )
    op.create_table(
        "period_reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("period_id", sa.Integer, sa.ForeignKey("periods.id", ondelete="CASCADE"), nullable=False),
        sa.Column("unit_code", sa.String(64), nullable=False, index=True),
        sa.Column("state", sa.String(16), nullable=False, server_default="draft"),
        sa.Column("results", sa.Text, nullable=False, server_default=""),
        sa.Column("limits", sa.Text, nullable=False, server_default=""),
        sa.Column("causes", sa.Text, nullable=False, server_default=""),
        sa.Column("proposals", sa.Text, nullable=False, server_default=""),
        sa.Column("submitted_on", sa.Date),
        sa.Column("comment", sa.Text),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("period_id", "unit_code", name="uq_period_reports_period_unit"),
    )
    op.create_table(
        "tracking_comments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("target", sa.String(16), nullable=False),
        sa.Column("target_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_tracking_comments_target", "tracking_comments", ["target", "target_id"])
    op.create_table(
        "activity_rollup",
        sa.Column("ancestor", sa.String(64), primary_key=True),
        sa.Column("plan_id", sa.Integer, primary_key=True),
        sa.Column("month", sa.Integer, primary_key=True),
        sa.Column("dim", sa.String(8), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("activities", sa.Integer, nullable=False),
    )
    op.create_table(
        "activity_rollup_qty",
        sa.Column("ancestor", sa.String(64), primary_key=True),
        sa.Column("plan_id", sa.Integer, primary_key=True),
        sa.Column("month", sa.Integer, primary_key=True),
        sa.Column("dim", sa.String(8), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("unit", sa.String(32), primary_key=True),
        sa.Column("amount", sa.Float, nullable=False),
        sa.Column("entries", sa.Integer, nullable=False),
    )
    op.create_index("ix_activity_rollup_qty_lookup", "activity_rollup_qty", ["ancestor", "plan_id", "dim"])


def downgrade() -> None:
    for name in ("activity_rollup_qty", "activity_rollup", "tracking_comments", "period_reports", "periods", "evidence_files", "activity_quantities",
                 "activity_topics", "activities", "assignments", "tracked_plans", "unit_closure",
                 "unit_successors", "unit_details"):
        op.drop_table(name)
