"""Issue 13 item 3: archive bombs are refused within a memory ceiling, whatever the archive declares.

The hostile files are built here byte by byte (a zip whose central directory
lies about the inflated size; XML parts too big or with too many elements but
an ordinary compression ratio). The memory bar is checked in a subprocess
under `resource.setrlimit(RLIMIT_AS)`: README states the ceiling (300 MB).
"""

from __future__ import annotations

import io
import json
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thongsuot.errors import TooLarge
from thongsuot.parsing.read import read_bytes
from thongsuot.parsing.read.limits import ReadLimits, inflate

MB = 1024 * 1024
CEILING_MB = 300  # README, "Memory ceiling"

CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_OPEN = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
DOC_CLOSE = b"</w:body></w:document>"


def _zip(members: list[tuple[str, bytes, int | None, int, int]]) -> bytes:
    """A zip from (name, raw deflate, declared size or None for the true one, true size, crc): declarations may lie."""
    out = io.BytesIO()
    central = []
    for name, deflated, declared, true_size, crc in members:
        offset = out.tell()
        size = true_size if declared is None else declared
        fields = (20, 0, 8, 0, 0, crc, len(deflated), size, len(name), 0)
        out.write(b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields) + name.encode() + deflated)
        central.append(b"PK\x01\x02" + struct.pack("<HHHHHHIIIHHHHHII", 20, 20, 0, 8, 0, 0, crc, len(deflated),
                                                   size, len(name), 0, 0, 0, 0, 0, offset) + name.encode())
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(1, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def _repeated_deflate(chunk: bytes, times: int) -> bytes:
    """A raw deflate stream of `chunk` repeated, built from one flushed block (fast to make, huge to inflate)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    return block * times + b"\x03\x00"  # an empty final block ends the stream


def _docx(document_xml: bytes, *, declared: int | None = None, deflated: bytes | None = None,
          true_size: int = 0) -> bytes:
    body = deflated if deflated is not None else _deflate(document_xml)
    return _zip([
        ("[Content_Types].xml", _deflate(CONTENT_TYPES), None, len(CONTENT_TYPES), zlib.crc32(CONTENT_TYPES)),
        ("_rels/.rels", _deflate(RELS), None, len(RELS), zlib.crc32(RELS)),
        ("word/document.xml", body, declared, true_size or len(document_xml), zlib.crc32(document_xml)),
    ])


def lying_bomb() -> bytes:
    """~1 GB of paragraphs declared as 900 KB (the reproduction: 3.6 MB file, 2 GB inflated in the server)."""
    chunk = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 30_000  # ~1 MB
    return _docx(b"", declared=900 * 1024, deflated=_repeated_deflate(chunk, 1000), true_size=1000 * len(chunk))


def _random_words(n_bytes: int, seed: int) -> bytes:
    rnd = random.Random(seed)
    words = ["".join(rnd.choice("abcdeghiklmnopqrstuvxy") for _ in range(rnd.randint(2, 7))) for _ in range(5000)]
    out, size = [], 0
    while size < n_bytes:
        para = b"<w:p><w:r><w:t>" + " ".join(rnd.choices(words, k=40)).encode() + b"</w:t></w:r></w:p>"
        out.append(para)
        size += len(para)
    return b"".join(out)


def big_xml() -> bytes:
    """20 MB of ordinary-looking text XML (compresses ~3:1, so the ratio check lets it through).

    One random MB repeated: deflate's 32 KB window cannot see the repeats.
    """
    return _docx(DOC_OPEN + _random_words(MB, 1) * 20 + DOC_CLOSE)


def many_elements() -> bytes:
    """Under the XML byte limit but over the element limit: 600,000 tiny runs."""
    letters = bytes(97 + b % 20 for b in random.Random(2).randbytes(600_000))
    runs = b"".join(b"<w:t>" + letters[i : i + 1] + b"</w:t>" for i in range(len(letters)))
    return _docx(DOC_OPEN + b"<w:p><w:r>" + runs + b"</w:r></w:p>" + DOC_CLOSE)


PROBE = """
import json, resource, sys
from pathlib import Path
limit = int(sys.argv[2]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from thongsuot.errors import ThongSuotError
from thongsuot.parsing.read import read_bytes
try:
    read_bytes(Path(sys.argv[1]).read_bytes(), "bom.docx")
    out = {"code": "read", "message": ""}
except ThongSuotError as exc:
    out = {"code": exc.code, "message": exc.message}
except MemoryError:
    out = {"code": "MemoryError", "message": ""}
# VmHWM is this process image's own peak; ru_maxrss would carry the forking pytest worker's peak across exec
out["peak_mb"] = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024
print(json.dumps(out))
"""


def _probe(tmp_path: Path, data: bytes) -> dict[str, object]:
    path = tmp_path / "bom.docx"
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-c", PROBE, str(path), str(CEILING_MB)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize(("make", "code", "says"), [
    (lying_bomb, "corrupt_file", "document.xml"),
    (big_xml, "too_large", "document.xml"),
    (many_elements, "too_large", "phần tử"),
])
def test_bomb_is_refused_under_the_memory_ceiling(tmp_path: Path, make, code: str, says: str) -> None:
    out = _probe(tmp_path, make())
    assert out["code"] == code, out
    assert says in str(out["message"]) and "MemoryError" not in str(out["message"])
    assert float(out["peak_mb"]) < CEILING_MB  # type: ignore[arg-type]


def test_honest_declarations_over_the_total_are_refused_before_inflating() -> None:
    chunk = b"<w:p/>" * 100_000
    data = _docx(b"", deflated=_repeated_deflate(chunk, 400), true_size=400 * len(chunk))
    with pytest.raises(TooLarge, match="bom.docx"):
        read_bytes(data, "bom.docx")


def test_ordinary_docx_with_an_image_still_reads(directive_docx: bytes) -> None:
    src = zipfile.ZipFile(io.BytesIO(directive_docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("word/media/image1.png", random.Random(3).randbytes(2 * MB))
    assert "I. MỤC ĐÍCH, YÊU CẦU" in read_bytes(buffer.getvalue(), "co-anh.docx").text


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300_000), st.integers(min_value=0, max_value=400_000))
def test_inflate_returns_the_member_or_refuses_past_the_limit(data: bytes, limit: int) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("m.xml", data)
    with zipfile.ZipFile(buffer) as archive:
        info = archive.getinfo("m.xml")
        if len(data) <= limit:
            assert inflate("t.docx", archive, info, limit) == data
        else:
            with pytest.raises(TooLarge):
                inflate("t.docx", archive, info, limit)
    assert ReadLimits().max_xml_bytes < CEILING_MB * MB


def test_xlsx_bomb_is_refused_before_openpyxl_sees_it() -> None:
    """The same lie inside a workbook: the org-tree and activity imports check the package first."""
    from thongsuot.errors import InputError
    from thongsuot.orgs.tree_io import read_rows

    chunk = b'<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>' * 20_000
    sheet = _repeated_deflate(chunk, 400)
    data = _zip([("xl/worksheets/sheet1.xml", sheet, 900 * 1024, 400 * len(chunk), 0)])
    with pytest.raises(InputError, match="cay.xlsx"):
        read_rows(data, "cay.xlsx")
