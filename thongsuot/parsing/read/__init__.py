"""Readers: file bytes -> SourceText (text plus offset map to page / paragraph)."""

from __future__ import annotations

from pathlib import Path

from thongsuot.domain.document import SourceText


def read_bytes(data: bytes, name: str) -> SourceText:
    return SourceText(text=data.decode("utf-8"), format="txt", name=name)


def read_file(path: str | Path) -> SourceText:
    p = Path(path)
    return read_bytes(p.read_bytes(), p.name)
