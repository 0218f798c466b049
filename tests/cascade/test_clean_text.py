"""Clean text (issue 11, item 4): OCR damage in the parent is corrected or flagged, never carried silently.

Seed 000 is a scanned provincial guidance (75-HD/BTGTU): its title reads "tuyên truyên vê", its body
"Tỉnh uv", "luân chuvển", "Ọuy định". The checks are by the syllable shape and the vocabulary, so the
properties below hold for any text, not for these words.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thongsuot.cascade.checks import plan_places
from thongsuot.cascade.clean import Cleaner, Vocabulary
from thongsuot.cascade.derive import derive, target_from_name
from thongsuot.domain.plan import FlagKind, Plan
from thongsuot.parsing import parse_file
from thongsuot.vocab.syllables import is_syllable

SEED_000 = Path(__file__).resolve().parents[2] / "samples" / "000_cb2ba15afe6d27db.txt"
AFTER = dt.date(2025, 9, 15)


@pytest.fixture(scope="module")
def commune_plan() -> Plan:
    target = target_from_name("Đảng ủy xã Tân Hòa", AFTER, parent_name="Sóc Trăng")
    return derive(parse_file(SEED_000), target, include_outline=True)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))


def test_the_damaged_words_of_75_hd_are_corrected_or_flagged(commune_plan: Plan) -> None:
    plan = commune_plan
    assert plan.header.title.startswith("Thông tin, tuyên truyền về công tác xây dựng Đảng")
    assert "tuyên truyền về công tác" in plan.basis.text
    places = plan_places(plan)
    flagged = {(f.where, f.text) for f in plan.flags if f.kind is FlagKind.OCR_DAMAGE}
    for damaged in ("truyên vê", "Tỉnh uv", "chuvển", "Ọuy"):
        for where, text in places:
            if damaged in text:
                assert (where, text) in flagged, (damaged, text)
    written = " ".join(t for _, t in places)
    assert "luân chuyển cán bộ tỉnh Sóc Trăng" in written
    assert "Quy định số 985-QĐ/TU" in written


def test_nothing_damaged_is_left_unflagged(commune_plan: Plan) -> None:
    flagged = {(f.where, f.text) for f in commune_plan.flags if f.kind is FlagKind.OCR_DAMAGE}
    cleaner = Cleaner.for_texts([t for _, t in plan_places(commune_plan)])
    for where, text in plan_places(commune_plan):
        if cleaner.damaged(text):
            assert (where, text) in flagged
    assert flagged  # the scan has words no vocabulary restores ("nlíừng"): they are flagged


def test_flags_name_the_paragraph_they_are_about(commune_plan: Plan) -> None:
    places = dict.fromkeys(w for w, _ in plan_places(commune_plan))
    for f in commune_plan.flags:
        if f.kind in (FlagKind.OCR_DAMAGE, FlagKind.KEPT_AS_WRITTEN):
            assert f.where in places, f


VOCAB = (
    "Tuyên truyền về công tác xây dựng Đảng. Tuyên truyền về công tác cán bộ. "
    "Công tác luân chuyển cán bộ. Kết quả luân chuyển cán bộ của tỉnh. Ban Thường vụ Tỉnh ủy ban hành."
)


def test_a_damaged_word_is_restored_from_the_vocabulary() -> None:
    cleaner = Cleaner(Vocabulary.of([VOCAB]), scanned=True)
    assert cleaner.text("tuyên truyên vê công tác luân chuvển cán bộ") == "tuyên truyền về công tác luân chuyển cán bộ"
    assert cleaner.text("Ban Thường vụ Tỉnh uv ban hành") == "Ban Thường vụ Tỉnh ủy ban hành"
    assert cleaner.damaged("xyzq ổn") == []  # letters Vietnamese lacks: a name or loanword, left alone
    assert cleaner.damaged("Kết quả pỉtù") == ["pỉtù"]


def test_a_text_that_is_not_scanned_keeps_its_marks() -> None:
    cleaner = Cleaner(Vocabulary.of([VOCAB]), scanned=False)
    assert cleaner.text("tuyên truyên về công tác") == "tuyên truyên về công tác"


_syllable = st.sampled_from(sorted(_words(VOCAB)))


@settings(max_examples=60, deadline=None)
@given(st.lists(_syllable, min_size=1, max_size=12), st.sampled_from([True, False]))
def test_cleaning_is_stable_and_keeps_the_words_in_place(words: list[str], scanned: bool) -> None:
    text = " ".join(words)
    cleaner = Cleaner(Vocabulary.of([VOCAB]), scanned=scanned)
    once = cleaner.text(text)
    assert len(once.split()) == len(words)  # one word for one word, nothing joined or dropped
    assert cleaner.text(once) == once
    assert all(is_syllable(w) for w in once.split())
