"""The layout of exported plans, read from vocab/data/docx_styles.toml.

Sizes and margins are data (the file notes its sources: Hướng dẫn 36-HD/VPTW
for the Party format, Nghị định 30/2020/NĐ-CP for the State format) so an
office can adjust its margins without touching code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thongsuot.errors import InputError
from thongsuot.vocab.levels import read_data

STYLE_FILE = "docx_styles.toml"


@dataclass(frozen=True)
class PageStyle:
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    font: str


@dataclass(frozen=True)
class FormatStyle:
    """Point sizes of one format (party or state)."""

    parent_body_pt: float
    issuer_pt: float
    symbol_pt: float
    national_pt: float
    place_date_pt: float
    type_word_pt: float
    title_pt: float
    body_pt: float
    heading_pt: float
    recipients_title_pt: float
    recipients_pt: float
    signature_pt: float
    first_line_indent_mm: float
    line_spacing: float
    space_after_pt: float
    left_column_mm: float
    motto_pt: float = 14
    star_pt: float = 14


@dataclass(frozen=True)
class DocxStyle:
    page: PageStyle
    party: FormatStyle
    state: FormatStyle


def _build(cls: type[Any], raw: dict[str, Any], where: str) -> Any:
    try:
        return cls(**raw)
    except TypeError as exc:
        raise InputError(f"Tệp kiểu trình bày không hợp lệ ([{where}]): {exc}") from exc


def parse_style(data: dict[str, Any]) -> DocxStyle:
    return DocxStyle(
        page=_build(PageStyle, data.get("page", {}), "page"),
        party=_build(FormatStyle, data.get("party", {}), "party"),
        state=_build(FormatStyle, data.get("state", {}), "state"),
    )


def load_style(path: str | Path | None = None) -> DocxStyle:
    """The bundled style, or an office's own file with the same tables."""
    if path is None:
        return parse_style(read_data(STYLE_FILE))
    try:
        return parse_style(tomllib.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"Không đọc được tệp kiểu trình bày {path}: {exc}") from exc
