"""Every named query runs, and answers the competency questions on the gold-derived graphs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ServerPool

from policykg.graph.base import Store
from policykg.graph.errors import QueryParameterError, UnknownQuery
from policykg.graph.queries import get_query, load_queries, run_construct, run_select
from policykg.graph.remote import RemoteStore
from policykg.graph.store import EmbeddedStore
from policykg.ingest.rdf import document_triples
from policykg.ingest.record import Record
from policykg.ontology.iri import IriMinter
from policykg.ontology.load import ontology_triples, reference_triples

ROOT = Path(__file__).resolve().parent.parent
M = IriMinter()
TTG = M.agency("thu_tuong", "national")
Q1322 = "https://w3id.org/policykg/eli/vn/ttg/2020/qd/1322-qd-ttg"
Q36 = "https://w3id.org/policykg/eli/vn/ttg/2021/qd/36-qd-ttg"
Q100 = "https://w3id.org/policykg/eli/vn/ttg/2019/qd/100-qd-ttg"


pytestmark = pytest.mark.backends  # every store backend: embedded, Oxigraph, Virtuoso


@pytest.fixture(scope="session")
def store(backend: str, server_pool: ServerPool) -> Iterator[tuple[Store, dict[str, str]]]:
    """The gold-derived graphs on the test's backend (a server's ``gold`` role)."""
    st: Store = (
        EmbeddedStore() if backend == "embedded" else server_pool.get(backend, "gold").store()
    )
    st.replace_graphs(
        {M.ontology_graph: ontology_triples(), M.reference_graph: reference_triples()}
    )
    docs: dict[str, str] = {}
    for path in sorted((ROOT / "tests" / "gold").glob("*.json")):
        result = document_triples(
            Record.from_gold(json.loads(path.read_text(encoding="utf-8"))), minter=M
        )
        st.replace_graph(result.graph_iri, result.triples)
        docs[path.stem.split("_")[0]] = result.document_iri
    yield st, docs
    if isinstance(st, RemoteStore):
        st.close()


def _v(row: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal], key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None


# Example values for every parameter name used by the named queries.
EXAMPLES: dict[str, object] = {
    "doc": "https://w3id.org/policykg/eli/vn/tuyen-quang/2022/kh/60-kh-ubnd",
    "instrument": Q1322,
    "theme": M.concept("theme", "training"),
    "indicator": M.concept("indicator", "experts_certified"),
    "dueYear": 2025,
    "recipient": M.agency("bo_khcn", "national"),
    "agency": M.agency("so_khdt", "Nghệ An"),
    "issuer": TTG,
    "year": 2020,
    "resource": "https://w3id.org/policykg/eli/vn/tuyen-quang/2022/kh/60-kh-ubnd",
    "scheme": M.scheme("theme"),
}


@pytest.mark.parametrize("name", sorted(load_queries()))
def test_every_named_query_runs(name: str, store: tuple[Store, dict[str, str]]) -> None:
    st, _ = store
    q = get_query(name)
    assert q.summary
    values = {p.name: EXAMPLES[p.name] for p in q.params}
    if q.form == "select":
        rows = run_select(st, name, **values)
        for p in q.params:  # every parameter is projected (pyoxigraph needs it)
            assert f"?{p.name}" in q.text.split("WHERE")[0]
        assert isinstance(rows, list)
    else:
        assert run_construct(st, name, **values)


def test_cq1_tuyen_quang_implements(store: tuple[Store, dict[str, str]]) -> None:
    st, docs = store
    rows = run_select(st, "implemented_by_document", doc=docs["tuyen-quang"])
    decisions = {
        (_v(r, "number"), _v(r, "how"), _v(r, "viaNumber"))
        for r in rows
        if _v(r, "kind") == "QuyetDinh"
    }
    assert ("1322/QĐ-TTg", "direct", None) in decisions
    assert ("100/QĐ-TTg", "through", "26/KH-UBND") in decisions
    assert any(n == "1266/QĐ-TTg" and how == "through" for n, how, _ in decisions)
    assert {n for n, how, _ in decisions if how == "direct"} == {"1322/QĐ-TTg"}


def _plans(st: Store, instrument: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in run_select(st, "plans_implementing", instrument=instrument):
        out.setdefault(_v(r, "relation") or "", set()).add(_v(r, "province") or "")
    return out


def test_cq2_plans_and_1322(store: tuple[Store, dict[str, str]]) -> None:
    plans = _plans(store[0], Q1322)
    assert plans["implements"] == {"Nghệ An", "Tuyên Quang", "Nam Định", "Đồng Nai"}
    assert plans["legal_basis"] == {"Quảng Nam", "Đồng Nai"}


def test_cq3_plans_and_36(store: tuple[Store, dict[str, str]]) -> None:
    plans = _plans(store[0], Q36)
    assert plans["implements"] == {"Nghệ An", "Nam Định"}
    assert plans["legal_basis"] == {"Đồng Nai"}


def test_cq4_plans_reaching_100(store: tuple[Store, dict[str, str]]) -> None:
    plans = _plans(store[0], Q100)
    assert plans == {"through": {"Tuyên Quang", "Quảng Nam"}}


def test_cq5_co_leads_of_training(store: tuple[Store, dict[str, str]]) -> None:
    rows = run_select(store[0], "co_leads_by_theme", theme=M.concept("theme", "training"))
    leads: dict[tuple[str | None, str | None], set[str | None]] = {}
    for r in rows:
        leads.setdefault((_v(r, "province"), _v(r, "ref")), set()).add(_v(r, "leadKind"))
    assert leads[("Nghệ An", "II.4")] == {"so_khcn", "so_nv", "so_khdt"}
    assert leads[("Nghệ An", "II.2")] == {
        "so_khcn", "so_nnptnt", "so_ct", "so_tttt", "so_ldtbxh", "so_khdt", "ban_tdkt",
    }  # fmt: skip
    assert not any(p == "Đồng Nai" for p, _ in leads)


def test_cq6_expert_targets_2025(store: tuple[Store, dict[str, str]]) -> None:
    rows = run_select(
        store[0],
        "targets_by_indicator",
        indicator=M.concept("indicator", "experts_certified"),
        dueYear=2025,
    )
    got = {
        _v(r, "province"): (_v(r, "comparator"), _v(r, "min"), _v(r, "max"))
        for r in rows
        if _v(r, "province")
    }
    assert got == {
        "Nghệ An": ("at_least", "5", None),
        "Tuyên Quang": ("at_least", "10", None),
        "Quảng Nam": ("range", "15", "20"),
        "Nam Định": ("range", "3", "5"),
        "Đồng Nai": ("about", "10", "10"),
    }


def test_cq7_reporting_to_ministry(store: tuple[Store, dict[str, str]]) -> None:
    rows = run_select(store[0], "reporting_to_agency", recipient=M.agency("bo_khcn", "national"))
    got = {(_v(r, "actorKind"), _v(r, "province"), _v(r, "deadline")) for r in rows}
    assert got == {
        ("so_khcn", "Nghệ An", "--11-30"),
        ("so_khcn", "Tuyên Quang", "--11-30"),
        ("so_khcn", "Đồng Nai", "--11-30"),
    }


def test_cq8_successor_of_so_khdt_nghe_an(store: tuple[Store, dict[str, str]]) -> None:
    rows = run_select(store[0], "successor_of_agency", agency=M.agency("so_khdt", "Nghệ An"))
    assert [(_v(r, "successor"), _v(r, "successorLabel")) for r in rows] == [
        (M.agency("so_tc", "Nghệ An"), "Sở Tài chính Nghệ An")
    ]
    # through two changes: department merger, then province merger
    rows = run_select(store[0], "successor_of_agency", agency=M.agency("so_khdt", "Nam Định"))
    assert [_v(r, "successor") for r in rows] == [M.agency("so_tc", "Ninh Bình")]
    changes = run_select(store[0], "agency_changes", agency=M.agency("so_khdt", "Nghệ An"))
    assert {_v(r, "date") for r in changes} == {"2025-03-01"}


def test_cq9_no_target_after_period(store: tuple[Store, dict[str, str]]) -> None:
    assert run_select(store[0], "targets_after_period") == []


def test_cq10_dong_nai_cites_ministry_of_finance(
    store: tuple[Store, dict[str, str]],
) -> None:
    st, docs = store
    rows = run_select(
        st, "citations_by_issuer", doc=docs["dong-nai"], issuer=M.agency("bo_tc", "national")
    )
    got = {(_v(r, "number"), _v(r, "relation"), _v(r, "how")) for r in rows}
    assert got == {
        ("35/2021/TT-BTC", "legal_basis", "direct"),
        ("35/2021/TT-BTC", "applies", "through"),
    }


def test_plans_implementing_pm_decisions_of_2020(
    store: tuple[Store, dict[str, str]],
) -> None:
    rows = run_select(store[0], "plans_implementing_pm_decisions_by_year", issuer=TTG, year=2020)
    direct = {_v(r, "province") for r in rows if _v(r, "how") == "direct"}
    assert direct == {"Nghệ An", "Tuyên Quang", "Nam Định", "Đồng Nai"}
    assert {_v(r, "number") for r in rows} == {"1322/QĐ-TTg", "1266/QĐ-TTg"}
    assert (
        run_select(store[0], "plans_implementing_pm_decisions_by_year", issuer=TTG, year=2018) == []
    )


def test_document_list_and_citation_chains(store: tuple[Store, dict[str, str]]) -> None:
    st, docs = store
    assert len(run_select(st, "document_list")) == 5
    out = {_v(r, "number") for r in run_select(st, "citation_chain_out", doc=docs["tuyen-quang"])}
    assert {"1322/QĐ-TTg", "100/QĐ-TTg", "26/KH-UBND"} <= out
    into = {_v(r, "doc") for r in run_select(st, "citation_chain_in", instrument=Q100)}
    assert {docs["tuyen-quang"], docs["quang-nam"]} <= into
    roles = {
        _v(r, "role") for r in run_select(st, "agency_roles", agency=M.agency("so_khcn", "Nghệ An"))
    }
    assert {"lead", "actor", "recipient"} <= roles


def test_parameter_errors() -> None:
    with pytest.raises(UnknownQuery):
        get_query("no_such_query")
    q = get_query("targets_by_indicator")
    with pytest.raises(QueryParameterError, match="missing"):
        q.bindings({"indicator": M.concept("indicator", "other")})
    with pytest.raises(QueryParameterError, match="gYear"):
        q.bindings({"indicator": M.concept("indicator", "other"), "dueYear": "20x5"})
    with pytest.raises(QueryParameterError, match="unknown"):
        q.bindings({"indicator": "x:y", "dueYear": 2025, "other": 1})
    with pytest.raises(QueryParameterError, match="not an IRI"):
        get_query("successor_of_agency").bindings({"agency": "not an iri"})
