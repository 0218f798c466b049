"""Typed access to confidence.toml: rule confidences and the "cần kiểm tra" threshold.

Kept as data so a deployment can tune when officers are asked to check a field."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class ConfidenceRules:
    threshold: float
    header_printed: float
    header_inferred: float
    citation_full: float
    citation_undated: float
    citation_number_only: float
    duty_listed: float
    reasons: dict[str, str]  # rule name (or "ocr") -> why a value below the threshold should be checked


@lru_cache(maxsize=1)
def load_confidence() -> ConfidenceRules:
    raw = tomllib.loads(resources.files("thongsuot.vocab").joinpath("data/confidence.toml").read_text("utf-8"))
    header, citation, duty = raw.get("header", {}), raw.get("citation", {}), raw.get("duty", {})
    return ConfidenceRules(
        threshold=float(raw.get("threshold", 0.75)),
        header_printed=float(header.get("printed", 0.95)),
        header_inferred=float(header.get("inferred", 0.7)),
        citation_full=float(citation.get("full", 0.95)),
        citation_undated=float(citation.get("undated", 0.85)),
        citation_number_only=float(citation.get("number_only", 0.6)),
        duty_listed=float(duty.get("listed", 0.9)),
        reasons={str(k): str(v) for k, v in raw.get("reasons", {}).items()},
    )
