"""The W3C SPARQL 1.1 Protocol test suite, replayed against a live server.

Reads ``tests/data/sparql11-protocol/manifest.ttl``, loads each test's ``ut:graphData`` into
a fresh store, replays every ``ht:Request`` over HTTP (the ``/sparql/`` prefix replaced by the
app's ``/sparql``) and checks the expected status class, result format and ASK boolean.
Prints one line per test and ``N passed, N failed``.

Runs on every store backend: the embedded store (queries in the isolated worker pool) and
the Oxigraph and Virtuoso servers (queries and updates on the engine's own endpoint).

Run alone: ``.venv/bin/pytest tests/test_w3c_protocol.py -s``.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from conftest import LiveServer, ServerPool
from rdflib.collection import Collection
from rdflib.namespace import RDFS

from policykg.api.app import create_app
from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.graph.remote import RemoteStore
from policykg.graph.store import EmbeddedStore

SUITE = Path(__file__).resolve().parent / "data" / "sparql11-protocol"
TOKEN = "w3c-protocol-suite-token"
#: Every graph the suite's data and updates name lies under one of these.
SUITE_GRAPHS = ("http://kasei.us/", "http://example.org/", "http://example/")

pytestmark = pytest.mark.backends

MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"

RESULT_TYPES = {
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
}
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-quads": "nquads",
}


@dataclass
class HttpRequest:
    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]
    statuses: set[str]  # "2xx", "4xx", ...
    expected_format: str | None
    expected_boolean: bool | None


@dataclass
class ProtocolTest:
    name: str
    label: str
    graphs: list[tuple[Path, str]] = field(default_factory=list)
    requests: list[HttpRequest] = field(default_factory=list)


def load_manifest(path: Path = SUITE / "manifest.ttl") -> list[ProtocolTest]:
    g = rdflib.Graph().parse(path, format="turtle", publicID=path.as_uri())
    manifest = next(g.subjects(rdflib.RDF.type, MF.Manifest))
    tests: list[ProtocolTest] = []
    for entry in Collection(g, g.value(manifest, MF.entries)):
        name = str(entry).rsplit("#", 1)[-1]
        test = ProtocolTest(name, str(g.value(entry, MF.name)))
        for data in g.objects(entry, UT.graphData):
            file = Path(str(g.value(data, UT.graph)).removeprefix("file://"))
            test.graphs.append((file, str(g.value(data, RDFS.label))))
        action = g.value(entry, MF.action)
        for req in Collection(g, g.value(action, HT.requests)):
            body_node = g.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(body_node, CNT.chars)).encode(encoding.lower())
            headers: dict[str, str] = {}
            headers_node = g.value(req, HT.headers)
            if headers_node is not None:
                for h in Collection(g, headers_node):
                    headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            resp = g.value(req, HT.resp)
            statuses = {
                str(s).removeprefix(HTS).lower() for s in g.objects(resp, MF.expectedStatus)
            }
            fmt = g.value(resp, MF.expectedFormat)
            boolean = g.value(resp, MF.expectedBoolean)
            test.requests.append(
                HttpRequest(
                    method=str(g.value(req, HT.methodName)),
                    path=str(g.value(req, HT.absolutePath)),
                    body=body,
                    headers=headers,
                    statuses=statuses,
                    expected_format=str(fmt) if fmt is not None else None,
                    expected_boolean=bool(boolean.toPython()) if boolean is not None else None,
                )
            )
        tests.append(test)
    return tests


def app_path(path: str) -> str:
    """The manifest's ``/sparql/`` prefix, replaced by the app's endpoint path."""
    assert path.startswith("/sparql/")
    rest = path[len("/sparql/") :]
    return "/sparql" + rest


def check_response(req: HttpRequest, response: httpx.Response) -> str | None:
    """None when the response meets the expectations, else why not."""
    status_class = f"{response.status_code // 100}xx"
    if status_class not in req.statuses:
        return f"status {response.status_code}, expected {sorted(req.statuses)}"
    media = response.headers.get("content-type", "").split(";")[0].strip()
    if req.expected_format == "tabular" and media not in RESULT_TYPES:
        return f"tabular result expected, got {media!r}"
    if req.expected_format == "RDF":
        if media not in RDF_TYPES:
            return f"RDF expected, got {media!r}"
        rdflib.Graph().parse(data=response.content, format=RDF_TYPES[media])
    if req.expected_format == "boolean" or req.expected_boolean is not None:
        if media == "application/sparql-results+json":
            value = json.loads(response.content).get("boolean")
        elif media == "application/sparql-results+xml":
            node = ET.fromstring(response.content).find(
                "{http://www.w3.org/2005/sparql-results#}boolean"
            )
            value = None if node is None else node.text == "true"
        else:
            return f"boolean result expected, got {media!r}"
        if not isinstance(value, bool):
            return "no boolean in the result"
        if req.expected_boolean is not None and value != req.expected_boolean:
            return f"boolean {value}, expected {req.expected_boolean}"
    return None


def clear(store: Store) -> None:
    """Remove the suite's graphs (a server's other graphs, e.g. Virtuoso's, are kept)."""
    if isinstance(store, EmbeddedStore):
        store.clear()
        return
    assert isinstance(store, RemoteStore)
    for prefix in SUITE_GRAPHS:
        store.graph_prefix = prefix
        for graph in store.graphs():
            store.drop_graph(graph)


def load_graphs(store: Store, test: ProtocolTest) -> None:
    clear(store)
    for file, graph in test.graphs:
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(path=file, format=ox.RdfFormat.N_TRIPLES)
        ]
        store.replace_graph(graph, triples)


def run_suite(
    base_url: str, store: Store, tests: list[ProtocolTest], *, token: str | None
) -> tuple[int, int, list[str]]:
    """Replay every test; returns (passed, failed, report lines)."""
    passed = failed = 0
    lines: list[str] = []
    auth = {"Authorization": f"Bearer {token}"} if token else {}
    with httpx.Client(base_url=base_url, timeout=30) as client:
        for test in tests:
            load_graphs(store, test)
            problem = None
            for i, req in enumerate(test.requests):
                response = client.request(
                    req.method,
                    app_path(req.path),
                    content=req.body,
                    headers={**req.headers, **auth},
                )
                problem = check_response(req, response)
                if problem:
                    problem = f"request {i + 1}: {problem}"
                    break
            if problem:
                failed += 1
                lines.append(f"FAIL {test.name}: {problem}")
            else:
                passed += 1
                lines.append(f"PASS {test.name}")
    lines.append(f"{passed} passed, {failed} failed")
    return passed, failed, lines


@pytest.fixture(scope="session")
def protocol_server(backend: str, server_pool: ServerPool) -> Iterator[tuple[LiveServer, Store]]:
    store: Store = (
        EmbeddedStore() if backend == "embedded" else server_pool.get(backend, "w3c").store()
    )
    settings = Settings(write_token=TOKEN, query_timeout=10.0)
    app = create_app(store, settings)
    with LiveServer(app) as server:
        yield server, store
    if isinstance(store, RemoteStore):
        store.close()


def test_manifest_has_the_34_protocol_tests() -> None:
    tests = load_manifest()
    assert len(tests) == 34
    assert all(t.requests for t in tests)
    assert {t.name for t in tests} >= {"query_post_form", "bad_update_dataset_conflict"}


def test_w3c_sparql11_protocol_suite(
    protocol_server: tuple[LiveServer, Store], capsys: pytest.CaptureFixture[str]
) -> None:
    server, store = protocol_server
    tests = load_manifest()
    passed, failed, lines = run_suite(server.url, store, tests, token=TOKEN)
    with capsys.disabled():
        print()
        for line in lines:
            print(line)
    assert failed == 0, "\n".join(line for line in lines if line.startswith("FAIL"))
    assert passed == 34
