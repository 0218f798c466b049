"""Citations: every numbered directive a document cites, once, with how it relates.

Stages: flatten the text into one stream (citation_text), find every
mention with its stated date and issuer (citation_mentions), then here:
group mentions into documents (same number+symbol; different stated dates
are different documents; an undated mention joins the dated document of the
same term, else the nearest), decide relations (the opening "Căn cứ /
Thực hiện" sentence's direct objects implement; an attachment note under an
outline is attached_to; everything else mentions) and the chains stated
inside citations ("Kế hoạch A ... về thực hiện Nghị quyết B" -> A implements B).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from thongsuot.domain.document import Citation, CitationLink, ParseWarning, Relation, Span
from thongsuot.parsing.citation_issuers import IssuerPhrase, read_issuer
from thongsuot.parsing.citation_mentions import (
    Mention,
    blank_warnings,
    fill_dangling_dates,
    find_mentions,
    merge_misread_symbols,
    one_edit_apart,
    read_statements,
    repair_misread_codes,
    share_list_statements,
)
from thongsuot.parsing.citation_text import BARRIER, Stream, build_stream
from thongsuot.parsing.normalise import NormText, fold
from thongsuot.parsing.symbols import parse_symbol
from thongsuot.vocab.codes import load_codes
from thongsuot.vocab.headings import load_headings
from thongsuot.vocab.words import load_words

_W = load_words("citations")  # the words of this module: vocab/data/words.toml [citations]

_PRIORITY = {Relation.IMPLEMENTS: 0, Relation.ATTACHED_TO: 1, Relation.MENTIONS: 2}


@dataclass(frozen=True)
class CitationResult:
    citations: tuple[Citation, ...]
    links: tuple[CitationLink, ...]
    warnings: tuple[ParseWarning, ...]


@lru_cache(maxsize=1)
def _vocab_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    codes = load_codes()
    opening = "|".join(re.escape(w) for w in sorted(codes.opening_words, key=len, reverse=True))
    opening_line = re.compile(rf"^[ \t>*_]*(?:{opening})(?![^\W\d_])", re.MULTILINE | re.IGNORECASE)
    chains = "|".join(re.escape(fold(w)) for w in sorted(codes.chain_words, key=len, reverse=True))
    # the gap between a citation (with its date and issuer) and the next one:
    # "về thực hiện", "thực hiện", or "về <subject> để/nhằm tiếp tục thực hiện"
    chain_end = re.compile(rf"^\s*(?:(?:{chains})|{_W.word('chain_about')}(?:{chains}))\s*$")
    kinds = "|".join(k.pattern for k in codes.kinds)
    named = re.compile(
        rf"(?:{kinds})[ ](?=(?:{_W.alternation('named_bodies')})(?![^\W\d_]))",
        re.IGNORECASE,
    )
    attach = "|".join(re.escape(w) for w in sorted(codes.attachment_words, key=len, reverse=True))
    attach_note = re.compile(rf"^[ \t*_]*\([ ]?(?:{_W.word('issued')}[ ]+)?(?:{attach})[ ]*$", re.IGNORECASE)
    return opening_line, chain_end, named, attach_note


_OPENING_END = _W.pattern("opening_end")
_HEADING = re.compile(r"^[ \t#*]*[IVX]{1,4}[.\-][ \t]", re.MULTILINE)
_JOINED_AFTER_SUBJECT = _W.pattern("joined_after_subject")
_COORDINATION = _W.pattern("coordination")
# The header's own "Số:" starts with a capital; a line opening with "số 61/2024/QH15" continues a
# citation wrapped after its name ("Căn cứ Luật Điện lực" / "số 61/2024/QH15").
_OWN_NUMBER_LINE = _W.pattern("own_number_line")
# a chain word written with a capital starts a new sentence, not a chain
_CAPITALISED_CHAIN = _W.pattern("capitalised_chain")
_OUTLINE_TITLE = _W.pattern("outline_title", re.IGNORECASE)


def _opening_range(text: str, body_start: int) -> tuple[int, int] | None:
    """View range of the opening "Căn cứ / Thực hiện ..." sentence, if any."""
    opening_line, *_ = _vocab_patterns()
    limit = len(text)
    heading = _HEADING.search(text, body_start)
    if heading is not None:
        limit = heading.start()
    m = opening_line.search(text, body_start, limit)
    if m is None:
        return _narrative_opening(text, body_start, limit)
    start = m.start()
    pos = m.end()
    while True:
        end = _OPENING_END.search(text, pos, min(len(text), start + 6000))
        if end is None:
            return start, min(len(text), start + 6000)
        if end.group(0).startswith(".") and opening_line.match(text, end.end()):
            pos = end.end() + 1
            continue
        return start, end.end()


_NARRATIVE_TURN = _W.pattern("narrative_turn")


def _narrative_opening(text: str, body_start: int, limit: int) -> tuple[int, int] | None:
    """An opening told as news: "Ngày 15/3/2024, Ban Bí thư ban hành Chỉ thị số 30-CT/TW ... .
    Để triển khai thực hiện ..., Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:" — the
    first paragraph, when it turns to "Để/Thực hiện ... như sau:", is the opening."""
    start = body_start
    while start < limit and text[start] in " \t\n":
        start += 1
    end = text.find("\n", start, limit)
    end = limit if end < 0 else end
    turn = _NARRATIVE_TURN.search(text, start, end)
    return (start, turn.end()) if turn is not None else None


def _own_key(own_number: str | None, own_symbol: str | None) -> tuple[str, str] | None:
    if own_symbol:
        parts = parse_symbol(own_symbol if own_number is None else f"{own_number}-{own_symbol}")
        if own_number is None and parts is not None:
            return parts.number.lstrip("0") or "0", (parts.symbol or "").upper()
        if own_number is not None:
            return own_number.lstrip("0") or "0", "".join(own_symbol.split()).upper()
    return None


@dataclass
class _Doc:
    key: tuple[str, str]
    date: dt.date | None
    mentions: list[Mention]
    relation: Relation = Relation.MENTIONS

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def ref(self) -> str:
        for m in self.mentions:
            if m.parts is not None:
                return m.parts.ref
        return self.first.number

    def term(self) -> str | None:
        for m in self.mentions:
            if m.date == self.date and m.issuer and m.issuer.term:
                return m.issuer.term
        return None


def _group(mentions: list[Mention], stream: Stream) -> tuple[list[_Doc], dict[int, _Doc]]:
    """Mentions -> documents; returns the documents and mention index -> document."""
    versions: dict[tuple[str, str], dict[dt.date, _Doc]] = {}
    docs: list[_Doc] = []
    owner: dict[int, _Doc] = {}
    members: dict[int, list[int]] = {}  # id(doc) -> mention indexes

    def assign(i: int, doc: _Doc) -> None:
        owner[i] = doc
        members.setdefault(id(doc), []).append(i)

    def new_doc(key: tuple[str, str], date: dt.date | None) -> _Doc:
        doc = _Doc(key, date, [])
        docs.append(doc)
        return doc

    symbol_mentions = [(i, m) for i, m in enumerate(mentions) if m.parts is not None]
    for i, m in symbol_mentions:
        if m.date is not None:
            by_date = versions.setdefault(m.key, {})
            if m.date not in by_date:
                by_date[m.date] = new_doc(m.key, m.date)
            assign(i, by_date[m.date])
    undated: dict[tuple[str, str], _Doc] = {}
    for i, m in symbol_mentions:
        if i in owner:
            continue
        cands = list(versions.get(m.key, {}).values())
        if cands:
            assign(i, _closest(m, cands, mentions, members))
            continue
        if m.key not in undated:
            undated[m.key] = new_doc(m.key, None)
        assign(i, undated[m.key])
    by_number: dict[str, list[_Doc]] = {}
    for d in docs:
        by_number.setdefault(d.key[0], []).append(d)
    codes = load_codes()
    for i, m in enumerate(mentions):
        if m.parts is not None:
            continue
        number = m.number.lstrip("0") or "0"
        same = [
            d
            for d in by_number.get(number, ())
            if any(
                mentions[j].kind == m.kind
                or m.kind in codes.types.get(getattr(mentions[j].parts, "type_code", None) or "", ())
                for j in members.get(id(d), ())
            )
        ]
        if same:
            assign(i, _closest(m, same, mentions, members) if len(same) > 1 else same[0])
        elif m.confirmed:
            key = (number, "")
            if key not in undated:
                undated[key] = new_doc(key, None)
            assign(i, undated[key])
    for d in docs:
        d.mentions.extend(mentions[j] for j in members.get(id(d), ()))
        d.mentions.sort(key=lambda x: stream.to_view(x.start))
    return [d for d in docs if d.mentions], owner


def _term(m: Mention) -> str | None:
    phrase = m.issuer or m.weak_issuer
    return phrase.term if phrase else None


def _closest(m: Mention, cands: list[_Doc], mentions: list[Mention], members: dict[int, list[int]]) -> _Doc:
    """The dated document an undated mention most plausibly means: same term, else nearest."""
    term = _term(m)
    if term:
        for d in cands:
            if any(_term(mentions[i]) == term for i in members.get(id(d), ())):
                return d

    def distance(d: _Doc) -> int:
        own = members.get(id(d), [])
        dated = [i for i in own if mentions[i].date] or own
        return min((abs(mentions[i].start - m.start) for i in dated), default=1 << 30)

    return min(cands, key=distance)


def _named_issuers(stream: str, mentions: list[Mention]) -> None:
    """With no "của", the body named before the bracket is the issuer.

    "Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Trung ương ... (Nghị quyết số
    18-NQ/TW, ngày 16/6/2022)" -> Ban Chấp hành Trung ương."""
    _, _, named, _ = _vocab_patterns()
    for m in mentions:
        if m.issuer is not None or stream[max(0, m.start - 2) : m.start].strip() != "(":
            continue
        window_start = max(0, m.start - 400)
        window = stream[window_start : m.start]
        cut = max(window.rfind(";"), window.rfind(". "), window.rfind(BARRIER))
        found = None
        for hit in named.finditer(stream, window_start + cut + 1, m.start):
            found = hit
        if found is None:
            continue
        phrase = read_issuer(stream, found.end(), m.start)
        if phrase is not None and phrase.name is not None:
            m.issuer = IssuerPhrase(phrase.raw, phrase.name, phrase.term, m.tail)


@lru_cache(maxsize=1)
def _title_lead() -> re.Pattern[str]:
    """A subject line that opens by implementing what it cites: "thực hiện", "V/v triển khai thực hiện"."""
    chains = "|".join(re.escape(fold(w)) for w in sorted(load_codes().chain_words, key=len, reverse=True))
    # a web page prints the type word and the subject on one line: "CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN ..."
    kinds = "|".join(re.escape(fold(w)) for w in sorted(load_headings().type_words, key=len, reverse=True))
    return re.compile(rf"^[\s*_]*(?:(?:{kinds})\s+)?(?:v/v\s+)?(?:{chains})\s*$")


def _relations(
    view: NormText,
    stream: Stream,
    mentions: list[Mention],
    owner: dict[int, _Doc],
    body_start: int,
    title_range: tuple[int, int] | None = None,
) -> list[tuple[_Doc, _Doc]]:
    """Set each document's relation; return the chains (source implements target).

    Implemented: what the opening sentence cites directly, and what a subject
    line opening with a chain word cites ("CHƯƠNG TRÌNH HÀNH ĐỘNG / thực hiện
    Nghị quyết số 57-NQ/TW ..."), which web posts print without an opening."""
    _, chain_end, _, attach_note = _vocab_patterns()
    text = view.text
    body_start = text.rfind("\n", 0, max(0, min(body_start, len(text)))) + 1
    opening = _opening_range(text, body_start)
    chains: list[tuple[_Doc, _Doc]] = []
    parent: dict[int, _Doc | None] = {}
    direct: dict[int, bool] = {}
    prev: int | None = None
    for i, m in enumerate(mentions):
        vstart = stream.to_view(m.start)
        in_opening = opening is not None and opening[0] <= vstart < opening[1]
        in_title = title_range is not None and title_range[0] <= vstart < title_range[1]
        parent[i] = None
        direct[i] = in_title and bool(_title_lead().match(fold(text[title_range[0] : vstart])))  # type: ignore[index]
        if m.in_abbreviation:
            continue
        if prev is not None:
            gap = stream.text[mentions[prev].tail : m.start]
            folded = fold(gap)
            if (
                len(gap) <= 250
                and not any(c in gap for c in ";.()" + BARRIER)
                and not _CAPITALISED_CHAIN.search(gap)
                and chain_end.search(folded)
            ):
                parent[i] = owner[prev]
            elif len(gap) <= 12 and _COORDINATION.match(folded):
                parent[i] = parent[prev]
                direct[i] = direct[prev]
        if in_opening and parent[i] is None:
            prev_in_opening = (
                prev is not None
                and opening is not None
                and stream.to_view(mentions[prev].start) >= opening[0]
            )
            gap = stream.text[mentions[prev].tail : m.start] if prev is not None else ""
            direct[i] = (
                not prev_in_opening
                or ";" in gap
                or direct[i]
                or bool(_vocab_patterns()[0].search(gap.replace(BARRIER, " ")))
                # "Thực hiện Chỉ thị số 35 ... về <subject> và Kết luận số 56 ...": a second
                # document joined to a directly implemented one after its subject
                or (prev is not None and direct[prev] and bool(_JOINED_AFTER_SUBJECT.search(fold(gap))))
            )
        if not in_opening and not in_title:
            direct[i] = False
        if parent[i] is not None and parent[i] is not owner[i]:
            chains.append((parent[i], owner[i]))  # type: ignore[arg-type]
        if direct[i]:
            _raise(owner[i], Relation.IMPLEMENTS)
        line_start = text.rfind("\n", 0, vstart) + 1
        if attach_note.match(text[line_start:vstart]):
            before = text[max(0, line_start - 600) : line_start]
            if _W.word("attached") in fold(text[line_start:vstart]) or _OUTLINE_TITLE.search(before):
                _raise(owner[i], Relation.ATTACHED_TO)
        prev = i
    return chains


def _raise(doc: _Doc, relation: Relation) -> None:
    if _PRIORITY[relation] < _PRIORITY[doc.relation]:
        doc.relation = relation


def _citation(doc: _Doc, view: NormText, stream: Stream) -> Citation:
    first = doc.first
    explicit = [m for m in doc.mentions if m.explicit_kind]
    kind = (explicit[0] if explicit else first).kind
    issuer = next((m.issuer.name for m in doc.mentions if m.issuer and m.issuer.name), None)
    if issuer is None:
        issuer = next(
            (m.weak_issuer.name for m in doc.mentions if m.weak_issuer and m.weak_issuer.name), None
        )
    date = doc.date or next((m.weak_date for m in doc.mentions if m.weak_date), None)
    with_symbol = next((m for m in doc.mentions if m.parts is not None), None)
    parts = with_symbol.parts if with_symbol else None
    if issuer is None and parts is not None and parts.issuer_code:
        issuer = load_codes().issuer_from_code.get(parts.issuer_code)
    spans = [view.span(*stream.view_range(m.start, m.end)) for m in doc.mentions]
    text_span = view.span(*stream.view_range(first.start, max(first.end, first.tail)))
    return Citation(
        kind=kind,
        number=parts.number if parts else first.number,
        symbol=parts.symbol if parts else None,
        date=date,
        issuer=issuer,
        relation=doc.relation,
        span=spans[0],
        text=view.original[text_span.start : text_span.end],
        type_code=parts.type_code if parts else None,
        issuer_code=parts.issuer_code if parts else None,
        mentions=tuple(spans[1:]),
    )


def _is_own(key: tuple[str, str], own: tuple[str, str], ocr: bool) -> bool:
    """The document's own number and symbol; on a scan also with one letter of its symbol misread
    ("39365/CHQ-G5QL" in the footer of 39365/CHQ-GSQL)."""
    if key == own:
        return True
    return ocr and key[0] == own[0] and len(own[1]) >= _MIN_OWN_MISREAD and one_edit_apart(key[1], own[1])


_MIN_OWN_MISREAD = 6  # "CT-CS" and shorter: one letter may make another body's symbol


def _is_own_number_line(view_text: str, vstart: int) -> bool:
    """`Số: 75-HD/BTGTU` at the head of a line is the document's own number."""
    return bool(_OWN_NUMBER_LINE.search(view_text, max(0, vstart - 12), vstart))


def extract_citations(
    view: NormText,
    *,
    body_start: int = 0,
    own_number: str | None = None,
    own_symbol: str | None = None,
    title_range: tuple[int, int] | None = None,
    ocr: bool = False,
) -> CitationResult:
    """Every numbered directive cited in `view` (the whole normalised document).

    `title_range`: view range of the subject line (trích yếu), if known; `ocr`: the text was read
    from a scan (its rare codes may be misread)."""
    stream = build_stream(view)
    mentions, blanks = find_mentions(stream.text)
    own = _own_key(own_number, own_symbol)
    mentions = [
        m
        for m in mentions
        if not (own is not None and _is_own(m.key, own, ocr))
        and not (
            m.parts is not None
            and not m.explicit_kind
            and _is_own_number_line(view.text, stream.to_view(m.start))
        )
    ]
    merge_misread_symbols(mentions)
    if ocr:
        repair_misread_codes(mentions)
    read_statements(stream.text, mentions)
    _named_issuers(stream.text, mentions)
    share_list_statements(stream.text, mentions)
    fill_dangling_dates(view.text, mentions, stream.to_view)
    docs, owner = _group(mentions, stream)
    kept = sorted(owner)  # short names that match no cited document are dropped
    mentions = [mentions[i] for i in kept]
    owner = {j: owner[i] for j, i in enumerate(kept)}
    chains = _relations(view, stream, mentions, owner, body_start, title_range)
    docs.sort(key=lambda d: stream.to_view(d.first.start))
    citations = tuple(_citation(d, view, stream) for d in docs)
    links: dict[tuple[str, str], CitationLink] = {}
    for source, target in chains:
        key = (source.ref, target.ref)
        if key[0] != key[1] and key not in links:
            links[key] = CitationLink(source.ref, target.ref, Relation.IMPLEMENTS)
    warnings = blank_warnings(blanks, lambda s, e: view.span(*stream.view_range(s, min(e, len(stream.text)))))
    return CitationResult(citations, tuple(links.values()), tuple(warnings))


__all__ = ["CitationResult", "Span", "extract_citations"]
