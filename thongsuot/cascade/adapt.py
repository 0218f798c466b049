"""Level words: rewrite an upper level's text for the target level.

"tỉnh nhà" becomes "xã nhà", "Ban Tuyên giáo Tỉnh ủy" the body playing that role
at the target (role_map.toml), while what must stay as printed stays: cited
directives with their issuer ("Chỉ thị số 15-CT/TU, ngày 23/12/2022 của Ban
Thường vụ Tỉnh uỷ"), the upper congress resolution ("Nghị quyết Đại hội Đảng bộ
tỉnh lần thứ XIV", after which the target's own congress resolution is added)
and quoted titles. Pure functions over the vocab data; no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz

from thongsuot.cascade.superior import retarget
from thongsuot.parsing.normalise import fold
from thongsuot.vocab.levels import LevelWords, Role, load_levels, load_roles

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(f"(?<![qQ])([oOuU])([aeyAEY])([{_TONES}])(?![^\\W\\d_]|[\u0300-\u036f])")
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_NAME = f"[{UPPER}][^\\W\\d_]*(?:\\s+[{UPPER}][^\\W\\d_]*)*"
_HOLE = re.compile("\ue000(\\d+)\ue001")

# A numbered directive with its date and issuer: kept exactly as printed. The
# issuer runs from "của" to the first word that starts what the directive is about.
_ISSUER_STOP = "về|thực|và|để|nhằm|trong|theo|tại|đến|với|cho|là|đã|được|gắn|qua|nay|này|cũng"
_CITATION = re.compile(
    r"(?:số\s*\d*|\d+)\s*[-–]\s*[^\W\d_]{1,6}\s*/\s*[^\s,;.)]{1,10}"
    r"(?:\s*,?\s*ng\w{2,3}\s*\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4})?"
    rf"(?:\s+của(?:\s+(?!(?:{_ISSUER_STOP})(?![^\W_]))[^\W\d_]+){{1,10}}(?:\s+\(?kho[áa]\s+[IVXLC]+\)?)?)?"
)
_QUOTED = re.compile('“[^”]{1,300}”|"[^"]{1,300}"')
_NOT_NAMED = f"(?!\\s+[{UPPER}])"
# A sentence that speaks of directives "của <upper body>" is about the upper level's own acts:
# rewriting the body would re-attribute them, so such a sentence is kept as written and flagged.
_ACTS = re.compile(
    r"(?i:nghị\s+quyết|chỉ\s+thị|kết\s+luận|quy\s+định|kế\s+hoạch|chương\s+trình|đề\s+án|hướng\s+dẫn)"
)
_OF = re.compile(r"(?i:của)(?:\s+[^\W\d_]+){0,8}[\s,]*$")


def tone_norm(text: str) -> str:
    """NFC with one tone placement (hòa, ủy), keeping case: the form a plan is written in."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_TONE.sub(r"\1\3\2", decomposed))


def phrase_pattern(phrase: str) -> str:
    """A regex for a phrase: case-insensitive, flexible spaces and dashes, `*` = a proper name."""
    out: list[str] = []
    for i, part in enumerate(tone_norm(phrase).split("*")):
        if i:
            out.append(_NAME)
        if part:
            lit = re.escape(part)
            lit = re.sub(r"(\\ )+", r"\\s+", lit)
            lit = lit.replace(r"\s+\-\s+", r"\s*[-–]\s*").replace(r"\-", r"\s*[-–]\s*")
            lit = lit.replace(r",\s+", r"\s*,\s*")
            out.append(f"(?i:{lit})")
    return r"(?<![^\W_])" + "".join(out) + r"(?![^\W_])"


def _match_case(found: str, replacement: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass(frozen=True)
class UnitMatch:
    """An upper body string mapped to the target: what maps, what has no counterpart."""

    upper: str
    targets: tuple[str, ...]  # names at the target level, in order
    unmatched: tuple[str, ...]  # parts with no counterpart at the target on its date
    roles: tuple[str, ...] = ()

    @property
    def unit(self) -> str:
        if len(self.targets) <= 1:
            return self.targets[0] if self.targets else ""
        return ", ".join(self.targets[:-1]) + " và " + self.targets[-1]


@dataclass(frozen=True)
class Adapter:
    """Rewrites text of `source` level for `target` level on `on` (a pure function object)."""

    source: str
    target: str
    on: dt.date
    locality: str | None = None  # Tân Hòa
    congress: str | None = None  # "lần thứ I, nhiệm kỳ 2025 - 2030"
    roles: tuple[Role, ...] = field(default_factory=load_roles)
    protected: tuple[str, ...] = ()  # exact texts never rewritten (the parser's citation spans)
    unit_word: str | None = None  # phường, đặc khu, thành phố: the target's own unit word
    kept: list[str] = field(default_factory=list, compare=False)  # sentences kept as written (flag them)
    added: list[str] = field(default_factory=list, compare=False)  # texts of the target's own added (flag them)

    @cached_property
    def source_words(self) -> LevelWords:
        return load_levels().level(self.source)

    @cached_property
    def target_words(self) -> LevelWords:
        return load_levels().level(self.target)

    @cached_property
    def _role_aliases(self) -> list[tuple[re.Pattern[str], Role, str]]:
        """(pattern, role, alias) for every upper name, longest alias first."""
        items: list[tuple[re.Pattern[str], Role, str]] = []
        for role in self.roles:
            for alias in role.names_at(self.source):
                items.append((re.compile(phrase_pattern(alias)), role, alias))
        items.sort(key=lambda t: -len(t[2].replace("*", "")))
        return items

    @cached_property
    def _text_pairs(self) -> list[tuple[re.Pattern[str], str]]:
        """Replacement pairs for running text: bodies by role, then level words; longest first."""
        pairs: list[tuple[int, int, re.Pattern[str], str]] = []
        for pattern, role, alias in self._role_aliases:
            body = role.body_at(self.target, self.on)
            if role.in_text and body is not None and "*" not in alias:
                own = retarget(body.name, self.target, self.unit_word)
                pairs.append((len(alias), 1, re.compile(pattern.pattern + _NOT_NAMED), own))
        tw = self.target_words.words
        for key, word in self.source_words.words.items():
            if key in tw and fold(word) != fold(tw[key]):
                own = retarget(tw[key], self.target, self.unit_word)
                # "huyện Đức Trọng", "Tỉnh ủy Sóc Trăng" name a place or body: a fact, kept
                pairs.append((len(word), 0, re.compile(phrase_pattern(word) + _NOT_NAMED), own))
        pairs.sort(key=lambda t: (-t[0], -t[1]))
        return [(p, r) for _, _, p, r in pairs]

    @cached_property
    def _congress(self) -> re.Pattern[str]:
        org = re.escape(tone_norm(self.source_words.party_org)).replace(r"\ ", r"\s+")
        return re.compile(
            rf"(?i:nghị\s+quyết\s+đại\s+hội\s+(?:đại\s+biểu\s+)?{org})"
            rf"(?:\s+{_NAME})?(?:\s+(?i:lần\s+thứ)\s+[IVXLC]+)?"
            r"(?:\s*,?\s*(?i:nhiệm\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4})?"
        )

    @property
    def own_congress(self) -> str:
        parts = [f"Nghị quyết Đại hội {self.target_words.party_org}"]
        if self.locality:
            parts.append(self.locality)
        if self.congress:
            parts.append(self.congress)
        return " ".join(parts)

    def _protect(self, text: str, holes: list[str]) -> str:
        def hide(m: re.Match[str]) -> str:
            holes.append(m.group(0))
            return f"\ue000{len(holes) - 1}\ue001"

        def congress(m: re.Match[str]) -> str:
            holes.append(m.group(0))
            own = self.own_congress
            mark = f"\ue000{len(holes) - 1}\ue001"
            # the centre has no "Đảng bộ" of its own to pair with (its congress is the national one)
            if fold(own) in fold(text) or self.source == self.target or self.source_words.committee is None:
                return mark
            holes.append(own)
            self.added.append(own)
            return f"{mark}, \ue000{len(holes) - 1}\ue001"

        text = _QUOTED.sub(hide, text)
        text = _CITATION.sub(hide, text)
        for exact in sorted(self.protected, key=len, reverse=True):  # what the parser read as citations
            if exact and exact in text:
                text = text.replace(exact, f"\ue000{len(holes)}\ue001")
                holes.append(exact)
        if self.source_words.committee is not None:
            text = self._congress.sub(congress, text)
        for phrase in load_levels().not_level_words:
            text = re.sub(phrase_pattern(phrase), hide, text)
        return text

    def text(self, text: str) -> str:
        """The text rewritten for the target level.

        A level word that names who issued an upper act ("nghị quyết ... của Tỉnh ủy") is
        kept as written, and its sentence is recorded in `kept` to be flagged.
        """
        if self.source == self.target:
            return tone_norm(text)
        out = []
        for sentence in re.split(r"(?<=[.;!?])(\s+)", tone_norm(text)):
            new, attributed = self._sentence(sentence) if sentence.strip() else (sentence, False)
            if attributed:
                self.kept.append(new)
            out.append(new)
        return "".join(out)

    def _sentence(self, text: str) -> tuple[str, bool]:
        holes: list[str] = []
        work = self._protect(text, holes)
        attributed = [False]
        for pattern, replacement in self._text_pairs:
            work = pattern.sub(self._replacer(holes, replacement, attributed), work)
        while _HOLE.search(work):
            work = _HOLE.sub(lambda m: holes[int(m.group(1))], work)
        return work, attributed[0]

    @staticmethod
    def _replacer(holes: list[str], replacement: str, attributed: list[bool]) -> Callable[[re.Match[str]], str]:
        """Replace a match, parking the result so a shorter phrase cannot rewrite it again;
        a match that says who issued an upper act is parked unchanged."""

        def sub(m: re.Match[str]) -> str:
            before = m.string[: m.start()]
            if _OF.search(before) and _ACTS.search(re.split(r"[.;]", before)[-1]):
                attributed[0] = True
                holes.append(m.group(0))
            else:
                holes.append(_match_case(m.group(0), replacement))
            return f"\ue000{len(holes) - 1}\ue001"

        return sub

    def unit(self, upper: str) -> UnitMatch:
        """Map an upper body (as printed in an implementation item) to target bodies."""
        text = tone_norm(" ".join(upper.split()))
        taken: list[tuple[int, int, Role]] = []
        for pattern, role, _alias in self._role_aliases:
            for m in pattern.finditer(text):
                if all(m.end() <= s or m.start() >= e for s, e, _ in taken):
                    taken.append((m.start(), m.end(), role))
        if not taken:
            fuzzy = self._fuzzy_role(text)
            if fuzzy is not None:
                taken.append((0, len(text), fuzzy))
        taken.sort(key=lambda t: t[0])
        targets: list[str] = []
        unmatched: list[str] = []
        for s, e, role in taken:
            body = role.body_at(self.target, self.on)
            if body is None:
                unmatched.append(text[s:e])
            elif retarget(body.name, self.target, self.unit_word) not in targets:
                targets.append(retarget(body.name, self.target, self.unit_word))
        unmatched.extend(self._leftovers(text, [(s, e) for s, e, _ in taken]))
        return UnitMatch(upper, tuple(targets), tuple(unmatched), tuple(r.code for _, _, r in taken))

    def _fuzzy_role(self, text: str) -> Role | None:
        key = fold(text)
        best: tuple[float, Role | None] = (0.0, None)
        for _pattern, role, alias in self._role_aliases:
            if "*" in alias:
                continue
            score = fuzz.ratio(key, fold(alias))
            if score > best[0]:
                best = (score, role)
        return best[1] if best[0] >= 88 else None

    @staticmethod
    def _leftovers(text: str, spans: list[tuple[int, int]]) -> list[str]:
        """Pieces of the upper string outside every matched body (each a body of its own)."""
        rest = list(text)
        for s, e in spans:
            rest[s:e] = ["\n"] * (e - s)
        pieces = re.split(r"\n+|[,;]|\s+và\s+|\s+cùng\s+", "".join(rest))
        out: list[str] = []
        for piece in pieces:
            piece = piece.strip(" .:-–")
            piece = re.sub(r"^(?i:và|cùng|với)\s+", "", piece)
            # a body's name starts with a capital ("Hội Văn học nghệ thuật tỉnh");
            # lower-case leftovers are verbs and links ("chỉ đạo", "phối hợp")
            if len(piece.split()) >= 2 and piece[:1].isupper():
                out.append(piece)
        return out
