"""Latency of other requests while a large DOCX upload (or a scan's OCR) is processed (issues 13 and 10).

    .venv/bin/python bench/upload_load.py [--mb 5] [--clients 4] [--uploads 2]
    .venv/bin/python bench/upload_load.py --scan-pages 4 --uploads 1   # an image-only PDF read by OCR

Starts `uvicorn thongsuot.web.app:create_app --factory` on a free loopback port
over a temp SQLite library (public library on), makes an editor with an API
token, builds a DOCX of about `--mb` MB (a long text + an incompressible
image), then uploads it `--uploads` times one after another while `--clients`
clients fetch /static/app.css and the library page. Prints p50/p95/max per
page kind and how long each upload took. Bar: p95 < 200 ms.
With `--scan-pages N` the upload is instead a scanned N-page A4 PDF (tests/parsing/scans.py: LibreOffice,
300 dpi, rotated, speckled, blurred) read by Tesseract in the worker pool; pages/minute is then printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import summary
from load import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[1]


def big_docx(mb: float) -> bytes:
    import docx

    document = docx.Document()
    sample = (ROOT / "samples" / "000_cb2ba15afe6d27db.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in sample.split("\n") if p.strip()]
    document.add_paragraph("HUYỆN ỦY AN PHÚ")
    document.add_paragraph("Số 99-KH/HU")
    for i in range(20):
        for p in paragraphs:
            document.add_paragraph(f"{p} ({i})")
    image = tempfile.NamedTemporaryFile(suffix=".png", delete=False)
    image.close()
    _png(Path(image.name), max(int(mb * 1024 * 1024) - 800_000, 100_000))
    document.add_picture(image.name)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def scan_pdf(pages: int) -> bytes:
    """An image-only PDF of a seed document's first `pages` pages, damaged like a real scan."""
    sys.path.insert(0, str(ROOT / "tests" / "parsing"))
    from scans import make_scan

    shared = Path(os.environ.get("THONGSUOT_SHARED", ROOT.parent / "shared"))
    seed = sorted((shared / "corpus" / "seeds").glob("*.txt"))[1]
    return make_scan(seed.read_text(encoding="utf-8"), max_pages=pages)


def _png(path: Path, size: int) -> None:
    """An incompressible PNG of about `size` bytes (random RGB pixels)."""
    import struct
    import zlib

    side = int((size / 3) ** 0.5)
    rows = b"".join(b"\x00" + random.Random(y).randbytes(side * 3) for y in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 0))
                     + chunk(b"IEND", b""))


async def reader(base: str, url: str, stop: asyncio.Event, out: list[float], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=300) as http:
        while not stop.is_set():
            start = time.perf_counter()
            try:
                response = await http.get(url)
                if response.status_code != 200:
                    errors.append(f"{url}: HTTP {response.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{url}: {type(exc).__name__}")
            out.append(time.perf_counter() - start)
            await asyncio.sleep(0.02)


async def run(base: str, token: str, data: bytes, name: str, clients: int,
              uploads: int) -> tuple[dict[str, list[float]], list[float], list[str]]:
    stats: dict[str, list[float]] = {"/static/app.css": [], "/": []}
    errors: list[str] = []
    stop = asyncio.Event()
    tasks = [asyncio.create_task(reader(base, url, stop, stats[url], errors))
             for url in stats for _ in range(max(clients // 2, 1))]
    took: list[float] = []
    async with httpx.AsyncClient(base_url=base, timeout=600, headers={"Authorization": f"Bearer {token}"}) as up:
        for n in range(uploads):
            start = time.perf_counter()
            response = await up.post("/api/v1/documents", files=[("files", (name.format(n=n), data))])
            took.append(time.perf_counter() - start)
            if response.status_code >= 400:
                errors.append(f"upload: HTTP {response.status_code} {response.text[:200]}")
    stop.set()
    await asyncio.gather(*tasks)
    return stats, took, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--uploads", type=int, default=2)
    parser.add_argument("--scan-pages", type=int, default=0, help="upload a scanned PDF of this many pages")
    args = parser.parse_args()

    from thongsuot.orgs.tree import load_org, store_org
    from thongsuot.storage import accounts
    from thongsuot.storage.db import open_database
    from thongsuot.web import security

    tmp = Path(tempfile.mkdtemp(prefix="thongsuot-upload-load-"))
    env = {**os.environ, "THONGSUOT_DATA": str(tmp), "THONGSUOT_PUBLIC_LIBRARY": "1"}
    db = open_database(f"sqlite:///{tmp / 'thongsuot.sqlite3'}")
    store_org(db.engine, load_org())
    user = accounts.create_user(db.engine, "bench", security.hash_password("bench-password-1"),
                                accounts.Role.ADMIN, "HU-A")
    token = security.new_api_token()
    accounts.create_token(db.engine, user.id, "bench", security.token_hash(token), token[:8])
    db.close()
    data = scan_pdf(args.scan_pages) if args.scan_pages else big_docx(args.mb)
    name = "quet-{n}.pdf" if args.scan_pages else "lon-{n}.docx"

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "thongsuot.web.app:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"], env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, 300)
        stats, took, errors = asyncio.run(run(base, token, data, name, args.clients, args.uploads))
    finally:
        server.terminate()
        server.wait(timeout=15)

    what = f"scanned PDF of {args.scan_pages} A4 pages (OCR)" if args.scan_pages else "DOCX"
    print(f"upload {len(data) / 1024 / 1024:.1f} MB {what} x {args.uploads}: "
          + ", ".join(f"{t:.1f} s" for t in took) + f"; {args.clients} readers")
    if args.scan_pages:
        print("pages/minute while serving: " + ", ".join(f"{args.scan_pages / t * 60:.1f}" for t in took))
    for row in summary(stats, sum(took), width=18):  # the readers ran while the uploads (one after another) did
        print(row)
    for line in errors[:10]:
        print("error:", line)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
