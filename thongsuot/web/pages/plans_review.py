"""Review before issue: each flag accepted or cleared, and the parent's outline topics picked.

A derived draft carries flags (a sentence kept as written, a body the unit lacks, OCR damage, a name
to fill in); "Ban hành" waits until none is open (storage refuses with 409 otherwise). The parent's
attached outline is only referred to; the editor may pick topics of it to print as the plan's own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from thongsuot.cascade.derive import derive, outline_topics, select_outline
from thongsuot.domain.plan import Outline, Plan
from thongsuot.errors import InputError
from thongsuot.storage.accounts import User
from thongsuot.web import deps
from thongsuot.web.pages.plans import _editable, _parent_document, _readable, _store
from thongsuot.web.pages.plans_form import apply_flag
from thongsuot.web.render import Screen, respond

router = APIRouter()


@router.post("/plans/{plan_id}/flags")
def plan_flag(
    plan_id: int,
    request: Request,
    action: Annotated[str, Form()],
    flag: Annotated[int | None, Form()] = None,
    user: User = Depends(deps.require_uploader),
) -> Response:
    """`accept` / `clear` / `reopen` one flag, or `accept_all` the open ones."""
    _editable(request, user, plan_id)
    store = _store(request)
    plan = store.get(plan_id).plan
    if action == "accept_all":
        indices = [i for i, f in enumerate(plan.flags) if not f.accepted]
        for i in indices:
            plan = apply_flag(plan, i, "accept")
    elif flag is None:
        raise InputError("Thiếu điểm cần xem (flag).")
    else:
        plan = apply_flag(plan, flag, action)
    store.save(plan_id, plan, author=user.username, note=f"Điểm cần xem: {action}")
    return RedirectResponse(f"/plans/{plan_id}#flags", status_code=303)


def _parent_outline(request: Request, plan_id: int) -> tuple[Plan, Outline | None]:
    """The plan and its parent's outline adapted to the plan's level and date (None without one)."""
    stored = _store(request).get(plan_id)
    document_id = _store(request).parent_document_id(plan_id)
    plan = stored.plan
    if document_id is None or plan.target is None:
        return plan, None
    parent = _parent_document(request, document_id)
    return plan, derive(parent, plan.target, plan.header.kind, include_outline=True).outline


@router.get("/plans/{plan_id}/outline")
def outline_form(plan_id: int, request: Request, user: User = Depends(deps.require_user)) -> Response:
    _readable(request, user, plan_id)
    plan, outline = _parent_outline(request, plan_id)
    chosen = {t.heading for s in plan.outline.sections for t in s.topics} if plan.outline else set()
    topics = outline_topics(outline) if outline else []
    context = {"plan_id": plan_id, "plan": plan, "topics": topics, "chosen": chosen}
    return respond(request, Screen("plans/outline.html", context))


@router.post("/plans/{plan_id}/outline")
async def outline_submit(plan_id: int, request: Request, user: User = Depends(deps.require_uploader)) -> Response:
    """Print the picked topics of the parent's outline as the plan's own attachment (none: refer only)."""
    _editable(request, user, plan_id)
    keys = {str(v) for v in (await request.form()).getlist("topic")}
    plan, outline = _parent_outline(request, plan_id)
    if outline is None and keys:
        raise InputError("Văn bản cấp trên không có đề cương kèm theo.")
    picked = replace(plan, outline=select_outline(outline, keys) if outline is not None else None)
    _store(request).save(plan_id, picked, author=user.username, note=f"Đề cương: {len(keys)} chủ đề")
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)
