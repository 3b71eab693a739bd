"""ingest.rdf on the gold records: mapping, identity, determinism and golden N-Quads."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from policykg.ingest.errors import IngestError
from policykg.ingest.rdf import IngestResult, date_literal, document_triples
from policykg.ingest.record import Record
from policykg.ontology.iri import ELI, OA, PKG, IriMinter

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))
GOLDEN = ROOT / "tests" / "golden"
M = IriMinter()


def _triples(record: dict[str, Any], *, minter: IriMinter, text: str | None = None) -> IngestResult:
    """The triples of a record in the gold form."""
    return document_triples(Record.from_gold(record), minter=minter, text=text)


def _record(stem: str) -> dict[str, Any]:
    return json.loads((ROOT / "tests" / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


def canonical_nquads(graph: str, triples: list[ox.Triple]) -> str:
    """Sorted N-Quads lines (the graphs have no blank nodes, so this is canonical)."""
    g = ox.NamedNode(graph)
    lines = sorted({str(ox.Quad(t.subject, t.predicate, t.object, g)) + " ." for t in triples})
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_golden_nquads(path: Path, request: pytest.FixtureRequest) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    first = _triples(record, minter=M)
    again = _triples(copy.deepcopy(record), minter=M)
    text = canonical_nquads(first.graph_iri, first.triples)
    assert text == canonical_nquads(again.graph_iri, again.triples)
    golden = GOLDEN / f"{path.stem}.nq"
    update = False
    try:
        update = bool(request.config.getoption("--update-golden"))
    except ValueError:
        update = False
    if update:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), "no golden file: run pytest --update-golden and review"
    assert golden.read_text(encoding="utf-8") == text, "rerun with --update-golden and review"


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_no_blank_nodes_and_vi_text(path: Path) -> None:
    result = _triples(json.loads(path.read_text(encoding="utf-8")), minter=M)
    for t in result.triples:
        assert not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)
        if t.predicate.value in {ELI + "title", PKG + "evidence", PKG + "deliverable"}:
            assert isinstance(t.object, ox.Literal) and t.object.language == "vi"


def test_document_metadata_of_nghe_an() -> None:
    result = _triples(_record("nghe-an_683-kh-ubnd_2021"), minter=M)
    doc = result.document_iri
    assert doc == "https://w3id.org/policykg/eli/vn/nghe-an/2021/kh/683-kh-ubnd"
    assert result.graph_iri == doc + "/graph"
    about = {(t.predicate.value, str(t.object)) for t in result.triples if t.subject.value == doc}
    assert (ELI + "number", '"683/KH-UBND"') in about
    assert (
        ELI + "date_document",
        '"2021-11-17"^^<http://www.w3.org/2001/XMLSchema#date>',
    ) in about
    assert (ELI + "passed_by", "<https://w3id.org/policykg/agency/ubnd-tinh/nghe-an>") in about
    assert (PKG + "periodEnd", '"2030"^^<http://www.w3.org/2001/XMLSchema#gYear>') in about
    assert (
        ELI + "ensures_implementation_of",
        "<https://w3id.org/policykg/eli/vn/ttg/2020/qd/1322-qd-ttg>",
    ) in about


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        ("2021-11-17", "date"),
        ("2023-03", "gYearMonth"),
        ("2021", "gYear"),
        ("--11-30", "gMonthDay"),
        ("---20", "gDay"),
    ],
)
def test_date_precision(value: str, datatype: str) -> None:
    assert date_literal(value).datatype.value.endswith("#" + datatype)


def test_unnumbered_document_key_ignores_file_name() -> None:
    record = _record("nam-dinh_kh-ubnd_2023")
    a = _triples(record, minter=M).document_iri
    record["source"] = "renamed.txt"
    assert _triples(record, minter=M).document_iri == a
    assert "/k-" in a


def test_same_instrument_is_one_node_across_plans() -> None:
    cited: list[set[str]] = []
    for path in GOLD:
        result = _triples(json.loads(path.read_text(encoding="utf-8")), minter=M)
        cited.append(
            {t.object.value for t in result.triples if t.predicate.value == PKG + "citedResource"}
        )
    i1322 = "https://w3id.org/policykg/eli/vn/ttg/2020/qd/1322-qd-ttg"
    assert sum(i1322 in c for c in cited) == 5


def test_chain_is_asserted_on_the_cited_instrument() -> None:
    result = _triples(_record("tuyen-quang_60-kh-ubnd_2022"), minter=M)
    kh26 = "https://w3id.org/policykg/eli/vn/tuyen-quang/2021/kh/26-kh-ubnd"
    assert ox.Triple(
        ox.NamedNode(kh26),
        ox.NamedNode(ELI + "ensures_implementation_of"),
        ox.NamedNode("https://w3id.org/policykg/eli/vn/ttg/2019/qd/100-qd-ttg"),
    ) in set(result.triples)


def test_wrong_date_resolves_to_reference_node_and_keeps_cited_date() -> None:
    record = _record("nghe-an_683-kh-ubnd_2021")
    record["citations"][0]["target"]["date"] = "2021-08-31"
    result = _triples(record, minter=M)
    node = M.part(result.document_iri, "citation", "c1")
    facts = {(t.predicate.value, t.object.value) for t in result.triples if t.subject.value == node}
    assert (
        PKG + "citedResource",
        "https://w3id.org/policykg/eli/vn/ttg/2020/qd/1322-qd-ttg",
    ) in facts
    assert (PKG + "citedDate", "2021-08-31") in facts


def test_provenance_selectors_from_span_and_text() -> None:
    record = Record.from_gold(_record("nghe-an_683-kh-ubnd_2021"))
    text = "dòng một\nThực hiện Quyết định số 1322/QĐ-TTg\n"
    start = text.index("Thực")
    first = replace(record.citations[0], span=(start, len(text) - 1))
    record = replace(record, citations=(first, *record.citations[1:]))
    result = document_triples(record, minter=M, text=text)
    node = M.part(result.document_iri, "citation", "c1")
    by_s: dict[str, dict[str, str]] = {}
    for t in result.triples:
        by_s.setdefault(t.subject.value, {})[t.predicate.value] = t.object.value
    src = by_s[node]["http://www.w3.org/ns/prov#wasDerivedFrom"]
    pos = M.part(node, "selector", "position")
    quote = M.part(node, "selector", "quote")
    assert by_s[src][OA + "hasSource"] == result.document_iri
    assert by_s[pos][OA + "start"] == str(start) and by_s[pos][PKG + "line"] == "2"
    assert by_s[quote][OA + "exact"] == "Thực hiện Quyết định số 1322/QĐ-TTg"


@pytest.mark.parametrize(
    "mutate",
    [
        lambda r: r.pop("document"),
        lambda r: r["citations"][0].update(relation="inspires"),
        lambda r: r["citations"][0].update(subject="c99"),
        lambda r: r["document"].update(date="31/8/2020"),
    ],
    ids=["no-document", "bad-relation", "bad-subject", "bad-date"],
)
def test_malformed_records_raise_ingest_error(mutate: Any) -> None:
    record = _record("nghe-an_683-kh-ubnd_2021")
    mutate(record)
    with pytest.raises(IngestError, match=r"nghe-an_683-kh-ubnd_2021\.txt"):
        _triples(record, minter=M)


def test_national_documents_are_minted_under_their_issuer() -> None:
    def iri(issuer: dict[str, str], number: str = "5/QĐ-X") -> str:
        doc = {"kind": "QuyetDinh", "number": number, "date": "2024-01-08", "issuer": issuer}
        return _triples({"source": "x.txt", "document": doc}, minter=M).document_iri

    base = "https://w3id.org/policykg/eli/vn/"
    assert iri({"kind": "thu_tuong", "scope": "national"}).startswith(base + "ttg/2024/qd/")
    assert iri({"kind": "chinh_phu", "scope": "national"}).startswith(base + "cp/2024/qd/")
    assert iri({"kind": "bo_tnmt", "scope": "national"}).startswith(base + "bo-tnmt/2024/qd/")
    party = {"kind": "other", "scope": "national", "name": "Đảng đoàn Quốc hội"}
    assert iri(party).startswith(base + "dang-doan-quoc-hoi/2024/qd/")


def test_a_document_its_fields_cannot_identify_is_minted_from_its_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """No issuer, or no number and no title: the IRI comes from the text, so two different
    documents never share one, and the same text always gets the same."""
    doc = {"kind": "KeHoach", "number": None, "date": "2026", "issuer": None, "title": None}
    record = {"source": "draft.txt", "document": doc}
    a = _triples(record, minter=M, text="Kế hoạch A").document_iri
    b = _triples(record, minter=M, text="Kế hoạch B").document_iri
    assert a != b and "/c-" in a and "/c-" in b
    assert _triples(record, minter=M, text="Kế hoạch A").document_iri == a
    assert "not all read" in caplog.text
    # without a text, the facts extracted are the content
    c = _triples(record, minter=M).document_iri
    assert "/c-" in c and c not in (a, b)
    # a numbered document of a known issuer and year keeps its ELI form
    doc2 = {**doc, "number": "12/KH-UBND", "issuer": {"kind": "ubnd_tinh", "scope": "Lào Cai"}}
    iri2 = _triples({"source": "x", "document": doc2}, minter=M, text="A").document_iri
    assert iri2.endswith("/lao-cai/2026/kh/12-kh-ubnd")


_UNKEYED_DRAFT = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN

KẾ HOẠCH
Chuyển đổi số năm 2025

Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương \
trình Chuyển đổi số quốc gia;

I. MỤC TIÊU
1. Đến năm 2025, 100% cơ quan nhà nước cấp tỉnh kết nối mạng truyền số liệu chuyên dùng.
2. Phấn đấu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến.

II. NHIỆM VỤ
1. Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính xây dựng nền tảng dữ liệu.
2. Sở Nội vụ chủ trì đào tạo cán bộ.

III. TỔ CHỨC THỰC HIỆN
1. Sở Thông tin và Truyền thông
Chủ trì theo dõi, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.
2. Sở Tài chính
Phối hợp với Sở Thông tin và Truyền thông bố trí kinh phí.
"""


def test_an_extracted_record_without_its_text_keeps_the_iri_of_its_facts() -> None:
    """`policykg extract --format turtle` mints a document its fields cannot identify from
    the facts extracted, spans included: the IRI it has always had (before the record was
    typed, the extraction's dict with its "_span" keys was hashed)."""
    from policykg.ingest.extract import extract

    record = extract(_UNKEYED_DRAFT, source="draft.txt")
    assert record.tasks and record.targets and record.citations and record.reporting
    iri = document_triples(record, minter=M).document_iri
    assert iri == "https://w3id.org/policykg/eli/vn/nghe-an/nd/kh/c-9e6991f4e120"
    # the spans are part of those facts: a record without them is another content
    gold_form = Record.from_gold(record.to_gold())
    assert document_triples(gold_form, minter=M).document_iri != iri
