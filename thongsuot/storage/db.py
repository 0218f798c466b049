"""Engine, sessions and migrations for the embedded SQLite file and for PostgreSQL.

The app and every area reach the database through two calls:

- `upgrade(url)` runs the Alembic migrations (script location inside the
  package, so it works from an installed wheel as well as from the tree);
- `open_database(url)` returns a `Database` (URL + engine).
  With `migrate=True` (the default) it upgrades first: the app upgrades on start.

`url=None` means the configured one (`THONGSUOT_DATABASE_URL`, else a SQLite
file in `THONGSUOT_DATA`). SQLite connections run in WAL mode with foreign keys
on; `postgresql://` URLs are routed to the psycopg 3 driver.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from thongsuot.config import get_settings

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: `url`, else the configured one; drivers made explicit."""
    raw = url or get_settings().resolved_database_url
    parsed = make_url(raw)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine for `url`; for SQLite the folder is created and pragmas set per connection."""
    real = resolve_url(url)
    if is_sqlite(real):
        database = make_url(real).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(real, connect_args={"timeout": 30}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(real, **kwargs)


def alembic_config(url: str) -> Config:
    """An Alembic config built in code (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", resolve_url(url).replace("%", "%%"))
    return cfg


_upgrade_lock = threading.Lock()


def upgrade(url: str | None = None, revision: str = "heads") -> None:
    """Bring the schema at `url` to `revision` (all heads by default)."""
    real = resolve_url(url)
    with _upgrade_lock:
        engine = make_engine(real)
        try:
            with engine.begin() as conn:
                cfg = alembic_config(real)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
        finally:
            engine.dispose()


def current_revisions(url: str | None = None) -> set[str]:
    """The revision ids the database at `url` is at (empty when never migrated)."""
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())
    finally:
        engine.dispose()


@dataclass
class Database:
    """An open database: its URL and engine. Transactions come from a unit of work (`storage/unit_of_work.py`)."""

    url: str
    engine: Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """Open (and by default upgrade) the database at `url` or the configured one."""
    real = resolve_url(url)
    if migrate:
        upgrade(real)
    engine = make_engine(real)
    return Database(url=real, engine=engine)
