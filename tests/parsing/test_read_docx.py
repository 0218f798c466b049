"""DOCX: body order, automatic numbering drawn, footnotes, header table, damage."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest

from thongsuot.errors import InputError, UnsupportedFormat
from thongsuot.parsing.read import read_bytes


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _follows(lines: list[str], *expected: str) -> None:
    """Each expected line is present, in this order."""
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions), positions


def test_header_table_reads_like_the_printed_header(directive_docx: bytes) -> None:
    source = read_bytes(directive_docx, "hd75.docx")
    lines = _lines(source.text)
    assert source.format == "docx"
    assert lines[0] == "ĐẢNG BỘ TỈNH AN GIANG | ĐẢNG CỘNG SẢN VIỆT NAM"
    assert lines[1:3] == ["BAN TUYÊN GIÁO", "*"]
    assert lines[3] == "Số 75-HD/BTGTU | Long Xuyên, ngày 12 tháng 6 năm 2023"
    _follows(lines, "HƯỚNG DẪN", "tuyên truyền kỷ niệm ngày thành lập Đảng", "-----")


def test_automatic_numbers_are_drawn_before_their_paragraphs(directive_docx: bytes) -> None:
    lines = _lines(read_bytes(directive_docx, "hd75.docx").text)
    _follows(
        lines,
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Nâng cao nhận thức của cán bộ.",
        "2. Bảo đảm thiết thực, hiệu quả.",
        "II. NỘI DUNG TUYÊN TRUYỀN",
        "1. Nội dung trọng tâm",  # level 1 restarts under a new section
        "1.1. Lịch sử vẻ vang của Đảng.",
        "1.2. Thành tựu đổi mới.",
        "a) Trên báo chí",
        "b) Trên mạng xã hội",
        "+ đăng tin bài thường xuyên",  # a second-level bullet symbol is drawn as "+"
        "2. Nội dung thường xuyên",
        "- Tuyên truyền theo kế hoạch năm.",  # numbering inherited from the List Bullet style
        "III. TỔ CHỨC THỰC HIỆN",
    )


def test_tables_stay_in_document_order(directive_docx: bytes) -> None:
    lines = _lines(read_bytes(directive_docx, "hd75.docx").text)
    _follows(
        lines,
        "III. TỔ CHỨC THỰC HIỆN",
        "STT | Đơn vị | Nhiệm vụ",
        "1 | Ban Tuyên giáo | Theo dõi, đôn đốc",
        "Nơi nhận:",
    )


def test_footnotes_are_anchored_and_listed_after_the_body(directive_docx: bytes) -> None:
    source = read_bytes(directive_docx, "hd75.docx")
    lines = _lines(source.text)
    assert (
        "Thực hiện Kế hoạch số 40-KH/TU của Ban Thường vụ Tỉnh ủy<sup>1</sup>, Ban Tuyên giáo" in source.text
    )
    assert "Các nội dung khác theo hướng dẫn<sup>2</sup>" in lines
    rule = lines.index("---")
    assert rule > lines.index("Nơi nhận:")
    assert lines[rule + 1] == "1- Kế hoạch số 82-KH/TU, ngày 30/01/2018 của Ban Thường vụ Tỉnh ủy."
    assert lines[rule + 2] == "2- Hướng dẫn số 86-HD/BTGTU, ngày 13/6/2023."


def test_segments_number_paragraphs(directive_docx: bytes) -> None:
    source = read_bytes(directive_docx, "hd75.docx")
    numbers = [s.paragraph for s in source.segments]
    assert numbers == list(range(1, len(numbers) + 1))
    at = source.text.index("II. NỘI DUNG")
    segment = source.locate(at)
    assert segment is not None and source.text[segment.start : segment.end] == "II. NỘI DUNG TUYÊN TRUYỀN"


def test_header_in_the_first_page_header_is_kept_but_running_header_is_not(
    docx_builder: Callable[..., bytes],
) -> None:
    source = read_bytes(docx_builder(header_in_page_header=True), "hd75.docx")
    lines = _lines(source.text)
    assert lines[0] == "ĐẢNG BỘ TỈNH AN GIANG | ĐẢNG CỘNG SẢN VIỆT NAM"
    assert lines.index("HƯỚNG DẪN") > lines.index("Số 75-HD/BTGTU | Long Xuyên, ngày 12 tháng 6 năm 2023")
    assert "Running header text" not in source.text
    assert [w.code for w in source.warnings] == ["header_from_page_header"]


def _rezip(data: bytes, *, drop: str = "", replace: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == drop:
                continue
            payload = (replace or {}).get(info.filename, src.read(info))
            dst.writestr(info.filename, payload)
    return out.getvalue()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"this is not a zip at all",
        lambda data: data[: len(data) // 2],  # truncated download
        lambda data: _rezip(data, drop="word/document.xml"),
        lambda data: _rezip(data, replace={"word/document.xml": b"<w:document><w:body><w:p>"}),
        lambda data: _rezip(data, drop="[Content_Types].xml"),
    ],
    ids=["not-zip", "truncated", "no-document-xml", "broken-xml", "no-content-types"],
)
def test_corrupt_docx_is_a_clear_input_error(directive_docx: bytes, damage: Callable[[bytes], bytes]) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(damage(directive_docx), "hong.docx")
    assert caught.value.message.startswith("hong.docx: tệp DOCX hỏng, ")
    assert "\n" not in caught.value.message


def _ole_container(stream_name: str) -> bytes:
    """Just enough of an OLE compound file for the sniffing: magic + directory name."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + stream_name.encode("utf-16-le") + b"\x00" * 1024


def test_encrypted_office_file_is_refused() -> None:
    with pytest.raises(InputError, match=r"^mat\.docx: tệp được đặt mật khẩu"):
        read_bytes(_ole_container("EncryptedPackage"), "mat.docx")


def test_damaged_old_word_doc_is_one_line_after_conversion_fails() -> None:
    # Only the OLE magic and a "WordDocument" name: LibreOffice cannot convert it.
    with pytest.raises(InputError, match=r"^cu\.doc: tệp DOC hỏng") as caught:
        read_bytes(_ole_container("WordDocument"), "cu.doc")
    assert caught.value.status == 400
    assert "\n" not in caught.value.message


def test_a_spreadsheet_named_docx_is_not_read_as_word() -> None:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    with pytest.raises(InputError, match=r"^bang\.docx: tệp DOCX hỏng"):
        read_bytes(buffer.getvalue(), "bang.docx")
    with pytest.raises(UnsupportedFormat, match=r"^bang\.txt: tệp nén không phải văn bản Word"):
        read_bytes(buffer.getvalue(), "bang.txt")


def _docx_with_body(body_xml: str, numbering_xml: str = "") -> bytes:
    """A DOCX whose body (and numbering part) are given as WordprocessingML."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    wrapper = parse_xml(f'<w:body xmlns:w="{W}" xmlns:mc="{MC}">{body_xml}</w:body>')
    sect = body[0] if len(body) else None
    for child in list(wrapper):
        if sect is not None:
            sect.addprevious(child)
        else:
            body.append(child)
    if numbering_xml:
        numbering = document.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)
        for child in parse_xml(f'<w:numbering xmlns:w="{W}">{numbering_xml}</w:numbering>'):
            numbering.append(child)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _p(text: str, *, num: tuple[int, int] | None = None, rpr: str = "") -> str:
    numpr = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>'
        if num
        else ""
    )
    return f'<w:p>{numpr}<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_visible_text_only_caps_drawn_hidden_and_deleted_text_dropped() -> None:
    body = (
        f"<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>Đảng cộng sản Việt Nam</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>Giữ </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r>"
        f"<w:del><w:r><w:delText>đã xóa </w:delText></w:r></w:del><w:ins><w:r><w:t>thêm </w:t></w:r></w:ins>"
        f"<w:hyperlink><w:r><w:t>liên kết</w:t></w:r></w:hyperlink>"
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        f"<w:sdt><w:sdtContent>{_p('Trong điều khiển nội dung')}</w:sdtContent></w:sdt>"
        f'<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>dòng hai</w:t><w:br w:type="page"/></w:r></w:p>'
    )
    lines = _lines(read_bytes(_docx_with_body(body), "a.docx").text)
    assert lines == [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Giữ thêm liên kết",
        "Trong điều khiển nội dung",
        "Dòng một",
        "dòng hai",
    ]


def test_text_box_content_is_read_once() -> None:
    box = f"<w:txbxContent>{_p('ĐẢNG CỘNG SẢN VIỆT NAM')}</w:txbxContent>"
    body = (
        f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        f"<w:r><w:t>Số 12-KH/HU</w:t></w:r></w:p>"
    )
    lines = _lines(read_bytes(_docx_with_body(body), "a.docx").text)
    assert lines == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-KH/HU"]


_LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
)


def test_numbering_instances_share_or_restart_counters_like_word() -> None:
    numbering = (
        f'<w:abstractNum w:abstractNumId="1">{_LEVELS}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    )
    body = (
        _p("Một", num=(1, 0))
        + _p("Một chấm một", num=(1, 1))
        + _p("Một chấm hai", num=(1, 1))
        + _p("Hai (cùng danh sách)", num=(2, 0))
        + _p("Hai chấm một", num=(2, 1))
        + _p("Năm (bắt đầu lại)", num=(3, 0))
        + _p("Không đánh số", num=(0, 0))
    )
    lines = _lines(read_bytes(_docx_with_body(body, numbering), "a.docx").text)
    assert lines == [
        "1. Một",
        "1.1. Một chấm một",
        "1.2. Một chấm hai",
        "2. Hai (cùng danh sách)",
        "2.1. Hai chấm một",
        "5. Năm (bắt đầu lại)",
        "Không đánh số",
    ]


def test_legal_numbering_and_letters_past_z() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1-"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/>'
        '<w:lvlText w:val="%1.%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="26"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = _p("A", num=(7, 0)) + _p("B", num=(7, 1)) + _p("C", num=(7, 2)) + _p("D", num=(7, 2))
    lines = _lines(read_bytes(_docx_with_body(body, numbering), "a.docx").text)
    assert lines == ["IV- A", "4.1. B", "z) C", "aa) D"]
