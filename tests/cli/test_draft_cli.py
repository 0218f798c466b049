"""`thongsuot derive` and `thongsuot export` run as a user runs them (a real process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from docx import Document

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = ROOT / "samples" / "000_cb2ba15afe6d27db.txt"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = "from thongsuot.cli.main import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_derive_to_docx_and_json_then_export(tmp_path: Path) -> None:
    out = _run("derive", str(SEED_000), "--unit", "Đảng ủy xã Tân Hòa", "--type", "KH", "--date", "2025-09-15",
               "--signer", "Nguyễn Văn An", "--out", "plan.json", cwd=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Cần quyết định: Hội Văn học nghệ thuật tỉnh" in out.stderr
    data = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert data["header"]["issuer"] == "Ban Thường vụ Đảng ủy xã"
    exported = _run("export", "plan.json", "--format", "docx", "--out", "plan.docx", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    texts = [p.text for p in Document(str(tmp_path / "plan.docx")).paragraphs]
    assert "KẾ HOẠCH" in texts
    md = _run("export", "plan.json", "--format", "md", cwd=tmp_path)
    assert md.returncode == 0 and "### I. MỤC ĐÍCH, YÊU CẦU" in md.stdout


def test_derive_a_guidance_for_a_district_in_2023(tmp_path: Path) -> None:
    out = _run("derive", str(SEED_000), "--unit", "Huyện ủy Châu Thành", "--type", "HD", "--date", "15/09/2023",
               cwd=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "**BAN TUYÊN GIÁO**" in out.stdout
    assert "Ban Tuyên giáo Huyện ủy hướng dẫn thực hiện như sau:" in out.stdout


def test_errors_are_one_line(tmp_path: Path) -> None:
    bad_unit = _run("derive", str(SEED_000), "--unit", "Ban ABC", cwd=tmp_path)
    assert bad_unit.returncode == 1
    assert bad_unit.stderr.startswith("thongsuot: ") and "Traceback" not in bad_unit.stderr
    missing = _run("export", "khong-co.json", cwd=tmp_path)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    bad_date = _run("derive", str(SEED_000), "--unit", "Đảng ủy xã A", "--date", "31/02/2025", cwd=tmp_path)
    assert bad_date.returncode == 1 and "Ngày không hợp lệ" in bad_date.stderr


def test_derive_from_the_library_save_and_export_by_id(tmp_path: Path, sqlite_url: str) -> None:
    from thongsuot.parsing import parse_bytes
    from thongsuot.storage import open_library

    data = SEED_000.read_bytes()
    lib = open_library(sqlite_url)
    try:
        lib.store(parse_bytes(data, SEED_000.name), data, file_name=SEED_000.name)
    finally:
        lib.close()
    out = _run("derive", "75-HD/BTGTU", "--db", sqlite_url, "--unit", "Đảng ủy xã Tân Hòa", "--date", "2025-09-15",
               "--save", cwd=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Đã lưu dự thảo số 1" in out.stderr
    exported = _run("export", "1", "--db", sqlite_url, "--format", "md", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert "Thực hiện Kế hoạch số 70-KH/TU" in exported.stdout
