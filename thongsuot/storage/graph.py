"""Lineage queries over the citation graph (breadth-first, one query per level, both dialects).

`up` follows edges from citing to cited (towards the central directives);
`down` follows them backwards (to every implementing plan). Lineage uses the
`implements` and `attached_to` relations; `mentions` only when asked.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from thongsuot.errors import InputError
from thongsuot.storage.models import Edge, Graph
from thongsuot.storage.queries import LINEAGE, get_nodes, resolve_ref
from thongsuot.storage.tables import citations

DIRECTIONS = ("up", "down", "both")


def lineage(
    session: Connection,
    ref: str | int,
    *,
    direction: str = "both",
    depth: int | None = None,
    mentions: bool = False,
    max_nodes: int = 5000,
) -> Graph:
    """The graph around REF (see `resolve_ref`) or a node id (int)."""
    if direction not in DIRECTIONS:
        raise InputError(f"Hướng không hợp lệ: {direction} (up, down, both)")
    root = resolve_ref(session, f"node:{ref}" if isinstance(ref, int) else ref).id
    relations = (*LINEAGE, "mentions") if mentions else LINEAGE
    limit = depth if depth is not None and depth >= 0 else 50
    edges: set[Edge] = set()
    depths: dict[int, int] = {root: 0}
    for sign in ((-1, 1) if direction == "both" else (-1,) if direction == "up" else (1,)):
        frontier = {root}
        seen = {root}
        level = 0
        while frontier and level < limit and len(depths) < max_nodes:
            level += 1
            ids = sorted(frontier)
            found: set[int] = set()
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                if sign < 0:
                    q = select(citations.c.source_id, citations.c.target_id, citations.c.relation).where(
                        citations.c.source_id.in_(chunk), citations.c.relation.in_(relations)
                    )
                else:
                    q = select(citations.c.source_id, citations.c.target_id, citations.c.relation).where(
                        citations.c.target_id.in_(chunk), citations.c.relation.in_(relations)
                    )
                for s, t, rel in session.execute(q.distinct()):
                    if s is None or t is None or s == t:
                        continue
                    edges.add(Edge(int(s), int(t), str(rel)))
                    nxt = int(t) if sign < 0 else int(s)
                    if nxt not in seen:
                        seen.add(nxt)
                        found.add(nxt)
                        depths.setdefault(nxt, sign * level)
            frontier = found
    nodes = get_nodes(session, depths)
    ordered = sorted(nodes.values(), key=lambda n: (depths.get(n.id, 0), n.date is None, n.date, n.id))
    kept = {n.id for n in ordered}
    return Graph(
        root=root,
        nodes=tuple(ordered),
        edges=tuple(sorted(e for e in edges if e.source in kept and e.target in kept)),
        depths=depths,
    )
