"""Resolving citation ends to directive nodes, so that ingest order never changes the graph.

A node is keyed by (symbol key, year); year 0 means "not known". An end whose
year is known goes to its own node. An end without a year (a citation with no
date, a document whose date was not read) goes to the only dated node of its
symbol when there is exactly one, else to the symbol's year-0 node. That rule
depends only on the set of years known for the symbol, so whenever that set
changes (a document is stored, replaced or deleted), the undated ends of that
symbol are moved (`sync_groups`). Nodes left with no document and no edge are
deleted. Placeholder attributes are the "best" citation seen (a total order on
content, so the winner does not depend on order).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, exists, func, insert, or_, select, update

from thongsuot.storage.tables import citations, directives, documents

YearSets = dict[str, set[int]]


def known_years(session: Connection, keys: Iterable[str]) -> YearSets:
    """For each symbol key, the set of known (non-zero) years in the library.

    A year is known when an edge end or a document carries it. Every such end
    or document has a node (key, year) (ends with a year always resolve to
    their own node, and nodes are only dropped once nothing uses them), so the
    candidates are the dated nodes of the keys, each confirmed by index probes.
    Grouping the edges of a key instead reads every edge citing it: tens of
    thousands for a much-cited resolution in a large library, on every store.
    """
    keys = sorted(set(keys))
    out: YearSets = {k: set() for k in keys}
    if not keys:
        return out
    for key, year in session.execute(_KNOWN_YEARS, {"keys": keys}):
        out[key].add(int(year))
    return out


def _known_years_query() -> Any:
    d = directives
    used = or_(
        # coalesce: the year index must not be chosen over the symbol key (a tenth of the library per year)
        exists().where(documents.c.symbol_key == d.c.sym_key, func.coalesce(documents.c.year, 0) == d.c.year),
        exists().where(citations.c.target_key == d.c.sym_key, citations.c.target_year == d.c.year),
        exists().where(citations.c.source_key == d.c.sym_key, citations.c.source_year == d.c.year),
    )
    return select(d.c.sym_key, d.c.year).where(d.c.sym_key.in_(bindparam("keys", expanding=True)), d.c.year != 0, used)


_KNOWN_YEARS = _known_years_query()
_NODES_OF_KEYS = select(directives).where(directives.c.sym_key.in_(bindparam("keys", expanding=True)))
_INSERT_NODES = insert(directives).returning(*directives.c)


def resolve_year(years: YearSets, key: str, year: int | None) -> int:
    if year:
        return year
    known = years.get(key) or set()
    return next(iter(known)) if len(known) == 1 else 0


def ensure_nodes(
    session: Connection, wanted: Iterable[tuple[str, int]], existing_keys: set[str] | None = None
) -> dict[tuple[str, int], dict[str, Any]]:
    """Rows of the nodes `wanted` (created when missing), keyed by (key, year).

    Keys that already had a node are added to `existing_keys` when given (a key
    without any node has no edge and no document yet: nothing to move).
    """
    wanted = set(wanted)
    if not wanted:
        return {}
    keys = sorted({k for k, _ in wanted})
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    for row in session.execute(_NODES_OF_KEYS, {"keys": keys}).mappings():
        rows[(row["sym_key"], row["year"])] = dict(row)
    if existing_keys is not None:
        existing_keys.update(k for k, _ in rows)
    missing = sorted(wanted - rows.keys())
    if missing:
        created = session.execute(_INSERT_NODES, [{"sym_key": k, "year": y} for k, y in missing])
        for row in created.mappings():
            rows.setdefault((row["sym_key"], row["year"]), dict(row))
    return rows


def _rank(attrs: dict[str, Any]) -> tuple[Any, ...]:
    """Order on placeholder descriptions: dated, with issuer, then by content."""
    date = attrs.get("date")
    return (
        date is not None,
        attrs.get("issuer") is not None,
        date or dt.date.min,
        attrs.get("kind") or "",
        attrs.get("issuer") or "",
        attrs.get("symbol") or "",
        attrs.get("cite_text") or "",
    )


def improve_placeholders(session: Connection, node_rows: dict[int, dict[str, Any]], offers: list[tuple[int, dict[str, Any]]]) -> None:
    """Give placeholders (nodes without a document) the best description offered."""
    best: dict[int, dict[str, Any]] = {}
    for node_id, attrs in offers:
        row = node_rows.get(node_id)
        if row is None or row.get("document_id") is not None:
            continue
        current = best.get(node_id) or row
        if current.get("symbol") is None or _rank(attrs) > _rank(current):
            best[node_id] = attrs
    if not best:
        return
    names = ("kind", "number", "symbol", "issuer", "date", "cite_text")
    stmt = (
        update(directives)
        .where(directives.c.id == bindparam("node_id"))
        .values({n: bindparam(f"new_{n}") for n in names})
    )
    params = [{"node_id": nid, **{f"new_{n}": attrs.get(n) for n in names}} for nid, attrs in best.items()]
    session.execute(stmt, params)  # one executemany for all improved nodes
    for node_id, attrs in best.items():
        node_rows[node_id].update(attrs)


def sync_groups(
    session: Connection, keys: Iterable[str], before: YearSets, after: YearSets, skip: set[str] | None = None
) -> None:
    """Move the undated ends (and undated documents) of every symbol whose year set changed.

    `skip`: keys known to have had no node before this change (nothing to move).
    """
    changed = [
        k for k in sorted(set(keys)) if resolve_year(before, k, 0) != resolve_year(after, k, 0) and k not in (skip or ())
    ]
    if not changed:
        return
    nodes = ensure_nodes(session, [(k, resolve_year(after, k, 0)) for k in changed])
    for key in changed:
        node = nodes[(key, resolve_year(after, key, 0))]
        nid = node["id"]
        session.execute(
            update(citations)
            .where(citations.c.target_key == key, citations.c.target_year == 0)
            .values(target_id=nid)
        )
        session.execute(
            update(citations)
            .where(citations.c.source_key == key, citations.c.source_year == 0)
            .values(source_id=nid)
        )
        undated_docs = list(
            session.scalars(
                select(documents.c.id).where(documents.c.symbol_key == key, documents.c.year.is_(None))
            )
        )
        if undated_docs and node["document_id"] is None:
            doc_id = min(undated_docs)
            session.execute(update(directives).where(directives.c.document_id == doc_id).values(document_id=None))
            session.execute(update(directives).where(directives.c.id == nid).values(document_id=doc_id))


def drop_orphans(session: Connection, keys: Iterable[str]) -> None:
    """Delete nodes of `keys` that no document holds and no edge touches."""
    keys = sorted(set(keys))
    if not keys:
        return
    used = or_(
        exists().where(citations.c.source_id == directives.c.id),
        exists().where(citations.c.target_id == directives.c.id),
    )
    session.execute(
        delete(directives).where(
            and_(directives.c.sym_key.in_(keys), directives.c.document_id.is_(None), ~used)
        )
    )


def group_by_key(pairs: Iterable[tuple[str, int]]) -> YearSets:
    out: YearSets = defaultdict(set)
    for k, y in pairs:
        if y:
            out[k].add(y)
    return out


def merge_years(a: YearSets, b: YearSets) -> YearSets:
    out: YearSets = {k: set(v) for k, v in a.items()}
    for k, v in b.items():
        out.setdefault(k, set()).update(v)
    return out
