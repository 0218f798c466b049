"""Pages of a derived plan's DOCX, as LibreOffice lays it out (issue 11, item 5).

A commune plan drafted from the provincial guidance 75-HD/BTGTU (seed 000) is exported with the parent's
attached outline re-issued and with the outline only referred to; each DOCX is converted to PDF by
LibreOffice headless and its pages counted with pdfinfo. Prints one line per variant.

    .venv/bin/python bench/plan_pages.py
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import tempfile
from pathlib import Path

from thongsuot.cascade.derive import derive, target_from_name
from thongsuot.parsing import parse_file
from thongsuot.rendering.plan_docx import render_docx

ROOT = Path(__file__).resolve().parents[1]


def pages(docx: bytes, work: Path, name: str) -> int:
    path = work / f"{name}.docx"
    path.write_bytes(docx)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(path)],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    info = subprocess.run(["pdfinfo", str(work / f"{name}.pdf")], check=True, capture_output=True, text=True)
    found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    return int(found.group(1)) if found else -1


def main() -> None:
    parent = parse_file(ROOT / "samples" / "000_cb2ba15afe6d27db.txt")
    target = target_from_name("Đảng ủy xã Tân Hòa", dt.date(2025, 9, 15), parent_name="Sóc Trăng")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, include in (("outline re-issued (before)", True), ("outline referred to (after)", False)):
            plan = derive(parent, target, include_outline=include, number="12", signer="Nguyễn Văn An")
            print(f"{name}: {pages(render_docx(plan), work, 'plan-' + str(include))} pages")


if __name__ == "__main__":
    main()
