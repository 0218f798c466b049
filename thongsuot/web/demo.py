"""The demo of `make run`: database, sample documents, organisation tree, demo accounts.

Idempotent: re-running stores no duplicate document and no second account; it
only gives each demo account a new random password (printed by the CLI), so no
fixed password ever exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from thongsuot.cascade.ingest import ingest
from thongsuot.config import Settings
from thongsuot.orgs.tree import load_org, store_org
from thongsuot.storage import Library, accounts, audit, open_database
from thongsuot.storage.unit_of_work import WorkSource, one_unit
from thongsuot.web import security

DEMO_OWNER_UNIT = "BTGTU"  # the demo editor's unit: it may edit the sample documents


@dataclass
class DemoReport:
    document_lines: list[str] = field(default_factory=list)
    accounts: list[tuple[str, str, str, str]] = field(default_factory=list)  # username, role, unit, password
    tracking_accounts: list[tuple[str, str, str, str]] = field(default_factory=list)  # the An Bình province


def reset_account(engine: WorkSource, username: str, role: str, unit: str, name: str) -> str:
    """Create the account or give it a new password (and its demo role/unit back), audited in the same unit."""
    password = security.generate_password()
    found = accounts.get_credentials(engine, username)
    if found is None:
        user = accounts.create_user(engine, username, security.hash_password(password),
                                    accounts.Role(role), unit, name)
        action = "user_create"
    else:
        user = found[0]
        accounts.update_user(engine, user.id, role=accounts.Role(role), unit_code=unit,
                             active=True, password_hash=security.hash_password(password))
        action = "demo_reset"
    audit.append_audit(engine, action=action, actor="(demo)", target=username,
                          after={"role": role, "unit": unit})
    return password


def load_demo(settings: Settings, samples: Path, demo_accounts: Iterable[tuple[str, str, str, str]]) -> DemoReport:
    report = DemoReport()
    db = open_database(settings.database_url or settings.resolved_database_url)  # upgrades first
    try:
        store_org(db.engine, load_org())
        if samples.exists():
            result = ingest(Library(db), [samples], owner_unit_id=DEMO_OWNER_UNIT)
            counts = result.counts
            report.document_lines.append(
                f"Văn bản mẫu: {counts['stored']} mới, {counts['duplicate']} đã có, "
                f"{counts['new_version']} phiên bản mới, {counts['failed']} lỗi."
            )
            for failure in result.failures:
                report.document_lines.append(f"  lỗi: {failure.message}")
        else:
            report.document_lines.append(f"Không thấy thư mục văn bản mẫu {samples}.")
        for username, role, unit, name in demo_accounts:
            with one_unit(db.engine) as work:
                report.accounts.append((username, role, unit, reset_account(work, username, role, unit, name)))
        # Tracking demo: the demo province An Bình, a plan under tracking and its accounts (the
        # province's staff, a commune's leader and reporters), so every role of tracking can be tried.
        from thongsuot.tracking import demo as tracking_demo

        tracking_demo.load_tree(db.engine)
        tracking_demo.load_plan(db.engine)
        for a in tracking_demo.accounts():
            with one_unit(db.engine) as work:
                password = reset_account(work, a.username, a.role, a.unit, a.display_name)
            report.tracking_accounts.append((a.username, a.role, a.unit, password))
    finally:
        db.close()
    return report
