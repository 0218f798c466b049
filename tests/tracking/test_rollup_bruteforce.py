"""Roll-up sums against a brute-force computation on random trees (hypothesis), on each database."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete

from thongsuot.domain.org import Unit, UnitKind
from thongsuot.domain.tracking import Activity, Quantity
from thongsuot.storage import accounts, tracking_tables
from thongsuot.storage import tracking as store
from thongsuot.storage.tracking_queries import Scope, coverage, grand_total, totals

CHANNELS = ["bao_in", "phat_thanh", "mang_xa_hoi", "pa_no"]
TOPICS = ["1.1", "1.2", "2.1"]
QTY_UNITS = ["tin_bai", "luot_nguoi"]
START = dt.date(2025, 1, 1)


@st.composite
def worlds(draw: st.DrawFn) -> tuple[list[int | None], list[tuple[int, int, str, list[str], list[tuple[str, int]], int]]]:
    n = draw(st.integers(1, 12))
    parents: list[int | None] = [None] + [draw(st.integers(0, i - 1)) for i in range(1, n)]
    acts = draw(st.lists(st.tuples(
        st.integers(0, n - 1),  # unit index
        st.integers(0, 364),  # day offset
        st.sampled_from(CHANNELS),
        st.lists(st.sampled_from(TOPICS), max_size=3, unique=True),
        st.lists(st.tuples(st.sampled_from(QTY_UNITS), st.integers(0, 500)), max_size=2, unique_by=lambda x: x[0]),
        st.integers(0, 1),  # plan index
    ), max_size=30))
    return parents, acts


def _clear(engine: Engine) -> None:
    with engine.begin() as conn:
        for t in reversed(tracking_tables.TABLES):
            conn.execute(delete(t))
        conn.execute(delete(accounts.units))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(world=worlds(), root_pick=st.integers(0, 100), window=st.tuples(st.integers(0, 364), st.integers(0, 364)),
       months=st.booleans(), drop=st.integers(0, 5))
def test_totals_match_brute_force(engine: Engine, world, root_pick: int, window: tuple[int, int],  # type: ignore[no-untyped-def]
                                  months: bool, drop: int) -> None:
    """Arbitrary day windows use the raw query; month-aligned windows use the maintained roll-up."""
    parents, acts = world
    _clear(engine)
    if months:  # snap the window to whole months (the roll-up path)
        first = [(dt.date(2025, m, 1) - START).days for m in range(1, 13)]
        lo_m, hi_m = sorted((window[0] % 12, window[1] % 12))
        last = (dt.date(2025, hi_m + 2, 1) - START).days - 1 if hi_m < 11 else 364
        window = (first[lo_m], last)
    codes = [f"U{i}" for i in range(len(parents))]
    units = [Unit(codes[i], f"Đơn vị {i}", UnitKind.PARTY_COMMITTEE, "province",
                  codes[p] if p is not None else None) for i, p in enumerate(parents)]
    lo, hi = sorted(window)
    start, end = START + dt.timedelta(days=lo), START + dt.timedelta(days=hi)
    with engine.begin() as conn:
        store.write_tree(conn, units)
        plans = [store.create_plan(conn, title=f"KH {k}", issuer_unit="U0") for k in range(2)]
        ids = store.add_activities(conn, [
            Activity(None, plans[p], codes[u], START + dt.timedelta(days=d), ch, topics=tuple(tp),
                     quantities=tuple(Quantity(float(v), q) for q, v in qs))
            for u, d, ch, tp, qs, p in acts
        ])
    if drop and acts:  # delete some activities again: the roll-up must forget them
        with engine.begin() as conn:
            gone = set(ids[:: max(1, len(ids) // drop)][:drop])
            for aid in gone:
                store.delete_activity(conn, aid)
        acts = [a for a, aid in zip(acts, ids, strict=True) if aid not in gone]
    root = root_pick % len(parents)

    def within(i: int) -> bool:
        while i is not None:
            if i == root:
                return True
            i = parents[i]  # type: ignore[assignment]
        return False

    def child_of_root(i: int) -> str:
        path = [i]
        while path[-1] != root:
            path.append(parents[path[-1]])  # type: ignore[arg-type]
        return codes[path[-2]] if len(path) > 1 else codes[root]

    chosen = [a for a in acts if within(a[0]) and lo <= a[1] <= hi and a[5] == 0]
    scope = Scope(codes[root], plan_id=plans[0], start=start, end=end)
    keyers = {
        "channel": lambda a: [a[2]],
        "topic": lambda a: a[3],
        "month": lambda a: [str((START + dt.timedelta(days=a[1])).year * 100 + (START + dt.timedelta(days=a[1])).month)],
        "unit": lambda a: [child_of_root(a[0])],
    }
    with engine.connect() as conn:
        for dim, keys_of in keyers.items():
            want_n: Counter[str] = Counter()
            want_q: dict[str, Counter[str]] = defaultdict(Counter)
            for a in chosen:
                for k in keys_of(a):
                    want_n[k] += 1
                    for q, v in a[4]:
                        want_q[k][q] += v
            got = {t.key: t for t in totals(conn, scope, dim)}
            assert {k: t.activities for k, t in got.items() if t.activities} == dict(want_n), dim
            for k, t in got.items():
                assert {q: v for q, v in t.quantities.items()} == {q: float(v) for q, v in want_q[k].items()}, dim
        gt = grand_total(conn, scope)
        assert gt.activities == len(chosen)
        cov = coverage(conn, plans[0], codes, start, end)
        for code_i, code in enumerate(codes):
            for topic in TOPICS:
                want = sum(1 for a in acts if a[5] == 0 and lo <= a[1] <= hi and topic in a[3]
                           and _is_within(a[0], code_i, parents))
                assert cov.get((code, topic), 0) == want


def _is_within(i: int | None, root: int, parents: list[int | None]) -> bool:
    while i is not None:
        if i == root:
            return True
        i = parents[i]
    return False
