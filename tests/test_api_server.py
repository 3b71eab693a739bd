"""Serving (api/server.py): the listening socket, the /sparql fast path, several worker
processes over one socket (read-only), and the inline query mode's runaway handling."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest
from conftest import free_port

from policykg.api.app import create_app
from policykg.api.query_exec import (
    QueryBusy,
    QueryJob,
    QuerySyntax,
    QueryTimeout,
)
from policykg.api.query_inline import InlineExecutor
from policykg.api.server import ServeError, build_app, listen_socket, serve
from policykg.api.settings import Settings
from policykg.api.sparql import SparqlFastPath, service_of
from policykg.graph.store import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 2.0
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CHEAP = "ASK { ?s ?p ?o }"


def test_listening_socket_sets_tcp_nodelay_on_accepted_connections() -> None:
    sock = listen_socket("127.0.0.1", 0)
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        with socket.create_connection(sock.getsockname()[:2]) as client:
            conn, _ = sock.accept()
            with conn:
                assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
                assert client.fileno() > 0
        with pytest.raises(ServeError, match="cannot listen"):
            listen_socket("127.0.0.1", sock.getsockname()[1])
    finally:
        sock.close()


def test_settings_that_cannot_serve_are_refused() -> None:
    store = EmbeddedStore()
    with pytest.raises(ServeError, match="read-only"):
        serve(store, Settings(workers=2, write_token="t"))
    with pytest.raises(ServeError, match="on disk"):
        serve(store, Settings(workers=2))
    with pytest.raises(ServeError, match="workers > 1"):
        serve(store, Settings(query_mode="inline"))
    with pytest.raises(ServeError, match="query mode"):
        serve(store, Settings(query_mode="threads"))


# --- the fast path answers as the app does ----------------------------------------------


def _asgi_get(app: Any, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            return await c.get(path, headers=headers)

    r = asyncio.run(go())
    return r.status_code, dict(r.headers), r.content


@pytest.fixture(scope="module", params=["processes", "inline"])
def fast_and_full(request: pytest.FixtureRequest) -> Iterator[tuple[Any, Any]]:
    store = EmbeddedStore()
    from policykg import bundled_corpus
    from policykg.graph.dataset import load_vocabulary
    from policykg.load.documents import ingest_paths
    from policykg.ontology.iri import IriMinter

    minter = IriMinter()
    load_vocabulary(store, minter)
    ingest_paths(store, [bundled_corpus()], minter)
    settings = Settings(max_results=20, query_timeout=5.0, query_mode=request.param)
    full = create_app(store, settings)
    fast = build_app(store, settings)
    assert isinstance(fast, SparqlFastPath) and service_of(full) is not None
    yield fast, full
    fast.service.executor.close()
    svc = service_of(full)
    assert svc is not None
    svc.executor.close()


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        ("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 5", "application/sparql-results+json"),
        ("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json"),  # capped
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 3", "text/csv"),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 3", "application/sparql-results+xml"),
        ("ASK { ?s ?p ?o }", ""),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 4", "text/turtle"),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 4", "application/n-triples"),
        ("SELECT ?x WHERE { BIND(<rel> AS ?x) }", "application/json"),  # base IRI
        ("SELECT WHERE nonsense", "application/sparql-results+json"),  # 400
        ("CONSTRUCT WHERE { ?s ?p ?o }", "text/csv"),  # 406
        ("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 2", "text/tab-separated-values"),
    ],
)
def test_fast_path_answers_byte_for_byte_as_the_app(
    fast_and_full: tuple[Any, Any], query: str, accept: str
) -> None:
    fast, full = fast_and_full
    path = "/sparql?query=" + quote(query)
    headers = {"Accept": accept} if accept else {}
    got, want = _asgi_get(fast, path, headers), _asgi_get(full, path, headers)
    assert got[0] == want[0] and got[2] == want[2]
    assert got[1] == want[1]


def test_fast_path_passes_other_requests_to_the_app(fast_and_full: tuple[Any, Any]) -> None:
    fast, full = fast_and_full
    # with CORS configured, everything goes through the app (its middleware adds headers)
    svc = service_of(full)
    assert svc is not None
    cors = build_app(svc.store, Settings(cors_origins=("https://x.example",)))
    assert cors.cors
    origin = {"Origin": "https://x.example"}
    status, headers, _ = _asgi_get(cors, "/sparql?query=" + quote(CHEAP), origin)
    assert status == 200 and headers["access-control-allow-origin"] == "https://x.example"
    cors.service.executor.close()
    status, headers, body = _asgi_get(fast, "/sparql", {"Accept": "text/turtle"})
    assert status == 200 and b"sparql-service-description" in body
    status, _, body = _asgi_get(fast, "/sparql?update=" + quote("CLEAR ALL"), {})
    assert status == 405
    status, _, _ = _asgi_get(fast, "/health", {})
    assert status == 200


def test_inline_executor_time_limit_busy_and_errors() -> None:
    store = EmbeddedStore()
    p = ox.NamedNode("http://example.org/p")
    store.replace_graph(
        "http://example.org/g",
        [ox.Triple(ox.NamedNode(f"http://example.org/{i}"), p, ox.Literal(str(i)))
         for i in range(200)],
    )  # fmt: skip
    runaways: list[bool] = []
    executor = InlineExecutor(
        store, threads=1, timeout=0.3, on_runaway=lambda: runaways.append(True)
    )

    async def scenario() -> None:
        outcome = await executor.run(QueryJob("ASK { ?s ?p ?o }"))
        assert json.loads(outcome.body)["boolean"] is True
        with pytest.raises(QuerySyntax):
            await executor.run(QueryJob("SELECT WHERE nonsense"))
        with pytest.raises(QueryTimeout):
            await executor.run(QueryJob(CARTESIAN))  # 8M rows: > 1 s idle
        assert runaways == [True] and executor.killed == 1
        with pytest.raises(QueryBusy):  # the one thread still runs the runaway query
            await executor.run(QueryJob("ASK { ?s ?p ?o }"), timeout=0.1)

    asyncio.run(scenario())
    executor.close()


# --- several serving processes ------------------------------------------------------------


class Served:
    """``policykg serve`` in a subprocess (stopped with SIGTERM, like a service manager)."""

    def __init__(self, data_dir: Path, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environ = {**os.environ, **{f"POLICYKG_{k.upper()}": v for k, v in env.items()}}
        environ.pop("POLICYKG_WRITE_TOKEN", None)
        cmd = [sys.executable, "-m", "policykg.cli", "serve", "--data-dir", str(data_dir),
               "--port", str(self.port)]  # fmt: skip
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )

    def __enter__(self) -> Served:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.output()
            try:
                if httpx.get(self.url + "/health", timeout=5).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.3)
        raise RuntimeError("policykg serve did not start")

    def output(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
        out, _ = self.proc.communicate(timeout=60)
        return out.decode(errors="replace")

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate(timeout=10)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store with the bundled corpus (``policykg serve`` ingests it once)."""
    path = tmp_path_factory.mktemp("served") / "store"
    from policykg import bundled_corpus
    from policykg.graph.dataset import load_vocabulary
    from policykg.load.documents import ingest_paths
    from policykg.ontology.iri import IriMinter

    store = EmbeddedStore(path)
    minter = IriMinter()
    load_vocabulary(store, minter)
    assert all(r.ok for r in ingest_paths(store, [bundled_corpus()], minter))
    store.flush()
    del store
    return path


def _sparql(client: httpx.Client, url: str, query: str) -> httpx.Response:
    return client.get(url + "/sparql", params={"query": query})


def _alone(url: str, query: str) -> httpx.Response:
    """One query on a connection of its own."""
    with httpx.Client(timeout=120) as own:
        return _sparql(own, url, query)


def test_several_workers_read_only_inline_queries_and_runaways(data_dir: Path) -> None:
    """Two serving processes over one socket, queries inline: read-only answers from a
    checkpoint; a runaway query gets 504 while other queries are answered, and its process
    is replaced; a flood of runaways is answered 503/504 (never dropped); the checkpoint is
    removed and the store's lock released on exit."""
    env = {"workers": "2", "query_timeout": str(TIMEOUT)}  # query_mode auto: inline
    with Served(data_dir, **env) as served, httpx.Client(timeout=60) as c:
        r = _sparql(c, served.url, "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
        assert r.status_code == 200 and int(r.json()["results"]["bindings"][0]["n"]["value"]) > 2
        assert c.get(served.url + "/documents").json(), "REST lookups answer from the checkpoint"
        update = c.post(served.url + "/sparql", data={"update": "CLEAR ALL"})
        assert update.status_code in (401, 403)
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            slow = pool.submit(_alone, served.url, CARTESIAN)
            time.sleep(0.2)
            cheap = [pool.submit(_alone, served.url, CHEAP) for _ in range(6)]
            assert {f.result().status_code for f in cheap} == {200}
            started = time.monotonic()
            response = slow.result()
        assert response.status_code == 504 and response.json()["error"]["code"] == "timeout"
        assert time.monotonic() - started < TIMEOUT + 5

        def runaway(_: int) -> int:
            return _alone(served.url, CARTESIAN).status_code

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(runaway, i) for i in range(8)]
            time.sleep(0.5)
            cheap_during = _alone(served.url, CHEAP)  # answered (or a prompt 503), not hung
            flood = [f.result() for f in futures]
        assert set(flood) <= {503, 504}, flood
        assert cheap_during.status_code in (200, 503)
        if cheap_during.status_code == 503:
            assert cheap_during.headers.get("Retry-After")
        deadline = time.monotonic() + 60
        while _alone(served.url, CHEAP).status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.5)
    assert list(data_dir.parent.glob(f".{data_dir.name}-serve-*")) == []  # checkpoint removed
    assert EmbeddedStore(data_dir).graphs()  # the lock was released
