"""Web test helpers: the real app over a real database (SQLite and PostgreSQL), real users per role.

`web(db_url)` gives a `WebEnv`: the app, its settings and one user per role in
unit HU-A of the demo tree (HU-B is "another unit"). `env.client(role)` returns
a TestClient logged in through the real login form, with the CSRF header set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from thongsuot.config import Settings
from thongsuot.orgs.tree import load_org, store_org
from thongsuot.parsing import parse_text
from thongsuot.storage import accounts
from thongsuot.web import security
from thongsuot.web.app import create_app

ROLES = ("admin", "editor", "reporter", "viewer")
OWN_UNIT = "HU-A"  # every test user belongs here
CHILD_UNIT = "BTGHU-A"  # inside HU-A's subtree
OTHER_UNIT = "HU-B"  # outside it
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@dataclass
class WebEnv:
    app: Any
    settings: Settings
    passwords: dict[str, str] = field(default_factory=dict)
    users: dict[str, accounts.User] = field(default_factory=dict)

    @property
    def engine(self) -> Any:
        return self.app.state.ts.engine

    @property
    def lib(self) -> Any:
        return self.app.state.ts.lib

    def anonymous(self) -> TestClient:
        client = TestClient(self.app, raise_server_exceptions=False)
        client.get("/login")  # receives the CSRF cookie like a browser
        client.headers[security.CSRF_HEADER] = client.cookies.get(security.CSRF_COOKIE) or ""
        return client

    def client(self, role: str | None) -> TestClient:
        client = self.anonymous()
        if role is None:
            return client
        response = client.post(
            "/login",
            data={"username": role, "password": self.passwords[role], security.CSRF_FIELD: client.headers[security.CSRF_HEADER]},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        return client

    def add_user(self, username: str, role: str, unit: str) -> accounts.User:
        password = security.generate_password()
        user = accounts.create_user(self.engine, username, security.hash_password(password), accounts.Role(role), unit)
        self.passwords[username] = password
        return user

    def store_text(self, text: str, owner: str | None, name: str = "van-ban.txt") -> int:
        """A document stored straight through the library (fixture data, not the code under test)."""
        result = self.lib.store(parse_text(text, name=name), text.encode("utf-8"), file_name=name, owner_unit_id=owner)
        return int(result.document_id)


def make_env(db_url: str, tmp_path: Path, **settings: Any) -> WebEnv:
    config = Settings(data=tmp_path / "data", database_url=db_url, **settings)
    env = WebEnv(app=create_app(config), settings=config)
    store_org(env.engine, load_org())
    for role in ROLES:
        env.users[role] = env.add_user(role, role, OWN_UNIT)
    return env


def error_shape(body: dict[str, Any]) -> bool:
    err = body.get("error")
    return isinstance(err, dict) and set(err) == {"code", "message", "detail"} and bool(err["message"])


# --- the permissions matrix vocabulary (used by test_permissions.py and tests/web/matrix_*.py) ---
@dataclass(frozen=True)
class Rule:
    """Expected result per role for (own, other); `anonymous` for a visitor."""

    admin: tuple[str, str]
    editor: tuple[str, str]
    reporter: tuple[str, str]
    viewer: tuple[str, str]
    anonymous: str = "401"

    def expected(self, role: str | None, scope: str) -> str:
        if role is None:
            return self.anonymous
        pair: tuple[str, str] = getattr(self, role)
        return pair[0] if scope == "own" else pair[1]


ADMIN_ONLY = Rule(("2xx", "2xx"), ("403", "403"), ("403", "403"), ("403", "403"))
UNIT_SCOPED = Rule(("2xx", "2xx"), ("2xx", "403"), ("403", "403"), ("403", "403"))
ANY_USER = Rule(("2xx", "2xx"), ("2xx", "2xx"), ("2xx", "2xx"), ("2xx", "2xx"))
OWN_ONLY = Rule(("2xx", "404"), ("2xx", "404"), ("2xx", "404"), ("2xx", "404"))
PUBLIC = Rule(("2xx", "2xx"), ("2xx", "2xx"), ("2xx", "2xx"), ("2xx", "2xx"), anonymous="2xx")


Call = Callable[[WebEnv, TestClient, str | None, str], Any]
