"""Secrets and limits: argon2id passwords, session/API tokens, CSRF, login rate limit.

Sessions and API tokens are random strings handed to the client once; only
their SHA-256 is stored, so a copy of the database gives no way in. CSRF uses
the double-submit pattern: a random cookie that forms (hidden field) and htmx
calls (`hx-headers`) must echo; requests with a Bearer token carry no cookie and
need no CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from thongsuot.errors import RateLimited

SESSION_COOKIE = "ts_session"
CSRF_COOKIE = "ts_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
TOKEN_PREFIX = "tsk_"

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# A real hash to verify against when the user does not exist, so a login for an
# unknown name takes as long as one with a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def burn_verify_time(password: str) -> None:
    verify_password(_DUMMY_HASH, password)


def generate_password() -> str:
    """A readable random password (no look-alike characters), ~95 bits."""
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    groups = ["".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4)]
    return "-".join(groups)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_api_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def csrf_matches(cookie_value: str | None, sent: str | None) -> bool:
    return bool(cookie_value) and bool(sent) and hmac.compare_digest(str(cookie_value), str(sent))


@dataclass
class LoginLimiter:
    """Sliding-window count of failed logins per account and per address.

    In memory, per process: enough for one server; a restart clears it.
    """

    per_account: int = 5
    per_address: int = 20
    window_s: float = 15 * 60
    _fails: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails.setdefault(key, deque())
        while q and q[0] <= now - self.window_s:
            q.popleft()
        return q

    def check(self, username: str, address: str) -> None:
        """Raise RateLimited when either key has too many recent failures."""
        now = time.monotonic()
        with self._lock:
            account = len(self._recent("u:" + username.lower(), now))
            addr = len(self._recent("a:" + address, now))
        if account >= self.per_account or addr >= self.per_address:
            raise RateLimited(
                "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
                detail={"retry_after_s": int(self.window_s)},
            )

    def failed(self, username: str, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent("u:" + username.lower(), now).append(now)
            self._recent("a:" + address, now).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._fails.pop("u:" + username.lower(), None)
