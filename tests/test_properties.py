"""Property tests: no input crashes the readers and extractors; only IngestError is allowed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.ingest.errors import IngestError
from policykg.ingest.extract import extract
from policykg.ingest.rdf import document_triples
from policykg.ingest.reader import decode_text, read_text
from policykg.ontology.iri import IriMinter

PIECES = [
    "ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "Số: ", "12/KH-UBND", "ABC", "ngày ", "31/02/2021",
    "tháng 13 năm 0", "KẾ HOẠCH", "Quyết định số 100/QĐ-TTg", "Nghị quyết 25-NQ/TU",
    "I. ", "1. ", "a) ", "- ", "+ ", "Sở Tài chính", "chủ trì", "phối hợp", "báo cáo",
    "trước ngày 15/12 hằng năm", "đạt 100%", "năm 2025", "PHỤ LỤC", "Nơi nhận:", "TM. ",
    "CHỦ TỊCH", "\t", "\n", "\n\n", " ", "**", "#", "“", "(", ")", ";", ":", "/", "-",
    "\u0301", "\u0323", "Uỷ", "Ủy", "<script>", "&amp;", "\u00a0", "¹",
]  # fmt: skip
plan_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), min_size=0, max_size=80
).map("".join)
SETTINGS = settings(max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(plan_text)
def test_extract_and_rdf_never_crash(text: str) -> None:
    try:
        record = extract(text, source="p.txt")
        document_triples(record, minter=IriMinter(), text=text)
    except IngestError as exc:
        assert str(exc).startswith("p.txt")


@SETTINGS
@given(st.binary(max_size=400))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        decode_text(data, source="b.txt")
    except IngestError as exc:
        assert str(exc).startswith("b.txt")


@settings(max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf", ".bin"]),
    st.one_of(
        st.binary(max_size=300),
        st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b),
    ),
)
def test_read_text_never_crashes(suffix: str, data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(data)
        try:
            read_text(path)
        except IngestError as exc:
            assert str(path) in str(exc)
