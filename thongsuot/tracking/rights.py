"""Who may do what on tracking data, computed per object from the actor and the tree.

- reporters (and editors) write only their own unit's activities and reports;
- a unit's leaders (any account of the unit or of an ancestor) read its subtree;
- the issuing level (editors of the plan's issuing unit, or of a same-level
  board directly under it, e.g. the Ban Tuyên giáo of a Tỉnh ủy) reads every
  unit assigned under its plan and accepts or returns their work;
- admins manage the tree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from thongsuot.domain.org import Unit, UnitKind
from thongsuot.domain.tracking import Capacity
from thongsuot.errors import Forbidden

WRITER_ROLES = frozenset({"reporter", "editor"})
ISSUER_ROLES = frozenset({"editor", "admin"})


@dataclass(frozen=True)
class Actor:
    username: str
    role: str  # accounts.Role value: admin | editor | reporter | viewer
    unit_code: str
    user_id: int | None = None


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


def may_issue(actor: Actor, issuer_unit: str, index: Mapping[str, Unit]) -> bool:
    """Admins, and editors of the plan's issuing unit or of a board acting for it, track and assign its plans."""
    return actor.role == "admin" or (actor.role in ISSUER_ROLES
                                     and actor.unit_code in issuing_units(issuer_unit, index))


def capacities(
    actor: Actor,
    unit_code: str,
    unit_ancestors: Sequence[str],
    issuer_unit: str | None,
    index: Mapping[str, Unit],
) -> frozenset[Capacity]:
    """The capacities `actor` holds on an object of `unit_code` (ancestors: the unit first, root last)."""
    caps: set[Capacity] = set()
    if actor.role == "admin":
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


def require_admin(actor: Actor) -> None:
    if actor.role != "admin":
        raise Forbidden("Chỉ quản trị viên mới được quản lý cây tổ chức.")
