"""Citations: every cited directive once, with kind, number, symbol, date, issuer, relation.

Texts below are written for the rules (Party and State forms, OCR damage,
wrapped lines, markup), not copied from the parser's output. The seed
documents are checked against their hand-made gold annotations.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_files import GOLD, seed, shared_glob

from thongsuot.domain.document import Citation, Relation
from thongsuot.parsing.citations import CitationResult, extract_citations
from thongsuot.parsing.normalise import normalise


def run(text: str, **kw: object) -> CitationResult:
    return extract_citations(normalise(text), **kw)  # type: ignore[arg-type]


def by_ref(result: CitationResult) -> dict[str, Citation]:
    out: dict[str, Citation] = {}
    for c in result.citations:
        key = f"{c.number}|{c.symbol}|{c.date}"
        assert key not in out, f"{key} listed twice"
        out[key] = c
    return out


def find(result: CitationResult, number: str, symbol: str | None, date: dt.date | None = None) -> Citation:
    hits = [
        c
        for c in result.citations
        if c.number == number and c.symbol == symbol and (date is None or c.date == date)
    ]
    assert len(hits) == 1, [(c.number, c.symbol, c.date) for c in result.citations]
    return hits[0]


STATE_PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
Số: 115/KH-UBND
KẾ HOẠCH
Chuyển đổi số năm 2024
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;
Căn cứ Quyết định số 1234/QĐ-UBND ngày 12/5/2021 của Ủy ban nhân dân tỉnh Quảng Nam về việc ban hành quy chế;
Thực hiện Công văn số 56/UBND-VX ngày 3/1/2022 của UBND tỉnh, Sở Thông tin và Truyền thông ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
Theo Chỉ thị 05 của Bộ Chính trị và Thông tư số 15/2020/TT-BTTTT ngày 1 tháng 7 năm 2020 của Bộ Thông tin và Truyền thông.
"""


def test_state_documents() -> None:
    body = STATE_PLAN.index("Căn cứ")
    result = run(STATE_PLAN, body_start=body, own_number="115", own_symbol="KH-UBND")
    decree = find(result, "30", "2020/NĐ-CP")
    assert (decree.kind, decree.date, decree.issuer) == ("Nghị định", dt.date(2020, 3, 5), "Chính phủ")
    assert decree.type_code == "NĐ" and decree.issuer_code == "CP"
    decision = find(result, "1234", "QĐ-UBND")
    assert decision.kind == "Quyết định" and decision.issuer == "Ủy ban nhân dân tỉnh Quảng Nam"
    letter = find(result, "56", "UBND-VX")
    assert letter.kind == "Công văn" and letter.date == dt.date(2022, 1, 3)
    circular = find(result, "15", "2020/TT-BTTTT")
    assert circular.date == dt.date(2020, 7, 1) and circular.issuer == "Bộ Thông tin và Truyền thông"
    assert {c.relation for c in (decree, decision, letter)} == {Relation.IMPLEMENTS}
    assert circular.relation is Relation.MENTIONS
    # cited by number alone: symbol null, issuer still read
    directive = find(result, "05", None)
    assert directive.kind == "Chỉ thị" and directive.issuer == "Bộ Chính trị"
    # the document's own number is not a reference
    assert all(c.number != "115" for c in result.citations)


def test_own_number_line_is_not_a_reference_even_without_own_symbol() -> None:
    result = run("BAN TUYÊN GIÁO\nSố: 75-HD/BTGTU\nHƯỚNG DẪN\nCăn cứ Kế hoạch số 70-KH/TU của Tỉnh ủy.\n")
    assert [c.number for c in result.citations] == ["70"]


def test_same_symbol_two_years_and_undated_mention_by_term() -> None:
    text = (
        "1. Nghị quyết số 18-NQ/TW, ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành Trung ương "
        "Đảng khoá XIII về đất đai; tiếp tục Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương khóa XII "
        "về tinh gọn bộ máy.\n2. Kết luận số 50-KL/TW về tiếp tục thực hiện Nghị quyết số 18-NQ/TW, ngày "
        "25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII.\n"
    )
    result = run(text)
    new = find(result, "18", "NQ/TW", dt.date(2022, 6, 16))
    old = find(result, "18", "NQ/TW", dt.date(2017, 10, 25))
    assert new.issuer == old.issuer == "Ban Chấp hành Trung ương"
    # the undated "khóa XII" mention belongs to the 2017 resolution
    assert len(old.mentions) == 1 and len(new.mentions) == 0
    assert len([c for c in result.citations if c.number == "18"]) == 2


def test_later_dated_mention_fills_undated_first_and_issuer_from_first() -> None:
    text = (
        "Thực hiện Chỉ thị số 36-CT/TW của Bộ Chính trị (khóa XI) về phòng chống ma túy.\n"
        "Sau đó nhắc lại Chỉ thị số 36-CT/TW, ngày 30-5-2014 của Ban Bí thư."
    )
    result = run(text)
    c = find(result, "36", "CT/TW")
    assert c.date == dt.date(2014, 5, 30) and c.issuer == "Bộ Chính trị"
    assert c.relation is Relation.IMPLEMENTS and len(c.mentions) == 1


def test_shared_kind_lists_and_shared_date() -> None:
    text = (
        "Việc thực hiện các Quy định số 08-QĐi/TW, ngày 25/10/2018 của Ban Chấp hành Trung ương; "
        "Quy định số 101-QĐ/TW, ngày 07/6/2012 của Ban Bí thư Trung ương Đảng. "
        "Quán triệt Nghị quyết số 23-NQ/TW và 24-NQ/TW, ngày 22/3/2018 của Bộ Chính trị khóa XII."
    )
    result = run(text)
    assert find(result, "08", "QĐi/TW").kind == "Quy định"
    assert find(result, "101", "QĐ/TW").issuer == "Ban Bí thư"
    first, second = find(result, "23", "NQ/TW"), find(result, "24", "NQ/TW")
    assert first.kind == second.kind == "Nghị quyết"
    assert first.date == second.date == dt.date(2018, 3, 22)
    assert first.issuer == second.issuer == "Bộ Chính trị"


def test_blank_number_left_out_with_warning() -> None:
    result = run("1.1. Việc thực hiện Kế hoạch số      -KH/HU, ngày       /5/2022 của Huyện ủy.")
    assert result.citations == ()
    assert [w.code for w in result.warnings] == ["citation-blank-number"]


def test_wrapped_symbols_markup_and_ocr_damage() -> None:
    text = (
        "Chương trình số 24- \n\nCTr/TU, ngày 10/10/2022 của **Ban Chấp hành đảng bộ tỉnh** (khóa XIV)<sup>1</sup>; "
        "Chỉ thị số 15-CT/TƯ, ngày 23/12/2022 của Ban Thường vụ Tỉnh \n\nuỷ; Nghị quvết số 21-NQ/TỈV, "
        "ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khoá XIII; Ke hoạch sổ 03- KH/TW, neày 01/12/2021 "
        "của Bộ Chính trị khoá XIII; Quy định số 60-ỌĐ/TW, ngày 08/3/2022 của Ban Bí thư; Ọuy định số 41 -QĐ/TW. "
        "ngày 03/11/2021 của Bộ Chính trị."
    )
    result = run(text)
    programme = find(result, "24", "CTr/TU")
    assert programme.kind == "Chương trình" and programme.issuer == "Ban Chấp hành Đảng bộ tỉnh"
    assert find(result, "15", "CT/TU").issuer == "Ban Thường vụ Tỉnh ủy"
    resolution = find(result, "21", "NQ/TW")
    assert resolution.kind == "Nghị quyết" and resolution.issuer == "Ban Chấp hành Trung ương"
    plan = find(result, "03", "KH/TW")
    assert plan.kind == "Kế hoạch" and plan.date == dt.date(2021, 12, 1) and plan.issuer == "Bộ Chính trị"
    assert find(result, "60", "QĐ/TW").issuer == "Ban Bí thư"
    regulation = find(result, "41", "QĐ/TW")
    assert regulation.kind == "Quy định" and regulation.date == dt.date(2021, 11, 3)


def test_opening_sentence_chain_and_abbreviation() -> None:
    text = (
        "BAN TUYÊN GIÁO HUYỆN ỦY\nHƯỚNG DẪN\ntuyên truyền\n-----\n"
        "Thực hiện Hướng dẫn số 86-HD/BTGTU, ngày 13/6/2023 của Ban Tuyên giáo Tỉnh ủy và Kế hoạch số "
        "132-KH/HU, ngày 22/6/2023 của Ban Thường vụ Huyện ủy về thực hiện Chương trình hành động số "
        "58-CTr/TU, ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh về thực hiện Nghị quyết số 28-NQ/TW, "
        "ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về đổi mới (sau đây gọi tắt là "
        "Nghị quyết 28), Ban Tuyên giáo Huyện ủy hướng dẫn như sau:\n"
        "I. NỘI DUNG\n1. Tuyên truyền Nghị quyết 28 và Chương trình hành động số 58-CTr/TU.\n"
    )
    result = run(text, body_start=text.index("Thực hiện"))
    relations = {c.number: c.relation for c in result.citations}
    assert relations == {
        "86": Relation.IMPLEMENTS,
        "132": Relation.IMPLEMENTS,
        "58": Relation.MENTIONS,
        "28": Relation.MENTIONS,
    }
    links = {(link.source, link.target) for link in result.links}
    assert links == {("132-KH/HU", "58-CTr/TU"), ("58-CTr/TU", "28-NQ/TW")}
    # the short name "Nghị quyết 28" is the same document, mentioned twice more
    resolution = find(result, "28", "NQ/TW")
    assert len(resolution.mentions) == 2
    assert find(result, "58", "CTr/TU").kind == "Chương trình hành động"


def test_attachment_note_under_outline() -> None:
    text = (
        "ĐỀ CƯƠNG\nTUYÊN TRUYỀN NĂM 2023\n(Ban hành kèm theo Kế hoạch sổ 70-KH/TƯ, ngày 23/5/2023\n"
        "của Ban Thường vụ Tỉnh uỷ)\n1. Nội dung: theo Kế hoạch số 66-KH/BTGTU ngày 08/5/2023 của Ban "
        "Tuyên giáo Tỉnh ủy.\n"
    )
    result = run(text)
    note = find(result, "70", "KH/TU")
    assert note.relation is Relation.ATTACHED_TO and note.issuer == "Ban Thường vụ Tỉnh ủy"
    assert find(result, "66", "KH/BTGTU").relation is Relation.MENTIONS


def test_footnote_block_is_read_apart_and_split_date_is_joined() -> None:
    text = (
        "7. Sắp xếp bộ máy về thực hiện Nghị quyết số 18-NQ/TW<sup>1</sup>,\n\n---\n\n"
        "1- Kế hoạch số 82-KH/TU, ngày 30/01/2018 của Ban Thường vụ Tỉnh ủy; Kế hoạch số 116-KH/HU, ngày\n\n"
        "Nghị quyết số 19-NQ/TW<sup>2</sup>, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII.\n\n"
        "8. Nội dung khác.\n\n22/3/2018 của Ban Chấp hành Đảng bộ huyện.\n"
    )
    result = run(text)
    assert find(result, "18", "NQ/TW").date == dt.date(2017, 10, 25)
    footnoted = find(result, "116", "KH/HU")
    assert footnoted.date == dt.date(2018, 3, 22) and footnoted.issuer == "Ban Chấp hành Đảng bộ huyện"
    assert find(result, "82", "KH/TU").date == dt.date(2018, 1, 30)


def test_spans_point_into_the_original() -> None:
    text = "Căn cứ  Kế hoạch số 70-KH/TU, ngày 23/5/2023 của Ban Thường vụ Tỉnh\u00a0ủy; nhắc lại Kế hoạch số 70-KH/TU."
    result = run(text)
    (c,) = result.citations
    assert text[c.span.start : c.span.end] == "Kế hoạch số 70-KH/TU"
    assert text[c.mentions[0].start : c.mentions[0].end] == "Kế hoạch số 70-KH/TU"
    assert c.text.startswith("Kế hoạch số 70-KH/TU, ngày 23/5/2023 của Ban Thường vụ")


def _gold_refs() -> list[tuple[str, list[dict[str, object]]]]:
    out = []
    for path in shared_glob(GOLD, "*.json", at_least=4):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append((path.stem, gold))
    return out


@pytest.mark.parametrize(("stem", "gold"), _gold_refs())
def test_seed_documents_match_gold(stem: str, gold: dict[str, object]) -> None:
    text = seed(f"{stem}.txt").read_text(encoding="utf-8")
    view = normalise(text)
    own = gold.get("symbol")
    number, symbol = str(own).split("-", 1) if own else (None, None)
    result = extract_citations(view, own_number=number, own_symbol=symbol)

    def key(number: object, symbol: object, date: object) -> tuple[str, str, str]:
        return (str(number).lstrip("0"), str(symbol).upper(), str(date) if date else "")

    refs = gold["references"]
    assert isinstance(refs, list)
    expected = {key(r["number"], r["symbol"], r["date"]): r for r in refs}
    got = {key(c.number, c.symbol, c.date.isoformat() if c.date else None): c for c in result.citations}
    assert set(got) == set(expected)
    for k, ref in expected.items():
        assert got[k].kind == ref["kind"]
        if ref["issuer"]:
            assert (got[k].issuer or "").lower() == str(ref["issuer"]).lower(), k


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789-/., ()\n*<>supKếhoạchNghịquyếtsốngàyTWUKHQĐiCTrcủaBanThườngvụTỉnhủy\\'ƯỌ")
        )
    ),
    st.integers(min_value=-5, max_value=500),
)
def test_never_raises_and_spans_stay_inside(text: str, body_start: int) -> None:
    result = run(text, body_start=body_start)
    for c in result.citations:
        for span in (c.span, *c.mentions):
            assert 0 <= span.start <= span.end <= len(text)
    for w in result.warnings:
        assert w.span is None or 0 <= w.span.start <= w.span.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    run(text)


def test_issuer_before_date_and_issued_by() -> None:
    text = (
        "Quán triệt Nghị quyết số 35-NQ/TW của Bộ Chính trị, ngày 22/10/2018 về bảo vệ nền tảng; "
        "Quyết định số 45/QĐ-UBND do Ủy ban nhân dân huyện ban hành ngày 3/2/2021."
    )
    result = run(text)
    resolution = find(result, "35", "NQ/TW")
    assert (resolution.issuer, resolution.date) == ("Bộ Chính trị", dt.date(2018, 10, 22))
    assert find(result, "45", "QĐ-UBND").issuer == "Ủy ban nhân dân huyện"


def test_issuer_from_an_unambiguous_code_only() -> None:
    result = run("Theo Hướng dẫn số 86-HD/BTGTU và Kế hoạch số 12-KH/TU.")
    assert find(result, "86", "HD/BTGTU").issuer == "Ban Tuyên giáo Tỉnh ủy"
    assert find(result, "12", "KH/TU").issuer is None  # TU: Tỉnh ủy or its Ban Thường vụ


def test_numbers_that_are_not_directive_numbers() -> None:
    text = (
        "Kế hoạch 2023 của đơn vị; Nghị quyết 5 năm qua; Chương trình 3 nội dung; "
        "Kết luận 2 lần; giai đoạn 2020-2025; ngày 12/4/2019; Covid-19."
    )
    assert run(text).citations == ()


def test_relation_priority_and_each_document_once() -> None:
    text = (
        "KẾ HOẠCH\nCăn cứ Kế hoạch số 70-KH/TU, ngày 23/5/2023 của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo "
        "hướng dẫn như sau:\nI. NỘI DUNG\n- Tuyên truyền Kế hoạch số 70-KH/TU.\nĐỀ CƯƠNG\n"
        "(Ban hành kèm theo Kế hoạch số 70-KH/TU, ngày 23/5/2023 của Ban Thường vụ Tỉnh ủy)\n"
    )
    result = run(text, body_start=text.index("Căn cứ"))
    (plan,) = result.citations
    assert plan.relation is Relation.IMPLEMENTS
    assert len(plan.mentions) == 2


def test_coordinated_objects_of_a_chain_share_its_source() -> None:
    text = (
        "8. Theo Kế hoạch số 103-KH/HU, ngày 22/02/2023 của Ban Chấp hành Đảng bộ huyện về thực hiện "
        "Nghị quyết số 21-NQ/TW và Kết luận số 28-KL/TW của Bộ Chính trị; việc rà soát."
    )
    links = {(link.source, link.target) for link in run(text).links}
    assert links == {("103-KH/HU", "21-NQ/TW"), ("103-KH/HU", "28-KL/TW")}


def test_no_chain_across_a_sentence_or_a_capitalised_clause() -> None:
    text = (
        "Kế hoạch số 12-KH/TU của Tỉnh ủy. Thực hiện Nghị quyết số 28-NQ/TW; "
        "Chỉ thị số 05-CT/TW của Bộ Chính trị gắn với thực hiện Quy định số 08-QĐi/TW."
    )
    assert run(text).links == ()


def test_upper_case_citation_and_joint_symbols() -> None:
    text = (
        "KẾ HOẠCH SỐ 12-KH/TU NGÀY 3/4/2022 CỦA BAN THƯỜNG VỤ TỈNH ỦY; "
        "Hướng dẫn số 12-HD/BTGTW-BDVTW; Thông tư liên tịch số 03/2016/TTLT-BNV-BTC của Bộ Nội vụ."
    )
    result = run(text)
    plan = find(result, "12", "KH/TU")
    assert plan.kind == "Kế hoạch" and plan.date == dt.date(2022, 4, 3)
    assert (plan.issuer or "").lower() == "ban thường vụ tỉnh ủy"
    assert find(result, "12", "HD/BTGTW-BDVTW").kind == "Hướng dẫn"
    circular = find(result, "03", "2016/TTLT-BNV-BTC")
    assert circular.kind == "Thông tư liên tịch" and circular.type_code == "TTLT"
