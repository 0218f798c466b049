"""Permissions matrix entries of the tracking routes (loaded by tests/web/test_permissions.py).

Every test user sits in OWN_UNIT (HU-A); "own" acts on HU-A's duty, activity or report
(or a plan HU-A issued), "other" on HU-B's. Reporters and editors write only their own
unit's activities and reports; the issuing level accepts and sets periods; admins manage the tree.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from typing import Any

from openpyxl import load_workbook
from web_helpers import ADMIN_ONLY, OTHER_UNIT, OWN_UNIT, UNIT_SCOPED, Call, Rule, WebEnv

from thongsuot.domain.tracking import Activity, Quantity
from thongsuot.storage import tracking as store
from thongsuot.tracking import xlsx_io
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker

# Writing a unit's own work: its reporter or editor, nobody else (not even the admin).
OWN_WRITER = Rule(("403", "403"), ("2xx", "403"), ("2xx", "403"), ("403", "403"))
# Acting as the issuing level of a plan: editors (and the admin) of the issuing unit.
ISSUING = Rule(("2xx", "403"), ("2xx", "403"), ("403", "403"), ("403", "403"))
ADMIN = Actor("(matrix)", "admin", OWN_UNIT)
TODAY = dt.date.today()
_n = itertools.count(1)


def unit(scope: str) -> str:
    return OWN_UNIT if scope == "own" else OTHER_UNIT


def plan(env: WebEnv, issuer: str = "TU") -> int:
    """A fresh plan of `issuer` with a duty for HU-A and for HU-B (fresh states for every call)."""
    t = Tracker(env.engine)
    made = t.track_plan(ADMIN, title=f"KH {next(_n)}", issuer_unit=issuer, duties_by_name=[],
                        topics=[{"key": "1", "title": "Nội dung", "focal": True}])
    for code in (OWN_UNIT, OTHER_UNIT):
        t.assign_by_hand(ADMIN, made.plan_id, code, ["Tuyên truyền"])
    return made.plan_id


def assignment(env: WebEnv, scope: str) -> int:
    p = plan(env)
    with env.engine.connect() as conn:
        return next(a.id for a in store.list_assignments(conn, plan_id=p) if a.unit_code == unit(scope))  # type: ignore[misc]


def report(env: WebEnv, scope: str) -> int:
    p = plan(env)
    with env.engine.begin() as conn:
        from thongsuot.domain.tracking import Period, PeriodKind

        period = store.add_period(conn, Period(None, p, PeriodKind.AD_HOC, "kỳ", TODAY, TODAY, TODAY))
        r = store.get_or_create_report(conn, period, unit(scope))
    assert r.id is not None
    return r.id


def activity(env: WebEnv, scope: str) -> int:
    p = plan(env)
    with env.engine.begin() as conn:
        [aid] = store.add_activities(conn, [Activity(None, p, unit(scope), TODAY, "pa_no", title="Pa-nô",
                                                     quantities=(Quantity(1, "pa_no"),))])
    return aid


def filled_template(env: WebEnv, p: int, code: str) -> bytes:
    wb = load_workbook(io.BytesIO(xlsx_io.template(p, "KH", code, code, [])))
    wb[xlsx_io.SHEET].append([TODAY.strftime("%d/%m/%Y"), None, "Pa-nô", None, "Pa-nô", 1, "pa-nô"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def document(env: WebEnv) -> int:
    return env.store_text(f"KẾ HOẠCH\nSố: {next(_n)}-KH/HU\nTuyên truyền\nI. MỤC ĐÍCH, YÊU CẦU\n- Nội dung.\n", OWN_UNIT,
                          name=f"kh-{next(_n)}.txt")


def _activity_form(env: WebEnv, c: Any, role: str | None, scope: str) -> Any:
    return c.post(f"/tracking/plans/{plan(env)}/units/{unit(scope)}/activities",
                  data={"start": TODAY.strftime("%d/%m/%Y"), "channel": "pa_no", "title": "Pa-nô"},
                  follow_redirects=False)


def _upload(env: WebEnv, c: Any, role: str | None, scope: str) -> Any:
    p = plan(env)
    return c.post(f"/tracking/plans/{p}/units/{unit(scope)}/upload",
                  files={"file": ("hd.xlsx", filled_template(env, p, unit(scope)), "application/octet-stream")},
                  follow_redirects=False)


ENTRIES: dict[tuple[str, str], tuple[Rule, Call]] = {
    ("POST", "/api/v1/tracking/plans/{plan_id}/units/{unit_code}/activities"): (
        OWN_WRITER, lambda env, c, role, scope: c.post(
            f"/api/v1/tracking/plans/{plan(env)}/units/{unit(scope)}/activities",
            json={"start": TODAY.isoformat(), "channel": "pa_no", "title": "Pa-nô"})),
    ("POST", "/tracking/plans/{plan_id}/units/{unit_code}/activities"): (OWN_WRITER, _activity_form),
    ("POST", "/tracking/plans/{plan_id}/units/{unit_code}/upload"): (OWN_WRITER, _upload),
    ("POST", "/tracking/activities/{activity_id}/delete"): (OWN_WRITER, lambda env, c, role, scope: c.post(
        f"/tracking/activities/{activity(env, scope)}/delete", follow_redirects=False)),
    ("POST", "/api/v1/tracking/assignments/{assignment_id}/{action}"): (OWN_WRITER, lambda env, c, role, scope: c.post(
        f"/api/v1/tracking/assignments/{assignment(env, scope)}/report", json={})),
    ("POST", "/tracking/assignments/{assignment_id}/{action}"): (OWN_WRITER, lambda env, c, role, scope: c.post(
        f"/tracking/assignments/{assignment(env, scope)}/report", follow_redirects=False)),
    ("POST", "/tracking/reports/{report_id}"): (OWN_WRITER, lambda env, c, role, scope: c.post(
        f"/tracking/reports/{report(env, scope)}", data={"results": "Kết quả"}, follow_redirects=False)),
    ("PUT", "/api/v1/tracking/reports/{report_id}"): (OWN_WRITER, lambda env, c, role, scope: c.put(
        f"/api/v1/tracking/reports/{report(env, scope)}", json={"results": "Kết quả"})),
    ("POST", "/tracking/reports/{report_id}/{action}"): (OWN_WRITER, lambda env, c, role, scope: c.post(
        f"/tracking/reports/{report(env, scope)}/submit", follow_redirects=False)),
    ("POST", "/api/v1/tracking/reports/{report_id}/{action}"): (OWN_WRITER, lambda env, c, role, scope: c.post(
        f"/api/v1/tracking/reports/{report(env, scope)}/submit", json={})),
    ("POST", "/tracking/new"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        "/tracking/new", data={"document_id": str(document(env)), "issuer": unit(scope)}, follow_redirects=False)),
    ("POST", "/tracking/plans/{plan_id}/periods"): (ISSUING, lambda env, c, role, scope: c.post(
        f"/tracking/plans/{plan(env, unit(scope))}/periods",
        data={"label": "6 tháng", "start": "01/01/2026", "end": "30/06/2026", "due": "15/06/2026"},
        follow_redirects=False)),
    ("POST", "/tracking/plans/{plan_id}/assign"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        f"/tracking/plans/{plan(env, unit(scope))}/assign", data={"unit": OTHER_UNIT, "duty": "Việc"},
        follow_redirects=False)),
    ("POST", "/tracking/org"): (ADMIN_ONLY, lambda env, c, role, scope: c.post(
        "/tracking/org", files={"file": ("cay.csv", Tracker(env.engine).export_tree("csv"), "text/csv")})),
}
