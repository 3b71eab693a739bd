"""Run every benchmark and print its tables (Markdown), each beside its baseline.

    .venv/bin/python -m policykg.bench --sizes 100,1000,10000
    .venv/bin/python -m policykg.bench --sizes 5 --quick       # seconds; what CI runs

Ingest runs at every size with one and two processes; the store of each size above the
smallest is kept (``bench/.work/store-N``) and the query and API benchmarks run on the
stores of ``--query-sizes`` (default: the sizes of 1,000 plans and more, else the largest).
The validation benchmark (``bench/bench_check.py``, owned by the shapes helper) runs when
present unless ``--no-check``. ``--json FILE`` also writes the raw results.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from policykg.bench import bench_api, bench_ingest, bench_queries
from policykg.bench.common import ROOT, WORK, load, machine


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="policykg benchmarks")
    parser.add_argument("--sizes", default="100,1000,10000", help="plans, comma-separated")
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--query-sizes", default=None, help="sizes for query/API benchmarks")
    parser.add_argument("--only", default="ingest,queries,api,check")
    parser.add_argument("--quick", action="store_true", help="few repetitions (CI)")
    parser.add_argument("--rdflib-budget", type=float, default=10.0, help="s per rdflib query")
    parser.add_argument("--api-seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--single-max", type=int, default=None, help="largest 1-process size")
    parser.add_argument(
        "--writes", default="txn,bulk", help="ingest write paths: txn (per plan), bulk"
    )
    parser.add_argument("--rdflib-max-quads", type=int, default=3_000_000)
    parser.add_argument("--no-check", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    procs = [int(p) for p in args.processes.split(",")]
    only = set(args.only.split(","))
    if args.query_sizes:
        qsizes = [int(s) for s in args.query_sizes.split(",")]
    else:
        qsizes = [s for s in sizes if s >= 1000] or [max(sizes)]
    results: dict[str, Any] = {"machine": machine(), "command": " ".join(sys.argv)}
    m = results["machine"]
    print(f"# policykg benchmarks\n\n{m['cpu']}, {m['nproc']} cores, {m['memory']};"
          f" Python {m['python']}, pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']};"
          f" load avg at start {load()}\n", flush=True)  # fmt: skip

    if "ingest" in only:
        writes = [w == "bulk" for w in args.writes.split(",")]
        data = bench_ingest.run(
            sizes, procs, keep=set(qsizes), single_max=args.single_max, writes=writes
        )
        results.update(data)
        print("## Ingest\n\n" + bench_ingest.render(data) + "\n", flush=True)
    stores = {n: bench_ingest.store_path(n) for n in qsizes}
    missing = [n for n, p in stores.items() if not p.exists()]
    for n in missing:  # the query/API benchmarks need a store: build it once
        bench_ingest.run([n], [max(procs)], keep={n})
    if "queries" in only:
        repeat, budget = (3, 0.5) if args.quick else (30, 3.0)
        rbudget = min(args.rdflib_budget, 2.0) if args.quick else args.rdflib_budget
        data = bench_queries.run(
            stores,
            repeat=repeat,
            budget=budget,
            rdflib_repeat=3,
            rdflib_budget=rbudget,
            rdflib_max_quads=args.rdflib_max_quads,
        )
        results.update(data)
        print("## Named queries\n\n" + bench_queries.render(data) + "\n", flush=True)
    if "api" in only:
        secs = 1.0 if args.quick else args.api_seconds
        data = bench_api.run(stores, concurrency=args.concurrency, duration=secs)
        results.update(data)
        print("## API\n\n" + bench_api.render(data) + "\n", flush=True)
    check = ROOT / "bench" / "bench_check.py"
    if "check" in only and not args.no_check and check.exists():
        cmd = [sys.executable, str(check), "--plans", str(max(qsizes))]
        if args.quick:
            cmd += ["--pyshacl-max", "1", "--no-pyrudof"]
        print("## Validation (bench/bench_check.py)\n", flush=True)
        proc = subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True, text=True)
        print(proc.stdout, flush=True)
        results["check"] = {"returncode": proc.returncode, "stdout": proc.stdout}
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
