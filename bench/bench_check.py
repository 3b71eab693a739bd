"""Benchmark the checker and the validation engines.

1. Time to check one bundled plan (read, extract, build, validate against the bundled store).
2. Validation of a store of N generated plans (default 1,000: the gold records re-minted with
   other numbers and provinces), written in bulk to an on-disk store in a temporary folder
   (or an existing store: ``--store DIR``, opened read-only): the fast engine graph by graph
   (what ``policykg validate --jobs J --batch K`` does: ``--jobs``, ``--batch``), the fast
   engine over the whole store at once, pyrudof over the whole store (when installed) and
   pyshacl over the whole store. pyshacl is run at up to ``--pyshacl-max`` plans and
   extrapolated linearly beyond (marked ``~``): at one plan with the reference data it
   already takes ~15 s. CPU seconds include the worker processes'.

    .venv/bin/python bench/bench_check.py [--plans 1000] [--jobs 2] [--batch 32]
        [--pyshacl-max 3] [--pyrudof-max 250] [--no-whole] [--store DIR]
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg import bundled_corpus
from policykg.bench.common import status_mb
from policykg.graph.dataset import load_vocabulary
from policykg.graph.store import EmbeddedStore, ntriples_body
from policykg.ingest.rdf import document_triples
from policykg.ingest.record import Record
from policykg.load.documents import ingest_paths
from policykg.ontology.iri import IriMinter
from policykg.shapes.draft import check_file
from policykg.shapes.store_validation import DEFAULT_BATCH, validate_store
from policykg.shapes.validate import (
    _shapes_text,
    context_triples,
    validate,
    validate_pyshacl,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
PROVINCES = [
    "Hà Giang", "Cao Bằng", "Lào Cai", "Yên Bái", "Thái Nguyên", "Lạng Sơn", "Bắc Giang",
    "Phú Thọ", "Hải Dương", "Thái Bình", "Hà Nam", "Ninh Bình", "Thanh Hóa", "Hà Tĩnh",
    "Quảng Bình", "Quảng Trị", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Gia Lai",
    "Đắk Lắk", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Long An", "Tiền Giang", "Bến Tre",
    "Vĩnh Long", "An Giang", "Kiên Giang", "Cà Mau",
]  # fmt: skip


def gold_records() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def generated_records(n: int) -> list[dict[str, Any]]:
    """n records: the gold ones with another province, number and year."""
    gold = gold_records()
    out = []
    for i in range(n):
        base = gold[i % len(gold)]
        old = base["document"]["issuer"]["scope"]
        new = PROVINCES[i % len(PROVINCES)]
        rec = json.loads(json.dumps(base, ensure_ascii=False).replace(old, new))
        rec = copy.deepcopy(rec)
        doc = rec["document"]
        symbol = "QĐ-UBND" if doc["kind"] == "QuyetDinh" else "KH-UBND"
        doc["number"] = f"{1000 + i}/{symbol}"
        year = 2021 + (i % 4)
        doc["date"] = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        rec["source"] = f"generated-{i:04d}.txt"
        out.append(rec)
    return out


def build_store(
    records: Sequence[dict[str, Any]],
    minter: IriMinter,
    path: Path | None = None,
    *,
    keep: int | None = None,
) -> tuple[EmbeddedStore, list[list[ox.Triple]]]:
    """The records' graphs in a store: in memory, or bulk-loaded on disk at ``path``; and
    the triples of the first ``keep`` graphs (all by default)."""
    store = EmbeddedStore(path)
    load_vocabulary(store, minter)
    graphs: list[list[ox.Triple]] = []
    batch: list[tuple[str, bytes]] = []
    for rec in records:
        res = document_triples(Record.from_gold(rec), minter=minter)
        if path is None:
            store.replace_graph(res.graph_iri, res.triples)
        else:
            batch.append((res.graph_iri, ntriples_body(res.triples).encode("utf-8")))
            if len(batch) >= 32:
                store.load_graphs_bulk(batch)
                batch = []
        if keep is None or len(graphs) < keep:
            graphs.append(res.triples)
    if batch:
        store.load_graphs_bulk(batch)
    store.optimize()
    return store, graphs


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def time_check_one(minter: IriMinter) -> tuple[float, float, float, int]:
    """(median ms, max ms, median ms of read+extract alone, plans): checking each bundled plan
    against the bundled store."""
    from policykg.ingest.extract import extract, read_text

    store = EmbeddedStore()
    load_vocabulary(store, minter)
    ingest_paths(store, [bundled_corpus()], minter)
    files = sorted(bundled_corpus().glob("*.txt"))
    check_file(files[0], store=store, minter=minter)  # warm the caches
    times, extraction = [], []
    for f in files:
        t0 = time.perf_counter()
        check_file(f, store=store, minter=minter)
        times.append(1000 * (time.perf_counter() - t0))
        t0 = time.perf_counter()
        extract(read_text(f), source=f.name)
        extraction.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times), max(times), statistics.median(extraction), len(files)


def _reset_peak() -> None:
    """Reset the peak resident memory (``VmHWM``) of this process (Linux; else a no-op)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def _peak_mb() -> float:
    """Peak resident memory (``VmHWM``) since the last :func:`_reset_peak`, in MB."""
    return status_mb("VmHWM")


def run_pyrudof(triples: list[ox.Triple]) -> float | None:
    try:
        import pyrudof
    except ImportError:
        return None
    t0 = time.perf_counter()
    r = pyrudof.Rudof(pyrudof.RudofConfig())
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    r.read_data(data.decode("utf-8"), format=pyrudof.RDFFormat.NTriples)
    r.read_shacl("\n".join(text for _, text in _shapes_text()))
    r.validate_shacl()
    return time.perf_counter() - t0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=1000, help="generated plans in the store")
    ap.add_argument("--pyshacl-max", type=int, default=3, help="most plans pyshacl really runs on")
    ap.add_argument("--pyrudof-max", type=int, default=250, help="most plans pyrudof runs on")
    ap.add_argument("--no-pyrudof", action="store_true", help="skip pyrudof")
    ap.add_argument("--no-check", action="store_true", help="skip timing the bundled plans")
    ap.add_argument(
        "--no-whole", action="store_true", help="skip the whole-store validation (in memory)"
    )
    ap.add_argument("--jobs", type=int, default=2, help="processes of `policykg validate`")
    ap.add_argument(
        "--no-batch",
        action="store_true",
        help="skip graph-by-graph validation (only the in-place run, `validate --whole`)",
    )
    ap.add_argument(
        "--batch", type=int, default=DEFAULT_BATCH, help="graphs per run of the shape queries"
    )
    ap.add_argument(
        "--store",
        type=Path,
        help="validate this on-disk store (read-only) instead of building one of --plans plans",
    )
    args = ap.parse_args(argv)
    minter = IriMinter()

    if not args.no_check:
        med, worst, ext, n = time_check_one(minter)
        print(f"check one bundled plan against the bundled store (read+extract+validate): "
              f"median {med:.0f} ms, max {worst:.0f} ms over {n} plans "
              f"(read+extract alone: median {ext:.0f} ms)")  # fmt: skip

    tmp = tempfile.TemporaryDirectory(prefix="policykg-bench-check-")
    t0 = time.perf_counter()
    if args.store is not None:
        store = EmbeddedStore(args.store, read_only=True)
        graphs = [
            store.graph_triples(g)
            for g in store.graphs()[: max(args.pyshacl_max, args.pyrudof_max, 0)]
            if g not in {minter.ontology_graph, minter.reference_graph}
        ]
        args.plans = len(store.graphs()) - 2
        args.no_whole = True  # the whole-store row validates the triples of a built store
        print(f"opened {args.store} read-only ({args.plans} plans)")
    else:
        records = generated_records(args.plans)
        keep = max(args.pyshacl_max, args.pyrudof_max, 0) if args.no_whole else None
        store, graphs = build_store(records, minter, Path(tmp.name) / "store", keep=keep)
        del records
        print(f"built a store of {args.plans} plans on disk in {time.perf_counter() - t0:.1f} s "
              f"({len(store)} quads with ontology and reference data)")  # fmt: skip
    if not args.no_check:
        files = sorted(bundled_corpus().glob("*.txt"))
        times = []
        for f in files:
            c0 = time.process_time()
            check_file(f, store=store, minter=minter)
            times.append(1000 * (time.process_time() - c0))
        print(f"check one bundled plan against the store of {args.plans} plans: CPU median "
              f"{statistics.median(times):.0f} ms, max {max(times):.0f} ms over {len(files)} "
              "plans")  # fmt: skip

    rows: list[tuple[str, float, bool, float, float]] = []  # name, s, estimated, cpu s, peak MB

    def run_validate(name: str, **kw: Any) -> tuple[float, list[Any]]:
        _reset_peak()
        t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
        found = validate_store(store, minter, jobs=args.jobs, **kw)
        secs = time.perf_counter() - t0
        cpu = time.process_time() - c0 + _children_cpu() - k0
        peak = max(_peak_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        rows.append((name, secs, False, cpu, peak))
        return secs, [(s.graph, s.triples, s.violations, s.warnings, s.infos) for s in found]

    # in place: each shape query once over the on-disk store (policykg validate --whole)
    per_graph, counts = run_validate(
        f"fast engine, in place (validate --whole -j {args.jobs})", whole=True
    )
    if not args.no_batch:
        per_graph, batched = run_validate(
            f"fast engine, graph by graph (-j {args.jobs} --batch {args.batch})", batch=args.batch
        )
        print(f"in place and graph by graph give the same counts: {counts == batched}")
    findings = sum(v + w + i for _, _, v, w, i in counts)

    whole = None
    if not args.no_whole:
        everything = [t for g in graphs for t in g]
        _reset_peak()
        t0, c0 = time.perf_counter(), time.process_time()
        whole = validate(everything)
        rows.append(("fast engine (pyoxigraph), whole store", time.perf_counter() - t0, False,
                     time.process_time() - c0, _peak_mb()))  # fmt: skip

    if not args.no_pyrudof and args.pyrudof_max > 0:
        k = min(args.pyrudof_max, args.plans)
        _reset_peak()
        c0 = time.process_time()
        secs = run_pyrudof([t for g in graphs[:k] for t in g] + context_triples())
        if secs is not None:
            name = f"pyrudof, whole store (run at {k} plans)"
            cpu = (time.process_time() - c0) * args.plans / k
            rows.append((name, secs * args.plans / k, k < args.plans, cpu, _peak_mb()))

    if args.pyshacl_max > 0:
        k = min(args.pyshacl_max, args.plans)
        sub = [t for g in graphs[:k] for t in g]
        _reset_peak()
        t0, c0 = time.perf_counter(), time.process_time()
        validate_pyshacl(sub)
        secs = time.perf_counter() - t0
        cpu = (time.process_time() - c0) * args.plans / k
        rows.append((f"pyshacl, whole store (run at {k} plans)", secs * args.plans / k,
                     k < args.plans, cpu, _peak_mb()))  # fmt: skip
        # the same k plans with the fast engine, for a ratio measured, not extrapolated
        c0 = time.process_time()
        fast_k = validate(sub)
        fast_cpu = time.process_time() - c0
        print(f"pyshacl vs fast engine on the same {k} plan(s), whole graph: CPU "
              f"{cpu * k / args.plans:.2f} s vs {fast_cpu:.3f} s "
              f"(ratio {cpu * k / args.plans / max(fast_cpu, 1e-9):.0f}x)")  # fmt: skip
        del fast_k

    tmp.cleanup()
    print()
    print(
        f"validation of {args.plans} plans ({sum(c[1] for c in counts)} document "
        f"triples; per graph: {findings} findings; whole store: "
        f"{'not run' if whole is None else f'{len(whole)} results'})"
    )
    header = (
        f"{'engine':48} {'seconds':>10} {'CPU s':>9} {'per plan ms':>12} "
        f"{'× per-graph':>12} {'peak RSS MB':>12}"
    )
    print(header)
    print("-" * len(header))
    for name, secs, est, cpu, peak in rows:
        mark = "~" if est else " "
        print(
            f"{name:48} {mark}{secs:9.2f} {cpu:9.2f} {1000 * secs / args.plans:12.1f} "
            f"{secs / per_graph:12.1f} {peak:12.0f}"
        )
    if any(row[2] for row in rows):
        print("~ extrapolated linearly from the plans actually run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
