"""`thongsuot parse FILE... [--format json|md]`: documents in, structure out.

JSON prints one object per line (JSON Lines, in argument order) so several
files can be piped; md prints the readable outline. A file that cannot be read
gives one line on stderr and the others are still processed; the exit status
is 1 if any file failed. Never a traceback. While a scan is recognised (OCR),
a rich progress bar on stderr counts its pages (stdout stays clean JSON).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

import typer

from thongsuot.errors import ThongSuotError
from thongsuot.parsing import parse_file
from thongsuot.rendering.document_json import document_to_contract
from thongsuot.rendering.outline_md import document_to_outline


@contextmanager
def _ocr_progress(name: str) -> Iterator[Callable[[int, int], None]]:
    """A page counter shown only once OCR reports pages, on stderr and only to a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    bar = Progress(
        TextColumn(f"Nhận dạng {name}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True,
    )  # fmt: skip
    task: list[TaskID] = []

    def update(done: int, total: int) -> None:
        if not console.is_terminal:
            return
        if not task:
            bar.start()
            task.append(bar.add_task("ocr", total=total))
        bar.update(task[0], completed=done, total=total)

    try:
        yield update
    finally:
        if task:
            bar.stop()


class OutputFormat(StrEnum):
    json = "json"
    md = "md"


def parse(
    files: list[Path] = typer.Argument(..., help="Tệp văn bản (txt, md, html, docx, pdf)."),
    fmt: OutputFormat = typer.Option(
        OutputFormat.json, "--format", "-f", help="json (một dòng/tệp) hoặc md."
    ),
    indent: bool = typer.Option(False, "--indent", help="JSON nhiều dòng, dễ đọc (chỉ khi một tệp)."),
) -> None:
    """Đọc văn bản chỉ đạo và in cấu trúc: JSON theo hợp đồng hoặc dàn ý Markdown."""
    failed = False
    for path in files:
        try:
            with _ocr_progress(path.name) as progress:
                doc = parse_file(path, progress=progress)
        except ThongSuotError as exc:
            typer.echo(f"thongsuot: {path}: {exc.message}", err=True)
            failed = True
            continue
        except OSError as exc:
            typer.echo(f"thongsuot: {path}: không đọc được tệp ({exc.strerror or exc})", err=True)
            failed = True
            continue
        except Exception as exc:
            typer.echo(f"thongsuot: {path}: lỗi không mong đợi ({type(exc).__name__}: {exc})", err=True)
            failed = True
            continue
        if fmt is OutputFormat.md:
            sys.stdout.write(document_to_outline(doc) + "\n")
        else:
            data = document_to_contract(doc)
            pretty = indent and len(files) == 1
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) + "\n")
        sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.command("parse")(parse)
