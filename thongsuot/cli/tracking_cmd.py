"""Commands of the tracking area: `org` (tree import/export/demo), `track`, `assign`, `report`.

The CLI acts as an administrator of the issuing unit ("(cli)" in the audit log).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from thongsuot.errors import InputError

org_app = typer.Typer(help="Cây tổ chức: nhập, xuất, dữ liệu mẫu.", no_args_is_help=True)
assign_app = typer.Typer(help="Nhiệm vụ được giao theo kế hoạch.", no_args_is_help=True)
report_app = typer.Typer(help="Kỳ báo cáo và báo cáo sơ kết, tổng kết.", no_args_is_help=True)
DB = typer.Option(None, "--db", help="URL cơ sở dữ liệu (mặc định theo cấu hình)")


def _engine(db: str | None):  # type: ignore[no-untyped-def]
    from thongsuot.storage.db import open_database

    return open_database(db).engine


def _actor(unit: str = ""):  # type: ignore[no-untyped-def]
    from thongsuot.tracking.rights import operator

    return operator(unit)


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    from thongsuot.orgs.tree_io import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise InputError(f"Ngày không hợp lệ: {text} (dd/mm/yyyy)") from exc


@org_app.command("import")
def org_import(file: Path = typer.Argument(..., help="Tệp .csv hoặc .xlsx"), db: str | None = DB) -> None:
    """Nhập cây tổ chức (cập nhật theo mã, không tạo trùng)."""
    from thongsuot.tracking.service import Tracker

    if not file.is_file():
        raise InputError(f"Không tìm thấy tệp {file}")
    try:
        inserted, updated = Tracker(_engine(db)).import_tree(_actor(), file.read_bytes(), file.name)
    except InputError as exc:
        for line in exc.detail or []:
            typer.echo(f"  {line}", err=True)
        raise
    typer.echo(f"Đã nhập: {inserted} đơn vị mới, {updated} đơn vị cập nhật.")


@org_app.command("export")
def org_export(file: Path = typer.Argument(..., help="Tệp .csv hoặc .xlsx để ghi"), db: str | None = DB) -> None:
    """Xuất cây tổ chức (nhập lại tệp này sẽ không tạo trùng)."""
    from thongsuot.tracking.service import Tracker

    fmt = "xlsx" if file.suffix.lower() == ".xlsx" else "csv"
    file.write_bytes(Tracker(_engine(db)).export_tree(fmt))
    typer.echo(f"Đã ghi {file}")


@org_app.command("demo")
def org_demo(
    with_accounts: bool = typer.Option(False, "--accounts", help="Tạo tài khoản mẫu (mật khẩu mới, in ra)"),
    with_plan: bool = typer.Option(False, "--plan", help="Tạo một kế hoạch mẫu đang theo dõi, có kỳ báo cáo"),
    db: str | None = DB,
) -> None:
    """Nạp tỉnh mẫu An Bình (ủy ban, các ban, báo chí, đoàn thể, 12 xã/phường, các huyện cũ đến 30/6/2025)."""
    from thongsuot.tracking import demo

    engine = _engine(db)
    inserted, updated = demo.load_tree(engine)
    typer.echo(f"Tỉnh mẫu: {inserted} đơn vị mới, {updated} đơn vị cập nhật.")
    if with_plan:
        typer.echo(f"Kế hoạch mẫu đang theo dõi: số {demo.load_plan(engine)}.")
    if with_accounts:
        from thongsuot.storage import accounts, audit
        from thongsuot.storage.unit_of_work import one_unit
        from thongsuot.web import security

        existing = {u.username for u in accounts.list_users(engine)}
        for a in demo.accounts():
            if a.username in existing:
                typer.echo(f"  {a.username:<16} (đã có)")
                continue
            password = security.generate_password()
            with one_unit(engine) as work:  # the account and its audit entry together
                accounts.create_user(work, a.username, security.hash_password(password), accounts.Role(a.role),
                                     a.unit, a.display_name)
                audit.append_audit(work, action="user_create", actor="(cli)", target=a.username)
            typer.echo(f"  {a.username:<16} {a.role:<9} {a.unit:<12} mật khẩu: {password}")


def track_document(
    document_id: int = typer.Argument(..., help="Mã văn bản trong thư viện"),
    issuer: str = typer.Option(..., "--issuer", help="Mã đơn vị ban hành trong cây tổ chức"),
    deadline: str | None = typer.Option(None, "--deadline", help="Hạn hoàn thành (dd/mm/yyyy)"),
    db: str | None = DB,
) -> None:
    """Theo dõi một kế hoạch trong thư viện: giao nhiệm vụ cho từng đơn vị có tên ở phần tổ chức thực hiện."""
    from thongsuot.storage import Library
    from thongsuot.storage.db import open_database
    from thongsuot.tracking import views

    database = open_database(db)
    made = views.track_document(views.Tracker(database.engine), Library(database), _actor(issuer), document_id,
                                issuer, _date(deadline))
    topics = len(views.topic_keys(views.Tracker(database.engine), made.plan_id))
    typer.echo(f"Kế hoạch theo dõi số {made.plan_id}: {len(made.assignments)} nhiệm vụ, {topics} nội dung.")
    for m in made.unmatched:
        typer.echo(f"  Chưa khớp đơn vị: {m.name}" + (f" (phần: {'; '.join(m.missing)})" if m.missing else ""))


@assign_app.command("list")
def assign_list(plan_id: int = typer.Argument(...), db: str | None = DB) -> None:
    """Danh sách nhiệm vụ của một kế hoạch (trạng thái, hạn)."""
    from thongsuot.storage import tracking as store
    from thongsuot.tracking.workflow import STATE_LABELS, assignment_overdue

    today = dt.date.today()
    with _engine(db).connect() as conn:
        for a in store.list_assignments(conn, plan_id=plan_id):
            late = " QUÁ HẠN" if assignment_overdue(a.state, a.deadline, today) else ""
            typer.echo(f"{a.id:>5}  {a.unit_code:<16} {STATE_LABELS[a.state]:<16} {a.deadline or ''}{late}")


@assign_app.command("add")
def assign_add(
    plan_id: int = typer.Argument(...),
    unit: str = typer.Argument(..., help="Mã đơn vị"),
    duty: list[str] = typer.Option([], "--duty", help="Nhiệm vụ (có thể lặp lại)"),
    deadline: str | None = typer.Option(None, "--deadline"),
    db: str | None = DB,
) -> None:
    """Giao nhiệm vụ bằng tay (khớp một tên chưa khớp, hoặc thêm đơn vị)."""
    from thongsuot.tracking.service import Tracker

    aid = Tracker(_engine(db)).assign_by_hand(_actor(), plan_id, unit, duty, _date(deadline))
    typer.echo(f"Nhiệm vụ số {aid}.")


@report_app.command("period")
def report_period(
    plan_id: int = typer.Argument(...),
    label: str = typer.Option(..., "--label", help="Ví dụ: 6 tháng đầu năm 2026"),
    start: str = typer.Option(..., "--start"),
    end: str = typer.Option(..., "--end"),
    due: str = typer.Option(..., "--due", help="Hạn nộp báo cáo"),
    kind: str = typer.Option("six_months", "--kind", help="six_months | year | ad_hoc"),
    db: str | None = DB,
) -> None:
    """Đặt một kỳ báo cáo cho kế hoạch."""
    from thongsuot.domain.tracking import Period, PeriodKind
    from thongsuot.storage import tracking as store
    from thongsuot.tracking.service import Tracker

    engine = _engine(db)
    with engine.connect() as conn:
        issuer = store.get_plan(conn, plan_id)["issuer_unit"]
    try:
        period_kind = PeriodKind(kind)
    except ValueError as exc:
        raise InputError("Loại kỳ: six_months, year hoặc ad_hoc.") from exc
    s, e, d = _date(start), _date(end), _date(due)
    assert s and e and d
    pid = Tracker(engine).add_period(_actor(issuer), Period(None, plan_id, period_kind, label, s, e, d))
    typer.echo(f"Kỳ báo cáo số {pid}.")


@report_app.command("review")
def report_review(
    plan_id: int = typer.Argument(...),
    out: Path = typer.Option(..., "--out", help="Tệp .docx hoặc .xlsx"),
    unit: str | None = typer.Option(None, "--unit", help="Đơn vị (mặc định: đơn vị ban hành)"),
    period: int | None = typer.Option(None, "--period", help="Mã kỳ báo cáo"),
    db: str | None = DB,
) -> None:
    """Dự thảo báo cáo sơ kết / tổng kết từ số liệu (DOCX đúng thể thức, hoặc XLSX các bảng)."""
    from thongsuot.rendering.review_docx import render_docx
    from thongsuot.rendering.review_xlsx import render_xlsx
    from thongsuot.storage import tracking as store
    from thongsuot.tracking.review_report import review_report

    engine = _engine(db)
    with engine.connect() as conn:
        issuer = store.get_plan(conn, plan_id)["issuer_unit"]
    report = review_report(engine, _actor(issuer), plan_id, unit, period)
    out.write_bytes(render_xlsx(report) if out.suffix.lower() == ".xlsx" else render_docx(report))
    typer.echo(f"Đã ghi {out}: {report.total.activities} hoạt động, {len(report.units)} đơn vị.")


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.add_typer(org_app, name="org")
    app.add_typer(assign_app, name="assign")
    app.add_typer(report_app, name="report")
    app.command("track", help="Theo dõi một kế hoạch trong thư viện (giao nhiệm vụ theo phần tổ chức thực hiện).")(
        track_document)


@report_app.command("notify")
def report_notify(db: str | None = DB) -> None:
    """Thông báo: ghi thông báo mới (nhiệm vụ, bị trả lại, sắp đến hạn) và gửi e-mail nếu đã cấu hình SMTP.

    Chạy mỗi ngày (ví dụ bằng cron) để các đơn vị được nhắc hạn trong 7 ngày tới.
    """
    from thongsuot.config import get_settings
    from thongsuot.tracking import notifications

    sent = notifications.sweep(_engine(db), notifications.Smtp.from_settings(get_settings()))
    typer.echo(f"{len(sent)} đơn vị được cập nhật thông báo; {sum(sent.values())} thư đã gửi.")
