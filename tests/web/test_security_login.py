"""Issue 13 item 4: login abuse.

Reproductions: 60 parallel wrong guesses tried 21 passwords instead of 5 (the
limiter checked before recording); 80 parallel logins ran 80 argon2 hashes at
once (2.4 GB); five wrong passwords from anyone locked the real user out
everywhere; the limiter kept an entry per name forever; a deactivated account
answered without hashing.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from web_helpers import WebEnv

from thongsuot.errors import RateLimited
from thongsuot.web import security
from thongsuot.web.security import LoginLimiter


def _login(env: WebEnv, username: str, password: str, address: str = "10.0.0.1") -> int:
    client = TestClient(env.app, raise_server_exceptions=False, client=(address, 1234))
    client.get("/login")
    csrf = client.cookies.get(security.CSRF_COOKIE) or ""
    response = client.post("/login", data={"username": username, "password": password, "csrf_token": csrf},
                           follow_redirects=False)
    return response.status_code


def test_parallel_wrong_guesses_try_at_most_the_limit(web_sqlite: WebEnv) -> None:
    with ThreadPoolExecutor(30) as pool:
        codes = list(pool.map(lambda n: _login(web_sqlite, "editor", f"sai-mat-khau-{n}"), range(60)))
    tried = codes.count(401)
    assert tried <= LoginLimiter.per_pair, codes
    assert codes.count(429) == 60 - tried


def test_a_guesser_elsewhere_does_not_lock_the_real_user_out(web_sqlite: WebEnv) -> None:
    for n in range(5):
        _login(web_sqlite, "editor", f"sai-{n}", address="203.0.113.9")
    assert _login(web_sqlite, "editor", "sai-nua", address="203.0.113.9") == 429
    assert _login(web_sqlite, "editor", web_sqlite.passwords["editor"], address="10.1.1.1") == 303


def test_limiter_memory_is_bounded_whatever_the_names() -> None:
    limiter = LoginLimiter(max_keys=100)
    for n in range(1_000):
        limiter.attempt("x" * 10_000 + str(n), f"198.51.100.{n % 250}")
    assert len(limiter) <= 100
    assert all(len(key) == 16 for key in limiter._fails)


def test_record_then_check_is_atomic() -> None:
    limiter = LoginLimiter(per_pair=5)
    passed: list[int] = []
    barrier = threading.Barrier(40)

    def guess(n: int) -> None:
        barrier.wait()
        try:
            limiter.attempt("editor", "10.0.0.1")
            passed.append(n)
        except RateLimited:
            pass

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(passed) == 5


class CountingVerify(PasswordHasher):
    """The real argon2 hasher, counting verify calls and the most that ran at once."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0
        self.running = 0
        self.peak = 0
        self.lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        with self.lock:
            self.calls += 1
            self.running += 1
            self.peak = max(self.peak, self.running)
        try:
            return super().verify(hash, password)
        finally:
            with self.lock:
                self.running -= 1

    def __enter__(self) -> CountingVerify:
        self.saved = security._hasher
        security._hasher = self
        return self

    def __exit__(self, *exc: object) -> None:
        security._hasher = self.saved


def test_concurrent_hashes_are_bounded_and_overflow_is_refused_at_once() -> None:
    outcomes: list[str] = []

    def one(_n: int) -> None:
        try:
            outcomes.append("checked" if not security.verify_password(security._DUMMY_HASH, "x") else "?")
        except RateLimited:
            outcomes.append("busy")

    with CountingVerify() as counter, ThreadPoolExecutor(80) as pool:
        list(pool.map(one, range(80)))
    assert counter.peak <= security.HASH_SLOTS  # memory: at most HASH_SLOTS x 64 MiB of argon2
    assert outcomes.count("checked") >= security.HASH_SLOTS + security.HASH_QUEUE
    assert outcomes.count("checked") + outcomes.count("busy") == 80


def test_unknown_deactivated_and_active_users_cost_the_same_work(web_sqlite: WebEnv) -> None:
    from thongsuot.storage import accounts

    accounts.update_user(web_sqlite.engine, web_sqlite.users["viewer"].id, active=False)
    for n, name in enumerate(("khong-co-ai", "viewer", "reporter")):  # unknown, deactivated, active
        with CountingVerify() as counter:
            assert _login(web_sqlite, name, "mat-khau-sai-1", address=f"10.9.9.{n}") == 401
        assert counter.calls == 1, name
    with CountingVerify() as counter:  # the right password of a deactivated account: same work, still refused
        assert _login(web_sqlite, "viewer", web_sqlite.passwords["viewer"], address="10.9.9.9") == 401
    assert counter.calls == 1
