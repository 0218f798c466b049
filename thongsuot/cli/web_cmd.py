"""Commands of the web area: `serve`, `user add`, `demo`.

`demo` is what `make run` calls: upgrade the database, load the sample
documents (idempotent), the demo organisation tree and one demo account per
role with freshly generated passwords (printed; re-running resets them), then
optionally serve.
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

from thongsuot.config import Settings, get_settings
from thongsuot.errors import InputError

DEMO_ACCOUNTS = (
    # username, role, unit code (in the demo tree), display name
    ("admin", "admin", "TU", "Quản trị hệ thống"),
    ("editor", "editor", "BTGTU", "Biên tập viên Ban Tuyên giáo"),
    ("reporter", "reporter", "HU-A", "Cán bộ báo cáo Huyện ủy An Phú"),
    ("viewer", "viewer", "BAOTINH", "Phóng viên Báo tỉnh"),
)


def _settings(db: str | None) -> Settings:
    base = get_settings()
    return base.model_copy(update={"database_url": db}) if db else base


def _serve(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    from thongsuot.web.app import create_app

    typer.echo(f"Thông Suốt: http://{host}:{port}/  (Ctrl+C để dừng)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def serve(
    host: str = typer.Option("127.0.0.1", help="Địa chỉ lắng nghe"),
    port: int = typer.Option(8000, help="Cổng"),
    db: str | None = typer.Option(None, "--db", help="URL cơ sở dữ liệu (mặc định: cấu hình)"),
) -> None:
    """Chạy máy chủ web (nâng cấp cơ sở dữ liệu khi khởi động)."""
    _serve(_settings(db), host, port)


user_app = typer.Typer(help="Quản lý người dùng.", no_args_is_help=True)


@user_app.command("add")
def user_add(
    username: str = typer.Argument(..., help="Tên đăng nhập"),
    unit: str = typer.Option(..., "--unit", help="Mã đơn vị"),
    role: str = typer.Option(..., "--role", help="admin | editor | reporter | viewer"),
    name: str = typer.Option("", "--name", help="Họ tên hiển thị"),
    generate: bool = typer.Option(False, "--generate", help="Tạo mật khẩu ngẫu nhiên (không hỏi)"),
    db: str | None = typer.Option(None, "--db", help="URL cơ sở dữ liệu"),
) -> None:
    """Tạo người dùng (ví dụ quản trị viên đầu tiên). Mật khẩu được hỏi hoặc tạo ngẫu nhiên và in ra."""
    from thongsuot.orgs.tree import load_org, store_org
    from thongsuot.storage import accounts, audit
    from thongsuot.storage.db import open_database
    from thongsuot.storage.unit_of_work import one_unit
    from thongsuot.web import auth, security

    try:
        role_value = accounts.Role(role)
    except ValueError as exc:
        raise InputError(f"Vai trò không hợp lệ: {role} (admin, editor, reporter, viewer)") from exc
    if generate or not os.isatty(0):
        password = security.generate_password()
        shown = True
    else:
        password = typer.prompt("Mật khẩu (để trống để tạo ngẫu nhiên)", default="", hide_input=True,
                                show_default=False)
        shown = not password
        password = password or security.generate_password()
    auth.check_password_strength(password)  # the web's rule, not a copy
    settings = _settings(db)
    with (open_database(settings.database_url or settings.resolved_database_url) as database,
          one_unit(database.engine) as work):  # the tree, the user and its audit entry: one transaction
        if not accounts.list_units(work):
            store_org(work, load_org())
        user = accounts.create_user(work, username, security.hash_password(password), role_value, unit, name)
        audit.append_audit(work, action="user_create", actor="(cli)", target=user.username, after=user.to_dict())
    typer.echo(f"Đã tạo {user.username} ({user.role}, đơn vị {user.unit_code}).")
    if shown:
        typer.echo(f"Mật khẩu: {password}")


def demo(
    samples: Path = typer.Option(Path("samples"), "--samples", help="Thư mục văn bản mẫu"),
    do_serve: bool = typer.Option(False, "--serve", help="Chạy máy chủ web sau khi nạp"),
    host: str = typer.Option("127.0.0.1", help="Địa chỉ lắng nghe"),
    port: int = typer.Option(8000, help="Cổng"),
    db: str | None = typer.Option(None, "--db", help="URL cơ sở dữ liệu"),
) -> None:
    """Nạp dữ liệu mẫu (văn bản, cây tổ chức, tài khoản mẫu với mật khẩu mới) rồi chạy máy chủ."""
    from thongsuot.web.demo import load_demo

    settings = _settings(db)
    settings.data.mkdir(parents=True, exist_ok=True)
    report = load_demo(settings, samples, DEMO_ACCOUNTS)
    for line in report.document_lines:
        typer.echo(line)
    typer.echo("")
    typer.echo("Tài khoản mẫu (mật khẩu mới, tạo ngẫu nhiên ở mỗi lần chạy):")
    for username, role, unit, password in report.accounts:  # printed on purpose: generated per run
        typer.echo(f"  {username:<9} {role:<9} {unit:<8} mật khẩu: {password}")
    if report.tracking_accounts:
        typer.echo("")
        typer.echo("Theo dõi thực hiện — tỉnh mẫu An Bình (một kế hoạch đang theo dõi):")
        for username, role, unit, password in report.tracking_accounts:
            typer.echo(f"  {username:<16} {role:<9} {unit:<14} mật khẩu: {password}")
    typer.echo("")
    if do_serve:
        _serve(settings, host, port)


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.command("serve")(serve)
    app.command("demo")(demo)
    app.add_typer(user_app, name="user")
