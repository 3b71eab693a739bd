"""Bounded soak test on loopback: concurrent clients mixing lookups, SPARQL and checks.

    .venv/bin/python -m policykg.bench.soak --minutes 3 --clients 8

Serves the bundled corpus (in memory) with uvicorn on a free loopback port **in a process of
its own**, runs ``clients`` threads for the given time, each picking requests round-robin
from a fixed mix (6 REST lookups, 2 ``/sparql`` queries, 1 ``POST /check`` of a bundled
plan), and prints a JSON summary: requests, errors (any status other than 200, or a failed
request), latency percentiles per time slice (stable?) and the resident memory of the server
process (flat?). The memory criterion is :func:`memory_growth`: the growth of the server's
resident memory over the second half of the run, from the median of the first samples of
that half to the median of its last samples (so a one-sample spike is not a trend).
``run_soak(seconds=...)`` is what the short CI test calls.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from policykg import bundled_corpus
from policykg.bench.common import status_mb

MIX: list[tuple[str, str, dict[str, str]]] = [
    ("lookup", "/documents", {}),
    ("lookup", "/agencies", {"with_roles": "true"}),
    ("lookup", "/tasks", {"province": "nghe-an"}),
    ("lookup", "/targets", {"indicator": "experts_certified"}),
    ("lookup", "/reporting", {}),
    ("lookup", "/documents/tuyen-quang/2022/kh/60-kh-ubnd", {}),
    ("sparql", "/sparql", {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}),
    (
        "sparql",
        "/sparql",
        {
            "query": "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
            "SELECT ?d ?n WHERE { ?d eli:number ?n } ORDER BY ?n LIMIT 20"
        },
    ),
    ("check", "/check", {}),
]


def serve(port: int) -> None:
    """Serve the bundled corpus in memory on ``127.0.0.1:port`` (the soak's server process)."""
    import uvicorn

    from policykg.api.app import create_app
    from policykg.api.settings import Settings
    from policykg.graph.dataset import load_vocabulary
    from policykg.graph.store import EmbeddedStore
    from policykg.load.documents import ingest_paths
    from policykg.ontology.iri import IriMinter

    minter = IriMinter()
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    ingest_paths(store, [bundled_corpus()], minter)
    app = create_app(store, Settings(query_timeout=10))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error")


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (``VmRSS``); 0 when it is gone."""
    return status_mb("VmRSS", pid)


def memory_growth(samples: list[float], *, window: int = 3) -> float:
    """MB the memory grew over the second half of ``samples``: the median of the last
    ``window`` samples minus the median of the first ``window`` samples of the second half."""
    half = samples[len(samples) // 2 :]
    if len(half) < 2:
        return 0.0
    w = max(1, min(window, len(half) // 2))
    return round(statistics.median(half[-w:]) - statistics.median(half[:w]), 1)


@dataclass
class _Stats:
    latencies: list[list[float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _start_server(port: int, timeout: float = 120) -> subprocess.Popen[bytes]:
    code = f"from policykg.bench.soak import serve; serve({port})"
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the soak server exited with status {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/documents", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the soak server did not start in time")


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)


def run_soak(*, seconds: float = 30, clients: int = 6, slices: int = 5) -> dict[str, Any]:
    """Run the soak for ``seconds``; the summary dict (see the module docstring)."""
    plan = sorted(bundled_corpus().glob("*.txt"))[0].read_bytes()
    port = _free_port()
    server = _start_server(port)
    try:
        warm = httpx.post(
            f"http://127.0.0.1:{port}/check",
            content=plan,
            headers={"content-type": "text/plain; charset=utf-8"},
            timeout=60,
        )
        warm.raise_for_status()  # caches (shapes, context) are built before the clock runs
        stats = _Stats(latencies=[[] for _ in range(slices)])
        memory: list[float] = [round(rss_mb(server.pid), 1)]
        started = time.monotonic()
        stop = started + seconds

        def client(k: int) -> None:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
                i = k
                while (now := time.monotonic()) < stop:
                    kind, path, params = MIX[i % len(MIX)]
                    i += 1
                    t = time.monotonic()
                    try:
                        if kind == "check":
                            status = http.post(
                                path,
                                content=plan,
                                headers={"content-type": "text/plain; charset=utf-8"},
                            ).status_code
                        else:
                            status = http.get(path, params=params).status_code
                    except Exception as exc:  # a soak records every failure, whatever it is
                        status = 0
                        with stats.lock:
                            stats.errors.append(f"{path}: {type(exc).__name__}: {exc}")
                    elapsed = time.monotonic() - t
                    slot = min(slices - 1, int((now - started) / seconds * slices))
                    with stats.lock:
                        stats.latencies[slot].append(elapsed)
                        stats.counts[kind] = stats.counts.get(kind, 0) + 1
                        if status not in (0, 200):
                            stats.errors.append(f"{path}: HTTP {status}")

        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        interval = max(0.5, seconds / (slices * 4))
        while any(t.is_alive() for t in threads):
            time.sleep(interval)
            memory.append(round(rss_mb(server.pid), 1))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    every = [x for s in stats.latencies for x in s]
    return {
        "seconds": seconds,
        "clients": clients,
        "requests": sum(stats.counts.values()),
        "by_kind": stats.counts,
        "errors": len(stats.errors),
        "error_samples": stats.errors[:10],
        "requests_per_slice": [len(s) for s in stats.latencies],
        "p50_ms_per_slice": [_pct(s, 0.5) for s in stats.latencies],
        "p95_ms_per_slice": [_pct(s, 0.95) for s in stats.latencies],
        "p99_ms_per_slice": [_pct(s, 0.99) for s in stats.latencies],
        "mean_ms": round(statistics.mean(every) * 1000, 1) if every else 0.0,
        "server_rss_mb_samples": memory,
        "server_rss_mb_growth_second_half": memory_growth(memory),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--slices", type=int, default=5)
    args = parser.parse_args()
    result = run_soak(seconds=args.minutes * 60, clients=args.clients, slices=args.slices)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
