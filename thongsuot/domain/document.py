"""The parsed directive document: what every layer above the parser speaks.

Every extracted item carries a `Span` into the untouched original text, so a
page can underline it and a reviewer can check it against the source.
Damaged input yields partial results plus `ParseWarning`s, never exceptions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) in the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def cover(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))


class Relation(StrEnum):
    """How a document relates to a directive it cites."""

    IMPLEMENTS = "implements"  # opening "Căn cứ / Thực hiện ..." sentence
    ATTACHED_TO = "attached_to"  # "ban hành kèm theo Kế hoạch số ..."
    MENTIONS = "mentions"  # everything else


class SectionRole(StrEnum):
    """What a top-level section is for, matched from its heading."""

    SITUATION = "situation"
    PURPOSE = "purpose"
    CONTENT = "content"
    CONTENT_FOCAL = "content-focal"
    CONTENT_REGULAR = "content-regular"
    FORMS = "forms"
    IMPLEMENTATION = "implementation"
    TIMELINE = "timeline"
    OUTLINE = "outline"  # an attached ĐỀ CƯƠNG
    OTHER = "other"


class NodeKind(StrEnum):
    PART = "part"  # an attached part (ĐỀ CƯƠNG ... ban hành kèm theo)
    SECTION = "section"  # I., II-, Phần thứ nhất
    ITEM = "item"  # 1., 1.1., 2.10-, a)
    BULLET = "bullet"  # - or +
    PARAGRAPH = "paragraph"  # unnumbered text


@dataclass(frozen=True)
class ParseWarning:
    """A code (what went wrong), its Vietnamese sentence and the params it was made from.

    The sentence comes from vocab/data/warnings.toml (`vocab.warnings.make_warning`),
    so pages and JSON speak the officer's language; params keep the raw facts.
    """

    code: str
    message: str
    span: Span | None = None
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class SourceSegment:
    """Where a stretch of the extracted text came from in the source file."""

    start: int
    end: int
    page: int | None = None
    paragraph: int | None = None


@dataclass(frozen=True)
class SourceText:
    """What a reader returns: the text plus an offset map back to the source."""

    text: str
    format: str  # txt, md, html, docx, pdf
    name: str = ""
    segments: tuple[SourceSegment, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    # OCR only: (start, end, confidence 0..1) of each recognised word, offsets into `text`.
    word_confidences: tuple[tuple[int, int, float], ...] = ()

    def locate(self, offset: int) -> SourceSegment | None:
        """The source segment (page / paragraph) holding a text offset."""
        lo, hi = 0, len(self.segments)
        while lo < hi:
            mid = (lo + hi) // 2
            seg = self.segments[mid]
            if offset < seg.start:
                hi = mid
            elif offset >= seg.end:
                lo = mid + 1
            else:
                return seg
        return None


@dataclass(frozen=True)
class Header:
    kind: str | None = None  # type word as printed, upper case: KẾ HOẠCH
    symbol: str | None = None  # 205-KH/BTCTW
    number: str | None = None  # 205
    type_code: str | None = None  # KH
    issuer_code: str | None = None  # BTCTW
    date: dt.date | None = None
    place: str | None = None
    issuer: str | None = None  # Ban Tổ chức Trung ương
    parent_issuer: str | None = None  # Ban Chấp hành Trung ương
    title: str | None = None  # trích yếu
    layout: str | None = None  # party | state | unknown
    spans: dict[str, Span] = field(default_factory=dict, compare=False, hash=False)
    # field -> confidence 0..1 (how the rule matched, OCR word confidences under its span)
    confidence: dict[str, float] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Node:
    """One node of the body tree: a section, a numbered item, a bullet or a paragraph."""

    kind: NodeKind
    span: Span
    marker: str | None = None
    heading: str | None = None
    text: str = ""
    heading_span: Span | None = None
    role: SectionRole | None = None
    children: tuple[Node, ...] = ()

    @property
    def title(self) -> str:
        """The heading as printed, with its marker: `I. MỤC ĐÍCH, YÊU CẦU`."""
        head = self.heading or ""
        if self.marker and self.kind is not NodeKind.PART:
            return f"{self.marker} {head}".strip()
        return head

    def walk(self) -> tuple[Node, ...]:
        out: list[Node] = [self]
        for child in self.children:
            out.extend(child.walk())
        return tuple(out)


@dataclass(frozen=True)
class Citation:
    """A numbered directive cited in the text (one per distinct document)."""

    kind: str | None  # Nghị quyết, Kế hoạch, Chương trình hành động ...
    number: str | None  # 35
    symbol: str | None  # NQ/TW (party) or 2020/NĐ-CP (state)
    date: dt.date | None
    issuer: str | None
    relation: Relation
    span: Span  # first full mention
    text: str = ""  # the citing text, as printed
    type_code: str | None = None
    issuer_code: str | None = None
    mentions: tuple[Span, ...] = ()  # every other place it is mentioned
    confidence: float = 1.0  # 0..1: how complete the mention is, OCR word confidences under it

    @property
    def ref(self) -> str:
        """`35-NQ/TW` (party) or `30/2020/NĐ-CP` (state) or just the number."""
        if not self.symbol:
            return self.number or ""
        head = self.symbol.split("/", 1)[0]
        if "/" not in self.symbol or head.isdigit():
            # State style: 0124/KH-UBND, 56/UBND-VX, 30/2020/NĐ-CP
            return f"{self.number}/{self.symbol}"
        return f"{self.number}-{self.symbol}"


@dataclass(frozen=True)
class CitationLink:
    """A chain stated inside a citation: `source` implements `target`."""

    source: str
    target: str
    relation: Relation = Relation.IMPLEMENTS


@dataclass(frozen=True)
class Duty:
    text: str
    span: Span
    confidence: float = 1.0  # 0..1: OCR word confidences under it


@dataclass(frozen=True)
class Assignment:
    """One body named in the implementation part, with its duties."""

    unit: str
    span: Span
    duties: tuple[Duty, ...] = ()
    marker: str | None = None


@dataclass(frozen=True)
class Recipient:
    text: str  # as printed, without the leading dash
    name: str  # without the purpose
    purpose: str | None  # báo cáo, phối hợp, thực hiện ...
    span: Span


@dataclass(frozen=True)
class Signer:
    name: str | None
    authority: str | None = None  # T/M BAN THƯỜNG VỤ, K/T TRƯỞNG BAN
    position: str | None = None  # PHÓ BÍ THƯ
    span: Span | None = None

    @property
    def full_position(self) -> str | None:
        parts = [p for p in (self.authority, self.position) if p]
        return ", ".join(parts) if parts else None


@dataclass(frozen=True)
class Footnote:
    number: str
    text: str
    span: Span
    anchor_span: Span | None = None


@dataclass(frozen=True)
class ParsedDocument:
    text: str  # the original text, never changed
    header: Header
    sections: tuple[Node, ...] = ()
    citations: tuple[Citation, ...] = ()
    links: tuple[CitationLink, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    signer: Signer | None = None
    footnotes: tuple[Footnote, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    source: SourceText | None = None

    @property
    def units(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for a in self.assignments:
            seen.setdefault(a.unit, None)
        return tuple(seen)
