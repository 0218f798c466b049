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
from collections import OrderedDict, deque
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from thongsuot.errors import RateLimited

SESSION_COOKIE = "ts_session"
CSRF_COOKIE = "ts_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
TOKEN_PREFIX = "tsk_"

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters (64 MiB per hash)

# Password hashes are the one costly step anyone can trigger. At most HASH_SLOTS
# run at once (memory: HASH_SLOTS x 64 MiB); up to HASH_QUEUE more wait their
# turn, holding a thread but no hash memory; beyond that a login is refused at
# once with 429, so a flood neither exhausts memory nor the server's threads.
HASH_SLOTS = 2
HASH_QUEUE = 12
_slots = threading.BoundedSemaphore(HASH_SLOTS)
_waiting = 0
_waiting_lock = threading.Lock()


class _HashSlot:
    def __enter__(self) -> None:
        global _waiting
        with _waiting_lock:
            if _waiting >= HASH_SLOTS + HASH_QUEUE:
                raise RateLimited("Máy chủ đang bận xử lý đăng nhập. Vui lòng thử lại sau ít giây.",
                                  detail={"retry_after_s": 5})
            _waiting += 1
        _slots.acquire()

    def __exit__(self, *exc: object) -> None:
        global _waiting
        _slots.release()
        with _waiting_lock:
            _waiting -= 1


def hash_password(password: str) -> str:
    with _HashSlot():
        return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    with _HashSlot():
        try:
            return _hasher.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


# A real hash to verify against when the user does not exist or is deactivated,
# so every failed login costs the same work as one with a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def check_login_password(password_hash: str | None, active: bool, password: str) -> bool:
    """One argon2 verify whatever the account's state (unknown, deactivated, active)."""
    matches = verify_password(password_hash if password_hash and active else _DUMMY_HASH, password)
    return matches and active and password_hash is not None


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


def _key(*parts: str) -> bytes:
    """A fixed-size key (16 bytes), however long the name sent."""
    return hashlib.blake2b("\x00".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass
class LoginLimiter:
    """Failed logins per (account, address) and per address, recorded before the password is checked.

    `attempt()` counts the attempt and refuses it in one locked step, so
    parallel requests cannot all pass the check before any failure is
    recorded; `succeeded()` takes the attempt back. Limits are per account
    *and* address (plus a higher one per address): guessing from one place is
    slowed to `per_pair` tries per window, while the real user on another
    address is never locked out. Memory is bounded: at most `max_keys` keys of
    16 bytes, each with at most `limit` timestamps, least recently used dropped.
    """

    per_pair: int = 5
    per_address: int = 20
    window_s: float = 15 * 60
    max_keys: int = 20_000
    _fails: OrderedDict[bytes, deque[float]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, key: bytes, now: float, limit: int) -> deque[float]:
        q = self._fails.get(key)
        if q is None:
            q = self._fails[key] = deque(maxlen=limit)
            while len(self._fails) > self.max_keys:
                self._fails.popitem(last=False)
        else:
            self._fails.move_to_end(key)
        while q and q[0] <= now - self.window_s:
            q.popleft()
        return q

    def attempt(self, username: str, address: str) -> float:
        """Record an attempt (as a failure until `succeeded`) or raise RateLimited; returns its timestamp."""
        now = time.monotonic()
        pair_key, addr_key = _key("p", username.lower(), address), _key("a", address)
        with self._lock:
            pair = self._recent(pair_key, now, self.per_pair)
            addr = self._recent(addr_key, now, self.per_address)
            if len(pair) >= self.per_pair or len(addr) >= self.per_address:
                oldest = min(q[0] for q in (pair, addr) if q)
                raise RateLimited(
                    "Đăng nhập sai quá nhiều lần từ máy này. Vui lòng thử lại sau ít phút.",
                    detail={"retry_after_s": max(1, int(oldest + self.window_s - now))},
                )
            pair.append(now)
            addr.append(now)
        return now

    def succeeded(self, username: str, address: str, at: float) -> None:
        """The attempt was right: forget it and the pair's earlier failures."""
        with self._lock:
            self._fails.pop(_key("p", username.lower(), address), None)
            addr = self._fails.get(_key("a", address))
            if addr is not None and at in addr:
                addr.remove(at)

    def __len__(self) -> int:
        return len(self._fails)
