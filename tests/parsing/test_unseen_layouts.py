"""Documents of layouts the seeds do not show, against hand-written expectations.

The documents in tests/parsing/docs follow DOMAIN.md conventions (levels from
centre to party cell, Party and State layouts, letters "V/v", guidance with an
attached đề cương, reports, web posts, Markdown, OCR damage). Their expected
fields live in unseen_expectations.py, written from reading each document.
The parser output is taken through the same JSON renderer as
`thongsuot parse --format json`, and compared field by field with the
scorer's normalisation (case, tone placement, spaces, edge punctuation).
"""

from __future__ import annotations

import sys
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any as _Any

import pytest

from thongsuot.parsing import parse_file
from thongsuot.rendering.document_json import document_to_contract

sys.path.insert(0, str(Path(__file__).parent))
from real_score import norm  # the scorer's normalisation, kept once
from unseen_expectations import EXPECTED, Any

DOCS = Path(__file__).parent / "docs"


def similar(a: object, b: object) -> float:
    return SequenceMatcher(None, norm(a), norm(b), autojunk=False).ratio()


def same(expected: _Any, actual: _Any) -> bool:
    if isinstance(expected, Any):
        return any(same(option, actual) for option in expected.options)
    if expected is None or actual is None:
        return expected is None and (actual is None or norm(actual) == "")
    return norm(expected) == norm(actual)


def show(expected: _Any) -> _Any:
    return list(expected.options) if isinstance(expected, Any) else expected


@cache
def parsed(stem: str) -> dict[str, _Any]:
    return document_to_contract(parse_file(DOCS / f"{stem}.txt"))


CASES = sorted(EXPECTED)


def test_every_document_has_expectations() -> None:
    assert sorted(p.stem for p in DOCS.glob("*.txt")) == CASES


@pytest.mark.parametrize("stem", CASES)
@pytest.mark.parametrize("field", ["kind", "symbol", "date", "issuer"])
def test_header_field(stem: str, field: str) -> None:
    expected = EXPECTED[stem][field]
    actual = parsed(stem)[field]
    assert same(expected, actual), f"{stem}.{field}: expected {show(expected)!r}, got {actual!r}"


@pytest.mark.parametrize("stem", CASES)
def test_place_and_parent_body(stem: str) -> None:
    header = parsed(stem)["header"]
    exp = EXPECTED[stem]
    assert same(exp["place"], header.get("place")), f"place: {header.get('place')!r}"
    assert same(exp["issuer_parent"], header.get("parent_issuer")), f"parent: {header.get('parent_issuer')!r}"


@pytest.mark.parametrize("stem", CASES)
def test_title(stem: str) -> None:
    expected, actual = EXPECTED[stem]["title"], parsed(stem)["title"]
    assert similar(expected, actual) >= 0.9, f"expected {expected!r}, got {actual!r}"


def _top_level_parts(tree: list[dict[str, _Any]]) -> list[tuple[str, _Any]]:
    return [(n["title"], n["role"]) for n in tree if n["kind"] in ("section", "part")]


@pytest.mark.parametrize("stem", CASES)
def test_sections_and_roles(stem: str) -> None:
    out = parsed(stem)
    expected = EXPECTED[stem]["sections"]
    got = out["sections"]
    assert len(got) == len(expected), f"sections: {got!r}"
    for (heading, _role), actual in zip(expected, got, strict=True):
        assert similar(heading, actual) >= 0.9, f"expected {heading!r}, got {actual!r}"
    roles = [role for _title, role in _top_level_parts(out["tree"])]
    for (heading, role), actual_role in zip(expected, roles, strict=True):
        assert same(role, actual_role), f"{heading}: role {actual_role!r}, expected {show(role)!r}"


@pytest.mark.parametrize("stem", CASES)
def test_units(stem: str) -> None:
    expected, got = EXPECTED[stem]["units"], parsed(stem)["units"]
    assert len(got) == len(expected), f"units: {got!r}"
    for unit, actual in zip(expected, got, strict=True):
        assert same(unit, actual), f"expected {unit!r}, got {actual!r}"


@pytest.mark.parametrize("stem", CASES)
def test_recipients_with_purpose(stem: str) -> None:
    expected = EXPECTED[stem]["recipients"]
    got = [(r["name"], r["purpose"]) for r in parsed(stem)["recipient_details"]]
    assert len(got) == len(expected), f"recipients: {got!r}"
    for (name, purpose), (actual_name, actual_purpose) in zip(expected, got, strict=True):
        assert same(name, actual_name), f"expected {name!r}, got {actual_name!r}"
        assert same(purpose, actual_purpose), f"{name}: purpose {actual_purpose!r}, expected {purpose!r}"


@pytest.mark.parametrize("stem", CASES)
def test_signer(stem: str) -> None:
    authority, position, name = EXPECTED[stem]["signer"]
    signer = parsed(stem)["signer"] or {}
    assert same(name, signer.get("name")), f"signer: {signer!r}"
    assert same(position, signer.get("position")), f"signer: {signer!r}"
    assert same(authority, signer.get("authority")), f"signer: {signer!r}"


@pytest.mark.parametrize("stem", CASES)
def test_citations(stem: str) -> None:
    expected = EXPECTED[stem]["citations"]
    refs = parsed(stem)["references"]
    got = {(r["number"].lstrip("0") or "0", r["symbol"]): r for r in refs}
    want = {(number.lstrip("0") or "0", symbol): v for (number, symbol), v in expected.items()}
    assert sorted(got) == sorted(want), f"references: {sorted(got)!r}"
    for key, (relation, date, issuer) in want.items():
        ref = got[key]
        assert same(relation, ref.get("relation")), f"{key}: relation {ref.get('relation')!r}"
        assert ref.get("date") == date, f"{key}: date {ref.get('date')!r}, expected {date!r}"
        if issuer is not None:
            assert similar(issuer, ref.get("issuer")) >= 0.85, f"{key}: issuer {ref.get('issuer')!r}"


@pytest.mark.parametrize("stem", [s for s in CASES if "footnotes" in EXPECTED[s]])
def test_footnotes_taken_out(stem: str) -> None:
    out = parsed(stem)
    assert [f["number"] for f in out["footnotes"]] == EXPECTED[stem]["footnotes"]
    body = " ".join(n["text"] for sec in out["tree"] for n in sec["children"])
    for note in out["footnotes"]:
        assert note["text"] not in body, "a footnote left in the body"


def test_a_subject_ending_in_capitals_runs_on() -> None:
    """ "... Ngày sinh / CHỦ TỊCH HỒ CHÍ MINH" is one subject; only a capitals line set apart
    before "Căn cứ" (a decision's deciding authority) ends it."""
    from thongsuot.parsing import parse_text

    text = (
        "KẾ HOẠCH\ntuyên truyền kỷ niệm 135 năm Ngày sinh\nCHỦ TỊCH HỒ CHÍ MINH\n\n"
        "Thực hiện Kế hoạch số 5-KH/TU, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n- Giáo dục truyền thống.\n"
    )
    assert parse_text(text).header.title == "tuyên truyền kỷ niệm 135 năm Ngày sinh CHỦ TỊCH HỒ CHÍ MINH"
