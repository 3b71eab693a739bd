"""SIGKILL the ingest process at random points of a bulk load into an on-disk store, many
times: after each kill the store opens and every document is either absent or fully present,
identical to a clean ingest of that document."""

from __future__ import annotations

import gc
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from policykg import bundled_corpus
from policykg.graph.store import EmbeddedStore
from policykg.load.documents import build_document
from policykg.ontology.iri import IriMinter

KILLS = 10
DRIVER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from policykg.graph.dataset import load_vocabulary\n"
    "from policykg.graph.store import EmbeddedStore\n"
    "from policykg.load import documents\n"
    "from policykg.ontology.iri import IriMinter\n"
    "store = EmbeddedStore(sys.argv[1])\n"
    "minter = IriMinter()\n"
    "load_vocabulary(store, minter)\n"
    "print('ready', flush=True)\n"
    "def report(r): print(r.status, r.source, flush=True)\n"
    "documents.ingest_paths(store, [Path(sys.argv[2])], minter, on_file=report)\n"
)


def _documents(folder: Path, extra: str) -> list[Path]:
    """The five plans, with ``extra`` appended (same documents, other content)."""
    folder.mkdir()
    out = []
    for plan in sorted(bundled_corpus().glob("*.txt")):
        out.append(folder / plan.name)
        out[-1].write_text(plan.read_text("utf-8") + extra, "utf-8")
    return out


def _check(path: Path, versions: list[dict[str, set[str]]]) -> list[int]:
    """Open the store: each document graph is absent or equal to a clean ingest of one of
    its versions. Returns the version found for each document (-1: absent)."""
    store = EmbeddedStore(path)
    try:
        graphs = set(store.graphs())
        found = []
        for graph in sorted(versions[0]):
            if graph not in graphs:
                found.append(-1)
                continue
            triples = {str(t) for t in store.graph_triples(graph)}
            matches = [k for k, v in enumerate(versions) if v[graph] == triples]
            assert matches, f"{graph}: neither version (a torn write)"
            found.append(matches[0])
        # the union default graph holds every triple of every named graph
        assert not store.ask("ASK { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }")
        return found
    finally:
        del store
        gc.collect()


def test_sigkill_during_bulk_load_leaves_whole_documents(tmp_path: Path) -> None:
    folders = [tmp_path / "a", tmp_path / "b"]
    extra = ["", "\n\nPHỤ LỤC\n1. Sở Tài chính chủ trì kiểm tra, hoàn thành năm 2030.\n"]
    minter = IriMinter()
    versions: list[dict[str, set[str]]] = []
    for folder, text in zip(folders, extra, strict=True):
        clean = {}
        for doc in _documents(folder, text):
            _, graph, triples = build_document(doc, minter)
            clean[graph] = {str(t) for t in triples}
        versions.append(clean)
    assert versions[0].keys() == versions[1].keys()
    assert all(versions[0][g] != versions[1][g] for g in versions[0])

    data = tmp_path / "store"
    rng = random.Random(20240610)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    states: list[list[int]] = []
    for run in range(KILLS):
        # alternate the versions, so that every run replaces graphs that exist
        proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(data), str(folders[run % 2])],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        # a random point: after a random number of reported documents, then a random delay
        for _ in range(rng.randint(0, 4)):
            if not proc.stdout.readline():
                break
        time.sleep(rng.uniform(0.0, 0.08))  # within the next document (~0.1 s idle)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
        states.append(_check(data, versions))
    print("version of each document after each kill (-1 absent):", states)
    # kills landed mid-load: some store held both versions at once
    assert any(len(set(s) - {-1}) == 2 for s in states), states
    # a final uninterrupted run completes the load
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(data), str(folders[1])],
        capture_output=True,
        timeout=120,
        check=True,
        env=env,
    )
    assert b"error" not in done.stdout
    assert _check(data, versions) == [1] * len(versions[1])


BULK_DRIVER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from policykg.graph.dataset import load_vocabulary\n"
    "from policykg.graph.store import EmbeddedStore\n"
    "from policykg.load import documents\n"
    "from policykg.ontology.iri import IriMinter\n"
    "documents.BULK_BATCH = 2\n"
    "store = EmbeddedStore(sys.argv[1])\n"
    "minter = IriMinter()\n"
    "load_vocabulary(store, minter)\n"
    "print('ready', flush=True)\n"
    "def report(r): print(r.status, r.source, flush=True)\n"
    "documents.ingest_paths(store, [Path(sys.argv[2])], minter, on_file=report, bulk=True)\n"
)


def _no_orphans(path: Path) -> bool:
    """Does every triple of the union default graph belong to a named graph?"""
    store = EmbeddedStore(path)
    try:
        return not store.raw.query("ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    finally:
        del store
        gc.collect()


def test_sigkill_during_a_bulk_first_load_leaves_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    docs = _documents(folder, "")
    minter = IriMinter()
    clean = {}
    for doc in docs:
        _, graph, triples = build_document(doc, minter)
        clean[graph] = {str(t) for t in triples}
    rng = random.Random(20261121)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    states = []
    for run in range(6):
        data = tmp_path / f"store-{run}"
        proc = subprocess.Popen(
            [sys.executable, "-c", BULK_DRIVER, str(data), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        for _ in range(rng.randint(0, 3)):
            if not proc.stdout.readline():
                break
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
        states.append(_check(data, [clean]))
        assert _no_orphans(data)
    print("documents present after each kill (-1 absent):", states)
    # the load completes on the last store
    subprocess.run(
        [sys.executable, "-c", BULK_DRIVER, str(data), str(folder)],
        capture_output=True,
        timeout=120,
        check=True,
        env=env,
    )
    assert _check(data, [clean]) == [0] * len(clean)


def test_an_unfinished_bulk_load_is_undone_when_the_store_opens(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from policykg.graph.store import BULK_JOURNAL

    minter = IriMinter()
    first, second = sorted(bundled_corpus().glob("*.txt"))[:2]
    _, kept, kept_triples = build_document(first, minter)
    _, torn, torn_triples = build_document(second, minter)
    data = tmp_path / "store"
    store = EmbeddedStore(data)
    store.replace_graph(kept, kept_triples)
    # a bulk load killed half-way: the journal names the graph, half its quads are written
    (data / BULK_JOURNAL).write_text(torn + "\n", "utf-8")
    half = torn_triples[: len(torn_triples) // 2]
    g = ox.NamedNode(torn)
    store.raw.bulk_extend(
        [ox.Quad(t.subject, t.predicate, t.object, g) for t in half]
        + [ox.Quad(t.subject, t.predicate, t.object) for t in half]
    )
    del store
    gc.collect()
    store = EmbeddedStore(data)
    try:
        assert store.graphs() == [kept]
        assert {str(t) for t in store.graph_triples(kept)} == {str(t) for t in kept_triples}
        assert not (data / BULK_JOURNAL).exists()
    finally:
        del store
        gc.collect()
    assert _no_orphans(data)
