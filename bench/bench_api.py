"""API benchmark: REST lookups and ``/sparql`` point lookups under bounded concurrent load.

The server is the product's app (``create_app``) under uvicorn in its own process on a
loopback port, over the on-disk store the ingest benchmark built. The load comes from
another process: an ``httpx.AsyncClient`` with ``concurrency`` requests in flight, for at
most ``duration`` seconds or ``max_requests`` requests. The baseline for ``/sparql`` is the
same query on the store in-process (pyoxigraph query + SPARQL JSON serialization), so the
difference is the cost of HTTP, the app and the isolated query workers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from policykg.bench.bench_queries import examples
from policykg.bench.common import ROOT, load, percentile, run_child, table
from policykg.graph.store import EmbeddedStore


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def point_query(doc: str) -> str:
    return f"SELECT ?p ?o WHERE {{ {ox.NamedNode(doc)} ?p ?o }}"


def targets(store_dir: Path) -> dict[str, str]:
    """The request paths of each scenario, for a document and agency of the store."""
    store = EmbeddedStore(store_dir, read_only=True)
    values = examples(store)
    doc, agency = str(values["doc"]), str(values["agency"])
    del store
    doc_id = doc.split("/eli/vn/", 1)[1]
    agency_id = agency.split("/agency/", 1)[1]
    q = urllib.parse.quote(point_query(doc))
    return {
        "REST /documents/{id}": f"/documents/{doc_id}",
        "REST /agencies/{kind}/{scope}": f"/agencies/{agency_id}",
        "/sparql point lookup": f"/sparql?query={q}",
    }


def direct(store_dir: Path, repeat: int = 300) -> dict[str, float]:
    """The point lookup on the store in-process, with JSON serialization (ms)."""
    store = EmbeddedStore(store_dir, read_only=True)
    query = point_query(str(examples(store)["doc"]))
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = store.raw.query(query)
        assert isinstance(result, ox.QuerySolutions)
        result.serialize(format=ox.QueryResultsFormat.JSON)
        times.append(time.perf_counter() - t0)
    return {"p50_ms": percentile(times, 50) * 1000, "p99_ms": percentile(times, 99) * 1000}


async def _load(url: str, concurrency: int, duration: float, max_requests: int) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"Accept": "application/sparql-results+json, application/json"}
    async with httpx.AsyncClient(limits=limits, headers=headers, timeout=30) as client:
        await client.get(url, timeout=600)  # warm-up (snapshot, caches)
        deadline = time.perf_counter() + duration

        async def user() -> None:
            nonlocal errors
            while time.perf_counter() < deadline and len(latencies) + errors < max_requests:
                t0 = time.perf_counter()
                try:
                    r = await client.get(url)
                except httpx.HTTPError:
                    errors += 1
                    continue
                if r.status_code == 200:
                    latencies.append(time.perf_counter() - t0)
                else:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(user() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / wall,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
    }


def serve(store_dir: Path, port: int) -> None:
    import uvicorn

    from policykg.api.app import create_app
    from policykg.api.settings import Settings

    app = create_app(EmbeddedStore(store_dir), Settings())
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def run(
    store_dirs: dict[int, Path],
    *,
    concurrency: int = 16,
    duration: float = 10.0,
    max_requests: int = 50_000,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n, path in store_dirs.items():
        paths = targets(path)
        base = direct(path)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "policykg.bench.bench_api", "--serve", str(path), str(port)],
            cwd=ROOT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            _wait(url, server)
            scenarios = {}
            for label, p in paths.items():
                scenarios[label] = run_child(
                    "policykg.bench.bench_api",
                    ["--load", url + p, str(concurrency), str(duration), str(max_requests)],
                )
            out[str(n)] = {
                "scenarios": scenarios,
                "direct": base,
                "concurrency": concurrency,
                "load": load(),
            }
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {"api": out}


def _wait(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            if httpx.get(url + "/health", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not start")


def render(data: dict[str, Any]) -> str:
    parts = []
    for n, res in data["api"].items():
        rows = []
        for label, s in res["scenarios"].items():
            rows.append(
                [
                    label,
                    s["requests"],
                    s["errors"],
                    s["rps"],
                    round(s["p50_ms"], 2),
                    round(s["p99_ms"], 2),
                ]
            )
        d = res["direct"]
        rows.append(
            [
                "store.query in-process (baseline)",
                "",
                "",
                1000 / max(d["p50_ms"], 1e-6),
                round(d["p50_ms"], 3),
                round(d["p99_ms"], 3),
            ]
        )
        sp = res["scenarios"]["/sparql point lookup"]
        parts.append(
            f"**{int(n):,} plans**, {res['concurrency']} concurrent requests, load avg"
            f" {res['load']}\n\n"
            + table(["scenario", "requests", "errors", "req/s", "p50 ms", "p99 ms"], rows)
            + f"\n\n/sparql overhead over the in-process query: {sp['p50_ms'] - d['p50_ms']:.2f}"
            " ms at p50."
        )
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="API benchmark")
    parser.add_argument("--serve", nargs=2, metavar=("STORE", "PORT"))
    parser.add_argument("--load", nargs=4, metavar=("URL", "CONC", "SECONDS", "MAX"))
    parser.add_argument("--store", type=Path)
    args = parser.parse_args(argv)
    if args.serve:
        serve(Path(args.serve[0]), int(args.serve[1]))
    elif args.load:
        url, conc, secs, most = args.load
        print(json.dumps(asyncio.run(_load(url, int(conc), float(secs), int(most)))))
    elif args.store:
        print(render(run({0: args.store})))


if __name__ == "__main__":
    main()
