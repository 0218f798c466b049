"""A unit's own period report (what it signs and sends up), gathered from what it submitted.

Rights are those of the report page (`Tracker.report_for`): the unit itself,
its leaders and the issuing level. The document is rendered by
`rendering/unit_report.py` as DOCX (official format) or XLSX.
"""

from __future__ import annotations

import datetime as dt
import re

from thongsuot.domain.org import Unit, UnitKind
from thongsuot.rendering.unit_report import UnitReportDoc
from thongsuot.tracking import workflow
from thongsuot.tracking.review_report import place_for
from thongsuot.tracking.rights import Actor
from thongsuot.tracking.service import Tracker
from thongsuot.vocab.tracking_data import body_name_forms


def party_org_name(committee: str) -> str:
    """"Tỉnh ủy An Bình" -> "Đảng bộ tỉnh An Bình": the organisation a committee leads, printed above a unit."""
    low = committee.casefold()
    for org, body in body_name_forms():
        if low.startswith(body.casefold() + " "):
            return org[:1].upper() + org[1:] + committee[len(body):]
    return committee


def _header_parent(unit: Unit, index: dict[str, Unit]) -> str | None:
    parent = index.get(unit.parent_code or "")
    if parent is None:
        return None
    return party_org_name(parent.name) if parent.kind is UnitKind.PARTY_COMMITTEE else parent.name


def unit_report(t: Tracker, actor: Actor, period_id: int, unit_code: str, today: dt.date) -> UnitReportDoc:
    m = t.report_material(actor, period_id, unit_code, whole_tree=True)
    report, period, plan, activities, index = m.report, m.period, m.plan, m.activities, m.units
    unit = index.get(unit_code)
    issuer = index.get(plan["issuer_unit"])
    issuer_name = issuer.name if issuer else plan["issuer_unit"]
    parent_body = _header_parent(unit, index) if unit else None
    name = unit.name if unit else unit_code
    if parent_body:  # "Chi bộ thôn X (xã Y)": the header's upper line already names the commune
        name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    symbol, issued = plan.get("symbol") or "", plan.get("issued_on")
    ref = f"Kế hoạch số {symbol}" if symbol else "Kế hoạch"
    if issued:
        ref += f" ngày {issued:%d/%m/%Y}"
    ref += f" của {issuer_name}"
    return UnitReportDoc(
        unit_name=name, parent_body=parent_body, plan_ref=ref, plan_title=plan.get("title", ""),
        period_label=period.label, period_kind_words=period.kind.label, start=period.start, end=period.end,
        place=place_for(unit_code, index), made_on=report.submitted_on or today, recipient=issuer_name,
        results=report.results, limits=report.limits, causes=report.causes, proposals=report.proposals,
        activities=tuple(activities), state_label=workflow.STATE_LABELS.get(str(report.state), str(report.state)),
    )
