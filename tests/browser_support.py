"""What the browser tests share: a real app server in a subprocess and Debian's Chromium.

`running_server(cmd, env, log_path)` starts the command (a `thongsuot serve`
or `demo --serve`, or a small script) on a free loopback port, waits until
/login answers, yields the base URL and stops the server afterwards.
`chromium_page()` opens a page in /usr/bin/chromium through Playwright's
`executable_path` (never `playwright install`, which downloads).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(cmd: list[str], env: dict[str, str], log_path: Path, port: int,
                   timeout: float = 120) -> Iterator[tuple[str, IO[str]]]:
    """Run `cmd` (which serves on `port`) until the block ends; yields (base URL, its log file)."""
    log = open(log_path, "w+")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(f"{base}/login", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"server did not start:\n{log.read()}")
            time.sleep(0.3)
        log.seek(0)
        yield base, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def chromium_page(shots: Path, **context_options: object) -> Iterator[Page]:
    """A fresh browser page (1280x900, Vietnamese locale); screenshots go under `shots`."""
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN",
                                      **context_options)  # type: ignore[arg-type]
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


@contextmanager
def demo_province_server(tmp: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """`thongsuot serve` over the demo province (accounts and plan) in `tmp`; yields (base URL, passwords by login)."""
    env = {k: v for k, v in os.environ.items() if k != "THONGSUOT_DATABASE_URL"} | {"THONGSUOT_DATA": str(tmp)}
    out = subprocess.run([sys.executable, "-m", "thongsuot", "org", "demo", "--accounts", "--plan"], env=env,
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    passwords = dict(re.findall(r"^\s+(\S+)\s+\w+\s+\S+\s+mật khẩu: (\S+)$", out, flags=re.M))
    port = free_port()
    cmd = [sys.executable, "-m", "thongsuot", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with running_server(cmd, env, tmp / "server.log", port) as (base, _log):
        yield base, passwords


@contextmanager
def chromium_browser(shots: Path) -> Iterator[Browser]:
    """Debian's Chromium for a whole test module; screenshots go under `shots`."""
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
