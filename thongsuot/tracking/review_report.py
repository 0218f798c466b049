"""The data of the báo cáo sơ kết / tổng kết: figures from the dashboard, units' reports gathered.

The narrative (leadership and direction, assessment, next tasks) is not
invented: it is left as clearly marked fields for the officer to write; the
units' own limits and proposals are gathered beside them as material.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from thongsuot.domain.org import Unit, UnitKind
from thongsuot.domain.tracking import (
    Figure,
    Period,
    PeriodKind,
    Quantity,
    ReportState,
    ReviewReport,
    UnitFigure,
)
from thongsuot.storage import tracking as store
from thongsuot.storage.tracking_queries import Total
from thongsuot.tracking import workflow
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.rollup import Dashboard, dashboard
from thongsuot.tracking.timeliness import TIMELINESS_LABELS, period_timeliness
from thongsuot.vocab.tracking_data import channel_vocab, place_of

TO_WRITE = (
    ("direction", "Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai thực hiện kế hoạch (cách làm, văn bản đã ban hành)."),
    ("assessment", "Đánh giá chung kết quả đạt được, chuyển biến về nhận thức và hành động."),
    ("limits", "Hạn chế, khuyết điểm và nguyên nhân (khách quan, chủ quan)."),
    ("lessons", "Bài học kinh nghiệm."),
    ("next", "Phương hướng, nhiệm vụ trọng tâm thời gian tới."),
)


def _qty(t: Total) -> tuple[Quantity, ...]:
    """Quantities in the vocabulary's order (tin, bài before lượt người dự...)."""
    order = {u.code: i for i, u in enumerate(channel_vocab().quantity_units)}
    return tuple(Quantity(v, k) for k, v in sorted(t.quantities.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))


def _month_label(key: str) -> str:
    return f"Tháng {int(key[4:])}/{key[:4]}" if len(key) == 6 and key.isdigit() else key


def clause(text: str) -> str:
    """A unit's text as one clause: trailing stops and semicolons off, so joins never print ".;" or ".."."""
    return re.sub(r"[\s.;,:]+$", "", " ".join(text.split()))


def sentence(text: str) -> str:
    """A clause closed by one full stop."""
    body = clause(text)
    return f"{body}." if body else ""


def _limits_text(r: Any) -> str:
    parts = []
    if clause(r.limits):
        parts.append(f"hạn chế: {clause(r.limits)}")
    if clause(r.causes):
        parts.append(f"nguyên nhân: {clause(r.causes)}")
    return sentence("; ".join(parts))


def build(board: Dashboard, reports: dict[str, Any], parent_body: str | None, today: dt.date,
          place: str | None = None, reports_period: Period | None = None,
          all_periods_ended: bool = False) -> ReviewReport:
    """The report's data. Without a period the figures cover the whole plan; the units' submissions,
    deadlines and timeliness then come from `reports_period` (the latest period begun)."""
    plan, period = board.plan, board.period
    vocab = channel_vocab()
    group_of = {c.code: c.group for c in vocab.channels}
    group_order = [g.code for g in vocab.groups]
    group_name = {g.code: g.name for g in vocab.groups}
    channels = sorted(board.by_channel, key=lambda t: (group_order.index(group_of[t.key]) if t.key in group_of
                                                        else 99, -t.activities))
    topics = {t.key: t for t in board.coverage.topics}
    by_topic_counts = {t.key: t for t in board.by_topic}
    by_topic = tuple(
        Figure(f"{t.key}. {t.title}", by_topic_counts[t.key].activities if t.key in by_topic_counts else 0,
               _qty(by_topic_counts[t.key]) if t.key in by_topic_counts else (), "Trọng tâm" if t.focal else "")
        for t in topics.values()
    ) + tuple(Figure(t.key, t.activities, _qty(t)) for t in board.by_topic if t.key not in topics)
    unit_totals = {t.key: t for t in board.by_unit}
    timeliness = {r.unit_code: r for r in board.timeliness}
    rows = []
    for code, name in board.coverage.units:
        tot = unit_totals.get(code)
        tl = timeliness.get(code)
        rows.append(UnitFigure(
            name, tot.activities if tot else 0, _qty(tot) if tot else (),
            workflow.STATE_LABELS.get(str(tl.state), "") if tl else "",
            TIMELINESS_LABELS[tl.timeliness] if tl else "", tl.submitted_on if tl else None))
    late = tuple(r for r, code in zip(rows, [c for c, _ in board.coverage.units], strict=True)
                 if code in timeliness and timeliness[code].timeliness.value in ("late", "missing"))
    names = dict(board.coverage.units)
    gathered = [(names.get(code, code), r) for code, r in sorted(reports.items())
                if r.state in (ReportState.SUBMITTED, ReportState.ACCEPTED)]
    symbol = plan.get("symbol") or ""
    issued = plan.get("issued_on")
    ref = f"Kế hoạch số {symbol}" if symbol else "Kế hoạch"
    if issued:
        ref += f" ngày {issued.day:02d}/{issued.month:02d}/{issued.year}"
    due_period = period or reports_period
    return ReviewReport(
        final=period.kind is PeriodKind.YEAR if period else all_periods_ended,
        issuer_body=board.root_name,
        parent_body=parent_body,
        issuer_code=symbol.split("/", 1)[1] if "/" in symbol else "",
        plan_ref=ref,
        plan_title=plan.get("title", ""),
        scope_name=board.root_name,
        period_label=period.label if period else ("toàn kỳ kế hoạch" if all_periods_ended else ""),
        start=board.start,
        end=board.end,
        made_on=today,
        place=place,
        total=Figure("Tổng cộng", board.grand.activities, _qty(board.grand)),
        by_topic=by_topic,
        by_channel=tuple(Figure(vocab.channel(t.key).name if vocab.channel(t.key) else t.key,  # type: ignore[union-attr]
                                t.activities, _qty(t), group_name.get(group_of.get(t.key, ""), ""))
                         for t in channels),
        by_month=tuple(Figure(_month_label(t.key), t.activities, _qty(t)) for t in board.by_month),
        units=tuple(rows),
        late_or_missing=late,
        uncovered_topics=tuple(f"{t.key}. {t.title}" for t in board.coverage.uncovered_topics()),
        focal_gaps=tuple((name, tuple(f"{t.key}. {t.title}" for t in missing))
                         for _code, name, missing in board.coverage.gaps()),
        proposals=tuple((n, sentence(r.proposals)) for n, r in gathered if clause(r.proposals)),
        limits=tuple((n, _limits_text(r)) for n, r in gathered if _limits_text(r)),
        to_write=TO_WRITE,
        due=due_period.due if due_period else None,
        reports_period=reports_period.label if (reports_period and period is None) else "",
    )


def place_for(unit_code: str, index: dict[str, Unit]) -> str | None:
    """The place a unit writes before its date: its nearest party committee's, climbing within that level
    (a province board or the UBND party committee writes the province's place, a party cell its commune's)."""
    unit = index.get(unit_code)
    while unit is not None and unit.kind is not UnitKind.PARTY_COMMITTEE and unit.parent_code in index:
        unit = index[unit.parent_code]
    while unit is not None and unit.parent_code in index and index[unit.parent_code].level == unit.level:
        unit = index[unit.parent_code]
    return place_of(unit.name) if unit is not None else None


def latest_begun(periods: list[Period], today: dt.date) -> Period | None:
    """The period the units are reporting on now: the latest one begun by today (else the first)."""
    begun = [p for p in periods if p.start <= today]
    return max(begun, key=lambda p: p.start) if begun else (min(periods, key=lambda p: p.start) if periods else None)


def review_report(engine: Any, actor: Actor, plan_id: int, root: str | None = None, period_id: int | None = None,
                  today: dt.date | None = None) -> ReviewReport:
    """For any unit (a subtree) and period; the same rights as the dashboard."""
    today = today or dt.date.today()
    board = dashboard(engine, actor, plan_id, root, period_id, today)
    with engine.connect() as conn:
        periods = store.list_periods(conn, plan_id)
        current = board.period or latest_begun(periods, today)
        reports = {r.unit_code: r for r in store.list_reports(conn, period_id=current.id)} if current else {}
        index = store.unit_details_of(conn)
    if board.period is None and current is not None:  # figures for the whole plan, submissions of the current period
        codes = [c for c, _ in board.coverage.units]
        board = replace(board, timeliness=period_timeliness(current, codes, reports, board.names, today))
    root_unit = index.get(board.root)
    parent_body = None
    if root_unit is not None and root_unit.kind is not UnitKind.PARTY_COMMITTEE and root_unit.parent_code:
        parent = index.get(root_unit.parent_code)
        parent_body = parent.name if parent else None
    ended = bool(periods) and all(p.end < today for p in periods)
    return build(board, reports, parent_body, today, place_for(board.root, index), current, ended)
