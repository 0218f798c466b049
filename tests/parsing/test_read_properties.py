"""Any bytes under a text-like name: a SourceText or an InputError, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thongsuot.domain.document import SourceText
from thongsuot.errors import InputError
from thongsuot.parsing.read import read_bytes

_NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.htm", "a.pdf", "a.docx", "noext"])
_PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<!DOCTYPE html>", b"\xef\xbb\xbf", b"\xff\xfe"]
)


def _check(source: SourceText) -> None:
    assert source.text.strip()
    last = 0
    for segment in source.segments:
        assert last <= segment.start < segment.end <= len(source.text)
        last = segment.end


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.binary(max_size=2000), prefix=_PREFIXES, name=_NAMES)
def test_arbitrary_bytes_read_or_raise_input_error(data: bytes, prefix: bytes, name: str) -> None:
    try:
        source = read_bytes(prefix + data, name)
    except InputError as error:
        assert error.message.startswith(f"{name}: ")
        assert "\n" not in error.message
    else:
        _check(source)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=500), name=st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_arbitrary_text_read_or_raise_input_error(text: str, name: str) -> None:
    for encoding in ("utf-8", "utf-16"):
        try:
            source = read_bytes(text.encode(encoding, errors="surrogatepass"), name)
        except InputError as error:
            assert error.message.startswith(f"{name}: ")
        else:
            _check(source)
            if name != "a.html":
                assert source.text == text.lstrip("\ufeff") or source.text == text


@settings(max_examples=100, deadline=None)
@given(
    markup=st.lists(
        st.sampled_from(
            ["<p>", "</p>", "<td>", "</tr>", "<table>", "<br>", "<script>", "</script>", "<sup>", "x", " "]
        )
        | st.text(max_size=8),
        max_size=40,
    )
)
def test_html_fragments_never_crash(markup: list[str]) -> None:
    try:
        _check(read_bytes("".join(markup).encode("utf-8", errors="surrogatepass"), "a.html"))
    except InputError:
        pass


_VIETNAMESE = (
    st.text(
        alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
        "ĐĂÂÊÔƠƯ0123456789.,;:()/-*+\"' ",
        min_size=1,
        max_size=60,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=st.lists(_VIETNAMESE, min_size=1, max_size=12))
def test_docx_paragraphs_round_trip(paragraphs: list[str]) -> None:
    import io

    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    source = read_bytes(buffer.getvalue(), "a.docx")
    assert [source.text[s.start : s.end] for s in source.segments] == paragraphs


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(_VIETNAMESE, min_size=1, max_size=12))
def test_html_paragraphs_round_trip(paragraphs: list[str]) -> None:
    from html import escape

    page = "<html><body>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs) + "</body></html>"
    source = read_bytes(page.encode("utf-8"), "a.html")
    assert [source.text[s.start : s.end] for s in source.segments] == paragraphs
