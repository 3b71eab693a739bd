"""Ingest into the store: one graph per document, whole or not at all, idempotent.

Runs on every store backend (embedded, Oxigraph server, Virtuoso).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg import bundled_corpus
from policykg.graph.dataset import document_graphs, load_vocabulary
from policykg.graph.store import EmbeddedStore
from policykg.load import documents
from policykg.load.documents import build_document, ingest_file, ingest_paths
from policykg.ontology.iri import IriMinter

pytestmark = pytest.mark.backends


def test_each_plan_gets_its_own_named_graph(corpus_store: EmbeddedStore, minter: IriMinter) -> None:
    graphs = document_graphs(corpus_store, minter)
    assert len(graphs) == 5
    assert minter.ontology_graph in corpus_store.graphs()
    assert minter.reference_graph in corpus_store.graphs()
    for g in graphs:
        assert g.startswith(minter.base + "eli/vn/") and g.endswith("/graph")
        assert len(corpus_store.graph_triples(g)) > 50


def test_reingest_changes_nothing(fresh_store: EmbeddedStore, minter: IriMinter) -> None:
    first = ingest_paths(fresh_store, [bundled_corpus()], minter)
    assert {r.status for r in first} == {"ingested"}
    dump = fresh_store.dump_nquads()
    again = ingest_paths(fresh_store, [bundled_corpus()], minter)
    assert {r.status for r in again} == {"unchanged"}
    assert [r.document_iri for r in again] == [r.document_iri for r in first]
    assert fresh_store.dump_nquads() == dump


def test_replacing_a_graph_drops_the_old_triples(
    fresh_store: EmbeddedStore, minter: IriMinter
) -> None:
    path = sorted(bundled_corpus().glob("*.txt"))[0]
    report = ingest_file(fresh_store, path, minter)
    assert report.graph_iri is not None
    import pyoxigraph as ox

    stale = ox.Triple(
        ox.NamedNode("http://example.org/stale"),
        ox.NamedNode("http://example.org/p"),
        ox.Literal("x"),
    )
    fresh_store.replace_graph(
        report.graph_iri, [*fresh_store.graph_triples(report.graph_iri), stale]
    )
    again = ingest_file(fresh_store, path, minter)
    assert again.status == "ingested"
    assert stale not in fresh_store.graph_triples(report.graph_iri)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\n  \n"),
        ("binary.txt", bytes(range(256)) * 8),
        ("no-header.txt", "Một đoạn văn bản không có tiêu đề văn bản hành chính.\n".encode()),
    ],
)
def test_malformed_input_is_rejected_and_store_unchanged(
    tmp_path: Path, fresh_store: EmbeddedStore, minter: IriMinter, name: str, content: bytes
) -> None:
    ingest_paths(fresh_store, [sorted(bundled_corpus().glob("*.txt"))[0]], minter)
    before = fresh_store.dump_nquads()
    bad = tmp_path / name
    bad.write_bytes(content)
    [report] = ingest_paths(fresh_store, [bad], minter)
    assert report.status == "error"
    assert report.error is not None
    assert name in report.error and "\n" not in report.error
    assert fresh_store.dump_nquads() == before


def test_a_failure_mid_batch_keeps_the_good_documents(
    tmp_path: Path, fresh_store: EmbeddedStore, minter: IriMinter
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    good = sorted(bundled_corpus().glob("*.txt"))
    reports = ingest_paths(fresh_store, [good[0], bad, good[1]], minter)
    assert [r.status for r in reports] == ["ingested", "error", "ingested"]
    assert len(document_graphs(fresh_store, minter)) == 2


def test_on_disk_store_survives_reopen(tmp_path: Path, minter: IriMinter) -> None:
    store = EmbeddedStore(tmp_path / "data")
    load_vocabulary(store, minter)
    ingest_paths(store, [bundled_corpus()], minter)
    dump = store.dump_nquads()
    del store
    reopened = EmbeddedStore(tmp_path / "data")
    assert reopened.dump_nquads() == dump


def _union(store: EmbeddedStore) -> set[str]:
    """The triples of the store's (materialized) default graph."""
    import pyoxigraph as ox

    return {
        str(ox.Triple(q.subject, q.predicate, q.object))
        for q in store.raw.quads_for_pattern(None, None, None, ox.DefaultGraph())
    }


def test_graph_writes_keep_the_union_default_graph_a_set_union() -> None:
    import pyoxigraph as ox

    def t(s: str, o: str) -> ox.Triple:
        return ox.Triple(
            ox.NamedNode(f"http://example.org/{s}"),
            ox.NamedNode("http://example.org/p"),
            ox.Literal(o, language="vi"),
        )

    store = EmbeddedStore()
    shared, only_a, only_b = t("s", "chung"), t("a", 'một\n"hai" .'), t("b", "ba")
    store.replace_graph("http://example.org/a", [shared, only_a])  # a new graph
    body = ox.serialize([shared, only_b], format=ox.RdfFormat.N_TRIPLES) or b""
    assert store.load_graph("http://example.org/b", body) == 2  # a new graph, as text
    assert _union(store) == {str(shared), str(only_a), str(only_b)}
    # an existing graph is rewritten by difference: the shared triple stays in the union
    store.replace_graph("http://example.org/a", [only_a])
    assert _union(store) == {str(shared), str(only_a), str(only_b)}
    assert set(store.graph_triples("http://example.org/a")) == {only_a}
    store.load_graph("http://example.org/b", body.replace(b"chung", b"khac"))
    assert set(store.graph_triples("http://example.org/b")) == {t("s", "khac"), only_b}
    assert _union(store) == {str(only_a), str(only_b), str(t("s", "khac"))}
    assert len(store) == 3


def test_replace_graphs_writes_new_graphs_whole_and_old_ones_by_difference() -> None:
    """The vocabulary's graphs: loaded whole into a store without them, rewritten by
    difference (the union kept a set union) and not written at all when unchanged."""
    import pyoxigraph as ox

    def t(s: str, o: str) -> ox.Triple:
        return ox.Triple(
            ox.NamedNode(f"http://example.org/{s}"),
            ox.NamedNode("http://example.org/p"),
            ox.Literal(o),
        )

    a, b = "http://example.org/a", "http://example.org/b"
    store = EmbeddedStore()
    # quads in the default graph (what the vocabulary loaders give) are read as triples
    quad = ox.Quad(t("q", "1").subject, t("q", "1").predicate, t("q", "1").object)
    store.replace_graphs({a: [t("x", "1"), t("s", "chung")], b: [t("s", "chung"), quad]})
    assert set(store.graph_triples(a)) == {t("x", "1"), t("s", "chung")}
    assert set(store.graph_triples(b)) == {t("s", "chung"), t("q", "1")}
    assert _union(store) == {str(t("x", "1")), str(t("s", "chung")), str(t("q", "1"))}
    generation = store.generation
    store.replace_graphs({a: [t("x", "1"), t("s", "chung")], b: [t("s", "chung"), quad]})
    assert store.generation == generation  # nothing written
    store.replace_graphs({a: [t("x", "2")], b: [t("s", "chung")]})
    assert set(store.graph_triples(a)) == {t("x", "2")}
    assert set(store.graph_triples(b)) == {t("s", "chung")}
    assert _union(store) == {str(t("x", "2")), str(t("s", "chung"))}
    assert len(store) == 2


def test_load_graph_writes_what_replace_graph_writes(minter: IriMinter) -> None:
    import pyoxigraph as ox

    path = sorted(bundled_corpus().glob("*.txt"))[0]
    _, graph, triples = build_document(path, minter)
    by_objects, by_text = EmbeddedStore(), EmbeddedStore()
    by_objects.replace_graph(graph, triples)
    by_text.load_graph(graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
    assert sorted(by_text.dump_nquads().splitlines()) == sorted(
        by_objects.dump_nquads().splitlines()
    )
    assert _union(by_text) == _union(by_objects) == {str(t) for t in triples}


def test_a_bulk_first_load_writes_what_one_by_one_writes(tmp_path: Path, minter: IriMinter) -> None:
    one_by_one = EmbeddedStore(tmp_path / "one")
    ingest_paths(one_by_one, [bundled_corpus()], minter)
    bulk = EmbeddedStore(tmp_path / "bulk")
    reports = ingest_paths(bulk, [bundled_corpus()], minter, bulk=True)
    assert {r.status for r in reports} == {"ingested"} and len(reports) == 5
    assert sorted(bulk.dump_nquads().splitlines()) == sorted(one_by_one.dump_nquads().splitlines())
    assert _union(bulk) == _union(one_by_one)
    again = ingest_paths(bulk, [bundled_corpus()], minter, bulk=True)
    assert {r.status for r in again} == {"unchanged"}


def _count_bulk_calls(store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of documents of each ``load_graphs_bulk`` call the store gets from now on."""
    calls: list[int] = []
    load = store.load_graphs_bulk

    def counted(graphs: list[tuple[str, bytes]]) -> None:
        calls.append(len(graphs))
        load(graphs)

    monkeypatch.setattr(store, "load_graphs_bulk", counted)
    return calls


def test_a_bulk_load_with_worker_processes_writes_what_one_by_one_writes(
    tmp_path: Path, minter: IriMinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for f in sorted(bundled_corpus().glob("*.txt")):
        (plans / f.name).write_bytes(f.read_bytes())
    (plans / "bad.txt").write_text("   \n", "utf-8")  # empty: an error report, nothing written
    one_by_one = EmbeddedStore(tmp_path / "one")
    ingest_paths(one_by_one, [bundled_corpus()], minter)
    monkeypatch.setattr(documents, "BULK_BATCH", 2)  # three batches of the five plans
    bulk = EmbeddedStore(tmp_path / "bulk")
    calls = _count_bulk_calls(bulk, monkeypatch)
    missing = tmp_path / "missing.txt"
    reports = ingest_paths(bulk, [plans, missing], minter, bulk=True, workers=2)
    # one report per file, errors included; the plans in batches of at most two
    assert sorted(Path(r.source).name for r in reports) == sorted(
        [f.name for f in plans.iterdir()] + ["missing.txt"]
    )
    assert [r.status for r in reports].count("ingested") == 5
    assert {r.source for r in reports if not r.ok} == {str(plans / "bad.txt"), str(missing)}
    assert calls == [2, 2, 1]
    assert sorted(bulk.dump_nquads().splitlines()) == sorted(one_by_one.dump_nquads().splitlines())
    assert _union(bulk) == _union(one_by_one)
    again = ingest_paths(bulk, [bundled_corpus()], minter, bulk=True, workers=2)
    assert {r.status for r in again} == {"unchanged"}


def test_a_bulk_batch_ends_at_its_byte_budget(
    tmp_path: Path, minter: IriMinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "BULK_BATCH_BYTES", 1)  # every plan is over it: one a batch
    store = EmbeddedStore(tmp_path / "bulk")
    calls = _count_bulk_calls(store, monkeypatch)
    reports = ingest_paths(store, [bundled_corpus()], minter, bulk=True)
    assert [r.status for r in reports] == ["ingested"] * 5
    assert calls == [1] * 5
    assert len(store.graphs()) == 5


def test_bulk_load_reads_its_n_quads_in_small_pieces(
    tmp_path: Path, minter: IriMinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The N-Quads streamed to ``Store.bulk_load`` survive reads that split lines and
    characters (a 7-byte read buffer), and a body without its last line break."""
    import pyoxigraph as ox

    from policykg.graph import store as store_module

    monkeypatch.setattr(store_module, "_READ_CHUNK", 7)
    built = [build_document(p, minter) for p in sorted(bundled_corpus().glob("*.txt"))[:2]]
    bodies = [
        (graph, (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").rstrip(b"\n"))
        for _, graph, triples in built
    ]
    bulk = EmbeddedStore(tmp_path / "bulk")
    bulk.load_graphs_bulk(bodies)
    one = EmbeddedStore()
    for _, graph, triples in built:
        one.replace_graph(graph, triples)
    assert sorted(bulk.dump_nquads().splitlines()) == sorted(one.dump_nquads().splitlines())
    assert _union(bulk) == _union(one)


def test_the_development_set_gets_one_graph_per_document(
    fresh_store: EmbeddedStore, minter: IriMinter
) -> None:
    """Issue 17: every real document of the development set (all issuers, kinds and forms)
    is ingested, and no document replaces another: as many graphs as files."""
    dev = Path(__file__).resolve().parent / "data" / "dev"
    files = sorted(dev.glob("*.txt"))
    reports = ingest_paths(fresh_store, [dev], minter)
    assert [r.error for r in reports if not r.ok] == []
    graphs = document_graphs(fresh_store, minter)
    assert len(graphs) == len(files) == len({r.graph_iri for r in reports})
    assert not any("/eli/vn/unknown/" in g for g in graphs)


def test_a_reingested_file_replaces_its_own_graph_only(
    fresh_store: EmbeddedStore, minter: IriMinter, tmp_path: Path
) -> None:
    plan = sorted(bundled_corpus().glob("*.txt"))[0]
    other = sorted(bundled_corpus().glob("*.txt"))[1]
    first = ingest_file(fresh_store, plan, minter)
    ingest_file(fresh_store, other, minter)
    # the same document, edited: its own graph is replaced, the other one is kept
    edited = tmp_path / plan.name
    edited.write_text(plan.read_text("utf-8") + "\nGhi chú thêm.\n", "utf-8")
    again = ingest_file(fresh_store, edited, minter)
    assert again.status == "ingested" and again.graph_iri == first.graph_iri
    assert len(document_graphs(fresh_store, minter)) == 2
    # two drafts whose number, date and title cannot be read are two documents
    for n in (1, 2):
        draft = tmp_path / f"draft{n}.txt"
        draft.write_text(f"KẾ HOẠCH\n\nI. NỘI DUNG\n1. Việc thứ {n}.\n", "utf-8")
        assert ingest_file(fresh_store, draft, minter).ok
    assert len(document_graphs(fresh_store, minter)) == 4
