"""Tracking JSON API: home, plans, dashboard, activities, assignment and report moves.

Same rules as the pages (checked in thongsuot.tracking); errors leave as the
JSON error shape through the app's handlers.
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from thongsuot.domain.tracking import Activity, AssignmentAction, Quantity, ReportAction
from thongsuot.errors import InputError
from thongsuot.storage.accounts import User
from thongsuot.tracking import views
from thongsuot.tracking.rollup import dashboard
from thongsuot.web import deps
from thongsuot.web.schemas.tracking import (
    Created,
    DashboardOut,
    HomeOut,
    Moved,
    PeriodReportOut,
    PlanOut,
    ReportOut,
    UnitPlanOut,
)
from thongsuot.web.tracking_access import actor_of, tracker

router = APIRouter(prefix="/tracking", tags=["tracking"])


class QuantityIn(BaseModel):
    amount: float = Field(ge=0)
    unit: str


class ActivityIn(BaseModel):
    start: dt.date
    end: dt.date | None = None
    channel: str
    title: str = Field(min_length=1, max_length=500)
    topics: list[str] = []
    quantities: list[QuantityIn] = []
    link: str | None = None
    note: str | None = None


class MoveIn(BaseModel):
    comment: str | None = None


class NarrativeIn(BaseModel):
    results: str = ""
    limits: str = ""
    causes: str = ""
    proposals: str = ""


@router.get("/home", summary="Việc của đơn vị tôi: đến hạn, quá hạn, bị trả lại")
def home(request: Request, user: User = Depends(deps.require_user)) -> HomeOut:
    return HomeOut.model_validate(views.home_context(tracker(request), actor_of(user), dt.date.today()))


@router.get("/plans/{plan_id}", summary="Nhiệm vụ của các đơn vị trong một kế hoạch")
def plan(request: Request, plan_id: int, user: User = Depends(deps.require_user)) -> PlanOut:
    return PlanOut.model_validate(views.plan_context(tracker(request), actor_of(user), plan_id, dt.date.today()))


@router.get("/plans/{plan_id}/units/{unit_code}", summary="Nhiệm vụ, hoạt động, báo cáo của một đơn vị trong kế hoạch")
def unit_plan(request: Request, plan_id: int, unit_code: str, user: User = Depends(deps.require_user)) -> UnitPlanOut:
    ctx = views.unit_context(tracker(request), actor_of(user), plan_id, unit_code, dt.date.today())
    return UnitPlanOut.model_validate(ctx)


@router.get("/plans/{plan_id}/dashboard", summary="Số liệu tổng hợp theo hình thức, nội dung, tháng, đơn vị")
def plan_dashboard(request: Request, plan_id: int, root: str | None = None, period: int | None = None,
                   user: User = Depends(deps.require_user)) -> DashboardOut:
    board = dashboard(deps.state(request).engine, actor_of(user), plan_id, root, period, dt.date.today())
    return DashboardOut.model_validate(views.dashboard_tables(board))


@router.post("/plans/{plan_id}/units/{unit_code}/activities", status_code=201, summary="Ghi nhận hoạt động")
def add_activity(request: Request, plan_id: int, unit_code: str, body: ActivityIn,
                 user: User = Depends(deps.require_user)) -> Created:
    t = tracker(request)
    activity = Activity(None, plan_id, unit_code, body.start, body.channel, end=body.end, topics=tuple(body.topics),
                        quantities=tuple(Quantity(q.amount, q.unit) for q in body.quantities), title=body.title,
                        link=body.link, note=body.note)
    [aid] = t.record_activities(actor_of(user), [activity], views.topic_keys(t, plan_id))
    return Created(id=aid)


@router.post("/assignments/{assignment_id}/{action}", summary="Chuyển trạng thái nhiệm vụ")
def move_assignment(request: Request, assignment_id: int, action: str, body: MoveIn,
                    user: User = Depends(deps.require_user)) -> Moved:
    try:
        act = AssignmentAction(action)
    except ValueError as exc:
        raise InputError("Thao tác không hợp lệ.", detail={"action": action}) from exc
    state = tracker(request).assignment_action(actor_of(user), assignment_id, act, body.comment)
    return Moved(id=assignment_id, state=str(state))


@router.get("/periods/{period_id}/units/{unit_code}", summary="Báo cáo kỳ của một đơn vị")
def report(request: Request, period_id: int, unit_code: str, user: User = Depends(deps.require_user)) -> ReportOut:
    return ReportOut.model_validate(views.report_context(tracker(request), actor_of(user), period_id, unit_code,
                                                         dt.date.today()))


@router.put("/reports/{report_id}", summary="Sửa nội dung báo cáo (bản nháp hoặc bị trả lại)")
def edit_report(request: Request, report_id: int, body: NarrativeIn,
                user: User = Depends(deps.require_user)) -> PeriodReportOut:
    return PeriodReportOut.model_validate(tracker(request).edit_report(actor_of(user), report_id, **body.model_dump()))


@router.post("/reports/{report_id}/{action}", summary="Gửi, chấp nhận, trả lại, mở lại báo cáo")
def move_report(request: Request, report_id: int, action: str, body: MoveIn,
                user: User = Depends(deps.require_user)) -> PeriodReportOut:
    try:
        act = ReportAction(action)
    except ValueError as exc:
        raise InputError("Thao tác không hợp lệ.", detail={"action": action}) from exc
    return PeriodReportOut.model_validate(tracker(request).report_action(actor_of(user), report_id, act, body.comment))
