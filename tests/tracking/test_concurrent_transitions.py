"""Two state transitions at once on the same assignment: exactly one succeeds (SQLite and PostgreSQL).

The issuer's two clerks accept and return the same reported duty at the same
moment. Each transition checks the state and writes it in one write
transaction, so the second sees the first one's result and is refused as a
conflict. A short pause inside the workflow check (the real function, slowed)
makes the two requests overlap every time: without the lock both would read
"reported" and both would write.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from thongsuot.domain.tracking import AssignmentAction, AssignmentState
from thongsuot.errors import Conflict
from thongsuot.storage import accounts
from thongsuot.tracking import workflow
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker

ISSUER = Actor("tinh.tuyengiao", "editor", "AB.TU.BTGDV")
REPORTER = Actor("donghoa.baocao", "reporter", "AB.X04.DU")


def test_two_transitions_at_once_only_one_succeeds(tracker: Tracker, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = tracker.track_plan(ISSUER, title="Kế hoạch", issuer_unit="AB.TU",
                              duties_by_name=[("Đảng ủy xã Đông Hòa", ["Quán triệt"])]).plan_id
    assignment = tracker.assignment_of(plan, "AB.X04.DU")
    assert assignment is not None and assignment.id is not None
    aid = assignment.id
    tracker.assignment_action(REPORTER, aid, AssignmentAction.REPORT)

    real_next = workflow.assignment_next

    def slow_next(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.4)  # both requests are between their check and their write now, unless one waits for a lock
        return real_next(*args, **kwargs)

    monkeypatch.setattr(workflow, "assignment_next", slow_next)
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def run(action: AssignmentAction, comment: str | None) -> None:
        start.wait()
        try:
            outcomes[str(action)] = tracker.assignment_action(ISSUER, aid, action, comment)
        except Conflict as exc:
            outcomes[str(action)] = exc

    threads = [threading.Thread(target=run, args=(AssignmentAction.ACCEPT, None)),
               threading.Thread(target=run, args=(AssignmentAction.RETURN, "Bổ sung số liệu"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    won = {k: v for k, v in outcomes.items() if isinstance(v, AssignmentState)}
    lost = [v for v in outcomes.values() if isinstance(v, Conflict)]
    assert len(won) == 1 and len(lost) == 1, outcomes
    final = tracker.assignment_of(plan, "AB.X04.DU")
    assert final is not None and final.state is next(iter(won.values()))
    with tracker.work.read() as conn:
        actions = [r.action for r in conn.execute(accounts.audit_log.select())]
    assert actions.count("assignment_accept") + actions.count("assignment_return") == 1


def test_a_caller_transaction_is_one_unit_change_and_audit_roll_back_together(tracker: Tracker) -> None:
    """A request that joins its transaction (JoinedWork) and then fails leaves neither the change nor its audit."""
    from thongsuot.storage.unit_of_work import JoinedWork, write_transaction

    plan = tracker.track_plan(ISSUER, title="Kế hoạch", issuer_unit="AB.TU",
                              duties_by_name=[("Đảng ủy xã Đông Hòa", ["Quán triệt"])]).plan_id
    assignment = tracker.assignment_of(plan, "AB.X04.DU")
    assert assignment is not None and assignment.id is not None

    def audit_count() -> int:
        with tracker.work.read() as conn:
            return len(list(conn.execute(accounts.audit_log.select())))

    before = audit_count()
    with pytest.raises(RuntimeError), write_transaction(tracker.engine) as conn:
        joined = Tracker(JoinedWork(conn))
        assert joined.assignment_action(REPORTER, assignment.id, AssignmentAction.REPORT) is AssignmentState.REPORTED
        raise RuntimeError("the request fails after the transition")
    after = tracker.assignment_of(plan, "AB.X04.DU")
    assert after is not None and after.state is AssignmentState.ASSIGNED
    assert audit_count() == before
