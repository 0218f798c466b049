"""Confidence of every header field, citation and duty, and the fields an officer should check.

A value read from its own place by the exact layout rule scores higher than one
inferred from elsewhere (opening sentence, signature, type code); a citation
with number, symbol and date higher than a bare number. When the source is an
OCR reading, a value is never surer than the least sure word under its span.
Scores and the threshold are data (vocab/data/confidence.toml).
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from thongsuot.domain.document import Assignment, Citation, Header, ParsedDocument, SourceText, Span
from thongsuot.vocab.confidence import load_confidence

HEADER_FIELDS = ("kind", "symbol", "date", "issuer", "title")


class WordConfidences:
    """Minimum OCR word confidence over a span, in O(log n + words in the span)."""

    def __init__(self, source: SourceText | None) -> None:
        words = sorted(source.word_confidences) if source is not None else []
        self._starts = [w[0] for w in words]
        self._words = words

    def minimum(self, span: Span | None) -> float:
        if span is None or not self._words:
            return 1.0
        i = max(0, bisect.bisect_right(self._starts, span.start) - 1)
        low = 1.0
        while i < len(self._words) and self._words[i][0] < span.end:
            start, end, conf = self._words[i]
            if end > span.start:
                low = min(low, max(0.0, min(1.0, conf)))
            i += 1
        return low


def assess(doc: ParsedDocument) -> ParsedDocument:
    """The document with confidences set on its header fields, citations and duties."""
    rules = load_confidence()
    words = WordConfidences(doc.source)
    header = _header(doc.header, words)
    citations = tuple(_citation(c, words) for c in doc.citations)
    assignments = tuple(_assignment(a, words, rules.duty_listed) for a in doc.assignments)
    return dataclasses.replace(doc, header=header, citations=citations, assignments=assignments)


def _header(h: Header, words: WordConfidences) -> Header:
    rules = load_confidence()
    conf: dict[str, float] = {}
    for name in HEADER_FIELDS:
        if getattr(h, name) is None:
            continue
        span = h.spans.get(name)
        base = rules.header_printed if span is not None else rules.header_inferred
        conf[name] = round(min(base, words.minimum(span)), 3)
    return dataclasses.replace(h, confidence=conf)


def _citation(c: Citation, words: WordConfidences) -> Citation:
    rules = load_confidence()
    if not c.symbol:
        base = rules.citation_number_only
    else:
        base = rules.citation_full if c.date is not None else rules.citation_undated
    return dataclasses.replace(c, confidence=round(min(base, words.minimum(c.span)), 3))


def _assignment(a: Assignment, words: WordConfidences, base: float) -> Assignment:
    duties = tuple(dataclasses.replace(d, confidence=round(min(base, words.minimum(d.span)), 3)) for d in a.duties)
    return dataclasses.replace(a, duties=duties)


def needs_check(doc: ParsedDocument) -> list[str]:
    """Header fields below the threshold ("cần kiểm tra"), plus `references` when a citation is."""
    threshold = load_confidence().threshold
    out = [name for name, value in doc.header.confidence.items() if value < threshold]
    if any(c.confidence < threshold for c in doc.citations):
        out.append("references")
    return out


@dataclass(frozen=True)
class Check:
    """A value below the threshold and why: the rule it was read by, `ocr` if words under it are unsure.

    Derived from the stored confidences and what the value states, so a page can
    say why long after the OCR word boxes are gone.
    """

    kind: str  # header | citation | duty
    key: str  # the header field, the citation's index, "assignment.duty" indices
    confidence: float
    reasons: tuple[str, ...]


def _reasons(rule: str, base: float, value: float, threshold: float) -> tuple[str, ...]:
    out = [rule] if base < threshold else []
    if value < base - 1e-9:
        out.append("ocr")
    return tuple(out) or (rule,)


def checks(doc: ParsedDocument) -> list[Check]:
    """Every header field, citation and duty an officer should check, with the reasons' codes."""
    rules = load_confidence()
    threshold = rules.threshold
    out: list[Check] = []
    for name in HEADER_FIELDS:
        value = doc.header.confidence.get(name)
        if value is None or value >= threshold:
            continue
        printed = name in doc.header.spans
        rule, base = ("printed", rules.header_printed) if printed else ("inferred", rules.header_inferred)
        out.append(Check("header", name, value, _reasons(rule, base, value, threshold)))
    for i, c in enumerate(doc.citations):
        if c.confidence >= threshold:
            continue
        if not c.symbol:
            rule, base = "number_only", rules.citation_number_only
        elif c.date is None:
            rule, base = "undated", rules.citation_undated
        else:
            rule, base = "full", rules.citation_full
        out.append(Check("citation", str(i), c.confidence, _reasons(rule, base, c.confidence, threshold)))
    for i, a in enumerate(doc.assignments):
        for j, d in enumerate(a.duties):
            if d.confidence < threshold:
                out.append(Check("duty", f"{i}.{j}", d.confidence,
                                 _reasons("listed", rules.duty_listed, d.confidence, threshold)))
    return out


def reason_text(check: Check) -> str:
    """The Vietnamese sentence(s) saying why, from vocab/data/confidence.toml."""
    reasons = load_confidence().reasons
    return " ".join(reasons.get(r, r) for r in check.reasons)
