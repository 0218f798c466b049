"""The repository itself: nothing in a tracked file points at one developer's machine.

A hard-coded path like /work/shared/... or /home/someone/... works on the
machine that wrote it and silently tests nothing (or fails) everywhere else.
Shared files are found through THONGSUOT_SHARED or ../shared (tests/shared_files.py).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from shared_files import REPO

# Home folders and the workspace roots of the machines this project was built on.
MACHINE_PATH = re.compile(
    r"(?<![\w.~-])(?:/work/|/home/[a-z_][\w-]*/|/Users/[\w.-]+/|/root/|/mnt/[a-z]/|[A-Za-z]:\\Users\\)"
)


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    return [REPO / name for name in out.decode().split("\0") if name]


def machine_paths(text: str) -> list[str]:
    return [m.group(0) for m in MACHINE_PATH.finditer(text)]


def test_the_pattern_finds_machine_paths_and_spares_urls() -> None:
    assert machine_paths('SEEDS = Path("/work/shared/corpus/seeds")') == ["/work/"]
    assert machine_paths("open('/home/dev/shared/x.txt')") == ["/home/dev/"]
    assert machine_paths(r"C:\Users\an\corpus") == ["C:\\Users\\"]
    assert machine_paths("https://example.org/work/plan and ../shared/corpus") == []


def test_no_tracked_file_names_a_machine_path() -> None:
    files = tracked_files()
    assert len(files) > 100, "git ls-files found too few files"
    hits = []
    for path in files:
        if path == Path(__file__) or not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        for line_no, line in enumerate(text.splitlines(), 1):
            if machine_paths(line):
                hits.append(f"{path.relative_to(REPO)}:{line_no}: {line.strip()[:120]}")
    assert not hits, "absolute machine paths in tracked files:\n" + "\n".join(hits)
