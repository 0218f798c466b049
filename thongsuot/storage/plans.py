"""Plans in the database: every saved state is a version; issuing fixes the symbol.

- `plans`: one row per plan (its current fields for lists and look-ups);
- `plan_versions`: the Plan as JSON for each saved state (autosave writes a new
  version only when something changed; `expected_version` stops two editors
  overwriting each other);
- `plan_sources`: the provenance of each generated item (which parent item it
  came from), so one can ask what became of a parent paragraph.

Issuing (draft -> issued) fixes the number and date, renders the official DOCX
and stores it in the library, where its basis sentence makes it a document
that `implements` its parent.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)

from thongsuot.domain.plan import Plan, PlanStatus, Source, Topic
from thongsuot.errors import Conflict, InputError, NotFound
from thongsuot.parsing import parse_bytes
from thongsuot.rendering.plan_docx import render_docx
from thongsuot.rendering.plan_json import plan_from_dict, plan_to_dict
from thongsuot.storage.db import Database, open_database
from thongsuot.storage.documents import store_document
from thongsuot.storage.metadata import metadata
from thongsuot.storage.unit_of_work import EngineWork, UnitOfWork

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),
    Column("status", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("issuer", String(300), nullable=False),
    Column("target_name", String(300), nullable=False),
    Column("target_level", String(32), nullable=False),
    Column("unit_code", String(64), index=True),
    Column("parent_ref", String(120), index=True),
    Column("parent_document_id", Integer, index=True),
    Column("symbol", String(120)),
    Column("issued_date", Date),
    Column("document_id", Integer),
    Column("current_version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
plan_versions = Table(
    "plan_versions",
    metadata,
    Column("plan_id", Integer, ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("data", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("author", String(200)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
plan_sources = Table(
    "plan_sources",
    metadata,
    Column("plan_id", Integer, ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("item", String(120), primary_key=True),
    Column("source_path", String(200), nullable=False),
    Column("source_start", Integer),
    Column("source_end", Integer),
)


@dataclass(frozen=True)
class StoredPlan:
    id: int
    version: int
    status: PlanStatus
    plan: Plan
    document_id: int | None = None
    unit_code: str | None = None  # the unit of the org tree that owns (edits) the plan


@dataclass(frozen=True)
class VersionInfo:
    version: int
    note: str
    author: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class PlanSummary:
    id: int
    kind: str
    status: PlanStatus
    title: str
    issuer: str
    target_name: str
    parent_ref: str | None
    symbol: str | None
    current_version: int
    updated_at: dt.datetime
    unit_code: str | None = None  # the drafting unit (who may read a draft: web/deps.may_read_plan)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _dump(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, sort_keys=True)


def _topic_sources(prefix: str, topics: tuple[Topic, ...]) -> Iterator[tuple[str, Source | None]]:
    for i, t in enumerate(topics):
        yield f"{prefix}/{i}", t.source
        for j, p in enumerate(t.points):
            yield f"{prefix}/{i}/points/{j}", p.source


def plan_sources_of(plan: Plan) -> list[tuple[str, Source]]:
    """(item path, source) for every item of the plan that came from the parent."""
    items: list[tuple[str, Source | None]] = []
    for name in ("situation", "purposes", "requirements", "timeline"):
        items += [(f"{name}/{i}", p.source) for i, p in enumerate(getattr(plan, name))]
    for name in ("focal", "regular", "forms"):
        items += list(_topic_sources(name, getattr(plan, name)))
    for i, a in enumerate(plan.assignments):
        items.append((f"assignments/{i}", a.source))
        items += [(f"assignments/{i}/duties/{j}", d.source) for j, d in enumerate(a.duties)]
    if plan.outline is not None:
        for s, section in enumerate(plan.outline.sections):
            items += list(_topic_sources(f"outline/{s}", section.topics))
    return [(item, src) for item, src in items if src is not None]


def _row_values(plan: Plan) -> dict[str, Any]:
    h = plan.header
    return {
        "kind": h.kind.value,
        "status": plan.status.value,
        "title": h.title,
        "issuer": h.issuer,
        "target_name": plan.target.name if plan.target else h.issuer,
        "target_level": plan.target.level if plan.target else "",
        "parent_ref": plan.parent.citation.ref or None if plan.parent else None,
        "symbol": h.symbol,
        "issued_date": h.date if plan.status is PlanStatus.ISSUED else None,
    } | ({"unit_code": plan.target.unit_code} if plan.target and plan.target.unit_code else {})


class PlanStore:
    """Plans over a unit of work: each call its own transaction, unless `within` the caller's."""

    def __init__(self, db: Database, work: UnitOfWork | None = None) -> None:
        self.db = db
        self.work: UnitOfWork = work if work is not None else EngineWork(db.engine)

    def within(self, work: UnitOfWork) -> PlanStore:
        """This store inside the caller's unit (e.g. issuing a plan, tracking it and auditing it together)."""
        return PlanStore(self.db, work)

    def close(self) -> None:
        self.db.close()

    def _write_version(
        self, s: Connection, plan_id: int, version: int, plan: Plan, note: str, author: str | None
    ) -> None:
        s.execute(
            insert(plan_versions).values(
                plan_id=plan_id,
                version=version,
                data=_dump(plan),
                note=note,
                author=author,
                created_at=_now(),
            )
        )
        rows = [
            {"plan_id": plan_id, "version": version, "item": item, "source_path": src.path[:200],
             "source_start": src.start, "source_end": src.end}
            for item, src in plan_sources_of(plan)
        ]  # fmt: skip
        if rows:
            s.execute(insert(plan_sources), rows)

    def create(
        self, plan: Plan, *, parent_document_id: int | None = None, author: str | None = None, note: str = "",
        unit_code: str | None = None,
    ) -> StoredPlan:
        """Store a new plan (derived, imported or blank) as version 1, owned by `unit_code` (else its target's)."""
        now = _now()
        with self.work.write() as s:
            values = _row_values(plan) | {"parent_document_id": parent_document_id}
            if unit_code:
                values["unit_code"] = unit_code
            stmt = insert(plans).values(**values, current_version=1, created_at=now, updated_at=now)
            plan_id = int(s.execute(stmt.returning(plans.c.id)).scalar_one())
            self._write_version(s, plan_id, 1, plan, note or "Tạo kế hoạch", author)
        return StoredPlan(plan_id, 1, plan.status, plan, unit_code=values.get("unit_code"))

    def _current(self, s: Connection, plan_id: int, *, lock: bool = False) -> Any:
        """The plan's row; `lock` holds it (FOR UPDATE on PostgreSQL) until the write that checked it commits."""
        query = select(plans).where(plans.c.id == plan_id)
        row = s.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound(f"Không có kế hoạch số {plan_id}.")
        return row

    def save(
        self,
        plan_id: int,
        plan: Plan,
        *,
        expected_version: int | None = None,
        author: str | None = None,
        note: str = "",
    ) -> StoredPlan:
        """A new version with `plan` (none when nothing changed). Issued plans are frozen."""
        with self.work.write() as s:
            row = self._current(s, plan_id, lock=True)
            if row.status == PlanStatus.ISSUED.value:
                raise Conflict("Kế hoạch đã ban hành, không sửa được.")
            if expected_version is not None and expected_version != row.current_version:
                raise Conflict(
                    "Kế hoạch vừa được người khác sửa; hãy tải lại.",
                    detail={"current_version": row.current_version},
                )
            current = s.execute(
                select(plan_versions.c.data).where(
                    plan_versions.c.plan_id == plan_id, plan_versions.c.version == row.current_version
                )
            ).scalar_one()
            plan = replace(plan, status=PlanStatus.DRAFT)
            if current == _dump(plan):
                return StoredPlan(plan_id, row.current_version, PlanStatus.DRAFT, plan)
            version = row.current_version + 1
            self._write_version(s, plan_id, version, plan, note, author)
            s.execute(
                update(plans)
                .where(plans.c.id == plan_id)
                .values(**_row_values(plan), current_version=version, updated_at=_now())
            )
        return StoredPlan(plan_id, version, PlanStatus.DRAFT, plan)

    def get(self, plan_id: int, version: int | None = None) -> StoredPlan:
        with self.work.read() as s:
            row = self._current(s, plan_id)
            wanted = version or row.current_version
            data = s.execute(
                select(plan_versions.c.data).where(
                    plan_versions.c.plan_id == plan_id, plan_versions.c.version == wanted
                )
            ).scalar_one_or_none()
        if data is None:
            raise NotFound(f"Kế hoạch {plan_id} không có phiên bản {wanted}.")
        plan = plan_from_dict(json.loads(data))
        return StoredPlan(plan_id, wanted, PlanStatus(row.status), plan, row.document_id, row.unit_code)

    def versions(self, plan_id: int) -> list[VersionInfo]:
        with self.work.read() as s:
            self._current(s, plan_id)
            rows = s.execute(
                select(plan_versions.c.version, plan_versions.c.note, plan_versions.c.author,
                       plan_versions.c.created_at)
                .where(plan_versions.c.plan_id == plan_id)
                .order_by(plan_versions.c.version)
            ).all()  # fmt: skip
        return [VersionInfo(r.version, r.note, r.author, r.created_at) for r in rows]

    def list_plans(self, *, status: PlanStatus | None = None, limit: int = 100) -> list[PlanSummary]:
        q = select(plans).order_by(plans.c.updated_at.desc(), plans.c.id.desc()).limit(limit)
        if status is not None:
            q = q.where(plans.c.status == status.value)
        with self.work.read() as s:
            rows = s.execute(q).all()
        return [
            PlanSummary(r.id, r.kind, PlanStatus(r.status), r.title, r.issuer, r.target_name, r.parent_ref,
                        r.symbol, r.current_version, r.updated_at, r.unit_code)
            for r in rows
        ]  # fmt: skip

    def derived_from(self, source_path: str, start: int | None = None) -> list[tuple[int, str]]:
        """(plan id, item) of current versions that came from a parent item."""
        q = (
            select(plan_sources.c.plan_id, plan_sources.c.item)
            .join(plans, plans.c.id == plan_sources.c.plan_id)
            .where(
                plan_sources.c.version == plans.c.current_version, plan_sources.c.source_path == source_path
            )
        )
        if start is not None:
            q = q.where(plan_sources.c.source_start == start)
        with self.work.read() as s:
            return [(r.plan_id, r.item) for r in s.execute(q)]

    def issue(self, plan_id: int, number: str, date: dt.date, *, author: str | None = None) -> StoredPlan:
        """Fix the number and date, store the DOCX in the library as a document implementing the parent."""
        if not number.strip():
            raise InputError("Cần số văn bản để ban hành.")
        with self.work.write() as s:
            row = self._current(s, plan_id, lock=True)
            if row.status == PlanStatus.ISSUED.value:
                raise Conflict(f"Kế hoạch đã ban hành: {row.symbol}.")
            data = s.execute(
                select(plan_versions.c.data).where(
                    plan_versions.c.plan_id == plan_id, plan_versions.c.version == row.current_version
                )
            ).scalar_one()
            plan = plan_from_dict(json.loads(data))
            if plan.open_flags:  # review before issue: every flag cleared or accepted first
                raise Conflict(
                    f"Chưa ban hành được: còn {len(plan.open_flags)} điểm cần xem. "
                    "Hãy sửa hoặc chấp nhận từng điểm trong mục “Cần xem lại trước khi ban hành”.",
                    detail={"open_flags": len(plan.open_flags)},
                )
            plan = plan.with_number(number.strip(), date)
            plan = replace(plan, status=PlanStatus.ISSUED)
            docx = render_docx(plan)
            name = f"{plan.header.symbol or plan_id}.docx".replace("/", "_")
            stored = store_document(s, parse_bytes(docx, name), docx, file_name=name, fmt="docx",
                                    owner_unit_id=row.unit_code, may_replace=_same_unit(row.unit_code))
            version = row.current_version + 1
            self._write_version(s, plan_id, version, plan, f"Ban hành {plan.header.symbol}", author)
            s.execute(
                update(plans)
                .where(plans.c.id == plan_id)
                .values(**_row_values(plan), current_version=version, document_id=stored.document_id,
                        updated_at=_now())
            )  # fmt: skip
        return StoredPlan(plan_id, version, PlanStatus.ISSUED, plan, stored.document_id, row.unit_code)

    def parent_document_id(self, plan_id: int) -> int | None:
        """The library document the plan was derived from (None when written or imported here)."""
        with self.work.read() as s:
            row = s.execute(select(plans.c.parent_document_id).where(plans.c.id == plan_id)).first()
        return row[0] if row else None

    def delete(self, plan_id: int) -> None:
        """Delete a draft (issued plans stay: they are in the library)."""
        with self.work.write() as s:
            row = self._current(s, plan_id, lock=True)
            if row.status == PlanStatus.ISSUED.value:
                raise Conflict("Không xóa được kế hoạch đã ban hành.")
            s.execute(delete(plan_sources).where(plan_sources.c.plan_id == plan_id))
            s.execute(delete(plan_versions).where(plan_versions.c.plan_id == plan_id))
            s.execute(delete(plans).where(plans.c.id == plan_id))

    def count(self) -> int:
        with self.work.read() as s:
            return int(s.execute(select(func.count()).select_from(plans)).scalar_one())


def open_plans(url: str | None = None, *, migrate: bool = True) -> PlanStore:
    return PlanStore(open_database(url, migrate=migrate))


def _same_unit(unit_code: str | None) -> Any:
    """Issuing never turns another unit's library document into a version of this plan."""

    def check(document_id: int, owner: str | None) -> None:
        if owner is not None and owner != unit_code:
            raise Conflict(
                f"Số hiệu này đã là văn bản mã {document_id} của đơn vị {owner} trong thư viện; chọn số khác.",
                detail={"document_id": document_id, "owner_unit_id": owner},
            )

    return check
