"""`Library`: the documents API the CLI and the web app use (one transaction per call).

    from thongsuot.storage import open_library
    lib = open_library(url)                      # upgrades the schema first
    res = lib.store(parsed, data, file_name="kh70.docx", owner_unit_id="TU")
    res.document_id, res.status                  # StoreStatus.STORED / DUPLICATE / NEW_VERSION
    lib.get(res.document_id)                     # DocumentRecord (text, structure, versions)
    lib.resolve("18-NQ/TW@2017")                 # NodeInfo (document id, node id, symbol[@year])
    lib.search("nghi quyet 28", SearchFilters(kind="KH", year_from=2022), limit=20)
    lib.search_count("nghi quyet 28", SearchFilters(level=Level.PROVINCE))   # total hits
    lib.graph("70-KH/TU", direction="down", depth=3)   # Graph(nodes, edges)
    lib.citations(doc_id); lib.implemented_by(node_id); lib.placeholders()
    lib.delete(doc_id); lib.list_documents(kind="KH", year_from=2022)

Every call goes through the library's unit of work (`storage/unit_of_work.py`):
`open_library(url)` makes each call its own transaction; `lib.joined(conn)`
is the same library inside a transaction the caller opened (a request or a
CLI command that also tracks and audits), so everything commits together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, func, select, update

from thongsuot.domain.document import ParsedDocument
from thongsuot.errors import NotFound
from thongsuot.storage import corrections, queries, scans
from thongsuot.storage import documents as repo
from thongsuot.storage import graph as graph_q
from thongsuot.storage import search as search_q
from thongsuot.storage.db import Database, open_database
from thongsuot.storage.models import (
    CitationInfo,
    DocumentRecord,
    DocumentSummary,
    Graph,
    NodeInfo,
    SearchHit,
    StoreResult,
)
from thongsuot.storage.search import SearchFilters
from thongsuot.storage.tables import blobs, document_versions, documents
from thongsuot.storage.unit_of_work import EngineWork, JoinedWork, UnitOfWork


class Library:
    """The documents service over a unit of work (its own per call unless `joined`)."""

    def __init__(self, db: Database, work: UnitOfWork | None = None) -> None:
        self.db = db
        self.work: UnitOfWork = work if work is not None else EngineWork(db.engine)

    def joined(self, conn: Connection) -> Library:
        """This library inside the caller's open transaction: nothing commits until the caller does."""
        return Library(self.db, JoinedWork(conn))

    def within(self, work: UnitOfWork) -> Library:
        """This library over another unit of work."""
        return Library(self.db, work)

    def close(self) -> None:
        self.db.close()

    # --- writing ---------------------------------------------------------------------------
    def store(
        self,
        parsed: ParsedDocument,
        data: bytes,
        *,
        file_name: str = "",
        fmt: str | None = None,
        owner_unit_id: str | None = None,
        structure: dict[str, Any] | None = None,
        level: str | None = None,
        may_replace: Callable[[int, str | None], None] | None = None,
    ) -> StoreResult:
        """Store one document all-or-nothing; see `storage.documents` for the identity and owner rules."""
        with self.work.write() as s:
            return repo.store_document(
                s, parsed, data, file_name=file_name, fmt=fmt, owner_unit_id=owner_unit_id,
                structure=structure, level=level, may_replace=may_replace,
            )

    def refresh_statistics(self) -> None:
        """Refresh the query planner's statistics (after a bulk load; ingest calls it).

        Without them SQLite picks an index by shape alone (e.g. `year` instead of
        `symbol_key`) and PostgreSQL guesses full-text selectivity, which at
        100,000 documents is the difference between an index probe and a scan.
        SQLite samples at most 1,000 rows per index, so this stays quick.
        """
        with self.work.write() as conn:
            if self.db.dialect == "sqlite":
                conn.exec_driver_sql("PRAGMA analysis_limit=1000")
                conn.exec_driver_sql("ANALYZE")
            else:
                conn.exec_driver_sql("ANALYZE documents, citations, directives, document_versions")

    def delete(self, document_id: int) -> None:
        with self.work.write() as s:
            repo.delete_document(s, document_id)

    def set_owner(self, document_id: int, owner_unit_id: str | None) -> None:
        with self.work.write() as s:
            s.execute(update(documents).where(documents.c.id == document_id).values(owner_unit_id=owner_unit_id))

    def correct_scan(
        self, document_id: int, opened_version: int, page_texts: Sequence[str], actor: corrections.Actor
    ) -> StoreResult:
        """An officer's corrected pages as a new version, re-parsed and audited in one write transaction.

        The write lock is taken first (SQLite `BEGIN IMMEDIATE`; a row lock on PostgreSQL), so of two
        corrections of the same version one is stored and the other is refused as stale.
        """
        with self.work.write() as s:
            return corrections.correct_scan(s, document_id, opened_version, page_texts, actor)

    def has_sha256(self, sha256: str) -> int | None:
        """The document holding these exact bytes, if any (lets ingest skip parsing duplicates)."""
        with self.work.read() as s:
            return s.scalar(select(document_versions.c.document_id).where(document_versions.c.sha256 == sha256))

    # --- reading ---------------------------------------------------------------------------
    def get(self, document_id: int) -> DocumentRecord:
        with self.work.read() as s:
            return queries.get_document(s, document_id)

    def original(self, document_id: int, version: int | None = None) -> tuple[str, bytes]:
        with self.work.read() as s:
            return queries.get_original(s, document_id, version)

    def scan_pages(self, document_id: int, version: int) -> list[scans.ScanPage]:
        """The recognised pages of a version (empty unless it was read by OCR)."""
        with self.work.read() as s:
            return scans.pages_of(s, document_id, version)

    def blob(self, sha256: str) -> bytes:
        with self.work.read() as s:
            data = s.scalar(select(blobs.c.data).where(blobs.c.sha256 == sha256))
        if data is None:
            raise NotFound(f"Không tìm thấy tệp {sha256[:12]}.")
        return bytes(data)

    def list_documents(self, *, limit: int = 50, offset: int = 0, sort: str = "date", **filters: Any) -> tuple[list[DocumentSummary], int]:
        """A page of documents plus the total; filters: kind, issuer, level, year_from, year_to, owner_unit_ids."""
        with self.work.read() as s:
            return queries.list_documents(s, limit=limit, offset=offset, sort=sort, **filters)

    def count(self) -> int:
        with self.work.read() as s:
            return int(s.scalar(select(func.count()).select_from(documents)) or 0)

    def resolve(self, ref: str) -> NodeInfo:
        with self.work.read() as s:
            return queries.resolve_ref(s, ref)

    def node(self, node_id: int) -> NodeInfo:
        with self.work.read() as s:
            return queries.get_node(s, node_id)

    def citations(self, document_id: int) -> list[CitationInfo]:
        with self.work.read() as s:
            return queries.citations_of(s, document_id)

    def implemented_by(self, node_id: int, *, mentions: bool = False) -> list[NodeInfo]:
        rel = (*queries.LINEAGE, "mentions") if mentions else queries.LINEAGE
        with self.work.read() as s:
            return queries.implemented_by(s, node_id, rel)

    def citing_documents(self, node_id: int) -> list[tuple[DocumentSummary, str]]:
        with self.work.read() as s:
            return queries.citing_documents(s, node_id)

    def placeholders(self, *, limit: int = 50, offset: int = 0) -> tuple[list[tuple[NodeInfo, int]], int]:
        with self.work.read() as s:
            return queries.placeholders(s, limit=limit, offset=offset)

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        *,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
    ) -> list[SearchHit]:
        with self.work.read() as s:
            return search_q.search(s, query, filters, limit=limit, offset=offset, sort=sort)

    def search_count(self, query: str, filters: SearchFilters | None = None, *, cap: int | None = None) -> int:
        """The number of hits of `query` over all pages (at most `cap`; a separate query from `search`)."""
        with self.work.read() as s:
            return search_q.count_hits(s, query, filters, cap=cap)

    def graph(
        self,
        ref: str | int,
        *,
        direction: str = "both",
        depth: int | None = None,
        mentions: bool = False,
    ) -> Graph:
        with self.work.read() as s:
            return graph_q.lineage(s, ref, direction=direction, depth=depth, mentions=mentions)

    def owners(self, ids: Iterable[int]) -> dict[int, str | None]:
        with self.work.read() as s:
            rows = s.execute(select(documents.c.id, documents.c.owner_unit_id).where(documents.c.id.in_(list(ids))))
            return {int(i): o for i, o in rows}


def open_library(url: str | None = None, *, migrate: bool = True) -> Library:
    return Library(open_database(url, migrate=migrate))
