"""The lineage bars of the issue on both databases, and the graph output formats."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import pytest

from thongsuot.cascade import lineage
from thongsuot.cascade.ingest import ingest
from thongsuot.storage import Library, open_library

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def lib(db_url: str):  # type: ignore[no-untyped-def]
    library = open_library(db_url)
    report = ingest(library, [SAMPLES], workers=1)
    assert report.counts["stored"] == 4
    yield library
    library.close()


def _file_nodes(lib: Library, graph) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Sample file stem -> node id, for nodes that are documents of the library."""
    out = {}
    for n in graph.nodes:
        if n.document_id:
            out[lib.get(n.document_id).summary.file_name.split("_")[0]] = n.id
    return out


def _node(graph, symbol: str) -> int:  # type: ignore[no-untyped-def]
    return next(n.id for n in graph.nodes if n.symbol and n.symbol.upper() == symbol.upper())


def test_58_ctr_tu_down_reaches_seed_002_through_132_kh_hu(lib: Library) -> None:
    g = lib.graph("58-CTr/TU", direction="down")
    docs = _file_nodes(lib, g)
    assert "002" in docs
    hu = _node(g, "132-KH/HU")
    root = g.root
    assert any(e.source == hu and e.target == root for e in g.edges)
    assert any(e.source == docs["002"] and e.target == hu for e in g.edges)


def test_132_kh_hu_down_has_seed_002_implementing_it(lib: Library) -> None:
    g = lib.graph("132-KH/HU", direction="down")
    docs = _file_nodes(lib, g)
    assert any(e.source == docs["002"] and e.target == g.root and e.relation == "implements" for e in g.edges)


def test_70_kh_tu_down_has_seed_000(lib: Library) -> None:
    g = lib.graph("70-KH/TU", direction="down")
    assert "000" in _file_nodes(lib, g)


def test_up_from_a_plan_reaches_central_directives(lib: Library) -> None:
    g = lib.graph("132-KH/HU", direction="up")
    assert any(n.symbol and n.symbol.upper() == "28-NQ/TW" for n in g.nodes)


def test_formats(lib: Library) -> None:
    g = lib.graph("58-CTr/TU", direction="down")
    data = json.loads(lineage.to_json(g))
    assert {"id", "symbol", "kind", "date", "title", "issuer", "in_library"} <= set(data["nodes"][0])
    assert {"source", "target", "relation"} == set(data["edges"][0])
    doc = xml.dom.minidom.parseString(lineage.to_graphml(g))
    assert len(doc.getElementsByTagName("node")) == len(g.nodes)
    assert len(doc.getElementsByTagName("edge")) == len(g.edges)
    dot = lineage.to_dot(g)
    assert dot.startswith("digraph") and dot.count("->") == len(g.edges)
