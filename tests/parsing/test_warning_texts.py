"""What an officer reads: parser warnings and reader refusals are Vietnamese sentences.

Warnings carry a code and params; the sentence comes from vocab/data/warnings.toml.
Reader refusals name the file and say why in Vietnamese; technical causes (exception
classes, library messages) stay in `detail`, off the page.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from thongsuot.domain.document import ParseWarning
from thongsuot.errors import InputError
from thongsuot.parsing import parse_text
from thongsuot.parsing.read import read_bytes
from thongsuot.rendering.document_json import document_from_dict, document_to_contract
from thongsuot.vocab.warnings import load_warning_texts, make_warning, warning_text

PACKAGE = Path(__file__).resolve().parents[2] / "thongsuot"
# Words of the English phrases the readers used to print; none belongs in a Vietnamese sentence.
ENGLISH = re.compile(r"\b(corrupt|cited|blank|left out|not|file|image|page|too|large|installed|cannot|package|"
                     r"encrypted|unsupported|read as|actually|[A-Z][a-z]+Error|Exception)\b")


def test_every_emitted_code_has_a_vietnamese_sentence() -> None:
    emitted = set()
    for path in PACKAGE.rglob("*.py"):
        emitted |= set(re.findall(r'make_warning\(\s*"([^"]+)"', path.read_text("utf-8")))
    table = load_warning_texts()
    assert emitted and emitted <= set(table), emitted - set(table)
    for code, entry in table.items():
        for sentence in (entry.text, entry.generic or ""):
            assert not ENGLISH.search(re.sub(r"\{\w+\}", "", sentence)), (code, sentence)


def test_blank_number_warning_names_the_kind_in_vietnamese_and_keeps_its_params() -> None:
    doc = parse_text("KẾ HOẠCH\nThực hiện Kế hoạch số      -KH/HU, ngày      /5/2022 của Huyện ủy.\n", name="a.txt")
    (warning,) = [w for w in doc.warnings if w.code == "citation-blank-number"]
    assert warning.params == {"kind": "Kế hoạch"}
    assert warning.message.startswith("Kế hoạch được nhắc đến với số hiệu để trống")
    back = document_from_dict(document_to_contract(doc), doc.text)
    assert [(w.code, w.message, w.params) for w in back.warnings] == [
        (w.code, w.message, w.params) for w in doc.warnings
    ]


def test_a_stored_english_warning_without_params_reads_as_the_generic_sentence() -> None:
    old = ParseWarning("citation-blank-number", "Kế hoạch cited with a blank number: left out")
    assert warning_text(old.code, old.params) == load_warning_texts()["citation-blank-number"].generic
    assert warning_text("some_future_code", {}) == load_warning_texts()["_unknown"].text


def test_a_parser_fault_keeps_the_exception_in_params_not_in_the_sentence() -> None:
    w = make_warning("parser_fault", detail="IndexError: list index out of range")
    assert "IndexError" not in w.message and w.params["detail"].startswith("IndexError")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(("name", "data"), [
    ("hong.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 40),
    ("hong.docx", b"PK\x03\x04" + b"\x00" * 60),
    ("hong.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
    ("nen.docx", _zip({"other/x.xml": b"<a/>"})),
    ("nen.txt", _zip({"x.txt": b"abc"})),
    ("la.xyz", b"abc"),
    ("rong.txt", b""),
    ("gia.pdf", "Kế hoạch viết bằng chữ thường".encode()),
])
def test_reader_refusals_are_one_vietnamese_line_naming_the_file(name: str, data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, name)
    message = caught.value.message
    assert message.startswith(f"{name}: ") and "\n" not in message
    assert not ENGLISH.search(message), message
