"""Ingest benchmark: parse + extract, RDF building and store loading, in one or two processes.

Each (size, processes) configuration runs in a fresh subprocess so that its peak memory
(``ru_maxrss`` of the process, and of its pool workers) is its own. With two processes, a
``multiprocessing`` pool reads, extracts and builds the triples of each plan while the main
process writes them into the store (the store has one writer). The store is the product's:
an on-disk :class:`EmbeddedStore` written with ``replace_graph`` per document, after the
vocabulary and reference data are loaded.

Baseline: the same plans in one process (the ``processes = 1`` rows).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg.api import service
from policykg.bench.common import WORK, load, run_child, table
from policykg.bench.generate import write_corpus
from policykg.graph.store import EmbeddedStore
from policykg.ingest.extract import extract, read_text
from policykg.ingest.rdf import document_triples
from policykg.ontology.iri import IriMinter

_MINTER: IriMinter | None = None


def _build(path: str) -> tuple[str, list[ox.Triple], float, float, int]:
    """Read, extract and build one plan: (graph IRI, triples, extract s, RDF s, bytes)."""
    global _MINTER
    if _MINTER is None:
        _MINTER = IriMinter()
    t0 = time.perf_counter()
    text = read_text(Path(path))
    record = extract(text, source=Path(path).name)
    t1 = time.perf_counter()
    result = document_triples(record, minter=_MINTER, text=text)
    t2 = time.perf_counter()
    return result.graph_iri, result.triples, t1 - t0, t2 - t1, len(text.encode("utf-8"))


def _warm() -> None:
    """Load the lazily built tables (gazetteers, reference instruments) before timing."""
    from policykg import bundled_corpus

    first = sorted(bundled_corpus().glob("*.txt"))[0]
    _build(str(first))


def ingest_once(paths: list[Path], processes: int, store_dir: Path) -> dict[str, Any]:
    """Ingest ``paths`` into a new store at ``store_dir``; timings and counts."""
    minter = IriMinter()
    store = EmbeddedStore(store_dir)
    service.load_vocabulary(store, minter)
    _warm()
    t_extract = t_rdf = t_store = 0.0
    nbytes = ntriples = 0
    started = time.perf_counter()
    if processes <= 1:
        for p in paths:
            graph, triples, te, tr, nb = _build(str(p))
            t0 = time.perf_counter()
            store.replace_graph(graph, triples)
            t_store += time.perf_counter() - t0
            t_extract, t_rdf, nbytes, ntriples = (
                t_extract + te, t_rdf + tr, nbytes + nb, ntriples + len(triples)
            )  # fmt: skip
    else:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(processes, initializer=_warm) as pool:
            for graph, triples, te, tr, nb in pool.imap(
                _build, [str(p) for p in paths], chunksize=4
            ):
                t0 = time.perf_counter()
                store.replace_graph(graph, triples)
                t_store += time.perf_counter() - t0
                t_extract, t_rdf, nbytes, ntriples = (
                    t_extract + te, t_rdf + tr, nbytes + nb, ntriples + len(triples)
                )  # fmt: skip
    store.flush()
    wall = time.perf_counter() - started
    quads = len(store)
    del store
    return {
        "plans": len(paths),
        "processes": processes,
        "bytes": nbytes,
        "triples": ntriples,
        "quads": quads,
        "extract_s": t_extract,
        "rdf_s": t_rdf,
        "store_s": t_store,
        "wall_s": wall,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def corpus(n: int) -> list[Path]:
    """The generated corpus of ``n`` plans (written once under ``bench/.work``)."""
    return write_corpus(n, WORK / f"corpus-{n}")


def store_path(n: int) -> Path:
    """Where the store of ``n`` plans is kept for the query and API benchmarks."""
    return WORK / f"store-{n}"


def run(
    sizes: list[int],
    processes: list[int],
    *,
    keep: set[int] | None = None,
    single_max: int | None = None,
) -> dict[str, Any]:
    """Every (size, processes) configuration, each in its own subprocess.

    Above ``single_max`` plans only the largest number of processes runs.
    """
    results = []
    for n in sizes:
        corpus(n)
        for p in processes:
            if single_max is not None and n > single_max and p != max(processes):
                continue
            target = store_path(n) if keep and n in keep and p == max(processes) else None
            args = ["policykg.bench.bench_ingest", "--child", str(n), str(p)]
            if target is not None:
                args += ["--keep", str(target)]
            result = run_child(args[0], args[1:])
            result["load"] = load()
            results.append(result)
    return {"ingest": results}


def render(data: dict[str, Any]) -> str:
    rows = []
    for r in data["ingest"]:
        n, mb = r["plans"], r["bytes"] / 1e6
        rows.append(
            [
                n,
                r["processes"],
                f"{n / r['extract_s']:.1f} / {mb / r['extract_s']:.2f}",
                f"{n / r['rdf_s']:.1f} / {mb / r['rdf_s']:.2f}",
                f"{n / r['store_s']:.1f} / {mb / r['store_s']:.2f}",
                round(r["wall_s"], 1),
                n / r["wall_s"],
                n / r["wall_s"] / r["processes"],
                f"{r['maxrss_mb']:.0f} + {r['children_maxrss_mb']:.0f}",
                r["quads"],
                r.get("load", ""),
            ]
        )
    headers = [
        "plans", "procs", "extract plans/s / MB/s", "RDF plans/s / MB/s",
        "store plans/s / MB/s", "wall s", "end-to-end plans/s", "per core",
        "peak RSS MB (main + worker)", "quads", "load avg",
    ]  # fmt: skip
    note = (
        "Stage rates are per process (plans over the time spent in that stage, summed over"
        " workers); end to end is plans over wall time."
    )
    return table(headers, rows) + "\n\n" + note


def _child(n: int, processes: int, keep: Path | None) -> None:
    paths = corpus(n)
    tmp = Path(tempfile.mkdtemp(prefix="ingest-", dir=WORK))
    try:
        result = ingest_once(paths, processes, tmp / "store")
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
            (tmp / "store").rename(keep)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="ingest benchmark")
    parser.add_argument("--child", nargs=2, type=int, metavar=("N", "PROCS"))
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--sizes", default="100")
    parser.add_argument("--processes", default="1,2")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    if args.child:
        _child(args.child[0], args.child[1], args.keep)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    procs = [int(s) for s in args.processes.split(",")]
    print(render(run(sizes, procs)))


if __name__ == "__main__":
    main()
