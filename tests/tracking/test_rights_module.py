"""The one rights module (tracking/rights.py): roles as the enum, unit scopes over the tree, the CLI's operator."""

from __future__ import annotations

import pytest

from thongsuot.errors import Forbidden
from thongsuot.storage.accounts import Role
from thongsuot.tracking import rights
from thongsuot.tracking.rights import Actor

# TU -> HU-A -> X1 ; TU -> HU-B
TREE = {"TU": {"TU", "HU-A", "X1", "HU-B"}, "HU-A": {"HU-A", "X1"}, "X1": {"X1"}, "HU-B": {"HU-B"}}


def subtree(code: str) -> set[str]:
    return TREE.get(code, {code})


def test_roles_are_the_enum_even_when_given_as_text() -> None:
    assert Actor("a", "editor", "HU-A").role is Role.EDITOR  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Actor("a", "chief", "HU-A")  # type: ignore[arg-type]
    assert rights.operator("TU").role is Role.ADMIN and rights.operator("TU").unit_code == "TU"


@pytest.mark.parametrize(("role", "unit", "target", "allowed"), [
    (Role.ADMIN, "HU-B", "X1", True),
    (Role.EDITOR, "HU-A", "X1", True),  # below its unit
    (Role.EDITOR, "HU-A", "HU-A", True),
    (Role.EDITOR, "HU-A", "TU", False),  # above
    (Role.EDITOR, "HU-A", "HU-B", False),  # another branch
    (Role.EDITOR, "HU-A", None, False),  # a document of no unit: admins only
    (Role.REPORTER, "HU-A", "HU-A", False),
    (Role.VIEWER, "HU-A", "HU-A", False),
])
def test_editing_a_units_things(role: Role, unit: str, target: str | None, allowed: bool) -> None:
    who = Actor("a", role, unit)
    assert rights.may_edit_unit(who, target, subtree) is allowed
    if not allowed:
        with pytest.raises(Forbidden):
            rights.require_edit_unit(who, target, subtree)
    assert rights.may_edit_unit(None, target, subtree) is False


@pytest.mark.parametrize(("unit", "reads"), [("TU", True), ("HU-A", True), ("X1", True), ("HU-B", False)])
def test_a_draft_is_read_up_and_down_its_branch_only(unit: str, reads: bool) -> None:
    who = Actor("a", Role.VIEWER, unit)
    assert rights.may_read_plan(who, "HU-A", False, subtree) is reads
    assert rights.may_read_plan(who, "HU-A", True, subtree)  # issued: in the library


def test_uploading_administering_exporting_and_upload_progress() -> None:
    for role in Role:
        who = Actor("a", role, "TU")
        assert rights.may_upload(who) is (role in (Role.ADMIN, Role.EDITOR))
        assert rights.may_administer(who) is (role is Role.ADMIN)
        assert rights.may_export_tree(who, {"TU"}) is (role in (Role.ADMIN, Role.EDITOR))
        assert rights.may_export_tree(Actor("a", role, "HU-A"), {"TU"}) is (role is Role.ADMIN)
        assert rights.may_see_upload(who, 1, 1) and rights.may_see_upload(who, 1, 2) is (role is Role.ADMIN)
    assert rights.may_read_library(None, public_library=True) and not rights.may_read_library(None, False)
