"""Tracking operations: each checks rights, applies the workflow tables, writes, and audits.

The web API, the pages and the CLI call these; they never touch the tables
directly. A Tracker works through a `UnitOfWork` (storage/unit_of_work.py):
each change is checked and written in one write transaction together with its
audit entry, so a state transition re-reads the row under the write lock
(`BEGIN IMMEDIATE` on SQLite, `SELECT … FOR UPDATE` on PostgreSQL) and two
concurrent transitions cannot both succeed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from thongsuot.domain.org import Unit
from thongsuot.domain.tracking import (
    Activity,
    Assignment,
    AssignmentAction,
    AssignmentState,
    Capacity,
    Period,
    PeriodReport,
    ReportAction,
    ReportState,
)
from thongsuot.errors import Forbidden, InputError, NotFound
from thongsuot.orgs import tree_io
from thongsuot.storage import audit
from thongsuot.storage import tracking as store
from thongsuot.storage.unit_of_work import UnitOfWork, work_of
from thongsuot.tracking import rights, workflow, xlsx_io
from thongsuot.tracking.activities import check_activity
from thongsuot.tracking.coverage import topics_of
from thongsuot.tracking.matching import Match, match_names
from thongsuot.tracking.rights import Actor


@dataclass(frozen=True)
class PlanTracking:
    plan_id: int
    assignments: tuple[Assignment, ...]
    unmatched: tuple[Match, ...]


@dataclass(frozen=True)
class ReportMaterial:
    """What a unit's period report shows, on its page and in its DOCX/XLSX: read once, by one loader."""

    report: PeriodReport
    period: Period
    plan: dict[str, Any]
    activities: tuple[Activity, ...]
    comments: tuple[Any, ...]
    units: dict[str, Unit]  # the unit, the plan's issuer, and (when asked) the whole tree for headers


class Tracker:
    """Tracking over one unit of work (an engine is accepted and wrapped: each call is then its own unit)."""

    def __init__(self, source: Any) -> None:  # a UnitOfWork, or a SQLAlchemy Engine while callers migrate
        self.work: UnitOfWork = work_of(source)
        self.engine = getattr(self.work, "engine", None)

    # --- helpers -------------------------------------------------------------------------

    def units(self) -> dict[str, Unit]:
        with self.work.read() as conn:
            return store.unit_details_of(conn)

    @staticmethod
    def _audit(conn: Any, actor: Actor, action: str, target: str, before: Any = None, after: Any = None) -> None:
        """The entry is written in the change's own transaction (`conn`)."""
        audit.append_audit(conn, action=action, actor=actor.username, actor_id=actor.user_id,
                           target=target, before=before, after=after)

    def caps(self, actor: Actor, unit_code: str, plan_id: int | None) -> frozenset[Capacity]:
        with self.work.read() as conn:
            return _caps(conn, actor, unit_code, plan_id)

    def assignment_of(self, plan_id: int, unit_code: str) -> Assignment | None:
        """The unit's assignment in the plan, if it has one."""
        with self.work.read() as conn:
            return _assignment_of(conn, plan_id, unit_code)

    def audited_download(self, actor: Actor, action: str, target: str) -> None:
        """Downloads of generated reports are logged too (who took which figures when)."""
        with self.work.write() as conn:
            self._audit(conn, actor, action, target)

    # --- the tree ------------------------------------------------------------------------

    def import_tree(self, actor: Actor, data: bytes, filename: str) -> tuple[int, int]:
        rights.require_admin(actor)
        with self.work.read() as conn:
            known = set(store.unit_details_of(conn))
        units = tree_io.read_units(data, filename, known)
        with self.work.write() as conn:
            inserted, updated = store.write_tree(conn, units)
            self._audit(conn, actor, "org_import", filename, after={"inserted": inserted, "updated": updated})
        return inserted, updated

    def export_tree(self, fmt: str) -> bytes:
        units = list(self.units().values())
        return tree_io.to_xlsx(units) if fmt == "xlsx" else tree_io.to_csv(units)

    # --- plans and assignments -----------------------------------------------------------

    def track_plan(
        self, actor: Actor, *, title: str, issuer_unit: str, duties_by_name: Sequence[tuple[str, Sequence[str]]],
        topics: Sequence[dict[str, Any]] = (), symbol: str | None = None, issued_on: dt.date | None = None,
        deadline: dt.date | None = None, parent_plan_id: int | None = None, source_kind: str = "manual",
        source_id: int | None = None,
    ) -> PlanTracking:
        """Create the plan under tracking and one assignment per matched unit (merging duties)."""
        index = self.units()
        if issuer_unit not in index:
            raise NotFound(f"Không có đơn vị ban hành mã “{issuer_unit}”.")
        if not rights.may_issue(actor, issuer_unit, index):
            raise Forbidden("Chỉ cơ quan ban hành mới được giao nhiệm vụ theo kế hoạch này.")
        matches = match_names([n for n, _ in duties_by_name], list(index.values()), issuer_unit, issued_on)
        with self.work.write() as conn:
            plan_id = store.create_plan(conn, title=title, issuer_unit=issuer_unit, symbol=symbol,
                                        issued_on=issued_on, topics=topics, source_kind=source_kind,
                                        source_id=source_id, parent_plan_id=parent_plan_id)
            parents = {a.unit_code: a for a in store.list_assignments(conn, plan_id=parent_plan_id)} \
                if parent_plan_id else {}
            for (name, duties), m in zip(duties_by_name, matches, strict=True):
                for unit in m.units:
                    parent = parents.get(issuer_unit)
                    store.upsert_assignment(conn, Assignment(
                        None, plan_id, unit.code, tuple(duties), deadline=deadline, source_name=name,
                        parent_id=parent.id if parent else None))
            made = tuple(store.list_assignments(conn, plan_id=plan_id))
            unmatched = tuple(m for m in matches if not m.complete)
            self._audit(conn, actor, "plan_track", f"plan:{plan_id}", after={
                "title": title, "assignments": [a.unit_code for a in made], "unmatched": [m.name for m in unmatched]})
        return PlanTracking(plan_id, made, unmatched)

    def assign_by_hand(self, actor: Actor, plan_id: int, unit_code: str, duties: Sequence[str],
                       deadline: dt.date | None = None, source_name: str | None = None) -> int:
        """Match a leftover name by hand, or add a unit the plan did not name."""
        with self.work.write() as conn:
            plan = store.get_plan(conn, plan_id)
            index = store.unit_details_of(conn)
            if not rights.may_issue(actor, plan["issuer_unit"], index):
                raise Forbidden("Chỉ cơ quan ban hành mới được giao nhiệm vụ theo kế hoạch này.")
            if unit_code not in index:
                raise NotFound(f"Không có đơn vị mã “{unit_code}”.")
            aid = store.upsert_assignment(conn, Assignment(None, plan_id, unit_code, tuple(duties),
                                                           deadline=deadline, source_name=source_name))
            self._audit(conn, actor, "assignment_create", f"assignment:{aid}",
                        after={"unit": unit_code, "duties": list(duties)})
        return aid

    def assignment_action(self, actor: Actor, assignment_id: int, action: AssignmentAction,
                          comment: str | None = None) -> AssignmentState:
        with self.work.write() as conn:  # the state is read under the write lock, then written
            a = store.get_assignment(conn, assignment_id, lock=True)
            caps = _caps(conn, actor, a.unit_code, a.plan_id)
            rights.require_read(caps, True)
            nxt = workflow.assignment_next(a.state, action, caps, comment)
            store.set_assignment_state(conn, assignment_id, nxt, comment if action is AssignmentAction.RETURN else None)
            if comment:
                store.add_comment(conn, "assignment", assignment_id, str(action), actor.username, comment)
            self._audit(conn, actor, f"assignment_{action}", f"assignment:{assignment_id}",
                        before={"state": str(a.state)}, after={"state": str(nxt), "comment": comment})
        return nxt

    # --- activities ----------------------------------------------------------------------

    def _require_writer(self, actor: Actor, plan_id: int, unit_code: str) -> Assignment:
        with self.work.read() as conn:
            return _require_writer(conn, actor, plan_id, unit_code)

    def record_activities(self, actor: Actor, items: Sequence[Activity], topic_keys: Sequence[str] = ()) -> list[int]:
        """All or nothing; the first activity moves an assigned duty to "in progress"."""
        if not items:
            return []
        for a in items:
            check_activity(a, topic_keys)
        with self.work.write() as conn:
            assignments = {(a.plan_id, a.unit_code): _require_writer(conn, actor, a.plan_id, a.unit_code, lock=True)
                           for a in items}
            ids = store.add_activities(conn, items, actor.username)
            for asg in assignments.values():
                if asg.state is AssignmentState.ASSIGNED and asg.id is not None:
                    store.set_assignment_state(conn, asg.id, AssignmentState.IN_PROGRESS)
            self._audit(conn, actor, "activity_create", f"activities:{','.join(map(str, ids))}",
                        after={"count": len(ids), "unit": items[0].unit_code, "plan": items[0].plan_id})
        return ids

    def activity_template(self, actor: Actor, plan_id: int, unit_code: str) -> bytes:
        """The XLSX template of one plan and unit (for its own reporter)."""
        with self.work.read() as conn:
            _require_writer(conn, actor, plan_id, unit_code)
            plan = store.get_plan(conn, plan_id)
            unit = store.unit_details_of(conn).get(unit_code)
        return xlsx_io.template(plan_id, plan["title"], unit_code, unit.name if unit else unit_code,
                                topics_of(plan))

    def import_activities_xlsx(self, actor: Actor, plan_id: int, unit_code: str, data: bytes) -> list[int]:
        """All or nothing: every faulty cell is reported and no activity is stored unless all are clean."""
        with self.work.read() as conn:
            _require_writer(conn, actor, plan_id, unit_code)
            plan = store.get_plan(conn, plan_id)
        keys = [t.key for t in topics_of(plan)]
        items = xlsx_io.read_activities(data, plan_id, unit_code, keys)
        return self.record_activities(actor, items, keys)

    def delete_activity(self, actor: Actor, activity_id: int) -> None:
        with self.work.write() as conn:
            plan_id, unit_code = store.get_activity_owner(conn, activity_id)
            _require_writer(conn, actor, plan_id, unit_code)
            store.delete_activity(conn, activity_id)
            self._audit(conn, actor, "activity_delete", f"activity:{activity_id}", before={"unit": unit_code})

    def add_evidence(self, actor: Actor, activity_id: int, file_name: str, data: bytes, content_type: str) -> int:
        with self.work.write() as conn:
            plan_id, unit_code = store.get_activity_owner(conn, activity_id)
            _require_writer(conn, actor, plan_id, unit_code)
            eid = store.add_evidence(conn, activity_id, file_name, data, content_type)
            self._audit(conn, actor, "evidence_add", f"activity:{activity_id}",
                        after={"file": file_name, "size": len(data)})
        return eid

    def evidence(self, actor: Actor, evidence_id: int) -> tuple[dict[str, Any], bytes]:
        """An evidence file, for whoever may read the activity's unit."""
        with self.work.read() as conn:
            meta, data = store.get_evidence(conn, evidence_id)
            plan_id, unit_code = store.get_activity_owner(conn, int(meta["activity_id"]))
            rights.require_read(_caps(conn, actor, unit_code, plan_id),
                                _assignment_of(conn, plan_id, unit_code) is not None)
        return meta, data

    # --- periods and reports -------------------------------------------------------------

    def add_period(self, actor: Actor, period: Period) -> int:
        if not (period.start <= period.end and period.start <= period.due):
            raise InputError("Kỳ báo cáo: ngày bắt đầu phải trước ngày kết thúc và hạn nộp.")
        with self.work.write() as conn:
            plan = store.get_plan(conn, period.plan_id)
            if Capacity.ISSUER not in _caps(conn, actor, plan["issuer_unit"], period.plan_id):
                raise Forbidden("Chỉ cơ quan ban hành mới được đặt kỳ báo cáo.")
            pid = store.add_period(conn, period)
            self._audit(conn, actor, "period_create", f"period:{pid}",
                        after={"label": period.label, "due": period.due})
        return pid

    def report_material(self, actor: Actor, period_id: int, unit_code: str, *, whole_tree: bool = False) -> ReportMaterial:
        """The report (opened as `report_for` opens it) with its period, plan, activities, comments and units."""
        report = self.report_for(actor, period_id, unit_code)
        with self.work.read() as conn:
            period = store.get_period(conn, period_id)
            plan = store.get_plan(conn, period.plan_id)
            activities = store.list_activities(conn, plan_id=period.plan_id, unit_codes=[unit_code],
                                               start=period.start, end=period.end)
            comments = store.list_comments(conn, "report", report.id) if report.id else []
            units = store.unit_details_of(conn, None if whole_tree else [unit_code, plan["issuer_unit"]])
        return ReportMaterial(report, period, plan, tuple(activities), tuple(comments), units)

    def report_for(self, actor: Actor, period_id: int, unit_code: str) -> PeriodReport:
        with self.work.write() as conn:
            period = store.get_period(conn, period_id)
            caps = _caps(conn, actor, unit_code, period.plan_id)
            assigned = _assignment_of(conn, period.plan_id, unit_code) is not None
            rights.require_read(caps, assigned)
            if not assigned:
                raise NotFound("Đơn vị không được giao nhiệm vụ trong kế hoạch này.")
            report = store.get_or_create_report(conn, period_id, unit_code)
            # The superior's first look at a submitted report ends the unit's recall.
            superior = Capacity.ISSUER in caps and Capacity.UNIT_REPORTER not in caps
            if superior and report.id is not None and store.mark_report_opened(conn, report.id):
                report = store.get_report(conn, report.id)
            return report

    def edit_report(self, actor: Actor, report_id: int, *, results: str, limits: str, causes: str,
                    proposals: str) -> PeriodReport:
        with self.work.write() as conn:
            r = store.get_report(conn, report_id, lock=True)
            nxt = workflow.report_next(r.state, ReportAction.EDIT, _report_caps(conn, actor, r))
            new = replace(r, state=nxt, results=results, limits=limits, causes=causes, proposals=proposals)
            store.save_report(conn, new)
            self._audit(conn, actor, "report_edit", f"report:{report_id}", before=_narrative(r), after=_narrative(new))
        return new

    def report_action(self, actor: Actor, report_id: int, action: ReportAction, comment: str | None = None,
                      today: dt.date | None = None) -> PeriodReport:
        with self.work.write() as conn:  # the state is read under the write lock, then written
            r = store.get_report(conn, report_id, lock=True)
            nxt = workflow.report_next(r.state, action, _report_caps(conn, actor, r), comment,
                                       opened=r.opened_at is not None)
            new = replace(r, state=nxt)
            if action is ReportAction.SUBMIT:  # a new submission, not yet opened by the superior
                new = replace(new, opened_at=None, submitted_on=r.submitted_on or today or dt.date.today())
            if action is ReportAction.RECALL and r.comment is None:  # never returned: as if never submitted
                new = replace(new, submitted_on=None)
            if action is ReportAction.RETURN:
                new = replace(new, comment=comment)
            store.save_report(conn, new)
            if comment:
                store.add_comment(conn, "report", report_id, str(action), actor.username, comment)
            self._audit(conn, actor, f"report_{action}", f"report:{report_id}", before={"state": str(r.state)},
                        after={"state": str(nxt), "comment": comment})
        return new


def _caps(conn: Any, actor: Actor, unit_code: str, plan_id: int | None) -> frozenset[Capacity]:
    ancestors = store.ancestor_codes(conn, unit_code)
    issuer = store.get_plan(conn, plan_id)["issuer_unit"] if plan_id is not None else None
    index = store.unit_details_of(conn) if issuer is not None else {}
    return rights.capacities(actor, unit_code, ancestors, issuer, index)


def _report_caps(conn: Any, actor: Actor, report: PeriodReport) -> frozenset[Capacity]:
    period = store.get_period(conn, report.period_id)
    return _caps(conn, actor, report.unit_code, period.plan_id)


def _assignment_of(conn: Any, plan_id: int, unit_code: str) -> Assignment | None:
    found = store.list_assignments(conn, plan_id=plan_id, unit_codes=[unit_code])
    return found[0] if found else None


def _require_writer(conn: Any, actor: Actor, plan_id: int, unit_code: str, *, lock: bool = False) -> Assignment:
    rights.require_write(_caps(conn, actor, unit_code, plan_id))
    assignment = _assignment_of(conn, plan_id, unit_code)
    if assignment is None:
        raise Forbidden("Đơn vị không được giao nhiệm vụ trong kế hoạch này.")
    if lock and assignment.id is not None:  # its state may move (assigned -> in progress) in this transaction
        assignment = store.get_assignment(conn, assignment.id, lock=True)
    return assignment


def _narrative(r: PeriodReport) -> dict[str, str]:
    return {"results": r.results, "limits": r.limits, "causes": r.causes, "proposals": r.proposals,
            "state": str(r.state)}


__all__ = ["PlanTracking", "ReportState", "Tracker"]
