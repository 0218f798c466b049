"""Permissions matrix entries of the drafting routes (loaded by tests/web/test_permissions.py).

Plans belong to a unit of the org tree: editors create and change plans of
their unit's subtree, admins everywhere; reporters and viewers only read.
"Own" acts for HU-A (the test users' unit) or on a plan it owns, "other" for HU-B.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

from web_helpers import OTHER_UNIT, OWN_UNIT, UNIT_SCOPED, Call, Rule, WebEnv

from thongsuot.cascade.derive import empty_plan, target_from_name
from thongsuot.storage.plans import PlanStore

# any editor or admin, whatever the unit (the new plan is the acting user's own)
UPLOADER = Rule(("2xx", "2xx"), ("2xx", "2xx"), ("403", "403"), ("403", "403"))
UNIT_NAMES = {OWN_UNIT: "Huyện ủy An Phú", OTHER_UNIT: "Huyện ủy Bình Sơn"}
_n = itertools.count(1)
_text = "ĐẢNG BỘ TỈNH AN BÌNH\nTỈNH ỦY\n*\nSố {n}-KH/TU\n\nKẾ HOẠCH\nTuyên truyền số {n}\nI. MỤC ĐÍCH, YÊU CẦU\n- Nội dung {n}.\n"


def _unit(scope: str) -> str:
    return OWN_UNIT if scope == "own" else OTHER_UNIT


def _document(env: WebEnv, scope: str) -> int:
    n = next(_n)
    return env.store_text(_text.format(n=n), _unit(scope), name=f"kh-{n}.txt")


def _plan(env: WebEnv, scope: str) -> int:
    code = _unit(scope)
    target = target_from_name(UNIT_NAMES[code], dt.date(2024, 5, 1), unit_code=code)
    plan = empty_plan(target)
    plan = replace(plan, flags=tuple(replace(f, accepted=True) for f in plan.flags))  # reviewed: issuable
    return PlanStore(env.app.state.ts.db).create(plan, unit_code=code).id


ENTRIES: dict[tuple[str, str], tuple[Rule, Call]] = {
    ("POST", "/documents/{document_id}/derive"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        f"/documents/{_document(env, 'own')}/derive",
        data={"unit": UNIT_NAMES[_unit(scope)], "kind": "KH", "date": "2024-05-01"}, follow_redirects=False)),
    ("POST", "/documents/{document_id}/import"): (UPLOADER, lambda env, c, role, scope: c.post(
        f"/documents/{_document(env, scope)}/import", follow_redirects=False)),
    ("POST", "/plans/new"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        "/plans/new", data={"unit": UNIT_NAMES[_unit(scope)], "kind": "HD", "date": "2024-05-01"},
        follow_redirects=False)),
    ("POST", "/plans/{plan_id}/save"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        f"/plans/{_plan(env, scope)}/save", data={"version": "1", "title": "Tên mới"})),
    ("POST", "/plans/{plan_id}/op"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        f"/plans/{_plan(env, scope)}/op", data={"op": "add", "target": "focal", "index": "0"},
        follow_redirects=False)),
    ("POST", "/plans/{plan_id}/flags"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        f"/plans/{_plan(env, scope)}/flags", data={"action": "accept_all"}, follow_redirects=False)),
    ("POST", "/plans/{plan_id}/outline"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        f"/plans/{_plan(env, scope)}/outline", data={}, follow_redirects=False)),
    ("POST", "/plans/{plan_id}/issue"): (UNIT_SCOPED, lambda env, c, role, scope: c.post(
        f"/plans/{_plan(env, scope)}/issue", data={"number": str(next(_n)), "date": "2024-05-02"},
        follow_redirects=False)),
}
