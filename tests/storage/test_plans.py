"""Plans in the database: versions, autosave without duplicates, conflicts, issuing into the library.

Runs on SQLite and PostgreSQL (the shared `db_url` fixture).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from thongsuot.cascade.derive import derive, target_from_name
from thongsuot.domain.plan import Paragraph, Plan, PlanKind, PlanStatus
from thongsuot.errors import Conflict, NotFound
from thongsuot.parsing import parse_file
from thongsuot.storage.library import open_library
from thongsuot.storage.plans import open_plans

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def derived() -> Plan:
    doc = parse_file(ROOT / "samples" / "000_cb2ba15afe6d27db.txt")
    target = target_from_name("Đảng ủy xã Tân Hòa", dt.date(2025, 9, 15))
    return derive(doc, target, PlanKind.PLAN, signer="Nguyễn Văn An")


def test_versions_and_round_trip(db_url: str, derived: Plan) -> None:
    store = open_plans(db_url)
    try:
        first = store.create(derived, author="an")
        assert first.version == 1
        assert store.get(first.id).plan == derived
        # autosave with nothing changed writes no version
        assert store.save(first.id, derived).version == 1
        edited = replace(derived, purposes=(Paragraph("Mục đích mới của xã."), *derived.purposes[1:]))
        second = store.save(first.id, edited, expected_version=1, note="sửa mục đích")
        assert second.version == 2
        assert store.get(first.id).plan.purposes[0].text == "Mục đích mới của xã."
        assert store.get(first.id, version=1).plan.purposes[0].text == derived.purposes[0].text
        assert [v.version for v in store.versions(first.id)] == [1, 2]
        with pytest.raises(Conflict):
            store.save(first.id, derived, expected_version=1)
        listed = store.list_plans()
        assert [p.id for p in listed] == [first.id] and listed[0].current_version == 2
    finally:
        store.close()


def test_provenance_is_queryable(db_url: str, derived: Plan) -> None:
    store = open_plans(db_url)
    try:
        stored = store.create(derived)
        duty = derived.assignments[0].duties[0]
        assert duty.source is not None
        hits = store.derived_from(duty.source.path, duty.source.start)
        assert (stored.id, "assignments/0/duties/0") in hits
    finally:
        store.close()


def test_issue_fixes_symbol_and_adds_to_library(db_url: str, derived: Plan) -> None:
    store = open_plans(db_url)
    try:
        stored = store.create(derived)
        assert derived.open_flags
        with pytest.raises(Conflict):  # review before issue: open flags refuse it
            store.issue(stored.id, "12", dt.date(2025, 9, 20))
        reviewed = replace(derived, flags=tuple(replace(f, accepted=True) for f in derived.flags))
        store.save(stored.id, reviewed)
        issued = store.issue(stored.id, "12", dt.date(2025, 9, 20))
        assert issued.status is PlanStatus.ISSUED
        assert issued.plan.header.symbol == "12-KH/ĐU"
        assert issued.document_id is not None
        again = store.get(stored.id)
        assert again.status is PlanStatus.ISSUED and again.plan.header.date == dt.date(2025, 9, 20)
        with pytest.raises(Conflict):
            store.save(stored.id, derived)
        with pytest.raises(Conflict):
            store.issue(stored.id, "13", dt.date(2025, 9, 21))
        with pytest.raises(Conflict):
            store.delete(stored.id)
    finally:
        store.close()
    library = open_library(db_url)
    try:
        record = library.get(issued.document_id)
        assert record is not None
        cites = library.citations(issued.document_id)
        implements = {c.symbol for c in cites if c.relation == "implements" and not c.is_link}
        assert {"70-KH/TU", "75-HD/BTGTU"} <= implements
    finally:
        library.close()


def test_missing_and_deleted(db_url: str, derived: Plan) -> None:
    store = open_plans(db_url)
    try:
        with pytest.raises(NotFound):
            store.get(999)
        stored = store.create(derived)
        store.delete(stored.id)
        with pytest.raises(NotFound):
            store.get(stored.id)
        assert store.count() == 0
    finally:
        store.close()
