"""Benchmark of the library: store rate, full-ingest rate, search and graph latency.

Builds a synthetic library from real sections of the samples, recombined under
new numbers, dates and issuers, with implementation chains four levels deep
(central -> province -> district -> commune), and prints:

- store documents/s (ParsedDocuments written through the storage API),
- full ingest documents/s (files parsed on all cores + stored) on a smaller set,
- search p50/p95 latency and graph (lineage) p50/p95 latency.

    .venv/bin/python bench/library.py                       # 2,000 docs, SQLite + PostgreSQL
    .venv/bin/python bench/library.py --sizes 10000,100000 --backends sqlite
    .venv/bin/python bench/library.py --pg-url postgresql://...   # use a running server

Without --pg-url a throw-away PostgreSQL server is started (initdb in a temp
folder, loopback port; as root it runs as the `postgres` user).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import glob
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from thongsuot.cascade.ingest import ingest
from thongsuot.domain.document import Citation, Header, ParsedDocument, Relation, Span
from thongsuot.parsing import parse_file
from thongsuot.storage import Library, open_library

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
LEVELS = [("TW", "Ban Chấp hành Trung ương"), ("TU", "Ban Thường vụ Tỉnh ủy"),
          ("HU", "Ban Thường vụ Huyện ủy"), ("ĐU", "Ban Thường vụ Đảng ủy")]
QUERIES = ["nghi quyet 28", "xây dựng Đảng", "hoa binh", "tuyên truyền trên mạng xã hội", "28-NQ/TW",
           "búa liềm vàng", "chinh tri", "ke hoach thuc hien"]


def _chunks() -> list[str]:
    out: list[str] = []
    for p in SAMPLES:
        out += [c.strip() for c in p.read_text(encoding="utf-8").split("\n\n") if len(c.strip()) > 80]
    return out


class Synth:
    """Synthetic documents: level = i % 4; each implements a document of the level above."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.chunks = _chunks()
        self.bases = [parse_file(p) for p in SAMPLES]

    def symbol(self, i: int) -> tuple[str, str, str, int]:
        level = i % 4
        code = LEVELS[level][0] if level == 0 else f"{LEVELS[level][0]}{(i // 4) % 50}"
        year = 2015 + (i // 4) % 10
        return f"{i // 4 + 1}-KH/{code}", code, LEVELS[level][1], year

    def text(self, i: int) -> str:
        sym, _, issuer, year = self.symbol(i)
        parts = self.rng.sample(self.chunks, 12)
        return f"{issuer.upper()}\nSố: {sym}\nngày 1 tháng 3 năm {year}\nKẾ HOẠCH\n" + "\n\n".join(parts)

    def doc(self, i: int) -> ParsedDocument:
        sym, code, issuer, year = self.symbol(i)
        base = self.bases[i % len(self.bases)]
        cites = list(base.citations[:15])
        if i % 4:
            psym, _, pissuer, pyear = self.symbol(i - 1)
            n, s = psym.split("-", 1)
            cites.insert(0, Citation("Kế hoạch", n, s, dt.date(pyear, 3, 1), pissuer, Relation.IMPLEMENTS, Span(0, 1),
                                     f"Kế hoạch số {psym}"))
        header = Header(kind="KẾ HOẠCH", symbol=sym, number=sym.split("-")[0], type_code="KH", issuer_code=code,
                        date=dt.date(year, 3, 1), issuer=issuer, title=f"Tuyên truyền năm {year} số {i}")
        return dataclasses.replace(base, text=self.text(i), header=header, citations=tuple(cites), links=(),
                                   source=None)


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] * 1000


@contextmanager
def temp_postgres() -> Iterator[str]:
    cands = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name.split(".")[0]))
    out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
    bindir = Path(out) if out and (Path(out) / "initdb").exists() else Path(cands[-1])
    root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_pg:
        import pwd

        pw = pwd.getpwnam("postgres")
        os.chown(root, pw.pw_uid, pw.pw_gid)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = root / "data"
    subprocess.run([*as_pg, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True)
    opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c synchronous_commit=off"
    subprocess.run([*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def fresh_url(backend: str, pg_base: str | None, tag: str, work: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{work / f'{tag}.sqlite3'}"
    assert pg_base is not None
    import psycopg

    plain = pg_base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{tag}"')
        conn.execute(f'CREATE DATABASE "{tag}"')
    return pg_base.rsplit("/", 1)[0] + f"/{tag}"


def bench_size(lib: Library, synth: Synth, size: int, backend: str) -> None:
    t0 = time.perf_counter()
    for i in range(size):
        lib.store(synth.doc(i), f"bench-{i}".encode(), file_name=f"bench-{i}.txt")
        if (i + 1) % 5000 == 0:
            print(f"  ... {i + 1} stored ({(i + 1) / (time.perf_counter() - t0):.0f}/s)", flush=True)
    store_rate = size / (time.perf_counter() - t0)
    lat: list[float] = []
    for _ in range(5):
        for q in QUERIES:
            t = time.perf_counter()
            lib.search(q, limit=20)
            lat.append(time.perf_counter() - t)
    glat: list[float] = []
    rng = random.Random(1)
    for _ in range(40):
        i = rng.randrange(size)
        sym, _, _, year = synth.symbol(i)
        t = time.perf_counter()
        lib.graph(f"{sym}@{year}", direction="both", depth=4)
        glat.append(time.perf_counter() - t)
    print(f"{backend:10} {size:>8} docs  store {store_rate:7.1f} docs/s   search p50 {_pct(lat, 50):7.1f} ms  "
          f"p95 {_pct(lat, 95):7.1f} ms   graph p50 {_pct(glat, 50):6.1f} ms  p95 {_pct(glat, 95):6.1f} ms",
          flush=True)


def bench_ingest(url: str, synth: Synth, n: int, backend: str, work: Path) -> None:
    folder = work / f"files-{backend}"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"f{i:05d}.txt").write_text(synth.text(i), encoding="utf-8")
    lib = open_library(url)
    t0 = time.perf_counter()
    report = ingest(lib, [folder])
    rate = n / (time.perf_counter() - t0)
    lib.close()
    print(f"{backend:10} full ingest of {n} files (parse on {os.cpu_count()} cores + store): {rate:.1f} docs/s "
          f"{report.counts}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2000", help="comma-separated library sizes (e.g. 10000,100000)")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--ingest-files", type=int, default=200, help="files for the full-ingest measure (0: skip)")
    ap.add_argument("--pg-url", default=None, help="a running PostgreSQL server (databases are created on it)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    backends = [b for b in args.backends.split(",") if b]
    synth = Synth()
    work = Path(tempfile.mkdtemp(prefix="bench-lib-"))
    try:
        for backend in backends:
            ctx = temp_postgres() if backend == "postgresql" and not args.pg_url else None
            pg_base = args.pg_url if backend == "postgresql" and args.pg_url else None
            if ctx is not None:
                pg_base = ctx.__enter__()
            try:
                for size in sizes:
                    lib = open_library(fresh_url(backend, pg_base, f"bench_{size}", work))
                    bench_size(lib, synth, size, backend)
                    lib.close()
                if args.ingest_files:
                    bench_ingest(fresh_url(backend, pg_base, "bench_ingest", work), synth, args.ingest_files,
                                 backend, work)
            finally:
                if ctx is not None:
                    ctx.__exit__(None, None, None)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
