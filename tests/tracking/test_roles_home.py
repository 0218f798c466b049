"""Each role's home: where a user lands after login, and the demo data every role works on."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from web_helpers import make_env

from thongsuot.storage import tracking as store
from thongsuot.tracking import demo
from thongsuot.tracking.timeliness import home_for_unit
from thongsuot.web import security

TODAY = dt.date(2026, 12, 3)


def test_demo_deadlines_fall_after_their_period_and_party_cells_have_duties(engine: Engine) -> None:
    demo.load_tree(engine)
    province = demo.load_plan(engine, today=TODAY)
    assert demo.load_plan(engine, today=TODAY) == province  # idempotent
    with engine.connect() as conn:
        plans = store.list_plans(conn)
        assert len(plans) == 2
        for p in plans:
            for period in store.list_periods(conn, p["id"]):
                assert period.start <= TODAY <= period.end and period.due > period.end
        commune = next(p for p in plans if p["issuer_unit"] == "AB.X04.DU")
        assert commune["parent_plan_id"] == province
        home = home_for_unit(conn, "AB.X04.CS01", TODAY)
    assert [d.plan_id for d in home.duties] == [commune["id"]]
    assert "sinh hoạt chi bộ" in home.duties[0].label
    assert [i.label for i in home.due] == ["Báo cáo 6 tháng (dữ liệu mẫu)"]


def test_reporters_and_viewers_land_on_their_work_editors_on_the_library(sqlite_url: str, tmp_path: Path) -> None:
    web = make_env(sqlite_url, tmp_path)
    try:
        landing = {}
        for role in ("reporter", "viewer", "editor"):
            client = web.anonymous()
            r = client.post("/login", data={"username": role, "password": web.passwords[role],
                                            security.CSRF_FIELD: client.headers[security.CSRF_HEADER]},
                            follow_redirects=False)
            landing[role] = r.headers["location"]
        # An explicit target (the page that asked for login) wins over the role's home.
        client = web.anonymous()
        r = client.post("/login", data={"username": "reporter", "password": web.passwords["reporter"],
                                        "next": "/library", security.CSRF_FIELD: client.headers[security.CSRF_HEADER]},
                        follow_redirects=False)
    finally:
        web.app.state.ts.db.close()
    assert landing == {"reporter": "/tracking", "viewer": "/tracking", "editor": "/"}
    assert r.headers["location"] == "/library"
