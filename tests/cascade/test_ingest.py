"""Ingest of the four samples on SQLite and PostgreSQL: idempotent, order-free, crash-safe."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from thongsuot.cascade.ingest import collect_files, ingest
from thongsuot.storage import open_library
from thongsuot.storage.db import resolve_url
from thongsuot.storage.tables import blobs, citations, directives, document_versions, documents

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _graph_signature(lib, refs):  # type: ignore[no-untyped-def]
    out = {}
    for ref in refs:
        g = lib.graph(ref, direction="both", mentions=True)
        names = {n.id: (n.symbol, n.year, n.title, n.in_library) for n in g.nodes}
        out[ref] = (
            sorted(names.values(), key=str),
            sorted(((names[e.source], names[e.target], e.relation) for e in g.edges), key=str),
        )
    return out


def test_ingest_samples_then_again_changes_nothing(db_url: str) -> None:
    lib = open_library(db_url)
    first = ingest(lib, [SAMPLES], workers=2)
    assert first.counts["stored"] == 4 and first.counts["failed"] == 0
    before = _graph_signature(lib, ["70-KH/TU", "28-NQ/TW"])
    again = ingest(lib, [SAMPLES], workers=2)
    assert again.counts == {"stored": 0, "duplicate": 4, "new_version": 0, "failed": 0}
    assert lib.count() == 4
    assert _graph_signature(lib, ["70-KH/TU", "28-NQ/TW"]) == before
    lib.close()


def test_ingest_order_does_not_change_the_graph(make_db_url) -> None:  # type: ignore[no-untyped-def]
    files = collect_files([SAMPLES])
    refs = ["70-KH/TU", "58-CTr/TU", "132-KH/HU", "28-NQ/TW", "18-NQ/TW@2017", "35-NQ/TW"]
    sigs = []
    for backend in ("sqlite", "postgresql"):
        for order in (files, list(reversed(files)), files[2:] + files[:2]):
            lib = open_library(make_db_url(backend))
            for f in order:
                ingest(lib, [f], workers=1)
            sigs.append(_graph_signature(lib, refs))
            lib.close()
    assert all(s == sigs[0] for s in sigs)


def test_failed_files_are_reported_with_their_reason(db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"this is not a zip file")
    good = tmp_path / "ok.txt"
    shutil.copy(next(SAMPLES.glob("000_*.txt")), good)
    lib = open_library(db_url)
    report = ingest(lib, [tmp_path], workers=1)
    assert report.counts["stored"] == 1 and report.counts["failed"] == 1
    assert report.failures[0].path.endswith("hong.docx") and report.failures[0].message
    lib.close()


def _consistency(url: str) -> dict[str, int]:
    engine = create_engine(resolve_url(url))
    with engine.connect() as c:
        counts = {
            "documents": c.scalar(select(func.count()).select_from(documents)) or 0,
            "versions": c.scalar(select(func.count()).select_from(document_versions)) or 0,
        }
        # every document's current bytes and every version's bytes are stored
        assert c.scalar(
            select(func.count()).select_from(documents).where(~documents.c.sha256.in_(select(blobs.c.sha256)))
        ) == 0
        assert c.scalar(
            select(func.count()).select_from(documents).where(~documents.c.id.in_(select(document_versions.c.document_id)))
        ) == 0
        # every edge ends on nodes; every document that is a node's document exists
        assert c.scalar(
            select(func.count()).select_from(citations).where(
                citations.c.source_id.is_(None) | citations.c.target_id.is_(None)
            )
        ) == 0
        assert c.scalar(select(func.count()).select_from(directives).where(
            directives.c.document_id.is_not(None), ~directives.c.document_id.in_(select(documents.c.id))
        )) == 0
        if engine.dialect.name == "sqlite":
            fts = c.scalar(text("SELECT count(*) FROM documents_fts"))
            assert fts == counts["documents"]
    engine.dispose()
    return counts


def test_killed_ingest_leaves_a_consistent_database_and_a_rerun_completes(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(SAMPLES.glob("*.txt"))
    n = 120
    for i in range(n):
        src = seeds[i % len(seeds)]
        (folder / f"{i:03d}_{src.name}").write_bytes(src.read_bytes() + f"\n\nBản sao {i}\n".encode())
    cmd = [sys.executable, "-m", "thongsuot", "ingest", str(folder), "--db", db_url, "--workers", "1"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if _consistency(db_url)["versions"] >= 5:
                    break
            except Exception:  # schema not created yet by the child
                pass
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    mid = _consistency(db_url)
    assert mid["versions"] < n  # it really was interrupted
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    final = _consistency(db_url)
    assert final["versions"] == n
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert rerun.returncode == 0
    assert _consistency(db_url) == final
