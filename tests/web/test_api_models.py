"""Every tracking answer of the API, over real tracking data, matches the OpenAPI document's schema.

The schemathesis test generates ids at random and so mostly meets 404s on
tracking routes; here a tracked plan with an activity, a submitted report and
a period exists, and each GET and each move is checked by schemathesis' own
schema checks (on SQLite: the models are the same on both backends).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance
from web_helpers import WebEnv, make_env

from thongsuot.cascade.derive import empty_plan, target_from_name
from thongsuot.domain.tracking import Activity, Period, PeriodKind, PeriodReport
from thongsuot.storage import accounts
from thongsuot.storage import tracking as store
from thongsuot.storage.accounts import User
from thongsuot.storage.models import DocumentSummary
from thongsuot.storage.plans import PlanStore, PlanSummary
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker
from thongsuot.vocab.tracking_data import demo_province
from thongsuot.web import security
from thongsuot.web.schemas.accounts import UserOut
from thongsuot.web.schemas.documents import DocumentSummaryOut
from thongsuot.web.schemas.plans import PlanSummaryOut
from thongsuot.web.schemas.tracking import PeriodReportOut

TODAY = dt.date.today()
TOKENS: dict[str, str] = {}
SCHEMA: dict[str, Any] = {}
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[WebEnv, dict[str, Any]]]:
    tmp: Path = tmp_path_factory.mktemp("api_models")
    web = make_env(f"sqlite:///{tmp / 'api.sqlite3'}", tmp)
    with web.engine.begin() as conn:
        store.write_tree(conn, demo_province().units)
    for name, role, unit in (("tinh", "editor", "AB.TU.BTGDV"), ("donghoa", "reporter", "AB.X04.DU")):
        plain = security.new_api_token()
        accounts.create_token(web.engine, web.add_user(name, role, unit).id, "t", security.token_hash(plain), plain[:8])
        TOKENS[name] = plain
    tracker = Tracker(web.engine)
    issuer, reporter = Actor("tinh", "editor", "AB.TU.BTGDV"), Actor("donghoa", "reporter", "AB.X04.DU")
    plan = tracker.track_plan(issuer, title="tuyên truyền", issuer_unit="AB.TU", symbol="70-KH/TU",
                              topics=[{"key": "1.1", "title": "Thành tựu", "focal": True}],
                              duties_by_name=[("Các đảng ủy xã, phường", ["Tuyên truyền sâu rộng"])],
                              deadline=TODAY + dt.timedelta(days=30)).plan_id
    period = tracker.add_period(issuer, Period(None, plan, PeriodKind.SIX_MONTHS, "6 tháng", TODAY.replace(day=1),
                                               TODAY + dt.timedelta(days=60), TODAY + dt.timedelta(days=10)))
    tracker.record_activities(reporter, [Activity(None, plan, "AB.X04.DU", TODAY, "pa_no", topics=("1.1",),
                                                  title="Pa-nô")], ["1.1"])
    report = tracker.report_for(reporter, period, "AB.X04.DU")
    assignment = tracker.assignment_of(plan, "AB.X04.DU")
    assert report.id is not None and assignment is not None
    draft = PlanStore(web.app.state.ts.db).create(
        empty_plan(target_from_name("Đảng ủy xã Đông Hòa", TODAY, unit_code="AB.X04.DU")), unit_code="AB.X04.DU").id
    ids = {"draft_id": draft, "plan_id": plan, "period_id": period, "unit_code": "AB.X04.DU", "report_id": report.id,
           "assignment_id": assignment.id}
    yield web, ids
    web.app.state.ts.db.close()


def _call(web: WebEnv, user: str, method: str, path: str, params: dict[str, Any], body: Any = None) -> Any:
    if "schema" not in SCHEMA:
        SCHEMA["schema"] = schemathesis.openapi.from_asgi("/api/v1/openapi.json", web.app)
    schema = SCHEMA["schema"]
    operation = schema["/api/v1" + path][method]
    names = {p.name for p in operation.path_parameters}
    if "/plans/{plan_id}" in path and path.startswith("/plans"):
        params = {**params, "plan_id": params["draft_id"]}
    extra = {} if body is None else {"body": body, "media_type": "application/json"}
    case = operation.Case(path_parameters={k: v for k, v in params.items() if k in names}, **extra)
    response = case.call(headers={"Authorization": f"Bearer {TOKENS[user]}"})
    case.validate_response(response, checks=CHECKS)
    return response


@pytest.mark.parametrize(("user", "method", "path", "body"), [
    ("donghoa", "GET", "/tracking/home", None),
    ("tinh", "GET", "/tracking/home", None),
    ("tinh", "GET", "/tracking/plans/{plan_id}", None),
    ("donghoa", "GET", "/tracking/plans/{plan_id}/units/{unit_code}", None),
    ("tinh", "GET", "/tracking/plans/{plan_id}/dashboard", None),
    ("donghoa", "GET", "/tracking/periods/{period_id}/units/{unit_code}", None),
    ("donghoa", "PUT", "/tracking/reports/{report_id}", {"results": "Đạt"}),
    ("donghoa", "POST", "/tracking/assignments/{assignment_id}/{action}", {}),
    ("donghoa", "GET", "/notifications", None),
    ("donghoa", "GET", "/notifications/count", None),
    ("donghoa", "GET", "/plans", None),
    ("donghoa", "GET", "/plans/{plan_id}", None),
    ("donghoa", "GET", "/plans/{plan_id}/versions", None),
])
def test_tracking_answers_match_their_schema(tracked: tuple[WebEnv, dict[str, Any]], user: str, method: str,
                                            path: str, body: Any) -> None:
    web, ids = tracked
    response = _call(web, user, method, path, {**ids, "action": "report"}, body)
    assert response.status_code == 200, response.text


def test_a_report_moves_and_answers_its_model(tracked: tuple[WebEnv, dict[str, Any]]) -> None:
    web, ids = tracked
    sent = _call(web, "donghoa", "POST", "/tracking/reports/{report_id}/{action}", {**ids, "action": "submit"}, {})
    assert sent.status_code == 200 and sent.json()["state"] == "submitted"
    page = _call(web, "tinh", "GET", "/tracking/periods/{period_id}/units/{unit_code}", ids)
    assert page.json()["report"]["opened_at"].endswith("Z")  # the superior opened it: a zoned timestamp


@pytest.mark.parametrize(("model", "domain"), [(PeriodReportOut, PeriodReport), (DocumentSummaryOut, DocumentSummary),
                                                (UserOut, User), (PlanSummaryOut, PlanSummary)])
def test_the_mirror_models_keep_the_domain_fields(model: type, domain: type) -> None:
    """Models that mirror a dataclass (to write its timestamps with a zone) keep its fields, in order."""
    assert list(model.model_fields)[:len(dataclasses.fields(domain))] == [f.name for f in dataclasses.fields(domain)]


@pytest.mark.parametrize("page", ["/tracking", "/tracking/plans/{plan_id}", "/tracking/plans/{plan_id}/units/{unit_code}",
                                  "/tracking/periods/{period_id}/units/{unit_code}", "/notifications", "/account",
                                  "/plans", "/plans/{draft_id}", "/", "/nowhere"])
def test_pages_answer_html_only(tracked: tuple[WebEnv, dict[str, Any]], page: str) -> None:
    """One JSON surface: neither `?format=json` nor `Accept: application/json` turns a page (or its error) into JSON."""
    web, ids = tracked
    client = web.client("donghoa")
    url = page.format(**ids)
    for answer in (client.get(url, params={"format": "json"}), client.get(url, headers={"Accept": "application/json"})):
        assert answer.headers["content-type"].startswith("text/html"), (url, answer.status_code)
        assert "<html" in answer.text
