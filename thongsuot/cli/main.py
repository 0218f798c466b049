"""The `thongsuot` command: a thin Typer app; each area registers its commands."""

from __future__ import annotations

import sys

import typer

from thongsuot.cli import draft_cmd, library_cmd, parse_cmd, tracking_cmd, web_cmd
from thongsuot.errors import ThongSuotError

app = typer.Typer(
    name="thongsuot",
    help="Thông Suốt: đọc, liên kết, xây dựng và theo dõi văn bản chỉ đạo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (parse_cmd, library_cmd, web_cmd, draft_cmd, tracking_cmd):
    module.register(app)


def main() -> None:
    """Entry point: errors are caught once here and printed as one line."""
    try:
        app()
    except ThongSuotError as exc:
        typer.echo(f"thongsuot: {exc.message}", err=True)
        sys.exit(1)
