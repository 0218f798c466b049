"""Roll-up benchmark: 50,000 units and 1,000,000 activities; dashboard queries' p50/p95 on SQLite and PostgreSQL.

Usage:
    .venv/bin/python bench/rollup.py                       # SQLite in a temp file, full size
    .venv/bin/python bench/rollup.py --pg URL              # also PostgreSQL (an empty database URL)
    .venv/bin/python bench/rollup.py --units 5000 --activities 100000   # quick run

The tree is national: a root, ~60 provinces, each with boards and ~50 communes,
each commune with its boards and grassroots organisations. Activities are
spread over the leaves and dated through 2025; one plan holds 80% of them.
Printed per query and scope: p50 and p95 in milliseconds over --repeat runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, text

from thongsuot.domain.org import closure_pairs
from thongsuot.storage import accounts, tracking_rollup
from thongsuot.storage import tracking as store
from thongsuot.storage.db import make_engine, upgrade
from thongsuot.storage.tracking_queries import Scope, coverage, grand_total, totals

CHANNELS = ["bao_in", "bao_dien_tu", "phat_thanh", "truyen_hinh", "trang_ttdt", "mang_xa_hoi", "hoi_nghi_bcv",
            "tuyen_truyen_mieng", "sinh_hoat_chi_bo", "pa_no", "bang_ron", "cuoc_thi"]
TOPICS = [f"{a}.{b}" for a in (1, 2) for b in range(1, 11)]
QTY = ["tin_bai", "luot_nguoi", "hoi_nghi", "pa_no"]


def build_tree(n_units: int, rng: random.Random) -> tuple[list[tuple[str, str | None, str]], list[str]]:
    """(code, parent, level) rows and the leaf codes."""
    rows: list[tuple[str, str | None, str]] = [("VN", None, "central")]
    leaves: list[str] = []
    provinces = max(1, n_units // 830)
    per_province = n_units // provinces
    communes = max(1, (per_province - 10) // 16)
    for p in range(provinces):
        pc = f"P{p:02d}"
        rows.append((pc, "VN", "province"))
        for b in range(9):
            rows.append((f"{pc}.B{b}", pc, "province"))
            leaves.append(f"{pc}.B{b}")
        for c in range(communes):
            cc = f"{pc}.C{c:03d}"
            rows.append((cc, pc, "commune"))
            for g in range(15):
                rows.append((f"{cc}.G{g:02d}", cc, "grassroots"))
                leaves.append(f"{cc}.G{g:02d}")
    return rows, leaves


def load(url: str, n_units: int, n_activities: int, seed: int) -> tuple[int, list[str], list[str]]:
    rng = random.Random(seed)
    upgrade(url)
    engine = make_engine(url)
    rows, leaves = build_tree(n_units, rng)
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(accounts.units), [
            {"code": c, "name": f"Đơn vị {c}", "kind": "party_committee", "level": lv, "parent_code": p}
            for c, p, lv in rows])
        pairs = list(closure_pairs({c: p for c, p, _ in rows}))
        for i in range(0, len(pairs), 20000):
            conn.execute(insert(store.unit_closure), [{"ancestor": a, "descendant": d, "depth": k}
                                                      for a, d, k in pairs[i:i + 20000]])
        plans = [store.create_plan(conn, title=f"KH {k}", issuer_unit="VN",
                                   topics=[{"key": t, "title": t, "focal": t.startswith("1.")} for t in TOPICS])
                 for k in range(3)]
    now = dt.datetime(2026, 1, 1)
    start = dt.date(2025, 1, 1)
    batch = 20000
    aid = 0
    with engine.begin() as conn:
        for lo in range(0, n_activities, batch):
            acts, tops, qtys = [], [], []
            for _ in range(min(batch, n_activities - lo)):
                aid += 1
                day = start + dt.timedelta(days=rng.randrange(365))
                acts.append({"id": aid, "plan_id": plans[0] if rng.random() < 0.8 else rng.choice(plans[1:]),
                             "unit_code": rng.choice(leaves), "start_date": day, "month": day.year * 100 + day.month,
                             "channel": rng.choice(CHANNELS), "title": "", "created_by": "bench", "created_at": now})
                for t in rng.sample(TOPICS, rng.randint(0, 2)):
                    tops.append({"activity_id": aid, "topic": t})
                for q in rng.sample(QTY, rng.randint(1, 2)):
                    qtys.append({"activity_id": aid, "unit": q, "amount": float(rng.randint(1, 200))})
            conn.execute(insert(store.activities), acts)
            if tops:
                conn.execute(insert(store.activity_topics), tops)
            conn.execute(insert(store.activity_quantities), qtys)
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT setval(pg_get_serial_sequence('activities','id'), :n)"), {"n": aid})
    t1 = time.perf_counter()
    with engine.begin() as conn:
        tracking_rollup.rebuild(conn)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
        n_rollup = conn.execute(text("SELECT count(*) FROM activity_rollup")).scalar_one()
    print(f"  loaded {len(rows):,} units, {len(pairs):,} closure rows, {n_activities:,} activities "
          f"in {t1 - t0:.1f} s; roll-up rebuilt ({n_rollup:,} rows) in {time.perf_counter() - t1:.1f} s")
    engine.dispose()
    communes = [c for c, _, lv in rows if lv == "commune"]
    return plans[0], [c for c, p, _ in rows if p == "VN"], communes


def loaded(url: str) -> tuple[int, list[str], list[str]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        plan = conn.execute(text("SELECT min(id) FROM tracked_plans")).scalar_one()
        provinces = [r[0] for r in conn.execute(text("SELECT code FROM units WHERE parent_code = 'VN'"))]
        communes = [r[0] for r in conn.execute(text("SELECT code FROM units WHERE level = 'commune'"))]
    engine.dispose()
    print(f"  reusing the loaded database: {len(provinces)} provinces, {len(communes)} communes")
    return int(plan), provinces, communes


def measure(url: str, plan: int, provinces: list[str], communes: list[str], repeat: int, seed: int) -> None:
    rng = random.Random(seed + 1)
    engine = make_engine(url, pool_size=2)
    periods = {"6 months": (dt.date(2025, 1, 1), dt.date(2025, 6, 30)),  # a reporting period: the roll-up
               "any days": (dt.date(2025, 3, 10), dt.date(2025, 5, 20))}  # arbitrary dates: raw activities
    scopes: dict[str, Callable[[], str]] = {
        "national": lambda: "VN",
        "province": lambda: rng.choice(provinces),
        "commune": lambda: rng.choice(communes),
    }
    print(f"  {'window':<10}{'query':<10}{'scope':<10}{'p50 ms':>10}{'p95 ms':>10}")
    with engine.connect() as conn:
        for (label, period), dim, (name, pick) in itertools.product(
                periods.items(), ("channel", "topic", "month", "unit", "grand", "coverage"), scopes.items()):
            times = []
            for _ in range(repeat):
                root = pick()
                scope = Scope(root, plan, *period)
                t0 = time.perf_counter()
                if dim == "grand":
                    grand_total(conn, scope)
                elif dim == "coverage":
                    kids = [r[0] for r in conn.execute(
                        store.unit_closure.select().with_only_columns(store.unit_closure.c.descendant)
                        .where(store.unit_closure.c.ancestor == root, store.unit_closure.c.depth == 1))]
                    coverage(conn, plan, kids[:60] or [root], *period)
                else:
                    totals(conn, scope, dim)
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            print(f"  {label:<10}{dim:<10}{name:<10}{statistics.median(times):>10.1f}{p95:>10.1f}")
    engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", type=int, default=50_000)
    ap.add_argument("--activities", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pg", help="URL of an empty PostgreSQL database")
    ap.add_argument("--sqlite", help="SQLite file path (default: a temp file)")
    ap.add_argument("--reuse", action="store_true", help="measure a database loaded by an earlier run")
    args = ap.parse_args()
    targets = [("SQLite", f"sqlite:///{args.sqlite or Path(tempfile.mkdtemp()) / 'bench.sqlite3'}")]
    if args.pg:
        targets.append(("PostgreSQL", args.pg))
    for label, url in targets:
        print(f"{label}: {args.units:,} units, {args.activities:,} activities")
        if args.reuse:
            plan, provinces, communes = loaded(url)
        else:
            plan, provinces, communes = load(url, args.units, args.activities, args.seed)
        measure(url, plan, provinces, communes, args.repeat, args.seed)


if __name__ == "__main__":
    main()
