"""API benchmark: REST lookups and ``/sparql`` point lookups under bounded concurrent load.

The server is what ``policykg serve`` runs (:func:`policykg.api.server.serve`: the app
behind the ``/sparql`` fast path, uvicorn on a socket with ``TCP_NODELAY``) in each
configuration: 1 worker; N workers (the read-only serving mode); N workers with queries
inline (``POLICYKG_QUERY_MODE=inline``), in its own process on a loopback port over the
on-disk store the ingest benchmark built. The load comes from
another process: ``wrk`` (C, one thread) when it is on the PATH (Debian package ``wrk``),
else an ``httpx.AsyncClient``; ``concurrency`` requests in flight for at most ``duration``
seconds (and, with httpx, ``max_requests`` requests). Beside req/s and latency, the CPU
time the server's processes (server, workers, query workers) spent per request, read from
``/proc``: unlike req/s it does not depend on what else runs on the machine.

Baselines: the same queries on the store in-process (pyoxigraph query + SPARQL JSON
serialization), and ``oxigraph serve-read-only`` (Rust, the ``oxigraph`` package) over the
same store with the same load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from policykg.bench.bench_queries import check_keys, examples
from policykg.bench.common import ROOT, load, percentile, run_child, table
from policykg.graph.store import EmbeddedStore

TITLE = "http://data.europa.eu/eli/ontology#title"
ACCEPT = "application/sparql-results+json"
#: Scenarios run against oxigraph too (the SPARQL ones).
SPARQL_SCENARIOS = ("/sparql point lookup", "/sparql one-value lookup")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def point_query(doc: str) -> str:
    """Everything about a document (~40 rows, with its ~25 KB source text)."""
    return f"SELECT ?p ?o WHERE {{ {ox.NamedNode(doc)} ?p ?o }}"


def value_query(doc: str) -> str:
    """One value of a document: its title (1 row)."""
    return f"SELECT ?o WHERE {{ {ox.NamedNode(doc)} {ox.NamedNode(TITLE)} ?o }}"


def _doc_and_agency(store_dir: Path) -> tuple[str, str]:
    store = EmbeddedStore(store_dir, read_only=True)
    values = examples(store)
    del store
    return str(values["doc"]), str(values["agency"])


#: At most this many documents are asked in turn by the "each a new document" scenario (more
#: than the app keeps answers for, so that every request is a miss of its answer cache).
DISTINCT_DOCS = 2_000
DISTINCT = "REST /documents/{id}, each a new one"


def _ingested(store_dir: Path) -> list[str]:
    store = EmbeddedStore(store_dir, read_only=True)
    rows = store.select(
        "SELECT ?d WHERE { ?d <https://w3id.org/policykg/ontology#sourceFile> ?s }"
        f" LIMIT {DISTINCT_DOCS}"
    )
    del store
    return sorted(str(r["d"].value) for r in rows)


def targets(store_dir: Path) -> dict[str, str | list[str]]:
    """The request paths of each scenario, for a document and agency of the store (the
    scenario of distinct documents: a list of paths asked in turn)."""
    doc, agency = _doc_and_agency(store_dir)
    doc_id = doc.split("/eli/vn/", 1)[1]
    agency_id = agency.split("/agency/", 1)[1]
    return {
        DISTINCT: ["/documents/" + d.split("/eli/vn/", 1)[1] for d in _ingested(store_dir)],
        "REST /documents/{id}": f"/documents/{doc_id}",
        "REST /agencies/{kind}/{scope}": f"/agencies/{agency_id}",
        "/sparql point lookup": "/sparql?query=" + urllib.parse.quote(point_query(doc)),
        "/sparql one-value lookup": "/sparql?query=" + urllib.parse.quote(value_query(doc)),
    }


def direct(store_dir: Path, repeat: int = 300) -> dict[str, dict[str, float]]:
    """Each SPARQL scenario's query on the store in-process, with JSON serialization (ms)."""
    store = EmbeddedStore(store_dir, read_only=True)
    doc = str(examples(store)["doc"])
    out = {}
    for label, query in zip(SPARQL_SCENARIOS, (point_query(doc), value_query(doc)), strict=True):
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            result = store.raw.query(query)
            assert isinstance(result, ox.QuerySolutions)
            result.serialize(format=ox.QueryResultsFormat.JSON)
            times.append(time.perf_counter() - t0)
        out[label] = {
            "p50_ms": percentile(times, 50) * 1000,
            "p99_ms": percentile(times, 99) * 1000,
        }
    return out


# --- load -----------------------------------------------------------------------------------


async def _load(
    urls: list[str], concurrency: int, duration: float, max_requests: int
) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    turn = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"Accept": ACCEPT}
    async with httpx.AsyncClient(limits=limits, headers=headers, timeout=30) as client:
        await client.get(urls[0], timeout=600)  # warm-up (snapshot, caches)
        deadline = time.perf_counter() + duration

        async def user() -> None:
            nonlocal errors, turn
            while time.perf_counter() < deadline and len(latencies) + errors < max_requests:
                url = urls[turn % len(urls)]
                turn += 1
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


def wrk_binary() -> str | None:
    return shutil.which("wrk")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    return float(m.group(1)) * _UNITS[m.group(2)] if m else float("nan")


def parse_wrk(output: str) -> dict[str, Any]:
    """requests, errors, req/s, p50 and p99 from ``wrk --latency`` output."""
    done = re.search(r"(\d+) requests in", output)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sock = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(non2xx.group(1)) if non2xx else 0
    errors += sum(int(g) for g in sock.groups()) if sock else 0
    total = int(done.group(1)) if done else 0
    return {
        "requests": max(0, total - (int(non2xx.group(1)) if non2xx else 0)),
        "errors": errors,
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": _ms(p50.group(1)) if p50 else float("nan"),
        "p99_ms": _ms(p99.group(1)) if p99 else float("nan"),
    }


_WRK_CYCLE = """local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def run_load(
    url: str | list[str],
    concurrency: int,
    duration: float,
    max_requests: int,
    *,
    server_pid: int | None,
) -> dict[str, Any]:
    """One scenario's load (wrk, else httpx in a child process), with the server's CPU.
    ``url`` may be a list: its URLs are asked in turn."""
    urls = [url] if isinstance(url, str) else url
    httpx.get(urls[0], headers={"Accept": ACCEPT}, timeout=600)  # warm-up: workers, snapshot
    before = tree_cpu(server_pid) if server_pid else None
    wrk = wrk_binary()
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as tmp:
        if wrk:
            seconds = max(1, round(duration))
            cmd = [wrk, "-t1", f"-c{concurrency}", f"-d{seconds}s", "--latency", "-H",
                   f"Accept: {ACCEPT}", urls[0]]  # fmt: skip
            if len(urls) > 1:
                script = Path(tmp) / "cycle.lua"
                paths = ", ".join(json.dumps(urllib.parse.urlsplit(u).path) for u in urls)
                script.write_text(_WRK_CYCLE % paths)
                cmd += ["-s", str(script)]
            proc = subprocess.run(
                cmd, capture_output=True, text=True, timeout=seconds + 60, check=False
            )
            result = parse_wrk(proc.stdout)
            result["loader"] = "wrk"
        else:
            listed = Path(tmp) / "urls.txt"
            listed.write_text("\n".join(urls))
            result = run_child(
                "policykg.bench.bench_api",
                ["--load", "@" + str(listed), str(concurrency), str(duration), str(max_requests)],
            )
            result["loader"] = "httpx"
    if before is not None and server_pid:
        spent = tree_cpu(server_pid) - before
        result["server_cpu_ms"] = spent * 1000 / max(1, result["requests"] + result["errors"])
    result["load"] = load()
    return result


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of ``pid`` and its descendants, from ``/proc`` (0 where
    there is no ``/proc``)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    pending = [pid]
    while pending:
        p = pending.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
            for task in Path(f"/proc/{p}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total / tick


# --- servers -------------------------------------------------------------------------------


def parse_config(config: str) -> tuple[int, str]:
    """``"2"`` → 2 workers, queries in query worker processes; ``"2-inline"`` → inline."""
    count, _, mode = config.partition("-")
    return int(count), "inline" if mode == "inline" else "processes"


def serve(store_dir: Path, port: int, config: str) -> None:
    """What ``policykg serve --workers N`` (``POLICYKG_QUERY_MODE``) runs over ``store_dir``."""
    from policykg.api import server
    from policykg.api.settings import Settings

    workers, mode = parse_config(config)
    settings = Settings(host="127.0.0.1", port=port, workers=workers, query_mode=mode)
    server.serve(EmbeddedStore(store_dir), settings)


def oxigraph_binary() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


def _start(cmd: list[str], url: str) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(cmd, cwd=ROOT)
    try:
        _wait(url, server)
    except Exception:
        _stop(server)
        raise
    return server


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def _wait(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            if httpx.get(url, timeout=5).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not start")


def run(
    store_dirs: dict[int, Path],
    *,
    concurrency: int = 16,
    duration: float = 10.0,
    max_requests: int = 50_000,
    configs: tuple[str, ...] | None = None,
    oxigraph: bool | None = None,
) -> dict[str, Any]:
    """Every scenario on every serving configuration (default: 1, 2 and 2-inline; a tiny
    run, under a second per scenario as CI's, keeps it working with 2-inline only and no
    oxigraph reference)."""
    tiny = duration < 1
    if configs is None:
        configs = ("2-inline",) if tiny else ("1", "2", "2-inline")
    if oxigraph is None:
        oxigraph = not tiny
    out: dict[str, Any] = {}
    for n, path in store_dirs.items():
        paths = targets(path)
        base = direct(path)
        runs: dict[str, dict[str, Any]] = {}
        for config in configs:
            port = _free_port()
            url = f"http://127.0.0.1:{port}"
            cmd = [sys.executable, "-m", "policykg.bench.bench_api", "--serve", str(path),
                   str(port), config]  # fmt: skip
            server = _start(cmd, url + "/health")
            try:
                runs[config] = {
                    label: run_load(
                        url + p if isinstance(p, str) else [url + q for q in p],
                        concurrency,
                        duration,
                        max_requests,
                        server_pid=server.pid,
                    )
                    for label, p in paths.items()
                }
            finally:
                _stop(server)
        reference: dict[str, Any] = {}
        binary = oxigraph_binary()
        if oxigraph and binary:
            port = _free_port()
            url = f"http://127.0.0.1:{port}"
            cmd = [binary, "serve-read-only", "--location", str(path), "--bind",
                   f"127.0.0.1:{port}"]  # fmt: skip
            server = _start(cmd, url + "/query?query=ASK%7B%7D")
            try:
                for label in SPARQL_SCENARIOS:
                    p = str(paths[label]).replace("/sparql?", "/query?", 1)
                    reference[label] = run_load(
                        url + p, concurrency, duration, max_requests, server_pid=server.pid
                    )
            finally:
                _stop(server)
        last = runs[configs[-1]]
        out[str(n)] = {
            "scenarios": {k: v for k, v in last.items() if k in _COMPAT},
            "runs": runs,
            "oxigraph": reference,
            "direct": base,
            "concurrency": concurrency,
            "load": load(),
        }
    return {"api": out}


#: The scenarios of ``scenarios`` (the last worker count), as in earlier results.
_COMPAT = ("REST /documents/{id}", "REST /agencies/{kind}/{scope}", "/sparql point lookup")


def render(data: dict[str, Any]) -> str:
    parts = []
    for n, res in data["api"].items():
        rows: list[list[object]] = []
        for config, scenarios in res.get("runs", {"1": res["scenarios"]}).items():
            count, mode = parse_config(config)
            server = f"policykg serve --workers {count}" + (", inline" if mode == "inline" else "")
            for label, s in scenarios.items():
                rows.append(_row(label, server, s))
        for label, s in res.get("oxigraph", {}).items():
            rows.append(_row(label, "oxigraph serve-read-only", s))
        for label, d in res["direct"].items():
            rows.append([label, "store.query in-process", "", "", "", 1000 / max(d["p50_ms"], 1e-6),
                         round(d["p50_ms"], 3), round(d["p99_ms"], 3), "", ""])  # fmt: skip
        parts.append(
            f"**{int(n):,} plans**, {res['concurrency']} concurrent requests, load avg at the"
            f" end {res['load']}\n\n"
            + table(
                [
                    "scenario",
                    "server",
                    "loader",
                    "requests",
                    "errors",
                    "req/s",
                    "p50 ms",
                    "p99 ms",
                    "server CPU ms/req",
                    "load avg",
                ],
                rows,
            )
        )
    return "\n\n".join(parts)


HEADERS = ["scenario", "server", "loader", "requests", "errors", "req/s", "p50 ms", "p99 ms",
           "server CPU ms/req", "load avg"]  # fmt: skip


def _row(label: str, server: str, s: dict[str, Any]) -> list[object]:
    cpu = s.get("server_cpu_ms")
    return [label, server, s.get("loader", ""), s["requests"], s["errors"], s["rps"],
            round(s["p50_ms"], 2), round(s["p99_ms"], 2),
            round(cpu, 3) if cpu is not None else "", s.get("load", "")]  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="API benchmark")
    parser.add_argument("--serve", nargs=3, metavar=("STORE", "PORT", "CONFIG"))
    parser.add_argument("--load", nargs=4, metavar=("URL", "CONC", "SECONDS", "MAX"))
    parser.add_argument("--store", type=Path, help="run the benchmark on this store")
    parser.add_argument(
        "--configs",
        default="1,2,2-inline",
        help="serving configurations: N workers, N-inline for inline queries (comma-separated)",
    )
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--no-oxigraph", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.serve:
        serve(Path(args.serve[0]), int(args.serve[1]), args.serve[2])
    elif args.load:
        url, conc, secs, most = args.load
        urls = Path(url[1:]).read_text().split() if url.startswith("@") else [url]
        print(json.dumps(asyncio.run(_load(urls, int(conc), float(secs), int(most)))))
    elif args.store:
        store = EmbeddedStore(args.store, read_only=True)
        plans = check_keys(store)
        del store
        data = run(
            {plans: args.store},
            concurrency=args.concurrency,
            duration=args.seconds,
            configs=tuple(args.configs.split(",")),
            oxigraph=False if args.no_oxigraph else None,
        )
        if args.json:
            args.json.write_text(json.dumps(data, indent=1))
        print(render(data))


if __name__ == "__main__":
    main()
