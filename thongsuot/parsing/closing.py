"""The closing block: `Nơi nhận:` recipients and the signature.

Recipients are dashed entries, possibly wrapped over lines, with their
purpose in parentheses. The signature reads authority line (T/M BAN THƯỜNG
VỤ, K/T TRƯỞNG BAN), position, "(đã ký)", name — in two-column layouts it is
printed on the same lines as the first entries, far to the right, which
`lines.columns` separates using the wide gaps of the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from thongsuot.domain.document import ParseWarning, Recipient, Signer, Span
from thongsuot.parsing.blocks import upper_ratio
from thongsuot.parsing.lines import Line, columns
from thongsuot.parsing.normalise import TONE_MARKS, NormText, fold
from thongsuot.vocab.headings import load_headings
from thongsuot.vocab.syllables import is_syllable

# an entry's dash; OCR reads some as "=" ("=CT, các PCT UBND tỉnh;")
_DASH = re.compile(r"^(?:[-–—•+*]|=(?=\s*[A-ZĐÀ-Ỹ]))\s*")
_PURPOSE = re.compile(r"\(([^()]{1,40})\)\s*[,.;]*\s*$")
_AMP = re.compile(r"(?<=[A-ZĐ])\s*&\s*(?=[A-ZĐ])")
_SCAN_AFTER = 10  # lines searched for the signature after the recipients


@dataclass
class ClosingResult:
    recipients: list[Recipient] = field(default_factory=list)
    signer: Signer | None = None
    start: int | None = None
    end: int | None = None
    warnings: list[ParseWarning] = field(default_factory=list)


def _without_debris(text: str) -> str:
    """The line without leading OCR debris: a stroke of a stamp or signature read as `ˆ`, `'`, `~`
    standing alone (`ˆ Nơi nhận:`) or glued to the first word (`.KT. BỘ TRƯỞNG`). Dashes stay: they mark entries."""
    words = text.split(" ")
    k = 0
    while (
        k < len(words) - 1
        and len(words[k]) <= 2
        and not any(_is_letter_or_digit(c) or c in _MARKS for c in words[k])
    ):
        k += 1
    rest = " ".join(words[k:])
    glued = len(rest) - len(rest.lstrip(_GLUED_DEBRIS))
    if 0 < glued <= 2 and _is_letter_or_digit(rest[glued : glued + 1] or " "):
        rest = rest[glued:]
    return rest if k or glued else text


_GLUED_DEBRIS = ".,'`~ˆ_|"
_MARKS = "-–—•+*("  # entry dashes and an opening bracket are text, never debris


def _is_letter_or_digit(c: str) -> bool:
    return unicodedata.category(c) in ("Lu", "Ll", "Lt", "Nd")


def _clean_start(line: Line) -> Line:
    """The line from its first real character on (see `_without_debris`)."""
    text = _without_debris(line.text)
    return line if text == line.text else _sub_line(line, text, len(line.text) - len(text))


def is_recipients_line(text: str) -> bool:
    """`Nơi nhận:`, also OCR-damaged (`Nơi nhân:`, `Noi nhận`, `ˆ Nơi nhận:`): compared without diacritics."""
    # without spaces too: OCR may run the two words together ("Nơinhận:")
    key = fold(_without_debris(text), diacritics=False).replace(" ", "")
    return any(
        key.startswith(fold(w, diacritics=False).replace(" ", "")) for w in load_headings().closing_recipients
    )


# the stop after a short authority code as OCR reads it: "KT," "TM:" -> "KT." "TM."
_CODE_STOP = re.compile(r"^([a-zđ/]{1,4})[,:;](?=\s)")


def is_authority(text: str) -> bool:
    key = _CODE_STOP.sub(r"\1.", fold(text))
    return upper_ratio(text) > 0.7 and any(key.startswith(p) for p in load_headings().authority_prefixes)


def is_acting_title(text: str) -> bool:
    """`Q. TRƯỞNG BAN`: an acting head's own position (opens a signature, but is no authority line)."""
    key = fold(text)
    return is_authority(text) and any(key.startswith(p) for p in load_headings().acting_prefixes)


def is_position(text: str) -> bool:
    """`PHÓ TRƯỞNG BAN`, also OCR-damaged (`PHÓ TRƯỎNG BAN`): compared without diacritics."""
    key = fold(text, diacritics=False).strip(" .,")
    return upper_ratio(text) > 0.8 and any(key == p or key.startswith(p + " ") for p in _bare_positions())


@lru_cache(maxsize=1)
def _bare_positions() -> tuple[str, ...]:
    return tuple(fold(p, diacritics=False) for p in load_headings().position_words)


def is_signed_mark(text: str) -> bool:
    key = fold(text).strip()
    return any(key == fold(m) for m in load_headings().signed_marks)


_NAME_EDGE = " .,;:'`~_"  # a stop or a speck OCR read after a name ("Nguyễn Văn An ,")


def is_name(text: str) -> bool:
    words = text.strip(_NAME_EDGE).split()
    if not 2 <= len(words) <= 5:
        return False
    return all(w.isalpha() and w[0].isupper() and (w[1:].islower() or len(w) == 1) for w in words)


def is_upper_name(text: str) -> bool:
    """A person's name printed in capitals under a signature ("NGUYỄN VĂN A").

    Only trusted after an authority or position line; body names and
    position words in capitals are not names."""
    stripped = text.strip(_NAME_EDGE)
    words = stripped.split()
    if not 2 <= len(words) <= 5 or not all(w.isalpha() and w.isupper() for w in words):
        return False
    key = fold(stripped)
    vocab = load_headings()
    if any(key == fold(b) or key.startswith(fold(b) + " ") for b in vocab.body_words):
        return False
    if any(key == fold(t) or key.startswith(fold(t) + " ") for t in vocab.type_words):
        return False
    return not any(fold(p) in key for p in vocab.position_words)


def person_name(text: str) -> str:
    """A signer's name as written in words: capitals become title case; a word OCR made no syllable read back."""
    stripped = text.strip(_NAME_EDGE)
    if stripped.isupper():
        stripped = " ".join(w[:1] + w[1:].lower() for w in stripped.split())
    return " ".join(_read_back(w) for w in stripped.split())


def _read_back(word: str) -> str:
    """`Lâ` -> `Lê`: one vowel swapped by vocab name_vowel_ocr, when exactly one swap gives a syllable."""
    if not word.isalpha() or is_syllable(word):
        return word
    swaps = load_headings().name_vowel_ocr
    found = set()
    for k, ch in enumerate(word):
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        lower = base.lower()
        if lower not in swaps:
            continue
        other = swaps[lower] if base == lower else swaps[lower].upper()
        candidate = word[:k] + unicodedata.normalize("NFC", other + tone) + word[k + 1 :]
        if is_syllable(candidate):
            found.add(candidate)
    return found.pop() if len(found) == 1 else word


_AUTHORITY_TOKEN = re.compile(r"(?:(?<=\s)|^)(?:T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|T/U/Q|Q\.)(?=\s)")
_INLINE_ENTRY = re.compile(r"(?:(?<=[;,.])|^)\s*[-–+•]\s+(?=\S)")


_SIGNED_AROUND = re.compile(
    r"^\s*[(\[]?\s*(?:đã\s+ký|Đã\s+ký|ĐÃ\s+KÝ)\s*[)\]:]?\s*(?=[^\s)\]:])|(?<=\S)\s*[(\[]\s*(?:đã\s+ký|Đã\s+ký|ĐÃ\s+KÝ)\s*[)\]]\s*$"
)


def _without_signed_mark(line: Line) -> Line:
    """`(Đã ký) Nguyễn Văn An`, `Nguyễn Văn An (đã ký)`, `Đã ký: ...`: the name without the mark."""
    m = _SIGNED_AROUND.search(line.text)
    if m is None:
        return line
    text = (line.text[: m.start()] + line.text[m.end() :]).strip()
    return _sub_line(line, text, line.text.find(text)) if text else line


def _sub_line(line: Line, text: str, offset: int) -> Line:
    start = min(line.end, line.start + offset)
    return Line(line.index, start, min(line.end, start + len(text)), text, line.blank_before)


def split_signature(line: Line) -> list[Line] | None:
    """One line holding a whole signature, as converters from Word tables print it:
    "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Võ Văn Phi" -> authority, position, name lines.
    None when the line is a single signature part."""
    text = line.text
    words = text.split()
    name_at = None
    for k in range(min(5, len(words) - 1), 1, -1):
        if is_name(" ".join(words[-k:])):
            name_at = len(words) - k
            break
    upper = " ".join(words[:name_at]) if name_at is not None else text
    starts = [m.start() for m in _AUTHORITY_TOKEN.finditer(upper)]
    segments: list[tuple[str, int]] = []
    bounds = [*starts, len(upper)] if starts and starts[0] == 0 else [0, *starts, len(upper)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        seg = upper[a:b].strip()
        if seg:
            segments.append((seg, a))
    out: list[Line] = []
    for n, (seg, at) in enumerate(segments):
        seg_words = seg.split()
        split = None
        if n == len(segments) - 1 and is_authority(seg):
            for j in range(2, len(seg_words)):
                if is_position(" ".join(seg_words[j:])):
                    split = j
                    break
        if split is None:
            out.append(_sub_line(line, seg, at))
        else:
            head = " ".join(seg_words[:split])
            tail = " ".join(seg_words[split:])
            out.append(_sub_line(line, head, at))
            out.append(_sub_line(line, tail, at + seg.find(tail, len(head))))
    if name_at is not None:
        name = " ".join(words[name_at:])
        out.append(_sub_line(line, name, text.rfind(name)))
    return out if len(out) > 1 else None


def find_closing_start(lines: list[Line], body_start: int) -> int | None:
    """Index of the `Nơi nhận` line, or of a signature printed before it."""
    nn = next((i for i in range(body_start, len(lines)) if is_recipients_line(lines[i].text)), None)
    limit = nn if nn is not None else len(lines)
    for i in range(max(body_start, limit - 12) if nn is not None else body_start, limit):
        if is_authority(lines[i].text):
            return i
    return nn


def parse_closing(view: NormText, lines: list[Line], start: int) -> ClosingResult:
    res = ClosingResult(start=start)
    entries: list[list[Line]] = []
    signer_parts: list[Line] = []
    name: Line | None = None
    in_recipients = False
    idle = 0
    i = start
    while i < len(lines):
        ln = lines[i]
        pieces = [q for p in columns(view, ln) for q in (_signature_parts(p) or [p])]
        first, extra = pieces[0], pieces[1:]
        for p in extra:
            if is_authority(p.text) or is_position(p.text):
                signer_parts.append(p)
            elif name is None and (is_name(p.text) or signer_parts and is_upper_name(p.text)):
                name = p
        first = _without_signed_mark(_clean_start(first))
        text = first.text
        i += 1
        if is_recipients_line(text):
            in_recipients = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                rest_line = Line(first.index, first.end - len(rest), first.end, rest)
                entries.extend([e] for e in _inline_entries(rest_line))
            continue
        if is_signed_mark(text):
            continue
        if is_authority(text) or is_position(text):
            signer_parts.append(first)
            in_recipients = False
            continue
        if is_name(text) and (signer_parts or ln.blank_before or not in_recipients):
            name = first
            break
        if signer_parts and is_upper_name(text):
            name = first
            break
        if in_recipients:
            if _DASH.match(text):
                entries.append([first])
                continue
            # entries printed without dashes, one a line, each closed by ";" / "," / "."
            # (only in a list that has no dashes: in a dashed list such a line continues the entry)
            undashed = (
                text[:1].isupper()
                and not any(_DASH.match(e[0].text) for e in entries)
                and (not entries or _closes_entry(entries[-1][-1].text))
            )
            if undashed and not (ln.blank_before and entries) or _dash_lost(entries, text):
                entries.append([first])
                continue
            if entries and (not ln.blank_before or text[:1].islower() or _cut_short(entries[-1])):
                entries[-1].append(first)
                continue
            in_recipients = False
        idle += 1
        if idle > _SCAN_AFTER or not (signer_parts or entries):
            i -= 1
            break
    if not entries and i < len(lines) and is_recipients_line(lines[i].text):
        i = _recipients_after_signature(lines, i, entries)  # the signature was printed first
    if name is not None and entries:
        i = _entries_after_name(lines, i, entries)
    res.end = i
    res.recipients = [r for r in (_recipient(view, e) for e in entries) if r]
    res.signer = _signer(view, signer_parts, name)
    return res


def _closes_entry(text: str) -> bool:
    return text.rstrip().endswith((";", ",", "."))


def _dash_lost(entries: list[list[Line]], text: str) -> bool:
    """A capitalised line after an entry closed by `;` in a dashed list whose entries mostly close with `;`:
    the next entry, its dash lost to OCR ("- Văn phòng UBND TP;" / "Trung tâm thông tin điện tử TP;")."""
    closed = [e for e in entries if e[-1].text.rstrip().endswith(";")]
    return (
        bool(entries)
        and text[:1].isupper()
        and _DASH.match(entries[0][0].text) is not None
        and entries[-1][-1].text.rstrip().endswith(";")
        and 2 * len(closed) > len(entries)
    )


def _cut_short(entry: list[Line]) -> bool:
    """An entry of one unclosed line of a word or two ("- Như" / "" / "Điều 3;"): a narrow cell wrapped it,
    and the page layout put a blank line inside; what follows still belongs to it."""
    text = _DASH.sub("", entry[0].text)
    return len(entry) == 1 and len(text.split()) <= 2 and not _closes_entry(text)


def _recipients_after_signature(lines: list[Line], i: int, entries: list[list[Line]]) -> int:
    """Read a `Nơi nhận` list printed under the signature; return the index after it."""
    first = lines[i]
    rest = first.text.split(":", 1)[1].strip() if ":" in first.text else ""
    if rest:
        entries.extend(
            [e] for e in _inline_entries(Line(first.index, first.end - len(rest), first.end, rest))
        )
    i += 1
    while i < len(lines):
        ln = lines[i]
        if _DASH.match(ln.text):
            entries.append([ln])
        elif entries and (not ln.blank_before or ln.text[:1].islower()):
            entries[-1].append(ln)
        else:
            break
        i += 1
    return i


def _entries_after_name(lines: list[Line], i: int, entries: list[list[Line]]) -> int:
    """Entries printed below the signer's name: in a two-column closing the name's row may come out of
    the page between the last entries ("- Cổng TTĐT tỉnh;" / "Nguyễn Minh Luân" / "- Lưu: VT."). Read on
    while the list is open (its last entry ends with ';' or ','); return the index after them."""
    while i < len(lines):
        last = entries[-1][-1].text.rstrip()
        text = _clean_start(lines[i]).text
        if _DASH.match(text) and last.endswith((";", ",")):
            entries.append([_clean_start(lines[i])])
        elif text[:1].islower() and len(entries) > 1 and not last.endswith((";", ".")):
            entries[-1].append(_clean_start(lines[i]))
        else:
            break
        i += 1
    return i


def _signature_parts(piece: Line) -> list[Line] | None:
    if not is_authority(piece.text) or is_recipients_line(piece.text):
        return None
    return split_signature(piece)


def _inline_entries(line: Line) -> list[Line]:
    """Entries printed on one line ("- A (b/c); - B (t/h); - Lưu: VT."), as a Word table cell gives them."""
    cuts = [m.end() for m in _INLINE_ENTRY.finditer(line.text)]
    if len(cuts) < 2:
        return [line]
    out = []
    for a, b in zip(cuts, [*cuts[1:], len(line.text) + 1], strict=True):
        chunk = line.text[a:b]
        seg = re.sub(r"[;,.]?\s*[-–+•]?\s*$", "", chunk).strip()
        if seg:
            out.append(_sub_line(line, seg, a))
    return out


def _recipient(view: NormText, lines: list[Line]) -> Recipient | None:
    text = " ".join(ln.text for ln in lines)
    text = _DASH.sub("", text).strip()
    text = _AMP.sub("&", text).rstrip(" ,;.")
    if not text:
        return None
    purpose = None
    name = text
    m = _PURPOSE.search(text)
    if m:
        key = fold(m.group(1)).strip()
        purposes = {fold(k): v for k, v in load_headings().recipient_purposes.items()}
        purpose = purposes.get(key)
        if purpose:
            name = text[: m.start()].rstrip(" ,;")
    return Recipient(text=text, name=name, purpose=purpose, span=view.span(lines[0].start, lines[-1].end))


def _printed_right(line: str) -> str:
    """A signature line whose position words are OCR-damaged, printed right:
    `K/T TRƯỎNG BAN` -> `K/T TRƯỞNG BAN` (only when the letters are exactly a known position)."""
    text = line.strip()
    key = fold(text)
    prefix = next((p for p in load_headings().authority_prefixes if key.startswith(p)), "")
    head, rest = text[: len(prefix)], text[len(prefix) :].strip()
    bare = fold(rest, diacritics=False)
    same_letters = [w for w in load_headings().position_words if fold(w, diacritics=False) == bare]
    # unique letters only: THỨ TRƯỞNG and THỦ TRƯỞNG share theirs
    if len(same_letters) == 1 and fold(rest) != fold(same_letters[0]):
        word = same_letters[0].upper()
        return f"{head} {word}" if head else word
    return text


def _signer(view: NormText, parts: list[Line], name: Line | None) -> Signer | None:
    if not parts and name is None:
        return None
    signs_for = [p for p in parts if is_authority(p.text) and not is_acting_title(p.text)]
    authority = ", ".join(_printed_right(p.text) for p in signs_for) or None
    positions = [_printed_right(p.text) for p in parts if p not in signs_for]
    spans = [view.span(p.start, p.end) for p in [*parts, *([name] if name else [])]]
    span: Span | None = None
    for s in spans:
        span = s if span is None else span.cover(s)
    return Signer(
        name=person_name(name.text) if name else None,
        authority=authority,
        position=" ".join(positions) or None,
        span=span,
    )
