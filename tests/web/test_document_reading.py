"""The document page as an officer reads it: folded items say what they are about, the text
flows as paragraphs, one marker per bullet, no Markdown marks, no file names as titles,
warnings in Vietnamese. Texts are written here for each class of input (hard-wrapped lines,
website Markdown exports), plus the seed document whose page showed "- -" and bare "1.1.".
"""

from __future__ import annotations

import html as html_lib
import re

from web_helpers import SAMPLES, WebEnv

from thongsuot.parsing import parse_bytes
from thongsuot.web.docview import _flow
from thongsuot.web.library import clean_snippet


def _text(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))


def _outline(page: str) -> str:
    return page[page.index('class="card outline"') :]


def test_hard_wrapped_lines_join_and_clause_ends_stay() -> None:
    wrapped = "Thực hiện Kế hoạch của Ban Thường vụ Tỉnh \n\nủy về công tác\n\nxây dựng Đảng;\n\n- Một là;\n2. Hai"
    assert _flow(wrapped) == "Thực hiện Kế hoạch của Ban Thường vụ Tỉnh ủy về công tác xây dựng Đảng;\n- Một là;\n2. Hai"
    # A clause list wrapped after its ';' goes on in lower case: joined.
    assert _flow("giới thiệu việc tốt;\nđồng thời, phản ánh") == "giới thiệu việc tốt; đồng thời, phản ánh"
    # A date on the next line is not a numbered item.
    assert _flow("ban hành ngày\n15/9/2022 của") == "ban hành ngày 15/9/2022 của"


def test_markdown_marks_go_but_footnote_stars_stay() -> None:
    source = "*Căn cứ Luật Giáo dục;*\n**Điều 1. **Phạm vi (*) *(kèm theo)*\n|\n| --- | --- |\n## Phụ lục"
    shown = _flow(source, markdown=True)
    assert shown == "Căn cứ Luật Giáo dục;\nĐiều 1. Phạm vi (*) (kèm theo) Phụ lục"
    assert _flow("a **b**") == "a **b**"  # a plain-text source keeps its characters


def test_seed_page_reads_as_paragraphs_with_item_previews(web_sqlite: WebEnv) -> None:
    text = next(SAMPLES.glob("001*.txt")).read_text(encoding="utf-8")
    doc_id = web_sqlite.store_text(text, "HU-A", "001_f4e8c3708913dc0e.txt")
    page = web_sqlite.client("viewer").get(f"/documents/{doc_id}").text
    outline = _outline(page)
    body = _text(outline)
    assert "Ban Thường vụ Tỉnh ủy về" in body  # "Tỉnh \n\nủy" in the source
    assert not re.search(r"(^|\n)\s*[-+]\s+[-+]\s", body), "doubled bullet"
    summaries = [_text(s).strip() for s in re.findall(r"<summary>(.*?)</summary>", outline, flags=re.S)]
    bare = [s for s in summaries if re.fullmatch(r"[0-9IVX.\-]+\s*", s)]
    assert summaries and not bare, bare
    assert any(s.startswith("1.1. Việc thực hiện Kế hoạch") for s in summaries)
    # The blank-number warning is a Vietnamese sentence.
    assert "Kế hoạch được nhắc đến với số hiệu để trống" in page and "cited with" not in page


MD_EXPORT = """|
**BỘ GIÁO DỤC VÀ ĐÀO TẠO**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
|
Số: 21/2025/TT-BGDĐT
|
*Hà Nội, ngày 10 tháng 8 năm 2025*
|
*Căn cứ Luật Giáo dục số 43/2019/QH14;*
*Căn cứ Nghị định số 37/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của** Chính phủ quy định chức năng;*
**Điều 1. Phạm vi điều chỉnh**
1. Thông tư này quy định chế độ trả **tiền lương dạy thêm** giờ đối với nhà giáo
trong các cơ sở giáo dục công lập.
2. Thông tư này không áp dụng đối với nhà giáo *(trừ trường hợp tại khoản 1)*.
"""


def test_markdown_export_page_and_snippet_show_words_only(web_sqlite: WebEnv) -> None:
    name = "000_cb2ba15afe6d27db.md"
    data = MD_EXPORT.encode("utf-8")
    parsed = parse_bytes(data, name)
    doc_id = int(web_sqlite.lib.store(parsed, data, file_name=name, fmt="md", owner_unit_id="HU-A").document_id)
    viewer = web_sqlite.client("viewer")
    page = viewer.get(f"/documents/{doc_id}").text
    body = _text(_outline(page))
    assert "**" not in body and "Căn cứ Luật Giáo dục số 43/2019/QH14;" in body
    assert "tiền lương dạy thêm giờ đối với nhà giáo trong các cơ sở" in body  # wrapped line joined
    h1 = _text(re.search(r"<h1>(.*?)</h1>", page, flags=re.S).group(1))  # type: ignore[union-attr]
    assert "cb2ba15afe6d27db" not in h1
    if not parsed.header.title:
        assert h1 == "(chưa rõ trích yếu)"
    hits = viewer.get("/api/v1/documents", params={"q": "tien luong day them"}).json()["results"]
    assert hits and all(not re.search(r"\*|\||(?<!&)#", h["snippet"] + h["snippet_html"]) for h in hits)


def test_snippet_cleaning_keeps_marks_of_hits_and_entities() -> None:
    assert clean_snippet("…**Điều 1. **Công bố | | <mark>quyết</mark> &#x27;a&#x27; ## Mục") == (
        "… Điều 1. Công bố <mark>quyết</mark> &#x27;a&#x27; Mục"
    )
    assert clean_snippet("…--- Thực hiện ------------- | Số: 0134/KH-UBND | *Đắk Lắk* 2026- 2030") == (
        "… Thực hiện Số: 0134/KH-UBND Đắk Lắk 2026- 2030"
    )
