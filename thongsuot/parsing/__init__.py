"""Text -> ParsedDocument, one pure module per stage.

read -> normalise -> header -> sections -> citations -> duties -> closing

Public entry points (everything above the parser uses only these):
- `read_file(path)` / `read_bytes(data, name)` -> SourceText
- `parse_text(text, name=...)` -> ParsedDocument
- `parse_file(path)` / `parse_bytes(data, name)` -> ParsedDocument
"""

from __future__ import annotations

from thongsuot.parsing.pipeline import parse_bytes, parse_file, parse_source, parse_text
from thongsuot.parsing.read import read_bytes, read_file

__all__ = ["parse_bytes", "parse_file", "parse_source", "parse_text", "read_bytes", "read_file"]
