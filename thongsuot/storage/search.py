"""One full-text search over SQLite FTS5 and PostgreSQL full-text search.

Both index the same folded token stream (`keys.search_tokens`: lower case, no
diacritics, one tone placement, words split on anything not a letter or
digit), so `nghi quyet 28`, `Nghị quyết 28` and `NGHỊ QUYẾT 28` match the same
documents on both, and `hoà`/`hòa`/`hoa` are one word. Every query word must
appear (AND). A query that looks like a symbol (`28-NQ/TW`, `18-NQ/TW@2017`)
is searched as a phrase and also matches exactly the documents citing (or
being) that directive; those come first. Ranking is each engine's own (bm25 /
ts_rank, title words weigh more), so scores differ between engines while the
set of hits is the same.

Why it is shaped this way (speed at 100,000 documents):
- ranking selects only ids and scores, joined to `documents` only when a
  filter or the date sort needs its columns, and LIMITs in SQL;
- the summary fields and the text are read for the page of hits alone;
- the count (`count_hits`) is its own query, so a page never pays for it
  unless the caller wants the total; with symbol hits it counts the union in
  SQL (one pass) instead of probing the full-text index per id;
- relevance is computed for at most `RANK_CANDIDATES` matches, the most
  recently stored ones; deeper pages list the older matches newest first. bm25 / ts_rank
  cost grows with every matching document (a word like `Đảng` matches nearly
  all of them), the newest matches are found in id order without scoring, so
  a page costs the same at 100,000 documents as at 1,000. Exact symbol hits
  are not affected (they are found from the citation edges), the count stays
  exact, and the date sort sees every match;
- snippets fold the original text with a per-character table (`str.translate`,
  offsets preserved) and find the query words with one regular expression,
  instead of folding every word of the document in Python.
"""

from __future__ import annotations

import html
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Select, column, false, func, literal_column, select, table, text, union

from thongsuot.storage import queries
from thongsuot.storage.keys import fold_plain, query_terms, split_ref
from thongsuot.storage.models import SearchHit
from thongsuot.storage.queries import apply_filters
from thongsuot.storage.tables import citations, documents

_fts = table("documents_fts", column("rowid"))
EXACT_BONUS = 1000.0
# Newest matches ranked by relevance (module doc). ts_rank unpacks each candidate's tsvector
# (about 25 microseconds each), bm25 reads FTS5's position lists (a few microseconds each).
RANK_CANDIDATES = {"sqlite": 1000, "postgresql": 300}
SNIPPET_SCAN = 400_000  # characters of a document looked at for its snippet
_SQUASH = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchFilters:
    kind: str | None = None  # type word (`Kế hoạch`) or type code (`KH`)
    issuer: str | None = None  # words of the issuer (`tỉnh ủy`) or issuer code (`TU`)
    year_from: int | None = None
    year_to: int | None = None
    owner_unit_ids: tuple[str, ...] | None = None
    level: str | None = None  # central | province | district | commune (documents.level)

    def apply(self, q: Select[Any]) -> Select[Any]:
        return apply_filters(
            q, kind=self.kind, issuer=self.issuer, year_from=self.year_from, year_to=self.year_to,
            owner_unit_ids=self.owner_unit_ids, level=self.level,
        )

    @property
    def empty(self) -> bool:
        return not (self.kind or self.issuer or self.level or self.year_from is not None
                    or self.year_to is not None or self.owner_unit_ids is not None)


@dataclass(frozen=True)
class _Plan:
    terms: list[str]
    phrase: bool
    exact: list[int]


def _plan(session: Connection, query: str, filters: SearchFilters) -> _Plan | None:
    terms = query_terms(query.split("@")[0])
    if not terms:
        return None
    exact = _exact_ids(session, query, filters)
    return _Plan(terms, bool(exact) or split_ref(query) is not None, exact)


def _match(dialect: str, plan: _Plan) -> tuple[Any, Any, Any]:
    """(id column, score expression, WHERE clause) of the full-text match on `dialect`."""
    if dialect == "postgresql":
        tsq = func.to_tsquery("simple", (" <-> " if plan.phrase else " & ").join(plan.terms))
        tsv: Any = literal_column("documents.search_tsv")
        return documents.c.id, func.ts_rank(tsv, tsq), tsv.op("@@")(tsq)
    match = '"' + " ".join(plan.terms) + '"' if plan.phrase else " ".join(f'"{t}"' for t in plan.terms)
    score: Any = literal_column("-bm25(documents_fts, 4.0, 1.0)")
    return _fts.c.rowid, score, text("documents_fts MATCH :fts_query").bindparams(fts_query=match)


def _matching(dialect: str, plan: _Plan, filters: SearchFilters, *cols: Any, need_documents: bool) -> Select[Any]:
    """A select of `cols` over the matching documents; on SQLite `documents` is joined only when needed."""
    id_col, _score, where = _match(dialect, plan)
    if dialect == "postgresql":
        return filters.apply(select(*cols).select_from(documents).where(where))
    q = select(*cols).where(where)
    if need_documents or not filters.empty:
        q = filters.apply(q.select_from(_fts.join(documents, documents.c.id == id_col)))
    else:
        q = q.select_from(_fts)
    return q


# PostgreSQL finds the newest matches either by a top-N sort over the GIN index's matches (a heap
# visit per match) or by walking the primary key from the newest row, testing each row's tsvector
# (unpacked from TOAST: about 4 times the cost of a visit) until enough match. The planner costs that
# test as nearly free and walks even for rare words, so the cheaper way is chosen here from its
# row estimates: sort costs `matches`, the walk `4 * candidates * documents / matches`.
PG_WALK_ROW_COST = 4.0


def _newest_order(session: Connection, dialect: str, plan: _Plan, filters: SearchFilters, candidates: int) -> Any:
    """The `id DESC` sort key for "the newest `candidates` matches" (see PG_WALK_ROW_COST)."""
    id_col = _match(dialect, plan)[0]
    if dialect != "postgresql":
        return id_col.desc()
    probe = _matching(dialect, plan, filters, documents.c.id, need_documents=False)
    compiled = probe.compile(session.engine, compile_kwargs={"render_postcompile": True})
    plan_json = session.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {compiled}", compiled.params).scalar_one()
    matches = max(1.0, float(plan_json[0]["Plan"]["Plan Rows"]))
    total = session.scalar(text("SELECT reltuples FROM pg_class WHERE oid = 'documents'::regclass"))
    total = max(float(total or 0), matches)
    walk = PG_WALK_ROW_COST * candidates * total / matches
    return (id_col + 0).desc() if matches <= walk else id_col.desc()


def _nth_newest(session: Connection, dialect: str, plan: _Plan, filters: SearchFilters, n: int) -> Select[Any]:
    """The id of the `n`-th newest match (none when there are fewer), found without scoring."""
    id_col = _match(dialect, plan)[0]
    q = _matching(dialect, plan, filters, id_col, need_documents=False)
    return q.order_by(_newest_order(session, dialect, plan, filters, n)).limit(1).offset(n - 1)


def _ranked(session: Connection, dialect: str, plan: _Plan, filters: SearchFilters, candidates: int) -> Select[Any]:
    """(id, score) of the `candidates` newest matches, best first (module doc)."""
    id_col, score, _where = _match(dialect, plan)
    if dialect == "postgresql":
        tsv: Any = literal_column("documents.search_tsv").label("tsv")
        newest = _matching(dialect, plan, filters, documents.c.id.label("id"), tsv, need_documents=False)
        order = _newest_order(session, dialect, plan, filters, candidates)
        cand = newest.order_by(order).limit(candidates).subquery()
        tsq = func.to_tsquery("simple", (" <-> " if plan.phrase else " & ").join(plan.terms))
        rank = func.ts_rank(cand.c.tsv, tsq)
        return select(cand.c.id, rank.label("score")).order_by(rank.desc(), cand.c.id)
    # FTS5: bm25 only at or above the lowest rowid of the newest `candidates` matches
    floor = _nth_newest(session, dialect, plan, filters, candidates).scalar_subquery()
    q = _matching(dialect, plan, filters, id_col, score.label("score"), need_documents=False)
    return q.where(id_col >= func.coalesce(floor, 0)).order_by(literal_column("score").desc(), id_col)


def _prefer_index(session: Connection, dialect: str) -> None:
    """PostgreSQL: match through the GIN index, never by a scan testing each row's tsvector.

    The planner costs `@@` as cheap, but on a scan every row's tsvector is read
    from TOAST and unpacked: for a word in a third of 10,000 documents that is
    10x the bitmap scan. Scoped to this transaction (SET LOCAL).
    """
    if dialect == "postgresql":
        session.execute(text("SET LOCAL enable_seqscan = off"))
        session.execute(text("SET LOCAL jit = off"))  # a disabled plan's cost must not trigger compilation


EXACT_LIMIT = 1000  # documents citing a symbol taken as exact hits: the most recently stored


def _exact_ids(session: Connection, query: str, filters: SearchFilters) -> list[int]:
    """The documents being or citing the directive `query` names, newest date first.

    Citing documents are read newest-stored first down the (target_key,
    is_link, document_id) index and stop at `EXACT_LIMIT`, so a resolution
    cited by 25,000 documents costs what one cited by 1,000 does.
    """
    parsed = split_ref(query)
    if parsed is None:
        return []
    key, year = parsed
    citing = (
        select(documents.c.id, documents.c.date)
        .select_from(citations.join(documents, documents.c.id == citations.c.document_id))
        .where(citations.c.target_key == key, citations.c.is_link == false())
    )
    own = select(documents.c.id, documents.c.date).where(documents.c.symbol_key == key)
    if year is not None:
        citing = citing.where(citations.c.target_year == year)
        own = own.where(documents.c.year == year)
    citing = filters.apply(citing).order_by(citations.c.document_id.desc()).limit(EXACT_LIMIT)
    found: dict[int, Any] = {}
    for rows in (session.execute(filters.apply(own)), session.execute(citing)):
        for row in rows:
            found.setdefault(int(row[0]), row[1])
    by_date = sorted(found.items(), key=lambda kv: (kv[1] is None, -(kv[1].toordinal() if kv[1] else 0), kv[0]))
    return [i for i, _d in by_date[:EXACT_LIMIT]]


def count_hits(session: Connection, query: str, filters: SearchFilters | None = None, *, cap: int | None = None) -> int:
    """How many documents `search` would return over all pages (at most `cap` when given).

    Counting every match of a common word reads every matching row (and on
    PostgreSQL re-checks phrase matches against each row's tsvector); with a
    cap the count stops there, for pages that say "more than N".
    """
    filters = filters or SearchFilters()
    plan = _plan(session, query, filters)
    if plan is None:
        return 0
    dialect = session.dialect.name
    _prefer_index(session, dialect)
    id_col = _match(dialect, plan)[0]
    matched = _matching(dialect, plan, filters, id_col.label("id"), need_documents=False)
    if cap is not None:
        n = int(session.scalar(select(func.count()).select_from(matched.limit(cap).subquery())) or 0)
        if n >= cap:
            return cap
    if not plan.exact:  # count(*) straight over the match: no column read, so no row fetched when avoidable
        return int(session.scalar(_matching(dialect, plan, filters, func.count(), need_documents=False)) or 0)
    exact = select(documents.c.id.label("id")).where(documents.c.id.in_(plan.exact))
    total = int(session.scalar(select(func.count()).select_from(union(matched, exact).subquery())) or 0)
    return total if cap is None else min(total, cap)


def search_facets(engine: Any, query: str, filters: dict[str, Any]) -> dict[str, list[tuple[str, str, int]]]:
    """The library's filter menus counted over the documents `query` finds, so the counts match the list.

    The match is taken without filters; each menu then applies the other
    filters in force (queries.document_facets), as the list does.
    """
    with engine.connect() as session:
        plan = _plan(session, query, SearchFilters())
        if plan is None:
            return queries.document_facets(engine, filters)
        dialect = session.dialect.name
        id_col = _match(dialect, plan)[0]
        within: Select[Any] = _matching(dialect, plan, SearchFilters(), id_col, need_documents=False)
        if plan.exact:
            within = select(union(within, select(documents.c.id).where(documents.c.id.in_(plan.exact))).subquery())
    return queries.document_facets(engine, filters, within)


def _date_order(session: Connection, dialect: str, plan: _Plan, filters: SearchFilters, want: int) -> list[tuple[float, int]]:
    """(score, id) newest first: every match and exact hit by date."""
    id_col = _match(dialect, plan)[0]
    q = _matching(dialect, plan, filters, id_col, documents.c.date, need_documents=True)
    q = q.order_by(documents.c.date.desc().nulls_last(), documents.c.id.desc())
    dates: dict[int, Any] = {}
    for row in session.execute(q.limit(want)):
        dates[int(row[0])] = row[1]
    exact_set = set(plan.exact)
    missing = [i for i in plan.exact if i not in dates]
    if missing:
        for i, d in session.execute(select(documents.c.id, documents.c.date).where(documents.c.id.in_(missing))):
            dates[int(i)] = d
    scored = [(EXACT_BONUS if i in exact_set else 0.0, i) for i in dates]
    scored.sort(key=lambda si: (dates.get(si[1]) is None, -(d.toordinal() if (d := dates.get(si[1])) else 0), -si[1]))
    return scored


def _relevance_order(session: Connection, dialect: str, plan: _Plan, filters: SearchFilters, need: int) -> list[tuple[float, int]]:
    """The first `need` (score, id) in relevance order (module doc).

    Exact symbol hits first (newest first), then the newest `RANK_CANDIDATES`
    matches by score, then older matches newest first. The order of a
    position never depends on the page asked for, so pages join up.
    """
    out: list[tuple[float, int]] = [(EXACT_BONUS, i) for i in plan.exact[:need]]
    if len(out) >= need:
        return out
    exact_set = set(plan.exact)
    candidates = RANK_CANDIDATES.get(dialect, 1000)
    ranked = [
        (float(sc or 0.0), int(i))
        for i, sc in session.execute(_ranked(session, dialect, plan, filters, candidates).limit(need + len(plan.exact)))
    ]
    out += [(sc, i) for sc, i in ranked if i not in exact_set]
    if len(out) >= need or len(ranked) < min(candidates, need + len(plan.exact)):
        return out[:need]
    # beyond the ranked candidates (a deep page of a very common query): older matches, newest first
    id_col = _match(dialect, plan)[0]
    floor = session.scalar(_nth_newest(session, dialect, plan, filters, candidates))
    if floor is None:
        return out[:need]
    older = _matching(dialect, plan, filters, id_col, need_documents=False).where(id_col < floor)
    older = older.order_by(id_col.desc()).limit(need - len(out) + len(plan.exact))
    out += [(0.0, int(i)) for i in session.scalars(older) if int(i) not in exact_set]
    return out[:need]


def search(
    session: Connection,
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 20,
    offset: int = 0,
    sort: str = "relevance",
) -> list[SearchHit]:
    """Ranked hits for `query` (see the module doc); `sort` is `relevance` or `date` (newest first)."""
    filters = filters or SearchFilters()
    plan = _plan(session, query, filters)
    if plan is None:
        return []
    dialect = session.dialect.name
    _prefer_index(session, dialect)
    if sort == "date":
        scored = _date_order(session, dialect, plan, filters, offset + limit + len(plan.exact))
    else:
        scored = _relevance_order(session, dialect, plan, filters, offset + limit)
    page = scored[offset : offset + limit]
    if not page:
        return []
    cols = (documents.c.id, documents.c.symbol, documents.c.kind, documents.c.title, documents.c.date,
            documents.c.issuer, func.substr(documents.c.text, 1, SNIPPET_SCAN).label("text"))
    rows = {int(r.id): r for r in session.execute(select(*cols).where(documents.c.id.in_([i for _, i in page])))}
    hits = []
    for s, i in page:
        r = rows.get(i)
        if r is None:  # deleted between the two reads
            continue
        plain, marked = make_snippet(str(r.text or ""), plan.terms)
        hits.append(
            SearchHit(
                id=i, symbol=r.symbol, kind=r.kind, title=r.title, date=r.date, issuer=r.issuer,
                score=round(s, 6), snippet=plain, snippet_html=marked,
            )
        )
    return hits


def _letter_classes() -> dict[str, str]:
    """For each folded letter, a regex class of every character that folds to it (`d` -> `[dDđĐ]`)."""
    groups: dict[str, set[str]] = {}
    ranges = [range(0x41, 0x5B), range(0x61, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00)]
    for code in (c for r in ranges for c in r):
        ch = chr(code)
        folded = fold_plain(ch)
        if len(folded) == 1 and folded.isascii() and folded.isalpha():
            groups.setdefault(folded, set()).add(ch)
    return {k: "[" + "".join(sorted(v)) + "]" for k, v in groups.items()}


_CLASSES = _letter_classes()
_MARKS = "[\u0300-\u036f]*"  # combining marks of decomposed (NFD) text


def _term_regex(term: str) -> str:
    return "".join((_CLASSES[c] + _MARKS) if c in _CLASSES else re.escape(c) for c in term)


@lru_cache(maxsize=512)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words of the original text whose fold is one of `terms` (no folding of the text needed)."""
    alts = "|".join(_term_regex(t) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alts})(?![^\W_])")


def _word_key(word: str) -> str:
    return word.lower() if word.isascii() else fold_plain(word)


def _densest(pattern: re.Pattern[str], original: str, n_terms: int, reach: int) -> tuple[int, int, int] | None:
    """(start, end, distinct terms) of the hit with the most distinct query words within `reach` characters before it."""
    window: deque[tuple[int, str]] = deque()
    key = _word_key
    best: tuple[int, int, int] | None = None
    for m in islice(pattern.finditer(original), 3000):
        window.append((m.start(), key(m.group(0))))
        while window[0][0] < m.start() - reach:
            window.popleft()
        near = len({w for _, w in window})
        if best is None or near > best[2]:
            first = window[0][0]
            best = (first, m.end(), near)
            if near == n_terms:
                break
    return best


def make_snippet(original: str, terms: Iterable[str], width: int = 90) -> tuple[str, str]:
    """A window of the original text around the densest hit: (plain with «», HTML with <mark>).

    The original is searched directly with one regular expression whose
    letters are classes of every form folding to the query letter, stopping at
    the first window holding every query word, so a hit near the top of a long
    document costs little.
    """
    wanted = list(dict.fromkeys(terms))
    if not wanted:
        cut = _SQUASH.sub(" ", original[: 2 * width]).strip()
        return cut, html.escape(cut)
    pattern = _term_pattern(tuple(wanted))
    scan = original[:SNIPPET_SCAN]
    best = _densest(pattern, scan, len(wanted), width)
    if best is None:
        cut = _SQUASH.sub(" ", original[: 2 * width]).strip()
        return cut, html.escape(cut)
    hit_start, hit_end, _n = best
    pad = max(20, (2 * width - (hit_end - hit_start)) // 2)
    start = max(0, hit_start - pad)
    end = min(len(original), hit_end + pad)
    if start > 0:  # do not cut a word in two
        while start < hit_start and original[start - 1].isalnum():
            start += 1
    if end < len(original):
        while end > hit_end and original[end].isalnum():
            end -= 1
    spans = [(m.start(), m.end()) for m in pattern.finditer(scan, start, min(end, len(scan)))]
    plain, marked, pos = [], [], start
    for s, e in spans:
        plain.append(original[pos:s])
        marked.append(html.escape(original[pos:s]))
        plain.append("«" + original[s:e] + "»")
        marked.append("<mark>" + html.escape(original[s:e]) + "</mark>")
        pos = e
    plain.append(original[pos:end])
    marked.append(html.escape(original[pos:end]))
    pre = "…" if start > 0 else ""
    post = "…" if end < len(original) else ""
    return (
        pre + _SQUASH.sub(" ", "".join(plain)).strip() + post,
        pre + _SQUASH.sub(" ", "".join(marked)).strip() + post,
    )
