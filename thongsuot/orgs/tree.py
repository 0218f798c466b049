"""Load an organisation tree from a TOML data file and keep it in the database.

The units with code, name, kind, level, parent and validity; written by the
one tree writer (`storage/tracking.write_tree`, which keeps the closure table). The tree is data, never constants in code (DOMAIN.md section 4).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from thongsuot.domain.org import Unit, UnitKind
from thongsuot.errors import InputError
from thongsuot.storage import tracking as tracking_store
from thongsuot.storage.unit_of_work import WorkSource, work_of

DEMO_ORG = "demo_org.toml"


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"Ngày không hợp lệ ở {where}: {value}") from exc


def parse_org(data: dict[str, Any]) -> tuple[Unit, ...]:
    """Units from the parsed TOML (`[[unit]]` tables); checks parents exist."""
    units: list[Unit] = []
    for i, raw in enumerate(data.get("unit", [])):
        where = f"unit #{i + 1}"
        try:
            kind = UnitKind(raw["kind"])
            unit = Unit(
                code=str(raw["code"]),
                name=str(raw["name"]),
                kind=kind,
                level=str(raw["level"]),
                parent_code=raw.get("parent"),
                valid_from=_date(raw.get("valid_from"), where),
                valid_to=_date(raw.get("valid_to"), where),
            )
        except (KeyError, ValueError) as exc:
            raise InputError(f"Đơn vị không hợp lệ ({where}): {exc}") from exc
        units.append(unit)
    codes = {u.code for u in units}
    if len(codes) != len(units):
        raise InputError("Mã đơn vị bị trùng trong tệp tổ chức.")
    for u in units:
        if u.parent_code is not None and u.parent_code not in codes:
            raise InputError(f"Đơn vị {u.code}: không có đơn vị cấp trên {u.parent_code}.")
    return tuple(units)


def load_org(path: str | Path | None = None) -> tuple[Unit, ...]:
    """The tree in `path`, or the bundled demo tree when no path is given."""
    if path is None:
        text = resources.files("thongsuot.vocab").joinpath("data", DEMO_ORG).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return parse_org(tomllib.loads(text))


def store_org(engine: WorkSource, units: tuple[Unit, ...]) -> int:
    """Write the units into the database (insert or update by code) through the one tree writer.

    `storage.tracking.write_tree` also keeps the unit details, successors, the
    closure table and the roll-up in step, in the same transaction.
    """
    with work_of(engine).write() as conn:  # an engine: its own transaction; a unit of work: the caller's
        inserted, updated = tracking_store.write_tree(conn, units)
    return inserted + updated
