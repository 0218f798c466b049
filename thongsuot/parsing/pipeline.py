"""Runs the stages in order. Placeholder until the stages land."""

from __future__ import annotations

from pathlib import Path

from thongsuot.domain.document import Header, ParsedDocument, SourceText
from thongsuot.parsing.read import read_bytes, read_file


def parse_source(source: SourceText) -> ParsedDocument:
    return ParsedDocument(text=source.text, header=Header(), source=source, warnings=source.warnings)


def parse_text(text: str, name: str = "") -> ParsedDocument:
    return parse_source(SourceText(text=text, format="txt", name=name))


def parse_file(path: str | Path) -> ParsedDocument:
    return parse_source(read_file(path))


def parse_bytes(data: bytes, name: str) -> ParsedDocument:
    return parse_source(read_bytes(data, name))
