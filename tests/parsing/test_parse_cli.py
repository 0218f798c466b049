import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from parse_docs import LETTER, STATE_PLAN

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "thongsuot", "parse", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_json_lines_in_order_and_one_line_per_failure(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(STATE_PLAN, encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text(LETTER, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    run = _run(str(a), str(missing), str(b))
    assert run.returncode == 1
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["symbol"] for r in rows] == ["0124/KH-UBND", "215-CV/HU"]
    err = run.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"thongsuot: {missing}: ")
    assert "Traceback" not in run.stderr


def test_markdown_outline(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(STATE_PLAN, encoding="utf-8")
    run = _run("--format", "md", str(a))
    assert run.returncode == 0
    assert run.stdout.startswith("# KẾ HOẠCH 0124/KH-UBND")
