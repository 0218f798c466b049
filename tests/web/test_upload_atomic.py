"""An upload's store, tracking intake and audit entry are one unit of work (SQLite and PostgreSQL).

The failure is real: a database trigger refuses the row (a constraint
violation raised by the database itself), first on the audit entry, then on
the tracking intake's assignments. Nothing of the file may remain: no document,
no version, no bytes, no graph node, no tracked plan, no audit entry.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from test_api import DISTRICT_PLAN
from web_helpers import WebEnv

from thongsuot.storage.accounts import audit_log
from thongsuot.storage.tables import blobs, directives, document_versions, documents
from thongsuot.storage.tracking_tables import assignments, tracked_plans

PLAN = DISTRICT_PLAN.format(issuer="HUYỆN ỦY AN PHÚ", num=15).encode()  # ours: tracking assigns one duty


def refuse_inserts(web: WebEnv, table: str) -> None:
    """A trigger that makes the database refuse every new row of `table` with a constraint violation."""
    with web.engine.begin() as conn:
        if web.engine.dialect.name == "sqlite":
            conn.exec_driver_sql(
                f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION refuse_row() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'refused by test trigger' USING ERRCODE = 'check_violation'; END $$ LANGUAGE plpgsql"
            )
            conn.exec_driver_sql(
                f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION refuse_row()"
            )


def counts(web: WebEnv) -> dict[str, int]:
    with web.engine.connect() as conn:
        return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in (documents, document_versions, blobs, directives, tracked_plans, assignments, audit_log)}


@pytest.mark.parametrize("failing", ["audit_log", "assignments"])
def test_a_refused_step_leaves_nothing_of_the_upload(web: WebEnv, failing: str) -> None:
    editor = web.client("editor")
    before = counts(web)
    refuse_inserts(web, failing)
    response = editor.post("/api/v1/documents", files=[("files", ("kh-an-phu.txt", PLAN))])
    assert response.status_code == 400, response.text
    body = response.json()["error"]
    assert body["code"] == "rejected"
    assert body["message"].startswith("kh-an-phu.txt: ") and "\n" not in body["message"]
    assert counts(web) == before
    with web.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'upload'")).scalar_one() == 0


def test_the_same_upload_commits_all_three_steps(web: WebEnv) -> None:
    editor = web.client("editor")
    before = counts(web)
    results = editor.post("/api/v1/documents", files=[("files", ("kh-an-phu.txt", PLAN))]).json()["results"]
    assert results[0]["status"] == "stored" and results[0]["tracking"]["assignments"] == 1
    after = counts(web)
    grown = {name for name in after if after[name] > before[name]}
    assert grown == {"documents", "document_versions", "blobs", "directives", "tracked_plans", "assignments",
                     "audit_log"}
