"""Shared fixtures: the store with the bundled corpus on every backend, a TestClient, a
live server, and the SPARQL servers (Oxigraph server, Virtuoso) the remote backends use.

Backends. A test module (or test) marked ``@pytest.mark.backends`` runs each test that uses
a store fixture (``corpus_store``, ``fresh_store``, ``backend`` and what depends on them:
``app``, ``client``, ``live_server``) once per backend: ``embedded`` (pyoxigraph in
process), ``oxigraph`` (a real Oxigraph server) and ``virtuoso`` (Virtuoso Open Source).
Unmarked tests get the embedded store only. Each server is started once per session, on
a free loopback port, per role: ``corpus`` (the bundled plans, loaded once), ``gold``
(free for a module's own fixed data) and ``scratch`` (emptied for every ``fresh_store``;
also the servers of ``test_remote_store.py``). All are stopped when the session ends.

When a server cannot be installed or started, its tests are skipped, except under CI
(``CI=true``), where they fail.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from servers import OxigraphServer, ServerUnavailable, SparqlServer, VirtuosoServer

from policykg import bundled_corpus
from policykg.api.app import create_app
from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.graph.dataset import load_vocabulary
from policykg.graph.remote import RemoteStore
from policykg.graph.store import EmbeddedStore
from policykg.load.documents import ingest_paths
from policykg.ontology.iri import IriMinter

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
#: A provincial decision that replaces an earlier one ("... và thay thế Quyết định số
#: 14/2019/QĐ-UBND"): 14/2019 ``replaced_by`` it (eli:repealed_by).
REPLACING_DECISION = ROOT / "tests" / "data" / "citations" / "ha-nam_27-2024-qd-ubnd_thay-the.txt"
REPLACING_ID = "ha-nam/2024/qd/27-2024-qd-ubnd"
REPLACED_ID = "ha-nam/2019/qd/14-2019-qd-ubnd"

#: The store backends of ``@pytest.mark.backends`` tests.
BACKENDS = ("embedded", "oxigraph", "virtuoso")
SERVERS: dict[str, type[SparqlServer]] = {"oxigraph": OxigraphServer, "virtuoso": VirtuosoServer}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "backends: run the test's store fixtures on every store backend"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("backends"):
        metafunc.parametrize("backend", BACKENDS, indirect=True, scope="session")


def unavailable(reason: str) -> NoReturn:
    """Skip a test whose server is missing; under CI, fail it."""
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"required server unavailable in CI: {reason}")
    pytest.skip(reason)


class ServerPool:
    """SPARQL servers by (engine, role), started on first use, stopped at the end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.servers: dict[tuple[str, str], SparqlServer] = {}
        self.failures: dict[str, str] = {}
        self.loaded: dict[str, Store] = {}

    def get(self, engine: str, role: str = "scratch") -> SparqlServer:
        if engine in self.failures:
            unavailable(self.failures[engine])
        key = (engine, role)
        server = self.servers.get(key)
        if server is None or server.process is None or server.process.poll() is not None:
            if server is None:
                server = SERVERS[engine](self.root / f"{engine}-{role}")
            try:
                server.start()
            except ServerUnavailable as exc:
                self.failures[engine] = f"{engine} unavailable: {exc}"
                unavailable(self.failures[engine])
            self.servers[key] = server
        return server

    def stop_all(self) -> None:
        for store in self.loaded.values():
            if isinstance(store, RemoteStore):
                store.close()
        for server in self.servers.values():
            server.stop()


@pytest.fixture(scope="session")
def server_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerPool]:
    pool = ServerPool(tmp_path_factory.mktemp("servers"))
    try:
        yield pool
    finally:
        pool.stop_all()


@pytest.fixture(scope="session")
def oxigraph_server(server_pool: ServerPool) -> SparqlServer:
    return server_pool.get("oxigraph")


@pytest.fixture(scope="session")
def virtuoso_server(server_pool: ServerPool) -> SparqlServer:
    return server_pool.get("virtuoso")


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    """The store backend of the test: a parameter under ``@pytest.mark.backends``."""
    return str(getattr(request, "param", "embedded"))


def remote_store(server: SparqlServer, minter: IriMinter) -> RemoteStore:
    """A client of ``server`` that sees the graphs under the minter's base as policykg's."""
    return server.store(graph_prefix=minter.base, timeout=60.0)


def vocabulary_store(backend: str, pool: ServerPool, minter: IriMinter, role: str) -> Store:
    """A store of ``backend`` with the vocabulary and reference data and no document: on a
    server, the role's document graphs are dropped (the vocabulary is loaded once)."""
    if backend == "embedded":
        store: Store = EmbeddedStore()
        load_vocabulary(store, minter)
        return store
    store = remote_store(pool.get(backend, role), minter)
    fixed = {minter.ontology_graph, minter.reference_graph}
    present = store.graphs()
    for graph in present:
        if graph not in fixed:
            store.drop_graph(graph)
    if not fixed <= set(present):
        load_vocabulary(store, minter)
    return store


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files instead of comparing with them",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def minter() -> IriMinter:
    return IriMinter()


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(bundled_corpus().glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_store(backend: str, server_pool: ServerPool, minter: IriMinter) -> Store:
    """The vocabulary, reference data and the five bundled plans, on the test's backend.

    Loaded once per backend and session: tests must not write to it (use ``fresh_store``).
    """
    store = server_pool.loaded.get(backend)
    if store is None:
        store = vocabulary_store(backend, server_pool, minter, "corpus")
        reports = ingest_paths(store, [bundled_corpus()], minter)
        assert all(r.ok for r in reports), [r.error for r in reports if not r.ok]
        server_pool.loaded[backend] = store
    return store


@pytest.fixture()
def fresh_store(backend: str, server_pool: ServerPool, minter: IriMinter) -> Iterator[Store]:
    """A store with only the vocabulary and reference data, on the test's backend."""
    store = vocabulary_store(backend, server_pool, minter, "scratch")
    if not isinstance(store, RemoteStore):
        yield store
        return
    # Graphs the test writes outside the base (e.g. a document IRI of another site) are
    # dropped after it: the engine's union default graph would show them to later tests.
    server = server_pool.get(backend, "scratch")
    with server.store(graph_prefix="") as everything:
        before = set(everything.graphs())
        try:
            yield store
        finally:
            store.close()
            for graph in set(everything.graphs()) - before:
                if not graph.startswith(minter.base):
                    everything.drop_graph(graph)


@pytest.fixture(scope="session")
def app(corpus_store: Store) -> FastAPI:
    return create_app(corpus_store, Settings())


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """A real uvicorn server on a free loopback port, run in a thread."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(app: FastAPI) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server
