"""Round trip: derive -> DOCX -> `thongsuot parse` gives back the plan's own fields.

For a plan derived from each sample document, in the Party and the State
format, the "gold" JSON is built from the Plan itself and the shared scorer
(score_parse.py) must give overall F1 = 1.0 on what the parser reads back.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from thongsuot.cascade.derive import derive, target_from_name
from thongsuot.domain.plan import Layout, PlanKind
from thongsuot.parsing import parse_file
from thongsuot.rendering.document_json import document_to_contract
from thongsuot.rendering.plan_docx import render_docx
from thongsuot.rendering.plan_json import expected_parse

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("THONGSUOT_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "tools" / "score_parse.py"

# sample -> (unit of the level below, date): a commune after 2025, communes before it, a province
TARGETS = {
    "000_cb2ba15afe6d27db": ("xã Tân Hòa", dt.date(2025, 9, 15)),
    "001_f4e8c3708913dc0e": ("xã Hiệp An", dt.date(2022, 7, 1)),
    "002_a97d896f1598f293": ("xã Hàm Chính", dt.date(2023, 8, 1)),
    "003_f419a87c4d8ad39d": ("tỉnh Sóc Trăng", dt.date(2019, 5, 15)),
}
BODY = {
    Layout.PARTY: {"xã": "Đảng ủy", "tỉnh": "Tỉnh ủy"},
    Layout.STATE: {"xã": "Ủy ban nhân dân", "tỉnh": "Ủy ban nhân dân"},
}


def _unit(place: str, layout: Layout) -> str:
    word, name = place.split(" ", 1)
    body = BODY[layout][word]
    return f"{body} {name}" if body.endswith("ủy") and word == "tỉnh" else f"{body} {place}"


@pytest.mark.parametrize("layout", [Layout.PARTY, Layout.STATE])
def test_export_parses_back_to_the_plan(layout: Layout, tmp_path: Path) -> None:
    assert SCORER.is_file(), f"the shared scorer is needed: {SCORER}"
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    for stem, (place, on) in TARGETS.items():
        parent = parse_file(ROOT / "samples" / f"{stem}.txt")
        target = target_from_name(_unit(place, layout), on)
        plan = derive(parent, target, PlanKind.PLAN, number="12", signer="Nguyễn Văn An")
        assert plan.header.layout is layout
        docx = tmp_path / f"{stem}.docx"
        docx.write_bytes(render_docx(plan))
        expected = expected_parse(plan)
        assert expected["units"] and expected["recipients"] and expected["references"]
        (gold / f"{stem}.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
        back = document_to_contract(parse_file(docx))
        (pred / f"{stem}.json").write_text(json.dumps(back, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred)], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip().splitlines()[-1] == "overall F1 = 1.000", run.stdout
