"""The lookups' catalog follows writes of one document without a whole rebuild.

After every kind of write made through :meth:`Graph.write_graph` (a new document, a
document replaced by a different version, a document removed, the last citer of an
instrument removed) the updated catalog must equal a catalog built from scratch on the same
store, and it must have been updated in place (no whole rebuild).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg import bundled_corpus
from policykg.bench.generate import generate_plan
from policykg.graph.dataset import document_graphs, load_vocabulary
from policykg.graph.lookups import Catalog, Graph
from policykg.graph.store import EmbeddedStore
from policykg.load.documents import build_document, ingest_paths
from policykg.ontology.iri import IriMinter


def _catalog(graph: Graph) -> Catalog:
    return graph.catalog()


def _fresh(store: EmbeddedStore, minter: IriMinter) -> Catalog:
    return Graph(store, minter).catalog()


def _same(a: Catalog, b: Catalog) -> None:
    assert a.instruments == b.instruments
    assert a.agencies == b.agencies
    assert a.issuers == b.issuers
    assert a.roles == b.roles


@pytest.fixture()
def setup() -> tuple[EmbeddedStore, Graph, IriMinter]:
    minter = IriMinter()
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    reports = ingest_paths(store, [bundled_corpus()], minter)
    assert all(r.ok for r in reports)
    return store, Graph(store, minter), minter


def _build(tmp_path: Path, minter: IriMinter, name: str, text: str) -> tuple[str, list[ox.Triple]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, graph_iri, triples = build_document(path, minter)
    return graph_iri, triples


def _no_rebuild(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> Catalog:
        raise AssertionError("the catalog was rebuilt whole")

    monkeypatch.setattr(graph, "_build", fail)


def test_new_replaced_and_removed_documents(
    setup: tuple[EmbeddedStore, Graph, IriMinter], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, graph, minter = setup
    before = _catalog(graph)
    _no_rebuild(graph, monkeypatch)
    name, text = generate_plan(7)
    g, triples = _build(tmp_path, minter, name, text)
    assert not store.has_graph(g)

    # a new document: its instrument and the agencies it names appear, counts move
    graph.write_graph(g, lambda: store.replace_graph(g, triples))
    after_new = _catalog(graph)
    _same(after_new, _fresh(store, minter))
    added = set(after_new.instruments) - set(before.instruments)
    assert added, "the new plan and the instruments only it cites are listed"
    assert after_new.roles != before.roles

    # the same document in another version: fewer facts
    lines = text.splitlines()
    shorter = "\n".join(lines[: len(lines) * 2 // 3])
    g2, triples2 = _build(tmp_path, minter, name, shorter)
    assert g2 == g
    graph.write_graph(g, lambda: store.replace_graph(g, triples2))
    _same(_catalog(graph), _fresh(store, minter))

    # removed: the catalog is the one before it was written
    assert graph.write_graph(g, lambda: store.drop_graph(g))
    after_drop = _catalog(graph)
    _same(after_drop, _fresh(store, minter))
    _same(after_drop, before)


def test_removing_a_bundled_plan(
    setup: tuple[EmbeddedStore, Graph, IriMinter], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, graph, minter = setup
    before = _catalog(graph)
    _no_rebuild(graph, monkeypatch)
    docs = sorted(document_graphs(store, minter))
    for g in docs[:2]:

        def drop(g: str = g) -> bool:
            return store.drop_graph(g)

        assert graph.write_graph(g, drop)
        _same(_catalog(graph), _fresh(store, minter))
    after = _catalog(graph)
    assert len(after.instruments) < len(before.instruments)
    assert sum(map(len, after.roles.values())) <= sum(map(len, before.roles.values()))


def test_other_writes_rebuild_the_catalog(
    setup: tuple[EmbeddedStore, Graph, IriMinter], tmp_path: Path
) -> None:
    store, graph, minter = setup
    first = _catalog(graph)
    name, text = generate_plan(11)
    g, triples = _build(tmp_path, minter, name, text)
    store.replace_graph(g, triples)  # not through write_graph: the catalog cannot follow it
    rebuilt = _catalog(graph)
    assert rebuilt is not first
    _same(rebuilt, _fresh(store, minter))
    # a tracked write after an untracked one the catalog has not seen yet: rebuilt too
    store.drop_graph(g)
    graph.write_graph(g, lambda: store.replace_graph(g, triples))
    _same(_catalog(graph), _fresh(store, minter))


def test_a_catalog_never_built_is_not_built_by_a_write(
    setup: tuple[EmbeddedStore, Graph, IriMinter], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, graph, minter = setup
    _no_rebuild(graph, monkeypatch)
    name, text = generate_plan(3)
    g, triples = _build(tmp_path, minter, name, text)
    assert graph.write_graph(g, lambda: store.replace_graph(g, triples)) == len(set(triples))
    assert store.has_graph(g)
