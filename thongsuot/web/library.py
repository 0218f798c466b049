"""Contexts of the library screens, shared by the pages and the JSON API.

Each builder returns plain data (dicts, lists, domain records): the page view
renders it with a template, the API returns its JSON part.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from thongsuot.domain.document import ParsedDocument
from thongsuot.errors import InputError
from thongsuot.parsing import parse_text
from thongsuot.rendering.document_json import document_from_dict
from thongsuot.storage import SearchFilters, queries, search_facets
from thongsuot.storage.accounts import User
from thongsuot.vocab.levels import level_by_slug, load_levels
from thongsuot.vocab.warnings import warning_text
from thongsuot.web import deps, docview
from thongsuot.web.schemas.documents import (
    CitationOut,
    CitingDocument,
    DocumentOut,
    NodeLink,
    NodeOut,
    NodePage,
    QueryOut,
    ResultOut,
    SearchPage,
    WarningOut,
)

PAGE_SIZE = 20
COUNT_CAP = 1000  # search hits counted exactly up to this many
# "Cấp" filter: URL value -> the stored `documents.level` (read from the issuer code / name at storing).
LEVEL_LABELS = {
    w.slug: w.name for lv, w in load_levels().levels.items() if w.slug
}  # URL value -> label; the slugs live in vocab/data/levels.toml
SORTS = {"relevance": "Liên quan nhất", "date": "Mới nhất"}


@dataclass(frozen=True)
class LibraryQuery:
    q: str = ""
    kind: str = ""
    issuer: str = ""
    level: str = ""
    year: int | None = None
    sort: str = "relevance"
    page: int = 1

    def filters(self) -> SearchFilters:
        found = level_by_slug(self.level) if self.level else None
        level = found.value if found else None
        return SearchFilters(
            kind=self.kind or None, issuer=self.issuer or None, year_from=self.year, year_to=self.year, level=level,
        )

    def as_params(self, **override: Any) -> dict[str, Any]:
        values = {"q": self.q, "kind": self.kind, "issuer": self.issuer, "level": self.level,
                  "year": self.year or "", "sort": self.sort, "page": self.page, **override}
        return {k: v for k, v in values.items() if v not in ("", None) and not (k == "page" and v == 1)}


def parse_query(q: str, kind: str, issuer: str, level: str, year: str, sort: str, page: int) -> LibraryQuery:
    year_value: int | None = None
    if year.strip():
        if not re.fullmatch(r"[0-9]{4}", year.strip()):  # ASCII digits only: "²".isdigit() is true
            raise InputError("Năm không hợp lệ: cần 4 chữ số, ví dụ 2024.", detail={"year": year[:40]})
        year_value = int(year)
    if not q.strip():
        sort = "date"  # without words to rank by, the list is newest first: the sort box says so
    elif sort not in SORTS:
        sort = "relevance"
    return LibraryQuery(q.strip()[:300], kind.strip(), issuer.strip(), level.strip(), year_value, sort, max(1, page))


def search_context(request: Request, query: LibraryQuery) -> SearchPage:
    """Hits (with snippets) for a query, or every document newest first when the query is empty."""
    st = deps.state(request)
    offset = (query.page - 1) * PAGE_SIZE
    results: list[ResultOut]
    more = False
    if query.q:
        hits = st.lib.search(query.q, query.filters(), limit=PAGE_SIZE, offset=offset, sort=query.sort)
        # Counting every match of a common word at 100,000 documents costs more than the page itself:
        # past COUNT_CAP the page says "hơn 1.000" and goes on page by page.
        counted = st.lib.search_count(query.q, query.filters(), cap=COUNT_CAP + 1)
        results = [ResultOut.model_validate({**h.__dict__, "url": f"/documents/{h.id}",
                                             "snippet": clean_snippet(h.snippet),
                                             "snippet_html": clean_snippet(h.snippet_html)}) for h in hits]
        more = counted > COUNT_CAP
        total: int | None = min(counted, COUNT_CAP)
        has_next = len(hits) == PAGE_SIZE and (more or offset + PAGE_SIZE < counted)
        pages = max(1, math.ceil((total or 0) / PAGE_SIZE))
    else:
        f = query.filters()
        docs, count = st.lib.list_documents(
            limit=PAGE_SIZE, offset=offset, sort="date", kind=f.kind, issuer=f.issuer, level=f.level,
            year_from=f.year_from, year_to=f.year_to,
        )
        results = [ResultOut.model_validate({**d.__dict__, "url": f"/documents/{d.id}"}) for d in docs]
        total, has_next = count, offset + PAGE_SIZE < count
        pages = max(1, math.ceil(count / PAGE_SIZE))
    return SearchPage(query=QueryOut.model_validate(query), results=results, total=total,
                      total_is_lower_bound=more, page=query.page, pages=pages, has_next=has_next)


# Markdown marks of website exports (bold/italic stars, underscores runs, table bars, heading hashes):
# a snippet shows the words only. `&#` of an HTML entity (html.escape writes &#x27;) is not a heading mark.
_SNIPPET_MARKS = re.compile(r"\*+|_{2,}|\|+|(?<!&)#+|(?<!\w)-{3,}(?!\w)")


def clean_snippet(snippet: str) -> str:
    return re.sub(r"\s{2,}", " ", _SNIPPET_MARKS.sub(" ", snippet)).strip()


def facets(request: Request, query: LibraryQuery | None = None) -> dict[str, Any]:
    """The filter menus, counted by the list's own filters (see queries.document_facets)."""
    f = query.filters() if query else SearchFilters()
    filters = {"kind": f.kind, "issuer": f.issuer, "level": f.level, "year_from": f.year_from, "year_to": f.year_to}
    engine = deps.state(request).engine
    if query and query.q.strip():  # counted over what the search finds, as the list shows
        data = search_facets(engine, query.q, filters)
    else:
        data = queries.document_facets(engine, filters)
    return {**data, "level_options": list(LEVEL_LABELS.items()), "sorts": list(SORTS.items())}


_PARSED_CACHE: OrderedDict[tuple[int, str], ParsedDocument] = OrderedDict()
_PARSED_LOCK = threading.Lock()
PARSED_CACHE_SIZE = 256


def load_parsed(record: Any) -> ParsedDocument:
    """The document's ParsedDocument, cached by (id, SHA-256): pages of popular documents stay fast."""
    key = (record.id, record.sha256)
    with _PARSED_LOCK:
        if key in _PARSED_CACHE:
            _PARSED_CACHE.move_to_end(key)
            return _PARSED_CACHE[key]
    doc = _rebuild_parsed(record)
    with _PARSED_LOCK:
        _PARSED_CACHE[key] = doc
        while len(_PARSED_CACHE) > PARSED_CACHE_SIZE:
            _PARSED_CACHE.popitem(last=False)
    return doc


def _rebuild_parsed(record: Any) -> ParsedDocument:
    """The stored structure as a ParsedDocument (the renderer's round trip), else a fresh parse of the text."""
    structure = record.structure
    if structure and "tree" in structure:  # the renderer's full dict (older rows hold a summary only)
        try:
            doc = document_from_dict(structure, record.text)
            if doc.sections or not record.text.strip():
                return doc
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    return parse_text(record.text, name=record.summary.file_name)


def document_context(request: Request, document_id: int, user: User | None) -> dict[str, Any]:
    """The document page's data; its `json` is the `DocumentOut` the API answers, and the page shows the same."""
    st = deps.state(request)
    with st.lib.work.read() as conn:  # the page's reads share one connection (one unit per request)
        lib = st.lib.joined(conn)
        record = lib.get(document_id)
        stored_citations = lib.citations(document_id)
        children_nodes = lib.implemented_by(record.node_id) if record.node_id is not None else []
    parsed = load_parsed(record)
    marks = docview.check_marks(parsed)
    links = docview.cite_links(parsed, stored_citations, marks.citations)
    parents = []
    seen: set[int] = set()
    for c in stored_citations:
        if c.is_link or c.node is None or c.relation not in ("implements", "attached_to") or c.node.id in seen:
            continue
        seen.add(c.node.id)
        parents.append(NodeLink(node=NodeOut.model_validate(c.node), relation=c.relation, url=node_url(c.node)))
    children = [NodeLink(node=NodeOut.model_validate(n), url=node_url(n)) for n in children_nodes]
    mentions = [
        NodeLink(node=NodeOut.model_validate(c.node), url=node_url(c.node))
        for c in stored_citations
        if c.relation == "mentions" and c.node is not None and not c.is_link
    ]
    # The sentence from vocab by code and params: stored parses may hold older (English) messages.
    warnings = [WarningOut(code=w.code, message=warning_text(w.code, w.params), params=dict(w.params))
                for w in parsed.warnings]
    out = DocumentOut.model_validate({
        **record.summary.__dict__,
        "number": record.number,
        "format": record.format,
        "sha256": record.sha256,
        "node_id": record.node_id,
        "versions": record.versions,
        "structure": record.structure,
        "citations": [CitationOut.model_validate(c) for c in stored_citations],
        "implements": parents,
        "implemented_by": children,
        "warnings": warnings,
        "checks": marks.items,
    })
    owner = record.summary.owner_unit_id
    unit_names = {u.code: u.name for u in st.units()}
    return {
        "document": out.model_dump(mode="json"),
        "record": record,
        "parsed": parsed,
        "links": links,
        "duties": docview.duty_rows(parsed, marks),
        "checks": marks.header,
        "check_count": len(marks.items),
        "parents": [p.model_dump(mode="json") for p in parents],
        "children": [c.model_dump(mode="json") for c in children],
        "mentions": [m.model_dump(mode="json") for m in mentions],
        "warnings": [w.model_dump() for w in warnings],
        "owner_name": unit_names.get(owner or "", owner),
        "can_edit": deps.may_edit_unit(request, user, owner),
        "edit_units": [u for u in st.units() if deps.may_edit_unit(request, user, u.code)],
        "signer": parsed.signer,
        "json": out,
    }


def node_url(node: Any) -> str:
    return f"/documents/{node.document_id}" if node.document_id else f"/nodes/{node.id}"


def node_context(request: Request, node_id: int) -> NodePage:
    st = deps.state(request)
    node = st.lib.node(node_id)
    citing = [CitingDocument.model_validate({**d.__dict__, "relation": rel, "url": f"/documents/{d.id}"})
              for d, rel in st.lib.citing_documents(node_id)]
    children = [NodeLink(node=NodeOut.model_validate(n), url=node_url(n)) for n in st.lib.implemented_by(node_id)]
    return NodePage(node=NodeOut.model_validate(node), citing=citing, children=children)
