"""Load test: N concurrent clients for T seconds over the search, document and graph pages.

    .venv/bin/python bench/load.py [--clients 100] [--seconds 30] [--workers 1] [--db URL]

Starts `uvicorn thongsuot.web.app:create_app --factory` in a subprocess on a
free loopback port over a temp data dir loaded with the samples (`thongsuot
demo`, public library on so the clients need no login), then runs asyncio +
httpx clients that cycle through the three page kinds. Prints requests/s,
errors, and p50/p95 latency per page kind. Any error makes the exit code 1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["nghi quyet 28", "tuyen truyen", "xay dung dang", "hoa binh", "ke hoach 70", "bao chi", "chi bo",
           "70-KH/TU", "can bo dang vien", "mang xa hoi"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def client(base: str, doc_ids: list[int], stop_at: float, stats: dict[str, list[float]], errors: list[str],
                 seed: int) -> None:
    rng = random.Random(seed)
    kinds = ["search", "document", "graph"]
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        i = seed
        while time.monotonic() < stop_at:
            kind = kinds[i % 3]
            i += 1
            doc = rng.choice(doc_ids)
            url = {"search": f"/?q={rng.choice(QUERIES)}", "document": f"/documents/{doc}",
                   "graph": f"/graph?ref={doc}&up=2&down=2"}[kind]
            start = time.perf_counter()
            try:
                response = await http.get(url)
                if response.status_code != 200:
                    errors.append(f"{kind} {url}: HTTP {response.status_code}")
                    continue
            except httpx.HTTPError as exc:
                errors.append(f"{kind} {url}: {type(exc).__name__}")
                continue
            stats[kind].append(time.perf_counter() - start)


async def run_clients(base: str, doc_ids: list[int], clients: int, seconds: float) -> tuple[dict[str, list[float]], list[str], float]:
    stats: dict[str, list[float]] = {"search": [], "document": [], "graph": []}
    errors: list[str] = []
    start = time.monotonic()
    await asyncio.gather(*(client(base, doc_ids, start + seconds, stats, errors, n) for n in range(clients)))
    return stats, errors, time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--db", help="database URL (default: a SQLite file in a temp dir)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="thongsuot-load-"))
    env = {**os.environ, "THONGSUOT_DATA": str(tmp), "THONGSUOT_PUBLIC_LIBRARY": "1"}
    if args.db:
        env["THONGSUOT_DATABASE_URL"] = args.db
    subprocess.run([sys.executable, "-m", "thongsuot", "demo", "--samples", str(ROOT / "samples")],
                   env=env, check=True, capture_output=True, cwd=ROOT)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "thongsuot.web.app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(args.workers), "--log-level", "warning", "--backlog", "2048"],
        env=env, cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/v1/documents", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        listing = httpx.get(f"{base}/api/v1/documents", timeout=10).json()
        doc_ids = [r["id"] for r in listing["results"]]
        stats, errors, elapsed = asyncio.run(run_clients(base, doc_ids, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=15)

    total = sum(len(v) for v in stats.values())
    print(f"{args.clients} clients, {elapsed:.1f} s, {args.workers} worker(s), {len(doc_ids)} documents")
    print(f"requests/s: {total / elapsed:.1f}   ok: {total}   errors: {len(errors)}")
    print(f"{'page':<10}{'count':>8}{'p50 ms':>10}{'p95 ms':>10}{'mean ms':>10}")
    for kind, values in stats.items():
        ms = [v * 1000 for v in values]
        mean = statistics.fmean(ms) if ms else float("nan")
        print(f"{kind:<10}{len(ms):>8}{percentile(ms, 0.5):>10.1f}{percentile(ms, 0.95):>10.1f}{mean:>10.1f}")
    for line in errors[:10]:
        print("error:", line)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
