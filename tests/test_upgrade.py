"""A store written before the sort keys and the citation index is brought up to date."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from policykg import bundled_corpus
from policykg.cli.main import app
from policykg.graph.dataset import document_graphs, load_vocabulary
from policykg.graph.lookups import Graph
from policykg.graph.queries import run_select_paged
from policykg.graph.store import EmbeddedStore
from policykg.graph.upgrade import derived_triples, needs_upgrade, upgrade_store
from policykg.load.documents import ingest_paths
from policykg.ontology.iri import PKG, IriMinter

runner = CliRunner()


def _snapshot(store: EmbeddedStore, minter: IriMinter) -> dict[str, set[ox.Triple]]:
    return {g: set(store.graph_triples(g)) for g in document_graphs(store, minter)}


def _make_old(store: EmbeddedStore, minter: IriMinter) -> int:
    """Take every derived triple out of the document graphs (as an older version wrote them)."""
    removed = 0
    for g in document_graphs(store, minter):
        triples = store.graph_triples(g)
        derived = derived_triples(triples)
        removed += len(derived)
        store.replace_graph(g, [t for t in triples if t not in derived])
    return removed


def test_derived_triples_are_what_ingest_writes() -> None:
    minter = IriMinter()
    store = EmbeddedStore()
    ingest_paths(store, [bundled_corpus()], minter)
    for g in document_graphs(store, minter):
        triples = store.graph_triples(g)
        derived = derived_triples(triples)
        assert derived <= set(triples)
        props = {t.predicate.value for t in derived}
        assert {PKG + "planKey", PKG + "taskKey", PKG + "citedAsNumber"} <= props
        # derived from what remains once they are taken out: the same triples
        rest = [t for t in triples if t not in derived]
        assert derived_triples(rest) == derived


def test_an_old_store_is_upgraded_to_what_ingest_writes() -> None:
    minter = IriMinter()
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    ingest_paths(store, [bundled_corpus()], minter)
    assert needs_upgrade(store) == []
    fresh = _snapshot(store, minter)
    assert _make_old(store, minter) > 100
    assert needs_upgrade(store) == ["sort keys of documents", "citation index"]
    # what an old store looks like to the lists: nothing
    assert run_select_paged(store, "document_list", {}, limit=5) == []
    report = upgrade_store(store, minter)
    assert (report.graphs, report.changed) == (5, 5)
    assert report.added > 100
    assert _snapshot(store, minter) == fresh
    assert needs_upgrade(store) == []
    assert len(run_select_paged(store, "document_list", {}, limit=5)) == 5
    assert len([d for d in Graph(store, minter).catalog().instruments.values() if d.ingested]) == 5
    again = upgrade_store(store, minter)
    assert (again.graphs, again.changed, again.added) == (5, 0, 0)


def test_cli_upgrade_and_ingest_upgrade_an_old_store(tmp_path: Path) -> None:
    data = tmp_path / "data"
    minter = IriMinter()
    result = runner.invoke(app, ["ingest", str(bundled_corpus()), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    store = EmbeddedStore(data)
    _make_old(store, minter)
    del store
    result = runner.invoke(app, ["upgrade", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert "5 documents read, 5 upgraded" in result.output
    store = EmbeddedStore(data)
    assert needs_upgrade(store) == []
    _make_old(store, minter)
    del store
    # ingest into an old store upgrades it first (one file given: the others are upgraded too)
    one = sorted(bundled_corpus().glob("*.txt"))[0]
    result = runner.invoke(app, ["ingest", str(one), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert "written by an older policykg" in result.output
    assert needs_upgrade(EmbeddedStore(data)) == []


def test_cli_upgrade_needs_a_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["upgrade", "--data-dir", str(tmp_path / "none")])
    assert result.exit_code != 0
    assert "none" in result.output
