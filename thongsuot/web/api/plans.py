"""JSON API: drafted plans (list, one plan, versions and their difference), read with the pages' rights."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from thongsuot.domain.plan import PlanStatus
from thongsuot.errors import Forbidden
from thongsuot.rendering.plan_json import plan_to_dict
from thongsuot.rendering.plan_md import diff_plans
from thongsuot.storage.accounts import User
from thongsuot.storage.plans import PlanStore
from thongsuot.tracking import views as tracking_views
from thongsuot.web import deps
from thongsuot.web.schemas.plans import DraftPlanOut, PlanList, PlanSummaryOut, PlanVersionOut, PlanVersions
from thongsuot.web.tracking_access import tracker

router = APIRouter(prefix="/plans", tags=["plans"])


def _store(request: Request) -> PlanStore:
    return PlanStore(deps.state(request).db)


def _readable(request: Request, user: User, plan_id: int) -> None:
    stored = _store(request).get(plan_id)
    if not deps.may_read_plan(request, user, stored.unit_code, stored.status is PlanStatus.ISSUED):
        raise Forbidden("Bản dự thảo này thuộc đơn vị ngoài phạm vi của bạn.", detail={"unit": stored.unit_code})


@router.get("", summary="Các kế hoạch dự thảo và đã ban hành mà tôi được xem")
def list_plans(request: Request, user: User = Depends(deps.require_user)) -> PlanList:
    items = [p for p in _store(request).list_plans()
             if deps.may_read_plan(request, user, p.unit_code, p.status is PlanStatus.ISSUED)]
    return PlanList(plans=[PlanSummaryOut.model_validate(p) for p in items])


@router.get("/{plan_id}", summary="Một kế hoạch dự thảo (phiên bản hiện tại)")
def get_plan(plan_id: int, request: Request, user: User = Depends(deps.require_user)) -> DraftPlanOut:
    _readable(request, user, plan_id)
    stored = _store(request).get(plan_id)
    return DraftPlanOut(id=plan_id, version=stored.version, status=stored.status, unit_code=stored.unit_code,
                        tracking_id=tracking_views.tracked_from(tracker(request), "draft", plan_id),
                        plan=plan_to_dict(stored.plan))


@router.get("/{plan_id}/versions", summary="Các phiên bản và chỗ khác nhau giữa hai phiên bản")
def plan_versions(
    plan_id: int,
    request: Request,
    a: int | None = Query(None, ge=1),
    b: int | None = Query(None, ge=1),
    user: User = Depends(deps.require_user),
) -> PlanVersions:
    _readable(request, user, plan_id)
    store = _store(request)
    versions = store.versions(plan_id)
    b = min(b or versions[-1].version, versions[-1].version)
    a = min(a or max(1, b - 1), b)
    diff = diff_plans(store.get(plan_id, a).plan, store.get(plan_id, b).plan,
                      old_label=f"phiên bản {a}", new_label=f"phiên bản {b}")  # fmt: skip
    return PlanVersions(versions=[PlanVersionOut.model_validate(v) for v in versions], a=a, b=b, diff=diff)
