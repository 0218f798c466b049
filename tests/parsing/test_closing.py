import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thongsuot.parsing import parse_text
from thongsuot.parsing.closing import person_name

sys.path.insert(0, str(Path(__file__).parent))
from parse_docs import FOOTNOTED, PARTY_PARTS, STATE_PLAN


def test_recipients_with_purposes_and_signer_in_right_column() -> None:
    doc = parse_text(STATE_PLAN)
    assert [r.text for r in doc.recipients] == [
        "Thường trực Thành ủy (để báo cáo)",
        "Các sở, ban, ngành Thành phố (để thực hiện)",
        "Lưu: VT, KGVX",
    ]
    assert [r.purpose for r in doc.recipients] == ["báo cáo", "thực hiện", None]
    assert doc.recipients[0].name == "Thường trực Thành ủy"
    assert doc.signer is not None
    assert doc.signer.name == "Nguyễn Văn Bình"
    assert doc.signer.full_position == "TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"


def test_signed_mark_skipped_and_abbreviated_purpose() -> None:
    doc = parse_text(PARTY_PARTS)
    assert doc.signer is not None and doc.signer.name == "Trần Thị Hoa"
    assert doc.signer.authority == "K/T TRƯỞNG BAN" and doc.signer.position == "PHÓ TRƯỞNG BAN"
    assert [r.purpose for r in doc.recipients] == ["báo cáo", "báo cáo", None]


def test_wrapped_entries_joined_and_page_marker_dropped() -> None:
    text = (
        "KẾ HOẠCH\nx\n\nI. NỘI DUNG\n- a.\n\nNơi nhận:\n- Thường trực các huyện ủy, thị ủy,\n"
        "đảng ủy trực thuộc Tỉnh ủy,\n- Lưu VT. Trang- 12\n\nLê Văn Tám\n"
    )
    doc = parse_text(text)
    assert [r.text for r in doc.recipients] == [
        "Thường trực các huyện ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy",
        "Lưu VT",
    ]
    assert doc.signer is not None and doc.signer.name == "Lê Văn Tám" and doc.signer.full_position is None


def test_markdown_signature() -> None:
    doc = parse_text(FOOTNOTED)
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.full_position) == ("Hồ Văn Lâm", "T/M BAN THƯỜNG VỤ, BÍ THƯ")
    assert [r.text for r in doc.recipients][-1] == "Lưu VP"


# -- closings as OCR read them on our scans (issue 10) ------------------------------------------------
_BODY = "QUYẾT ĐỊNH\nCông bố thủ tục\n\nĐiều 1. Công bố thủ tục hành chính nội bộ.\nĐiều 2. Quyết định này có hiệu lực./.\n"


def test_recipients_heading_behind_ocr_debris() -> None:
    """A stamp or signature stroke read as a mark before `Nơi nhận:` (`ˆ`, `'`, `~`)."""
    for debris in ("ˆ", "'", "~", "ˆ ,"):
        closing = f"{debris} Nơi nhận:\n- Như Điều 3;\n- CT, các PCT UBND tỉnh;\n- Lưu: VT.KT15/11.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Minh Luân\n"
        doc = parse_text(_BODY + closing)
        assert [r.text for r in doc.recipients] == [
            "Như Điều 3",
            "CT, các PCT UBND tỉnh",
            "Lưu: VT.KT15/11",
        ], debris
        assert doc.signer is not None and doc.signer.name == "Nguyễn Minh Luân"


def test_entry_whose_dash_ocr_lost_is_its_own_entry() -> None:
    closing = (
        "Nơi nhận:\n- Như Điều 4;\n- Các PCT UBND Thành phố;\n- Văn phòng UBND TP;\nTrung tâm thông tin điện tử TP;\n"
        "- Lưu: VT, KSTTHC.\nGIÁM ĐỐC\nCù Ngọc Trang\n"
    )
    doc = parse_text(_BODY + closing)
    assert [r.text for r in doc.recipients] == [
        "Như Điều 4",
        "Các PCT UBND Thành phố",
        "Văn phòng UBND TP",
        "Trung tâm thông tin điện tử TP",
        "Lưu: VT, KSTTHC",
    ]


def test_wrapped_entry_whose_line_is_not_closed_stays_whole() -> None:
    """Only after a `;` does a capital line open an entry: a wrapped one ("... TGĐ" / "Cổng TTĐT; ...") stays one."""
    closing = (
        "Nơi nhận:\n- Như trên;\n- VPCP: BTCN, PCN Nguyễn Sỹ Hiệp, Trợ lý TTg, TGĐ\nCổng\nTTĐT; các Vụ: KTTH, TH;\n"
        "- Lưu: VT, CN (2).\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nPhạm Mạnh Cường\n"
    )
    doc = parse_text(_BODY + closing)
    assert [r.text for r in doc.recipients] == [
        "Như trên",
        "VPCP: BTCN, PCN Nguyễn Sỹ Hiệp, Trợ lý TTg, TGĐ Cổng TTĐT; các Vụ: KTTH, TH",
        "Lưu: VT, CN (2)",
    ]


def test_authority_line_behind_glued_debris_and_undashed_last_entry() -> None:
    """OCR read a speck before `KT.` (`.KT. BỘ TRƯỞNG`) and lost the last entry's dash (`Lưu: VT, CT (PC)`)."""
    closing = (
        "Nơi nhận:\n- Như\ntrên;\n- Lãnh đạo Bộ\n(để báo cáo);\n- Cục Thuế (để phối hợp);\nLưu: VT, CT (PC)\n"
        ".KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Tấn\n"
    )
    doc = parse_text(_BODY + closing)
    assert [r.text for r in doc.recipients] == [
        "Như trên",
        "Lãnh đạo Bộ (để báo cáo)",
        "Cục Thuế (để phối hợp)",
        "Lưu: VT, CT (PC)",
    ]
    assert doc.signer is not None
    assert (doc.signer.authority, doc.signer.position, doc.signer.name) == (
        "KT. BỘ TRƯỞNG",
        "THỨ TRƯỞNG",
        "Lê Tấn",
    )


def test_entry_dashes_are_never_taken_for_debris() -> None:
    closing = (
        "Nơi nhận:\n\n- Ban Thường vụ Tỉnh ủy (báo cáo),\n\n- Thường trực Huyện ủy,\n\n+ Lưu VP.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nHồ Văn Lâm\n"
    )
    doc = parse_text(_BODY + closing)
    assert [r.text for r in doc.recipients] == [
        "Ban Thường vụ Tỉnh ủy (báo cáo)",
        "Thường trực Huyện ủy",
        "Lưu VP",
    ]


RECIPIENTS_AS_OCR_READ = [
    # a cell-wrapped first entry with a blank line inside ("- Như" / "" / "Điều 3;")
    (
        "Nơi nhận:\n- Như\n\nĐiều 3;\n- Cục KS TTHC, Văn phòng Chính phủ;\n- UBND thành phố;\n- Lưu: VT,PV.\n",
        ["Như Điều 3", "Cục KS TTHC, Văn phòng Chính phủ", "UBND thành phố", "Lưu: VT,PV"],
    ),
    # a dash read as "=", a dash lost after an entry closed by ";" although the first closes with ":"
    (
        "Nơi nhận:\n- Như Điều 3:\n\n- Cục Kiểm soát TTHC - VPCP;\n=CT, các PCT UBND tỉnh;\n- Phòng Nội chính;\n"
        "TTPVHCC;\n- Lưu: VT, 06.PVHCC.\n",
        ["Như Điều 3:", "Cục Kiểm soát TTHC - VPCP", "CT, các PCT UBND tỉnh", "Phòng Nội chính", "TTPVHCC",
         "Lưu: VT, 06.PVHCC"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("closing", "expected"), RECIPIENTS_AS_OCR_READ)
def test_recipients_as_ocr_read_them(closing: str, expected: list[str]) -> None:
    doc = parse_text(_BODY + closing + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần\n\nChí Hùng\n")
    assert [r.text for r in doc.recipients] == expected


_ENTRY_WORDS = [
    "Sở Tài chính",
    "UBND các xã",
    "Văn phòng UBND tỉnh",
    "Cổng TTĐT tỉnh",
    "Ban Tuyên giáo",
    "Phòng KSTTHC",
]


@settings(max_examples=40, deadline=None)
@given(
    picks=st.lists(st.sampled_from(_ENTRY_WORDS), min_size=2, max_size=6, unique=True),
    lost=st.integers(min_value=1, max_value=5),
    debris=st.sampled_from(["", "ˆ ", "' ", "~ "]),
)
def test_property_a_lost_dash_or_debris_keeps_the_entries(picks: list[str], lost: int, debris: str) -> None:
    """A ';'-closed dashed list with one dash (not the first) lost to OCR, Nơi nhận behind debris: same entries."""
    lines = [f"- {p};" for p in picks] + ["- Lưu: VT."]
    k = min(lost, len(picks) - 1)
    lines[k] = lines[k][2:]
    closing = f"{debris}Nơi nhận:\n" + "\n".join(lines) + "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    doc = parse_text(_BODY + closing)
    assert [r.text for r in doc.recipients] == [*picks, "Lưu: VT"]
    assert doc.signer is not None and doc.signer.name == "Nguyễn Văn An"


def test_signer_name_with_a_vowel_ocr_misread() -> None:
    doc = parse_text(_BODY + "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLâ Hải\n")
    assert doc.signer is not None and doc.signer.name == "Lê Hải"
    assert person_name("LÂ HẢI") == "Lê Hải"


_NAME_SYLLABLES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hồ", "Ngô", "Văn", "Thị", "Hải", "Tấn", "Cận", "Thơ", "Lâm", "Cường",
                   "Mạnh", "Quỳnh", "Thiện", "Sơn", "Hùng", "Chí", "Công", "Thái", "Trang", "Ngọc", "Hoa"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_NAME_SYLLABLES), min_size=2, max_size=4))
def test_property_valid_names_are_never_read_back(words: list[str]) -> None:
    name = " ".join(words)
    assert person_name(name) == name
    assert person_name(name.upper()) == name


CLOSING_MARKS_AS_OCR_MAY_READ = [
    ("Nơinhận:", "KT. CHỦ TỊCH", "Nguyễn Văn An"),  # the two words run together
    ("Nơi nhận:", "KT, CHỦ TỊCH", "Nguyễn Văn An"),  # the authority code's stop read as a comma
    ("Noi nhân:", "TM: ỦY BAN NHÂN DÂN", "Nguyễn Văn An ,"),  # colon for the stop, a speck after the name
    ("Nơi nhận:", "KT; CHỦ TỊCH", "NGUYỄN VĂN AN."),
]


@pytest.mark.parametrize(("heading", "authority", "name"), CLOSING_MARKS_AS_OCR_MAY_READ)
def test_closing_marks_as_ocr_may_read_them(heading: str, authority: str, name: str) -> None:
    closing = f"{heading}\n- Như Điều 3;\n- Lưu: VT.\n{authority}\nPHÓ CHỦ TỊCH\n{name}\n"
    doc = parse_text(_BODY + closing)
    assert [r.text for r in doc.recipients] == ["Như Điều 3", "Lưu: VT"]
    assert doc.signer is not None and doc.signer.name == "Nguyễn Văn An"
    assert doc.signer.authority is not None and doc.signer.position == "PHÓ CHỦ TỊCH"


def test_entries_after_the_name_of_a_two_column_closing() -> None:
    """A borderless closing table as OCR laid it out row by row: the name's row came out between the entries."""
    closing = (
        "Nơi nhận: | KT. CHỦ TỊCH\n\nNhư Điều 3; | PHÓ CHỦ TỊCH\n\n- Cục Kiểm soát TTHC - VPCP;\n\n"
        "- CT, các PCT UBND tỉnh;\n- Lãnh đạo VP UBND tỉnh;\n\n- Cổng Thông tin điện tử tỉnh;\nNguyễn Minh Luân\n"
        "- Lưu: VT, KSTTHC.\n\nPHỤ LỤC\n- Một bước.\n"
    )
    doc = parse_text(_BODY + closing)
    assert [r.text for r in doc.recipients] == [
        "Như Điều 3",
        "Cục Kiểm soát TTHC - VPCP",
        "CT, các PCT UBND tỉnh",
        "Lãnh đạo VP UBND tỉnh",
        "Cổng Thông tin điện tử tỉnh",
        "Lưu: VT, KSTTHC",
    ]
    assert doc.signer is not None and doc.signer.name == "Nguyễn Minh Luân"
    assert (doc.signer.authority, doc.signer.position) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_signed_mark_on_its_own_row_between_entries() -> None:
    """A two-column Party closing laid out row by row: "(Đã ký)" alone between two entries adds nothing to them."""
    closing = (
        "Nơi nhận: | T/M BAN THƯỜNG VỤ\n- Ban Tuyên giáo và Dân vận Tỉnh ủy (để báo | PHÓ BÍ THƯ\ncáo),\n\n"
        "- Thường trực Huyện ủy (để báo cáo),\n(Đã ký)\n- Các chi bộ, đảng bộ trực thuộc Huyện ủy,\n\n"
        "- Lưu Văn phòng Huyện ủy. | Trần Văn Hùng\n"
    )
    doc = parse_text(_BODY + closing)
    assert [r.text for r in doc.recipients] == [
        "Ban Tuyên giáo và Dân vận Tỉnh ủy (để báo cáo)",
        "Thường trực Huyện ủy (để báo cáo)",
        "Các chi bộ, đảng bộ trực thuộc Huyện ủy",
        "Lưu Văn phòng Huyện ủy",
    ]
    assert doc.signer is not None and doc.signer.name == "Trần Văn Hùng"
