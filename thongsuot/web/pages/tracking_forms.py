"""Reading the tracking forms field by field.

A refused value comes back beside its own field (status 422, the htmx partial
or the whole page) with everything typed kept, instead of an error page that
loses the form: each reader returns what was typed, the parsed object when all
fields are good, and one Vietnamese message per faulty field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from thongsuot.domain.tracking import Activity, Quantity
from thongsuot.orgs.tree_io import parse_date
from thongsuot.tracking.activities import activity_problems, find_quantity_unit

ACTIVITY_FIELDS = ("start", "end", "channel", "title", "amount1", "unit1", "amount2", "unit2", "link", "note")
AMOUNT_SLOTS = (1, 2)
# activity_problems names a field of the activity; the form shows it beside this input.
PROBLEM_FIELD = {"quantities": "amount1"}


def date_field(text: str, name: str, errors: dict[str, str], required: bool = False) -> dt.date | None:
    """A dd/mm/yyyy date, or a message beside the field (31/02/2026 is no date)."""
    if not text:
        if required:
            errors[name] = "Cần ghi ngày (dd/mm/yyyy)."
        return None
    try:
        return parse_date(text)
    except ValueError:
        errors[name] = f"Ngày “{text}” không có thật hoặc sai dạng (dd/mm/yyyy)."
        return None


def _amount(text: str) -> float | None:
    try:
        return float(text.replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def read_activity(form: Any, plan_id: int, unit_code: str,
                  topic_keys: Sequence[str]) -> tuple[dict[str, Any], Activity | None, dict[str, str]]:
    """(what was typed, the activity or None, field -> message) from the activity form."""

    def text(name: str) -> str:
        value = form.get(name)
        return value.strip() if isinstance(value, str) else ""

    values: dict[str, Any] = {name: text(name) for name in ACTIVITY_FIELDS}
    values["topics"] = [v for v in form.getlist("topics") if isinstance(v, str) and v]
    errors: dict[str, str] = {}
    start = date_field(values["start"], "start", errors, required=True)
    end = date_field(values["end"], "end", errors)
    quantities = []
    for i in AMOUNT_SLOTS:
        amount, unit = values[f"amount{i}"], values[f"unit{i}"]
        if not amount:
            continue
        number = _amount(amount)
        if number is None:
            errors[f"amount{i}"] = f"“{amount}” không phải là số."
        elif not unit:
            errors[f"unit{i}"] = "Cần chọn đơn vị tính cho số lượng."
        else:
            quantities.append(Quantity(number, find_quantity_unit(unit) or unit))
    if errors or start is None:
        return values, None, errors
    activity = Activity(None, plan_id, unit_code, start, values["channel"], end=end, topics=tuple(values["topics"]),
                        quantities=tuple(quantities), title=values["title"], link=values["link"] or None,
                        note=values["note"] or None)
    for field, message in activity_problems(activity, topic_keys):
        name = PROBLEM_FIELD.get(field, field)
        errors.setdefault(name, message[:1].upper() + message[1:])
    return values, (None if errors else activity), errors


PERIOD_FIELDS = ("label", "kind", "start", "end", "due")


def read_period(form: Any) -> tuple[dict[str, str], dict[str, Any] | None, dict[str, str]]:
    """(what was typed, the period's fields or None, field -> message) from the plan page's period form."""
    values = {name: (v.strip() if isinstance(v := form.get(name), str) else "") for name in PERIOD_FIELDS}
    errors: dict[str, str] = {}
    if not values["label"]:
        errors["label"] = "Cần ghi tên kỳ báo cáo."
    dates = {name: date_field(values[name], name, errors, required=True) for name in ("start", "end", "due")}
    start, end, due = dates["start"], dates["end"], dates["due"]
    if start and end and end < start:
        errors["end"] = "Ngày kết thúc phải sau ngày bắt đầu."
    if start and due and due < start:
        errors["due"] = "Hạn nộp phải sau ngày bắt đầu kỳ."
    if errors:
        return values, None, errors
    return values, {"label": values["label"], "kind": values["kind"] or "six_months", **dates}, errors
