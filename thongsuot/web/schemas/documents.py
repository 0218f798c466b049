"""Response models of the library: lists and search, one document, graph nodes, the lineage graph, uploads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from thongsuot.web.schemas import Out, UtcDateTime


class DocumentSummaryOut(Out):
    """What lists, search hits and links show of a document (`storage.models.DocumentSummary`)."""

    id: int
    symbol: str | None
    kind: str | None
    title: str | None
    date: dt.date | None
    year: int | None
    issuer: str | None
    issuer_code: str | None
    type_code: str | None
    level: str | None
    file_name: str
    version: int
    owner_unit_id: str | None


class QueryOut(Out):
    q: str
    kind: str
    issuer: str
    level: str
    year: int | None
    sort: str
    page: int


class ResultOut(Out):
    """A search hit (with its snippet and score) or a listed document (newest first, no snippet)."""

    id: int
    symbol: str | None
    kind: str | None
    title: str | None
    date: dt.date | None
    issuer: str | None
    url: str
    snippet: str = ""  # plain text, the hit words between « and »
    snippet_html: str = ""  # escaped HTML, the hit words in <mark>
    score: float | None = None
    year: int | None = None
    level: str | None = None
    file_name: str | None = None
    version: int | None = None
    owner_unit_id: str | None = None


class SearchPage(Out):
    query: QueryOut
    results: list[ResultOut]
    total: int | None
    total_is_lower_bound: bool
    page: int
    pages: int
    has_next: bool


class NodeOut(Out):
    """A directive node: in the library (`document_id` set) or a placeholder (`storage.models.NodeInfo`)."""

    id: int
    symbol: str | None
    kind: str | None
    date: dt.date | None
    year: int | None
    title: str | None
    issuer: str | None
    in_library: bool
    document_id: int | None
    cite_text: str | None = None


class NodeLink(Out):
    node: NodeOut
    url: str
    relation: str | None = None


class CitationOut(Out):
    relation: str
    kind: str | None
    number: str | None
    symbol: str | None
    date: dt.date | None
    issuer: str | None
    text: str | None
    is_link: bool
    node: NodeOut | None
    source: NodeOut | None = None


class VersionOut(Out):
    version: int
    file_name: str
    format: str
    created_at: UtcDateTime


class WarningOut(Out):
    code: str
    message: str  # the Vietnamese sentence (vocab/data/warnings.toml)
    params: dict[str, Any] = {}


class CheckOut(Out):
    """A value read with low confidence ("cần kiểm tra"): what it is and why, in Vietnamese."""

    label: str
    reason: str


class DocumentOut(DocumentSummaryOut):
    """One document: its fields, stored structure (the renderer's JSON), citations and lineage."""

    number: str | None
    format: str
    sha256: str
    node_id: int | None
    versions: list[VersionOut]
    structure: dict[str, Any] | None = Field(description="Cấu trúc đã đọc (JSON của rendering/document_json)")
    citations: list[CitationOut]
    implements: list[NodeLink]
    implemented_by: list[NodeLink]
    warnings: list[WarningOut]
    checks: list[CheckOut] = []


class CitingDocument(DocumentSummaryOut):
    relation: str
    url: str


class NodePage(Out):
    node: NodeOut
    citing: list[CitingDocument]
    children: list[NodeLink]


class GraphNode(Out):
    id: str
    label: str
    title: str | None
    kind: str | None
    date: dt.date | None
    issuer: str | None
    in_library: bool
    document_id: int | None
    level: str
    root: bool
    url: str


class GraphEdge(Out):
    id: str
    source: str
    target: str
    relation: str


class GraphOut(Out):
    root: str
    ref: str
    up: int
    down: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    levels: dict[str, str]


class OwnerChanged(Out):
    id: int
    owner_unit_id: str


class Deleted(Out):
    id: int
    deleted: bool


class TrackingNote(Out):
    """What putting an uploaded plan under tracking did (`plan_id` None: it could not)."""

    plan_id: int | None
    message: str
    url: str | None = None
    assignments: int | None = None
    unmatched: list[str] = []


class UploadResult(Out):
    file: str
    status: str  # stored | duplicate | new_version | error
    message: str
    document_id: int | None
    code: str | None = None  # the error's code when status is error
    version: int | None = None
    symbol: str | None = None
    title: str | None = None
    url: str | None = None
    tracking: TrackingNote | None = None
    checks: list[CheckOut] = []  # values to check ("cần kiểm tra") in what was stored


class UploadResults(Out):
    results: list[UploadResult]


class UploadStarted(Out):
    job: str
    url: str


class FileProgress(Out):
    file: str
    pages_done: int
    pages_total: int
    result: UploadResult | None


class UploadJob(Out):
    id: str
    status: str  # running | done
    files: list[FileProgress]
    results: list[UploadResult] | None


class ScanWordOut(Out):
    """One recognised word: offsets within its page's text, OCR confidence 0..1, under the threshold or not."""

    start: int
    end: int
    confidence: float
    low: bool


class ScanPageOut(Out):
    page: int
    image_url: str
    text: str
    corrected: bool
    words: list[ScanWordOut]


class ScanOut(Out):
    """The current version's scanned pages; `threshold` is the "cần kiểm tra" confidence."""

    document_id: int
    version: int
    threshold: float
    pages: list[ScanPageOut]


class Corrected(Out):
    """The new version an accepted correction made."""

    id: int
    version: int
