"""The scan view: page images beside the recognised text, weak words marked, corrections by the unit's editors."""

from __future__ import annotations

import html as html_lib
import io
import re

from PIL import Image
from scan_docs import PAGE_1, PAGE_2, image_pdf, scanned
from web_helpers import OWN_UNIT, WebEnv

from thongsuot.parsing.read.preview import PREVIEW_DPI, PREVIEW_WIDTH

FIXED = PAGE_1.replace("l2-KH/HU", "12-KH/HU")


def _store(env: WebEnv, label: str = "") -> int:
    name = f"quet{label}.pdf"
    return int(env.lib.store(scanned(name=name), image_pdf(2, label), file_name=name, fmt="pdf",
                             owner_unit_id=OWN_UNIT).document_id)


def test_each_scanned_page_is_shown_beside_its_text_with_weak_words_marked(web_sqlite: WebEnv) -> None:
    doc_id = _store(web_sqlite)
    viewer = web_sqlite.client("viewer")
    html = viewer.get(f"/documents/{doc_id}").text
    assert 'id="scan-view"' in html
    assert re.findall(r'<img src="([^"]+)"', html) == [f"/documents/{doc_id}/scan/1/{n}.png" for n in (1, 2)]
    marked = re.findall(r'<mark class="ocr-low" title="Độ tin cậy (\d+)%">([^<]+)</mark>', html)
    assert marked == [("41", "Số"), ("41", "l2-KH/HU")]
    assert "<textarea" not in html  # a viewer reads, does not correct
    image = viewer.get(f"/documents/{doc_id}/scan/1/2.png")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    with Image.open(io.BytesIO(image.content)) as png:
        assert png.width == round(827 / 100 * PREVIEW_DPI)  # the 100 dpi page at the preview's resolution
    assert viewer.get(f"/documents/{doc_id}/scan/1/3.png").status_code == 404
    assert viewer.get(f"/documents/{doc_id}/scan/2/1.png").status_code == 404


def test_a_text_document_has_no_scan_view(web_sqlite: WebEnv) -> None:
    doc_id = web_sqlite.store_text(FIXED + "\n" + PAGE_2, OWN_UNIT)
    assert 'id="scan-view"' not in web_sqlite.client("viewer").get(f"/documents/{doc_id}").text


def test_an_editor_corrects_the_text_and_the_page_shows_the_new_version(web: WebEnv) -> None:
    doc_id = _store(web)
    editor = web.client("editor")
    assert editor.get(f"/documents/{doc_id}").text.count('<textarea name="page_text"') == 2
    response = editor.post(f"/documents/{doc_id}/correct", data={"version": "1", "page_text": [FIXED, PAGE_2]},
                           follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/documents/{doc_id}?corrected=2#scan-view"
    html = editor.get(response.headers["location"]).text
    assert "Đã lưu bản sửa thành phiên bản 2" in html and "12-KH/HU" in html
    assert '<span class="badge">đã sửa</span>' in html and "l2-KH/HU" not in html
    assert web.lib.get(doc_id).summary.symbol == "12-KH/HU"
    # htmx posts are sent to the new version's page too
    again = editor.post(f"/documents/{doc_id}/correct", headers={"HX-Request": "true"},
                        data={"version": "2", "page_text": [FIXED, PAGE_2 + "\n- Tổng kết."]})
    assert again.status_code == 200 and again.headers["HX-Redirect"] == f"/documents/{doc_id}?corrected=3#scan-view"


def test_a_refused_correction_keeps_what_was_typed_and_stores_nothing(web_sqlite: WebEnv) -> None:
    doc_id = _store(web_sqlite)
    editor = web_sqlite.client("editor")
    typed = FIXED + "\nDòng mới gõ <b>thêm</b>"
    page = editor.post(f"/documents/{doc_id}/correct", data={"version": "7", "page_text": [typed, PAGE_2]})
    assert page.status_code == 422
    assert "Văn bản đã có phiên bản 1 từ khi bạn mở phiên bản 7" in page.text
    assert "Dòng mới gõ &lt;b&gt;thêm&lt;/b&gt;" in page.text  # kept in the textarea, escaped
    partial = editor.post(f"/documents/{doc_id}/correct", headers={"HX-Request": "true"},
                          data={"version": "x", "page_text": [typed, PAGE_2]})
    assert partial.status_code == 422 and partial.text.lstrip().startswith('<section class="card scan-view"')
    assert "sai số phiên bản" in partial.text
    short = editor.post(f"/documents/{doc_id}/correct", data={"version": "1", "page_text": [typed]})
    assert short.status_code == 422 and "Số trang gửi lên (1)" in html_lib.unescape(short.text)
    record = web_sqlite.lib.get(doc_id)
    assert (record.summary.version, len(record.versions)) == (1, 1)


def test_a_photo_scan_shows_its_frames_scaled_to_the_preview_width(web_sqlite: WebEnv) -> None:
    frames = [Image.new("L", (2400, 3400), 255), Image.new("L", (600, 800), 255)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    parsed = scanned(name="anh.tif")
    doc_id = int(web_sqlite.lib.store(parsed, out.getvalue(), file_name="anh.tif", fmt="image",
                                      owner_unit_id=OWN_UNIT).document_id)
    viewer = web_sqlite.client("viewer")
    sizes = []
    for page in (1, 2):
        response = viewer.get(f"/documents/{doc_id}/scan/1/{page}.png")
        assert response.status_code == 200
        with Image.open(io.BytesIO(response.content)) as png:
            sizes.append(png.size)
    assert sizes == [(PREVIEW_WIDTH, round(3400 * PREVIEW_WIDTH / 2400)), (600, 800)]
