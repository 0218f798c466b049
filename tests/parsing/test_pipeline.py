import json
import sys
from pathlib import Path

from thongsuot.parsing import parse_text
from thongsuot.rendering.document_json import document_from_dict, document_to_contract
from thongsuot.rendering.outline_md import document_to_outline

sys.path.insert(0, str(Path(__file__).parent))
from parse_docs import FOOTNOTED, PARTY_PARTS, STATE_PLAN

CONTRACT = [
    "kind",
    "symbol",
    "date",
    "issuer",
    "title",
    "references",
    "sections",
    "units",
    "recipients",
    "signer",
]


def test_contract_fields_present_and_json_serialisable() -> None:
    d = document_to_contract(parse_text(STATE_PLAN, name="plan.txt"))
    assert list(d)[: len(CONTRACT)] == CONTRACT
    assert d["date"] == "2024-03-05"
    assert d["signer"]["position"] == "TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"
    ref = d["references"][0]
    assert (ref["number"], ref["symbol"], ref["relation"]) == ("30", "2020/QĐ-TTg", "implements")
    json.dumps(d, ensure_ascii=False)


def test_round_trip_through_the_dict() -> None:
    for text in (STATE_PLAN, PARTY_PARTS, FOOTNOTED):
        doc = parse_text(text, name="x.md")
        back = document_from_dict(json.loads(json.dumps(document_to_contract(doc))), text=text)
        assert back.header == doc.header
        assert back.header.spans == doc.header.spans
        assert back.sections == doc.sections
        assert back.citations == doc.citations
        assert back.assignments == doc.assignments
        assert back.recipients == doc.recipients
        assert back.signer == doc.signer
        assert back.footnotes == doc.footnotes
        assert back.warnings == doc.warnings
        assert document_to_contract(back) == document_to_contract(doc)


def test_outline_lists_structure_duties_and_signer() -> None:
    md = document_to_outline(parse_text(STATE_PLAN))
    assert md.startswith("# KẾ HOẠCH 0124/KH-UBND")
    assert "**III. TỔ CHỨC THỰC HIỆN** _(implementation)_" in md
    assert "- **Sở Thông tin và Truyền thông**" in md
    assert "Nguyễn Văn Bình" in md


def test_empty_and_garbage_input_give_partial_results_with_warnings() -> None:
    for text in ("", "\n\n", "%%%% ^^^ 12", "I.\n1.\n-\nNơi nhận:\n"):
        doc = parse_text(text)
        assert doc.text == text
        assert doc.warnings
