"""Library commands: `db upgrade`, `ingest`, `search`, `graph`, `show`.

Every command takes `--db URL` (default: THONGSUOT_DATABASE_URL, else the
SQLite file in THONGSUOT_DATA) and upgrades the schema before use.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from thongsuot.cascade import lineage
from thongsuot.cascade.ingest import FAILED, IngestOutcome, ingest
from thongsuot.errors import InputError
from thongsuot.storage import Library, SearchFilters, open_library, upgrade

DbOption = Annotated[str | None, typer.Option("--db", help="URL cơ sở dữ liệu (mặc định theo cấu hình)")]

db_app = typer.Typer(help="Quản lý cơ sở dữ liệu.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Nâng cấp lược đồ cơ sở dữ liệu lên phiên bản mới nhất."""
    upgrade(db)
    typer.echo("Đã nâng cấp cơ sở dữ liệu.")


def _open(db: str | None) -> Library:
    return open_library(db)


def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Tệp hoặc thư mục (đọc đệ quy)")],
    db: DbOption = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Số tiến trình phân tích")] = None,
    track: Annotated[bool, typer.Option(
        "--track/--no-track", help="Kế hoạch do đơn vị trong cây tổ chức ban hành thì giao nhiệm vụ, đưa vào theo dõi",
    )] = True,
) -> None:
    """Nạp văn bản vào thư viện (mỗi văn bản một giao dịch; chạy lại để hoàn tất)."""
    for p in paths:
        if not p.exists():
            raise InputError(f"Không tìm thấy: {p}")
    console = Console(stderr=True)
    lib = _open(db)
    try:
        with Progress(
            TextColumn("[bold]Nạp văn bản"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.description}"), console=console, transient=True,
        ) as progress:
            task = progress.add_task("", total=None)

            def tick(outcome: IngestOutcome, done: int, total: int) -> None:
                if total > 3:
                    progress.update(task, total=total, completed=done, description=Path(outcome.path).name[:40])

            report = ingest(lib, paths, workers=workers, on_progress=tick)
        tracked = _track_ours(lib, report.outcomes) if track else []
    finally:
        lib.close()
    out = Console()
    table = Table(title="Kết quả nạp")
    labels = {"stored": "Đã lưu", "duplicate": "Trùng", "new_version": "Phiên bản mới", "failed": "Lỗi"}
    for status in labels.values():
        table.add_column(status, justify="right")
    table.add_row(*[str(report.counts[s]) for s in labels])
    out.print(table)
    for line in tracked:
        out.print(line, highlight=False)
    for o in report.outcomes:
        if o.status == FAILED:
            out.print(f"[red]Lỗi[/red] {o.path}: {o.message}", highlight=False)
    if report.failures:
        raise typer.Exit(2)


def _track_ours(lib: Library, outcomes: list[IngestOutcome]) -> list[str]:
    """Plans issued by units of our tree go under tracking (see tracking.views.track_if_ours); one line each."""
    from thongsuot.tracking import rights, views

    t = views.Tracker(lib.db.engine)
    actor = rights.operator()
    lines = []
    for o in outcomes:
        if o.document_id is None or o.status not in ("stored", "new_version"):
            continue
        made = views.track_if_ours(t, lib, actor, o.document_id)
        if made is not None:
            lines.append(f"Theo dõi: {Path(o.path).name} -> kế hoạch theo dõi số {made.plan_id}, "
                         f"{len(made.assignments)} nhiệm vụ, {len(made.unmatched)} tên chưa khớp")
    return lines


def search_cmd(
    query: Annotated[str, typer.Argument(help="Từ khóa (không cần dấu) hoặc số ký hiệu, ví dụ 28-NQ/TW")],
    kind: Annotated[str | None, typer.Option("--kind", help="Loại văn bản: KH, HD, 'Kế hoạch'...")] = None,
    issuer: Annotated[str | None, typer.Option("--issuer", help="Cơ quan ban hành hoặc mã (TU, HU...)")] = None,
    year_from: Annotated[int | None, typer.Option("--year-from")] = None,
    year_to: Annotated[int | None, typer.Option("--year-to")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 20,
    sort: Annotated[str, typer.Option("--sort", help="relevance | date")] = "relevance",
    as_json: Annotated[bool, typer.Option("--json", help="In JSON")] = False,
    db: DbOption = None,
) -> None:
    """Tìm kiếm toàn văn trong thư viện."""
    lib = _open(db)
    try:
        hits = lib.search(query, SearchFilters(kind, issuer, year_from, year_to), limit=limit, sort=sort)
    finally:
        lib.close()
    if as_json:
        typer.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    console = Console()
    if not hits:
        console.print("Không có kết quả.")
        return
    table = Table(show_lines=True)
    for col in ("Mã", "Số ký hiệu", "Ngày", "Trích yếu / đoạn trích", "Điểm"):
        table.add_column(col)
    for h in hits:
        date = h.date.strftime("%d/%m/%Y") if h.date else ""
        body = f"[bold]{h.kind or ''} {h.title or ''}[/bold]\n{h.snippet}"
        table.add_row(str(h.id), h.symbol or "", date, body, f"{h.score:.3g}")
    console.print(table, highlight=False)


def graph_cmd(
    ref: Annotated[str, typer.Argument(help="70-KH/TU, 18-NQ/TW@2017, hoặc mã văn bản")],
    up: Annotated[bool, typer.Option("--up", help="Chỉ lên các văn bản cấp trên")] = False,
    down: Annotated[bool, typer.Option("--down", help="Chỉ xuống các văn bản thực hiện")] = False,
    depth: Annotated[int | None, typer.Option("--depth")] = None,
    mentions: Annotated[bool, typer.Option("--mentions", help="Kể cả các văn bản chỉ được nhắc đến")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table | json | graphml | dot")] = "table",
    db: DbOption = None,
) -> None:
    """Phả hệ văn bản: lên tới văn bản Trung ương, xuống tới mọi kế hoạch thực hiện."""
    if fmt not in lineage.FORMATS:
        raise InputError(f"Định dạng không hỗ trợ: {fmt} ({', '.join(lineage.FORMATS)})")
    direction = "up" if up and not down else "down" if down and not up else "both"
    lib = _open(db)
    try:
        graph = lib.graph(ref, direction=direction, depth=depth, mentions=mentions)
    finally:
        lib.close()
    if fmt != "table":
        typer.echo(lineage.render(graph, fmt), nl=False)
        return
    table = Table(title=f"Phả hệ {ref}")
    for col in ("Cấp", "Văn bản", "Loại", "Trích yếu", "Trong thư viện"):
        table.add_column(col)
    for row in lineage.table_rows(graph):
        table.add_row(
            f"{row['level']:+d}" if row["level"] else "•", row["label"], row["kind"], row["title"][:90],
            f"#{row['document_id']}" if row["in_library"] else "—",
        )
    console = Console()
    console.print(table, highlight=False)
    names = {n.id: lineage.node_label(n) for n in graph.nodes}
    for e in graph.edges:
        console.print(f"  {names[e.source]} —{e.relation}→ {names[e.target]}", highlight=False)


def show_cmd(
    ref: Annotated[str, typer.Argument(help="70-KH/TU, 18-NQ/TW@2017, hoặc mã văn bản")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    db: DbOption = None,
) -> None:
    """Một văn bản với các trích dẫn và danh sách văn bản thực hiện nó."""
    lib = _open(db)
    try:
        node = lib.resolve(ref)
        record = lib.get(node.document_id) if node.document_id else None
        cites = lib.citations(node.document_id) if node.document_id else []
        children = lib.implemented_by(node.id)
        citing = lib.citing_documents(node.id)
    finally:
        lib.close()
    data = {
        "node": node.to_dict(),
        "document": record.summary.to_dict() if record else None,
        "versions": [v.version for v in record.versions] if record else [],
        "citations": [c.to_dict() for c in cites],
        "implemented_by": [n.to_dict() for n in children],
        "cited_by": [{"document": d.to_dict(), "relation": rel} for d, rel in citing],
    }
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console = Console()
    title = lineage.node_label(node)
    console.print(f"[bold]{node.kind or ''} {title}[/bold]", highlight=False)
    if record:
        s = record.summary
        console.print(f"{s.issuer or ''} — {s.title or ''}\nMã văn bản #{s.id}, phiên bản {s.version}, tệp {s.file_name}",
                      highlight=False)
    else:
        console.print(f"Chưa có trong thư viện. Trích dẫn: {node.cite_text or ''}", highlight=False)
    if cites:
        table = Table(title="Trích dẫn")
        for col in ("Quan hệ", "Văn bản", "Ngày", "Cơ quan", "Trong thư viện"):
            table.add_column(col)
        for c in cites:
            src = f"{c.source.symbol} → " if c.is_link and c.source else ""
            table.add_row(c.relation, src + (c.symbol or ""), c.date.strftime("%d/%m/%Y") if c.date else "",
                          c.issuer or "", "có" if c.node and c.node.in_library else "—")
        console.print(table, highlight=False)
    console.print("[bold]Được thực hiện bởi:[/bold] " + (", ".join(lineage.node_label(n) for n in children) or "—"),
                  highlight=False)


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.add_typer(db_app, name="db")
    app.command("ingest")(ingest_cmd)
    app.command("search")(search_cmd)
    app.command("graph")(graph_cmd)
    app.command("show")(show_cmd)
