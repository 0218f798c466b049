"""Tracking tables (SQLAlchemy Core): the schema of migration 0004_tracking.

Builds on the accounts `units` table (code primary key) without changing it;
see `thongsuot.storage.tracking` for what each table holds and the row functions.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from thongsuot.storage.metadata import metadata

unit_details = Table(
    "unit_details",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("short_name", String(200)),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("depth", Integer, nullable=False, default=0),
)

unit_successors = Table(
    "unit_successors",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("successor_code", String(64), primary_key=True),
)

unit_closure = Table(
    "unit_closure",
    metadata,
    Column("ancestor", String(64), primary_key=True),
    Column("descendant", String(64), primary_key=True),
    Column("depth", Integer, nullable=False),
    Index("ix_unit_closure_descendant", "descendant"),
)

tracked_plans = Table(
    "tracked_plans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text, nullable=False, default=""),
    Column("symbol", String(120)),
    Column("issuer_unit", String(64), nullable=False, index=True),
    Column("issued_on", Date),
    Column("source_kind", String(32), nullable=False, default="manual"),  # draft | document | manual
    Column("source_id", Integer),
    Column("parent_plan_id", Integer, ForeignKey("tracked_plans.id")),
    Column("topics", Text, nullable=False, default="[]"),  # [{"key","title","focal"}]
    Column("created_at", DateTime, nullable=False),
)

assignments = Table(
    "assignments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", Integer, ForeignKey("tracked_plans.id", ondelete="CASCADE"), nullable=False),
    Column("unit_code", String(64), nullable=False, index=True),
    Column("source_name", Text),
    Column("duties", Text, nullable=False, default="[]"),
    Column("state", String(16), nullable=False, default="assigned"),
    Column("deadline", Date),
    Column("parent_id", Integer, ForeignKey("assignments.id")),
    Column("comment", Text),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("plan_id", "unit_code", name="uq_assignments_plan_unit"),
)

activities = Table(
    "activities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", Integer, ForeignKey("tracked_plans.id", ondelete="CASCADE"), nullable=False),
    Column("unit_code", String(64), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date),
    Column("month", Integer, nullable=False),  # yyyymm of start_date, for monthly roll-ups
    Column("channel", String(64), nullable=False),
    Column("title", Text, nullable=False, default=""),
    Column("link", Text),
    Column("note", Text),
    Column("created_by", String(64), nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
    # Covering for the raw roll-up path: subtree x date range answered from the index alone.
    Index("ix_activities_unit_date", "unit_code", "start_date", "plan_id", "channel", "month"),
    Index("ix_activities_plan_unit", "plan_id", "unit_code"),
)

activity_topics = Table(
    "activity_topics",
    metadata,
    Column("activity_id", Integer, ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
    Column("topic", String(32), primary_key=True),
)

activity_quantities = Table(
    "activity_quantities",
    metadata,
    Column("activity_id", Integer, ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
    Column("unit", String(32), primary_key=True),
    Column("amount", Float, nullable=False),
    Index("ix_activity_quantities_cover", "activity_id", "unit", "amount"),
)

evidence_files = Table(
    "evidence_files",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("activity_id", Integer, ForeignKey("activities.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("file_name", String(300), nullable=False),
    Column("content_type", String(100), nullable=False, default="application/octet-stream"),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
)

periods = Table(
    "periods",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", Integer, ForeignKey("tracked_plans.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("label", String(200), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    Column("due", Date, nullable=False),
)

period_reports = Table(
    "period_reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("period_id", Integer, ForeignKey("periods.id", ondelete="CASCADE"), nullable=False),
    Column("unit_code", String(64), nullable=False, index=True),
    Column("state", String(16), nullable=False, default="draft"),
    Column("results", Text, nullable=False, default=""),
    Column("limits", Text, nullable=False, default=""),
    Column("causes", Text, nullable=False, default=""),
    Column("proposals", Text, nullable=False, default=""),
    Column("submitted_on", Date),
    Column("comment", Text),
    Column("opened_at", DateTime),  # 0009: the superior first opened it since its last submission
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("period_id", "unit_code", name="uq_period_reports_period_unit"),
)

tracking_comments = Table(
    "tracking_comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target", String(16), nullable=False),  # assignment | report
    Column("target_id", Integer, nullable=False),
    Column("action", String(16), nullable=False),
    Column("author", String(64), nullable=False),
    Column("text", Text, nullable=False, default=""),
    Column("at", DateTime, nullable=False),
    Index("ix_tracking_comments_target", "target", "target_id"),
)

# The roll-up maintained by storage/tracking_rollup.py (see there).
rollup = Table(
    "activity_rollup",
    metadata,
    Column("ancestor", String(64), primary_key=True),
    Column("plan_id", Integer, primary_key=True),
    Column("month", Integer, primary_key=True),
    Column("dim", String(8), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("activities", Integer, nullable=False),
)

rollup_qty = Table(
    "activity_rollup_qty",
    metadata,
    Column("ancestor", String(64), primary_key=True),
    Column("plan_id", Integer, primary_key=True),
    Column("month", Integer, primary_key=True),
    Column("dim", String(8), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("unit", String(32), primary_key=True),
    Column("amount", Float, nullable=False),
    Column("entries", Integer, nullable=False),  # quantity rows summed: the row goes when it reaches 0
    Index("ix_activity_rollup_qty_lookup", "ancestor", "plan_id", "dim"),
)


# 0010: what each unit has been told (new duty, returned work, a deadline within days), once per event, and
# which of its users has read it; e-mail addresses users asked notices to be sent to.
notices = Table(
    "notices",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_code", String(64), nullable=False),
    Column("key", String(200), nullable=False),  # the event: "duty:12", "returned:report:3:<hash>", "due:period:2"
    Column("kind", String(16), nullable=False),  # duty | returned | deadline
    Column("text", Text, nullable=False),
    Column("url", String(300), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("emailed_at", DateTime),
    UniqueConstraint("unit_code", "key", name="uq_notices_unit_key"),
)

notice_reads = Table(
    "notice_reads",
    metadata,
    Column("notice_id", Integer, ForeignKey("notices.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", Integer, primary_key=True),
    Column("read_at", DateTime, nullable=False),
)

notice_emails = Table(
    "notice_emails",
    metadata,
    Column("user_id", Integer, primary_key=True),
    Column("email", String(254), nullable=False),
)

# Every table of this module, parents first (for tests and tools that empty the tracking data).
TABLES = tuple(t for t in metadata.sorted_tables if t.name in {
    "unit_details", "unit_closure", "unit_successors", "tracked_plans", "assignments", "activities",
    "activity_topics", "activity_quantities", "evidence_files", "periods", "period_reports", "tracking_comments",
    "activity_rollup", "activity_rollup_qty", "notices", "notice_reads", "notice_emails",
})
