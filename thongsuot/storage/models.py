"""Plain records the storage API returns (no SQLAlchemy objects leak out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class StoreStatus(StrEnum):
    STORED = "stored"  # a new document
    DUPLICATE = "duplicate"  # these exact bytes are already in the library
    NEW_VERSION = "new_version"  # a changed file of a document already in the library


@dataclass(frozen=True)
class StoreResult:
    document_id: int
    status: StoreStatus
    version: int


@dataclass(frozen=True)
class DocumentSummary:
    """What lists, search hits and graph nodes show of a document."""

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

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        return out


@dataclass(frozen=True)
class DocumentRecord:
    """One document in full: summary, text, parsed structure and versions."""

    summary: DocumentSummary
    number: str | None
    format: str
    sha256: str
    text: str
    structure: dict[str, Any] | None
    node_id: int | None
    versions: tuple[VersionInfo, ...] = ()
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def id(self) -> int:
        return self.summary.id


@dataclass(frozen=True)
class VersionInfo:
    version: int
    sha256: str
    file_name: str
    format: str
    created_at: dt.datetime


@dataclass(frozen=True)
class NodeInfo:
    """A directive node: in the library (`document_id` set) or a placeholder."""

    id: int
    symbol: str | None
    kind: str | None
    date: dt.date | None
    year: int | None
    title: str | None
    issuer: str | None
    document_id: int | None
    cite_text: str | None = None

    @property
    def in_library(self) -> bool:
        return self.document_id is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "symbol": self.symbol,
            "kind": self.kind,
            "date": self.date.isoformat() if self.date else None,
            "year": self.year,
            "title": self.title,
            "issuer": self.issuer,
            "in_library": self.in_library,
            "document_id": self.document_id,
            "cite_text": self.cite_text,
        }


@dataclass(frozen=True)
class CitationInfo:
    """One citation of a document, with the node it resolved to."""

    relation: str
    kind: str | None
    number: str | None
    symbol: str | None
    date: dt.date | None
    issuer: str | None
    text: str | None
    node: NodeInfo | None
    source: NodeInfo | None = None  # for stated chains: the citing end
    is_link: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "kind": self.kind,
            "number": self.number,
            "symbol": self.symbol,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "text": self.text,
            "is_link": self.is_link,
            "node": self.node.to_dict() if self.node else None,
            "source": self.source.to_dict() if self.source else None,
        }


@dataclass(frozen=True, order=True)
class Edge:
    source: int
    target: int
    relation: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "relation": self.relation}


@dataclass(frozen=True)
class Graph:
    """Nodes and edges of a lineage query; `root` is the node asked about."""

    root: int
    nodes: tuple[NodeInfo, ...]
    edges: tuple[Edge, ...]
    depths: dict[int, int] = field(default_factory=dict)  # node id -> signed distance (up < 0 < down)

    def to_dict(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
        }


@dataclass(frozen=True)
class SearchHit:
    id: int
    symbol: str | None
    kind: str | None
    title: str | None
    date: dt.date | None
    issuer: str | None
    score: float
    snippet: str  # plain text, the hit words between « and »
    snippet_html: str  # escaped HTML, the hit words in <mark>

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        return out
