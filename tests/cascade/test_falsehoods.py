"""Drafts that never state a falsehood (issue 11): every sample x level x date, 0 violations.

Levels: a province, a commune and a ward; dates: before and after the reform of
1 July 2025. The checker itself is shown to catch each falsehood on a plan that
has it, so "0 violations" is not an empty promise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from thongsuot.cascade.checks import NOT_HERE, own_years, plan_places, violations
from thongsuot.cascade.clean import Cleaner, Vocabulary
from thongsuot.cascade.derive import derive, target_from_name
from thongsuot.domain.document import ParsedDocument
from thongsuot.domain.plan import FlagKind, Paragraph, Plan, PlanAssignment, Recipient
from thongsuot.parsing import parse_file

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.txt"))
BEFORE, AFTER = dt.date(2024, 9, 15), dt.date(2025, 9, 15)
# (unit, what the org tree knows of its superior) on each date; None = unknown superior
TARGETS = {
    BEFORE: [("Tỉnh ủy Sóc Trăng", None), ("Đảng ủy xã Tân Hòa", "huyện Châu Thành"), ("Đảng ủy phường Hòa Bình", None)],
    AFTER: [("Thành ủy Cần Thơ", None), ("Đảng ủy xã Tân Hòa", "Sóc Trăng"), ("Đảng ủy phường Hòa Bình", None)],
}  # fmt: skip
CASES = [(s, day, name, parent) for s in SAMPLES for day, ts in TARGETS.items() for name, parent in ts]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedDocument]:
    return {s.name: parse_file(s) for s in SAMPLES}


def _derive(parsed: dict[str, ParsedDocument], sample: Path, day: dt.date, name: str, parent: str | None) -> Plan:
    return derive(parsed[sample.name], target_from_name(name, day, parent_name=parent))


@pytest.mark.parametrize(
    ("sample", "day", "name", "parent"), CASES, ids=[f"{s.stem[:3]}-{d.year}-{n.split()[-2]}" for s, d, n, _ in CASES]
)
def test_no_falsehood_in_any_draft(
    parsed: dict[str, ParsedDocument], sample: Path, day: dt.date, name: str, parent: str | None
) -> None:
    plan = _derive(parsed, sample, day, name, parent)
    assert violations(plan) == []
    # nothing the scan damaged reaches the text unflagged (item 4)
    flagged = {(f.where, f.text) for f in plan.flags if f.kind is FlagKind.OCR_DAMAGE}
    cleaner = Cleaner(Vocabulary.of([parsed[sample.name].text]), scanned=True)
    assert [(w, t) for w, t in plan_places(plan) if cleaner.damaged(t) and (w, t) not in flagged] == []
    # an unknown superior is a visible blank with a flag, never a bare level word
    if plan.header.parent_body and "…" in plan.header.parent_body:
        assert any(f.kind is FlagKind.UNKNOWN_NAME and f.where == "header" for f in plan.flags)


def test_the_checker_catches_each_falsehood(parsed: dict[str, ParsedDocument]) -> None:
    good = _derive(parsed, SAMPLES[0], AFTER, "Đảng ủy xã Tân Hòa", "Sóc Trăng")
    unit = good.assignments[0].unit
    self_coord = PlanAssignment(unit, (Paragraph(f"Chủ động phối hợp, cung cấp thông tin cho {unit} để chỉ đạo."),))
    bad = [
        replace(good, header=replace(good.header, parent_body="ĐẢNG BỘ TỈNH")),
        replace(good, header=replace(good.header, parent_body="ĐẢNG BỘ TỈNH SÓC TRĂNG")),
        replace(good, recipients=(Recipient("Ban Thường vụ Huyện ủy", "báo cáo"),)),
        replace(good, recipients=(Recipient("Ban Tuyên giáo Tỉnh ủy", "báo cáo"),)),
        replace(good, assignments=(self_coord,)),
        replace(good, purposes=(Paragraph("Thực hiện Chương trình số 24-CTr/TU, ngày 10/10/2022 của Ban Chấp hành Đảng bộ xã."),)),
        replace(good, assignments=(PlanAssignment("Báo chí và phóng viên của xã", ()),)),
    ]  # fmt: skip
    for plan in bad:
        assert violations(plan) != [], plan.header.parent_body


def test_ward_is_a_commune_level_unit() -> None:
    target = target_from_name("Đảng ủy phường Hòa Bình", AFTER)
    assert (target.level, target.unit_word, target.locality) == ("commune", "phường", "Hòa Bình")
    assert target_from_name("Ủy ban nhân dân đặc khu Phú Quốc", AFTER).level == "commune"
    assert target_from_name("Thành ủy Cần Thơ", AFTER).level == "province"


def test_ward_plan_speaks_of_its_own_ward(parsed: dict[str, ParsedDocument]) -> None:
    plan = _derive(parsed, SAMPLES[0], AFTER, "Đảng ủy phường Hòa Bình", "Sóc Trăng")
    assert plan.header.issuer == "Ban Thường vụ Đảng ủy phường"
    assert plan.header.header_body == "ĐẢNG ỦY PHƯỜNG HÒA BÌNH"
    assert plan.header.parent_body == "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ"
    assert any(a.unit == "Các chi bộ trực thuộc Đảng ủy phường" for a in plan.assignments)
    # a ward speaks of itself plainly: "Nhân dân phường", never "phường nhà"
    written = " ".join(t for _, t in plan_places(plan))
    assert "phường nhà" not in written and "Nhân dân phường" in written


def test_header_and_reporting_line_follow_the_date(parsed: dict[str, ParsedDocument]) -> None:
    before = _derive(parsed, SAMPLES[0], BEFORE, "Đảng ủy xã Tân Hòa", "huyện Châu Thành")
    after = _derive(parsed, SAMPLES[0], AFTER, "Đảng ủy xã Tân Hòa", "Sóc Trăng")
    unknown = _derive(parsed, SAMPLES[0], AFTER, "Đảng ủy xã Tân Hòa", None)
    assert before.header.parent_body == "ĐẢNG BỘ HUYỆN CHÂU THÀNH"
    assert before.recipients[0].text == "Ban Tuyên giáo Huyện ủy Châu Thành (báo cáo)"
    assert after.header.parent_body == "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ"
    assert after.timeline[-1].text.endswith("về Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ.")
    assert unknown.header.parent_body == "ĐẢNG BỘ TỈNH …"
    assert {f.where for f in unknown.open_flags} >= {"header", "recipients"}


def test_duties_by_what_exists_at_the_level(parsed: dict[str, ParsedDocument]) -> None:
    plan = _derive(parsed, SAMPLES[0], AFTER, "Đảng ủy xã Tân Hòa", "Sóc Trăng")
    aside = {u.upper_unit: u.reason for u in plan.unmatched}
    # a commune has no newspaper or broadcaster after the reform: press duties are not given to anyone
    assert aside["Báo Sóc Trăng"].startswith(NOT_HERE)
    assert not any("phóng viên" in d.text for a in plan.assignments for d in a.duties)
    # the organisation and propaganda commissions both map to one body: merged, no self-coordination
    assert aside["Ban Xây dựng Đảng Đảng ủy xã"].startswith(NOT_HERE)
    units = [a.unit for a in plan.assignments]
    assert units.count("Ban Xây dựng Đảng Đảng ủy xã") == 1
    # a duty naming districts is flagged in a commune plan
    assert any(f.kind is FlagKind.ABSENT_BODY and "các huyện" in f.text for f in plan.flags)


def test_upper_acts_are_not_reattributed(parsed: dict[str, ParsedDocument]) -> None:
    plan = _derive(parsed, SAMPLES[0], AFTER, "Đảng ủy xã Tân Hòa", "Sóc Trăng")
    first = plan.purposes[0].text
    assert "của Tỉnh ủy, Ban Thường vụ Tỉnh ủy về công tác xây dựng Đảng" in first  # the province's acts
    assert "Nhân dân xã nhà" in first  # the rest of the sentence speaks for the commune
    assert any(f.kind is FlagKind.KEPT_AS_WRITTEN and f.text == first for f in plan.flags)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Thông tin, tuyên truyền về công tác xây dựng Đảng năm 2023", {2023}),
        ("Kế hoạch số 12-KH/TU, ngày 17 tháng 11 năm 2022 của Ban Thường vụ", set()),  # a date's year
        ("thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022", set()),
        ("giai đoạn 2021 - 2025", {2025}),
        ("kỷ niệm 95 năm Ngày thành lập Đảng (1930 – 2025)", {2025}),
        ("Năm 2024: sơ kết; tháng 12, năm 2025: tổng kết", {2024}),
    ],
)
def test_the_years_a_text_dates_itself_by(text: str, years: set[int]) -> None:
    assert own_years(text) == years


def test_a_title_naming_only_past_years_is_flagged_never_rewritten(parsed: dict[str, ParsedDocument]) -> None:
    dated = [s for s in SAMPLES if "năm 20" in (parsed[s.name].header.title or "")]
    assert dated, "a sample whose title names its year"
    for sample in dated:
        title_year = int((parsed[sample.name].header.title or "").rsplit("năm ", 1)[1][:4])
        late = derive(parsed[sample.name], target_from_name("Đảng ủy xã Tân Hòa", dt.date(title_year + 2, 9, 15)))
        flags = [f for f in late.flags if f.kind is FlagKind.PAST_YEAR and f.where == "title"]
        assert len(flags) == 1 and str(title_year) in flags[0].note and str(title_year + 2) in flags[0].note
        assert str(title_year) in late.header.title  # flagged, not changed: the year may be meant
        same = derive(parsed[sample.name], target_from_name("Đảng ủy xã Tân Hòa", dt.date(title_year, 9, 15)))
        assert not [f for f in same.flags if f.kind is FlagKind.PAST_YEAR and f.where == "title"]


def test_the_units_own_congress_resolution_added_by_the_draft_is_flagged(parsed: dict[str, ParsedDocument]) -> None:
    found = 0
    for sample in SAMPLES:
        plan = _derive(parsed, sample, AFTER, "Đảng ủy xã Tân Hòa", "Sóc Trăng")
        added = "Nghị quyết Đại hội Đảng bộ xã Tân Hòa"
        places = [w for w, text in plan_places(plan) if added in text]
        flagged = {f.where for f in plan.flags if f.kind is FlagKind.ADDED and added in f.text}
        assert set(places) == flagged
        found += len(places)
    assert found, "some sample cites the province's congress resolution, to which the commune's is added"
