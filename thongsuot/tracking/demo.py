"""Load the tracking demo: the demo province's tree and a plan under tracking with a reporting period.

Called by `thongsuot org demo` (and meant for the web demo loader): data from
vocab/data/demo_province.toml, dates relative to today. Idempotent: the tree is
upserted by code and the plan is created once (found again by its symbol).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources
from typing import Any

from thongsuot.domain.tracking import Period, PeriodKind
from thongsuot.storage import tracking as store
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker
from thongsuot.vocab.tracking_data import DemoAccount, demo_province


def _raw() -> dict[str, Any]:
    with resources.files("thongsuot.vocab").joinpath("data", "demo_province.toml").open("rb") as fh:
        return tomllib.load(fh)


def load_tree(engine: Any) -> tuple[int, int]:
    with engine.begin() as conn:
        return store.write_tree(conn, demo_province().units)


def load_plan(engine: Any, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    spec = _raw()["demo_plan"]
    with engine.connect() as conn:
        existing = [p for p in store.list_plans(conn) if p.get("symbol") == spec["symbol"]]
    if existing:
        return int(existing[0]["id"])
    actor = Actor("(demo)", "admin", spec["issuer"])
    t = Tracker(engine)
    made = t.track_plan(
        actor, title=spec["title"], issuer_unit=spec["issuer"], symbol=spec["symbol"], issued_on=today,
        topics=spec["topics"], duties_by_name=[(d["unit"], d["duties"]) for d in spec["duties"]],
        deadline=today + dt.timedelta(days=int(spec["deadline_days"])), source_kind="demo",
    )
    p = spec["period"]
    t.add_period(actor, Period(None, made.plan_id, PeriodKind(p["kind"]), p["label"],
                               today + dt.timedelta(days=int(p["start_days"])),
                               today + dt.timedelta(days=int(p["end_days"])),
                               today + dt.timedelta(days=int(p["due_days"]))))
    return made.plan_id


def accounts() -> tuple[DemoAccount, ...]:
    """One demo account per role (the caller creates them with fresh passwords)."""
    return demo_province().accounts
