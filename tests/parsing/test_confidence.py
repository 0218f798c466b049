"""Confidence: how the rule matched, and OCR word confidences under a value's span."""

from __future__ import annotations

from thongsuot.domain.document import SourceText
from thongsuot.parsing import parse_text
from thongsuot.parsing.confidence import needs_check
from thongsuot.parsing.pipeline import parse_source
from thongsuot.rendering.document_json import document_to_contract

PLAN = """ỦY BAN NHÂN DÂN
XÃ AN BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
An Bình, ngày 3 tháng 4 năm 2025

KẾ HOẠCH
Tuyên truyền phổ biến pháp luật năm 2025

Căn cứ Kế hoạch số 45/KH-UBND ngày 02/01/2025 của Ủy ban nhân dân huyện; Chỉ thị 05 của Bộ Chính trị;
Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư;

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức.

II. TỔ CHỨC THỰC HIỆN
1. Công an xã chủ trì tuyên truyền.
"""


def test_printed_fields_score_above_inferred_ones() -> None:
    doc = parse_text(PLAN)
    conf = doc.header.confidence
    assert set(conf) == {"kind", "symbol", "date", "issuer", "title"}
    assert all(0.0 <= v <= 1.0 for v in conf.values())
    assert conf["symbol"] > 0.9 and conf["kind"] > 0.9
    assert needs_check(doc) == ["references"]  # only the bare "Chỉ thị 05" is unsure
    letter = parse_text(
        "CỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 56/CT-CS\nV/v chính sách thuế\n"
        "Hà Nội, ngày 1 tháng 12 năm 2025\nKính gửi: Ông A\nCục Thuế có ý kiến như sau:\n"
    )
    assert letter.header.kind == "CÔNG VĂN"
    assert letter.header.confidence["kind"] < letter.header.confidence["symbol"]  # no type word printed
    assert "kind" in needs_check(letter)


def test_citations_scored_by_what_they_state() -> None:
    by_number = {c.number: c.confidence for c in parse_text(PLAN).citations}
    assert by_number["45"] > by_number["30"] > by_number["05"]  # dated > undated > number alone


def test_ocr_word_confidence_caps_the_value_under_it() -> None:
    start = PLAN.index("12/KH-UBND")
    cite = PLAN.index("45/KH-UBND")
    duty = PLAN.index("tuyên truyền.")
    words = ((start, start + 10, 0.41), (cite, cite + 10, 0.52), (duty, duty + 12, 0.3), (0, 5, 0.99))
    doc = parse_source(SourceText(text=PLAN, format="pdf", word_confidences=words))
    assert doc.header.confidence["symbol"] == 0.41
    assert doc.header.confidence["kind"] > 0.9  # no word of the type line is unsure
    assert {c.number: c.confidence for c in doc.citations}["45"] == 0.52
    assert [d.confidence for a in doc.assignments for d in a.duties] == [0.3]
    assert "symbol" in needs_check(doc)
    out = document_to_contract(doc)
    assert out["header"]["confidence"]["symbol"] == 0.41 and "symbol" in out["needs_check"]
    assert out["symbol"] == "12/KH-UBND"  # the contract fields stay as they were


def test_checks_say_why_each_value_is_unsure() -> None:
    from thongsuot.parsing.confidence import checks, reason_text

    plan = parse_text(PLAN)
    (cite,) = checks(plan)
    assert (cite.kind, plan.citations[int(cite.key)].number, cite.reasons) == ("citation", "05", ("number_only",))
    assert reason_text(cite).startswith("Chỉ nêu số")
    letter = parse_text(
        "CỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 56/CT-CS\nV/v chính sách thuế\n"
        "Hà Nội, ngày 1 tháng 12 năm 2025\nKính gửi: Ông A\nCục Thuế có ý kiến như sau:\n"
    )
    kind = next(c for c in checks(letter) if c.key == "kind")
    assert kind.reasons == ("inferred",)
    # A printed value is unsure only through its words: the reason is the OCR alone.
    start = PLAN.index("12/KH-UBND")
    scanned = parse_source(SourceText(text=PLAN, format="pdf", word_confidences=((start, start + 10, 0.41),)))
    symbol = next(c for c in checks(scanned) if c.key == "symbol")
    assert symbol.reasons == ("ocr",) and symbol.confidence == 0.41
