"""A level's own plan (Kế hoạch / Hướng dẫn) as structured data.

A plan is what an officer edits and exports: it is built by deriving from the
plan above (cascade/derive.py), by importing a parsed document, or from an
empty template. Every generated paragraph keeps a `Source` link to the parent
item it came from, so the editor can show the parent's wording beside it and
a reviewer can check nothing was lost on the way down.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum


class PlanKind(StrEnum):
    """The document type of a plan; the value is the type code of its symbol."""

    PLAN = "KH"  # Kế hoạch
    GUIDANCE = "HD"  # Hướng dẫn


class PlanStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"


class Layout(StrEnum):
    """Which official format the document follows."""

    PARTY = "party"  # Hướng dẫn 36-HD/VPTW
    STATE = "state"  # Nghị định 30/2020/NĐ-CP


@dataclass(frozen=True)
class Source:
    """Where a generated item came from in the parent document.

    `path` is a readable address in the parent (`II.1`, `IV.3 - 2`, `ĐỀ CƯƠNG 1.2`),
    `text` the parent's wording, `start`/`end` the parent item's span in its text.
    """

    path: str
    text: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of generated text with its provenance (None = written here)."""

    text: str
    source: Source | None = None


@dataclass(frozen=True)
class Topic:
    """A content topic or a form: a heading line with its talking points."""

    heading: str
    points: tuple[Paragraph, ...] = ()
    source: Source | None = None


@dataclass(frozen=True)
class OutlineSection:
    """A part of the attached outline: `1. Nội dung tuyên truyền trọng tâm` and its topics."""

    heading: str
    topics: tuple[Topic, ...] = ()
    source: Source | None = None


@dataclass(frozen=True)
class Outline:
    """The attached ĐỀ CƯƠNG, printed on its own page after the plan."""

    title: str  # ĐỀ CƯƠNG THÔNG TIN, TUYÊN TRUYỀN ...
    sections: tuple[OutlineSection, ...] = ()
    source: Source | None = None


@dataclass(frozen=True)
class PlanCitation:
    """A directive the plan cites; `implements` marks its basis (lineage) chain."""

    kind: str  # Kế hoạch, Nghị quyết ...
    number: str | None
    symbol: str | None  # KH/TU (party) or 2020/NĐ-CP (state)
    date: dt.date | None
    issuer: str | None
    implements: bool = False
    about: str | None = None  # the subject, "về ..." as printed
    printed: str | None = None  # how the upper text wrote it ("Quy định số 60-ỌĐ/TW"), OCR damage and all

    @property
    def ref(self) -> str:
        if not self.symbol:
            return self.number or ""
        if "/" in self.symbol and self.symbol.split("/", 1)[0].isdigit():
            return f"{self.number}/{self.symbol}"
        return f"{self.number}-{self.symbol}"


@dataclass(frozen=True)
class PlanAssignment:
    """A body of the issuing level with its duties."""

    unit: str
    duties: tuple[Paragraph, ...] = ()
    source: Source | None = None  # the parent body this unit stands for


@dataclass(frozen=True)
class UnmatchedDuty:
    """An upper body with no counterpart at the target: listed for the user to decide."""

    upper_unit: str
    duties: tuple[Paragraph, ...] = ()
    source: Source | None = None
    reason: str = ""


class FlagKind(StrEnum):
    """Why a piece of a draft needs a person's eye before it is signed."""

    KEPT_AS_WRITTEN = "kept_as_written"  # a sentence about the upper level's own acts, not adapted
    ABSENT_BODY = "absent_body"  # names a body or level the issuing unit does not have on its date
    UNKNOWN_NAME = "unknown_name"  # a name to fill in (a visible blank "…")
    OCR_DAMAGE = "ocr_damage"  # a word the parent's scan damaged, corrected or not
    MERGED = "merged"  # duties of two upper bodies merged into one body here
    ADDED = "added"  # a text of the unit's own the draft added (its congress resolution): does it exist?
    PAST_YEAR = "past_year"  # the title or timeline names only years before the plan's date


@dataclass(frozen=True)
class Flag:
    """A point the editor must clear (fix the text) or accept before the plan is issued.

    `where` names the part (`header`, `recipients`, `focal-0`, `assignments-2`, ...),
    `text` the words concerned, `note` what to check, in Vietnamese.
    """

    kind: FlagKind
    where: str
    text: str
    note: str
    accepted: bool = False


@dataclass(frozen=True)
class Recipient:
    name: str
    purpose: str | None = None  # báo cáo, phối hợp, thực hiện

    @property
    def text(self) -> str:
        return f"{self.name} ({self.purpose})" if self.purpose else self.name


@dataclass(frozen=True)
class SignatureBlock:
    authority: str | None  # T/M BAN THƯỜNG VỤ, K/T TRƯỞNG BAN, TM. ỦY BAN NHÂN DÂN
    position: str | None  # PHÓ BÍ THƯ
    name: str | None

    @property
    def full_position(self) -> str | None:
        parts = [p for p in (self.authority, self.position) if p]
        return ", ".join(parts) if parts else None


@dataclass(frozen=True)
class PlanHeader:
    kind: PlanKind
    issuer: str  # Ban Thường vụ Đảng ủy xã Tân Hòa (as the text names it)
    header_body: str  # ĐẢNG ỦY XÃ TÂN HÒA (as printed top left, bold)
    parent_body: str | None  # ĐẢNG BỘ TỈNH SÓC TRĂNG
    issuer_code: str  # ĐU, HU, TU, UBND ...
    title: str  # trích yếu
    place: str | None = None
    date: dt.date | None = None
    number: str | None = None  # set when issued
    layout: Layout = Layout.PARTY

    @property
    def type_word(self) -> str:
        return "KẾ HOẠCH" if self.kind is PlanKind.PLAN else "HƯỚNG DẪN"

    @property
    def symbol(self) -> str | None:
        """`75-HD/BTGTU` (party) or `12/KH-UBND` (state); None until numbered."""
        if not self.number:
            return None
        if self.layout is Layout.STATE:
            return f"{self.number}/{self.kind.value}-{self.issuer_code}"
        return f"{self.number}-{self.kind.value}/{self.issuer_code}"

    @property
    def printed_symbol(self) -> str:
        """The symbol with a blank number for drafts: `   -KH/ĐU`."""
        if self.symbol:
            return self.symbol
        blank = "\u00a0" * 6
        if self.layout is Layout.STATE:
            return f"{blank}/{self.kind.value}-{self.issuer_code}"
        return f"{blank}-{self.kind.value}/{self.issuer_code}"


@dataclass(frozen=True)
class Target:
    """Who the plan is for: the issuing unit, its level and the date it speaks for."""

    name: str  # Đảng ủy xã Tân Hòa
    level: str  # a level code of vocab/data/levels.toml
    on: dt.date
    locality: str | None = None  # Tân Hòa
    parent_name: str | None = None  # Sóc Trăng (the locality of the level above)
    unit_code: str | None = None  # a code of the org tree, when known
    congress: str | None = None  # "lần thứ I, nhiệm kỳ 2025 - 2030"
    unit_word: str | None = None  # xã | phường | đặc khu | thị trấn | tỉnh | thành phố | huyện ...
    parent_word: str | None = None  # the unit word of the level above (tỉnh, thành phố, huyện)


@dataclass(frozen=True)
class ParentRef:
    """The document the plan implements, as a citation plus its own chain."""

    citation: PlanCitation
    title: str | None = None
    chain: tuple[PlanCitation, ...] = ()  # what the parent itself implements


@dataclass(frozen=True)
class Plan:
    header: PlanHeader
    basis: Paragraph  # "Thực hiện Kế hoạch số ... xây dựng kế hoạch thực hiện như sau:"
    situation: tuple[Paragraph, ...] = ()
    purposes: tuple[Paragraph, ...] = ()
    requirements: tuple[Paragraph, ...] = ()
    focal: tuple[Topic, ...] = ()
    regular: tuple[Topic, ...] = ()
    forms: tuple[Topic, ...] = ()
    assignments: tuple[PlanAssignment, ...] = ()
    unmatched: tuple[UnmatchedDuty, ...] = ()
    timeline: tuple[Paragraph, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    signature: SignatureBlock = field(default_factory=lambda: SignatureBlock(None, None, None))
    outline: Outline | None = None
    citations: tuple[PlanCitation, ...] = ()  # every directive the text cites, basis first
    parent: ParentRef | None = None
    target: Target | None = None
    status: PlanStatus = PlanStatus.DRAFT
    flags: tuple[Flag, ...] = ()
    outline_ref: str | None = None  # "theo Đề cương kèm theo Hướng dẫn số 75-HD/BTGTU" when not re-issued

    @property
    def open_flags(self) -> tuple[Flag, ...]:
        """Flags neither cleared nor accepted: issuing waits for these."""
        return tuple(f for f in self.flags if not f.accepted)

    @property
    def units(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for a in self.assignments:
            seen.setdefault(a.unit, None)
        return tuple(seen)

    def with_number(self, number: str, date: dt.date | None = None) -> Plan:
        """The plan with its symbol number (and date) fixed, as issuing does."""
        header = replace(self.header, number=number, date=date or self.header.date)
        return replace(self, header=header)
