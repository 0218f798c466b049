"""Permissions matrix entries of the notification routes: every user marks its own unit's notices read and
sets its own e-mail address; nobody acts on another's (the routes take no unit or user from the request)."""

from __future__ import annotations

from web_helpers import ANY_USER, Call, Rule

ENTRIES: dict[tuple[str, str], tuple[Rule, Call]] = {
    ("POST", "/notifications/read"): (ANY_USER, lambda env, c, role, scope: c.post("/notifications/read")),
    ("POST", "/notifications/email"): (ANY_USER, lambda env, c, role, scope: c.post(
        "/notifications/email", data={"email": f"{role}@donvi.gov.vn"})),
}
