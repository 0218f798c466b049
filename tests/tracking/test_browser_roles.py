"""A day in the life of each role, in Debian's Chromium against a served demo (one server, one browser).

In file order (make test runs with --dist loadfile): the party cell reports to its
commune; the commune's reporter records, submits, recalls and resubmits; the
commune's editor accepts its party cell's report; the province's editor opens and
returns the commune's report and drafts the review; the province's leader reads.
Error paths on the way: a date that does not exist, a submission cancelled at the
confirmation, a recall refused once the superior has opened the report. Every
tracking link a role is shown answers (no refusals). Screenshots: test-output/roles/.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from browser_support import chromium_browser, demo_province_server
from playwright.sync_api import Browser, Page, expect

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "roles"
pytestmark = pytest.mark.browser
STATE: dict[str, Any] = {}  # what one role leaves for the next (the report page of Đông Hòa)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    with demo_province_server(tmp_path_factory.mktemp("roles-browser")) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium_browser(SHOTS) as b:
        yield b


def login(browser: Browser, server: tuple[str, dict[str, str]], username: str) -> Page:
    base, passwords = server
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    page.goto(f"{base}/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(passwords[username])
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".usermenu summary")).to_be_visible()
    return page


def docx_text(path: str) -> str:
    """Paragraphs and table cells (the header and signature blocks are tables)."""
    d = docx.Document(io.BytesIO(Path(path).read_bytes()))
    return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def no_refusals(page: Page) -> None:
    """Every tracking link on the page answers without a refusal (403/404) or a fault."""
    hrefs = {h for h in page.locator("main a[href^='/tracking']").evaluate_all("els => els.map(e => e.getAttribute('href'))")}
    assert hrefs
    base = re.match(r"https?://[^/]+", page.url).group(0)  # type: ignore[union-attr]
    for href in sorted(hrefs):
        status = page.request.get(base + href).status
        assert status < 400, f"{href} answers {status}"


def record(page: Page, title: str, channel: str) -> None:
    form = page.locator("#record")
    form.get_by_label("Hình thức, kênh").select_option(channel)
    form.get_by_label("Tên hoạt động").fill(title)
    form.get_by_label("Số lượng 1").fill("3")
    form.get_by_label("Đơn vị tính 1").select_option("buoi")
    form.get_by_role("button", name="Ghi nhận").click()


def submit_report(page: Page) -> None:
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã gửi")


def test_party_cell_reporter(server: tuple[str, dict[str, str]], browser: Browser) -> None:
    page = login(browser, server, "chibo.baocao")
    expect(page).to_have_url(re.compile(r"/tracking$"))  # lands on its work, not the library
    expect(page.locator("#duties")).to_contain_text("Quán triệt kế hoạch trong sinh hoạt chi bộ")
    expect(page.locator("#due")).to_contain_text("Báo cáo 6 tháng")
    expect(page.locator("#notice-count")).to_be_visible()  # new duty, told in the header
    no_refusals(page)
    shot(page, "cell-01-home")
    page.locator("#duties a").first.click()
    # A date that does not exist: the message sits beside the field and nothing typed is lost.
    page.locator("#record").get_by_label("Ngày thực hiện").fill("31/02/2026")
    record(page, "Quán triệt Kế hoạch 08-KH/ĐU trong sinh hoạt chi bộ", "sinh_hoat_chi_bo")
    expect(page.locator("#err-start")).to_contain_text("31/02/2026")
    expect(page.locator("#record").get_by_label("Tên hoạt động")).to_have_value(
        "Quán triệt Kế hoạch 08-KH/ĐU trong sinh hoạt chi bộ")
    expect(page.locator("#record").get_by_label("Số lượng 1")).to_have_value("3")
    shot(page, "cell-02-bad-date-kept")
    page.locator("#record").get_by_label("Ngày thực hiện").fill(page.evaluate(
        "() => new Date().toLocaleDateString('en-GB')"))
    page.locator("#record").get_by_role("button", name="Ghi nhận").click()
    expect(page.locator(".flash.ok")).to_contain_text("Đã ghi nhận hoạt động")
    expect(page.locator("#activities")).to_contain_text("Quán triệt Kế hoạch 08-KH/ĐU")
    page.locator("#reports a").first.click()
    page.get_by_label("Kết quả").fill("Quán triệt đến 100% đảng viên chi bộ.")
    page.get_by_label("Đề xuất, kiến nghị").fill("Đề nghị Đảng ủy xã cấp thêm tài liệu.")
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.locator("#report-done")).to_contain_text("Đã lưu nháp")
    expect(page.locator("textarea[name=results]")).to_have_value("Quán triệt đến 100% đảng viên chi bộ.")
    submit_report(page)
    shot(page, "cell-03-submitted")
    with page.expect_download() as dl:
        page.locator("#unit-report-files a", has_text="DOCX").click()
    text = docx_text(dl.value.path())
    assert "CHI BỘ THÔN ĐÔNG HÒA THƯỢNG" in text and "Đông Hòa, ngày" in text and "T/M CHI BỘ" in text


def test_commune_reporter(server: tuple[str, dict[str, str]], browser: Browser) -> None:
    page = login(browser, server, "donghoa.baocao")
    expect(page).to_have_url(re.compile(r"/tracking$"))
    no_refusals(page)
    page.locator("#duties tr", has_text="Xây dựng kế hoạch").locator("a").first.click()
    record(page, "Phát bản tin trên loa truyền thanh xã", "phat_thanh")
    expect(page.locator(".flash.ok")).to_contain_text("Đã ghi nhận hoạt động")
    page.locator("#reports a").first.click()
    STATE["report_url"] = page.url
    page.get_by_label("Kết quả").fill("Phát 3 buổi trên loa truyền thanh.")
    page.get_by_label("Hạn chế").fill("Loa một số thôn hỏng.")
    page.get_by_label("Nguyên nhân").fill("Kinh phí hạn chế.")
    page.get_by_label("Đề xuất, kiến nghị").fill("Hỗ trợ kinh phí sửa loa.")
    page.once("dialog", lambda d: d.dismiss())  # cancelled at the confirmation: still a draft
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Bản nháp")
    submit_report(page)
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Rút lại báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Bản nháp")
    expect(page.locator("textarea[name=limits]")).to_have_value("Loa một số thôn hỏng.")
    shot(page, "commune-01-recalled")
    submit_report(page)
    shot(page, "commune-02-resubmitted")


def test_commune_editor_accepts_its_party_cell(server: tuple[str, dict[str, str]], browser: Browser) -> None:
    page = login(browser, server, "donghoa.xdd")
    page.get_by_role("link", name="Theo dõi").click()
    issued = page.locator("#issued")
    expect(issued).to_contain_text("08-KH/ĐU")
    no_refusals(page)
    issued.locator("a").first.click()
    row = page.locator("#assignments tr[data-unit='AB.X04.CS01']")
    row.locator("a", has_text="Đã gửi").click()
    expect(page.locator("#report-state")).to_have_text("Đã gửi")
    page.get_by_role("button", name="Chấp nhận").click()
    expect(page.locator("#report-state")).to_have_text("Đã chấp nhận")
    shot(page, "commune-editor-01-accepted")
    page.goto(page.url.split("/tracking")[0] + "/tracking")
    page.locator("#issued a").first.click()
    with page.expect_download() as dl:
        page.locator("a", has_text="Dự thảo báo cáo (DOCX)").click()
    text = docx_text(dl.value.path())
    assert "Đông Hòa, ngày" in text and "Đề nghị Đảng ủy xã cấp thêm tài liệu." in text


def test_province_editor_returns_and_drafts_the_review(server: tuple[str, dict[str, str]], browser: Browser) -> None:
    page = login(browser, server, "tinh.tuyengiao")
    page.goto(STATE["report_url"])  # opening it ends the commune's recall
    expect(page.locator("#report-state")).to_have_text("Đã gửi")
    expect(page.locator("main")).to_contain_text("Hỗ trợ kinh phí sửa loa.")
    rep = login(browser, server, "donghoa.baocao")
    rep.goto(STATE["report_url"])
    expect(rep.get_by_role("button", name="Rút lại báo cáo")).to_have_count(0)
    base = STATE["report_url"].split("/tracking")[0]
    page.goto(f"{base}/tracking")
    no_refusals(page)
    page.locator("#issued a").first.click()
    with page.expect_download() as dl:
        page.locator("a", has_text="Dự thảo báo cáo (DOCX)").click()
    text = docx_text(dl.value.path())
    assert "An Bình, ngày" in text and "Sơ kết" in text and "Hỗ trợ kinh phí sửa loa." in text
    assert "nguyên nhân: Kinh phí hạn chế." in text and ".;" not in text and "Đúng hạn" in text
    shot(page, "province-01-plan")
    page.goto(STATE["report_url"])
    page.get_by_label("Ý kiến khi trả lại").fill("Đề nghị bổ sung số lượt người nghe")
    page.get_by_role("button", name="Trả lại").click()
    expect(page.locator("#report-state")).to_have_text("Bị trả lại")
    rep.goto(STATE["report_url"].split("/tracking")[0] + "/notifications")
    expect(rep.locator("#notices")).to_contain_text("Đề nghị bổ sung số lượt người nghe")
    shot(rep, "commune-03-notified")


def test_province_leader_reads(server: tuple[str, dict[str, str]], browser: Browser) -> None:
    page = login(browser, server, "tinh.lanhdao")
    expect(page).to_have_url(re.compile(r"/tracking$"))
    no_refusals(page)
    page.locator("#issued a", has_text="Số liệu").first.click()
    expect(page.locator("#grand")).to_contain_text("hoạt động")
    no_refusals(page)
    shot(page, "leader-01-dashboard")
