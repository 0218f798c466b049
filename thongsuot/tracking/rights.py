"""Who may do what: the one home of every right, for pages, the API and the CLI (no FastAPI here).

Roles are `storage.accounts.Role`, compared as the enum, never as strings.
The web layer keeps only the glue (`web/deps.py` turns these into route
dependencies); the CLI acts as the server's operator (`operator()`).

Library and drafting (issue 4):
- admins do everything, including users, the audit log and the tree;
- editors upload documents and draft plans, and change only documents and
  drafts of their unit's subtree;
- reporters and viewers read; visitors read the library only when it is public;
- a draft is read by the drafting unit, the units above it (they direct it)
  and below it (they will carry it out), never by another branch; issued
  plans are in the library;
- the whole tree (as a file) goes to admins and to editors of a root unit.

Tracking, computed per object from the actor and the tree:
- reporters (and editors) write only their own unit's activities and reports;
- a unit's leaders (any account of the unit or of an ancestor) read its subtree;
- the issuing level (editors of the plan's issuing unit, or of a same-level
  board directly under it, e.g. the Ban Tuyên giáo of a Tỉnh ủy) reads every
  unit assigned under its plan and accepts or returns their work.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from thongsuot.domain.org import Unit, UnitKind
from thongsuot.domain.tracking import Capacity
from thongsuot.errors import Forbidden
from thongsuot.storage.accounts import Role

WRITER_ROLES = frozenset({Role.REPORTER, Role.EDITOR})
ISSUER_ROLES = frozenset({Role.EDITOR, Role.ADMIN})
UPLOADER_ROLES = frozenset({Role.ADMIN, Role.EDITOR})

Subtree = Callable[[str], Collection[str]]  # a unit's code -> the codes of its subtree (itself included)


class Who(Protocol):
    """Anyone acting: a signed-in `User` or a tracking `Actor`."""

    @property
    def role(self) -> Role: ...

    @property
    def unit_code(self) -> str: ...


@dataclass(frozen=True)
class Actor:
    username: str
    role: Role  # a plain string ("editor") is accepted and turned into the enum
    unit_code: str
    user_id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", Role(self.role))


def operator(unit_code: str = "") -> Actor:
    """The CLI acts as the server's operator: whoever runs it on the server holds the admin's rights."""
    return Actor("(cli)", Role.ADMIN, unit_code)


# --- library, drafting, accounts ---------------------------------------------------------


def may_administer(who: Who) -> bool:
    return who.role is Role.ADMIN


def require_administer(who: Who, message: str = "Chỉ quản trị viên được làm việc này.") -> None:
    if not may_administer(who):
        raise Forbidden(message)


def may_upload(who: Who) -> bool:
    """Uploading documents and drafting plans."""
    return who.role in UPLOADER_ROLES


def require_upload(who: Who) -> None:
    if not may_upload(who):
        raise Forbidden("Chỉ biên tập viên hoặc quản trị viên được tải văn bản lên.")


def may_read_library(who: Who | None, public_library: bool) -> bool:
    return who is not None or public_library


def may_edit_unit(who: Who | None, unit_code: str | None, subtree: Subtree) -> bool:
    """Changing what a unit owns (documents, drafts): admins everywhere, editors inside their unit's subtree."""
    if who is None:
        return False
    if who.role is Role.ADMIN:
        return True
    return who.role is Role.EDITOR and unit_code is not None and unit_code in subtree(who.unit_code)


def require_edit_unit(who: Who, unit_code: str | None, subtree: Subtree) -> None:
    if not may_edit_unit(who, unit_code, subtree):
        raise Forbidden("Văn bản này thuộc đơn vị ngoài phạm vi quyền của bạn.", detail={"unit": unit_code})


def may_read_plan(who: Who, unit_code: str | None, issued: bool, subtree: Subtree) -> bool:
    """Issued plans: everyone signed in. A draft: admins, the drafting unit, the units above and below it."""
    if issued or unit_code is None or who.role is Role.ADMIN:
        return True
    return unit_code in subtree(who.unit_code) or who.unit_code in subtree(unit_code)


def may_export_tree(who: Who, roots: Collection[str]) -> bool:
    return who.role is Role.ADMIN or (who.role is Role.EDITOR and who.unit_code in roots)


def require_export_tree(who: Who, roots: Collection[str]) -> None:
    if not may_export_tree(who, roots):
        raise Forbidden("Chỉ quản trị viên hoặc biên tập viên của đơn vị cấp cao nhất được xuất cả cây tổ chức.")


def may_see_upload(who: Who, user_id: int, owner_id: int) -> bool:
    """An upload's progress: the one who uploaded, or an admin."""
    return user_id == owner_id or who.role is Role.ADMIN


# --- tracking ------------------------------------------------------------------------------


def issuing_units(issuer_unit: str, index: Mapping[str, Unit]) -> frozenset[str]:
    """The plan's issuing unit and the same-level boards right under it that act for it.

    Only boards (commissions: Ban Tuyên giáo, Văn phòng...) act for their
    committee; a newspaper or a department placed under the committee in the
    tree is assigned by its plans, it does not issue them.
    """
    issuer = index.get(issuer_unit)
    out = {issuer_unit}
    if issuer is not None:
        out |= {u.code for u in index.values() if u.parent_code == issuer_unit and u.level == issuer.level
                and u.kind is UnitKind.COMMISSION}
    return frozenset(out)


def may_issue(actor: Who, issuer_unit: str, index: Mapping[str, Unit]) -> bool:
    """Admins, and editors of the plan's issuing unit or of a board acting for it, track and assign its plans."""
    return actor.role is Role.ADMIN or (actor.role in ISSUER_ROLES
                                        and actor.unit_code in issuing_units(issuer_unit, index))


def capacities(
    actor: Who,
    unit_code: str,
    unit_ancestors: Sequence[str],
    issuer_unit: str | None,
    index: Mapping[str, Unit],
) -> frozenset[Capacity]:
    """The capacities `actor` holds on an object of `unit_code` (ancestors: the unit first, root last)."""
    caps: set[Capacity] = set()
    if actor.role is Role.ADMIN:
        caps.add(Capacity.ADMIN)
    if actor.unit_code == unit_code and actor.role in WRITER_ROLES:
        caps.add(Capacity.UNIT_REPORTER)
    if actor.unit_code in unit_ancestors:
        caps.add(Capacity.UNIT_LEADER)
    if issuer_unit is not None and actor.role in ISSUER_ROLES and actor.unit_code in issuing_units(issuer_unit, index):
        caps.add(Capacity.ISSUER)
    return frozenset(caps)


def can_read(caps: frozenset[Capacity], assigned: bool) -> bool:
    """Read access: own unit or subtree, the admin, or the issuing level for a unit assigned under its plan."""
    if caps & {Capacity.UNIT_REPORTER, Capacity.UNIT_LEADER, Capacity.ADMIN}:
        return True
    return Capacity.ISSUER in caps and assigned


def require_read(caps: frozenset[Capacity], assigned: bool) -> None:
    if not can_read(caps, assigned):
        raise Forbidden("Bạn không có quyền xem dữ liệu của đơn vị này.")


def require_write(caps: frozenset[Capacity]) -> None:
    if Capacity.UNIT_REPORTER not in caps:
        raise Forbidden("Chỉ người báo cáo của chính đơn vị mới được ghi hoạt động, báo cáo của đơn vị.")


def require_admin(actor: Who) -> None:
    require_administer(actor, "Chỉ quản trị viên mới được quản lý cây tổ chức.")
