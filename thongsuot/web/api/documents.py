"""JSON API: documents, search, graph, upload (filled in once the library API lands)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
