"""Alembic environment for Thông Suốt.

Works in two ways:
- programmatic (`thongsuot.storage.db.upgrade(url)`, `thongsuot db upgrade`, tests):
  the caller passes an open connection in `config.attributes["connection"]`;
- plain `alembic -x url=... upgrade heads` with a config whose `sqlalchemy.url` is set.
Migrations are written by hand (no autogenerate), so no target metadata is needed.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

config = context.config


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=None, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from thongsuot.storage.db import make_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
