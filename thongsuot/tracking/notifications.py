"""What a unit is told without going to look: a new duty, work returned, a deadline within a week.

Notices are derived from the tracking state (assignments, periods, reports)
and written once per event (`storage/notices.py`), so the in-app list and the
count in the header stay true however often they are refreshed. E-mail is
optional: with `THONGSUOT_SMTP_HOST` set, each new notice is mailed once to
the unit's users who gave an address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from thongsuot.domain.tracking import AssignmentState, ReportState
from thongsuot.storage import notices as rows
from thongsuot.storage import tracking as store
from thongsuot.tracking import workflow

SOON_DAYS = 7  # a deadline within this many days is announced


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int = 25
    sender: str = "thongsuot@localhost"
    user: str | None = None
    password: str | None = None
    starttls: bool = False
    public_url: str = "http://localhost:8000"

    @classmethod
    def from_settings(cls, settings: Any) -> Smtp | None:
        if not settings.smtp_host:
            return None
        return cls(settings.smtp_host, settings.smtp_port, settings.smtp_from, settings.smtp_user,
                   settings.smtp_password, settings.smtp_starttls, settings.public_url.rstrip("/"))


def _digest(text: str | None) -> str:
    return hashlib.sha1((text or "").encode("utf-8")).hexdigest()[:10]


def current(conn: Any, unit_code: str, today: dt.date) -> list[dict[str, str]]:
    """The events a unit should know of today (keys stable across calls)."""
    plans = {p["id"]: p for p in store.list_plans(conn)}
    mine = {r.period_id: r for r in store.list_reports(conn, unit_codes=[unit_code])}
    out: list[dict[str, str]] = []
    for a in store.list_assignments(conn, unit_codes=[unit_code]):
        plan = plans.get(a.plan_id, {})
        title = plan.get("symbol") or plan.get("title", "")[:80]
        unit_url = f"/tracking/plans/{a.plan_id}/units/{unit_code}"
        if a.state is AssignmentState.ASSIGNED:
            out.append({"key": f"duty:{a.id}", "kind": "duty", "url": unit_url,
                        "text": f"Nhiệm vụ mới theo {title}: {'; '.join(a.duties)[:200]}"})
        if a.state is AssignmentState.RETURNED:
            out.append({"key": f"returned:assignment:{a.id}:{_digest(a.comment)}", "kind": "returned", "url": unit_url,
                        "text": f"Nhiệm vụ theo {title} bị trả lại: {a.comment or ''}"[:300]})
        if (a.deadline and a.state in workflow.OPEN_ASSIGNMENT_STATES
                and today <= a.deadline <= today + dt.timedelta(days=SOON_DAYS)):
            out.append({"key": f"due:assignment:{a.id}:{a.deadline}", "kind": "deadline", "url": unit_url,
                        "text": f"Hạn hoàn thành nhiệm vụ theo {title}: {a.deadline:%d/%m/%Y}"})
        for p in store.list_periods(conn, a.plan_id):
            r = mine.get(p.id) if p.id is not None else None
            state = r.state if r else ReportState.DRAFT
            url = f"/tracking/periods/{p.id}/units/{unit_code}"
            if state is ReportState.RETURNED and r is not None:
                out.append({"key": f"returned:report:{r.id}:{_digest(r.comment)}", "kind": "returned", "url": url,
                            "text": f"Báo cáo {p.label} ({title}) bị trả lại: {r.comment or ''}"[:300]})
            if (state in (ReportState.DRAFT, ReportState.RETURNED)
                    and today <= p.due <= today + dt.timedelta(days=SOON_DAYS)):
                out.append({"key": f"due:period:{p.id}:{p.due}", "kind": "deadline", "url": url,
                            "text": f"Hạn gửi báo cáo {p.label} ({title}): {p.due:%d/%m/%Y}"})
    return out


def refresh(engine: Any, unit_code: str, today: dt.date | None = None) -> list[int]:
    """Write the unit's new notices; the ids of those not known before."""
    with engine.begin() as conn:
        return rows.add_notices(conn, unit_code, current(conn, unit_code, today or dt.date.today()))


def for_user(engine: Any, unit_code: str, user_id: int, today: dt.date | None = None) -> list[dict[str, Any]]:
    refresh(engine, unit_code, today)
    with engine.connect() as conn:
        return rows.list_notices(conn, unit_code, user_id)


def unread(engine: Any, unit_code: str, user_id: int, today: dt.date | None = None) -> int:
    refresh(engine, unit_code, today)
    with engine.connect() as conn:
        return rows.unread_count(conn, unit_code, user_id)


def mark_read(engine: Any, unit_code: str, user_id: int) -> int:
    with engine.begin() as conn:
        return rows.mark_all_read(conn, unit_code, user_id)


def set_email(engine: Any, user_id: int, email: str | None) -> None:
    with engine.begin() as conn:
        rows.set_email(conn, user_id, email)


def email_of(engine: Any, user_id: int) -> str | None:
    with engine.connect() as conn:
        return rows.email_of(conn, user_id)


def mail_unit(engine: Any, smtp: Smtp | None, unit_code: str, today: dt.date | None = None) -> int:
    """Refresh the unit's notices and mail those not mailed yet (one message per address); how many were sent.

    Without SMTP settings nothing is sent and nothing is marked, so turning
    e-mail on later still sends what is new from then on.
    """
    refresh(engine, unit_code, today)
    if smtp is None:
        return 0
    with engine.connect() as conn:
        pending = rows.not_emailed(conn, unit_code)
        addresses = rows.emails_for_unit(conn, unit_code)
    if not pending:
        return 0
    sent = 0
    if addresses:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=15) as client:
            if smtp.starttls:
                client.starttls()
            if smtp.user:
                client.login(smtp.user, smtp.password or "")
            for address in addresses:
                client.send_message(_message(smtp, address, pending))
                sent += 1
    with engine.begin() as conn:
        rows.mark_emailed(conn, [int(n["id"]) for n in pending])
    return sent


def _message(smtp: Smtp, address: str, pending: list[dict[str, Any]]) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"] = smtp.sender, address
    msg["Subject"] = f"Thông Suốt: {len(pending)} thông báo mới"
    lines = [f"- {n['text']}\n  {smtp.public_url}{n['url']}" for n in pending]
    msg.set_content("Đơn vị của bạn có thông báo mới:\n\n" + "\n".join(lines)
                    + f"\n\nXem tất cả: {smtp.public_url}/notifications\n")
    return msg


def sweep(engine: Any, smtp: Smtp | None, today: dt.date | None = None) -> dict[str, int]:
    """Every assigned unit: new notices written and mailed (run daily, e.g. by cron, for the deadlines)."""
    with engine.connect() as conn:
        units = sorted({a.unit_code for a in store.list_assignments(conn)})
    return {u: mail_unit(engine, smtp, u, today) for u in units}


def mail_assignment_unit(engine: Any, smtp: Smtp | None, assignment_id: int) -> int:
    with engine.connect() as conn:
        unit_code = store.get_assignment(conn, assignment_id).unit_code
    return mail_unit(engine, smtp, unit_code)


def mail_plan_units(engine: Any, smtp: Smtp | None, plan_id: int) -> int:
    """After a plan is put under tracking or a unit assigned by hand: every assigned unit hears of its duty."""
    with engine.connect() as conn:
        units = sorted({a.unit_code for a in store.list_assignments(conn, plan_id=plan_id)})
    return sum(mail_unit(engine, smtp, u) for u in units)
