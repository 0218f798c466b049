""""cần kiểm tra" seen by officers: the document page and the upload result mark every value read
with low confidence, and the mark's tooltip says why in Vietnamese."""

from __future__ import annotations

import html as html_lib
import re

from web_helpers import WebEnv

LETTER = (
    "CỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 56/CT-CS\nV/v chính sách thuế\n"
    "Hà Nội, ngày 1 tháng 12 năm 2025\nKính gửi: Ông A\n"
    "Thực hiện Chỉ thị 05 của Bộ Chính trị, Cục Thuế có ý kiến như sau:\n"
)


def _badges(page: str) -> list[str]:
    return [html_lib.unescape(t) for t in re.findall(r'class="badge warn check" title="([^"]+)"', page)]


def test_document_page_marks_unsure_fields_and_citations_with_their_reason(web_sqlite: WebEnv) -> None:
    doc_id = web_sqlite.store_text(LETTER, "HU-A", "cv56.txt")
    page = web_sqlite.client("viewer").get(f"/documents/{doc_id}").text
    tips = _badges(page)
    # The type word is not printed (a letter): inferred. "Chỉ thị 05" states no symbol.
    assert any("Không thấy ở vị trí của nó" in t for t in tips), tips
    assert any("Chỉ nêu số" in t for t in tips), tips
    assert all(t.startswith("Độ tin cậy ") for t in tips)
    head = page[page.index('class="card doc-head"') : page.index("</dl>")]
    assert "Không thấy ở vị trí của nó" in html_lib.unescape(head)
    data = web_sqlite.client("viewer").get(f"/api/v1/documents/{doc_id}").json()
    assert {c["label"] for c in data["checks"]} >= {"Loại văn bản"}


def test_upload_result_lists_the_values_to_check(web_sqlite: WebEnv) -> None:
    editor = web_sqlite.client("editor")
    response = editor.post("/api/v1/documents", files=[("files", ("cv56.txt", LETTER.encode("utf-8")))])
    (result,) = response.json()["results"]
    labels = {c["label"]: c["reason"] for c in result["checks"]}
    assert "Loại văn bản" in labels and "Không thấy ở vị trí" in labels["Loại văn bản"]
    assert any(label.startswith("Văn bản dẫn chiếu Chỉ thị 05") for label in labels)
    # The form without JavaScript shows the same marks.
    page = editor.post("/upload", files=[("files", ("cv56b.txt", (LETTER + "Trân trọng.\n").encode("utf-8")))]).text
    assert 'class="checks"' in page and "Loại văn bản" in page
