"""Browser flow with Playwright driving Debian's Chromium (never `playwright install`).

The app runs as a real server (`thongsuot demo --serve`) in a subprocess on a
free loopback port with a temp data dir. Screenshots go to test-output/browser/.
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


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """A demo server with three samples loaded (the fourth is uploaded through the page)."""
    tmp = tmp_path_factory.mktemp("browser")
    samples = tmp / "samples"
    samples.mkdir()
    for path in sorted((ROOT / "samples").glob("*.txt"))[1:]:
        shutil.copy(path, samples / path.name)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "THONGSUOT_DATABASE_URL"} | {"THONGSUOT_DATA": str(tmp / "data")}
    cmd = [sys.executable, "-m", "thongsuot", "demo", "--samples", str(samples), "--serve",
           "--host", "127.0.0.1", "--port", str(port)]
    with running_server(cmd, env, tmp / "server.log", port) as (base, log):
        passwords = dict(re.findall(r"^\s+(\w+)\s+\w+\s+\S+\s+mật khẩu: (\S+)$", log.read(), flags=re.M))
        yield base, passwords


@pytest.fixture
def page() -> Iterator[Page]:
    with chromium_page(SHOTS) as pg:
        yield pg


def shot(page: Page, name: str, full: bool = True) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def test_officer_flow(server: tuple[str, dict[str, str]], page: Page) -> None:
    base, passwords = server
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # Log in.
    page.goto(f"{base}/login")
    page.get_by_label("Tên đăng nhập").fill("editor")
    page.get_by_label("Mật khẩu").fill(passwords["editor"])
    shot(page, "01-login")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".usermenu summary")).to_contain_text("Biên tập")
    shot(page, "02-library")

    # Upload a sample through the drag-and-drop page (XHR with progress).
    page.get_by_role("link", name="Tải lên").click()
    expect(page.locator("#upload-form")).to_have_attribute("data-ready", "1")
    sample = sorted((ROOT / "samples").glob("*.txt"))[0]
    page.set_input_files("#files", str(sample))
    page.get_by_role("button", name="Tải lên").click()
    expect(page.locator("#upload-list li.stored")).to_contain_text("Đã lưu", timeout=30_000)
    shot(page, "03-upload")

    # Search it without diacritics.
    page.get_by_role("link", name="Thư viện").click()
    page.get_by_label("Từ khóa tìm kiếm").fill("thong tin tuyen truyen nam 2023")
    page.get_by_role("button", name="Tìm").click()
    first = page.locator("#results .result h3 a").first
    expect(first).to_contain_text("75-HD/BTGTU")
    expect(page.locator("#results mark").first).to_be_visible()
    shot(page, "04-search")

    # Open it and expand the outline.
    first.click()
    expect(page.locator(".doc-head .symbol")).to_contain_text("75-HD/BTGTU")
    closed = page.locator(".outline details:not([open]) > summary").first
    closed.click()
    expect(page.locator(".outline details[open] details[open]").first).to_be_visible()
    shot(page, "05-document")

    # Follow a citation (70-KH/TU is not in the library: its placeholder page).
    cite = page.locator(".outline a.cite").first
    expect(cite).to_be_visible()
    cite.click()
    expect(page.locator("h1, .symbol").first).to_be_visible()
    shot(page, "06-citation")

    # Open the graph and click a node.
    page.get_by_role("link", name="Sơ đồ dẫn chiếu").click()
    expect(page.locator("#graph")).to_have_attribute("data-ready", "1", timeout=15_000)
    shot(page, "07-graph", full=False)
    target = page.evaluate(
        """() => { const cy = window.thongsuotGraph;
                   const n = cy.nodes().filter(x => !x.hasClass('root'))[0] || cy.nodes()[0];
                   const p = n.renderedPosition(); return {x: p.x, y: p.y, url: n.data('url')}; }"""
    )
    box = page.locator("#graph").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    page.wait_for_url(re.compile(re.escape(target["url"]) + "$|/documents/\\d+$|/nodes/\\d+$"))
    shot(page, "08-graph-click")

    # Log out.
    page.locator(".usermenu summary").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    assert not errors, errors


def test_phone_layout_and_error_message(server: tuple[str, dict[str, str]], page: Page) -> None:
    base, passwords = server
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/login")
    page.get_by_label("Tên đăng nhập").fill("admin")
    page.get_by_label("Mật khẩu").fill(passwords["admin"])
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{base}/documents/1")
    shot(page, "09-phone-document")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"page overflows a phone screen: {width}px"
    # Wrong file type: a clear Vietnamese message, nothing stored.
    page.goto(f"{base}/upload")
    page.set_input_files("#files", files=[{"name": "anh.gif", "mimeType": "image/gif", "buffer": b"GIF89a0000"}])
    page.get_by_role("button", name="Tải lên").click()
    expect(page.locator("#upload-list li.error")).to_contain_text("không được hỗ trợ")
    shot(page, "10-phone-upload-error")
    page.goto(f"{base}/admin/audit")
    expect(page.locator("table.audit")).to_contain_text("Tải lên")
    shot(page, "11-phone-audit")
