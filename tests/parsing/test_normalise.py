import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from thongsuot.parsing.normalise import fold, normalise


def test_legacy_font_letter_is_repaired_and_maps_back():
    original = "Nội dung thƣờng xuyên"
    view = normalise(original)
    assert view.text == "Nội dung thường xuyên"
    i = view.text.index("thường")
    span = view.span(i, i + len("thường"))
    assert original[span.start : span.end] == "thƣờng"


def test_nfd_input_gives_nfc_view_with_spans_into_nfd_original():
    original = unicodedata.normalize("NFD", "Hòa bình, Đảng bộ tỉnh")
    view = normalise(original)
    assert view.text == "Hòa bình, Đảng bộ tỉnh"
    i = view.text.index("Đảng")
    span = view.span(i, i + 4)
    assert unicodedata.normalize("NFC", original[span.start : span.end]) == "Đảng"


def test_spaces_soft_hyphens_and_trailing_blanks():
    view = normalise("a\u00a0\u00a0b\u00adc   \nd\t e")
    assert view.text == "a bc\nd e"


def test_fold_treats_tone_placement_case_and_diacritics():
    assert fold("Hoà Bình") == fold("hòa bình")
    assert fold("Uỷ ban") == fold("ủy ban")
    assert fold("Nghị Quyết", diacritics=False) == "nghi quyet"
    assert fold("Đảng", diacritics=False) == "dang"


@given(st.text())
def test_every_normalised_char_maps_inside_the_original(text):
    view = normalise(text)
    assert len(view.offsets) == len(view.text) + 1
    for i in range(len(view.text)):
        span = view.span(i, i + 1)
        assert 0 <= span.start < span.end <= len(text)
    assert list(view.offsets) == sorted(view.offsets)


def test_tone_folding_only_moves_the_tone_of_open_oa_oe_uy_syllables():
    assert fold("Bình Thuận") == "bình thuận"
    assert fold("quý") == "quý" and fold("thuở") == "thuở"
    assert fold("khoẻ") == fold("khỏe") and fold("Thuỷ") == fold("thủy")
