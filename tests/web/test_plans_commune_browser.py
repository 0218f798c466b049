"""A commune drafts its own plan from the province's, in Debian's Chromium (issue 11's browser bar).

The demo province An Bình is served with the provincial guidance 75-HD/BTGTU in its library. The staff of
Đông Hòa's Ban Xây dựng Đảng open it, draft (the commune's committee is pre-filled), see "Ban hành"
disabled while flags are open, clear one and accept the rest, download the DOCX, issue, and the duties land
on Đông Hòa's own units (its party cells), never on another commune's. Screenshots: test-output/browser/.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from browser_support import chromium_page, free_port, running_server
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser"
SAMPLE = ROOT / "samples" / "000_cb2ba15afe6d27db.txt"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("commune-draft")
    env = {k: v for k, v in os.environ.items() if k != "THONGSUOT_DATABASE_URL"} | {"THONGSUOT_DATA": str(tmp)}
    run = [sys.executable, "-m", "thongsuot"]
    out = subprocess.run([*run, "org", "demo", "--accounts", "--plan"], env=env, capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout  # fmt: skip
    passwords = dict(re.findall(r"^\s+(\S+)\s+\w+\s+\S+\s+mật khẩu: (\S+)$", out, flags=re.M))
    subprocess.run([*run, "ingest", "--no-track", str(SAMPLE)], env=env, capture_output=True, check=True, cwd=ROOT)
    port = free_port()
    with running_server([*run, "serve", "--host", "127.0.0.1", "--port", str(port)], env, tmp / "server.log",
                        port) as (base, _log):  # fmt: skip
        yield base, passwords


@pytest.fixture
def page() -> Iterator[Page]:
    with chromium_page(SHOTS, accept_downloads=True) as pg:
        yield pg


def test_a_commune_drafts_reviews_and_issues_to_its_own_cells(
    server: tuple[str, dict[str, str]], page: Page, tmp_path: Path
) -> None:
    base, passwords = server
    page.goto(f"{base}/login")
    page.get_by_label("Tên đăng nhập").fill("donghoa.xdd")
    page.get_by_label("Mật khẩu").fill(passwords["donghoa.xdd"])
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".usermenu summary")).to_be_visible()

    page.goto(f"{base}/?q=75-HD/BTGTU")
    page.locator("main a[href^='/documents/']").first.click()
    page.locator("a[href$='/derive']").first.click()
    expect(page.locator("#unit")).to_have_value("Đảng ủy xã Đông Hòa")  # its own committee, pre-filled
    page.locator("#derive-submit").click()

    expect(page.locator("#flags")).to_be_visible()
    expect(page.locator("#issue-button")).to_be_disabled()
    expect(page.locator(".review[data-label='adapted']").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "commune-01-review.png"), full_page=False)
    flags = page.locator("#flags li.flag").count()
    page.locator("#flag-0 button[value='clear']").click()
    expect(page.locator("#flags li.flag")).to_have_count(flags - 1)
    page.locator("#accept-all-flags").click()
    expect(page.locator("#open-flags")).to_have_text("0")
    expect(page.locator("#issue-button")).to_be_enabled()

    with page.expect_download() as info:
        page.locator("#download-docx").click()
    path = tmp_path / "ke-hoach.docx"
    info.value.save_as(str(path))
    d = docx.Document(io.BytesIO(path.read_bytes()))
    text = "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])
    assert "ĐẢNG ỦY XÃ ĐÔNG HÒA" in text and "theo Đề cương kèm theo Hướng dẫn số 75-HD/BTGTU" in text

    page.locator("#issue-form input[name='number']").fill("09")
    page.locator("#issue-button").click()
    page.wait_for_url("**/tracking/plans/**")
    page.screenshot(path=str(SHOTS / "commune-02-tracking.png"), full_page=True)
    tracked = page.request.get(page.url.split("?")[0].replace("/tracking/", "/api/v1/tracking/", 1)).json()
    units = {r["a"]["unit_code"] for r in tracked["rows"]}
    assert units and all(u.startswith("AB.X04.") for u in units), units  # only Đông Hòa's own units
    expect(page.locator("main")).to_contain_text("Chi bộ thôn Đông Hòa Thượng")  # its party cells got the duties
