"""Notifications: new duties, returned reports and near deadlines reach the unit once; e-mail goes through a
real SMTP server (aiosmtpd listening on a loopback port), never a mock."""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from browser_support import free_port

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from web_helpers import WebEnv, make_env

from thongsuot.domain.tracking import Period, PeriodKind, ReportAction
from thongsuot.storage import tracking as store
from thongsuot.tracking import notifications
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker
from thongsuot.vocab.tracking_data import demo_province

TODAY = dt.date.today()
PROVINCE = Actor("tinh", "editor", "AB.TU.BTGDV")
COMMUNE = Actor("donghoa", "reporter", "AB.X04.DU")


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _env(url: str, tmp_path: Path, **settings: Any) -> tuple[WebEnv, int, int]:
    web = make_env(url, tmp_path, **settings)
    with web.engine.begin() as conn:
        store.write_tree(conn, demo_province().units)
    web.add_user("tinh", "editor", "AB.TU.BTGDV")
    web.add_user("donghoa", "reporter", "AB.X04.DU")
    t = Tracker(web.engine)
    plan = t.track_plan(PROVINCE, title="tuyên truyền", issuer_unit="AB.TU", symbol="72-KH/TU",
                        duties_by_name=[("Các đảng ủy xã, phường", ["Tuyên truyền sâu rộng"])]).plan_id
    period = t.add_period(PROVINCE, Period(None, plan, PeriodKind.SIX_MONTHS, "6 tháng", TODAY - dt.timedelta(days=90),
                                           TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=5)))
    return web, plan, period


def test_a_unit_hears_of_its_duty_a_near_deadline_and_a_return_once_each(db_url: str, tmp_path: Path) -> None:
    web, _plan, period = _env(db_url, tmp_path)
    try:
        user_id = web.users["reporter"].id  # any user id: read marks are per user
        first = notifications.for_user(web.engine, "AB.X04.DU", user_id)
        assert sorted(n["kind"] for n in first) == ["deadline", "duty"]
        assert notifications.for_user(web.engine, "AB.X04.DU", user_id) == first  # no second copy
        assert notifications.unread(web.engine, "AB.X04.DU", user_id) == 2
        t = Tracker(web.engine)
        report = t.report_for(COMMUNE, period, "AB.X04.DU")
        t.report_action(COMMUNE, report.id, ReportAction.SUBMIT)  # type: ignore[arg-type]
        t.report_action(PROVINCE, report.id, ReportAction.RETURN, "Bổ sung số liệu")  # type: ignore[arg-type]
        notices = notifications.for_user(web.engine, "AB.X04.DU", user_id)
        assert notices[0]["kind"] == "returned" and "Bổ sung số liệu" in notices[0]["text"]
        assert notifications.mark_read(web.engine, "AB.X04.DU", user_id) == 3
        assert notifications.unread(web.engine, "AB.X04.DU", user_id) == 0
        # Another unit hears nothing of it.
        assert all("Bổ sung" not in n["text"] for n in notifications.for_user(web.engine, "AB.X05.DU", user_id))
    finally:
        web.app.state.ts.db.close()


def test_header_count_list_and_mail_through_a_real_smtp_server(sqlite_url: str, tmp_path: Path,
                                                               smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    web, _plan, period = _env(sqlite_url, tmp_path, smtp_host="127.0.0.1", smtp_port=port,
                              smtp_from="thongsuot@anbinh.gov.vn", public_url="https://thongsuot.anbinh.gov.vn")
    try:
        rep, prov = web.client("donghoa"), web.client("tinh")
        assert rep.post("/notifications/email", data={"email": "khong-hop-le"}).status_code == 400
        assert rep.post("/notifications/email", data={"email": "vp@donghoa.gov.vn"}).status_code == 200
        page = rep.get("/tracking").text
        assert 'hx-get="/notifications/count"' in page
        assert rep.get("/notifications/count").text.count('id="notice-count"') == 1
        listing = rep.get("/notifications").text
        assert "Nhiệm vụ mới" in listing and "Tuyên truyền sâu rộng" in listing and "Sắp đến hạn" in listing
        html = rep.get(f"/tracking/periods/{period}/units/AB.X04.DU").text
        report_id = html.split('action="/tracking/reports/', 1)[1].split('"', 1)[0]
        rep.post(f"/tracking/reports/{report_id}", data={"results": "x", "then": "submit"})
        prov.post(f"/tracking/reports/{report_id}/return", data={"comment": "Thiếu số liệu tháng 11"})
        deadline = time.monotonic() + 10
        while not inbox.messages and time.monotonic() < deadline:
            time.sleep(0.1)
        [mail] = inbox.messages
        body = mail.get_payload(decode=True).decode("utf-8")  # type: ignore[union-attr]
        assert mail["To"] == "vp@donghoa.gov.vn" and mail["From"] == "thongsuot@anbinh.gov.vn"
        assert "Thiếu số liệu tháng 11" in body and "Tuyên truyền sâu rộng" in body
        assert f"https://thongsuot.anbinh.gov.vn/tracking/periods/{period}/units/AB.X04.DU" in body
        # Mailed once: a sweep (the daily run) sends nothing new.
        assert sum(notifications.sweep(web.engine, notifications.Smtp.from_settings(web.settings)).values()) == 0
        assert len(inbox.messages) == 1
        rep.post("/notifications/read")
        assert rep.get("/notifications/count").text == ""
    finally:
        web.app.state.ts.db.close()
