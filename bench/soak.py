"""Bounded soak test on loopback: concurrent clients mixing lookups, SPARQL and checks.

    .venv/bin/python bench/soak.py --minutes 5 --clients 8

Serves the bundled corpus (in memory) with uvicorn on a free loopback port, runs ``clients``
threads for the given time, each picking requests round-robin from a fixed mix, and prints
a JSON summary: requests, errors (any status >= 500, or unexpected 4xx), latency percentiles
per time slice (stable?) and resident memory of the server process per slice (flat?).
``run_soak(seconds=...)`` is what the short CI test calls.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn

from policykg import bundled_corpus
from policykg.api import service
from policykg.api.app import create_app
from policykg.api.checking import check_text
from policykg.api.settings import Settings
from policykg.graph.store import EmbeddedStore
from policykg.ontology.iri import IriMinter

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
    ("check", "check", {}),
]


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class _Stats:
    latencies: list[list[float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def run_soak(*, seconds: float = 30, clients: int = 6, slices: int = 5) -> dict[str, Any]:
    """Run the soak for ``seconds``; the summary dict (see the module docstring)."""
    minter = IriMinter()
    store = EmbeddedStore()
    service.load_vocabulary(store, minter)
    service.ingest_paths(store, [bundled_corpus()], minter)
    plan = sorted(bundled_corpus().glob("*.txt"))[0].read_text("utf-8")
    app = create_app(store, Settings(query_timeout=10))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    stats = _Stats(latencies=[[] for _ in range(slices)])
    memory: list[float] = []
    started = time.monotonic()
    stop = started + seconds

    def client(k: int) -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            i = k
            while (now := time.monotonic()) < stop:
                kind, path, params = MIX[i % len(MIX)]
                i += 1
                t = time.monotonic()
                try:
                    if kind == "check":
                        check_text(plan, source="soak.txt", store=store, minter=minter)
                        status = 200
                    else:
                        status = http.get(path, params=params).status_code
                except Exception as exc:  # a soak records every failure, whatever it is
                    status = 0
                    stats.errors.append(f"{path}: {type(exc).__name__}: {exc}")
                elapsed = time.monotonic() - t
                slot = min(slices - 1, int((now - started) / seconds * slices))
                with stats.lock:
                    stats.latencies[slot].append(elapsed)
                    stats.counts[kind] = stats.counts.get(kind, 0) + 1
                    if status != 200 and status != 0:
                        stats.errors.append(f"{path}: HTTP {status}")

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        memory.append(round(_rss_mb(), 1))
        time.sleep(max(0.5, seconds / (slices * 4)))
    server.should_exit = True
    thread.join(timeout=10)

    def pct(values: list[float], q: float) -> float:
        if not values:
            return 0.0
        ordered = sorted(values)
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)

    return {
        "seconds": seconds,
        "clients": clients,
        "requests": sum(stats.counts.values()),
        "by_kind": stats.counts,
        "errors": len(stats.errors),
        "error_samples": stats.errors[:10],
        "p50_ms_per_slice": [pct(s, 0.5) for s in stats.latencies],
        "p95_ms_per_slice": [pct(s, 0.95) for s in stats.latencies],
        "mean_ms": round(statistics.mean(x for s in stats.latencies for x in s) * 1000, 1),
        "rss_mb_samples": memory,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    print(json.dumps(run_soak(seconds=args.minutes * 60, clients=args.clients), indent=2))


if __name__ == "__main__":
    main()
