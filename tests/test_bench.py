"""The benchmarks run end to end at a tiny size (no timing assertions: CI keeps them working)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.bench import bench_api, bench_catalog, bench_ingest, bench_queries
from policykg.bench.common import percentile, table
from policykg.bench.generate import bases, generate_plan, iter_plans, write_corpus
from policykg.graph.queries import load_queries
from policykg.ingest.extract import extract


def test_generator_is_deterministic_and_varied() -> None:
    assert generate_plan(7) == generate_plan(7)
    assert generate_plan(7, seed=1) != generate_plan(7)
    plans = list(iter_plans(12))
    assert len({name for name, _ in plans}) == 12
    assert len({text for _, text in plans}) == 12


def test_generated_plans_extract_with_their_own_facts() -> None:
    seen_bases = set()
    for name, text in iter_plans(6):
        record = extract(text, source=name)
        doc = record.document
        number = name.split("_")[2].split("-")[0]
        assert doc.number is not None and doc.number.startswith(number + "/")
        assert doc.date and doc.date[:4] == name[-8:-4]
        assert doc.place and doc.place not in {b.province for b in bases()} - {
            doc.place
        }  # any province, but the header and body agree
        assert record.tasks and record.agencies and record.citations
        seen_bases.add(len(record.tasks))
    assert seen_bases  # extraction found tasks in every plan


def test_helpers() -> None:
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([], 99) == 0.0
    out = table(["a", "n"], [["x", 1.5], ["y", 1234]])
    assert "| x |" in out and "1,234" in out


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench")
    paths = write_corpus(3, folder / "corpus")
    result = bench_ingest.ingest_once(paths, 1, folder / "store")
    assert result["plans"] == 3 and result["quads"] > 1000
    assert result["extract_s"] > 0 and result["store_s"] > 0
    return folder / "store"


def test_ingest_two_processes(tmp_path: Path) -> None:
    paths = write_corpus(2, tmp_path / "corpus")
    result = bench_ingest.ingest_once(paths, 2, tmp_path / "store")
    assert result["plans"] == 2 and result["triples"] > 500
    assert "plans" in bench_ingest.render({"ingest": [dict(result, load="0")]})


def test_queries_bench_on_both_engines(tiny_store: Path) -> None:
    ox_res = bench_queries.bench_store(tiny_store, repeat=1, budget=0.1)
    assert set(ox_res["queries"]) == set(load_queries())  # every named query runs
    names = {"document_list", "agency_roles", "co_leads_by_theme", "citation_chain_out"}
    rl_res = bench_queries.bench_rdflib(
        tiny_store, repeat=1, budget=0.1, per_query=0.5, names=names
    )
    assert set(rl_res["queries"]) == names
    assert ox_res["queries"]["document_list"]["rows"] == 3
    if "rows" in rl_res["queries"]["document_list"]:
        assert rl_res["queries"]["document_list"]["rows"] == 3
    text = bench_queries.render(
        {"queries": {"3": {"oxigraph": ox_res, "rdflib": rl_res, "load": "0"}}}
    )
    assert "document_list" in text


def test_api_bench(tiny_store: Path) -> None:
    data = bench_api.run({3: tiny_store}, concurrency=2, duration=0.3, max_requests=10)
    scenarios = data["api"]["3"]["scenarios"]
    assert set(scenarios) == {
        "REST /documents/{id}",
        "REST /agencies/{kind}/{scope}",
        "/sparql point lookup",
    }
    for s in scenarios.values():
        assert s["errors"] == 0 and s["requests"] >= 1
    assert "req/s" in bench_api.render(data)


def test_catalog_bench_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    from policykg import bundled_corpus
    from policykg.graph.dataset import load_vocabulary
    from policykg.graph.store import EmbeddedStore
    from policykg.load.documents import ingest_paths
    from policykg.ontology.iri import IriMinter

    path = tmp_path / "store"
    store = EmbeddedStore(path)
    load_vocabulary(store, IriMinter())
    ingest_paths(store, [bundled_corpus()], IriMinter())
    before = sorted(map(str, store.quads()))
    del store
    lines = bench_catalog.run(path, 1)
    assert lines[0].startswith("catalog built whole:") and "instruments" in lines[0]
    assert lines[1].startswith("plan 1: write alone") and "catalog update" in lines[1]
    assert sorted(map(str, EmbeddedStore(path).quads())) == before
