"""Plan pages: "Xây dựng văn bản thực hiện" from a library document, the editor
(autosave, reorder/add/remove, the parent's wording beside each item), version
history with diffs, issuing, and the DOCX / Markdown / JSON downloads.

Issuing also puts the plan under tracking (one assignment per unit it names)
when the officer ticks "Giao nhiệm vụ và theo dõi thực hiện".
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from thongsuot.cascade.derive import derive, empty_plan, import_document, target_from_name
from thongsuot.domain.org import UnitKind
from thongsuot.domain.plan import Plan, PlanKind, PlanStatus
from thongsuot.errors import Conflict, Forbidden, InputError, ThongSuotError
from thongsuot.parsing import parse_bytes
from thongsuot.parsing.normalise import fold
from thongsuot.rendering.plan_docx import render_docx
from thongsuot.rendering.plan_json import render_json
from thongsuot.rendering.plan_md import diff_plans, render_md, word_diff
from thongsuot.storage.accounts import Role, User
from thongsuot.storage.plans import PlanStore, StoredPlan
from thongsuot.storage.unit_of_work import one_unit, savepoint
from thongsuot.tracking import views as tracking_views
from thongsuot.vocab.levels import load_levels
from thongsuot.web import deps
from thongsuot.web.pages.plans_form import LABELS, apply_op, plan_from_form, review_label
from thongsuot.web.pages.tracking import actor_of, tracked_url, tracker
from thongsuot.web.render import Screen, respond

router = APIRouter()

KIND_LABELS = {PlanKind.PLAN.value: "Kế hoạch", PlanKind.GUIDANCE.value: "Hướng dẫn"}
STATUS_LABELS = {PlanStatus.DRAFT.value: "Dự thảo", PlanStatus.ISSUED.value: "Đã ban hành"}
SECTION_LABELS = {"focal": "Nội dung trọng tâm", "regular": "Nội dung thường xuyên", "forms": "Hình thức"}


def _store(request: Request) -> PlanStore:
    return PlanStore(deps.state(request).db)


def _parent_document(request: Request, document_id: int) -> Any:
    name, data = deps.state(request).lib.original(document_id)
    return parse_bytes(data, name)


def drafting_unit(request: Request, user: User) -> str | None:
    """The unit an editor drafts for: their own party committee, or, for the staff of a commission or
    office of a committee (Ban Xây dựng Đảng Đảng ủy xã), the committee it serves."""
    by_code = {u.code: u for u in deps.state(request).units()}
    unit = by_code.get(user.unit_code or "")
    if unit is None or unit.kind is UnitKind.PARTY_COMMITTEE or not unit.parent_code:
        return unit.code if unit else None
    parent = by_code.get(unit.parent_code)
    if unit.kind is UnitKind.COMMISSION and parent is not None and parent.kind is UnitKind.PARTY_COMMITTEE:
        return parent.code
    return unit.code


def _check_right(request: Request, user: User, code: str | None) -> None:
    """Editors act in their unit's subtree; a committee's commission staff also for the committee itself."""
    if user.role is Role.EDITOR and code is not None and code == drafting_unit(request, user):
        return
    deps.check_unit_right(request, user, code)


def _owner(request: Request, user: User, unit_name: str) -> str:
    """The org-tree unit a new plan belongs to: the named unit when the tree has it, else the unit the
    user drafts for. Editors may only create plans for units of their subtree (403 otherwise)."""
    key = fold(unit_name)
    found = next((u.code for u in deps.state(request).units() if fold(u.name) == key), None)
    code = found or drafting_unit(request, user) or user.unit_code
    _check_right(request, user, code)
    return code


def _superior(request: Request, code: str | None, on: dt.date) -> str | None:
    """`tỉnh An Bình`: the place of the nearest party committee above the unit in the org tree, so the
    upper header line and reporting line name the real superior (never a bare level word)."""
    by_code = {u.code: u for u in deps.state(request).units()}
    unit, steps = by_code.get(code or ""), 0
    while unit is not None and unit.parent_code and steps < 12:
        parent, steps = by_code.get(unit.parent_code), steps + 1
        if parent is not None and parent.kind == UnitKind.PARTY_COMMITTEE and parent.level != unit.level:
            try:
                found = target_from_name(parent.name, on)
            except InputError:
                return None
            place = found.locality or ""
            return f"{found.unit_word} {place}" if found.unit_word and place[:1].isupper() else None
        unit = parent
    return None


def _editable(request: Request, user: User, plan_id: int) -> None:
    """Only editors of the owning unit's subtree (and admins) change a plan."""
    _check_right(request, user, _store(request).get(plan_id).unit_code)


def _kind(value: str) -> PlanKind:
    try:
        return PlanKind(value)
    except ValueError:
        raise InputError("Loại văn bản phải là KH hoặc HD.") from None


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value) if value else dt.date.today()
    except ValueError:
        raise InputError(f"Ngày không hợp lệ: {value}") from None


@router.get("/documents/{document_id}/derive")
def derive_form(document_id: int, request: Request, user: User = Depends(deps.require_uploader)) -> Response:
    st = deps.state(request)
    record = st.lib.get(document_id)
    levels = load_levels().levels
    units = st.units()
    drafting = drafting_unit(request, user)
    own = next((u.name for u in units if u.code == drafting), "")  # a commune account drafts its commune's plan
    context = {
        "document": record.summary,
        "unit_names": sorted({u.name for u in units}),
        "own_unit": own,
        "kinds": KIND_LABELS,
        "levels": {code.value: lv.name for code, lv in levels.items() if lv.committee},
        "today": dt.date.today().isoformat(),
    }
    return respond(request, Screen("plans/derive.html", context))


@router.post("/documents/{document_id}/derive")
def derive_submit(
    document_id: int,
    request: Request,
    unit: Annotated[str, Form()],
    kind: Annotated[str, Form()] = "KH",
    date: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "",
    user: User = Depends(deps.require_uploader),
) -> Response:
    code = _owner(request, user, unit)
    parent = _parent_document(request, document_id)
    on = _date(date)
    target = target_from_name(unit, on, level or None, unit_code=code, parent_name=_superior(request, code, on))
    plan_kind = _kind(kind)
    plan = derive(parent, target, plan_kind)
    stored = _store(request).create(
        plan, parent_document_id=document_id, author=user.username, note="Xây dựng từ văn bản cấp trên"
    )
    return RedirectResponse(f"/plans/{stored.id}", status_code=303)


@router.post("/documents/{document_id}/import")
def import_submit(
    document_id: int,
    request: Request,
    level: Annotated[str, Form()] = "",
    user: User = Depends(deps.require_uploader),
) -> Response:
    """ "Nhập từ văn bản": the document itself becomes an editable plan of its issuer."""
    code = _owner(request, user, "")
    plan = import_document(_parent_document(request, document_id), level=level or None)
    stored = _store(request).create(plan, author=user.username, note="Nhập từ văn bản", unit_code=code)
    return RedirectResponse(f"/plans/{stored.id}", status_code=303)


@router.post("/plans/new")
def plan_new(
    request: Request,
    unit: Annotated[str, Form()],
    kind: Annotated[str, Form()] = "KH",
    date: Annotated[str, Form()] = "",
    level: Annotated[str, Form()] = "",
    user: User = Depends(deps.require_uploader),
) -> Response:
    """A blank plan of the chosen type for a unit (written by hand)."""
    plan_kind = _kind(kind)
    code = _owner(request, user, unit)
    plan = empty_plan(target_from_name(unit, _date(date), level or None, unit_code=code), plan_kind)
    stored = _store(request).create(plan, author=user.username, note="Mẫu trống")
    return RedirectResponse(f"/plans/{stored.id}", status_code=303)


@router.get("/plans")
def plans_list(request: Request, user: User = Depends(deps.require_user)) -> Response:
    items = [p for p in _store(request).list_plans()
             if deps.may_read_plan(request, user, p.unit_code, p.status is PlanStatus.ISSUED)]
    context = {
        "plans": items,
        "kinds": KIND_LABELS,
        "statuses": STATUS_LABELS,
        "today": dt.date.today().isoformat(),
    }
    return respond(request, Screen("plans/list.html", context))


def _readable(request: Request, user: User, plan_id: int) -> None:
    stored = _store(request).get(plan_id)
    if not deps.may_read_plan(request, user, stored.unit_code, stored.status is PlanStatus.ISSUED):
        raise Forbidden("Bản dự thảo này thuộc đơn vị ngoài phạm vi của bạn.", detail={"unit": stored.unit_code})


def _editor_context(plan_id: int, request: Request) -> dict[str, Any]:
    stored = _store(request).get(plan_id)
    return {
        "plan_id": plan_id,
        "tracking_id": tracking_views.tracked_from(tracker(request), "draft", plan_id),
        "notice": request.query_params.get("notice", "")[:300],
        "stored": stored,
        "plan": stored.plan,
        "issued": stored.status is PlanStatus.ISSUED,
        "section_labels": SECTION_LABELS,
        "statuses": STATUS_LABELS,
        "lines": lambda items: "\n".join(p.text for p in items),
        "review_of": lambda where, item: review_label(stored.plan, where, item),
        "labels": LABELS,
    }


@router.get("/plans/{plan_id}")
def plan_editor(plan_id: int, request: Request, user: User = Depends(deps.require_user)) -> Response:
    _readable(request, user, plan_id)
    context = _editor_context(plan_id, request)
    return respond(request, Screen("plans/edit.html", context))


@router.post("/plans/{plan_id}/save")
async def plan_save(plan_id: int, request: Request, user: User = Depends(deps.require_uploader)) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    _editable(request, user, plan_id)
    store = _store(request)
    current = store.get(plan_id)
    expected = int(form["version"]) if form.get("version", "").isdigit() else None
    edited = plan_from_form(current.plan, form)
    try:
        saved = store.save(plan_id, edited, expected_version=expected, author=user.username,
                           note="Lưu" if form.get("explicit") else "Tự động lưu")  # fmt: skip
    except Conflict as exc:
        if "current_version" not in (exc.detail or {}):
            raise
        return HTMLResponse(_conflict_html(store.get(plan_id), edited), status_code=409)
    html = (
        f'<span id="save-state" data-version="{saved.version}">Đã lưu — phiên bản {saved.version}</span>'
        f'<input type="hidden" name="version" id="plan-version" value="{saved.version}" hx-swap-oob="true">'
        '<div id="save-conflict" hx-swap-oob="true"></div>'
    )
    return HTMLResponse(html, headers={"HX-Trigger": f'{{"planSaved": {saved.version}}}'})


def _conflict_html(theirs: StoredPlan, mine: Plan) -> str:
    """Both texts side by side: the version someone else saved and the edit that was not saved."""
    saved_text, mine_text = escape(render_md(theirs.plan)), escape(render_md(mine))
    return (
        f'<span id="save-state" class="save-error" data-version="{theirs.version}">'
        f"Chưa lưu: kế hoạch vừa được người khác sửa (phiên bản {theirs.version}).</span>"
        '<div id="save-conflict" class="card conflict" hx-swap-oob="true"><h2>Hai bản khác nhau</h2>'
        "<p>Bản của bạn chưa được lưu. Chép phần cần giữ rồi tải lại trang để sửa tiếp trên bản mới.</p>"
        f'<div class="both"><div><h3>Bản đã lưu (phiên bản {theirs.version})</h3><pre>{saved_text}</pre></div>'
        f"<div><h3>Bản của bạn</h3><pre>{mine_text}</pre></div></div></div>"
    )


@router.post("/plans/{plan_id}/op")
def plan_op(
    plan_id: int,
    request: Request,
    op: Annotated[str, Form()],
    target: Annotated[str, Form()],
    index: Annotated[int, Form()],
    sub: Annotated[int | None, Form()] = None,
    user: User = Depends(deps.require_uploader),
) -> Response:
    _editable(request, user, plan_id)
    store = _store(request)
    current = store.get(plan_id)
    changed = apply_op(current.plan, op, target, index, sub)
    store.save(plan_id, changed, author=user.username, note=f"{op} {target}")
    anchor = f"#{target}-{index}" if op != "remove" else f"#{target}"
    return RedirectResponse(f"/plans/{plan_id}{anchor}", status_code=303)


@router.get("/plans/{plan_id}/versions")
def plan_versions(
    plan_id: int,
    request: Request,
    a: int | None = None,
    b: int | None = None,
    user: User = Depends(deps.require_user),
) -> Response:
    _readable(request, user, plan_id)
    store = _store(request)
    versions = store.versions(plan_id)
    latest = versions[-1].version
    b = b or latest
    a = a or max(1, b - 1)
    old, new = store.get(plan_id, a).plan, store.get(plan_id, b).plan
    diff = diff_plans(old, new, old_label=f"phiên bản {a}", new_label=f"phiên bản {b}")
    context = {"plan_id": plan_id, "versions": versions, "a": a, "b": b, "diff": diff, "parent_diff": None,
               "words": word_diff(old, new)}  # fmt: skip
    if request.query_params.get("parent"):
        context["parent_diff"] = _parent_diff(request, plan_id)
    return respond(request, Screen("plans/versions.html", context))


def _parent_diff(request: Request, plan_id: int) -> str:
    """The plan against its parent read as a plan of the same shape (what changed on the way down)."""
    from thongsuot.storage.plans import plans as plans_table

    with _store(request).work.read() as s:
        row = s.execute(plans_table.select().where(plans_table.c.id == plan_id)).first()
    if row is None or row.parent_document_id is None:
        return ""
    parent = import_document(_parent_document(request, row.parent_document_id))
    plan = _store(request).get(plan_id).plan
    return diff_plans(parent, plan, old_label="văn bản cấp trên", new_label="kế hoạch")


@router.post("/plans/{plan_id}/issue")
def plan_issue(
    plan_id: int,
    request: Request,
    number: Annotated[str, Form()],
    date: Annotated[str, Form()] = "",
    track: Annotated[str, Form()] = "",
    deadline: Annotated[str, Form()] = "",
    user: User = Depends(deps.require_uploader),
) -> Response:
    _editable(request, user, plan_id)
    due = _date(deadline) if deadline else None
    # Issuing (plan version + library document) and starting tracking are one unit of work;
    # a tracking refusal undoes only the tracking step and is said on the plan's page.
    with one_unit(deps.state(request).engine) as work:
        issued = _store(request).within(work).issue(plan_id, number, _date(date), author=user.username)
        if not track:
            return RedirectResponse(f"/plans/{plan_id}", status_code=303)
        try:
            with savepoint(work) as step:
                made = tracking_views.track_drafted_plan(tracking_views.Tracker(step), actor_of(user), issued.plan,
                                                         issued.unit_code or user.unit_code,
                                                         plan_id, due)  # fmt: skip
        except ThongSuotError as exc:  # issued all the same; say why tracking did not start
            notice = quote(f"Đã ban hành, nhưng chưa giao được nhiệm vụ: {exc.message}")
            return RedirectResponse(f"/plans/{plan_id}?notice={notice}", status_code=303)
    return RedirectResponse(tracked_url(made), status_code=303)


def _download(plan: Plan, fmt: str, plan_id: int) -> Response:
    name = f"ke-hoach-{plan_id}"
    if fmt == "docx":
        media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return Response(render_docx(plan), media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="{name}.docx"'})  # fmt: skip
    if fmt == "md":
        return Response(render_md(plan, review=True), media_type="text/markdown; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.md"'})  # fmt: skip
    if fmt == "json":
        return Response(render_json(plan), media_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{name}.json"'})  # fmt: skip
    raise InputError("Định dạng xuất phải là docx, md hoặc json.")


@router.get("/plans/{plan_id}/export.{fmt}")
def plan_export(plan_id: int, fmt: str, request: Request, user: User = Depends(deps.require_user)) -> Response:
    _readable(request, user, plan_id)
    return _download(_store(request).get(plan_id).plan, fmt, plan_id)
