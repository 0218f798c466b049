"""The bar: the four seeds scored against their gold files by the shared scorer."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from thongsuot.parsing import parse_text
from thongsuot.rendering.document_json import document_to_contract

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("THONGSUOT_SHARED", REPO.parent / "shared"))


def test_seeds_score_above_the_bar(tmp_path: Path) -> None:
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    assert len(seeds) >= 4, f"seeds not found under {SHARED}"
    for seed in seeds:
        doc = parse_text(seed.read_text(encoding="utf-8"), name=seed.name)
        (tmp_path / f"{seed.stem}.json").write_text(json.dumps(document_to_contract(doc), ensure_ascii=False))
    run = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_parse.py"),
            str(SHARED / "corpus" / "gold"),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    means = dict(re.findall(r"^mean (\w+) = ([\d.]+)$", run.stdout, re.M))
    overall = float(re.search(r"overall F1 = ([\d.]+)", run.stdout).group(1))  # type: ignore[union-attr]
    assert overall >= 0.97, run.stdout
    assert float(means["references"]) >= 0.98, run.stdout
    for field in ("kind", "symbol", "date", "issuer", "title", "sections", "units", "recipients", "signer"):
        assert float(means[field]) == 1.0, f"{field}: {run.stdout}"
