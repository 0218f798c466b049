"""join_parts (wrapped lines -> one paragraph) against its rule, on generated lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from thongsuot.parsing.blocks import join_parts


def spec(parts: list[str]) -> str:
    """The rule, stated plainly: one space between lines; across a hyphen after a letter or digit,
    the hyphen goes when the next line starts in lower case (a word wrapped: "xây-" / "dựng"),
    and the lines are glued when it does not ("COVID-" / "19")."""
    out = ""
    for p in (p for p in parts if p):
        if not out:
            out = p
        elif out.endswith("-") and len(out) > 1 and out[-2].isalnum():
            out = out[:-1] + " " + p if p[:1].islower() else out + p
        else:
            out = out + " " + p
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab1X- ", max_size=5), max_size=8))
def test_join_parts_follows_the_rule(parts: list[str]) -> None:
    assert join_parts(parts) == spec(parts)


def test_examples() -> None:
    assert join_parts(["tăng cường xây-", "dựng Đảng"]) == "tăng cường xây dựng Đảng"
    assert join_parts(["COVID-", "19 và", "", "các biện pháp"]) == "COVID-19 và các biện pháp"
