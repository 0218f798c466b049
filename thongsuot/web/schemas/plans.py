"""Response models of drafting: the plan list, one drafted plan, its versions and their difference."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from thongsuot.domain.plan import PlanStatus
from thongsuot.web.schemas import Out, UtcDateTime


class PlanSummaryOut(Out):
    """A drafted plan in the list (`storage.plans.PlanSummary`)."""

    id: int
    kind: str
    status: PlanStatus
    title: str
    issuer: str
    target_name: str
    parent_ref: str | None
    symbol: str | None
    current_version: int
    updated_at: UtcDateTime
    unit_code: str | None


class PlanList(Out):
    plans: list[PlanSummaryOut]


class DraftPlanOut(Out):
    """One drafted plan at its current version."""

    id: int
    version: int
    status: PlanStatus
    unit_code: str | None
    tracking_id: int | None  # the plan under tracking made from it, once issued with tracking
    plan: dict[str, Any] = Field(description="Kế hoạch (JSON của rendering/plan_json, có trường format)")


class PlanVersionOut(Out):
    version: int
    note: str
    author: str | None
    created_at: UtcDateTime


class PlanVersions(Out):
    versions: list[PlanVersionOut]
    a: int
    b: int
    diff: str  # unified difference of the plan's Markdown, version a -> version b
