"""The library tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

- `blobs`: original file bytes, content-addressed by SHA-256.
- `documents`: one row per document, holding the fields of its *current*
  version (indexed header fields, text, folded search text, structure JSON).
- `document_versions`: every version ever stored (a changed file of the same
  document is a new version; the same bytes twice are one version).
- `directives`: the graph nodes. A node is a directive identified by its
  symbol key (`70-KH/TU`, folded, number without leading zeros) and year
  (0 = unknown). `document_id` is set when the directive is in the library,
  NULL for a placeholder known only from citations.
- `citations`: the graph edges, each stated by one document (deleted with it).
  Both ends are kept as (symbol key, year) so the ends can be re-resolved to
  nodes whenever the library changes (ingest order never changes the graph).

Full-text search is dialect specific and lives in the migration: an FTS5 table
`documents_fts` (SQLite) over `title_folded`/`body_folded`, or a generated
`search_tsv` tsvector column with a GIN index (PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from thongsuot.storage.metadata import metadata

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("file_name", String(500), nullable=False, default=""),
    Column("format", String(16), nullable=False, default="txt"),
    Column("sha256", String(64), ForeignKey("blobs.sha256"), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("kind", String(200)),
    Column("symbol", String(120)),
    Column("symbol_key", String(120), index=True),
    Column("number", String(32)),
    Column("type_code", String(32), index=True),
    Column("issuer", String(300)),
    Column("issuer_code", String(60), index=True),
    Column("issuer_folded", String(300)),
    Column("kind_folded", String(200)),
    Column("date", Date),
    Column("year", Integer, index=True),
    Column("title", Text),
    Column("level", String(32), index=True),  # central | province | district | commune
    Column("text", Text, nullable=False, default=""),
    Column("title_folded", Text, nullable=False, default=""),
    Column("body_folded", Text, nullable=False, default=""),
    Column("structure", JSON),
    Column("owner_unit_id", String(64), index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

document_versions = Table(
    "document_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("sha256", String(64), ForeignKey("blobs.sha256"), nullable=False, unique=True),
    Column("file_name", String(500), nullable=False, default=""),
    Column("format", String(16), nullable=False, default="txt"),
    Column("symbol", String(120)),
    Column("date", Date),
    Column("title", Text),
    Column("text", Text, nullable=False, default=""),
    Column("structure", JSON),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "version", name="uq_document_versions_document_version"),
)

directives = Table(
    "directives",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sym_key", String(160), nullable=False),
    Column("year", Integer, nullable=False, default=0),
    Column("kind", String(200)),
    Column("number", String(32)),
    Column("symbol", String(120)),
    Column("issuer", String(300)),
    Column("date", Date),
    Column("cite_text", Text),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="SET NULL"), unique=True),
    UniqueConstraint("sym_key", "year", name="uq_directives_sym_key_year"),
)

citations = Table(
    "citations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("is_link", Boolean, nullable=False, default=False),
    Column("relation", String(20), nullable=False),
    Column("source_key", String(160), nullable=False),
    Column("source_year", Integer, nullable=False, default=0),
    Column("target_key", String(160), nullable=False),
    Column("target_year", Integer, nullable=False, default=0),
    Column("source_id", Integer, ForeignKey("directives.id"), index=True),
    Column("target_id", Integer, ForeignKey("directives.id"), index=True),
    Column("kind", String(200)),
    Column("number", String(32)),
    Column("symbol", String(120)),
    Column("date", Date),
    Column("issuer", String(300)),
    Column("text", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
)

Index("ix_documents_sha256", documents.c.sha256)
Index("ix_documents_date_id", documents.c.date, documents.c.id)
Index("ix_documents_file_name", documents.c.file_name)
Index("ix_citations_source_key_year", citations.c.source_key, citations.c.source_year)
Index("ix_citations_target_key_year", citations.c.target_key, citations.c.target_year)
Index("ix_citations_target_key_link_document", citations.c.target_key, citations.c.is_link, citations.c.document_id)
Index("ix_document_versions_document_id", document_versions.c.document_id)

# Pages of a document version read by OCR: which scanned file (blob) and page the image comes from, where the
# page's text lies in the version's text, and its recognised words' confidences (for the scan view). A version
# made by an officer's correction keeps the scan's page images; its corrected pages carry no word confidences.
scan_pages = Table(
    "scan_pages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("page", Integer, nullable=False),  # 1-based page (or frame) in the scanned file
    Column("source_sha256", String(64), ForeignKey("blobs.sha256"), nullable=False),
    Column("source_format", String(16), nullable=False),  # pdf | image
    Column("text_start", Integer, nullable=False),
    Column("text_end", Integer, nullable=False),
    Column("words", JSON, nullable=False),  # [[start, end, confidence], ...], offsets within the page's text
    Column("corrected", Boolean, nullable=False, default=False),  # the page's text was edited by an officer
    UniqueConstraint("document_id", "version", "page", name="uq_scan_pages_document_version_page"),
)
