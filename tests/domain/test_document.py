from thongsuot.domain.document import Citation, Relation, Span


def _cite(number, symbol):
    return Citation(kind=None, number=number, symbol=symbol, date=None, issuer=None,
                    relation=Relation.MENTIONS, span=Span(0, 1))


def test_party_refs_use_a_dash_and_state_refs_a_slash():
    assert _cite("35", "NQ/TW").ref == "35-NQ/TW"
    assert _cite("0124", "KH-UBND").ref == "0124/KH-UBND"
    assert _cite("30", "2020/NĐ-CP").ref == "30/2020/NĐ-CP"
    assert _cite("05", None).ref == "05"
