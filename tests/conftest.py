"""Shared database fixtures: real SQLite files and a real PostgreSQL server (no mocks).

Fixtures any area can use:

- `pg_server` (session): a PostgreSQL server started with `initdb` in a temp
  folder on a free loopback port, stopped after the run. Binaries come from
  `pg_config --bindir` or the highest /usr/lib/postgresql/*/bin. As root
  (CI), initdb/postgres run as the `postgres` system user in a folder it owns.
  It holds a template database migrated to all Alembic heads.
- `db_url` (function, parametrised over ["sqlite", "postgresql"]): the URL of a
  fresh, empty, migrated database for one test. SQLite: a copy of a migrated
  template file; PostgreSQL: `CREATE DATABASE ... TEMPLATE` (fast).
- `sqlite_url` / `postgresql_url`: the same for one backend only.
- `make_db_url(backend)`: a factory fixture for tests needing several databases.

Usage: `def test_x(db_url): lib = open_library(db_url) ...` runs twice.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from hypothesis import settings

from thongsuot.storage.db import upgrade

# No per-example time limit for property tests: speed is measured in bench/, and a loaded or slower CI machine
# must not fail a parser property because one example took more than hypothesis' default 200 ms.
settings.register_profile("thongsuot", deadline=None)
settings.load_profile("thongsuot")

sys.path.insert(0, str(Path(__file__).parent))  # shared test helpers: browser_support

TEMPLATE_DB = "thongsuot_template"


def _pg_bindir() -> Path:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
        if out and (Path(out) / "initdb").exists():
            return Path(out)
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name.split(".")[0])
    )
    for cand in reversed(candidates):
        if (Path(cand) / "initdb").exists():
            return Path(cand)
    raise RuntimeError("PostgreSQL binaries not found (pg_config --bindir, /usr/lib/postgresql/*/bin)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    port: int
    user: str
    data_dir: Path

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(host="127.0.0.1", port=self.port, user=self.user, dbname="postgres", autocommit=True)


def _as_pg_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = _pg_bindir()
    root = Path(tempfile.mkdtemp(prefix="thongsuot-pg-"))
    data_dir, sock_dir = root / "data", root / "sock"
    sock_dir.mkdir()
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        for p in (root, sock_dir):
            os.chown(p, pw.pw_uid, pw.pw_gid)
    user = "postgres"
    subprocess.run(
        _as_pg_user([str(bindir / "initdb"), "-D", str(data_dir), "-U", user, "--auth=trust", "-E", "UTF8",
                     "--locale=C.UTF-8", "--no-sync"]),
        check=True, capture_output=True,
    )
    port = _free_port()
    opts = (f"-p {port} -k {sock_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    subprocess.run(
        _as_pg_user([str(bindir / "pg_ctl"), "-D", str(data_dir), "-o", opts, "-l", str(root / "log"), "-w",
                     "-t", "60", "start"]),
        check=True, capture_output=True,
    )
    server = PgServer(port=port, user=user, data_dir=data_dir)
    try:
        with server.admin() as conn:
            conn.execute(f'CREATE DATABASE "{TEMPLATE_DB}"')
        upgrade(server.url(TEMPLATE_DB))
        yield server
    finally:
        subprocess.run(
            _as_pg_user([str(bindir / "pg_ctl"), "-D", str(data_dir), "-m", "immediate", "-w", "stop"]),
            check=False, capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


_counter = itertools.count()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def make_db_url(
    request: pytest.FixtureRequest, tmp_path: Path, _sqlite_template: Path
) -> Callable[[str], str]:
    """`make_db_url("sqlite" | "postgresql")` -> URL of a fresh migrated database."""

    def make(backend: str) -> str:
        n = next(_counter)
        if backend == "sqlite":
            path = tmp_path / f"db{n}.sqlite3"
            shutil.copyfile(_sqlite_template, path)
            return f"sqlite:///{path}"
        if backend == "postgresql":
            server: PgServer = request.getfixturevalue("pg_server")
            name = f"t_{os.getpid()}_{n}_{int(time.time() * 1000) % 100000}"
            with server.admin() as conn:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DB}"')
            return server.url(name)
        raise ValueError(backend)

    return make


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, make_db_url: Callable[[str], str]) -> str:
    return make_db_url(request.param)


@pytest.fixture
def sqlite_url(make_db_url: Callable[[str], str]) -> str:
    return make_db_url("sqlite")


@pytest.fixture
def postgresql_url(make_db_url: Callable[[str], str]) -> str:
    return make_db_url("postgresql")
