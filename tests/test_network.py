"""graph.network on the bundled corpus: expected edges, filters, analytics, export round-trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from conftest import REPLACED_ID, REPLACING_DECISION, REPLACING_ID

from policykg.graph import network as N
from policykg.graph.dataset import load_vocabulary
from policykg.graph.store import EmbeddedStore
from policykg.ingest.rdf import document_triples
from policykg.ingest.record import AgencyRef, AssignedDuty, Document, Record
from policykg.load.documents import ingest_file
from policykg.ontology.iri import PKG, IriMinter

M = IriMinter()
NGHE_AN = "https://w3id.org/policykg/eli/vn/nghe-an/2021/kh/683-kh-ubnd"
TUYEN_QUANG = "https://w3id.org/policykg/eli/vn/tuyen-quang/2022/kh/60-kh-ubnd"
KH26 = "https://w3id.org/policykg/eli/vn/tuyen-quang/2021/kh/26-kh-ubnd"
Q100 = "https://w3id.org/policykg/eli/vn/ttg/2019/qd/100-qd-ttg"
Q1322 = "https://w3id.org/policykg/eli/vn/ttg/2020/qd/1322-qd-ttg"
TT35 = "https://w3id.org/policykg/eli/vn/bo-tc/2021/tt/35-2021-tt-btc"
ELI_VN = "https://w3id.org/policykg/eli/vn/"


def ag(kind: str, scope: str) -> str:
    return M.agency(kind, scope)


@pytest.fixture(scope="module")
def agency(corpus_store: EmbeddedStore) -> nx.MultiDiGraph:
    return N.agency_network(corpus_store)


@pytest.fixture(scope="module")
def citation(corpus_store: EmbeddedStore) -> nx.MultiDiGraph:
    return N.citation_network(corpus_store)


# --- the agency network ------------------------------------------------------------------


def test_nghe_an_training_co_leads(agency: nx.MultiDiGraph) -> None:
    """Competency question 5: Nghệ An II.4 is co-led by Sở KH&CN, Sở Nội vụ, Sở KH&ĐT."""
    task = f"{NGHE_AN}/task/II.4"
    leads = [ag("so_khcn", "Nghệ An"), ag("so_nv", "Nghệ An"), ag("so_khdt", "Nghệ An")]
    for i, a in enumerate(leads):
        for b in leads[i + 1 :]:
            u, v = sorted((a, b))
            assert agency.has_edge(u, v, key="co_lead"), (u, v)
            assert not agency.has_edge(v, u, key="co_lead")  # stored once, sorted
            data = agency.edges[u, v, "co_lead"]
            assert task in data["items"].split()
            assert NGHE_AN in data["docs"].split()
            assert data["type"] == "co_lead"
            assert data["weight"] == data["tasks"] >= 1
            assert data["plans"] == 1


def test_reports_to_ministry(agency: nx.MultiDiGraph) -> None:
    """Competency question 7: Sở KH&CN of Nghệ An, Tuyên Quang, Đồng Nai report to Bộ KH&CN."""
    bo = ag("bo_khcn", "national")
    reporters = {u for u, _v, k in agency.in_edges(bo, keys=True) if k == "reports_to"}
    assert {ag("so_khcn", p) for p in ("Nghệ An", "Tuyên Quang", "Đồng Nai")} <= reporters
    assert agency.nodes[bo]["label"] == "Bộ Khoa học và Công nghệ"
    assert agency.nodes[bo]["kind"] == "bo_khcn"
    assert agency.nodes[bo]["scope"] == "national"
    assert agency.nodes[bo]["level"] == "national"


def test_successor_edge(agency: nx.MultiDiGraph) -> None:
    """Competency question 8: Sở KH&ĐT Nghệ An -> Sở Tài chính Nghệ An (2025 merger)."""
    khdt, tc = ag("so_khdt", "Nghệ An"), ag("so_tc", "Nghệ An")
    data = agency.edges[khdt, tc, "succeeded_by"]
    assert data["event"].startswith("https://w3id.org/policykg/event/nd-45-2025-nd-cp/")
    assert data["date"].startswith("2025")
    assert (data["tasks"], data["plans"], data["weight"]) == (0, 0, 1)
    node = agency.nodes[khdt]
    assert node["label"] == "Sở Kế hoạch và Đầu tư Nghệ An"
    assert (node["kind"], node["province"], node["level"]) == ("so_khdt", "Nghệ An", "provincial")
    assert node["tasks"] >= 4 and node["plans"] == 1


def test_lead_coordinator_and_assigned_duty_edges(agency: nx.MultiDiGraph) -> None:
    # Nghệ An II.4: lead Sở KH&CN -> coordinator, the universities and colleges
    data = agency.edges[ag("so_khcn", "Nghệ An"), ag("truong_dh_cd", "Nghệ An"), "lead_coordinator"]
    assert f"{NGHE_AN}/task/II.4" in data["items"].split()
    # an assigned duty under "Tổ chức thực hiện": Sở KH&CN Tuyên Quang advises the UBND tỉnh
    data = agency.edges[ag("so_khcn", "Tuyên Quang"), ag("ubnd_tinh", "Tuyên Quang"), "reports_to"]
    assert any("/assignment/" in i for i in data["items"].split())


def test_every_node_and_edge_is_fully_attributed(agency: nx.MultiDiGraph) -> None:
    assert set(k for _u, _v, k in agency.edges(keys=True)) <= set(N.AGENCY_EDGE_TYPES)
    assert {"co_lead", "lead_coordinator", "reports_to", "succeeded_by"} <= {
        k for _u, _v, k in agency.edges(keys=True)
    }
    for _n, d in agency.nodes(data=True):
        assert set(d) == {"label", "kind", "kind_label", "level", "scope", "province"} | {
            "tasks",
            "plans",
        }
        assert d["label"] and all(v is not None for v in d.values())
    for _u, _v, k, d in agency.edges(keys=True, data=True):
        assert d["type"] == k


def test_province_filter(corpus_store: EmbeddedStore) -> None:
    g = N.agency_network(corpus_store, province="Nghệ An")
    assert N.agency_network(corpus_store, province="nghe-an").edges == g.edges
    assert N.agency_network(corpus_store, province=M.province("Nghệ An")).edges == g.edges
    active = [n for n, d in g.nodes(data=True) if d["tasks"] > 0]
    assert active and all(g.nodes[n]["scope"] in {"Nghệ An", "national"} for n in active)
    assert not any("dong-nai" in n for n in g.nodes)
    for _u, _v, _k, d in g.edges(keys=True, data=True):
        assert all(doc == NGHE_AN for doc in d["docs"].split())
    assert N.agency_network(corpus_store, province="Hà Giang").number_of_nodes() == 0


def test_theme_filter(corpus_store: EmbeddedStore, agency: nx.MultiDiGraph) -> None:
    g = N.agency_network(corpus_store, theme="training")
    assert g.graph["theme"] == "training"
    kinds = {k for _u, _v, k in g.edges(keys=True)}
    assert "co_lead" in kinds and "reports_to" not in kinds  # duties have no theme
    same = N.agency_network(corpus_store, theme=M.concept("theme", "training"))
    assert same.edges == g.edges
    assert g.number_of_edges() < agency.number_of_edges()
    u, v = sorted((ag("so_khcn", "Nghệ An"), ag("so_nv", "Nghệ An")))
    assert g.has_edge(u, v, key="co_lead")


def test_period_filter(corpus_store: EmbeddedStore) -> None:
    late = N.agency_network(corpus_store, period=(2026, 2030))
    docs = {d for _u, _v, _k, e in late.edges(keys=True, data=True) for d in e["docs"].split()}
    assert NGHE_AN in docs and TUYEN_QUANG not in docs  # Tuyên Quang's plan ends in 2025
    assert N.agency_network(corpus_store, period=(1990, 1995)).number_of_nodes() == 0


def test_network_options(corpus_store: EmbeddedStore) -> None:
    opts = N.network_options(corpus_store)
    assert opts.provinces == sorted(["Nghệ An", "Đồng Nai", "Nam Định", "Quảng Nam", "Tuyên Quang"])
    assert ("training", "Đào tạo, tập huấn") in opts.themes
    assert opts.first_year == 2021 and opts.last_year == 2030


# --- the citation network ----------------------------------------------------------------


def test_citation_chain_edges(citation: nx.MultiDiGraph) -> None:
    """Competency questions 1 and 4: Tuyên Quang applies KH 26, which implements QĐ 100."""
    assert citation.has_edge(TUYEN_QUANG, KH26, key="applies")
    assert citation.has_edge(KH26, Q100, key="implements")
    assert citation.has_edge(TUYEN_QUANG, Q1322, key="implements")
    e = citation.edges[TUYEN_QUANG, KH26, "applies"]
    assert e["citations"] >= 1 and e["evidence"] and TUYEN_QUANG in e["docs"]
    assert citation.nodes[Q1322]["label"] == "1322/QĐ-TTg"
    assert citation.nodes[Q1322]["kind"] == "QuyetDinh"
    assert citation.nodes[TUYEN_QUANG]["plan"] is True
    assert citation.nodes[Q1322]["plan"] is False


def test_citation_relations_and_evidence(citation: nx.MultiDiGraph) -> None:
    kinds = {k for _u, _v, k in citation.edges(keys=True)}
    assert kinds <= set(N.CITATION_EDGE_TYPES)
    assert {"implements", "legal_basis", "applies", "mentions"} <= kinds
    implementers = {u for u, _v, k in citation.in_edges(Q1322, keys=True) if k == "implements"}
    provinces = {citation.nodes[u]["province"] for u in implementers}
    assert {"Nghệ An", "Tuyên Quang", "Nam Định", "Đồng Nai"} <= provinces
    tt35 = [(u, k) for u, _v, k in citation.in_edges(TT35, keys=True)]
    assert any(k == "legal_basis" for _u, k in tt35), tt35


def test_citation_province_filter(corpus_store: EmbeddedStore) -> None:
    g = N.citation_network(corpus_store, province="Tuyên Quang")
    assert g.has_edge(TUYEN_QUANG, KH26, key="applies")
    assert g.has_edge(KH26, Q100, key="implements")
    assert NGHE_AN not in g


# --- analytics -----------------------------------------------------------------------------


def test_centrality_measures_and_hubs(corpus_store: EmbeddedStore, agency: nx.MultiDiGraph) -> None:
    for measure in N.MEASURES:
        scores = N.centrality(agency, measure=measure)
        assert set(scores) == set(agency.nodes)
        assert scores == N.centrality(agency, measure=measure)  # deterministic
    pr = N.centrality(agency, measure="pagerank")
    assert abs(sum(pr.values()) - 1.0) < 1e-6
    # the hub for reporting is a provincial Sở KH&CN
    hub, score = N.ranking(agency, measure="strength", edge_types="reports_to", top=1)[0]
    assert agency.nodes[hub]["kind"] == "so_khcn" and score > 3
    # the hubs for training are Nghệ An's co-leads
    training = N.agency_network(corpus_store, theme="training")
    top = [n for n, _s in N.ranking(training, measure="degree", top=3)]
    assert ag("so_khcn", "Nghệ An") in top
    with pytest.raises(ValueError, match="unknown measure"):
        N.centrality(agency, measure="closeness")


def test_communities_are_deterministic(agency: nx.MultiDiGraph) -> None:
    parts = N.communities(agency, seed=1)
    assert parts == N.communities(agency, seed=1)
    assert len(parts) >= 2
    flat = [n for p in parts for n in p]
    assert len(flat) == len(set(flat))
    # agencies of one province's plan fall together: Nghệ An's co-leads share a community
    where = {n: i for i, p in enumerate(parts) for n in p}
    assert where[ag("so_khcn", "Nghệ An")] == where[ag("so_nv", "Nghệ An")]
    assert where[ag("so_khcn", "Nghệ An")] != where[ag("so_khcn", "Đồng Nai")]


def test_role_table(corpus_store: EmbeddedStore) -> None:
    rows = N.role_table(corpus_store)
    matrix = N.role_matrix(rows)
    assert matrix["Nghệ An"]["so_khcn"]["lead"] >= 5
    assert matrix["Nghệ An"]["bo_khcn"]["recipient"] >= 1
    assert matrix["Tuyên Quang"]["so_khcn"]["assignee"] >= 1
    assert "lead" not in matrix.get("Nam Định", {}).get("so_khcn", {})  # no appendix
    assert rows == N.role_table(corpus_store)
    only = N.role_table(corpus_store, province="Đồng Nai")
    assert only and {r.province for r in only} == {"Đồng Nai"}
    r = next(r for r in rows if (r.province, r.kind, r.role) == ("Nghệ An", "so_khcn", "lead"))
    assert r.kind_label == "Sở Khoa học và Công nghệ" and r.agencies == 1


# --- exports -------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["agency", "citation"])
def test_graphml_round_trip(which: str, agency: nx.MultiDiGraph, citation: nx.MultiDiGraph) -> None:
    g = agency if which == "agency" else citation
    back = nx.read_graphml(io.BytesIO(N.to_graphml(g)), force_multigraph=True)
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(g.edges(keys=True, data=True))
    assert {k: v for k, v in back.graph.items() if not k.endswith("_default")} == g.graph


def test_gexf_round_trip(agency: nx.MultiDiGraph) -> None:
    back = nx.read_gexf(io.BytesIO(N.to_gexf(agency)))
    assert set(back.nodes) == set(agency.nodes)
    assert back.number_of_edges() == agency.number_of_edges()
    for n, d in agency.nodes(data=True):
        assert back.nodes[n]["label"] == d["label"]
        assert back.nodes[n]["kind"] == d["kind"]
    typed = sorted((u, v, d["edge_type"], d["tasks"]) for u, v, d in back.edges(data=True))
    assert typed == sorted(
        (u, v, k, d["tasks"]) for u, v, k, d in agency.edges(keys=True, data=True)
    )


def test_cytoscape_elements(agency: nx.MultiDiGraph) -> None:
    doc = json.loads(N.to_cytoscape(agency, centrality_measure="degree"))
    assert [e["data"]["id"] for e in doc["nodes"]] == sorted(agency.nodes)
    assert len(doc["edges"]) == agency.number_of_edges()
    ids = [e["data"]["id"] for e in doc["edges"]]
    assert len(ids) == len(set(ids))
    node = next(e["data"] for e in doc["nodes"] if e["data"]["id"] == ag("so_khcn", "Nghệ An"))
    assert node["label"] == "Sở Khoa học và Công nghệ Nghệ An" and node["centrality"] > 0
    for e in doc["edges"]:
        d = e["data"]
        assert agency.has_edge(d["source"], d["target"], key=d["type"])


def test_csv_edges(citation: nx.MultiDiGraph) -> None:
    rows = list(csv.DictReader(io.StringIO(N.to_csv_edges(citation))))
    assert len(rows) == citation.number_of_edges()
    got = {(r["source"], r["target"], r["type"]) for r in rows}
    assert got == set(citation.edges(keys=True))
    row = next(r for r in rows if (r["source"], r["target"]) == (KH26, Q100))
    assert row["type"] == "implements" and row["target_label"] == "100/QĐ-TTg"


@pytest.mark.parametrize("fmt", N.FORMATS)
@pytest.mark.parametrize("kind", ["agency", "citation"])
def test_export_network(corpus_store: EmbeddedStore, kind: str, fmt: str) -> None:
    data = N.export_network(corpus_store, kind=kind, fmt=fmt, province="Tuyên Quang")
    assert isinstance(data, bytes) and "Tuyên Quang".encode() in data
    assert N.MEDIA_TYPES[fmt]


def test_export_network_rejects_unknown(corpus_store: EmbeddedStore) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        N.export_network(corpus_store, fmt="dot")
    with pytest.raises(ValueError, match="unknown network kind"):
        N.export_network(corpus_store, kind="people")


def test_a_replaced_instrument_points_to_the_document_replacing_it(minter: IriMinter) -> None:
    """'Quyết định này ... thay thế Quyết định số 14/2019/QĐ-UBND': an edge ``replaced_by``
    from the old decision to the new one, stated by the new one."""
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    assert ingest_file(store, REPLACING_DECISION, minter).ok
    g = N.citation_network(store)
    new, old = ELI_VN + REPLACING_ID, ELI_VN + REPLACED_ID
    assert "replaced_by" in N.CITATION_EDGE_TYPES
    assert g.has_edge(old, new, key="replaced_by")
    data = g.edges[old, new, "replaced_by"]
    assert data["type"] == "replaced_by" and data["citations"] == 1
    assert data["docs"] == new and "14/2019/QĐ-UBND" in data["evidence"]
    assert g.has_edge(new, old, key="mentions")
    assert "replaced_by" in N.to_csv_edges(g)


# --- assigned duties in RDF ------------------------------------------------------------------


def test_assigned_duties_become_rdf() -> None:
    province = AgencyRef("ubnd_tinh", "Nghệ An")
    record = Record(
        source="x.txt",
        document=Document(kind="KeHoach", number="1/KH-UBND", date="2024-01-02", issuer=province),
        duties=(
            AssignedDuty(
                ref="IV.1",
                actor=(AgencyRef("so_khcn", "Nghệ An"),),
                text="Chủ trì, phối hợp với Sở Tài chính tham mưu UBND tỉnh",
                partners=(AgencyRef("so_tc", "Nghệ An"),),
                to=(province,),
                span=(0, 10),
            ),
        ),
    )
    result = document_triples(record, minter=M, text="0123456789abc")
    duty = f"{result.document_iri}/assignment/1"
    got = {
        (t.predicate.value, str(getattr(t.object, "value", "")))
        for t in result.triples
        if t.subject == ox.NamedNode(duty)
    }
    assert (PKG + "assignee", ag("so_khcn", "Nghệ An")) in got
    assert (PKG + "partnerAgency", ag("so_tc", "Nghệ An")) in got
    assert (PKG + "reportsTo", ag("ubnd_tinh", "Nghệ An")) in got
    assert ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", PKG + "Assignment") in got
    assert ("http://purl.org/dc/terms/identifier", "IV.1") in got
    assert any(p.endswith("wasDerivedFrom") for p, _o in got)


# --- the CLI command (cli/network.py) ----------------------------------------------------


def test_cli_network_command(
    corpus_store: EmbeddedStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer
    from typer.testing import CliRunner

    from policykg.cli import common
    from policykg.cli.network import parse_period, register

    app = typer.Typer()
    app.command("noop")(lambda: None)  # a second command keeps "network" a subcommand
    register(app)
    monkeypatch.setattr(common, "open_store", lambda settings, must_exist=False: corpus_store)
    out = tmp_path / "net.graphml"
    args = ["network", "--format", "graphml", "--province", "nghe-an", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out, force_multigraph=True)
    assert back.has_edge(ag("so_khdt", "Nghệ An"), ag("so_tc", "Nghệ An"), key="succeeded_by")
    result = CliRunner().invoke(app, ["network", "--kind", "citation", "--format", "csv"])
    assert result.exit_code == 0 and result.stdout.startswith("source,target,type")
    result = CliRunner().invoke(app, ["network", "--format", "dot"])
    assert result.exit_code == 2 and "unknown format" in result.output
    result = CliRunner().invoke(app, ["network", "--period", "soon"])
    assert result.exit_code == 2
    assert parse_period("2021-2025") == (2021, 2025) and parse_period("2030") == (2030, 2030)


def test_xml_exports_drop_characters_xml_cannot_hold() -> None:
    import networkx as nx

    from policykg.graph.network import to_gexf, to_graphml

    g = nx.MultiDiGraph(province="Nghệ\x00An\x1f")
    g.add_node("urn:a", label="Sở\x0bKH&CN")
    g.add_edge("urn:a", "urn:b", key="co_lead", evidence="x\x01y")
    back = nx.read_graphml(io.BytesIO(to_graphml(g)))
    assert back.graph["province"] == "NghệAn"
    assert back.nodes["urn:a"]["label"] == "SởKH&CN"
    assert b"\x01" not in to_gexf(g)
