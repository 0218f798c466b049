"""The data of the báo cáo sơ kết / tổng kết: figures from the dashboard, units' reports gathered.

The narrative (leadership and direction, assessment, next tasks) is not
invented: it is left as clearly marked fields for the officer to write; the
units' own limits and proposals are gathered beside them as material.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from thongsuot.domain.org import UnitKind
from thongsuot.domain.tracking import (
    Figure,
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
from thongsuot.tracking.timeliness import TIMELINESS_LABELS
from thongsuot.vocab.tracking_data import channel_vocab

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


def build(board: Dashboard, reports: dict[str, Any], parent_body: str | None, today: dt.date) -> ReviewReport:
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
    return ReviewReport(
        final=period is None or period.kind is PeriodKind.YEAR,
        issuer_body=board.root_name,
        parent_body=parent_body,
        issuer_code=symbol.split("/", 1)[1] if "/" in symbol else "",
        plan_ref=ref,
        plan_title=plan.get("title", ""),
        scope_name=board.root_name,
        period_label=period.label if period else "toàn kỳ kế hoạch",
        start=board.start,
        end=board.end,
        made_on=today,
        place=None,
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
        proposals=tuple((n, r.proposals.strip()) for n, r in gathered if r.proposals.strip()),
        limits=tuple((n, "; ".join(x for x in (r.limits.strip(), r.causes.strip()) if x)) for n, r in gathered
                     if r.limits.strip() or r.causes.strip()),
        to_write=TO_WRITE,
    )


def review_report(engine: Any, actor: Actor, plan_id: int, root: str | None = None, period_id: int | None = None,
                  today: dt.date | None = None) -> ReviewReport:
    """For any unit (a subtree) and period; the same rights as the dashboard."""
    today = today or dt.date.today()
    board = dashboard(engine, actor, plan_id, root, period_id, today)
    with engine.connect() as conn:
        reports = {r.unit_code: r for r in store.list_reports(conn, period_id=period_id)} if period_id else {}
        units = store.unit_details_of(conn, [board.root])
        root_unit = units.get(board.root)
        parent_body = None
        if root_unit is not None and root_unit.kind is not UnitKind.PARTY_COMMITTEE and root_unit.parent_code:
            parent = store.unit_details_of(conn, [root_unit.parent_code]).get(root_unit.parent_code)
            parent_body = parent.name if parent else None
    return build(board, reports, parent_body, today)
