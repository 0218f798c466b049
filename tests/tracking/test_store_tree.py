"""Writing the tree: idempotent by code, details and successors kept, closure rebuilt."""

from __future__ import annotations

import dataclasses

from sqlalchemy import Engine, func, select

from thongsuot.storage import accounts
from thongsuot.storage import tracking as store
from thongsuot.vocab.tracking_data import demo_province


def test_reimport_updates_and_never_duplicates(engine: Engine) -> None:
    units = demo_province().units
    with engine.begin() as conn:
        assert store.write_tree(conn, units) == (len(units), 0)
    renamed = [dataclasses.replace(u, name=u.name + " (mới)") if u.code == "AB.X04.DU" else u for u in units]
    with engine.begin() as conn:
        assert store.write_tree(conn, renamed) == (0, len(units))
        assert conn.execute(select(func.count()).select_from(accounts.units)).scalar_one() == len(units)
        stored = store.unit_details_of(conn)
    assert stored["AB.X04.DU"].name.endswith("(mới)")
    district = stored["AB.HDH"]
    assert set(district.successor_codes) == {"AB.X04.DU", "AB.X05.DU", "AB.X06.DU"}
    assert stored["AB.TU"].aliases == next(u for u in units if u.code == "AB.TU").aliases
    with engine.connect() as conn:
        sub = set(store.subtree_codes(conn, "AB.X04.DU"))
        assert "AB.X04.CS01" in sub and "AB.X05.DU" not in sub
        assert store.ancestor_codes(conn, "AB.X04.CS01") == ["AB.X04.CS01", "AB.X04.DU", "AB.TU"]
        assert len(store.subtree_codes(conn, "AB.TU")) == len(units)
