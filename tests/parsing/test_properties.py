"""The parser never raises, and every span it returns lies inside the original."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thongsuot.domain.document import ParsedDocument, Span
from thongsuot.parsing import parse_text

FRAGMENTS = [
    "KẾ HOẠCH",
    "HƯỚNG DẪN",
    "ĐỀ CƯƠNG",
    "I.",
    "II-",
    "IV. TỔ CHỨC THỰC HIỆN",
    "1.",
    "1.1.",
    "2.10-",
    "a)",
    "- ",
    "+ ",
    "Nơi nhận:",
    "T/M BAN THƯỜNG VỤ",
    "K/T TRƯỞNG BAN",
    "(đã ký)",
    "Nguyễn Văn A",
    "Số: ",
    "205-KH/BTCTW",
    "0124/KH-UBND",
    "Hà Nội, ngày 12 tháng 4 năm 2019",
    "ngày 12- 4-2019",
    "(báo cáo)",
    "<sup>1</sup>",
    "---",
    "**",
    "## ",
    "| a | b |",
    "Phần thứ nhất",
    "(Ban hành kèm theo Kế hoạch số ",
    "Căn cứ ",
    "như sau:",
    "Ban Tuyên giáo Tỉnh ủy",
    "xây dựng",
    "ƣ",
    "Trang- 4",
    "\n",
    "\n\n",
    "   ",
    "\t",
    "NỘI DUNG TUYÊN TRUYỀN",
    "(Đính kèm Đề cương ",
    ", ban hành kèm theo ",
    ")",
    "V/v ",
    "Kính gửi:",
]

vietnamese_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12), st.integers(0, 300).map(str)), max_size=60
).map("".join)


def _spans(doc: ParsedDocument) -> list[Span]:
    spans: list[Span] = list(doc.header.spans.values())
    for top in doc.sections:
        for n in top.walk():
            spans.append(n.span)
            if n.heading_span:
                spans.append(n.heading_span)
    for c in doc.citations:
        spans.append(c.span)
        spans.extend(c.mentions)
    for a in doc.assignments:
        spans.append(a.span)
        spans.extend(d.span for d in a.duties)
    spans.extend(r.span for r in doc.recipients)
    if doc.signer and doc.signer.span:
        spans.append(doc.signer.span)
    for f in doc.footnotes:
        spans.append(f.span)
        if f.anchor_span:
            spans.append(f.anchor_span)
    spans.extend(w.span for w in doc.warnings if w.span)
    return spans


def _check(text: str) -> None:
    doc = parse_text(text)
    assert doc.text == text
    assert not any(w.code == "parser_fault" for w in doc.warnings), doc.warnings
    for s in _spans(doc):
        assert 0 <= s.start <= s.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vietnamese_text)
def test_document_like_text_never_raises_and_spans_stay_inside(text: str) -> None:
    _check(text)
