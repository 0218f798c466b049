"""Scanned documents keep their recognised pages; an officer's correction is a new version, all or nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from scan_docs import GOOD_CONF, PAGE_1, PAGE_2, WEAK_CONF, image_pdf, scanned

from thongsuot.errors import Conflict, InputError, ThongSuotError, TooLarge
from thongsuot.parsing import parse_text
from thongsuot.storage import Library, open_library
from thongsuot.storage.audit import list_audit
from thongsuot.storage.corrections import MAX_PAGE_CHARS, Actor

OFFICER = Actor("editor", 7, "10.0.0.9")


@pytest.fixture
def library(db_url: str) -> Iterator[Library]:
    lib = open_library(db_url)
    yield lib
    lib.close()


def _store_scan(lib: Library) -> int:
    return int(lib.store(scanned(), image_pdf(2), file_name="scan.pdf", fmt="pdf", owner_unit_id="HU-A").document_id)


def test_a_scan_keeps_each_recognised_page_and_its_word_confidences(library: Library) -> None:
    doc_id = _store_scan(library)
    record = library.get(doc_id)
    pages = library.scan_pages(doc_id, 1)
    assert [p.page for p in pages] == [1, 2]
    assert [record.text[p.text_start : p.text_end] for p in pages] == [PAGE_1, PAGE_2]
    first = record.text[pages[0].text_start : pages[0].text_end]
    weak = [first[s:e] for s, e, c in pages[0].words if c == WEAK_CONF]
    assert weak == ["Số", "l2-KH/HU"]
    assert all(c == GOOD_CONF for _s, _e, c in pages[1].words)
    assert len(pages[1].words) == len(PAGE_2.split())
    assert {p.source_format for p in pages} == {"pdf"} and not any(p.corrected for p in pages)


def test_a_text_document_has_no_scan_pages(library: Library) -> None:
    text = PAGE_1.replace("l2-", "12-")
    doc_id = int(library.store(parse_text(text, name="a.txt"), text.encode(), file_name="a.txt").document_id)
    assert library.scan_pages(doc_id, 1) == []
    with pytest.raises(InputError, match="không được đọc từ ảnh quét"):
        library.correct_scan(doc_id, 1, [text], OFFICER)


def test_a_correction_is_a_new_version_parsed_again_and_audited(library: Library, db_url: str) -> None:
    doc_id = _store_scan(library)
    assert library.get(doc_id).summary.symbol is None  # "l2-KH/HU" is no symbol
    fixed = PAGE_1.replace("l2-KH/HU", "12-KH/HU")
    result = library.correct_scan(doc_id, 1, [fixed + "\r\n", PAGE_2], OFFICER)

    record = library.get(doc_id)
    assert result.version == record.summary.version == 2
    expected = parse_text(fixed + "\n" + PAGE_2)
    assert (record.summary.symbol, record.summary.issuer) == (expected.header.symbol, expected.header.issuer)
    assert record.summary.symbol == "12-KH/HU"
    assert [v.version for v in record.versions] == [1, 2]
    pages = library.scan_pages(doc_id, 2)
    assert [record.text[p.text_start : p.text_end] for p in pages] == [fixed, PAGE_2]
    assert [(p.corrected, bool(p.words)) for p in pages] == [(True, False), (False, True)]
    assert pages[1].words == library.scan_pages(doc_id, 1)[1].words  # the untouched page keeps its confidences
    assert {p.source_sha256 for p in pages} == {p.source_sha256 for p in library.scan_pages(doc_id, 1)}
    assert library.original(doc_id, 1)[1] == image_pdf(2)  # the scan itself stays as version 1
    name, data = library.original(doc_id)
    assert name.endswith(".txt") and data.decode() == record.text
    entries = [e for e in list_audit(library.db.engine)[0] if e.action == "document_correct"]
    assert len(entries) == 1 and entries[0].actor == "editor" and entries[0].target == f"document/{doc_id}"
    assert entries[0].after == {"version": 2, "symbol": "12-KH/HU", "pages": [1]}


@pytest.mark.parametrize(
    ("opened", "pages", "error", "words"),
    [
        (2, [PAGE_1, PAGE_2], Conflict, "đã có phiên bản 1"),
        (1, [PAGE_1], InputError, "Số trang gửi lên (1)"),
        (1, [PAGE_1 + "  \n", PAGE_2], InputError, "Chưa có thay đổi"),
        (1, ["", " \n"], InputError, "trống"),
        (1, [PAGE_1, "x" * (MAX_PAGE_CHARS + 1)], TooLarge, "Trang 2: nội dung sửa quá dài"),
    ],
)
def test_a_refused_correction_says_why_in_one_line_and_changes_nothing(
    library: Library, opened: int, pages: list[str], error: type[ThongSuotError], words: str
) -> None:
    doc_id = _store_scan(library)
    before = library.get(doc_id)
    with pytest.raises(error) as caught:
        library.correct_scan(doc_id, opened, pages, OFFICER)
    assert words in caught.value.message and "\n" not in caught.value.message
    after = library.get(doc_id)
    assert (after.summary.version, after.text, len(after.versions)) == (1, before.text, 1)
    assert library.scan_pages(doc_id, 2) == []
    assert not [e for e in list_audit(library.db.engine)[0] if e.action == "document_correct"]


def test_a_correction_equal_to_another_document_is_refused_naming_it(library: Library) -> None:
    fixed = PAGE_1.replace("l2-KH/HU", "12-KH/HU")
    first, second = _store_scan(library), int(library.store(
        scanned(name="khac.pdf"), image_pdf(2, "khac"), file_name="khac.pdf", fmt="pdf").document_id)
    library.correct_scan(first, 1, [fixed, PAGE_2], OFFICER)
    with pytest.raises(InputError, match=f"trùng hệt văn bản {first} đã có"):
        library.correct_scan(second, 1, [fixed, PAGE_2], OFFICER)
    assert library.get(second).summary.version == 1


def test_of_two_corrections_of_the_same_version_one_is_stored_the_other_refused(library: Library) -> None:
    doc_id = _store_scan(library)
    fixed = PAGE_1.replace("l2-KH/HU", "12-KH/HU")
    texts = [[fixed, PAGE_2], [fixed, PAGE_2 + "\n- Tổng kết."]]
    start = threading.Barrier(2)
    outcomes: list[object] = []

    def officer(pages: list[str]) -> None:
        start.wait()
        try:
            outcomes.append(library.correct_scan(doc_id, 1, pages, OFFICER).version)
        except ThongSuotError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=officer, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(o for o in outcomes if isinstance(o, int)) == [2]
    refused = [o for o in outcomes if isinstance(o, Conflict)]
    assert len(refused) == 1 and "đã có phiên bản 2" in refused[0].message
    assert [v.version for v in library.get(doc_id).versions] == [1, 2]
