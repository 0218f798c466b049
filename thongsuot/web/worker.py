"""Heavy work off the event loop: uploads are read and parsed in a process pool, with per-page progress.

Why a process pool and not a job table with a separate worker process: the
app then needs no second program to deploy or supervise, a parse still runs
on another core (a thread would share the GIL with the loop), and a reader
that runs out of memory kills a pool process, not the server. The cost is
that jobs live in memory: a restart forgets unfinished uploads, which is
acceptable because nothing is stored until a file's parse succeeds (storing
is one transaction per file).

One pool per server process (spawned processes, `THONGSUOT_PARSE_WORKERS`,
default 1): each reader stays under the README's memory ceiling, so the pool
bounds the server's parse memory to workers x ceiling, and uploads queue
instead of piling up. Progress (`progress(done, total)` from the readers that
take it; pages = 1 for text formats) comes back through a queue drained by
one thread into `Jobs`.
"""

from __future__ import annotations

import asyncio
import atexit
import inspect
import itertools
import multiprocessing
import os
import threading
import time
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from thongsuot.domain.document import ParsedDocument

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_size = 0
_progress: Any = None  # multiprocessing queue: (job id, file index, done, total)
_worker_queue: Any = None  # the same queue, inside a pool process


@dataclass
class FileJob:
    name: str
    done: int = 0
    total: int = 1
    result: dict[str, Any] | None = None
    finished_at: float | None = None  # time.monotonic() when the result landed

    def finish(self, result: dict[str, Any]) -> None:
        self.done = self.total  # read to the end, whatever progress reports are still queued
        self.finished_at = time.monotonic()
        self.result = result

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.name, "pages_done": self.done, "pages_total": self.total, "result": self.result}


@dataclass
class Job:
    id: str
    user_id: int
    files: list[FileJob]
    created: float = field(default_factory=time.monotonic)

    @property
    def finished(self) -> bool:
        return all(f.result is not None for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "status": "done" if self.finished else "running",
                "files": [f.to_dict() for f in self.files],
                "results": [f.result for f in self.files] if self.finished else None}


class Jobs:
    """Recent upload jobs, newest last; at most `size` kept (oldest finished dropped first)."""

    def __init__(self, size: int = 500) -> None:
        self.size = size
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)

    def create(self, user_id: int, names: list[str]) -> Job:
        with self._lock:
            job = Job(f"{int(time.time())}-{next(self._ids)}", user_id, [FileJob(n) for n in names])
            self._jobs[job.id] = job
            while len(self._jobs) > self.size:
                self._jobs.popitem(last=False)
            return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def progress(self, job_id: str, index: int, done: int, total: int) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None and index < len(job.files) and job.files[index].result is None:  # late reports
                job.files[index].done, job.files[index].total = done, max(total, 1)


JOBS = Jobs()


def _init_worker(progress: Any) -> None:
    global _worker_queue
    _worker_queue = progress
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A pool process ends when the server does, even after a kill -9 of the server."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def shutdown() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


atexit.register(shutdown)


def _drain(progress: Any) -> None:
    while True:
        try:
            job_id, index, done, total = progress.get()
        except (EOFError, OSError, ValueError):
            return
        JOBS.progress(job_id, index, done, total)


def pool(workers: int = 1) -> ProcessPoolExecutor:
    """The process pool (created on first use, again after a worker died)."""
    global _pool, _pool_size, _progress
    with _lock:
        if _pool is None or _pool_size != workers:
            ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
            if _progress is None:
                _progress = ctx.Queue()
                threading.Thread(target=_drain, args=(_progress,), daemon=True, name="upload-progress").start()
            _pool = ProcessPoolExecutor(max_workers=max(workers, 1), mp_context=ctx, initializer=_init_worker,
                                        initargs=(_progress,))
            _pool_size = workers
        return _pool


def _reset(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None


def parse_upload(job_id: str, index: int, data: bytes, name: str, max_bytes: int) -> tuple[str, Any]:
    """In a pool process: read + parse one file -> ("ok", (parsed, format)) or ("error", error dict).

    Errors come back as data: a ThongSuotError's code and detail would not
    survive pickling as an exception.
    """
    from thongsuot.errors import ThongSuotError
    from thongsuot.parsing import parse_source, read_bytes

    def report(done: int, total: int) -> None:
        if _worker_queue is not None:
            _worker_queue.put((job_id, index, done, total))

    try:
        kwargs: dict[str, Any] = {}
        if "progress" in inspect.signature(read_bytes).parameters:
            kwargs["progress"] = report
        report(0, 1)
        source = read_bytes(data, name, max_bytes=max_bytes, **kwargs)
        parsed = parse_source(source)
    except ThongSuotError as exc:
        return "error", {"status": exc.status, "code": exc.code, "message": exc.message}
    except MemoryError:
        return "error", {"status": 413, "code": "too_large", "message": f"{name}: tệp cần quá nhiều bộ nhớ để đọc."}
    if not kwargs:
        report(1, 1)
    return "ok", (parsed, source.format)


async def parse_off_loop(
    job_id: str, index: int, data: bytes, name: str, max_bytes: int, workers: int
) -> tuple[str, Any]:
    """Await a parse in the pool; the event loop keeps serving meanwhile."""
    executor = pool(workers)
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(executor, parse_upload, job_id, index, data, name, max_bytes)
    except BrokenProcessPool:
        _reset(executor)
        return "error", {"status": 413, "code": "too_large",
                         "message": f"{name}: tệp làm hỏng tiến trình đọc (quá lớn hoặc hỏng)."}


def parsed_document(value: Any) -> tuple[ParsedDocument, str]:
    parsed, fmt = value
    return parsed, str(fmt)
