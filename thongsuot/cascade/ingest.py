"""Ingest files and folders into the library: parse on every core, write in this process.

Each document is stored in its own transaction, so a crash or Ctrl-C leaves
no half document, and running the same command again skips what is already
stored (same SHA-256 -> duplicate, without parsing it again) and finishes the
rest. Files are read in the main process (to hash them), parsed in worker
processes (`ProcessPoolExecutor`), and written in input order as they return.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from thongsuot.domain.document import ParsedDocument
from thongsuot.errors import ThongSuotError
from thongsuot.parsing import parse_source, read_bytes
from thongsuot.parsing.read import SUPPORTED_EXTENSIONS
from thongsuot.storage import Library, StoreStatus

FAILED = "failed"
STATUSES = (StoreStatus.STORED.value, StoreStatus.DUPLICATE.value, StoreStatus.NEW_VERSION.value, FAILED)


@dataclass(frozen=True)
class IngestOutcome:
    path: str
    status: str  # stored | duplicate | new_version | failed
    document_id: int | None = None
    message: str | None = None  # why it failed (a ThongSuotError message)


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(o.status for o in self.outcomes)
        return {s: c.get(s, 0) for s in STATUSES}

    @property
    def failures(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == FAILED]


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named and every supported file under folders named (recursive, sorted, no repeats)."""
    out: dict[Path, None] = {}
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_EXTENSIONS and not f.name.startswith("."):
                    out.setdefault(f, None)
        else:
            out.setdefault(p, None)
    return list(out)


def parse_one(data: bytes, name: str) -> ParsedDocument | str:
    """Parse bytes; a user-facing error message instead of an exception (runs in workers)."""
    try:
        return parse_source(read_bytes(data, name))
    except ThongSuotError as exc:
        return exc.message
    except Exception as exc:  # a parser bug must not stop the batch
        return f"{name}: lỗi không mong đợi khi đọc ({type(exc).__name__}: {exc})"


def _read(path: Path) -> bytes | str:
    try:
        return path.read_bytes()
    except OSError as exc:
        return f"{path.name}: không đọc được tệp ({exc.strerror or exc})"


def ingest(
    library: Library,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    on_progress: Callable[[IngestOutcome, int, int], None] | None = None,
    owner_unit_id: str | None = None,
) -> IngestReport:
    """Store every file under `paths`; `on_progress(outcome, done, total)` after each file."""
    files = collect_files(paths)
    report = IngestReport()
    total = len(files)

    def record(outcome: IngestOutcome) -> None:
        report.outcomes.append(outcome)
        if on_progress is not None:
            on_progress(outcome, len(report.outcomes), total)

    todo: list[tuple[Path, bytes]] = []
    for path in files:
        data = _read(path)
        if isinstance(data, str):
            record(IngestOutcome(str(path), FAILED, None, data))
            continue
        known = library.has_sha256(hashlib.sha256(data).hexdigest())
        if known is not None:
            record(IngestOutcome(str(path), StoreStatus.DUPLICATE.value, known))
            continue
        todo.append((path, data))

    for path, data, parsed in _parse_all(todo, workers):
        if isinstance(parsed, str):
            record(IngestOutcome(str(path), FAILED, None, parsed))
            continue
        try:
            res = library.store(parsed, data, file_name=path.name, owner_unit_id=owner_unit_id)
        except ThongSuotError as exc:
            record(IngestOutcome(str(path), FAILED, None, exc.message))
            continue
        record(IngestOutcome(str(path), res.status.value, res.document_id))
    if any(o.status in (StoreStatus.STORED.value, StoreStatus.NEW_VERSION.value) for o in report.outcomes):
        library.refresh_statistics()  # the planner's picture of the library changed
    return report


def _parse_all(
    todo: list[tuple[Path, bytes]], workers: int | None
) -> Iterator[tuple[Path, bytes, ParsedDocument | str]]:
    """Parsed documents in input order; in worker processes when there are more than a few."""
    n = workers if workers is not None else (os.cpu_count() or 1)
    if n <= 1 or len(todo) <= 3:
        for path, data in todo:
            yield path, data, parse_one(data, path.name)
        return
    window = n * 4  # bounded look-ahead keeps memory flat on big folders
    with ProcessPoolExecutor(max_workers=n) as pool:
        pending: dict[int, Future[ParsedDocument | str]] = {}
        nxt = 0
        try:
            for i, (path, data) in enumerate(todo):
                while len(pending) >= window:
                    wait([pending[nxt]], return_when=FIRST_COMPLETED)
                    yield todo[nxt][0], todo[nxt][1], pending.pop(nxt).result()
                    nxt += 1
                pending[i] = pool.submit(parse_one, data, path.name)
            while pending:
                yield todo[nxt][0], todo[nxt][1], pending.pop(nxt).result()
                nxt += 1
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
