"""Forms that keep what was typed, visible feedback, confirmation and recall of a submitted report."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from web_helpers import WebEnv, make_env

from thongsuot.domain.tracking import Period, PeriodKind
from thongsuot.storage import tracking as store
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker
from thongsuot.vocab.tracking_data import demo_province

TODAY = dt.date.today()
UNIT_URL = "/tracking/plans/{plan}/units/AB.X04.DU"


def _env(url: str, tmp_path: Path) -> tuple[WebEnv, int, int]:
    web = make_env(url, tmp_path)
    with web.engine.begin() as conn:
        store.write_tree(conn, demo_province().units)
    web.add_user("tinh", "editor", "AB.TU.BTGDV")
    web.add_user("donghoa", "reporter", "AB.X04.DU")
    t = Tracker(web.engine)
    issuer = Actor("tinh", "editor", "AB.TU.BTGDV")
    plan = t.track_plan(issuer, title="tuyên truyền", issuer_unit="AB.TU", symbol="71-KH/TU",
                        topics=[{"key": "1.1", "title": "Thành tựu", "focal": True}],
                        duties_by_name=[("Các đảng ủy xã, phường", ["Tuyên truyền sâu rộng"])]).plan_id
    period = t.add_period(issuer, Period(None, plan, PeriodKind.SIX_MONTHS, "6 tháng", TODAY - dt.timedelta(days=30),
                                         TODAY + dt.timedelta(days=30), TODAY + dt.timedelta(days=40)))
    return web, plan, period


@pytest.fixture
def env(db_url: str, tmp_path: Path) -> Iterator[tuple[WebEnv, int, int]]:
    web, plan, period = _env(db_url, tmp_path)
    yield web, plan, period
    web.app.state.ts.db.close()


@pytest.fixture
def env_sqlite(sqlite_url: str, tmp_path: Path) -> Iterator[tuple[WebEnv, int, int]]:
    web, plan, period = _env(sqlite_url, tmp_path)
    yield web, plan, period
    web.app.state.ts.db.close()


def _field(html: str, name: str) -> str:
    """The value attribute of the input `name` as the page shows it."""
    m = re.search(rf'<input name="{name}"[^>]*value="([^"]*)"', html)
    assert m, name
    return m.group(1)


def test_a_bad_date_comes_back_beside_its_field_with_everything_typed_kept(
        env_sqlite: tuple[WebEnv, int, int]) -> None:
    web, plan, _period = env_sqlite
    rep = web.client("donghoa")
    url = UNIT_URL.format(plan=plan)
    typed = {"start": "31/02/2026", "channel": "phat_thanh", "title": "Phát thanh lưu động", "topics": "1.1",
             "amount1": "3", "unit1": "tin_bai", "amount2": "ba", "unit2": "buoi", "note": "ghi chú giữ lại"}
    page = rep.post(f"{url}/activities", data=typed)
    assert page.status_code == 422
    html = page.text
    assert 'id="err-start"' in html and "31/02/2026" in html.split('id="err-start"')[1].split("</span>")[0]
    assert 'id="err-amount2"' in html and "không phải là số" in html
    assert _field(html, "start") == "31/02/2026" and _field(html, "title") == "Phát thanh lưu động"
    assert _field(html, "amount1") == "3" and _field(html, "amount2") == "ba"
    assert 'value="phat_thanh" selected' in html and 'value="1.1" checked' in html and "ghi chú giữ lại" in html
    assert "Về thư viện" not in html  # the unit's page, not an error page
    # By htmx: the form alone comes back (swapped in place), same messages and values.
    part = rep.post(f"{url}/activities", data=typed, headers={"HX-Request": "true"})
    assert part.status_code == 422 and "<html" not in part.text and 'id="err-start"' in part.text and _field(part.text, "title") == typed["title"]
    # The page answers HTML only, whatever the Accept header; JSON callers use the API, whose error shape names
    # each refused field.
    again = rep.post(f"{url}/activities", data=typed, headers={"Accept": "application/json"})
    assert again.status_code == 422 and again.headers["content-type"].startswith("text/html")
    js = rep.post(f"/api/v1{url}/activities", json={"start": "2026-02-31", "channel": "phat_thanh", "title": "x",
                                                     "quantities": [{"amount": 3, "unit": "tin_bai"},
                                                                    {"amount": "ba", "unit": "buoi"}]}).json()
    assert js["error"]["code"] == "validation_error"
    assert {tuple(d["loc"][1:]) for d in js["error"]["detail"]} == {("start",), ("quantities", 1, "amount")}
    # Nothing was stored by the refused posts; a good one is stored and, by htmx, redirects the page.
    good = rep.post(f"{url}/activities", data=typed | {"start": TODAY.strftime("%d/%m/%Y"), "amount2": ""},
                    headers={"HX-Request": "true"})
    assert good.status_code == 200 and good.headers["HX-Redirect"].endswith("?saved=1")
    with web.engine.connect() as conn:
        assert [a.title for a in store.list_activities(conn, plan_id=plan)] == ["Phát thanh lưu động"]


def test_save_shows_feedback_submit_asks_first_and_recall_lasts_until_the_superior_opens(
        env: tuple[WebEnv, int, int]) -> None:
    web, _plan, period = env
    rep, prov = web.client("donghoa"), web.client("tinh")
    page_url = f"/tracking/periods/{period}/units/AB.X04.DU"
    html = rep.get(page_url).text
    report_id = int(re.search(r'action="/tracking/reports/(\d+)"', html).group(1))  # type: ignore[union-attr]
    assert re.search(r'value="submit" data-confirm="Gửi báo cáo[^"]+"', html)
    saved = rep.post(f"/tracking/reports/{report_id}", data={"results": "Đã tuyên truyền", "then": "save"})
    assert saved.status_code == 200 and 'id="report-done"' in saved.text and "Đã lưu nháp lúc" in saved.text
    sent = rep.post(f"/tracking/reports/{report_id}", data={"results": "Đã tuyên truyền", "then": "submit"})
    assert "Đã gửi báo cáo" in sent.text and f"/tracking/reports/{report_id}/recall" in sent.text
    recalled = rep.post(f"/tracking/reports/{report_id}/recall")
    assert recalled.status_code == 200 and "Đã rút lại báo cáo" in recalled.text
    with web.engine.connect() as conn:
        back = store.get_report(conn, report_id)
    assert str(back.state) == "draft" and back.submitted_on is None and back.results == "Đã tuyên truyền"
    rep.post(f"/tracking/reports/{report_id}", data={"results": "Đã tuyên truyền", "then": "submit"})
    assert prov.get(page_url).status_code == 200  # the superior opens it
    assert f"/tracking/reports/{report_id}/recall" not in rep.get(page_url).text
    late = rep.post(f"/api/v1/tracking/reports/{report_id}/recall", json={})
    assert late.status_code == 409 and late.json()["error"]["code"] == "already_opened"
    with web.engine.connect() as conn:
        assert str(store.get_report(conn, report_id).state) == "submitted"
    # The unit's own report to sign: DOCX and XLSX for the unit; another commune's reporter is refused.
    assert 'href="' + page_url + '/report.docx"' in rep.get(page_url).text
    signed = rep.get(f"{page_url}/report.docx")
    assert signed.status_code == 200 and signed.content[:2] == b"PK"
    assert "attachment" in signed.headers["content-disposition"]
    assert rep.get(f"{page_url}/report.xlsx").status_code == 200
    web.add_user("dongthanh", "reporter", "AB.X05.DU")
    assert web.client("dongthanh").get(f"{page_url}/report.docx").status_code == 403


def test_the_period_form_keeps_what_was_typed_and_names_the_refused_field(
        env_sqlite: tuple[WebEnv, int, int]) -> None:
    web, plan, _period = env_sqlite
    prov = web.client("tinh")
    typed = {"label": "Năm 2026", "kind": "year", "start": "01/01/2026", "end": "31/02/2026", "due": "15/01/2027"}
    page = prov.post(f"/tracking/plans/{plan}/periods", data=typed)
    assert page.status_code == 422
    html = page.text
    assert 'id="period-err-end"' in html and "31/02/2026" in html.split('id="period-err-end"')[1].split("</span>")[0]
    assert _field(html, "label") == "Năm 2026" and _field(html, "due") == "15/01/2027"
    assert 'value="year" selected' in html and "Về thư viện" not in html  # the plan page, not an error page
    backwards = prov.post(f"/tracking/plans/{plan}/periods", data=typed | {"end": "01/12/2025"},
                          headers={"HX-Request": "true"})
    assert backwards.status_code == 422 and "<html" not in backwards.text and 'id="period-err-end"' in backwards.text
    with web.engine.connect() as conn:
        assert [p.label for p in store.list_periods(conn, plan)] == ["6 tháng"]  # nothing stored by refused posts
    good = prov.post(f"/tracking/plans/{plan}/periods", data=typed | {"end": "31/12/2026"},
                     headers={"HX-Request": "true"})
    assert good.status_code == 200 and good.headers["HX-Redirect"] == f"/tracking/plans/{plan}"
    with web.engine.connect() as conn:
        assert [p.label for p in store.list_periods(conn, plan)] == ["6 tháng", "Năm 2026"]
