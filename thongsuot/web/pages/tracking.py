"""Tracking pages: my unit's duties, a plan's assignments, a unit's activities and reports, the dashboard.

Views only translate requests to `thongsuot.tracking` calls (which check
rights, apply the workflow tables and audit) and pick templates.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, BackgroundTasks, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from thongsuot.domain.tracking import AssignmentAction, Period, PeriodKind, ReportAction
from thongsuot.errors import InputError, ThongSuotError
from thongsuot.orgs.tree_io import parse_date
from thongsuot.rendering.review_docx import render_docx
from thongsuot.rendering.review_xlsx import render_xlsx
from thongsuot.rendering.unit_report import render_docx as unit_report_docx
from thongsuot.rendering.unit_report import render_xlsx as unit_report_xlsx
from thongsuot.storage.accounts import User
from thongsuot.tracking import notifications, views
from thongsuot.tracking.review_report import review_report
from thongsuot.tracking.rollup import dashboard
from thongsuot.tracking.unit_report import unit_report
from thongsuot.web import deps
from thongsuot.web.pages import tracking_forms
from thongsuot.web.pages.notifications import mail_later
from thongsuot.web.render import Screen, is_htmx, respond
from thongsuot.web.tracking_access import actor_of as actor_of  # re-exported: other pages import it from here
from thongsuot.web.tracking_access import tracker as tracker

router = APIRouter(prefix="/tracking")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(data: bytes, name: str, media: str) -> Response:
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _date(text: str, field: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise InputError(f"{field}: ngày “{text}” không hợp lệ (dd/mm/yyyy).") from exc


def tracked_url(made: views.PlanTracking) -> str:
    """Where to go after putting a plan under tracking: its page, naming the units not matched to the tree."""
    names = [("unmatched", m.name) for m in made.unmatched][:50]
    return f"/tracking/plans/{made.plan_id}" + (f"?{urlencode(names)}" if names else "")


@router.get("")
def home(request: Request, user: User = Depends(deps.require_user)) -> Response:
    ctx = views.home_context(tracker(request), actor_of(user), dt.date.today())
    return respond(request, Screen("tracking/home.html", ctx))


@router.get("/new")
def new_plan_page(request: Request, user: User = Depends(deps.require_user), document_id: int | None = None) -> Response:
    return respond(request, Screen("tracking/new.html", {"document_id": document_id, "error": None,
                                                          "issuer": user.unit_code}))


@router.post("/new")
def new_plan(request: Request, tasks: BackgroundTasks, document_id: Annotated[int, Form()],
             issuer: Annotated[str, Form()], deadline: Annotated[str, Form()] = "",
             user: User = Depends(deps.require_user)) -> Response:
    lib = deps.state(request).lib
    made = views.track_document(tracker(request), lib, actor_of(user), document_id, issuer.strip(),
                                _date(deadline, "Hạn hoàn thành"))
    mail_later(request, tasks, notifications.mail_plan_units, made.plan_id)
    return RedirectResponse(tracked_url(made), status_code=303)


@router.get("/plans/{plan_id}")
def plan_page(request: Request, plan_id: int, user: User = Depends(deps.require_user)) -> Response:
    ctx = views.plan_context(tracker(request), actor_of(user), plan_id, dt.date.today())
    ctx["unmatched"] = [n[:200] for n in request.query_params.getlist("unmatched")[:50]]
    return respond(request, Screen("tracking/plan.html", ctx))


@router.post("/plans/{plan_id}/periods")
async def add_period(request: Request, plan_id: int, user: User = Depends(deps.require_user)) -> Response:
    """Add a review period; a refused field comes back beside the form with what was typed (422)."""
    values, fields, errors = tracking_forms.read_period(await request.form())
    if fields is not None:
        try:
            kind = PeriodKind(fields["kind"])
        except ValueError:
            errors["kind"] = "Loại kỳ không hợp lệ."
        else:
            period = Period(None, plan_id, kind, fields["label"], fields["start"], fields["end"], fields["due"])
            await run_in_threadpool(tracker(request).add_period, actor_of(user), period)
            return _see_other(request, f"/tracking/plans/{plan_id}")
    ctx = await run_in_threadpool(views.plan_context, tracker(request), actor_of(user), plan_id, dt.date.today())
    ctx.update(unmatched=[], period_form=values, period_errors=errors)
    return respond(request, Screen("tracking/plan.html", ctx, partial="tracking/_period_form.html", status=422))


@router.post("/plans/{plan_id}/assign")
def assign(request: Request, tasks: BackgroundTasks, plan_id: int, unit: Annotated[str, Form()],
           duty: Annotated[str, Form()] = "", source_name: Annotated[str, Form()] = "",
           user: User = Depends(deps.require_user)) -> Response:
    duties = [d.strip() for d in duty.splitlines() if d.strip()]
    tracker(request).assign_by_hand(actor_of(user), plan_id, unit.strip(), duties, source_name=source_name or None)
    mail_later(request, tasks, notifications.mail_plan_units, plan_id)
    return RedirectResponse(f"/tracking/plans/{plan_id}", status_code=303)


@router.post("/assignments/{assignment_id}/{action}")
def assignment_action(request: Request, tasks: BackgroundTasks, assignment_id: int, action: str,
                      comment: Annotated[str, Form()] = "", back: Annotated[str, Form()] = "/tracking",
                      user: User = Depends(deps.require_user)) -> Response:
    try:
        act = AssignmentAction(action)
    except ValueError as exc:
        raise InputError("Thao tác không hợp lệ.") from exc
    tracker(request).assignment_action(actor_of(user), assignment_id, act, comment or None)
    if act is AssignmentAction.RETURN:
        mail_later(request, tasks, notifications.mail_assignment_unit, assignment_id)
    return RedirectResponse(back if back.startswith("/") and not back.startswith("//") else "/tracking",
                            status_code=303)


@router.get("/plans/{plan_id}/units/{unit_code}")
def unit_page(request: Request, plan_id: int, unit_code: str, user: User = Depends(deps.require_user)) -> Response:
    ctx = views.unit_context(tracker(request), actor_of(user), plan_id, unit_code, dt.date.today())
    return respond(request, Screen("tracking/unit.html", ctx))


@router.post("/plans/{plan_id}/units/{unit_code}/activities")
async def add_activity(request: Request, plan_id: int, unit_code: str,
                       user: User = Depends(deps.require_user)) -> Response:
    form = await request.form()
    t = tracker(request)
    values, activity, errors = tracking_forms.read_activity(form, plan_id, unit_code, views.topic_keys(t, plan_id))
    upload = form.get("evidence")
    data = b""
    if upload is not None and not isinstance(upload, str) and upload.filename:
        data = await upload.read()
        if len(data) > deps.state(request).settings.max_upload_mb * 1024 * 1024:
            errors["evidence"] = "Tệp minh chứng quá lớn."
    if activity is None or errors:
        if data:
            errors.setdefault("evidence", "Hãy chọn lại tệp minh chứng (trình duyệt không giữ tệp đã chọn).")
        return _record_refused(request, t, user, plan_id, unit_code, values, errors)
    [aid] = t.record_activities(actor_of(user), [activity], views.topic_keys(t, plan_id))
    if data and upload is not None and not isinstance(upload, str):
        t.add_evidence(actor_of(user), aid, upload.filename or "minh-chung",
                       data, upload.content_type or "application/octet-stream")
    return _see_other(request, f"/tracking/plans/{plan_id}/units/{unit_code}?saved=1")


def _see_other(request: Request, url: str) -> Response:
    """After a good POST: a 303, or for htmx an HX-Redirect (htmx would swap a followed redirect into the target)."""
    if is_htmx(request):
        return Response(status_code=200, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def _record_refused(request: Request, t: views.Tracker, user: User, plan_id: int, unit_code: str,
                    values: dict[str, Any], errors: dict[str, str]) -> Response:
    """The activity form again, messages beside the faulty fields and every typed value kept (422)."""
    ctx = views.unit_context(t, actor_of(user), plan_id, unit_code, dt.date.today())
    ctx.update(form=values, errors=errors)
    return respond(request, Screen("tracking/unit.html", ctx,
                                   partial="tracking/_record.html", status=422))


@router.post("/activities/{activity_id}/delete")
def delete_activity(request: Request, activity_id: int, back: Annotated[str, Form()] = "/tracking",
                    user: User = Depends(deps.require_user)) -> Response:
    tracker(request).delete_activity(actor_of(user), activity_id)
    return RedirectResponse(back if back.startswith("/") and not back.startswith("//") else "/tracking",
                            status_code=303)


@router.get("/evidence/{evidence_id}")
def evidence(request: Request, evidence_id: int, user: User = Depends(deps.require_user)) -> Response:
    meta, data = tracker(request).evidence(actor_of(user), evidence_id)
    name = str(meta["file_name"]).replace('"', "")
    # Served as a download, never inline: uploaded files are not trusted to render in the app's origin.
    return Response(data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


@router.get("/plans/{plan_id}/units/{unit_code}/template.xlsx")
def template(request: Request, plan_id: int, unit_code: str, user: User = Depends(deps.require_user)) -> Response:
    data = tracker(request).activity_template(actor_of(user), plan_id, unit_code)
    return _download(data, f"hoat-dong-KH{plan_id}-{unit_code}.xlsx", XLSX)


@router.post("/plans/{plan_id}/units/{unit_code}/upload")
async def upload(request: Request, plan_id: int, unit_code: str, file: Annotated[UploadFile, File()],
                 user: User = Depends(deps.require_user)) -> Response:
    data = await file.read()  # bounded by the upload middleware (app.BodyGuard)
    t = tracker(request)
    try:  # zip checks + streaming read + storing run in a thread, never on the event loop
        ids = await run_in_threadpool(t.import_activities_xlsx, actor_of(user), plan_id, unit_code, data)
    except ThongSuotError as exc:
        ctx = views.unit_context(t, actor_of(user), plan_id, unit_code, dt.date.today())
        ctx.update(upload_error=exc.message, upload_detail=exc.detail if isinstance(exc.detail, list) else [])
        return respond(request, Screen("tracking/unit.html", ctx, status=exc.status))
    return RedirectResponse(f"/tracking/plans/{plan_id}/units/{unit_code}?imported={len(ids)}", status_code=303)


@router.get("/periods/{period_id}/units/{unit_code}")
def report_page(request: Request, period_id: int, unit_code: str, user: User = Depends(deps.require_user)) -> Response:
    ctx = views.report_context(tracker(request), actor_of(user), period_id, unit_code, dt.date.today())
    return respond(request, Screen("tracking/report.html", ctx))


@router.get("/periods/{period_id}/units/{unit_code}/report.{fmt}")
def unit_report_file(request: Request, period_id: int, unit_code: str, fmt: str,
                     user: User = Depends(deps.require_user)) -> Response:
    """The unit's own report for the period: DOCX to sign and stamp, or XLSX."""
    if fmt not in ("docx", "xlsx"):
        raise InputError("Chỉ xuất DOCX hoặc XLSX.")
    doc = unit_report(tracker(request), actor_of(user), period_id, unit_code, dt.date.today())
    tracker(request).audited_download(actor_of(user), f"unit_report_{fmt}", f"period:{period_id}:{unit_code}")
    name = f"bao-cao-{unit_code}-ky{period_id}.{fmt}"
    if fmt == "docx":
        return _download(unit_report_docx(doc), name, DOCX)
    return _download(unit_report_xlsx(doc), name, XLSX)


@router.post("/reports/{report_id}")
def report_save(request: Request, report_id: int, results: Annotated[str, Form()] = "",
                limits: Annotated[str, Form()] = "", causes: Annotated[str, Form()] = "",
                proposals: Annotated[str, Form()] = "", then: Annotated[str, Form()] = "save",
                user: User = Depends(deps.require_user)) -> Response:
    t = tracker(request)
    report = t.edit_report(actor_of(user), report_id, results=results, limits=limits, causes=causes,
                           proposals=proposals)
    done = "saved"
    if then == "submit":
        report = t.report_action(actor_of(user), report_id, ReportAction.SUBMIT)
        done = "submit"
    return RedirectResponse(f"/tracking/periods/{report.period_id}/units/{report.unit_code}?done={done}",
                            status_code=303)


@router.post("/reports/{report_id}/{action}")
def report_action(request: Request, tasks: BackgroundTasks, report_id: int, action: str,
                  comment: Annotated[str, Form()] = "", user: User = Depends(deps.require_user)) -> Response:
    try:
        act = ReportAction(action)
    except ValueError as exc:
        raise InputError("Thao tác không hợp lệ.") from exc
    report = tracker(request).report_action(actor_of(user), report_id, act, comment or None)
    if act is ReportAction.RETURN:
        mail_later(request, tasks, notifications.mail_unit, report.unit_code)
    return RedirectResponse(f"/tracking/periods/{report.period_id}/units/{report.unit_code}?done={act.value}",
                            status_code=303)


def _board_args(request: Request) -> dict[str, Any]:
    q = request.query_params
    period = q.get("period")
    return {"root": q.get("root") or None, "period_id": int(period) if period and period.isdigit() else None}


@router.get("/plans/{plan_id}/dashboard")
def dashboard_page(request: Request, plan_id: int, user: User = Depends(deps.require_user)) -> Response:
    args = _board_args(request)
    board = dashboard(deps.state(request).engine, actor_of(user), plan_id, today=dt.date.today(), **args)
    ctx = views.dashboard_context(tracker(request), board)
    return respond(request, Screen("tracking/dashboard.html", ctx))


@router.get("/plans/{plan_id}/dashboard.xlsx")
def dashboard_xlsx(request: Request, plan_id: int, user: User = Depends(deps.require_user)) -> Response:
    args = _board_args(request)
    board = dashboard(deps.state(request).engine, actor_of(user), plan_id, today=dt.date.today(), **args)
    return _download(views.dashboard_xlsx(board), f"so-lieu-KH{plan_id}.xlsx", XLSX)


@router.get("/plans/{plan_id}/review.{fmt}")
def review(request: Request, plan_id: int, fmt: str, user: User = Depends(deps.require_user)) -> Response:
    if fmt not in ("docx", "xlsx"):
        raise InputError("Chỉ xuất DOCX hoặc XLSX.")
    args = _board_args(request)
    report = review_report(deps.state(request).engine, actor_of(user), plan_id, today=dt.date.today(), **args)
    kind = "tong-ket" if report.final else "so-ket"
    tracker(request).audited_download(actor_of(user), f"review_{fmt}", f"plan:{plan_id}")
    if fmt == "docx":
        return _download(render_docx(report), f"bao-cao-{kind}-KH{plan_id}.docx", DOCX)
    return _download(render_xlsx(report), f"bao-cao-{kind}-KH{plan_id}.xlsx", XLSX)


@router.get("/org")
def org_page(request: Request, user: User = Depends(deps.require_admin)) -> Response:
    return respond(request, Screen("tracking/org.html", {"units": len(deps.state(request).units()), "result": None,
                                                          "error": None, "detail": []}))


@router.post("/org")
async def org_import(request: Request, file: Annotated[UploadFile, File()],
                     user: User = Depends(deps.require_admin)) -> Response:
    data = await file.read()
    try:  # a province's tree is thousands of rows: read and written off the event loop
        inserted, updated = await run_in_threadpool(tracker(request).import_tree, actor_of(user), data,
                                                    file.filename or "tree.csv")
    except ThongSuotError as exc:
        failed = {"units": len(deps.state(request).units()), "result": None, "error": exc.message,
                  "detail": exc.detail if isinstance(exc.detail, list) else []}
        return respond(request, Screen("tracking/org.html", failed, status=exc.status))
    ctx: dict[str, Any] = {"units": inserted + updated, "result": (inserted, updated), "error": None, "detail": []}
    return respond(request, Screen("tracking/org.html", ctx))


@router.get("/org/export.{fmt}")
def org_export(request: Request, fmt: str, user: User = Depends(deps.require_tree_exporter)) -> Response:
    if fmt not in ("csv", "xlsx"):
        raise InputError("Chỉ xuất CSV hoặc XLSX.")
    data = tracker(request).export_tree(fmt)
    return _download(data, f"cay-to-chuc.{fmt}", XLSX if fmt == "xlsx" else "text/csv; charset=utf-8")
