"""Permissions matrix entries of the scan view and its API: correcting a scan's text is an editor's act on its own unit."""

from __future__ import annotations

import itertools
from typing import Any

from scan_docs import PAGE_1, PAGE_2, image_pdf, scanned
from web_helpers import OTHER_UNIT, OWN_UNIT, UNIT_SCOPED, Call, Rule, WebEnv

_counter = itertools.count(1)


def scan_for(env: WebEnv, scope: str) -> int:
    n = next(_counter)
    name = f"quet-{n}.pdf"
    owner = OWN_UNIT if scope == "own" else OTHER_UNIT
    return int(env.lib.store(scanned(name=name), image_pdf(2, f"matrix {n}"), file_name=name, fmt="pdf",
                             owner_unit_id=owner).document_id)


def _correct(env: WebEnv, c: Any, role: str | None, scope: str) -> Any:
    fixed = PAGE_1.replace("l2-", "12-")
    note = f"\n- Ghi chú {next(_counter)}."  # every correction's text differs: equal texts would be one file
    return c.post(f"/documents/{scan_for(env, scope)}/correct",
                  data={"version": "1", "page_text": [fixed, PAGE_2 + note]}, follow_redirects=False)


def _correct_api(env: WebEnv, c: Any, role: str | None, scope: str) -> Any:
    fixed = PAGE_1.replace("l2-", "12-")
    note = f"\n- Ghi chú {next(_counter)}."
    return c.post(f"/api/v1/documents/{scan_for(env, scope)}/corrections",
                  json={"version": 1, "pages": [fixed, PAGE_2 + note]})


ENTRIES: dict[tuple[str, str], tuple[Rule, Call]] = {
    ("POST", "/documents/{document_id}/correct"): (UNIT_SCOPED, _correct),
    ("POST", "/api/v1/documents/{document_id}/corrections"): (UNIT_SCOPED, _correct_api),
}
