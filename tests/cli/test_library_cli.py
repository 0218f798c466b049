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


def test_ingest_tracks_plans_of_our_units_only(tmp_path: Path, db_url: str) -> None:
    plan = (
        "ĐẢNG BỘ TỈNH AN BÌNH                 ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY\n*\n"
        "Số 31-KH/TU                          An Bình, ngày 2 tháng 2 năm 2026\n\n"
        "KẾ HOẠCH\ntuyên truyền Đại hội Đảng bộ tỉnh\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n- Tạo sự thống nhất.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Văn hóa, Thể thao và Du lịch\n- Tổ chức cổ động trực quan.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrần Văn C\n"
    )
    (tmp_path / "kh-31.txt").write_text(plan, encoding="utf-8")
    assert runner.invoke(app, ["db", "upgrade", "--db", db_url]).exit_code == 0
    res = runner.invoke(app, ["org", "demo", "--db", db_url])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["ingest", str(tmp_path), str(SAMPLES), "--db", db_url, "--workers", "1"])
    assert res.exit_code == 0, res.output
    tracked = [line for line in res.output.splitlines() if line.startswith("Theo dõi:")]
    assert len(tracked) == 1 and "kh-31.txt" in tracked[0] and "1 nhiệm vụ" in tracked[0]  # the samples are not ours
    res = runner.invoke(app, ["ingest", str(tmp_path), "--db", db_url, "--no-track"])
    assert "Theo dõi:" not in res.output
