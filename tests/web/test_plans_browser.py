"""The drafting flow in a real browser (Playwright driving Debian's Chromium).

Derive from a sample in the library, edit a topic (autosave), reorder a duty,
download the DOCX and parse it back. The server is the real app in a
subprocess on a loopback port; screenshots go to test-output/browser/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect, sync_playwright

from thongsuot.parsing import parse_file

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
PASSWORD = "mat-khau-thu-nghiem-123"
pytestmark = pytest.mark.browser

SERVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import uvicorn
    from thongsuot.config import Settings
    from thongsuot.orgs.tree import load_org, store_org
    from thongsuot.parsing import parse_bytes
    from thongsuot.storage import accounts
    from thongsuot.web import security
    from thongsuot.web.app import create_app

    data_dir, port, sample, password = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    app = create_app(Settings(data=Path(data_dir)))
    engine = app.state.ts.engine
    store_org(engine, load_org())
    accounts.create_user(engine, "editor", security.hash_password(password), accounts.Role("editor"), "HU-A")
    raw = sample.read_bytes()
    app.state.ts.lib.store(parse_bytes(raw, sample.name), raw, file_name=sample.name, owner_unit_id="HU-A")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
    """
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("plans-browser")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "THONGSUOT_DATABASE_URL"}
    sample = ROOT / "samples" / "000_cb2ba15afe6d27db.txt"
    log = open(tmp / "server.log", "w+")
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(tmp / "data"), str(port), str(sample), PASSWORD],
                            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/login", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"server did not start:\n{log.read()}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture
def page() -> Iterator[Page]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True
        )
        pg = context.new_page()
        yield pg
        context.close()
        browser.close()


def test_derive_edit_reorder_download(server: str, page: Page, tmp_path: Path) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{server}/login")
    page.get_by_label("Tên đăng nhập").fill("editor")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".usermenu summary")).to_be_visible()

    page.goto(f"{server}/documents/1")
    page.get_by_role("link", name="Xây dựng văn bản thực hiện").click()
    expect(page).to_have_url(f"{server}/documents/1/derive")
    page.locator("#unit").fill("Đảng ủy xã Tân Hòa")
    page.locator("#date").fill("2025-09-15")
    page.screenshot(path=str(SHOTS / "plans-01-derive.png"))
    page.locator("#derive-submit").click()
    expect(page).to_have_url(f"{server}/plans/1")
    expect(page.locator("#unmatched")).to_contain_text("Hội Văn học nghệ thuật tỉnh")
    expect(page.locator(".parent-item").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "plans-02-editor.png"), full_page=False)

    # edit a topic: autosave posts after a short pause
    heading = page.locator('input[name="focal-0-heading"]')
    heading.fill("Kết quả xây dựng Đảng ở xã Tân Hòa năm 2025")
    heading.press("Tab")
    expect(page.locator("#save-state")).to_contain_text("phiên bản 2", timeout=15_000)

    # reorder a duty: the second duty of the first unit moves up
    first_duties = page.locator("#assignments-0 li.duty")
    second = first_duties.nth(1).inner_text()
    page.locator("#reorder li.duty-op").nth(1).locator('button[data-op="up"]').click()
    expect(page.locator("#assignments-0 li.duty").first).to_have_text(second)
    page.screenshot(path=str(SHOTS / "plans-03-reordered.png"), full_page=False)

    # download the DOCX and parse it back
    with page.expect_download() as info:
        page.locator("#download-docx").click()
    path = tmp_path / "ke-hoach.docx"
    info.value.save_as(str(path))
    back = parse_file(path)
    assert back.header.kind == "KẾ HOẠCH"
    assert "Kết quả xây dựng Đảng ở xã Tân Hòa năm 2025" in back.text
    assert "Ban Xây dựng Đảng Đảng ủy xã" in back.units
    text = " ".join(back.text.split())
    assert text.index(" ".join(second.split())[:60]) < text.index("Ban hành hướng dẫn và gửi đề cương"[:30])
    assert errors == []
