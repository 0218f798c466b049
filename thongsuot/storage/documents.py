"""The documents repository: store a parsed document with its bytes, read, list, delete.

Functions take an open `Connection` inside a transaction (a unit of work's `write()`),
so a caller can store one document all-or-nothing. Identity rules:
- the same bytes (SHA-256) are one document (`StoreStatus.DUPLICATE`);
- a changed file of a document is a new version of it when its own symbol
  key matches (and the years agree or one is unknown), else when the file
  name matches and at most one side has a symbol;
- otherwise it is a new document.
A new version keeps the document's owner: the uploader's unit never replaces
it. Callers that act for a user pass `may_replace`, which sees the existing
document's id and owner and raises when that user may not add a version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update

from thongsuot.domain.document import ParsedDocument
from thongsuot.errors import NotFound
from thongsuot.rendering.document_json import document_to_contract
from thongsuot.storage import linking, scans
from thongsuot.storage.keys import fold_plain, search_tokens, symbol_key
from thongsuot.storage.models import StoreResult, StoreStatus
from thongsuot.storage.tables import blobs, citations, directives, document_versions, documents
from thongsuot.vocab.levels import level_of_code, level_of_name
from thongsuot.vocab.words import message


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def default_structure(doc: ParsedDocument) -> dict[str, Any]:
    """The parsed structure as stored: the renderer's full contract, section tree included.

    Pages rebuild the document from it (`document_from_dict`) instead of parsing
    the text again; rows stored before it held the tree are parsed again once per
    cache entry (web/library.py `load_parsed`).
    """
    return document_to_contract(doc)


def document_level(issuer_code: str | None, issuer: str | None) -> str | None:
    """central | province | district | commune: from the symbol's issuer code, else the issuer's name.

    The code suffix is the convention (/TW, /TU, /HU, /ĐU; a trailing unit
    number is ignored); the name is the fallback for documents whose symbol was
    not read. Both rules live in vocab/levels.py (one Level for the whole package).
    """
    level = level_of_code(issuer_code) or level_of_name(issuer)
    return level.value if level else None


def doc_node_key(own_key: str | None, document_id: int) -> str:
    """Documents without a readable symbol still get a node of their own."""
    return own_key or f"DOC:{document_id}"


def _citation_key(number: str | None, symbol: str | None, kind: str | None, issuer: str | None) -> str | None:
    key = symbol_key(number, symbol)
    if key is None or symbol:
        return key
    # cited by number alone ("Chỉ thị 05 của Bộ Chính trị"): kind and issuer complete the key
    return f"{key}|{search_tokens(kind)}|{search_tokens(issuer)}"


def _year_of(date: dt.date | None, key: str | None) -> int:
    if date is not None:
        return date.year
    if key and len(key) > 5 and key.split("/")[1:2] and key.split("/")[1].isdigit():
        return int(key.split("/")[1])  # state style 30/2020/NĐ-CP carries its year
    return 0


def _find_identity(session: Connection, own_key: str | None, year: int | None, file_name: str) -> int | None:
    """The document a new file is a version of (module doc); one indexed read for both rules."""
    conds = [documents.c.symbol_key == own_key] if own_key else []
    if file_name:
        conds.append(documents.c.file_name == file_name)
    if not conds:
        return None
    rows = session.execute(
        select(documents.c.id, documents.c.year, documents.c.symbol_key, documents.c.file_name)
        .where(or_(*conds))
        .order_by(documents.c.id)
    ).all()
    if own_key:
        by_key = [(int(i), y) for i, y, key, _f in rows if key == own_key]
        for doc_id, y in by_key:
            if y == year:
                return doc_id
        for doc_id, y in by_key:
            if y is None or year is None:
                return doc_id
    if file_name:
        for doc_id, _y, key, fname in rows:
            if fname == file_name and (key is None or own_key is None):
                return int(doc_id)
    return None


# Statements built once: the per-document work is then binding values, not building SQL.
_FIND_SHA = select(document_versions.c.document_id, document_versions.c.version).where(
    document_versions.c.sha256 == bindparam("sha")
)
_HAS_BLOB = select(blobs.c.sha256).where(blobs.c.sha256 == bindparam("sha"))
_INSERT_BLOB = insert(blobs)
_INSERT_DOCUMENT = insert(documents).returning(documents.c.id)
_INSERT_VERSION = insert(document_versions)
_INSERT_CITATIONS = insert(citations)
_SET_OWN_NODE = (
    update(directives)
    .where(directives.c.id == bindparam("node_id"))
    .values({n: bindparam(f"new_{n}") for n in ("document_id", "kind", "number", "symbol", "issuer", "date", "cite_text")})
)


def store_document(
    session: Connection,
    parsed: ParsedDocument,
    data: bytes,
    *,
    file_name: str = "",
    fmt: str | None = None,
    owner_unit_id: str | None = None,
    structure: dict[str, Any] | None = None,
    level: str | None = None,
    may_replace: Callable[[int, str | None], None] | None = None,
    version_of: int | None = None,
) -> StoreResult:
    """Store one document (bytes, text, structure, fields, citation edges) in the session's transaction.

    `owner_unit_id` applies to a new document only; `may_replace(id, owner)`
    is called before anything is written when the file would be a new version;
    `version_of` makes it a new version of that document whatever its header says
    (an officer's correction). The recognised pages of a scan are kept (`scans`).
    """
    sha = hashlib.sha256(data).hexdigest()
    dup = session.execute(_FIND_SHA, {"sha": sha}).first()
    if dup is not None:
        return StoreResult(int(dup[0]), StoreStatus.DUPLICATE, int(dup[1]))

    h = parsed.header
    own_key = symbol_key(None, h.symbol) if h.symbol else None
    year = h.date.year if h.date else None
    now = utcnow()
    fmt = fmt or (parsed.source.format if parsed.source else "txt")
    file_name = file_name or (parsed.source.name if parsed.source else "")
    if structure is None:
        structure = default_structure(parsed)

    doc_id = version_of if version_of is not None else _find_identity(session, own_key, year, file_name)
    if doc_id is not None and may_replace is not None:
        owner = session.execute(select(documents.c.owner_unit_id).where(documents.c.id == doc_id)).scalar_one()
        may_replace(doc_id, owner)

    if session.execute(_HAS_BLOB, {"sha": sha}).first() is None:
        session.execute(_INSERT_BLOB, {"sha256": sha, "size": len(data), "data": data, "created_at": now})

    rows = _edge_rows(parsed, own_key, year)
    new_keys = {r["target_key"] for r in rows} | {r["source_key"] for r in rows} | ({own_key} if own_key else set())
    new_keys.discard(_OWN)
    fields = {
        "file_name": file_name,
        "format": fmt,
        "sha256": sha,
        "kind": h.kind,
        "symbol": h.symbol,
        "symbol_key": own_key,
        "number": h.number,
        "type_code": h.type_code,
        "issuer": h.issuer,
        "issuer_code": h.issuer_code,
        "issuer_folded": fold_plain(h.issuer) if h.issuer else None,
        "kind_folded": fold_plain(h.kind) if h.kind else None,
        "date": h.date,
        "year": year,
        "title": h.title,
        "level": level or document_level(h.issuer_code, h.issuer),
        "text": parsed.text,
        "title_folded": search_tokens(" ".join(x for x in (h.kind, h.symbol, h.title) if x)),
        "body_folded": search_tokens(parsed.text),
        "structure": structure,
        "updated_at": now,
    }

    old_keys: set[str] = set()
    fresh_doc = doc_id is None
    if doc_id is None:
        status = StoreStatus.STORED
        version = 1
        fields.update(version=1, created_at=now, owner_unit_id=owner_unit_id)
        before = linking.known_years(session, new_keys)
        doc_id = int(session.execute(_INSERT_DOCUMENT, fields).scalar_one())
    else:
        status = StoreStatus.NEW_VERSION
        version = int(
            session.execute(
                select(func.max(document_versions.c.version)).where(document_versions.c.document_id == doc_id)
            ).scalar_one()
        ) + 1
        old = session.execute(select(documents.c.symbol_key).where(documents.c.id == doc_id)).scalar_one()
        old_keys.add(doc_node_key(old, doc_id))
        for s_key, t_key in session.execute(
            select(citations.c.source_key, citations.c.target_key).where(citations.c.document_id == doc_id)
        ):
            old_keys.update((s_key, t_key))
        fields["version"] = version
        before = linking.known_years(session, old_keys | new_keys)
        session.execute(delete(citations).where(citations.c.document_id == doc_id))
        session.execute(update(directives).where(directives.c.document_id == doc_id).values(document_id=None))
        session.execute(update(documents).where(documents.c.id == doc_id).values(**fields))

    session.execute(
        _INSERT_VERSION,
        {
            "document_id": doc_id, "version": version, "sha256": sha, "file_name": file_name, "format": fmt,
            "symbol": h.symbol, "date": h.date, "title": h.title, "text": parsed.text, "structure": structure,
            "created_at": now,
        },
    )
    scans.insert_pages(session, doc_id, version, scans.pages_from_parse(parsed, sha, fmt))
    _link_document(session, doc_id, parsed, own_key, year, rows, old_keys, before, fresh_doc=fresh_doc)
    return StoreResult(doc_id, status, version)


_OWN = "\x00own"  # stands for the storing document's node key until its id is known


def _edge_rows(parsed: ParsedDocument, own_key: str | None, year: int | None) -> list[dict[str, Any]]:
    """The edges a document states: its citations, then the chains its citations state."""
    src_year = (year or 0) if own_key else 0
    rows: list[dict[str, Any]] = []
    by_key: dict[str, tuple[int, Any]] = {}
    for c in parsed.citations:
        key = _citation_key(c.number, c.symbol, c.kind, c.issuer)
        if key is None or key == own_key and _year_of(c.date, key) in (0, year or 0):
            continue
        t_year = _year_of(c.date, key)
        by_key.setdefault(key, (t_year, c))
        rows.append(
            {
                "is_link": False, "relation": c.relation.value,
                "source_key": _OWN, "source_year": src_year, "target_key": key, "target_year": t_year,
                "kind": c.kind, "number": c.number, "symbol": c.ref or c.symbol, "date": c.date,
                "issuer": c.issuer, "text": c.text or None, "span_start": c.span.start, "span_end": c.span.end,
            }
        )
    for link in parsed.links:
        s_key, t_key = symbol_key(None, link.source), symbol_key(None, link.target)
        if not s_key or not t_key or s_key == t_key:
            continue
        s_year = by_key[s_key][0] if s_key in by_key else (src_year if s_key == own_key else 0)
        t_year = by_key[t_key][0] if t_key in by_key else 0
        t_cite = by_key[t_key][1] if t_key in by_key else None
        rows.append(
            {
                "is_link": True, "relation": link.relation.value,
                "source_key": _OWN if s_key == own_key else s_key, "source_year": s_year,
                "target_key": t_key, "target_year": t_year,
                "kind": t_cite.kind if t_cite else None, "number": t_cite.number if t_cite else None,
                "symbol": link.target, "date": t_cite.date if t_cite else None, "link_source": link.source,
                "issuer": t_cite.issuer if t_cite else None, "text": None, "span_start": None, "span_end": None,
            }
        )
    return rows


def _link_document(
    session: Connection,
    doc_id: int,
    parsed: ParsedDocument,
    own_key: str | None,
    year: int | None,
    rows: list[dict[str, Any]],
    old_keys: set[str],
    before: linking.YearSets,
    *,
    fresh_doc: bool = False,
) -> None:
    """Insert the document's citation edges and attach it to its node.

    For a new document (`fresh_doc`) nothing was removed since `before` was
    read, so the years known now are `before` plus the document's own and its
    edges' (no second read); a new version re-reads them.
    """
    src_key = doc_node_key(own_key, doc_id)
    src_year = (year or 0) if own_key else 0
    for r in rows:
        r["document_id"] = doc_id
        if r["source_key"] == _OWN:
            r["source_key"] = src_key
    keys = {src_key} | {r["source_key"] for r in rows} | {r["target_key"] for r in rows}
    all_keys = keys | old_keys
    known = before if fresh_doc else linking.known_years(session, all_keys)
    after = linking.merge_years(
        {k: known.get(k, set()) for k in all_keys},
        linking.group_by_key(
            [(src_key, src_year)]
            + [(r["source_key"], r["source_year"]) for r in rows]
            + [(r["target_key"], r["target_year"]) for r in rows]
        ),
    )
    wanted = {(src_key, linking.resolve_year(after, src_key, src_year))}
    for r in rows:
        wanted.add((r["source_key"], linking.resolve_year(after, r["source_key"], r["source_year"])))
        wanted.add((r["target_key"], linking.resolve_year(after, r["target_key"], r["target_year"])))
    existing: set[str] = set()
    nodes = linking.ensure_nodes(session, wanted, existing)
    for r in rows:
        r["source_id"] = nodes[(r["source_key"], linking.resolve_year(after, r["source_key"], r["source_year"]))]["id"]
        r["target_id"] = nodes[(r["target_key"], linking.resolve_year(after, r["target_key"], r["target_year"]))]["id"]
    link_sources = {id(r): r.pop("link_source", None) for r in rows}
    if rows:
        session.execute(_INSERT_CITATIONS, rows)

    own_node = nodes[(src_key, linking.resolve_year(after, src_key, src_year))]
    if own_node["document_id"] is None:
        h = parsed.header
        attrs = {
            "document_id": doc_id, "kind": h.kind, "number": h.number, "symbol": h.symbol,
            "issuer": h.issuer, "date": h.date, "cite_text": None,
        }
        session.execute(_SET_OWN_NODE, {"node_id": own_node["id"], **{f"new_{k}": v for k, v in attrs.items()}})
        own_node.update(attrs)

    by_id = {row["id"]: row for row in nodes.values()}
    offers = [
        (
            r["target_id"],
            {"kind": r["kind"], "number": r["number"], "symbol": r["symbol"], "issuer": r["issuer"],
             "date": r["date"], "cite_text": r["text"]},
        )
        for r in rows
        if not r["is_link"] or r["number"]
    ]
    offers += [
        (r["source_id"], {"kind": None, "number": None, "symbol": link_sources[id(r)] or r["source_key"],
                          "issuer": None, "date": None, "cite_text": None})
        for r in rows
        if r["is_link"]
    ]
    offers += [
        (r["target_id"], {"kind": None, "number": None, "symbol": r["symbol"],
                          "issuer": None, "date": None, "cite_text": None})
        for r in rows
        if r["is_link"] and not r["number"]
    ]
    linking.improve_placeholders(session, by_id, offers)
    linking.sync_groups(session, all_keys, before, after, skip=keys - existing)
    linking.drop_orphans(session, old_keys)


def delete_document(session: Connection, document_id: int) -> None:
    """Remove a document, its versions and the edges it stated; nodes it leaves unused go too."""
    row = session.execute(select(documents.c.symbol_key).where(documents.c.id == document_id)).first()
    if row is None:
        raise NotFound(message("storage.document_not_found", document_id=document_id))
    keys = {doc_node_key(row[0], document_id)}
    for s_key, t_key in session.execute(
        select(citations.c.source_key, citations.c.target_key).where(citations.c.document_id == document_id)
    ):
        keys.update((s_key, t_key))
    before = linking.known_years(session, keys)
    session.execute(delete(citations).where(citations.c.document_id == document_id))
    session.execute(update(directives).where(directives.c.document_id == document_id).values(document_id=None))
    session.execute(delete(document_versions).where(document_versions.c.document_id == document_id))
    session.execute(delete(documents).where(documents.c.id == document_id))
    after = linking.known_years(session, keys)
    linking.sync_groups(session, keys, before, after)
    linking.drop_orphans(session, keys)
