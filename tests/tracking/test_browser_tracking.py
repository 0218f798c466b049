"""Browser flow of tracking (Playwright driving Debian's Chromium, a real server in a subprocess).

A commune reporter sees its duty, records two activities (one by the form, one
by XLSX upload) and submits the period report; the province sees the dashboard
move and returns the report with a comment; the reporter fixes and resubmits;
the province downloads the review report as DOCX and XLSX.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from browser_support import chromium_browser, demo_province_server
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "browser-tracking"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    with demo_province_server(tmp_path_factory.mktemp("tracking-browser")) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium_browser(SHOTS) as b:
        yield b


def login(browser: Browser, base: str, username: str, password: str) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    page.goto(f"{base}/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".usermenu summary")).to_be_visible()
    return page


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_reporter_and_province_loop(server: tuple[str, dict[str, str]], browser: Browser, tmp_path: Path) -> None:
    base, passwords = server
    rep = login(browser, base, "donghoa.baocao", passwords["donghoa.baocao"])
    rep.get_by_role("link", name="Theo dõi").click()
    duties = rep.locator("#duties")
    expect(duties).to_contain_text("Xây dựng kế hoạch tuyên truyền")
    shot(rep, "01-reporter-home")
    duties.locator("a").first.click()

    # One activity by the form.
    form = rep.locator("#record")
    form.get_by_label("Hình thức, kênh").select_option("phat_thanh")
    form.get_by_label("Tên hoạt động").fill("Phát bản tin trên loa truyền thanh xã")
    form.locator("input[name=topics][value='1.1']").check()
    form.get_by_label("Số lượng 1").fill("6")
    form.get_by_label("Đơn vị tính 1").select_option("tin_bai")
    form.get_by_role("button", name="Ghi nhận").click()
    expect(rep.locator(".flash.ok")).to_contain_text("Đã ghi nhận")
    expect(rep.locator("#activities")).to_contain_text("Phát bản tin trên loa truyền thanh xã")
    shot(rep, "02-activity-form")

    # One activity by XLSX upload.
    with rep.expect_download() as dl:
        rep.get_by_role("link", name="Tải mẫu Excel của đơn vị").click()
    template = tmp_path / "mau.xlsx"
    dl.value.save_as(template)
    wb = load_workbook(template)
    wb["Hoạt động"].append([time.strftime("%d/%m/%Y"), None, "Pa-nô", "1.2", "Pa-nô cổ động tại trung tâm xã", 4,
                            "pa-nô"])
    filled = tmp_path / "da-dien.xlsx"
    wb.save(filled)
    rep.locator("#bulk input[type=file]").set_input_files(str(filled))
    rep.locator("#bulk").get_by_role("button", name="Tải lên").click()
    expect(rep.locator(".flash.ok")).to_contain_text("Đã nhập 1 hoạt động")
    expect(rep.locator("#activities")).to_contain_text("Pa-nô cổ động tại trung tâm xã")
    shot(rep, "03-activity-xlsx")

    # Submit the period report.
    rep.locator("#reports a").first.click()
    rep.get_by_label("Kết quả").fill("Đã phát 6 tin và dựng 4 pa-nô.")
    rep.get_by_label("Đề xuất, kiến nghị").fill("Hỗ trợ kinh phí thay loa hỏng")
    asked: list[str] = []
    rep.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))  # "Gửi báo cáo" asks first
    rep.get_by_role("button", name="Gửi báo cáo").click()
    expect(rep.locator("#report-state")).to_have_text("Bản nháp")
    assert asked and "rút lại" in asked[0]
    rep.once("dialog", lambda d: d.accept())
    rep.get_by_role("button", name="Gửi báo cáo").click()
    expect(rep.locator("#report-state")).to_have_text("Đã gửi")
    report_url = rep.url
    shot(rep, "04-report-submitted")

    # The province sees the dashboard move and returns the report.
    prov = login(browser, base, "tinh.tuyengiao", passwords["tinh.tuyengiao"])
    prov.goto(f"{base}/tracking")
    prov.locator("#issued a", has_text="Số liệu").first.click()
    expect(prov.locator("#grand")).to_contain_text("2 hoạt động")
    expect(prov.locator("#table-channel")).to_contain_text("Phát thanh")
    expect(prov.locator("#table-coverage")).to_contain_text("Đảng ủy xã Đông Hòa")
    shot(prov, "05-dashboard")
    prov.goto(report_url)
    prov.get_by_label("Ý kiến khi trả lại").fill("Đề nghị bổ sung số lượt người nghe")
    prov.get_by_role("button", name="Trả lại").click()
    expect(prov.locator("#report-state")).to_have_text("Bị trả lại")

    # The reporter fixes and resubmits.
    rep.goto(f"{base}/tracking")
    expect(rep.locator("#returned")).to_contain_text("Đề nghị bổ sung số lượt người nghe")
    rep.goto(report_url)
    rep.get_by_label("Kết quả").fill("Đã phát 6 tin (khoảng 2.000 lượt người nghe) và dựng 4 pa-nô.")
    rep.once("dialog", lambda d: d.accept())
    rep.get_by_role("button", name="Gửi báo cáo").click()
    expect(rep.locator("#report-state")).to_have_text("Đã gửi")
    shot(rep, "06-resubmitted")

    # The province downloads the review report.
    prov.goto(f"{base}/tracking")
    prov.locator("#issued a").first.click()
    with prov.expect_download() as dl_docx:
        prov.locator("a", has_text="báo cáo DOCX").first.click()
    with prov.expect_download() as dl_xlsx:
        prov.locator("a", has_text="XLSX").last.click()
    shot(prov, "07-plan")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(Path(dl_docx.value.path()).read_bytes())).paragraphs)
    assert "Kết quả chung: 2 hoạt động" in text and "Hỗ trợ kinh phí thay loa hỏng" in text
    sheets = load_workbook(io.BytesIO(Path(dl_xlsx.value.path()).read_bytes())).sheetnames
    assert "Theo đơn vị" in sheets
