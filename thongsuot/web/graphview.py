"""The lineage graph around a document or a placeholder, shaped for cytoscape.js.

Nodes carry a level guessed from the issuer code of their symbol (the part
after the last slash: `NQ/TW` -> central, `KH/TU` -> province, `KH/HU` ->
district, `ĐU` -> commune; `UBND` names no level) so the page can colour them; placeholders (cited
but not in the library) are flagged so they are drawn dashed and grey.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from thongsuot.domain.level import Level
from thongsuot.errors import InputError
from thongsuot.vocab.levels import level_label, level_of_code
from thongsuot.web import deps
from thongsuot.web.schemas.documents import GraphEdge, GraphNode, GraphOut

LEVELS = {**{lv.value: level_label(lv) for lv in Level if lv is not Level.GRASSROOTS}, "other": "Khác"}
MAX_DEPTH = 6


def level_of(symbol: str | None) -> str:
    """The node's level from its issuer code (vocab/levels.py); `other` when the code names none (UBND)."""
    level = level_of_code(symbol.split("/")[-1]) if symbol else None
    return level.value if level else "other"


def graph_context(request: Request, ref: str, up: int, down: int, mentions: bool = False) -> GraphOut:
    """Up `up` levels (what it implements) and down `down` levels (what implements it) around `ref`."""
    if not ref.strip():
        raise InputError("Chưa chọn văn bản để vẽ sơ đồ.")
    up, down = max(0, min(up, MAX_DEPTH)), max(0, min(down, MAX_DEPTH))
    lib = deps.state(request).lib
    nodes: dict[int, Any] = {}
    edges: dict[tuple[int, int, str], Any] = {}
    root = None
    for direction, depth in (("up", up), ("down", down)):
        g = lib.graph(ref, direction=direction, depth=depth, mentions=mentions)
        root = g.root
        for n in g.nodes:
            nodes[n.id] = n
        for e in g.edges:
            edges[(e.source, e.target, e.relation)] = e
    out_nodes = []
    for n in nodes.values():
        label = n.symbol or (n.title or "")[:40] or f"#{n.id}"
        out_nodes.append(GraphNode(
            id=str(n.id), label=label, title=n.title, kind=n.kind, date=n.date, issuer=n.issuer,
            in_library=n.in_library, document_id=n.document_id, level=level_of(n.symbol), root=n.id == root,
            url=f"/documents/{n.document_id}" if n.document_id else f"/nodes/{n.id}",
        ))
    out_edges = [GraphEdge(id=f"{s}-{t}-{r}", source=str(s), target=str(t), relation=r) for (s, t, r) in edges]
    # The input shows the document's number (symbol), never the internal id the link carried ("?ref=1").
    shown = next((n.symbol for n in nodes.values() if n.id == root and n.symbol), None) or ref
    return GraphOut(root=str(root), ref=shown, up=up, down=down, nodes=out_nodes, edges=out_edges, levels=LEVELS)
