"""One unit of work: the transactions a request or a CLI command hands to the services.

Services above storage never see an engine. They receive a `UnitOfWork` and
open reads and writes through it:

- `read()` gives a connection for queries;
- `write()` gives a connection inside a *write transaction*: the change, its
  audit entry and its side effects commit together or not at all. On SQLite
  the transaction starts with `BEGIN IMMEDIATE` (the write lock is taken before
  the first read, so a check and the write it guards cannot interleave with
  another writer); on PostgreSQL the rows a transition depends on are read
  with `SELECT … FOR UPDATE` (the `lock=True` reads in storage/tracking.py).

Two implementations:
- `EngineWork(engine)`: each `write()` is its own transaction (a service call
  is the unit);
- `JoinedWork(conn)`: the caller already opened the transaction (a request or
  a command doing several service calls); every `read()`/`write()` joins it
  and the caller commits once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError

from thongsuot.errors import Conflict
from thongsuot.vocab.words import message


@runtime_checkable
class UnitOfWork(Protocol):
    """What services are given instead of an engine."""

    def read(self) -> AbstractContextManager[Connection]: ...

    def write(self) -> AbstractContextManager[Connection]: ...


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the write lock from its first statement (SQLite) or a plain one (PostgreSQL)."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            yield conn
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


@dataclass(frozen=True)
class EngineWork:
    """Each write is its own transaction over `engine`."""

    engine: Engine

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def write(self) -> AbstractContextManager[Connection]:
        return write_transaction(self.engine)


@dataclass(frozen=True)
class JoinedWork:
    """Every read and write joins the caller's open transaction; the caller commits or rolls back."""

    conn: Connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        yield self.conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        yield self.conn


@contextmanager
def one_unit(engine: Engine) -> Iterator[JoinedWork]:
    """One write transaction for a whole request or CLI command, handed to every service it calls.

    Everything done through the yielded work commits together on leaving the
    block, or not at all. A row the database refuses (a constraint, a trigger)
    is a `Conflict` with a one-line reason, never a traceback: the edge shows it
    like any other refused input.
    """
    try:
        with write_transaction(engine) as conn:
            yield JoinedWork(conn)
    except IntegrityError as exc:
        reason = (str(exc.orig).strip().splitlines() or ["?"])[0]
        raise Conflict(message("storage.rejected", reason=reason), code="rejected") from exc


@contextmanager
def savepoint(work: UnitOfWork) -> Iterator[UnitOfWork]:
    """A step that may fail on its own inside a larger unit: its writes are undone, the unit's stay.

    Used for an optional side step (tracking an upload) whose refusal is a note
    on the result rather than a failed unit. A database error still propagates
    (and the caller's unit then fails as a whole).
    """
    with work.write() as conn, conn.begin_nested():
        yield JoinedWork(conn)


WorkSource = Engine | UnitOfWork  # what a service accepts while its callers migrate to passing a unit


def work_of(source: WorkSource) -> UnitOfWork:
    """The unit of work for a service given either (engines are still accepted while callers migrate)."""
    if isinstance(source, Engine):
        return EngineWork(source)
    return source


__all__ = ["EngineWork", "JoinedWork", "UnitOfWork", "WorkSource", "one_unit", "savepoint", "work_of", "write_transaction"]
