"""Load the tracking demo: the demo province's tree, a province plan and a commune plan under tracking.

Called by `thongsuot org demo` and the web demo loader: data from
vocab/data/demo_province.toml, dates relative to today. Idempotent: the tree is
upserted by code and each plan is created once (found again by its symbol).
The commune plan implements the province plan and assigns the commune's party
cells, so every demo role (province, commune, party cell) has work of its own.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources
from typing import Any

from thongsuot.domain.tracking import Period, PeriodKind
from thongsuot.storage import tracking as store
from thongsuot.storage.accounts import Role
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker
from thongsuot.vocab.tracking_data import DemoAccount, demo_province


def _raw() -> dict[str, Any]:
    with resources.files("thongsuot.vocab").joinpath("data", "demo_province.toml").open("rb") as fh:
        return tomllib.load(fh)


def load_tree(engine: Any) -> tuple[int, int]:
    with engine.begin() as conn:
        return store.write_tree(conn, demo_province().units)


def _plan_by_symbol(engine: Any, symbol: str) -> int | None:
    with engine.connect() as conn:
        found = [p for p in store.list_plans(conn) if p.get("symbol") == symbol]
    return int(found[0]["id"]) if found else None


def _load_one(engine: Any, spec: dict[str, Any], today: dt.date, parent_plan_id: int | None) -> int:
    existing = _plan_by_symbol(engine, spec["symbol"])
    if existing is not None:
        return existing
    actor = Actor("(demo)", Role.ADMIN, spec["issuer"])
    t = Tracker(engine)
    made = t.track_plan(
        actor, title=spec["title"], issuer_unit=spec["issuer"], symbol=spec["symbol"], issued_on=today,
        topics=spec["topics"], duties_by_name=[(d["unit"], d["duties"]) for d in spec["duties"]],
        deadline=today + dt.timedelta(days=int(spec["deadline_days"])), source_kind="demo",
        parent_plan_id=parent_plan_id,
    )
    p = spec["period"]
    t.add_period(actor, Period(None, made.plan_id, PeriodKind(p["kind"]), p["label"],
                               today + dt.timedelta(days=int(p["start_days"])),
                               today + dt.timedelta(days=int(p["end_days"])),
                               today + dt.timedelta(days=int(p["due_days"]))))
    return made.plan_id


def load_plan(engine: Any, today: dt.date | None = None) -> int:
    """The province plan (returned) and the commune plan that implements it."""
    today = today or dt.date.today()
    raw = _raw()
    province = _load_one(engine, raw["demo_plan"], today, None)
    _load_one(engine, raw["commune_plan"], today, province)
    return province


def accounts() -> tuple[DemoAccount, ...]:
    """One demo account per role (the caller creates them with fresh passwords)."""
    return demo_province().accounts
