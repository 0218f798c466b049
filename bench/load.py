"""Load test at a province's size: a library of 10,000 documents served by `thongsuot serve`, SQLite and PostgreSQL.

    .venv/bin/python bench/load.py                                  # 10,000 documents, both backends
    .venv/bin/python bench/load.py --docs 2000 --backends sqlite --seconds 10
    .venv/bin/python bench/load.py --pg-url postgresql://...        # a running server instead of a throw-away one

For each backend: a fresh database is filled with `--docs` synthetic documents
through the same `store_document` the library uses (bench/library.py's `Synth`
and `fill`: real sections of the samples under new numbers, implementation
chains four levels deep), the demo province's tree and a plan under tracking are
loaded, and an admin of the province gets a session. Then `thongsuot serve`
(the product's command, with its default workers) is started on a free loopback
port and measured twice over six page kinds: the library list, a search, a
document page, a graph, the tracking page of the plan, the API's document:

- one client, requests one after another (the latency a single user sees;
  bar: document page p95 < 50 ms);
- `--clients` concurrent clients (requests/s and latency under load).

Any failed request makes the exit code 1. Without --pg-url a throw-away
PostgreSQL server is started (as tests/conftest.py does).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import summary
from library import Synth, fill, fresh_url, temp_postgres

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("list", "search", "document", "graph", "tracking", "api_document")
QUERIES = ["nghi quyet 28", "tuyen truyen", "xay dung dang", "hoa binh", "ke hoach", "bao chi", "chi bo",
           "28-NQ/TW", "can bo dang vien", "mang xa hoi"]
DOCUMENT_BAR_MS = 50.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(url: str, docs: int) -> tuple[list[int], int, str]:
    """Fill the library, load the demo province and its tracked plan; (document ids, plan id, session token)."""
    from sqlalchemy import select

    from thongsuot.storage import accounts, open_library
    from thongsuot.storage.tables import documents
    from thongsuot.tracking import demo
    from thongsuot.web import security

    lib = open_library(url)
    try:
        t0 = time.perf_counter()
        fill(lib, Synth(), 0, docs)
        print(f"  filled {docs} documents in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        demo.load_tree(lib.db.engine)
        plan_id = demo.load_plan(lib.db.engine, dt.date.today())
        user = accounts.create_user(lib.db.engine, "bench", security.hash_password(security.generate_password()),
                                    accounts.Role.ADMIN, "AB.TU.VP")
        token = security.new_token()
        accounts.create_session(lib.db.engine, security.token_hash(token), user.id, dt.timedelta(hours=4))
        with lib.work.read() as conn:
            ids = [int(i) for i in conn.scalars(select(documents.c.id))]
    finally:
        lib.close()
    return ids, plan_id, token


def url_for(kind: str, rng: random.Random, ids: list[int], plan_id: int) -> str:
    doc = rng.choice(ids)
    return {
        "list": f"/?level={rng.choice(['central', 'province', 'district', 'commune'])}&page={rng.randint(1, 5)}",
        "search": f"/?q={rng.choice(QUERIES)}",
        "document": f"/documents/{doc}",
        "graph": f"/graph?ref={doc}&up=2&down=2",
        "tracking": f"/tracking/plans/{plan_id}",
        "api_document": f"/api/v1/documents/{doc}",
    }[kind]


async def client(base: str, cookie: str, ids: list[int], plan_id: int, stop_at: float,
                 stats: dict[str, list[float]], errors: list[str], seed: int) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=120, cookies={"ts_session": cookie}) as http:
        i = seed
        while time.monotonic() < stop_at:
            kind = KINDS[i % len(KINDS)]
            i += 1
            url = url_for(kind, rng, ids, plan_id)
            start = time.perf_counter()
            try:
                response = await http.get(url)
            except httpx.HTTPError as exc:
                errors.append(f"{kind} {url}: {type(exc).__name__}")
                continue
            if response.status_code != 200:
                errors.append(f"{kind} {url}: HTTP {response.status_code}")
                continue
            stats[kind].append(time.perf_counter() - start)


def run_clients(base: str, cookie: str, ids: list[int], plan_id: int, clients: int,
                seconds: float) -> tuple[dict[str, list[float]], list[str], float]:
    stats: dict[str, list[float]] = {k: [] for k in KINDS}
    errors: list[str] = []

    async def go() -> float:
        start = time.monotonic()
        await asyncio.gather(*(client(base, cookie, ids, plan_id, start + seconds, stats, errors, n)
                               for n in range(clients)))
        return time.monotonic() - start

    return stats, errors, asyncio.run(go())


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process `pid` (Linux /proc): the server's own work, whatever else the machine runs."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_by_one(base: str, cookie: str, ids: list[int], plan_id: int, seconds: float,
               pid: int) -> tuple[dict[str, list[float]], dict[str, float], list[str], float]:
    """One client, one kind after another for `seconds` each: latencies, and server CPU ms per request by kind."""
    stats: dict[str, list[float]] = {}
    cpu: dict[str, float] = {}
    errors: list[str] = []
    start = time.monotonic()
    for n, kind in enumerate(KINDS):
        rng = random.Random(n)
        times: list[float] = []
        with httpx.Client(base_url=base, timeout=120, cookies={"ts_session": cookie}) as http:
            before = cpu_seconds(pid)
            stop_at = time.monotonic() + seconds
            while time.monotonic() < stop_at:
                url = url_for(kind, rng, ids, plan_id)
                t0 = time.perf_counter()
                response = http.get(url)
                if response.status_code != 200:
                    errors.append(f"{kind} {url}: HTTP {response.status_code}")
                    continue
                times.append(time.perf_counter() - t0)
            cpu[kind] = (cpu_seconds(pid) - before) * 1000 / max(1, len(times))
        stats[kind] = times
    return stats, cpu, errors, time.monotonic() - start


def wait_until_up(base: str, tries: int = 600) -> None:
    """Poll the server's stylesheet until it answers (a server still starting refuses connections)."""
    for _ in range(tries):
        try:
            if httpx.get(f"{base}/static/app.css", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)


def serving(url: str, data: Path) -> Iterator[tuple[str, int]]:
    """`thongsuot serve` over `url` on a free port (its default workers), until the generator is closed."""
    port = free_port()
    env = {**os.environ, "THONGSUOT_DATA": str(data), "THONGSUOT_PUBLIC_LIBRARY": "1"}
    server = subprocess.Popen([sys.executable, "-m", "thongsuot", "serve", "--port", str(port), "--db", url],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def bench_backend(backend: str, url: str, data: Path, args: argparse.Namespace) -> bool:
    print(f"== {backend}: preparing {args.docs} documents", file=sys.stderr, flush=True)
    ids, plan_id, cookie = prepare(url, args.docs)
    gen = serving(url, data)
    base, pid = next(gen)
    try:
        run_clients(base, cookie, ids, plan_id, 1, 3)  # warm-up: caches and connection pool, not measured
        single, cpu, errors1, took1 = one_by_one(base, cookie, ids, plan_id, args.seconds / 2, pid)
        many, errors2, took2 = run_clients(base, cookie, ids, plan_id, args.clients, args.seconds)
    finally:
        gen.close()
    print(f"\n{backend}, {len(ids)} documents, `thongsuot serve` (default workers); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"one client, each kind {args.seconds / 2:.0f} s in turn (req/s of that kind while it ran);"
          " server CPU ms per request:")
    rows = summary({k: v for k, v in single.items()}, None, width=14)
    print("  " + rows[0] + f"{'cpu ms':>9}")
    for kind, row in zip(KINDS, rows[1:], strict=True):
        rate = len(single[kind]) / (args.seconds / 2)
        print("  " + row.replace(f"{'nan':>8}", f"{rate:>8.1f}", 1) + f"{cpu[kind]:>9.1f}")
    print(f"{args.clients} clients, {took2:.0f} s: {sum(map(len, many.values())) / took2:.1f} requests/s")
    for row in summary(many, took2, width=14):
        print("  " + row)
    for line in (errors1 + errors2)[:10]:
        print("error:", line)
    from latency import percentile

    p95 = percentile([v * 1000 for v in single["document"]], 0.95)
    print(f"document page p95, one client: {p95:.1f} ms (bar {DOCUMENT_BAR_MS:.0f} ms): "
          + ("ok" if p95 < DOCUMENT_BAR_MS else "OVER"))
    return not (errors1 or errors2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-url", help="a running PostgreSQL server (else a throw-away one is started)")
    args = parser.parse_args()

    ok = True
    with ExitStack() as stack:
        for backend in args.backends.split(","):
            work = Path(tempfile.mkdtemp(prefix=f"thongsuot-load-{backend}-"))
            if backend == "sqlite":
                url = fresh_url("sqlite", None, "load", work)
            else:
                pg = args.pg_url or stack.enter_context(temp_postgres())
                url = fresh_url("postgresql", pg, "load", work)
            ok = bench_backend(backend, url, work, args) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
