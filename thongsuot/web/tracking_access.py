"""The tracking service and the acting user as pages and API routes both need them.

Kept apart from `web/pages/` and `web/api/` so that neither imports the other
(the import-linter contract forbids cycles between sibling modules).
"""

from __future__ import annotations

from fastapi import Request

from thongsuot.storage.accounts import User
from thongsuot.tracking import views
from thongsuot.web import deps


def actor_of(user: User) -> views.Actor:
    return views.Actor(user.username, user.role, user.unit_code, user.id)


def tracker(request: Request) -> views.Tracker:
    return views.Tracker(deps.state(request).engine)
