"""Storing documents: identity, versions, placeholders, order independence, delete — on both databases."""

from __future__ import annotations

import datetime as dt
import itertools

from thongsuot.domain.document import Citation, CitationLink, Header, ParsedDocument, Relation, Span
from thongsuot.storage import StoreStatus, open_library

D = dt.date


def cite(ref: str, date: dt.date | None, relation: Relation = Relation.MENTIONS, kind: str = "Kế hoạch") -> Citation:
    number, symbol = ref.split("-", 1)
    return Citation(
        kind=kind, number=number, symbol=symbol, date=date, issuer="Ban Thường vụ Tỉnh ủy",
        relation=relation, span=Span(0, len(ref)), text=f"{kind} số {ref}",
    )


def doc(
    text: str,
    symbol: str | None = None,
    date: dt.date | None = None,
    citations: tuple[Citation, ...] = (),
    links: tuple[tuple[str, str], ...] = (),
    kind: str = "KẾ HOẠCH",
    title: str = "Tuyên truyền",
    issuer: str = "Ban Thường vụ Huyện ủy",
) -> ParsedDocument:
    number = type_code = issuer_code = None
    if symbol:
        number, rest = symbol.split("-", 1)
        type_code, issuer_code = rest.split("/", 1)
    return ParsedDocument(
        text=text,
        header=Header(
            kind=kind, symbol=symbol, number=number, type_code=type_code, issuer_code=issuer_code,
            date=date, issuer=issuer, title=title,
        ),
        citations=citations,
        links=tuple(CitationLink(s, t) for s, t in links),
    )

PLAN_70 = doc("Kế hoạch 70 của Tỉnh ủy", "70-KH/TU", D(2023, 5, 23), (cite("28-NQ/TW", D(2022, 11, 17), Relation.IMPLEMENTS, "Nghị quyết"),))
GUIDE_75 = doc(
    "Hướng dẫn thực hiện Kế hoạch 70", "75-HD/BTGTU", None,
    (cite("70-KH/TU", D(2023, 5, 23), Relation.IMPLEMENTS), cite("18-NQ/TW", None, kind="Nghị quyết")),
    kind="HƯỚNG DẪN",
)
NO_SYMBOL = doc(
    "Thực hiện Kế hoạch 132-KH/HU", None, None,
    (cite("132-KH/HU", D(2023, 6, 22), Relation.IMPLEMENTS), cite("58-CTr/TU", D(2023, 3, 30))),
    links=(("132-KH/HU", "58-CTr/TU"),),
)
RES_18_2017 = doc("Nghị quyết 18 năm 2017", "18-NQ/TW", D(2017, 10, 25), kind="NGHỊ QUYẾT")
RES_18_2022 = doc("Nghị quyết 18 năm 2022", "18-NQ/TW", D(2022, 6, 16), kind="NGHỊ QUYẾT")


def test_same_bytes_are_one_document_and_changed_file_is_new_version(db_url: str) -> None:
    lib = open_library(db_url)
    first = lib.store(PLAN_70, b"v1", file_name="kh70.txt")
    assert first.status is StoreStatus.STORED
    assert lib.store(PLAN_70, b"v1", file_name="other-name.txt").status is StoreStatus.DUPLICATE
    second = lib.store(PLAN_70, b"v2", file_name="kh70-sua.txt")
    assert (second.status, second.document_id, second.version) == (StoreStatus.NEW_VERSION, first.document_id, 2)
    record = lib.get(first.document_id)
    assert [v.version for v in record.versions] == [1, 2]
    assert lib.original(first.document_id) == ("kh70-sua.txt", b"v2")
    assert lib.original(first.document_id, 1) == ("kh70.txt", b"v1")
    assert lib.count() == 1
    # a document without a symbol is versioned by file name
    a = lib.store(NO_SYMBOL, b"a", file_name="hd.txt")
    b = lib.store(NO_SYMBOL, b"b", file_name="hd.txt")
    assert b.status is StoreStatus.NEW_VERSION and b.document_id == a.document_id
    assert len(lib.citations(a.document_id)) == 3  # two citations + one stated chain, not doubled
    lib.close()


def test_same_symbol_different_years_are_different_nodes(db_url: str) -> None:
    lib = open_library(db_url)
    lib.store(RES_18_2017, b"a", file_name="a")
    lib.store(RES_18_2022, b"b", file_name="b")
    assert lib.count() == 2
    assert lib.resolve("18-NQ/TW@2017").date == D(2017, 10, 25)
    assert lib.resolve("18-NQ/TW@2022").date == D(2022, 6, 16)
    # an undated citation of 18-NQ/TW cannot choose between them
    res = lib.store(GUIDE_75, b"g", file_name="g")
    target = [c for c in lib.citations(res.document_id) if c.symbol == "18-NQ/TW"][0]
    assert target.node is not None and not target.node.in_library
    lib.close()


def _graph_signature(lib, refs):  # type: ignore[no-untyped-def]
    out = {}
    for ref in refs:
        g = lib.graph(ref, direction="both", mentions=True)
        names = {n.id: (n.symbol, n.year, n.in_library) for n in g.nodes}
        out[ref] = (
            sorted(names.values(), key=str),
            sorted(((names[e.source], names[e.target], e.relation) for e in g.edges), key=str),
        )
    return out


def test_placeholder_becomes_document_in_any_order(make_db_url) -> None:  # type: ignore[no-untyped-def]
    docs = [(PLAN_70, b"70"), (GUIDE_75, b"75"), (NO_SYMBOL, b"ns"), (RES_18_2017, b"18a")]
    signatures = []
    for backend in ("sqlite", "postgresql"):
        for order in itertools.permutations(range(len(docs))):
            if order[0] > 1:
                continue  # 12 orders per backend is enough
            lib = open_library(make_db_url(backend))
            for i in order:
                lib.store(docs[i][0], docs[i][1], file_name=str(i))
            signatures.append(_graph_signature(lib, ["70-KH/TU", "28-NQ/TW", "58-CTr/TU", "18-NQ/TW"]))
            lib.close()
    assert all(s == signatures[0] for s in signatures)
    sig = signatures[0]["70-KH/TU"]
    assert ("70-KH/TU", 2023, True) in sig[0] and ("75-HD/BTGTU", None, True) in sig[0]


def test_undated_document_joins_its_dated_citations(db_url: str) -> None:
    lib = open_library(db_url)
    cites_75 = doc("Thực hiện Hướng dẫn 75", "9-KH/HU", D(2023, 7, 1), (cite("75-HD/BTGTU", D(2023, 6, 1), Relation.IMPLEMENTS),))
    lib.store(cites_75, b"c", file_name="c")
    lib.store(GUIDE_75, b"g", file_name="g")  # its own date was not read
    node = lib.resolve("75-HD/BTGTU")
    assert node.in_library
    assert [n.symbol for n in lib.implemented_by(node.id)] == ["9-KH/HU"]
    lib.close()


def test_delete_removes_edges_and_unused_placeholders(db_url: str) -> None:
    lib = open_library(db_url)
    a = lib.store(NO_SYMBOL, b"x", file_name="x")
    _, before = lib.placeholders()
    assert before == 2
    lib.delete(a.document_id)
    assert lib.count() == 0
    assert lib.placeholders()[1] == 0
    lib.close()


def test_listing_filters(db_url: str) -> None:
    lib = open_library(db_url)
    lib.store(PLAN_70, b"1", file_name="1")
    lib.store(GUIDE_75, b"2", file_name="2")
    lib.store(RES_18_2017, b"3", file_name="3")
    items, total = lib.list_documents(kind="KH")
    assert total == 1 and items[0].symbol == "70-KH/TU"
    items, total = lib.list_documents(kind="hướng dẫn")
    assert [i.symbol for i in items] == ["75-HD/BTGTU"]
    items, total = lib.list_documents(year_from=2020, year_to=2024)
    assert [i.symbol for i in items] == ["70-KH/TU"]
    items, total = lib.list_documents(issuer="huyen uy")
    assert total == 3
    lib.close()
