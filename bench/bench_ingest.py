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
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg.bench.common import WORK, load, run_child, table
from policykg.bench.generate import write_corpus
from policykg.graph.dataset import load_vocabulary
from policykg.graph.store import EmbeddedStore
from policykg.ingest.extract import extract, read_text
from policykg.ingest.rdf import document_triples
from policykg.load.documents import BULK_BATCH, BULK_BATCH_BYTES
from policykg.ontology.iri import IriMinter

_MINTER: IriMinter | None = None

#: Plans a two-process run lets the pool get ahead of the store writer (their N-Triples
#: wait in memory); without a bound a slow writer let results pile up to 1.4 GB. One bulk
#: batch: the pool keeps building while the writer loads a batch (the load releases the GIL).
MAX_AHEAD = BULK_BATCH


def _build(path: str) -> tuple[str, list[ox.Triple], list[float], int]:
    """Read, extract and build one plan: (graph IRI, triples, stage times, bytes).

    Stage times: [extract s, RDF s, extract CPU s, RDF CPU s].
    """
    global _MINTER
    if _MINTER is None:
        _MINTER = IriMinter()
    t0, c0 = time.perf_counter(), time.process_time()
    text = read_text(Path(path))
    record = extract(text, source=Path(path).name)
    t1, c1 = time.perf_counter(), time.process_time()
    result = document_triples(record, minter=_MINTER, text=text)
    t2, c2 = time.perf_counter(), time.process_time()
    times = [t1 - t0, t2 - t1, c1 - c0, c2 - c1]
    return result.graph_iri, result.triples, times, len(text.encode("utf-8"))


def _build_text(path: str) -> tuple[str, bytes, int, list[float], int]:
    """:func:`_build` in a pool worker: the triples as N-Triples (cheap to send; pickled
    Triple objects cost ~20x more) and their number."""
    graph, triples, times, nbytes = _build(path)
    c0 = time.process_time()
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    times[3] += time.process_time() - c0
    return graph, body, len(triples), times, nbytes


def _warm() -> None:
    """Load the lazily built tables (gazetteers, reference instruments) before timing."""
    from policykg import bundled_corpus

    first = sorted(bundled_corpus().glob("*.txt"))[0]
    _build(str(first))


def _bounded(items: list[str], gate: threading.Semaphore) -> Iterator[str]:
    """``items``, each one only once the writer has room for it (the pool's feeder thread
    blocks here, so at most ``MAX_AHEAD`` plans are in flight or waiting)."""
    for item in items:
        gate.acquire()
        yield item


def ingest_once(
    paths: list[Path], processes: int, store_dir: Path, *, bulk: bool = False
) -> dict[str, Any]:
    """Ingest ``paths`` into a new store at ``store_dir``; timings and counts.

    ``bulk``: the plans are written in batches of :data:`~policykg.load.documents.BULK_BATCH`
    plans or :data:`~policykg.load.documents.BULK_BATCH_BYTES` with ``load_graphs_bulk`` (the
    first-load path of ``ingest_paths(..., bulk=True)``).

    Wall time per stage (``*_s``) and CPU time per stage (``*_cpu_s``, ``process_time`` of
    the process doing it: not inflated by other work on the machine).
    """
    minter = IriMinter()
    store = EmbeddedStore(store_dir)
    load_vocabulary(store, minter)
    _warm()
    stage = [0.0, 0.0, 0.0, 0.0]  # extract s, RDF s, extract CPU s, RDF CPU s
    t_store = c_store = 0.0
    nbytes = ntriples = 0
    batch: list[tuple[str, bytes]] = []
    batch_bytes = 0

    def write(
        target: EmbeddedStore, graph: str, body: bytes | None, triples: list[ox.Triple] | None
    ) -> None:
        nonlocal batch_bytes
        if not bulk:
            if triples is not None:
                target.replace_graph(graph, triples)
            else:
                target.load_graph(graph, body or b"")
            return
        if body is None:
            body = ox.serialize(triples or [], format=ox.RdfFormat.N_TRIPLES) or b""
        batch.append((graph, body))
        batch_bytes += len(body)
        if len(batch) >= BULK_BATCH or batch_bytes >= BULK_BATCH_BYTES:
            target.load_graphs_bulk(batch)
            batch.clear()
            batch_bytes = 0

    started, cpu_started = time.perf_counter(), time.process_time()
    if processes <= 1:
        for p in paths:
            graph, triples, times, nb = _build(str(p))
            t0, c0 = time.perf_counter(), time.process_time()
            write(store, graph, None, triples)
            t_store += time.perf_counter() - t0
            c_store += time.process_time() - c0
            stage = [a + b for a, b in zip(stage, times, strict=True)]
            nbytes, ntriples = nbytes + nb, ntriples + len(triples)
    else:
        ctx = multiprocessing.get_context("fork")
        gate = threading.Semaphore(MAX_AHEAD)
        with ctx.Pool(processes, initializer=_warm) as pool:
            for graph, body, count, times, nb in pool.imap(
                _build_text, _bounded([str(p) for p in paths], gate), chunksize=2
            ):
                t0, c0 = time.perf_counter(), time.process_time()
                write(store, graph, body, None)
                t_store += time.perf_counter() - t0
                c_store += time.process_time() - c0
                gate.release()
                stage = [a + b for a, b in zip(stage, times, strict=True)]
                nbytes, ntriples = nbytes + nb, ntriples + count
    t0, c0 = time.perf_counter(), time.process_time()
    if batch:
        store.load_graphs_bulk(batch)
    store.flush()
    if bulk:
        store.optimize()  # as ingest_paths(..., bulk=True) does: compacted for reading
    t_store += time.perf_counter() - t0
    c_store += time.process_time() - c0
    wall = time.perf_counter() - started
    main_cpu = time.process_time() - cpu_started
    quads = len(store)
    del store
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "plans": len(paths),
        "processes": processes,
        "bulk": bulk,
        "bytes": nbytes,
        "triples": ntriples,
        "quads": quads,
        "extract_s": stage[0],
        "rdf_s": stage[1],
        "store_s": t_store,
        "extract_cpu_s": stage[2],
        "rdf_cpu_s": stage[3],
        "store_cpu_s": c_store,
        "cpu_s": main_cpu + (children.ru_utime + children.ru_stime if processes > 1 else 0.0),
        "wall_s": wall,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_maxrss_mb": children.ru_maxrss / 1024,
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
    writes: Sequence[bool] = (False, True),
) -> dict[str, Any]:
    """Every (size, processes, write) configuration, each in its own subprocess.

    Above ``single_max`` plans only the largest number of processes runs. ``writes``: the
    write paths, per plan in a transaction (``False``) and bulk batches (``True``).
    """
    results = []
    for n in sizes:
        corpus(n)
        for p in processes:
            if single_max is not None and n > single_max and p != max(processes):
                continue
            for bulk in writes:
                target = (
                    store_path(n)
                    if keep and n in keep and p == max(processes) and bulk == writes[0]
                    else None
                )
                args = ["policykg.bench.bench_ingest", "--child", str(n), str(p)]
                if target is not None:
                    args += ["--keep", str(target)]
                if bulk:
                    args += ["--bulk"]
                result = run_child(args[0], args[1:])
                result["load"] = load()
                results.append(result)
    return {"ingest": results}


def render(data: dict[str, Any]) -> str:
    rows = []
    for r in data["ingest"]:
        n, mb = r["plans"], r["bytes"] / 1e6
        cpu = [r.get(k, 0.0) * 1000 / n for k in ("extract_cpu_s", "rdf_cpu_s", "store_cpu_s")]
        total_cpu = r.get("cpu_s") or 0.0
        rows.append(
            [
                n,
                r["processes"],
                "bulk" if r.get("bulk") else "txn",
                f"{n / r['extract_s']:.1f} / {mb / r['extract_s']:.2f}",
                f"{n / r['rdf_s']:.1f} / {mb / r['rdf_s']:.2f}",
                f"{n / r['store_s']:.1f} / {mb / r['store_s']:.2f}",
                " / ".join(f"{c:.1f}" for c in cpu),
                round(r["wall_s"], 1),
                n / r["wall_s"],
                n / r["wall_s"] / r["processes"],
                round(n / total_cpu, 1) if total_cpu else "",
                f"{r['maxrss_mb']:.0f} + {r['children_maxrss_mb']:.0f}",
                r["quads"],
                r.get("load", ""),
            ]
        )
    headers = [
        "plans", "procs", "write", "extract plans/s / MB/s", "RDF plans/s / MB/s",
        "store plans/s / MB/s", "CPU ms/plan extract / RDF / store", "wall s",
        "end-to-end plans/s", "per core", "plans per CPU s", "peak RSS MB (main + worker)",
        "quads", "load avg",
    ]  # fmt: skip
    note = (
        "Stage rates are per process (plans over the wall time spent in that stage, summed"
        " over workers); end to end is plans over wall time. CPU ms/plan is `process_time`"
        " per stage (not inflated by other work on the machine); plans per CPU s counts all"
        " the CPU time of the run (main process and pool workers). Write: txn, one transaction"
        " per plan (`replace_graph`, `load_graph`); bulk, batches of `load_graphs_bulk` (first"
        " load, `ingest_paths(..., bulk=True)`)."
    )
    return table(headers, rows) + "\n\n" + note


def _child(n: int, processes: int, keep: Path | None, bulk: bool = False) -> None:
    paths = corpus(n)
    tmp = Path(tempfile.mkdtemp(prefix="ingest-", dir=WORK))
    try:
        result = ingest_once(paths, processes, tmp / "store", bulk=bulk)
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
    parser.add_argument("--bulk", action="store_true", help="(--child) bulk batches")
    parser.add_argument("--writes", default="txn,bulk", help="write paths: txn, bulk")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    if args.child:
        _child(args.child[0], args.child[1], args.keep, args.bulk)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    procs = [int(s) for s in args.processes.split(",")]
    writes = [w.strip() == "bulk" for w in args.writes.split(",")]
    print(render(run(sizes, procs, writes=writes)))


if __name__ == "__main__":
    main()
