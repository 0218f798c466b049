"""Reading the library: documents, listings, nodes, citations, "implemented by", REF resolution."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select

from thongsuot.errors import InputError, NotFound
from thongsuot.storage.keys import db_id, fold_plain, split_ref
from thongsuot.storage.models import (
    CitationInfo,
    DocumentRecord,
    DocumentSummary,
    NodeInfo,
    VersionInfo,
)
from thongsuot.storage.tables import citations, directives, document_versions, documents
from thongsuot.vocab.words import message

LINEAGE = ("implements", "attached_to")

SUMMARY_COLUMNS = (
    documents.c.id, documents.c.symbol, documents.c.kind, documents.c.title, documents.c.date,
    documents.c.year, documents.c.issuer, documents.c.issuer_code, documents.c.type_code,
    documents.c.level, documents.c.file_name, documents.c.version, documents.c.owner_unit_id,
)


def summary_from_row(row: Any) -> DocumentSummary:
    m = row._mapping if hasattr(row, "_mapping") else row
    return DocumentSummary(**{c.name: m[c.name] for c in SUMMARY_COLUMNS})


# What a document page reads: never the folded search columns (as long as the text) nor a version's text/structure.
_RECORD_COLUMNS = (*SUMMARY_COLUMNS, documents.c.number, documents.c.format, documents.c.sha256, documents.c.text,
                   documents.c.structure, documents.c.created_at, documents.c.updated_at)
_VERSION_COLUMNS = (document_versions.c.version, document_versions.c.sha256, document_versions.c.file_name,
                    document_versions.c.format, document_versions.c.created_at)


def get_document(session: Connection, document_id: int) -> DocumentRecord:
    row = session.execute(select(*_RECORD_COLUMNS).where(documents.c.id == document_id)).mappings().first()
    if row is None:
        raise NotFound(message("storage.document_not_found", document_id=document_id))
    versions = tuple(
        VersionInfo(r.version, r.sha256, r.file_name, r.format, r.created_at)
        for r in session.execute(
            select(*_VERSION_COLUMNS).where(document_versions.c.document_id == document_id).order_by(
                document_versions.c.version
            )
        )
    )
    node_id = session.execute(select(directives.c.id).where(directives.c.document_id == document_id)).scalar()
    return DocumentRecord(
        summary=summary_from_row(row), number=row["number"], format=row["format"], sha256=row["sha256"],
        text=row["text"], structure=row["structure"], node_id=node_id, versions=versions,
        created_at=row["created_at"], updated_at=row["updated_at"],
    )


def get_original(session: Connection, document_id: int, version: int | None = None) -> tuple[str, bytes]:
    """(file name, original bytes) of the current or a given version."""
    from thongsuot.storage.tables import blobs

    q = select(document_versions.c.file_name, blobs.c.data).join(
        blobs, blobs.c.sha256 == document_versions.c.sha256
    ).where(document_versions.c.document_id == document_id)
    q = q.where(document_versions.c.version == version) if version else q.order_by(document_versions.c.version.desc())
    row = session.execute(q.limit(1)).first()
    if row is None:
        raise NotFound(message("storage.document_not_found", document_id=document_id))
    return str(row[0]), bytes(row[1])


def apply_filters(
    q: Select[Any],
    *,
    kind: str | None = None,
    issuer: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    owner_unit_ids: Iterable[str] | None = None,
    level: str | None = None,
) -> Select[Any]:
    """Filters shared by listing and search: kind word or type code, issuer words or code, level, years, units."""
    if kind:
        folded = fold_plain(kind)
        q = q.where(or_(documents.c.kind_folded == folded, func.upper(documents.c.type_code) == kind.upper()))
    if issuer and issuer.startswith("="):  # a facet's value: exactly this issuer, as the facet counted it
        q = q.where(documents.c.issuer_folded == fold_plain(issuer[1:]))
    elif issuer:
        folded = fold_plain(issuer)
        q = q.where(
            or_(documents.c.issuer_folded.like(f"%{folded}%"), func.upper(documents.c.issuer_code) == issuer.upper())
        )
    if level:
        q = q.where(documents.c.level == level)
    if year_from is not None:
        q = q.where(documents.c.year >= year_from)
    if year_to is not None:
        q = q.where(documents.c.year <= year_to)
    if owner_unit_ids is not None:
        q = q.where(documents.c.owner_unit_id.in_(list(owner_unit_ids)))
    return q


def list_documents(
    session: Connection,
    *,
    kind: str | None = None,
    issuer: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    owner_unit_ids: Iterable[str] | None = None,
    level: str | None = None,
    sort: str = "date",
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[DocumentSummary], int]:
    """A page of documents and the total count; sort by `date` (newest first), `title` or `id`."""
    base = apply_filters(
        select(*SUMMARY_COLUMNS), kind=kind, issuer=issuer, year_from=year_from, year_to=year_to,
        owner_unit_ids=owner_unit_ids, level=level,
    )
    counted = apply_filters(
        select(func.count()).select_from(documents), kind=kind, issuer=issuer, year_from=year_from,
        year_to=year_to, owner_unit_ids=owner_unit_ids, level=level,
    )
    total = int(session.execute(counted).scalar_one())
    order = {
        "date": (documents.c.date.desc().nulls_last(), documents.c.id.desc()),
        "title": (documents.c.title, documents.c.id),
        "id": (documents.c.id,),
    }.get(sort, (documents.c.id,))
    rows = session.execute(base.order_by(*order).limit(limit).offset(offset))
    return [summary_from_row(r) for r in rows], total


def _node_query() -> Select[Any]:
    return select(
        directives.c.id, directives.c.symbol, directives.c.kind, directives.c.date, directives.c.year,
        documents.c.title, directives.c.issuer, directives.c.document_id, directives.c.cite_text,
        documents.c.symbol.label("doc_symbol"), documents.c.kind.label("doc_kind"),
        documents.c.issuer.label("doc_issuer"), documents.c.date.label("doc_date"),
    ).outerjoin(documents, documents.c.id == directives.c.document_id)


def node_from_row(r: Any) -> NodeInfo:
    m = r._mapping
    return NodeInfo(
        id=m["id"], symbol=m["doc_symbol"] or m["symbol"], kind=m["doc_kind"] or m["kind"],
        date=m["doc_date"] or m["date"], year=m["year"] or None, title=m["title"],
        issuer=m["doc_issuer"] or m["issuer"], document_id=m["document_id"], cite_text=m["cite_text"],
    )


def get_nodes(session: Connection, ids: Iterable[int]) -> dict[int, NodeInfo]:
    ids = sorted(set(ids))
    out: dict[int, NodeInfo] = {}
    for chunk in range(0, len(ids), 500):
        for r in session.execute(_node_query().where(directives.c.id.in_(ids[chunk : chunk + 500]))):
            out[r.id] = node_from_row(r)
    return out


def get_node(session: Connection, node_id: int) -> NodeInfo:
    nodes = get_nodes(session, [node_id])
    if node_id not in nodes:
        raise NotFound(f"Không tìm thấy nút {node_id}")
    return nodes[node_id]


def resolve_ref(session: Connection, ref: str) -> NodeInfo:
    """A node from REF: a document id (`12`), a node id (`node:7`), `70-KH/TU` or `18-NQ/TW@2017`.

    A bare symbol shared by several years resolves to the one in the library
    when only one is; otherwise it is ambiguous and the error lists the choices.
    """
    ref = ref.strip()
    if ref.isdigit():  # any digits: ASCII ones within range name a document, others name nothing
        document_id = db_id(ref)
        row = None if document_id is None else session.execute(
            _node_query().where(directives.c.document_id == document_id)).first()
        if row is None:
            raise NotFound(f"Không tìm thấy văn bản {ref}")
        return node_from_row(row)
    m = re.fullmatch(r"node:(\w+)", ref)
    if m and m.group(1).isdigit():
        node_id = db_id(m.group(1))
        if node_id is None:
            raise NotFound(f"Không tìm thấy nút {m.group(1)}")
        return get_node(session, node_id)
    parsed = split_ref(ref)
    if parsed is None:
        raise InputError(f"Không hiểu tham chiếu '{ref}' (ví dụ: 70-KH/TU, 18-NQ/TW@2017, hoặc mã văn bản)")
    key, year = parsed
    q = _node_query().where(directives.c.sym_key == key)
    if year is not None:
        q = q.where(or_(directives.c.year == year, and_(directives.c.year == 0, documents.c.year == year)))
    rows = [node_from_row(r) for r in session.execute(q.order_by(directives.c.year))]
    if not rows:
        raise NotFound(f"Không tìm thấy văn bản {ref}")
    if len(rows) == 1:
        return rows[0]
    in_lib = [n for n in rows if n.in_library]
    if len(in_lib) == 1:
        return in_lib[0]
    choices = [f"{n.symbol or key}@{n.year}" if n.year else f"node:{n.id}" for n in rows]
    raise InputError(f"Tham chiếu '{ref}' chưa rõ, chọn một trong: {', '.join(choices)}", detail=choices)


def citations_of(session: Connection, document_id: int) -> list[CitationInfo]:
    """Every citation a document states (and the chains it states), with the nodes they resolved to."""
    rows = session.execute(
        select(citations).where(citations.c.document_id == document_id).order_by(citations.c.id)
    ).mappings().all()
    nodes = get_nodes(session, [r["target_id"] for r in rows] + [r["source_id"] for r in rows])
    return [
        CitationInfo(
            relation=r["relation"], kind=r["kind"], number=r["number"], symbol=r["symbol"], date=r["date"],
            issuer=r["issuer"], text=r["text"], node=nodes.get(r["target_id"]),
            source=nodes.get(r["source_id"]) if r["is_link"] else None, is_link=r["is_link"],
        )
        for r in rows
    ]


def implemented_by(session: Connection, node_id: int, relations: tuple[str, ...] = LINEAGE) -> list[NodeInfo]:
    """The nodes whose edges point at `node_id` with a lineage relation (direct children)."""
    ids = session.scalars(
        select(citations.c.source_id).where(
            citations.c.target_id == node_id, citations.c.relation.in_(relations)
        ).distinct()
    ).all()
    nodes = get_nodes(session, [i for i in ids if i is not None])
    return sorted(nodes.values(), key=lambda n: (n.date is None, n.date, n.id))


def placeholders(session: Connection, *, limit: int = 50, offset: int = 0) -> tuple[list[tuple[NodeInfo, int]], int]:
    """Directives cited but not in the library, most cited first, with their citation counts."""
    cnt = func.count(citations.c.id)
    q = (
        select(directives.c.id, cnt.label("n"))
        .join(citations, citations.c.target_id == directives.c.id)
        .where(directives.c.document_id.is_(None))
        .group_by(directives.c.id)
    )
    total = int(session.execute(select(func.count()).select_from(q.subquery())).scalar_one())
    rows = session.execute(q.order_by(cnt.desc(), directives.c.id).limit(limit).offset(offset)).all()
    nodes = get_nodes(session, [r[0] for r in rows])
    return [(nodes[r[0]], int(r[1])) for r in rows], total


def citing_documents(session: Connection, node_id: int) -> list[tuple[DocumentSummary, str]]:
    """Documents that cite `node_id`, each with the relation it uses."""
    q = (
        select(*SUMMARY_COLUMNS, citations.c.relation)
        .join(citations, citations.c.document_id == documents.c.id)
        .where(citations.c.target_id == node_id, citations.c.is_link.is_(False))
        .order_by(documents.c.date.desc().nulls_last(), documents.c.id)
    )
    return [(summary_from_row(r), r.relation) for r in session.execute(q)]


def dict_of(node: NodeInfo) -> dict[str, Any]:
    return node.to_dict()


def document_facets(engine: Any, filters: dict[str, Any] | None = None,
                    within: Select[Any] | None = None) -> dict[str, list[tuple[str, str, int]]]:
    """Values offered by the library filters, each (value, label, count), most frequent first.

    Counted by the same filter the list applies (`apply_filters`), with the
    other filters in force, so "Hướng dẫn (2)" lists two documents: kinds by
    the folded type word (a document without a type code counts too), issuers
    by the folded issuer name (value "=name", the exact-issuer filter), levels,
    years (newest first). `within` (a select of document ids: a search's
    matches, see search.search_facets) limits the count to the listed documents.
    """
    active = {k: v for k, v in (filters or {}).items() if v not in (None, "")}

    def grouped(key_col: Any, label_col: Any, own: tuple[str, ...], prefix: str = "") -> list[tuple[str, str, int]]:
        q = select(func.max(label_col), func.count()).where(key_col.is_not(None))
        q = apply_filters(q, **{k: v for k, v in active.items() if k not in own})
        if within is not None:
            q = q.where(documents.c.id.in_(within))
        q = q.group_by(key_col).order_by(func.count().desc(), func.max(label_col))
        with engine.connect() as conn:
            return [(f"{prefix}{label}", str(label), int(n)) for label, n in conn.execute(q)]

    years = sorted(grouped(documents.c.year, documents.c.year, ("year_from", "year_to")),
                   key=lambda t: t[0], reverse=True)
    return {
        "kinds": grouped(documents.c.kind_folded, documents.c.kind, ("kind",)),
        "issuers": grouped(documents.c.issuer_folded, documents.c.issuer, ("issuer",), prefix="="),
        "levels": grouped(documents.c.level, documents.c.level, ("level",)),
        "years": years,
    }
