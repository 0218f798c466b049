"""The library commands end to end (Typer runner, real databases)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from thongsuot.cli.main import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
runner = CliRunner()


def test_ingest_search_graph_show(db_url: str) -> None:
    res = runner.invoke(app, ["db", "upgrade", "--db", db_url])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["ingest", str(SAMPLES), "--db", db_url, "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "4" in res.output
    res = runner.invoke(app, ["search", "nghi quyet 28", "--json", "--db", db_url])
    assert res.exit_code == 0, res.output
    hits = json.loads(res.output)
    assert hits and {"id", "symbol", "kind", "title", "date", "issuer", "score", "snippet"} <= set(hits[0])
    res = runner.invoke(app, ["graph", "70-KH/TU", "--down", "--format", "json", "--db", db_url])
    assert res.exit_code == 0, res.output
    graph = json.loads(res.output)
    assert any(n["in_library"] for n in graph["nodes"]) and graph["edges"]
    for fmt in ("table", "dot", "graphml"):
        res = runner.invoke(app, ["graph", "58-CTr/TU", "--down", "--format", fmt, "--db", db_url])
        assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["show", "70-KH/TU", "--json", "--db", db_url])
    assert res.exit_code == 0, res.output
    shown = json.loads(res.output)
    assert shown["implemented_by"] and shown["document"] is None  # 70-KH/TU is cited, not in the library


def test_unknown_ref_is_an_error_not_a_traceback(sqlite_url: str) -> None:
    res = runner.invoke(app, ["graph", "999-KH/XYZ", "--db", sqlite_url])
    assert res.exit_code != 0
    assert isinstance(res.exception, Exception) and "Traceback" not in res.output
