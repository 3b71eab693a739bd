"""Shared fixtures: the in-memory store with the bundled corpus, a TestClient, a live server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from policykg import bundled_corpus
from policykg.api import service
from policykg.api.app import create_app
from policykg.api.settings import Settings
from policykg.graph.store import EmbeddedStore
from policykg.ontology.iri import IriMinter

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"


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
def corpus_store(minter: IriMinter) -> EmbeddedStore:
    """In-memory store with the vocabulary, reference data and the five bundled plans.

    Shared by the whole session: tests must not write to it (use ``fresh_store``).
    """
    store = EmbeddedStore()
    service.load_vocabulary(store, minter)
    reports = service.ingest_paths(store, [bundled_corpus()], minter)
    assert all(r.ok for r in reports), [r.error for r in reports if not r.ok]
    return store


@pytest.fixture()
def fresh_store(minter: IriMinter) -> EmbeddedStore:
    store = EmbeddedStore()
    service.load_vocabulary(store, minter)
    return store


@pytest.fixture(scope="session")
def app(corpus_store: EmbeddedStore) -> FastAPI:
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
