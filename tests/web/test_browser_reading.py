"""The reading view and "cần kiểm tra" in Debian's Chromium: what an officer sees after an upload.

A demo server holds one seed (hard-wrapped lines, bullets, heading-less "1.1." items); a
letter with no printed type word and a bare "Chỉ thị 05" is uploaded through the page.
Screenshots go to test-output/browser/.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import chromium_page, free_port, running_server
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser"
pytestmark = pytest.mark.browser
LETTER = (
    "CỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 56/CT-CS\nV/v chính sách thuế đối với hộ kinh doanh\n"
    "Hà Nội, ngày 1 tháng 12 năm 2025\nKính gửi: Ông A\n"
    "Thực hiện Chỉ thị 05 của Bộ Chính trị, Cục Thuế có ý kiến như sau:\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    tmp = tmp_path_factory.mktemp("reading")
    samples = tmp / "samples"
    samples.mkdir()
    shutil.copy(next((ROOT / "samples").glob("001_*.txt")), samples)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "THONGSUOT_DATABASE_URL"} | {"THONGSUOT_DATA": str(tmp / "data")}
    cmd = [sys.executable, "-m", "thongsuot", "demo", "--samples", str(samples), "--serve",
           "--host", "127.0.0.1", "--port", str(port)]
    with running_server(cmd, env, tmp / "server.log", port) as (base, log):
        password = re.search(r"^\s+editor\s+\w+\s+\S+\s+mật khẩu: (\S+)$", log.read(), flags=re.M)
        assert password
        yield base, password.group(1)


@pytest.fixture
def page() -> Iterator[Page]:
    with chromium_page(SHOTS) as pg:
        yield pg


def test_upload_marks_values_to_check_and_the_document_reads_as_text(server: tuple[str, str], page: Page) -> None:
    base, password = server
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{base}/login")
    page.get_by_label("Tên đăng nhập").fill("editor")
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".usermenu summary")).to_contain_text("Biên tập")

    # Upload the letter: its result marks the inferred type and the bare citation, with the reason.
    page.goto(f"{base}/upload")
    expect(page.locator("#upload-form")).to_have_attribute("data-ready", "1")
    page.set_input_files("#files", files=[{"name": "cv56.txt", "mimeType": "text/plain",
                                           "buffer": LETTER.encode("utf-8")}])
    page.get_by_role("button", name="Tải lên").click()
    row = page.locator("#upload-list li.stored")
    expect(row).to_contain_text("Đã lưu", timeout=60_000)
    kind = row.locator(".checks .badge.check", has_text="Loại văn bản")
    expect(kind).to_have_attribute("title", re.compile("Không thấy ở vị trí của nó"))
    page.screenshot(path=str(SHOTS / "reading-01-upload-checks.png"), full_page=True)

    # Its page: the same mark beside the type, the tooltip on hover, the citation marked in the text.
    row.get_by_role("link", name=re.compile("Mở")).click()
    badge = page.locator(".doc-head .symbol .badge.check")
    expect(badge).to_have_attribute("title", re.compile("Độ tin cậy .*suy ra"))
    expect(page.locator(".outline .badge.check, .outline .cite.unsure + .badge.check").first).to_be_visible()
    badge.hover()
    page.screenshot(path=str(SHOTS / "reading-02-letter.png"), full_page=True)

    # The seed: folded items show their first words; opened, the text reads as paragraphs.
    page.goto(f"{base}/")
    page.locator("#results .result h3 a", has_text="72-KH/HU").click()
    page.locator(".outline details[open] > .children > details:not([open]) > summary").first.click()
    preview = page.locator(".outline details[open] > .children > details:not([open]) > summary .preview").first
    expect(preview).to_be_visible()
    assert len(preview.inner_text().split()) >= 5
    outline = page.locator(".outline").inner_text()
    assert "Ban Thường vụ Tỉnh ủy về" in outline
    assert not re.search(r"(^|\n)\s*-\s+-\s", outline), "doubled bullet"
    page.screenshot(path=str(SHOTS / "reading-03-seed-folded.png"), full_page=False)
    shown = preview.inner_text()
    preview.locator("xpath=..").click()
    expect(page.locator(".outline details[open] > summary .preview", has_text=shown)).to_be_hidden()
    expect(page.locator(".outline details[open] > .children > .node-text", has_text=shown[:20]).first).to_be_visible()
    page.screenshot(path=str(SHOTS / "reading-04-seed-open.png"), full_page=False)
    assert not errors, errors
