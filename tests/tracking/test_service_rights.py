"""Each rights rule and the report lifecycle, through the Tracker on a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from thongsuot.domain.tracking import (
    Activity,
    AssignmentAction,
    AssignmentState,
    Period,
    PeriodKind,
    Quantity,
    ReportAction,
    ReportState,
)
from thongsuot.errors import Conflict, Forbidden, InputError, NotFound
from thongsuot.orgs import tree_io
from thongsuot.storage import accounts
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.rollup import dashboard
from thongsuot.tracking.service import Tracker
from thongsuot.tracking.timeliness import home_for_unit

ADMIN = ("quantri", "admin", "AB.TU.VP")
ISSUER = ("tinh.tuyengiao", "editor", "AB.TU.BTGDV")
REPORTER_X04 = ("donghoa.baocao", "reporter", "AB.X04.DU")
REPORTER_X05 = ("dongthanh.baocao", "reporter", "AB.X05.DU")
LEADER_X04 = ("donghoa.lanhdao", "viewer", "AB.X04.DU")
LEADER_X05 = ("dongthanh.lanhdao", "viewer", "AB.X05.DU")
REPORTER_CELL = ("chibo.baocao", "reporter", "AB.X04.CS01")

TOPICS = [{"key": "1", "title": "Kết quả", "focal": True}, {"key": "2", "title": "Nhiệm vụ", "focal": False}]
D = dt.date


def actor(spec: tuple[str, str, str]) -> Actor:
    return Actor(*spec)


def make_plan(tracker: Tracker) -> int:
    made = tracker.track_plan(
        actor(ISSUER), title="Kế hoạch tuyên truyền 2025", issuer_unit="AB.TU", issued_on=D(2025, 7, 15),
        topics=TOPICS, deadline=D(2025, 12, 15),
        duties_by_name=[("Các đảng ủy xã, phường", ["Quán triệt", "Báo cáo"]), ("Báo An Bình", ["Mở chuyên mục"]),
                        ("Ban Chỉ đạo lạ không có", ["x"])],
    )
    assert len(made.assignments) == 13
    assert [m.name for m in made.unmatched] == ["Ban Chỉ đạo lạ không có"]
    return made.plan_id


def act(plan_id: int, unit: str, day: dt.date = D(2025, 8, 1), channel: str = "phat_thanh") -> Activity:
    return Activity(None, plan_id, unit, day, channel, topics=("1",), quantities=(Quantity(3, "tin_bai"),),
                    title="Tuyên truyền trên loa truyền thanh")


def test_only_the_issuing_level_tracks_a_plan(tracker: Tracker) -> None:
    with pytest.raises(Forbidden):
        tracker.track_plan(actor(REPORTER_X04), title="x", issuer_unit="AB.TU", duties_by_name=[])
    with pytest.raises(NotFound):
        tracker.track_plan(actor(ISSUER), title="x", issuer_unit="NOPE", duties_by_name=[])


def test_reporters_write_only_their_own_units_activities(tracker: Tracker) -> None:
    plan = make_plan(tracker)
    assert tracker.record_activities(actor(REPORTER_X04), [act(plan, "AB.X04.DU")])
    with pytest.raises(Forbidden):
        tracker.record_activities(actor(REPORTER_X04), [act(plan, "AB.X05.DU")])
    with pytest.raises(Forbidden):  # a leader reads, does not write
        tracker.record_activities(actor(LEADER_X04), [act(plan, "AB.X04.DU")])
    with pytest.raises(Forbidden):  # own unit, but not assigned under this plan
        tracker.record_activities(actor(REPORTER_CELL), [act(plan, "AB.X04.CS01")])
    with pytest.raises(InputError):
        tracker.record_activities(actor(REPORTER_X04), [act(plan, "AB.X04.DU", channel="bồ câu")])
    # The first activity moved the duty to "in progress".
    home = home_for_unit(tracker.engine.connect(), "AB.X04.DU", D(2025, 8, 2))
    assert home.duties[0].state == AssignmentState.IN_PROGRESS


def test_admins_manage_the_tree(tracker: Tracker) -> None:
    data = tree_io.to_csv(list(tracker.units().values()))
    with pytest.raises(Forbidden):
        tracker.import_tree(actor(ISSUER), data, "t.csv")
    inserted, updated = tracker.import_tree(actor(ADMIN), data, "t.csv")
    assert inserted == 0 and updated == len(tracker.units())


def test_report_lifecycle_and_reading_rights(tracker: Tracker) -> None:
    plan = make_plan(tracker)
    period = tracker.add_period(actor(ISSUER), Period(None, plan, PeriodKind.SIX_MONTHS, "6 tháng cuối năm 2025",
                                                      D(2025, 7, 1), D(2025, 12, 31), D(2025, 12, 15)))
    with pytest.raises(Forbidden):
        tracker.add_period(actor(REPORTER_X04), Period(None, plan, PeriodKind.AD_HOC, "x", D(2025, 7, 1),
                                                       D(2025, 8, 1), D(2025, 8, 1)))
    rep = tracker.report_for(actor(REPORTER_X04), period, "AB.X04.DU")
    assert tracker.report_for(actor(LEADER_X04), period, "AB.X04.DU").id == rep.id  # leader reads own subtree
    assert tracker.report_for(actor(ISSUER), period, "AB.X04.DU").id == rep.id  # issuer reads assigned units
    with pytest.raises(Forbidden):
        tracker.report_for(actor(LEADER_X05), period, "AB.X04.DU")  # not its subtree
    assert rep.id is not None
    tracker.edit_report(actor(REPORTER_X04), rep.id, results="Đã tổ chức 3 hội nghị", limits="", causes="",
                        proposals="Cấp thêm tài liệu")
    with pytest.raises(Forbidden):
        tracker.edit_report(actor(REPORTER_X05), rep.id, results="x", limits="", causes="", proposals="")
    sub = tracker.report_action(actor(REPORTER_X04), rep.id, ReportAction.SUBMIT, today=D(2025, 12, 10))
    assert sub.state is ReportState.SUBMITTED and sub.submitted_on == D(2025, 12, 10)
    for who in (REPORTER_X04, ISSUER, ADMIN):  # nobody edits a submitted report
        with pytest.raises((Conflict, Forbidden)):
            tracker.edit_report(actor(who), rep.id, results="sửa", limits="", causes="", proposals="")
    with pytest.raises(InputError):
        tracker.report_action(actor(ISSUER), rep.id, ReportAction.RETURN, comment="")
    back = tracker.report_action(actor(ISSUER), rep.id, ReportAction.RETURN, comment="Bổ sung số liệu")
    assert back.state is ReportState.RETURNED and back.comment == "Bổ sung số liệu"
    home = home_for_unit(tracker.engine.connect(), "AB.X04.DU", D(2025, 12, 12))
    assert [i.comment for i in home.returned] == ["Bổ sung số liệu"]
    tracker.edit_report(actor(REPORTER_X04), rep.id, results="Đã bổ sung", limits="", causes="", proposals="")
    again = tracker.report_action(actor(REPORTER_X04), rep.id, ReportAction.SUBMIT, today=D(2025, 12, 20))
    assert again.submitted_on == D(2025, 12, 10)  # timeliness counts the first submission
    assert tracker.report_action(actor(ISSUER), rep.id, ReportAction.ACCEPT).state is ReportState.ACCEPTED


def test_every_change_is_audited(tracker: Tracker) -> None:
    plan = make_plan(tracker)
    tracker.record_activities(actor(REPORTER_X04), [act(plan, "AB.X04.DU")])
    a = tracker.assignment_of(plan, "AB.X04.DU")
    assert a is not None
    assert a.id is not None
    tracker.assignment_action(actor(REPORTER_X04), a.id, AssignmentAction.REPORT)
    with pytest.raises(Forbidden):
        tracker.assignment_action(actor(REPORTER_X04), a.id, AssignmentAction.ACCEPT)
    tracker.assignment_action(actor(ISSUER), a.id, AssignmentAction.ACCEPT)
    with tracker.engine.connect() as conn:
        rows = conn.execute(accounts.audit_log.select()).fetchall()
    actions = [r.action for r in rows]
    assert actions == ["plan_track", "activity_create", "assignment_report", "assignment_accept"]
    assert {r.actor for r in rows} == {"tinh.tuyengiao", "donghoa.baocao"}


def test_dashboard_rights_and_figures(tracker: Tracker) -> None:
    plan = make_plan(tracker)
    tracker.record_activities(actor(REPORTER_X04), [act(plan, "AB.X04.DU"), act(plan, "AB.X04.DU", D(2025, 9, 3))])
    board = dashboard(tracker.engine, actor(ISSUER), plan, today=D(2025, 9, 10))
    assert board.grand.activities == 2 and board.grand.quantities == {"tin_bai": 6.0}
    assert [(t.key, t.activities) for t in board.by_unit] == [("AB.X04.DU", 2)]
    assert [t.key for t in board.by_month] == ["202508", "202509"]
    assert [t.key for t in board.coverage.uncovered_topics()] == ["2"]
    assert ("AB.X05.DU" in {c for c, _, _ in board.coverage.gaps()})
    assert dashboard(tracker.engine, actor(LEADER_X04), plan, root="AB.X04.DU").grand.activities == 2
    with pytest.raises(Forbidden):
        dashboard(tracker.engine, actor(LEADER_X05), plan, root="AB.X04.DU")
    with pytest.raises(Forbidden):
        dashboard(tracker.engine, actor(REPORTER_X05), plan)
