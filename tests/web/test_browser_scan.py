"""A scanned two-page PDF uploaded in Chromium: the list shows the pages read, other pages answer meanwhile,
and the document page shows each page's image beside its text, which the editor corrects.

Only orderings are asserted (never durations): the result appears after the list showed pages being read,
and some other page was answered between the upload's start and its result. The scan is made once
(tests/parsing/scans.py: LibreOffice, pdftoppm, Pillow noise) from the first seed's opening.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import chromium_page, free_port, running_server
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parsing"))
from scans import head, make_scan

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser-scan"
SHARED = Path(os.environ.get("THONGSUOT_SHARED", ROOT.parent / "shared"))
pytestmark = pytest.mark.browser

# Records each change of the upload list (its text and the file's pages) with the browser's clock.
WATCH = """() => {
  window.uploadLog = [];
  const list = document.getElementById("upload-list");
  new MutationObserver(() => {
    const li = list.querySelector("li");
    if (!li) return;
    const file = li.querySelector(".upload-file");
    window.uploadLog.push({t: Date.now(), cls: li.className, text: li.textContent.replace(/\\s+/g, " "),
      done: file ? file.dataset.pagesDone : null, total: file ? file.dataset.pagesTotal : null});
  }).observe(list, {subtree: true, childList: true, characterData: true, attributes: true});
}"""
# Fetches the library page again and again until the upload's list item has its result class.
OTHERS = """async () => {
  const answered = [];
  const li = () => document.querySelector("#upload-list li");
  while (!(li() && li().className)) {
    const start = Date.now();
    const response = await fetch("/?q=ke+hoach");
    await response.text();
    answered.push({start, end: Date.now(), status: response.status});
  }
  return answered;
}"""


@pytest.fixture(scope="module")
def scan_pdf() -> bytes:
    seed = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))[0]
    return make_scan(head(seed.read_text(encoding="utf-8"), 3600), seed=3, max_pages=2)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("browser-scan")
    samples = tmp / "samples"
    samples.mkdir()
    sample = sorted((ROOT / "samples").glob("*.txt"))[1]
    (samples / sample.name).write_bytes(sample.read_bytes())
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "THONGSUOT_DATABASE_URL"} | {"THONGSUOT_DATA": str(tmp / "data")}
    cmd = [sys.executable, "-m", "thongsuot", "demo", "--samples", str(samples), "--serve",
           "--host", "127.0.0.1", "--port", str(port)]
    with running_server(cmd, env, tmp / "server.log", port) as (base, log):
        yield base, dict(re.findall(r"^\s+(\w+)\s+\w+\s+\S+\s+mật khẩu: (\S+)$", log.read(), flags=re.M))


@pytest.fixture
def page() -> Iterator[Page]:
    with chromium_page(SHOTS) as pg:
        yield pg


def test_a_scan_upload_shows_pages_read_and_opens_as_a_correctable_scan(
    server: tuple[str, dict[str, str]], page: Page, scan_pdf: bytes, tmp_path: Path
) -> None:
    base, passwords = server
    page.goto(f"{base}/login")
    page.get_by_label("Tên đăng nhập").fill("editor")
    page.get_by_label("Mật khẩu").fill(passwords["editor"])
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{base}/upload")
    expect(page.locator("#upload-form")).to_have_attribute("data-ready", "1")
    page.evaluate(WATCH)
    path = tmp_path / "van-ban-quet.pdf"
    path.write_bytes(scan_pdf)
    page.set_input_files("#files", str(path))
    clicked = page.evaluate("Date.now()")
    page.get_by_role("button", name="Tải lên").click()
    others = page.evaluate(OTHERS)
    expect(page.locator("#upload-list li.stored, #upload-list li.new_version")).to_contain_text(
        "đã đọc 2/2 trang", timeout=240_000)
    page.screenshot(path=str(SHOTS / "01-upload-done.png"), full_page=True)

    log = page.evaluate("window.uploadLog")
    done_at = next(e["t"] for e in log if e["cls"])
    reading = [e for e in log if "Đang đọc:" in e["text"] and e["done"] is not None]
    assert reading and reading[0]["t"] < done_at, "the list never showed the pages being read"
    pages = [int(e["done"]) for e in reading]
    assert pages == sorted(pages) and {int(e["total"]) for e in reading} <= {1, 2}
    assert any(e["total"] == "2" for e in log), "the list never showed the scan's page count"
    # Other pages answered while the scan was read: requests sent after the upload began came back before its result.
    assert all(o["status"] == 200 for o in others)
    assert any(clicked < o["start"] and o["end"] < done_at for o in others)

    # A job the server no longer knows (restarted) stops the polling with a message instead of retrying forever.
    page.evaluate("""() => {
      const li = document.createElement("li"); li.id = "lost";
      const job = document.createElement("div"); job.className = "upload-job";
      job.setAttribute("hx-get", "/upload/jobs/khong-con"); job.setAttribute("hx-trigger", "load");
      job.setAttribute("hx-swap", "outerHTML");
      li.appendChild(job); document.getElementById("upload-list").append(li); htmx.process(job);
    }""")
    expect(page.locator("#lost.error")).to_contain_text("Không theo dõi được tiến độ (máy chủ trả lỗi 404)")

    page.locator("#upload-list li a", has_text="Mở văn bản").first.click()
    view = page.locator("#scan-view")
    expect(view.locator(".scan-page")).to_have_count(2)
    images = view.locator(".scan-image img")
    for k in range(2):
        images.nth(k).scroll_into_view_if_needed()
        expect(images.nth(k)).to_have_js_property("complete", True)
        assert images.nth(k).evaluate("img => img.naturalWidth") > 500
    assert view.locator(".ocr-text").nth(0).inner_text().strip()
    page.screenshot(path=str(SHOTS / "02-scan-view.png"), full_page=True)

    # The editor corrects page 1 (a line added at its end) and the page reloads on the new version.
    view.locator("details.scan-edit summary").first.click()
    box = view.locator("textarea[name=page_text]").first
    box.fill(box.input_value() + "\nDòng do cán bộ bổ sung khi đối chiếu bản quét.")
    page.get_by_role("button", name="Lưu bản sửa thành phiên bản mới").click()
    expect(page.locator("#scan-saved")).to_contain_text("phiên bản 2")
    expect(page.locator("#scan-view .scan-page").first).to_contain_text("Dòng do cán bộ bổ sung")
    expect(page.locator("#scan-view .badge").first).to_have_text("đã sửa")
    page.screenshot(path=str(SHOTS / "03-corrected.png"), full_page=True)
