"""Lineage graphs in the formats the CLI and exports offer: table rows, JSON, GraphML, DOT.

The graph itself comes from `Library.graph` (storage); this module only
shapes it. JSON is `{"root", "nodes": [{"id", "symbol", "kind", "date",
"title", "issuer", "in_library", ...}], "edges": [{"source", "target", "relation"}]}`.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape

from thongsuot.storage import Graph, NodeInfo

FORMATS = ("table", "json", "graphml", "dot")


def node_label(node: NodeInfo) -> str:
    name = node.symbol or (f"#{node.document_id}" if node.document_id else f"node:{node.id}")
    return f"{name} ({node.date.strftime('%d/%m/%Y')})" if node.date else name


def to_json(graph: Graph) -> str:
    return json.dumps(graph.to_dict(), ensure_ascii=False, indent=2)


def table_rows(graph: Graph) -> list[dict[str, Any]]:
    """One row per node: distance from the root (negative = above), label, kind, title, in library."""
    return [
        {
            "level": graph.depths.get(n.id, 0),
            "label": node_label(n),
            "kind": n.kind or "",
            "title": n.title or n.cite_text or "",
            "issuer": n.issuer or "",
            "in_library": n.in_library,
            "id": n.id,
            "document_id": n.document_id,
        }
        for n in graph.nodes
    ]


def to_graphml(graph: Graph) -> str:
    keys = [
        ("symbol", "string"),
        ("kind", "string"),
        ("date", "string"),
        ("title", "string"),
        ("issuer", "string"),
        ("in_library", "boolean"),
    ]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ]
    out += [f'  <key id="{k}" for="node" attr.name="{k}" attr.type="{t}"/>' for k, t in keys]
    out.append('  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>')
    out.append('  <graph id="lineage" edgedefault="directed">')
    for n in graph.nodes:
        d = n.to_dict()
        out.append(f'    <node id="n{n.id}">')
        for k, _ in keys:
            v = d.get(k)
            if v is None:
                continue
            text = str(v).lower() if isinstance(v, bool) else str(v)
            out.append(f'      <data key="{k}">{escape(text)}</data>')
        out.append("    </node>")
    for i, e in enumerate(graph.edges):
        out.append(
            f'    <edge id="e{i}" source="n{e.source}" target="n{e.target}">'
            f'<data key="relation">{escape(e.relation)}</data></edge>'
        )
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"


def _dot_quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def to_dot(graph: Graph) -> str:
    out = ["digraph lineage {", "  rankdir=BT;", '  node [shape=box, fontname="Helvetica"];']
    for n in graph.nodes:
        style = "" if n.in_library else ", style=dashed"
        bold = ", penwidth=2" if n.id == graph.root else ""
        label = _dot_quote(node_label(n)) + (f"\\n{_dot_quote(n.kind)}" if n.kind else "")
        out.append(f'  n{n.id} [label="{label}"{style}{bold}];')
    for e in graph.edges:
        style = ", style=dotted" if e.relation == "mentions" else ""
        out.append(f'  n{e.source} -> n{e.target} [label="{e.relation}"{style}];')
    out.append("}")
    return "\n".join(out) + "\n"


def render(graph: Graph, fmt: str) -> str:
    if fmt == "json":
        return to_json(graph)
    if fmt == "graphml":
        return to_graphml(graph)
    if fmt == "dot":
        return to_dot(graph)
    raise ValueError(fmt)
