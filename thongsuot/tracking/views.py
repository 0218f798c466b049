"""What the tracking pages and API show, built from the Tracker (rights checked there and here).

Pure context builders over the Tracker: the web layer only picks templates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from thongsuot.domain.document import ParsedDocument
from thongsuot.domain.plan import Plan
from thongsuot.domain.tracking import Capacity, ReportState
from thongsuot.errors import Forbidden
from thongsuot.storage import tracking as store
from thongsuot.tracking import rights, workflow
from thongsuot.tracking.coverage import topics_of
from thongsuot.tracking.intake import PlanIntake, from_document, from_plan
from thongsuot.tracking.issuer import issuer_unit
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.rollup import Dashboard
from thongsuot.tracking.service import PlanTracking, Tracker
from thongsuot.tracking.timeliness import TIMELINESS_LABELS, home_for_unit
from thongsuot.tracking.xlsx_io import rows_to_xlsx
from thongsuot.vocab.tracking_data import channel_vocab

__all__ = ["Actor", "PlanTracking", "Tracker"]


def labels() -> dict[str, Any]:
    vocab = channel_vocab()
    return {
        "states": dict(workflow.STATE_LABELS),
        "actions": dict(workflow.ACTION_LABELS),
        "channels": {c.code: c.name for c in vocab.channels},
        "qty_units": {u.code: u.name for u in vocab.quantity_units},
        "timeliness": {k.value: v for k, v in TIMELINESS_LABELS.items()},
    }


def topic_keys(t: Tracker, plan_id: int) -> list[str]:
    with t.work.read() as conn:
        return [tp.key for tp in topics_of(store.get_plan(conn, plan_id))]


def parent_plan_of(t: Tracker, implements: tuple[str, ...]) -> int | None:
    """The tracked plan this one implements (matched by symbol), so its assignments break the parent's down."""
    if not implements:
        return None
    from thongsuot.parsing.normalise import fold

    wanted = {fold(r, diacritics=False) for r in implements}
    with t.work.read() as conn:
        for p in store.list_plans(conn):
            if p.get("symbol") and fold(p["symbol"], diacritics=False) in wanted:
                return int(p["id"])
    return None


def track_intake(t: Tracker, actor: Actor, intake: PlanIntake, issuer: str, deadline: dt.date | None,
                 source_kind: str, source_id: int | None) -> PlanTracking:
    return t.track_plan(actor, title=intake.title, issuer_unit=issuer, symbol=intake.symbol,
                        issued_on=intake.issued_on, topics=intake.topics, duties_by_name=intake.duties_by_name,
                        deadline=deadline, source_kind=source_kind, source_id=source_id,
                        parent_plan_id=parent_plan_of(t, intake.implements))


def _parse_stored(lib: Any, document_id: int) -> ParsedDocument:
    """A library document parsed again from its stored text (the intake needs its whole tree)."""
    from thongsuot.parsing.pipeline import parse_text

    record = lib.get(document_id)
    return parse_text(record.text, record.summary.title or "")


def track_document(t: Tracker, lib: Any, actor: Actor, document_id: int, issuer: str,
                   deadline: dt.date | None) -> PlanTracking:
    """A library document with an implementation section becomes a tracked plan."""
    intake = from_document(_parse_stored(lib, document_id))
    return track_intake(t, actor, intake, issuer, deadline, "document", document_id)


def track_if_ours(t: Tracker, lib: Any, actor: Actor, document_id: int, deadline: dt.date | None = None,
                  parsed: ParsedDocument | None = None) -> PlanTracking | None:
    """On ingest: a plan issued by a unit of our tree, with an implementation section, goes under tracking.

    Nothing happens (None) when the header names no unit of ours, the document
    assigns no unit, it is tracked already, or `actor` may not issue for that
    unit — a library also holds other provinces' plans, which must not hand
    duties to our units. `parsed` spares parsing the stored text again when
    the caller has just parsed the file.
    """
    index = t.units()
    if not index or tracked_from(t, "document", document_id) is not None:
        return None
    parsed = parsed or _parse_stored(lib, document_id)
    intake = from_document(parsed)
    if not intake.duties_by_name:
        return None
    unit = issuer_unit(parsed.header.issuer, parsed.header.parent_issuer, index, parsed.header.date)
    if unit is None:
        return None
    if not rights.may_issue(actor, unit.code, index):
        return None
    return track_intake(t, actor, intake, unit.code, deadline, "document", document_id)


def track_drafted_plan(t: Tracker, actor: Actor, plan: Plan, issuer: str, plan_id: int | None = None,
                       deadline: dt.date | None = None) -> PlanTracking:
    """A plan issued from the drafting screens: one assignment per unit it names (for the drafting issue hook)."""
    return track_intake(t, actor, from_plan(plan), issuer, deadline, "draft", plan_id)


def tracked_from(t: Tracker, source_kind: str, source_id: int) -> int | None:
    """The plan under tracking made from a drafted plan ("draft") or a library document ("document")."""
    with t.work.read() as conn:
        return store.find_plan_by_source(conn, source_kind, source_id)


def home_context(t: Tracker, actor: Actor, today: dt.date) -> dict[str, Any]:
    """My unit's duties and reports; for the issuing level, its plans with late units."""
    with t.work.read() as conn:
        home = home_for_unit(conn, actor.unit_code, today)
        plans = store.list_plans(conn)
        index = store.unit_details_of(conn)
        issued = [p for p in plans if rights.may_administer(actor)
                  or actor.unit_code in rights.issuing_units(p["issuer_unit"], index)]
        late_by_plan: dict[int, int] = {}
        for p in issued:
            late_by_plan[p["id"]] = sum(workflow.assignment_overdue(a.state, a.deadline, today)
                                        for a in store.list_assignments(conn, plan_id=p["id"]))
            for period in store.list_periods(conn, p["id"]):
                reports = {r.unit_code: r for r in store.list_reports(conn, period_id=period.id)}
                for a in store.list_assignments(conn, plan_id=p["id"]):
                    r = reports.get(a.unit_code)
                    if workflow.report_overdue(r.state if r else ReportState.DRAFT, period.due, today):
                        late_by_plan[p["id"]] += 1
    unit = index.get(actor.unit_code)
    return {"home": home, "issued": issued, "late_by_plan": late_by_plan, "today": today,
            "unit_name": unit.name if unit else actor.unit_code, "labels": labels()}


def plan_context(t: Tracker, actor: Actor, plan_id: int, today: dt.date) -> dict[str, Any]:
    with t.work.read() as conn:
        plan = store.get_plan(conn, plan_id)
        index = store.unit_details_of(conn)
        assignments = store.list_assignments(conn, plan_id=plan_id)
        periods = store.list_periods(conn, plan_id)
        reports: dict[tuple[int | None, str], Any] = {
            (r.period_id, r.unit_code): r for p in periods for r in store.list_reports(conn, period_id=p.id)}
        ancestors = {a.unit_code: store.ancestor_codes(conn, a.unit_code) for a in assignments}
    issuer_caps = rights.capacities(actor, plan["issuer_unit"], [], plan["issuer_unit"], index)
    is_issuer = Capacity.ISSUER in issuer_caps or rights.may_administer(actor)
    rows = []
    for a in assignments:
        caps = rights.capacities(actor, a.unit_code, ancestors[a.unit_code], plan["issuer_unit"], index)
        if not rights.can_read(caps, True):
            continue
        unit = index.get(a.unit_code)
        per = []
        for p in periods:
            r = reports.get((p.id, a.unit_code))
            state = r.state if r else ReportState.DRAFT
            per.append({"period": p, "state": str(state), "overdue": workflow.report_overdue(state, p.due, today),
                        "timeliness": workflow.report_timeliness(state, p.due, r.submitted_on if r else None,
                                                                 today).value})
        rows.append({"a": a, "unit_name": unit.name if unit else a.unit_code,
                     "overdue": workflow.assignment_overdue(a.state, a.deadline, today),
                     "actions": [x.value for x in workflow.allowed_assignment_actions(a.state, caps)],
                     "reports": per})
    if not rows and not is_issuer:
        raise Forbidden("Đơn vị của bạn không có nhiệm vụ trong kế hoạch này.")
    issuer = index.get(plan["issuer_unit"])
    # The figures a non-issuer may see are its own unit's subtree: link there, never to a refusal.
    board_root = None if is_issuer else actor.unit_code
    return {"plan": plan, "issuer_name": issuer.name if issuer else plan["issuer_unit"], "rows": rows,
            "board_root": board_root,
            "periods": periods, "is_issuer": is_issuer, "topics": topics_of(plan), "labels": labels(),
            "today": today, "units": sorted(index.values(), key=lambda u: u.code) if is_issuer else []}


def unit_context(t: Tracker, actor: Actor, plan_id: int, unit_code: str, today: dt.date) -> dict[str, Any]:
    caps = t.caps(actor, unit_code, plan_id)
    assignment = t.assignment_of(plan_id, unit_code)
    rights.require_read(caps, assignment is not None)
    with t.work.read() as conn:
        plan = store.get_plan(conn, plan_id)
        activities = store.list_activities(conn, plan_id=plan_id, unit_codes=[unit_code])
        evidence = store.evidence_of(conn, [a.id for a in activities if a.id is not None])
        periods = store.list_periods(conn, plan_id)
        mine: dict[int | None, Any] = {r.period_id: r for r in store.list_reports(conn, unit_codes=[unit_code])}
        unit = store.unit_details_of(conn, [unit_code]).get(unit_code)
    vocab = channel_vocab()
    return {
        "plan": plan, "unit_code": unit_code, "unit_name": unit.name if unit else unit_code,
        "assignment": assignment, "activities": activities, "evidence": evidence, "topics": topics_of(plan),
        "can_write": Capacity.UNIT_REPORTER in caps and assignment is not None,
        "actions": [x.value for x in workflow.allowed_assignment_actions(assignment.state, caps)] if assignment else [],
        "overdue": workflow.assignment_overdue(assignment.state, assignment.deadline, today) if assignment else False,
        "periods": [{"period": p, "report": mine.get(p.id)} for p in periods],
        "channels": vocab.channels, "groups": vocab.groups, "qty_units": vocab.quantity_units,
        "labels": labels(), "today": today, "upload_error": None, "upload_detail": [], "form": {}, "errors": {},
    }


def report_context(t: Tracker, actor: Actor, period_id: int, unit_code: str, today: dt.date) -> dict[str, Any]:
    m = t.report_material(actor, period_id, unit_code)
    report, period, plan, activities, comments = m.report, m.period, m.plan, list(m.activities), list(m.comments)
    unit, issuer = m.units.get(unit_code), m.units.get(plan["issuer_unit"])
    caps = t.caps(actor, unit_code, period.plan_id)
    return {
        "issuer_name": issuer.name if issuer else plan["issuer_unit"],
        "now_hm": dt.datetime.now().strftime("%H:%M %d/%m/%Y"),
        "report": report, "period": period, "plan": plan, "unit_code": unit_code,
        "unit_name": unit.name if unit else unit_code, "activities": activities, "comments": comments,
        "can_edit": bool(workflow.REPORT_TABLE.get((report.state, workflow.RA.EDIT)))
        and Capacity.UNIT_REPORTER in caps,
        "actions": [x.value for x in workflow.allowed_report_actions(report.state, caps, report.opened_at is not None)],
        "timeliness": workflow.report_timeliness(report.state, period.due, report.submitted_on, today).value,
        "overdue": workflow.report_overdue(report.state, period.due, today),
        "labels": labels(), "today": today,
    }


def dashboard_tables(board: Dashboard) -> dict[str, Any]:
    lab = labels()
    qty = lab["qty_units"]

    def q(d: dict[str, float]) -> str:
        return "; ".join(f"{v:g} {qty.get(k, k)}" for k, v in sorted(d.items()))

    months = [(f"{t.key[4:]}/{t.key[:4]}", t.activities) for t in board.by_month]
    return {
        "grand": {"activities": board.grand.activities, "quantities": q(board.grand.quantities)},
        "by_channel": [(board.channel_name(t.key), t.activities, q(t.quantities)) for t in board.by_channel],
        "by_topic": [(f"{t.key}. {board.topic_title(t.key)}", t.activities, q(t.quantities)) for t in board.by_topic],
        "by_month": [(m, n) for m, n in months],
        "by_unit": [(board.names.get(t.key, t.key), t.key, t.activities, q(t.quantities)) for t in board.by_unit],
        "coverage": {
            "topics": [(tp.key, tp.title, tp.focal) for tp in board.coverage.topics],
            "units": [(c, n, [board.coverage.count(c, tp.key) for tp in board.coverage.topics])
                      for c, n in board.coverage.units],
            "uncovered": [f"{tp.key}. {tp.title}" for tp in board.coverage.uncovered_topics()],
        },
        "timeliness": [(r.unit_name, r.unit_code, lab["timeliness"][r.timeliness.value],
                        r.timeliness.value, r.submitted_on) for r in board.timeliness],
    }


def dashboard_context(t: Tracker, board: Dashboard) -> dict[str, Any]:
    with t.work.read() as conn:
        periods = store.list_periods(conn, board.plan["id"])
    return {"board": board, "tables": dashboard_tables(board), "periods": periods, "labels": labels()}


def dashboard_xlsx(board: Dashboard) -> bytes:
    """The dashboard's tables with numbers as numbers: one column per unit of measure, so Excel can add them."""
    tb = dashboard_tables(board)
    cov = tb["coverage"]
    lab = labels()
    used = {k for t in (*board.by_channel, *board.by_topic, *board.by_unit) for k in t.quantities}
    codes = [c for c in lab["qty_units"] if c in used] + sorted(used - set(lab["qty_units"]))
    heads = [lab["qty_units"].get(c, c) for c in codes]

    def amounts(t: Any) -> list[float | None]:
        return [t.quantities.get(c) for c in codes]

    return rows_to_xlsx([
        ("Theo hình thức", ["Hình thức", "Số hoạt động", *heads],
         [[board.channel_name(t.key), t.activities, *amounts(t)] for t in board.by_channel]),
        ("Theo nội dung", ["Nội dung", "Số hoạt động", *heads],
         [[f"{t.key}. {board.topic_title(t.key)}", t.activities, *amounts(t)] for t in board.by_topic]),
        ("Theo tháng", ["Tháng", "Số hoạt động"], tb["by_month"]),
        ("Theo đơn vị", ["Đơn vị", "Mã", "Số hoạt động", *heads],
         [[board.names.get(t.key, t.key), t.key, t.activities, *amounts(t)] for t in board.by_unit]),
        ("Độ phủ nội dung", ["Đơn vị", *[f"{k}" for k, _, _ in cov["topics"]]],
         [[n, *counts] for _c, n, counts in cov["units"]]),
        ("Thời hạn báo cáo", ["Đơn vị", "Mã", "Thời hạn", "Mã thời hạn", "Ngày gửi"], tb["timeliness"]),
    ])
