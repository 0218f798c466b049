"""The drafting flow in a real browser (Playwright driving Debian's Chromium).

Derive from a sample in the library, edit a topic (autosave), reorder a duty,
download the DOCX and parse it back. The server is the real app in a
subprocess on a loopback port; screenshots go to test-output/browser/.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import chromium_page, free_port, running_server
from playwright.sync_api import Page, expect

from thongsuot.parsing import parse_file

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser"
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


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("plans-browser")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "THONGSUOT_DATABASE_URL"}
    sample = ROOT / "samples" / "000_cb2ba15afe6d27db.txt"
    cmd = [sys.executable, "-c", SERVER, str(tmp / "data"), str(port), str(sample), PASSWORD]
    with running_server(cmd, env, tmp / "server.log", port) as (base, _log):
        yield base


@pytest.fixture
def page() -> Iterator[Page]:
    with chromium_page(SHOTS, accept_downloads=True) as pg:
        yield pg


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


def test_five_edits_in_a_row_survive_a_reload(server: str, page: Page) -> None:
    """Autosave after autosave (and the explicit "Lưu"): every edit is kept, none answered by 409."""
    errors: list[str] = []
    refused: list[int] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: refused.append(r.status) if r.url.endswith("/save") and r.status >= 400 else None)
    page.goto(f"{server}/login")
    page.get_by_label("Tên đăng nhập").fill("editor")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{server}/documents/1/derive")
    page.locator("#unit").fill("Đảng ủy xã Tân Hòa")
    page.locator("#date").fill("2025-09-15")
    page.locator("#derive-submit").click()
    expect(page.locator("#save-state")).to_be_visible()
    plan_url = page.url
    start = int(page.locator("#save-state").get_attribute("data-version") or "1")
    texts = [f"Chủ đề sửa lần {n} ở xã Tân Hòa" for n in range(1, 6)]
    for n, text in enumerate(texts):
        field = page.locator(f'input[name="focal-{n}-heading"]')
        field.fill(text)
        if n == 4:
            page.locator("#save-now").click()
        else:
            field.press("Tab")
        expect(page.locator("#save-state")).to_contain_text(f"phiên bản {start + n + 1}", timeout=15_000)
    page.goto(plan_url)
    for n, text in enumerate(texts):
        expect(page.locator(f'input[name="focal-{n}-heading"]')).to_have_value(text)
    page.screenshot(path=str(SHOTS / "plans-04-five-edits.png"), full_page=False)
    assert refused == [] and errors == []
