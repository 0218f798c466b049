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
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, column, func, literal_column, or_, select, table, text
from sqlalchemy.orm import Session

from thongsuot.storage.keys import fold_plain, query_terms, split_ref
from thongsuot.storage.models import SearchHit
from thongsuot.storage.queries import SUMMARY_COLUMNS, apply_filters
from thongsuot.storage.tables import citations, documents

_fts = table("documents_fts", column("rowid"))
_WORD = re.compile(r"[^\W_]+")
EXACT_BONUS = 1000.0


@dataclass(frozen=True)
class SearchFilters:
    kind: str | None = None  # type word (`Kế hoạch`) or type code (`KH`)
    issuer: str | None = None  # words of the issuer (`tỉnh ủy`) or issuer code (`TU`)
    year_from: int | None = None
    year_to: int | None = None
    owner_unit_ids: tuple[str, ...] | None = None

    def apply(self, q: Select[Any]) -> Select[Any]:
        return apply_filters(
            q, kind=self.kind, issuer=self.issuer, year_from=self.year_from, year_to=self.year_to,
            owner_unit_ids=self.owner_unit_ids,
        )


def _fts_select(dialect: str, terms: list[str], phrase: bool) -> Select[Any]:
    if dialect == "postgresql":
        tsq = func.to_tsquery("simple", (" <-> " if phrase else " & ").join(terms))
        tsv: Any = literal_column("documents.search_tsv")
        return select(*SUMMARY_COLUMNS, func.ts_rank(tsv, tsq).label("score")).where(tsv.op("@@")(tsq))
    match = '"' + " ".join(terms) + '"' if phrase else " ".join(f'"{t}"' for t in terms)
    score: Any = literal_column("-bm25(documents_fts, 4.0, 1.0)")
    return (
        select(*SUMMARY_COLUMNS, score.label("score"))
        .select_from(_fts.join(documents, documents.c.id == _fts.c.rowid))
        .where(text("documents_fts MATCH :fts_query").bindparams(fts_query=match))
    )


def _exact_ids(session: Session, query: str, filters: SearchFilters) -> list[int]:
    parsed = split_ref(query)
    if parsed is None:
        return []
    key, year = parsed
    cited = select(citations.c.document_id).where(citations.c.target_key == key, citations.c.is_link.is_(False))
    if year is not None:
        cited = cited.where(citations.c.target_year == year)
    own = documents.c.symbol_key == key
    if year is not None:
        own = own & (documents.c.year == year)
    q = filters.apply(select(documents.c.id).where(or_(own, documents.c.id.in_(cited))))
    return [int(i) for i in session.scalars(q.order_by(documents.c.date.desc().nulls_last(), documents.c.id).limit(1000))]


def search(
    session: Session,
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 20,
    offset: int = 0,
    sort: str = "relevance",
) -> list[SearchHit]:
    """Ranked hits for `query` (see the module doc); `sort` is `relevance` or `date` (newest first)."""
    filters = filters or SearchFilters()
    terms = query_terms(query.split("@")[0])
    if not terms:
        return []
    dialect = session.get_bind().dialect.name
    exact = _exact_ids(session, query, filters)
    phrase = bool(exact) or split_ref(query) is not None
    q = filters.apply(_fts_select(dialect, terms, phrase))
    if sort == "date":
        q = q.order_by(documents.c.date.desc().nulls_last(), documents.c.id.desc())
    else:
        q = q.order_by(literal_column("score").desc(), documents.c.id)
    rows = {r.id: r for r in session.execute(q.limit(offset + limit + len(exact)))}
    scored: list[tuple[float, Any]] = []
    exact_set = set(exact)
    missing = [i for i in exact if i not in rows]
    if missing:
        extra = select(*SUMMARY_COLUMNS, literal_column("0.0").label("score")).where(documents.c.id.in_(missing))
        for r in session.execute(extra):
            rows[r.id] = r
    for doc_id, r in rows.items():
        score = float(r.score or 0.0) + (EXACT_BONUS if doc_id in exact_set else 0.0)
        scored.append((score, r))
    if sort == "date":
        scored.sort(key=lambda sr: (sr[1].date is None, -(sr[1].date.toordinal() if sr[1].date else 0), -sr[1].id))
    else:
        scored.sort(key=lambda sr: (-sr[0], sr[1].id))
    page = scored[offset : offset + limit]
    texts = {
        int(i): str(t)
        for i, t in session.execute(
            select(documents.c.id, documents.c.text).where(documents.c.id.in_([r.id for _, r in page]))
        )
    }
    hits = []
    for score, r in page:
        plain, marked = make_snippet(texts.get(r.id, ""), terms)
        hits.append(
            SearchHit(
                id=r.id, symbol=r.symbol, kind=r.kind, title=r.title, date=r.date, issuer=r.issuer,
                score=round(score, 6), snippet=plain, snippet_html=marked,
            )
        )
    return hits


def make_snippet(original: str, terms: Iterable[str], width: int = 90) -> tuple[str, str]:
    """A window of the original text around the densest hit: (plain with «», HTML with <mark>)."""
    wanted = set(terms)
    words = [(m.start(), m.end(), fold_plain(m.group(0))) for m in _WORD.finditer(original[:400_000])]
    hits = [i for i, (_, _, w) in enumerate(words) if w in wanted]
    if not hits:
        cut = original[: 2 * width].strip()
        return cut, html.escape(cut)
    best, best_n = hits[0], 0
    for i in hits:
        near = {words[j][2] for j in hits if abs(j - i) <= 12}
        if len(near) > best_n:
            best, best_n = i, len(near)
    start = max(0, words[best][0] - width)
    end = min(len(original), words[best][1] + width)
    spans = [(s, e) for s, e, w in words if w in wanted and s >= start and e <= end]
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
    squash = re.compile(r"\s+")
    return (
        pre + squash.sub(" ", "".join(plain)).strip() + post,
        pre + squash.sub(" ", "".join(marked)).strip() + post,
    )
