"""Vietnamese words live in vocab/data, not in code (issue 14 item 4).

Scans the package's Python modules for string literals holding Vietnamese
letters (docstrings aside: they may quote what a stage reads). The modules
listed in WORD_FREE were moved to vocab/data/words.toml (words and patterns)
and messages.toml (sentences); they must stay free of literals. Every other
module is reported by `vietnamese_literals`, which the lead's next moves use.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "thongsuot"
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)
WORD_FREE = (
    "parsing/names.py",
    "parsing/header.py",
    "parsing/citations.py",
    "parsing/opening.py",
    "parsing/citation_mentions.py",
    "storage/documents.py",
    "storage/unit_of_work.py",
    "vocab/words.py",
)


def vietnamese_literals(path: Path) -> list[tuple[int, str]]:
    """(line, literal) of every string constant with a Vietnamese letter, docstrings excepted."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        and VIETNAMESE.search(node.value)
    ]


def test_the_scan_finds_a_vietnamese_literal_and_skips_docstrings(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text('"""Đọc tiêu đề."""\nWORDS = ("ban", "sở")\n\n\ndef f():\n    """Sở."""\n    return "kế hoạch"\n',
                      encoding="utf-8")
    assert [line for line, _ in vietnamese_literals(sample)] == [2, 7]


def test_moved_modules_hold_no_vietnamese_literal() -> None:
    found = {name: vietnamese_literals(PACKAGE / name) for name in WORD_FREE}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_every_word_table_is_read_by_its_module() -> None:
    """A table of words.toml names its module; every key of it is read there (no dead words)."""
    data = tomllib.loads((PACKAGE / "vocab" / "data" / "words.toml").read_text(encoding="utf-8"))
    homes = {"names": "parsing/names.py", "header": "parsing/header.py", "citations": "parsing/citations.py",
             "opening": "parsing/opening.py", "citation_mentions": "parsing/citation_mentions.py"}
    assert set(data) == set(homes)
    for section, keys in data.items():
        source = (PACKAGE / homes[section]).read_text(encoding="utf-8")
        unread = [key for key in keys if f'"{key}"' not in source and f"'{key}'" not in source]
        assert unread == [], f"words.toml [{section}]: {unread} not read by {homes[section]}"


def test_every_message_is_used() -> None:
    data = tomllib.loads((PACKAGE / "vocab" / "data" / "messages.toml").read_text(encoding="utf-8"))
    code = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    unused = [f"{s}.{k}" for s, table in data.items() for k in table if f'"{s}.{k}"' not in code]
    assert unused == []


def test_a_missing_word_is_a_one_line_error_naming_file_and_key() -> None:
    import pytest

    from thongsuot.errors import InputError
    from thongsuot.vocab.words import load_words

    with pytest.raises(InputError, match=r"^words\.toml \[names\]: missing key nope$"):
        load_words("names").word("nope")
