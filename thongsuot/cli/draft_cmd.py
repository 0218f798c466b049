"""`thongsuot derive` and `thongsuot export`: build a level's plan from the one above.

    thongsuot derive PARENT --unit "Đảng ủy xã Tân Hòa" --type KH [--date 2025-09-15] [--out plan.docx]
    thongsuot export PLAN --format docx|md|json [--out FILE]   (PLAN: a .json file or a stored plan id)

PARENT is a document file (txt, md, html, docx, pdf), or a reference (70-KH/TU)
or document id in the library (--db). UNIT is a unit code of the
organisation tree (--org, default the bundled demo tree) or a free description
whose level is read from its words ("Đảng ủy xã ...", "Huyện ủy ...") or given
with --level. Upper duties with no counterpart at the target are listed on
stderr: they are for the user to decide, never dropped.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from thongsuot.cascade.derive import derive, target_from_name
from thongsuot.domain.document import ParsedDocument
from thongsuot.domain.plan import Layout, Plan, PlanKind, Target
from thongsuot.errors import InputError
from thongsuot.orgs.tree import load_org
from thongsuot.parsing import parse_bytes, parse_file
from thongsuot.rendering.plan_docx import render_docx
from thongsuot.rendering.plan_json import plan_from_dict, render_json
from thongsuot.rendering.plan_md import render_md
from thongsuot.storage import open_library
from thongsuot.storage.plans import open_plans
from thongsuot.vocab.levels import load_levels


class ExportFormat(StrEnum):
    docx = "docx"
    md = "md"
    json = "json"


class FormatChoice(StrEnum):
    auto = "auto"
    party = "party"
    state = "state"


def _date(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        try:
            return dt.datetime.strptime(text, "%d/%m/%Y").date()
        except ValueError:
            raise InputError(f"Ngày không hợp lệ: {text} (dùng 2025-09-15 hoặc 15/09/2025)") from None


def resolve_target(
    unit: str, on: dt.date, level: str | None, parent_name: str | None, org: Path | None
) -> Target:
    """A unit code of the org tree, else a free description of the unit."""
    units = {u.code: u for u in load_org(org)} if unit and " " not in unit.strip() else {}
    found = units.get(unit.strip())
    if found is not None:
        lv = level or (found.level if found.level in load_levels().levels else None)
        return target_from_name(found.name, on, lv, parent_name=parent_name, unit_code=found.code)
    return target_from_name(unit, on, level, parent_name=parent_name)


def load_parent(parent: str, db: str | None) -> ParsedDocument:
    """A document file, else a reference or document id in the library."""
    path = Path(parent)
    if path.is_file():
        return parse_file(path)
    lib = open_library(db)
    try:
        doc_id = int(parent) if parent.isdigit() else lib.resolve(parent).document_id
        if doc_id is None:
            raise InputError(f"{parent} chỉ được trích dẫn, chưa có văn bản trong thư viện.")
        name, data = lib.original(doc_id)
    finally:
        lib.close()
    return parse_bytes(data, name)


def _write(plan: Plan, fmt: ExportFormat, out: Path | None) -> None:
    if fmt is ExportFormat.docx:
        data = render_docx(plan)
        if out is None:
            raise InputError("Xuất DOCX cần --out TỆP.docx")
        out.write_bytes(data)
    else:
        text = render_md(plan) if fmt is ExportFormat.md else render_json(plan) + "\n"
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")
    if out is not None:
        typer.echo(f"Đã ghi {out}", err=True)


def _format_of(out: Path | None, default: ExportFormat) -> ExportFormat:
    if out is not None and out.suffix.lower().lstrip(".") in {f.value for f in ExportFormat}:
        return ExportFormat(out.suffix.lower().lstrip("."))
    return default


def derive_cmd(
    parent: str = typer.Argument(
        ..., help="Văn bản cấp trên: tệp, số hiệu (70-KH/TU) hoặc mã trong thư viện."
    ),
    unit: str = typer.Option(..., "--unit", "-u", help="Mã đơn vị hoặc tên: “Đảng ủy xã Tân Hòa”."),
    kind: PlanKind = typer.Option(PlanKind.PLAN, "--type", "-t", help="KH (kế hoạch) hoặc HD (hướng dẫn)."),
    level: str | None = typer.Option(None, "--level", help="Cấp: central, province, district, commune."),
    date: str | None = typer.Option(None, "--date", help="Ngày của văn bản (mặc định hôm nay)."),
    parent_level: str | None = typer.Option(None, "--parent-level", help="Cấp của văn bản cấp trên."),
    parent_name: str | None = typer.Option(None, "--parent-name", help="Tên địa phương cấp trên: Sóc Trăng."),
    number: str | None = typer.Option(None, "--number", help="Số văn bản (để trống khi là dự thảo)."),
    signer: str | None = typer.Option(None, "--signer", help="Họ tên người ký."),
    layout: FormatChoice = typer.Option(FormatChoice.auto, "--format", help="Thể thức: party, state, auto."),
    org: Path | None = typer.Option(None, "--org", help="Tệp cây tổ chức (TOML)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Tệp kết quả: .docx, .md hoặc .json."),
    save: bool = typer.Option(False, "--save", help="Lưu dự thảo vào cơ sở dữ liệu."),
    db: str | None = typer.Option(None, "--db", help="URL cơ sở dữ liệu (mặc định theo cấu hình)."),
) -> None:
    """Xây dựng văn bản thực hiện từ văn bản cấp trên."""
    on = _date(date)
    target = resolve_target(unit, on, level, parent_name, org)
    doc = load_parent(parent, db)
    plan = derive(
        doc,
        target,
        kind,
        parent_level=parent_level,
        date=on,
        number=number,
        signer=signer,
        layout=None if layout is FormatChoice.auto else Layout(layout.value),
    )
    for u in plan.unmatched:
        typer.echo(f"Cần quyết định: {u.upper_unit} — {u.reason} ({len(u.duties)} nhiệm vụ)", err=True)
    if save:
        store = open_plans(db)
        try:
            stored = store.create(plan, note="Xây dựng từ văn bản cấp trên")
        finally:
            store.close()
        typer.echo(f"Đã lưu dự thảo số {stored.id}", err=True)
    if out is not None or not save:
        _write(plan, _format_of(out, ExportFormat.md), out)


def export_cmd(
    plan_ref: str = typer.Argument(
        ..., metavar="PLAN", help="Tệp .json do derive tạo, hoặc mã kế hoạch đã lưu."
    ),
    fmt: ExportFormat = typer.Option(ExportFormat.docx, "--format", "-f", help="docx, md hoặc json."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Tệp kết quả."),
    version: int | None = typer.Option(None, "--version", help="Phiên bản (mặc định: mới nhất)."),
    db: str | None = typer.Option(None, "--db", help="URL cơ sở dữ liệu (mặc định theo cấu hình)."),
) -> None:
    """Xuất kế hoạch ra DOCX (thể thức Đảng/Nhà nước), Markdown hoặc JSON."""
    path = Path(plan_ref)
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"Tệp kế hoạch không phải JSON hợp lệ: {exc}") from exc
        plan = plan_from_dict(data)
        default_out = path.with_suffix(".docx")
    elif plan_ref.isdigit():
        store = open_plans(db)
        try:
            plan = store.get(int(plan_ref), version).plan
        finally:
            store.close()
        default_out = Path(f"ke-hoach-{plan_ref}.docx")
    else:
        raise InputError(f"Không tìm thấy kế hoạch: {plan_ref}")
    if fmt is ExportFormat.docx and out is None:
        out = default_out
    _write(plan, fmt, out)


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.command("derive")(derive_cmd)
    app.command("export")(export_cmd)
