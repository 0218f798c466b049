"""Property-based tests generated from /api/v1/openapi.json (schemathesis), against the app in process.

Every operation is called with generated parameters and bodies by an admin
holding an API token, over a SQLite library holding the samples: no answer may
be a server error, every status code and content type must be documented,
and every answer must match its schema (the routes' Pydantic response models,
thongsuot/web/schemas/). Six examples per operation keep the run near 30 s; out-of-range numbers
are covered exhaustively by tests/web/test_numeric_params.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from web_helpers import SAMPLES, WebEnv, make_env

from thongsuot.storage import accounts
from thongsuot.web import security

TOKEN: dict[str, str] = {}
# no 500; only documented status codes and content types; every answer matches its documented schema
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebEnv]:
    tmp = tmp_path_factory.mktemp("schemathesis")
    env = make_env(f"sqlite:///{tmp / 'api.sqlite3'}", tmp)
    for path in sorted(SAMPLES.glob("*.txt"))[:2]:
        env.store_text(path.read_text(encoding="utf-8"), "HU-A", name=path.name)
    plain = security.new_api_token()
    accounts.create_token(env.engine, env.users["admin"].id, "schemathesis", security.token_hash(plain), plain[:8])
    TOKEN["value"] = plain
    yield env
    env.app.state.ts.db.close()


def test_api_answers_match_the_schema_and_never_fail(api_env: WebEnv) -> None:
    """Each operation in turn (schemathesis' pytest plugin does not run under this pytest; its strategies do)."""
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", api_env.app)
    headers = {"Authorization": f"Bearer {TOKEN['value']}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  phases=[Phase.explicit, Phase.generate])
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()
