"""The library: blobs, documents and versions, directive nodes, citation edges, full-text search.

Revision ID: 0001_library
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_library"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(200)),
        sa.Column("symbol", sa.String(120)),
        sa.Column("symbol_key", sa.String(120)),
        sa.Column("number", sa.String(32)),
        sa.Column("type_code", sa.String(32)),
        sa.Column("issuer", sa.String(300)),
        sa.Column("issuer_code", sa.String(60)),
        sa.Column("issuer_folded", sa.String(300)),
        sa.Column("kind_folded", sa.String(200)),
        sa.Column("date", sa.Date),
        sa.Column("year", sa.Integer),
        sa.Column("title", sa.Text),
        sa.Column("level", sa.String(32)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title_folded", sa.Text, nullable=False),
        sa.Column("body_folded", sa.Text, nullable=False),
        sa.Column("structure", sa.JSON),
        sa.Column("owner_unit_id", sa.String(64)),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
    )
    for col in ("symbol_key", "type_code", "issuer_code", "year", "owner_unit_id", "sha256"):
        op.create_index(f"ix_documents_{col}", "documents", [col])
    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False, unique=True),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("symbol", sa.String(120)),
        sa.Column("date", sa.Date),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("structure", sa.JSON),
        sa.Column("created_at", _TS, nullable=False),
        sa.UniqueConstraint("document_id", "version", name="uq_document_versions_document_version"),
    )
    op.create_index("ix_document_versions_document_id", "document_versions", ["document_id"])
    op.create_table(
        "directives",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sym_key", sa.String(160), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(200)),
        sa.Column("number", sa.String(32)),
        sa.Column("symbol", sa.String(120)),
        sa.Column("issuer", sa.String(300)),
        sa.Column("date", sa.Date),
        sa.Column("cite_text", sa.Text),
        sa.Column(
            "document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="SET NULL"), unique=True
        ),
        sa.UniqueConstraint("sym_key", "year", name="uq_directives_sym_key_year"),
    )
    op.create_table(
        "citations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("is_link", sa.Boolean, nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("source_key", sa.String(160), nullable=False),
        sa.Column("source_year", sa.Integer, nullable=False),
        sa.Column("target_key", sa.String(160), nullable=False),
        sa.Column("target_year", sa.Integer, nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("directives.id")),
        sa.Column("target_id", sa.Integer, sa.ForeignKey("directives.id")),
        sa.Column("kind", sa.String(200)),
        sa.Column("number", sa.String(32)),
        sa.Column("symbol", sa.String(120)),
        sa.Column("date", sa.Date),
        sa.Column("issuer", sa.String(300)),
        sa.Column("text", sa.Text),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
    )
    for col in ("document_id", "source_id", "target_id"):
        op.create_index(f"ix_citations_{col}", "citations", [col])
    op.create_index("ix_citations_source_key_year", "citations", ["source_key", "source_year"])
    op.create_index("ix_citations_target_key_year", "citations", ["target_key", "target_year"])

    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE documents ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('simple', title_folded), 'A') || "
            "setweight(to_tsvector('simple', body_folded), 'B')) STORED"
        )
        op.execute("CREATE INDEX ix_documents_search_tsv ON documents USING gin (search_tsv)")
    else:
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title_folded, body_folded, "
            "content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(rowid, title_folded, body_folded) "
            "VALUES (new.id, new.title_folded, new.body_folded); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title_folded, body_folded) "
            "VALUES ('delete', old.id, old.title_folded, old.body_folded); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title_folded, body_folded ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title_folded, body_folded) "
            "VALUES ('delete', old.id, old.title_folded, old.body_folded); "
            "INSERT INTO documents_fts(rowid, title_folded, body_folded) "
            "VALUES (new.id, new.title_folded, new.body_folded); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for trig in ("documents_fts_ai", "documents_fts_ad", "documents_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trig}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("citations", "directives", "document_versions", "documents", "blobs"):
        op.drop_table(table)
