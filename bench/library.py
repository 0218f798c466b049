"""Benchmark of the library: store rate, full-ingest rate, search, graph and listing latency.

Builds a synthetic library from real sections of the samples, recombined under
new numbers, dates and issuers, with implementation chains four levels deep
(central -> province -> district -> commune), grows it to each size in turn
(10,000 then 100,000 by default) and prints one row per (backend, size):

- store docs/s: `Library.store` (one transaction per document, as ingest
  does) of --store-docs new documents into the library at that size. The
  bulk of the library is filled with the same `store_document`, 100 per
  transaction, so 100,000 documents are in reach on a two-core machine;
- ingest docs/s: full ingest (`cascade.ingest`: read, parse on every core,
  store) of --ingest-files new files into the library at that size (after
  the reads are timed). Parsing 100,000 files would take hours on two cores,
  so the full ingest is measured on this sample;
- search p50/p95: the library page with a query (`search`, a page of 20 with
  snippets, plus `search_count`), over a mix of word, phrase and symbol
  queries; p95cap: the same with the total capped at 1,000;
- graph p50/p95: lineage of a random document, both directions, depth 4;
- list p95: the library page without a query, with a level filter (a page
  of 20 newest first plus the total).

    .venv/bin/python bench/library.py                              # 10,000 and 100,000, SQLite + PostgreSQL
    .venv/bin/python bench/library.py --sizes 2000 --backends sqlite
    .venv/bin/python bench/library.py --pg-url postgresql://...    # use a running server

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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select

from thongsuot.cascade.ingest import ingest
from thongsuot.domain.document import Citation, Header, ParsedDocument, Relation, Span
from thongsuot.parsing import parse_file
from thongsuot.storage import Library, open_library
from thongsuot.storage.documents import store_document
from thongsuot.storage.tables import documents

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


def fresh_url(backend: str, pg_base: str | None, tag: str, work: Path, *, keep: bool = False) -> str:
    """A new empty database (or, with `keep`, the one left by the last run)."""
    if backend == "sqlite":
        return f"sqlite:///{work / f'{tag}.sqlite3'}"
    assert pg_base is not None
    import psycopg

    plain = pg_base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (tag,)).fetchone()
        if not (keep and exists):
            conn.execute(f'DROP DATABASE IF EXISTS "{tag}"')
            conn.execute(f'CREATE DATABASE "{tag}"')
    return pg_base.rsplit("/", 1)[0] + f"/{tag}"


HEADER = (f"{'backend':<11}{'size':>8}{'store/s':>9}{'ingest/s':>10}{'search p50':>11}{'p95':>8}{'p95cap':>8}"
          f"{'graph p50':>10}{'p95':>8}{'list p95':>9}")


def _timed(times: list[float], fn: Callable[..., object], *args: object) -> None:
    t = time.perf_counter()
    fn(*args)
    times.append(time.perf_counter() - t)


def search_page(lib: Library, query: str) -> None:
    """What the library page does for a query: a page of 20 hits with snippets and the total."""
    lib.search(query, limit=20)
    lib.search_count(query)


def search_page_capped(lib: Library, query: str) -> None:
    """The same page if it showed "more than 1,000" instead of the exact total."""
    lib.search(query, limit=20)
    lib.search_count(query, cap=1000)


def measure_reads(lib: Library, synth: Synth, size: int, reps: int = 5) -> dict[str, list[float]]:
    """Latencies (s) of the library page with a query, the lineage graph and the filtered listing."""
    out: dict[str, list[float]] = {"search": [], "capped": [], "graph": [], "listing": []}
    for q in QUERIES:  # warm-up: the first reads after a bulk load are not what users see
        search_page(lib, q)
    for _ in range(reps):
        for q in QUERIES:
            _timed(out["search"], search_page, lib, q)
            _timed(out["capped"], search_page_capped, lib, q)
    rng = random.Random(1)
    for _ in range(8 * reps):
        sym, _, _, year = synth.symbol(rng.randrange(size))
        _timed(out["graph"], lambda ref: lib.graph(ref, direction="both", depth=4), f"{sym}@{year}")
    for _ in range(reps):
        for level in ("central", "province", "district", "commune"):
            _timed(out["listing"], lambda lv: lib.list_documents(level=lv, limit=20, sort="date"), level)
    return out


def fill(lib: Library, synth: Synth, start: int, stop: int, batch: int = 100) -> None:
    """Grow the library with synthetic documents start..stop-1, `batch` per transaction.

    The same `store_document` as `Library.store`, only sharing transactions, so
    that 100,000 documents are in reach on a small machine; the store rate is
    measured separately, one transaction per document (`measure_store`).
    """
    t0 = time.perf_counter()
    for b in range(start, stop, batch):
        with lib.work.write() as session:
            for i in range(b, min(stop, b + batch)):
                store_document(session, synth.doc(i), f"bench-{i}".encode(), file_name=f"bench-{i}.txt")
        if (b + batch) % 10000 < batch:
            rate = (min(stop, b + batch) - start) / (time.perf_counter() - t0)
            print(f"  ... {min(stop, b + batch)} filled ({rate:.0f}/s in batches)", file=sys.stderr, flush=True)
    lib.refresh_statistics()  # what ingest does after a bulk load


STORE_BASE = 20_000_000  # synthetic numbers of the documents stored one by one


def measure_store(lib: Library, synth: Synth, n: int, first: int) -> float:
    """`Library.store` (one transaction each) of `n` new documents into the library as it is; docs/s."""
    docs = [synth.doc(first + k) for k in range(n)]
    t0 = time.perf_counter()
    for k, doc in enumerate(docs):
        lib.store(doc, f"store-{first + k}".encode(), file_name=f"store-{first + k}.txt")
    return n / max(time.perf_counter() - t0, 1e-9)


INGEST_BASE = 10_000_000  # synthetic numbers of ingested files: never those of the filled library


def bench_ingest(lib: Library, synth: Synth, n: int, first: int, work: Path) -> tuple[float, dict[str, int]]:
    """Full ingest (read, parse on every core, store) of `n` new files into the library as it is."""
    folder = Path(tempfile.mkdtemp(prefix="files-", dir=work))
    for k in range(n):
        (folder / f"ingest-{first + k}.txt").write_text(synth.text(first + k), encoding="utf-8")
    t0 = time.perf_counter()
    report = ingest(lib, [folder])
    rate = n / (time.perf_counter() - t0)
    shutil.rmtree(folder, ignore_errors=True)
    return rate, report.counts


def _count_files(lib: Library, prefix: str) -> int:
    with lib.work.read() as s:
        q = select(func.count()).select_from(documents).where(documents.c.file_name.like(f"{prefix}-%"))
        return int(s.scalar(q) or 0)


def bench_backend(
    url: str, synth: Synth, sizes: list[int], backend: str, store_docs: int, ingest_files: int, work: Path
) -> None:
    """Grow one library through `sizes`; one row per size (a kept library is grown from where it is)."""
    lib = open_library(url)
    filled, stored = _count_files(lib, "bench"), _count_files(lib, "store")
    ingested = _count_files(lib, "ingest")
    try:
        for size in sorted(sizes):
            target = max(filled, size - stored - store_docs - ingested)
            if target > filled:
                fill(lib, synth, filled, target)
                filled = target
            store_rate = measure_store(lib, synth, store_docs, STORE_BASE + stored) if store_docs else float("nan")
            stored += store_docs
            reads = measure_reads(lib, synth, filled)
            docs = lib.count()
            ingest_rate, counts = float("nan"), dict[str, int]()
            if ingest_files:
                ingest_rate, counts = bench_ingest(lib, synth, ingest_files, INGEST_BASE + ingested, work)
                ingested += ingest_files
            print(f"{backend:<11}{docs:>8}{store_rate:>9.1f}{ingest_rate:>10.1f}"
                  f"{_pct(reads['search'], 50):>11.1f}{_pct(reads['search'], 95):>8.1f}"
                  f"{_pct(reads['capped'], 95):>8.1f}"
                  f"{_pct(reads['graph'], 50):>10.1f}{_pct(reads['graph'], 95):>8.1f}"
                  f"{_pct(reads['listing'], 95):>9.1f}", flush=True)
            if counts.get("failed") or counts.get("new_version"):
                print(f"  ingest outcomes: {counts}", flush=True)
    finally:
        lib.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated library sizes, grown in turn")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--store-docs", type=int, default=1000, help="documents for the store measure (0: skip)")
    ap.add_argument("--ingest-files", type=int, default=1000, help="files for the full-ingest measure (0: skip)")
    ap.add_argument("--pg-url", default=None, help="a running PostgreSQL server (databases are created on it)")
    ap.add_argument("--name", default="bench_library", help="database name / SQLite file stem of the library")
    ap.add_argument("--keep", default=None, metavar="DIR",
                    help="keep the libraries (SQLite file in DIR, PostgreSQL database --name) and grow them "
                         "from where they are on the next run (e.g. to measure reads again after a change)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    backends = [b for b in args.backends.split(",") if b]
    synth = Synth()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-lib-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"library benchmark, sizes {sizes}; {os.cpu_count()} cores. The library is grown with synthetic documents "
          f"(store_document, 100 per transaction); at each size: store/s = Library.store (one transaction per "
          f"document, as ingest does) of {args.store_docs} new documents; search = library page with a query "
          f"(page of 20 with snippets + exact total), p95cap = same with the total capped at 1,000; graph = lineage "
          f"both ways depth 4; list = page of 20 newest with a level filter + total; ingest/s = read + parse + store "
          f"of {args.ingest_files} new files, after the reads (size = documents when reads were timed). "
          f"Latencies in ms.", flush=True)
    print(HEADER, flush=True)
    try:
        for backend in backends:
            ctx = temp_postgres() if backend == "postgresql" and not args.pg_url else None
            pg_base = args.pg_url if backend == "postgresql" and args.pg_url else None
            if ctx is not None:
                pg_base = ctx.__enter__()
            try:
                url = fresh_url(backend, pg_base, args.name, work, keep=args.keep is not None)
                bench_backend(url, synth, sizes, backend, args.store_docs, args.ingest_files, work)
            finally:
                if ctx is not None:
                    ctx.__exit__(None, None, None)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
