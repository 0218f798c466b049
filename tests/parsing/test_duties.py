import sys
from pathlib import Path

from thongsuot.parsing import parse_text
from thongsuot.parsing.duties import subject_of

sys.path.insert(0, str(Path(__file__).parent))
from parse_docs import OCR_HEADINGS, STATE_PLAN


def test_units_from_heading_lines_and_from_sentence_subjects() -> None:
    doc = parse_text(STATE_PLAN)
    assert doc.units == (
        "Sở Thông tin và Truyền thông",
        "Sở Tư pháp",
        "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố",
    )
    first = doc.assignments[0]
    assert [d.text for d in first.duties] == [
        "Chủ trì tổ chức thực hiện Kế hoạch.",
        "Tổng hợp kết quả, báo cáo Ủy ban nhân dân Thành phố.",
    ]
    for d in first.duties:
        assert d.text[:10] in STATE_PLAN[d.span.start : d.span.end]


def test_time_phrase_before_the_subject_is_skipped() -> None:
    assert subject_of(
        "Định kỳ (6 tháng, 1 năm) hoặc đột xuất, Ban Tổ chức Tỉnh ủy chủ trì, phối hợp ..."
    ) == ("Ban Tổ chức Tỉnh ủy")
    assert parse_text(OCR_HEADINGS).units == ("Ban Tuyên giáo Huyện ủy", "Văn phòng Huyện ủy")


def test_noun_before_verb_word_is_part_of_the_name() -> None:
    assert subject_of("Các ban tổ chức tỉnh ủy, thành ủy bám sát sự chỉ đạo của Trung ương.") == (
        "Các ban tổ chức tỉnh ủy, thành ủy"
    )
    assert subject_of("Nội dung tuyên truyền phải phù hợp.") is None


def test_each_body_listed_once() -> None:
    text = (
        "KẾ HOẠCH\nx\n\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Ban Tổ chức Tỉnh ủy chủ trì hướng dẫn.\n2. Ban Tổ chức Tỉnh uỷ tiếp tục theo dõi.\n"
        "3. Đề nghị Báo Nhân Dân phối hợp đưa tin.\n"
    )
    doc = parse_text(text)
    assert len(doc.assignments) == 3
    from thongsuot.rendering.document_json import document_to_contract

    assert document_to_contract(doc)["units"] == ["Ban Tổ chức Tỉnh ủy", "Báo Nhân Dân"]


def test_a_body_name_alone_on_its_item_line_keeps_its_duty_below() -> None:
    from thongsuot.parsing import parse_text

    # Short document lines: without the rule the name and a capitalised duty read as one wrapped sentence.
    text = (
        "KẾ HOẠCH\ntuyên truyền\n\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Ủy ban Mặt trận Tổ quốc huyện\nTuyên truyền trong đoàn viên, hội viên.\n"
        "2. Phòng Văn hóa và Thông tin huyện\nChủ trì tổ chức các hoạt động.\n"
        "3. Ban Tuyên giáo và Dân vận\nTỉnh ủy hướng dẫn thực hiện.\n"  # a name wrapped before 'Tỉnh ủy'
    )
    got = [(a.unit, a.duties[0].text if a.duties else None) for a in parse_text(text, "kh.txt").assignments]
    assert got[:2] == [
        ("Ủy ban Mặt trận Tổ quốc huyện", "Tuyên truyền trong đoàn viên, hội viên."),
        ("Phòng Văn hóa và Thông tin huyện", "Chủ trì tổ chức các hoạt động."),
    ]
    assert got[2][0] == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
