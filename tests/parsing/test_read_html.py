"""HTML pages: the content's text in order, one block per line, furniture dropped."""

from __future__ import annotations

import pytest

from thongsuot.errors import InputError
from thongsuot.parsing.read import read_bytes

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Tạp chí - Kế hoạch 205</title>
<style>p { color: red }</style><script>var menu = "Trang chủ";</script></head>
<body>
<nav><ul><li>Trang chủ</li><li>Tin tức</li></ul></nav>
<div class="content">
<h1>Kế hoạch thông tin, tuyên truyền năm 2019</h1>
<table><tr>
 <td><p>BAN CHẤP HÀNH TRUNG ƯƠNG</p><p><b>BAN TỔ CHỨC</b></p><p>*</p><p>Số: 205-KH/BTCTW</p></td>
 <td><p>ĐẢNG CỘNG SẢN VIỆT NAM</p><p>&nbsp;</p><p></p><p><i>Hà Nội, ngày 12 tháng 4 năm 2019</i></p></td>
</tr></table>
<p style="text-align:center"><strong>KẾ HOẠCH</strong><br>Thông tin, tuyên truyền về
   công tác xây dựng Đảng</p>
<h3>I- TÌNH HÌNH</h3>
<p>Ba năm qua, công cuộc đổi mới &amp; hội nhập<sup>1</sup> đạt thành tựu.</p>
<ul><li>Mục một</li><li>Mục hai</li></ul>
<noscript>Bật JavaScript</noscript>
</div>
<footer><p>Bản quyền thuộc Tạp chí</p></footer>
</body></html>"""


def test_page_text_in_order_with_blocks_on_their_own_lines() -> None:
    source = read_bytes(PAGE.encode("utf-8"), "kh205.html")
    text = source.text
    lines = text.splitlines()
    assert source.format == "html"
    for dropped in ("Trang chủ", "var menu", "color: red", "Bật JavaScript", "Tạp chí - Kế hoạch"):
        assert dropped not in text
    order = [
        "Kế hoạch thông tin, tuyên truyền năm 2019",
        "BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM",
        "BAN TỔ CHỨC",
        "*",
        "KẾ HOẠCH",
        "Thông tin, tuyên truyền về công tác xây dựng Đảng",
        "I- TÌNH HÌNH",
        "Mục một",
        "Mục hai",
    ]
    positions = [lines.index(line) for line in order]
    assert positions == sorted(positions)
    # The two-column header keeps "Số" and the place-date together on one line.
    assert any(
        line.startswith("Số: 205-KH/BTCTW") and "Hà Nội, ngày 12 tháng 4 năm 2019" in line for line in lines
    )
    # Entities decoded, footnote anchor kept in the Markdown-like form.
    assert "đổi mới & hội nhập<sup>1</sup> đạt thành tựu." in text


def test_segments_number_the_blocks() -> None:
    source = read_bytes(PAGE.encode("utf-8"), "kh205.html")
    numbers = [s.paragraph for s in source.segments]
    assert numbers == list(range(1, len(numbers) + 1))
    offset = source.text.index("I- TÌNH HÌNH")
    segment = source.locate(offset)
    assert segment is not None
    assert source.text[segment.start : segment.end] == "I- TÌNH HÌNH"


def test_main_content_is_preferred_to_the_page_around_it() -> None:
    page = (
        "<html><body><div>Menu: Trang chủ | Liên hệ</div>"
        "<main><p>KẾ HOẠCH</p><p>Nội dung chính</p></main>"
        "<div>Tin liên quan</div></body></html>"
    )
    text = read_bytes(page.encode(), "a.htm").text
    assert text == "KẾ HOẠCH\n\nNội dung chính\n"


def test_role_main_with_nested_blocks_is_kept_whole() -> None:
    page = (
        '<body><div class="menu"><a href="/">Trang chủ</a></div>'
        '<div role="main"><div><p>KẾ HOẠCH</p></div><div><p>Nội dung<p>Tiếp theo</div></div>'
        "<div>Chân trang</div></body>"
    )
    text = read_bytes(page.encode(), "a.html").text
    assert text == "KẾ HOẠCH\n\nNội dung\n\nTiếp theo\n"


def test_several_articles_are_a_listing_and_all_text_is_kept() -> None:
    page = "<body><p>Đầu trang</p><article><p>Tin 1</p></article><article><p>Tin 2</p></article></body>"
    text = read_bytes(page.encode(), "a.html").text
    assert text.split("\n\n")[0] == "Đầu trang"
    assert "Tin 2" in text


def test_broken_markup_does_not_lose_text() -> None:
    page = "<div><p>Một<p>Hai<td>Ba</b></i><li>Bốn"
    text = read_bytes(page.encode(), "a.html").text
    assert [line for line in text.splitlines() if line] == ["Một", "Hai", "Ba", "Bốn"]


def test_declared_legacy_charset_is_honoured() -> None:
    page = (
        '<html><head><meta charset="windows-1258"></head><body><p>Ha\u0300 N\u00f4\u0323i</p></body></html>'
    )
    text = read_bytes(page.encode("cp1258"), "a.html").text
    assert text.strip() == "Ha\u0300 N\u00f4\u0323i"


@pytest.mark.parametrize("page", [b"", b"<html><head><script>x()</script></head><body> </body></html>"])
def test_page_without_text_is_empty(page: bytes) -> None:
    with pytest.raises(InputError, match=r"^a\.html: tệp rỗng"):
        read_bytes(page, "a.html")


def test_a_long_data_table_keeps_each_cell_whole() -> None:
    long_text = (
        "Chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện có hiệu quả các nội dung kế hoạch"
    )
    page = f"<table><tr><td><p>1</p></td><td><p>{long_text}</p><p>báo cáo kết quả</p></td></tr></table>"
    text = read_bytes(page.encode(), "a.html").text
    assert text == f"1 | {long_text} báo cáo kết quả\n"
