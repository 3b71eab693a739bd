"""The /sparql endpoint on a live server: formats, errors, limits, time limit, writes."""

from __future__ import annotations

import csv
import io
import json
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from conftest import LiveServer
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from policykg.api.app import create_app
from policykg.api.query_exec import IsolatedExecutor
from policykg.api.settings import Settings
from policykg.graph.store import EmbeddedStore

BASE = "https://w3id.org/policykg/"
DOC_GRAPH = BASE + "eli/vn/test/2021/kh/1-kh/graph"
ONTOLOGY_GRAPH = BASE + "graph/ontology"
FREE_GRAPH = "http://example.org/scratch"
EX = "http://example.org/"
TOKEN = "s3cret-token"
MAX_RESULTS = 250
N_ITEMS = 300
EXPENSIVE = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
ERROR_KEYS = {"status", "code", "message"}
#: Long enough that a cheap query on a loaded 2-core CI machine never reaches it.
QUERY_TIMEOUT = 2.0


def _triples() -> list[ox.Triple]:
    p = ox.NamedNode(EX + "value")
    return [
        ox.Triple(ox.NamedNode(f"{EX}item/{i}"), p, ox.Literal(str(i), language="vi"))
        for i in range(N_ITEMS)
    ]


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    store = EmbeddedStore()
    store.replace_graph(DOC_GRAPH, _triples())
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.replace_graph(
        ONTOLOGY_GRAPH, [ox.Triple(ox.NamedNode(EX + "Plan"), label, ox.Literal("Kế hoạch"))]
    )
    return store


@pytest.fixture(scope="module")
def server(store: EmbeddedStore) -> Iterator[LiveServer]:
    settings = Settings(
        write_token=TOKEN,
        query_timeout=QUERY_TIMEOUT,
        max_results=MAX_RESULTS,
        max_request_bytes=20_000,
    )
    with LiveServer(create_app(store, settings)) as live:
        yield live


@pytest.fixture()
def http(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def _error(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) >= ERROR_KEYS
    assert body["error"]["status"] == status
    assert "Traceback" not in response.text
    return dict(body["error"])


# --- a real SPARQL client ---------------------------------------------------------------


def test_sparqlwrapper_select_ask_construct_and_refused_update(server: LiveServer) -> None:
    sparql = SPARQLWrapper(server.url + "/sparql")
    sparql.setQuery(f"SELECT ?v WHERE {{ <{EX}item/7> <{EX}value> ?v }}")
    sparql.setReturnFormat(JSON)
    rows = sparql.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert rows == [{"v": {"type": "literal", "value": "7", "xml:lang": "vi"}}]

    sparql.setQuery(f"ASK {{ <{EX}item/299> ?p ?o }}")
    assert sparql.queryAndConvert()["boolean"] is True  # type: ignore[index]

    sparql.setQuery(f"CONSTRUCT {{ ?s <{EX}value> ?v }} WHERE {{ ?s <{EX}value> ?v }} LIMIT 3")
    sparql.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=sparql.queryAndConvert(), format="turtle")
    assert len(graph) == 3

    sparql.setMethod(POST)
    sparql.setQuery(f"INSERT DATA {{ <{EX}x> <{EX}y> 1 }}")
    with pytest.raises(SPARQLWrapperException):
        sparql.query()


# --- formats ---------------------------------------------------------------------------

SELECT = f"SELECT ?s ?v WHERE {{ ?s <{EX}value> ?v }} ORDER BY ?s LIMIT 4"


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        (None, "application/sparql-results+json"),
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("text/tab-separated-values;q=0.2, application/json;q=0.1", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_select_formats(http: httpx.Client, accept: str | None, media: str) -> None:
    headers = {"Accept": accept} if accept else {}
    r = http.get("/sparql", params={"query": SELECT}, headers=headers)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    if media.endswith("json"):
        rows = r.json()["results"]["bindings"]
        values = [row["v"]["value"] for row in rows]
    elif media.endswith("xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        root = ET.fromstring(r.content)
        values = [lit.text or "" for lit in root.iter(ns + "literal")]
    elif media == "text/csv":
        table = list(csv.reader(io.StringIO(r.text)))
        assert table[0] == ["s", "v"]
        values = [row[1] for row in table[1:]]
    else:
        lines = r.text.splitlines()
        assert lines[0] == "?s\t?v"
        values = [line.split("\t")[1].split('"')[1] for line in lines[1:]]
    assert values == ["0", "1", "10", "100"]


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
    ],
)
def test_ask_formats(http: httpx.Client, accept: str, media: str) -> None:
    r = http.post(
        "/sparql",
        content=f"ASK {{ <{EX}item/1> ?p ?o }}".encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": accept},
    )
    assert r.status_code == 200 and r.headers["content-type"] == media
    if media.endswith("json"):
        assert r.json() == {"head": {}, "boolean": True}
    else:
        assert "<boolean>true</boolean>" in r.text


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        (None, "text/turtle"),
        ("text/turtle", "text/turtle"),
        ("application/n-triples", "application/n-triples"),
        ("application/n-quads", "application/n-quads"),
        ("application/ld+json", "application/ld+json"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/json", "application/ld+json"),
    ],
)
def test_construct_and_describe_formats(http: httpx.Client, accept: str | None, media: str) -> None:
    headers = {"Accept": accept} if accept else {}
    query = f"CONSTRUCT {{ ?s <{EX}value> ?v }} WHERE {{ ?s <{EX}value> ?v }} LIMIT 5"
    r = http.post("/sparql", data={"query": query}, headers=headers)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    fmt = ox.RdfFormat.from_media_type(media)
    assert fmt is not None
    parsed = list(ox.parse(r.content, format=fmt))
    assert len(parsed) == 5
    assert {q.object.value for q in parsed} <= {str(i) for i in range(N_ITEMS)}
    d = http.get("/sparql", params={"query": f"DESCRIBE <{EX}item/3>"}, headers=headers)
    assert d.status_code == 200 and d.headers["content-type"].split(";")[0] == media


# --- dataset ---------------------------------------------------------------------------


def test_default_graph_is_the_union_and_protocol_dataset_restricts(http: httpx.Client) -> None:
    count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"

    def n(params: dict[str, object]) -> int:
        r = http.get("/sparql", params={"query": count, **params})
        assert r.status_code == 200, r.text
        return int(r.json()["results"]["bindings"][0]["n"]["value"])

    everything = n({})
    assert everything >= N_ITEMS + 1
    assert n({"default-graph-uri": ONTOLOGY_GRAPH}) == 1
    assert n({"default-graph-uri": [ONTOLOGY_GRAPH, DOC_GRAPH]}) == N_ITEMS + 1
    from_query = f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }}"
    r = http.get("/sparql", params={"query": from_query})
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "1"
    r = http.get("/sparql", params={"query": from_query, "default-graph-uri": DOC_GRAPH})
    assert r.json()["results"]["bindings"][0]["n"]["value"] == str(N_ITEMS)


# --- errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "kwargs", "status", "code"),
    [
        ("GET", {"params": {"query": "SELECT * WHERE {"}}, 400, "query_syntax"),
        ("GET", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400, "bad_request"),
        ("GET", {"params": {"update": "CLEAR ALL"}}, 405, "method_not_allowed"),
        ("PUT", {"params": {"query": "ASK {}"}}, 405, "method_not_allowed"),
        ("DELETE", {}, 405, "method_not_allowed"),
        ("POST", {"content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415,
         "unsupported_media_type"),
        ("POST", {"content": b"query=ASK%20%7B%7D"}, 415, "unsupported_media_type"),
        ("POST", {"content": "ASK {}".encode("utf-16"),
                  "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}},
         415, "unsupported_media_type"),
        ("POST", {"content": b"ASK { \xff }",
                  "headers": {"Content-Type": "application/sparql-query"}}, 400, "bad_encoding"),
        ("POST", {"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400, "bad_request"),
        ("GET", {"params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400,
         "bad_request"),
        ("POST", {"content": b"ASK {} #" + b"x" * 30_000,
                  "headers": {"Content-Type": "application/sparql-query"}}, 413, "too_large"),
        ("GET", {"params": {"query": "ASK {} #" + "x" * 30_000}}, 413, "too_large"),
    ],
)  # fmt: skip
def test_error_cases_have_the_one_error_shape(
    http: httpx.Client, method: str, kwargs: dict[str, object], status: int, code: str
) -> None:
    r = http.request(method, "/sparql", **kwargs)  # type: ignore[arg-type]
    assert _error(r, status)["code"] == code


def test_update_is_refused_without_the_token(http: httpx.Client) -> None:
    update = f"INSERT DATA {{ GRAPH <{FREE_GRAPH}> {{ <{EX}a> <{EX}b> 1 }} }}"
    _error(http.post("/sparql", data={"update": update}), 401)
    wrong = {"Authorization": "Bearer nope", "Content-Type": "application/sparql-update"}
    _error(http.post("/sparql", content=update.encode(), headers=wrong), 401)
    r = http.get("/sparql", params={"query": f"ASK {{ <{EX}a> ?p ?o }}"})
    assert r.json()["boolean"] is False


def test_writes_are_off_without_a_configured_token(store: EmbeddedStore) -> None:
    with LiveServer(create_app(store, Settings())) as live:
        r = httpx.post(
            live.url + "/sparql",
            data={"update": "CLEAR ALL"},
            headers={"Authorization": "Bearer anything"},
        )
        assert _error(r, 403)["code"] == "read_only"
        assert httpx.delete(live.url + "/rdf-graphs", params={"default": ""}).status_code == 403
        assert store.has_graph(DOC_GRAPH)


# --- limits ----------------------------------------------------------------------------


def test_results_are_capped_and_the_cap_is_announced(http: httpx.Client) -> None:
    r = http.get("/sparql", params={"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"})
    assert r.status_code == 200
    assert r.headers["x-sparql-truncated"] == "true"
    assert r.headers["x-sparql-max-results"] == str(MAX_RESULTS)
    assert len(r.json()["results"]["bindings"]) == MAX_RESULTS
    small = http.get("/sparql", params={"query": SELECT})
    assert "x-sparql-truncated" not in small.headers
    assert small.headers["x-sparql-result-count"] == "4"


def test_expensive_query_is_stopped_while_cheap_queries_are_served(
    http: httpx.Client, server: LiveServer
) -> None:
    cheap = {"query": f"ASK {{ <{EX}item/5> ?p ?o }}"}
    http.get("/sparql", params=cheap)  # workers up

    def expensive() -> tuple[httpx.Response, float]:
        started = time.monotonic()
        with httpx.Client(base_url=server.url, timeout=30) as c:
            return c.get("/sparql", params={"query": EXPENSIVE}), time.monotonic() - started

    def cheap_one() -> tuple[int, float]:
        started = time.monotonic()
        with httpx.Client(base_url=server.url, timeout=30) as c:
            r = c.get("/sparql", params=cheap)
            assert r.json()["boolean"] is True
            return r.status_code, time.monotonic() - started

    with ThreadPoolExecutor(max_workers=4) as pool:
        slow = pool.submit(expensive)
        time.sleep(0.1)
        fast = [pool.submit(cheap_one) for _ in range(8)]
        statuses = [f.result() for f in fast]
        response, elapsed = slow.result()
    # the cheap queries were answered while the expensive one still ran, which was then stopped
    assert all(status == 200 and took < QUERY_TIMEOUT for status, took in statuses), statuses
    assert _error(response, 504)["code"] == "timeout"
    assert QUERY_TIMEOUT * 0.9 < elapsed < QUERY_TIMEOUT + 5
    after = http.get("/sparql", params=cheap)
    assert after.status_code == 200 and after.json()["boolean"] is True


def test_a_timed_out_worker_is_killed(store: EmbeddedStore) -> None:
    executor = IsolatedExecutor(store, workers=1, timeout=QUERY_TIMEOUT)
    try:
        from policykg.api.query_exec import QueryJob, QueryTimeout

        executor.execute(QueryJob("ASK {}"))
        (pid,) = executor.worker_pids()
        with pytest.raises(QueryTimeout):
            executor.execute(QueryJob(EXPENSIVE))
        outcome = executor.execute(QueryJob("ASK {}"))  # a fresh worker answers
        assert json.loads(outcome.body)["boolean"] is True
        (new_pid,) = executor.worker_pids()
        assert new_pid != pid and executor.killed == 1
        with pytest.raises(ProcessLookupError):
            import os

            os.kill(pid, 0)
    finally:
        executor.close()


# --- service description and editor --------------------------------------------------


def test_service_description_and_editor(http: httpx.Client) -> None:
    r = http.get("/sparql")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoint = rdflib.URIRef(str(http.base_url).rstrip("/") + "/sparql")
    assert (endpoint, sd.endpoint, endpoint) in graph
    assert (endpoint, sd.supportedLanguage, sd.SPARQL11Update) in graph
    names = {str(o) for o in graph.objects(None, sd.name)}
    assert {DOC_GRAPH, ONTOLOGY_GRAPH} <= names
    j = http.get("/sparql", headers={"Accept": "application/ld+json"})
    assert j.headers["content-type"] == "application/ld+json" and j.json()
    page = http.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html")
    assert "static/yasgui/yasgui.min.js" in page.text and "new Yasgui(" in page.text
    js = http.get("/static/yasgui/yasgui.min.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert http.get("/static/yasgui/../settings.py").status_code == 404


# --- writes with the token -----------------------------------------------------------------

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_update_with_token_writes_free_graphs_only(
    http: httpx.Client, store: EmbeddedStore
) -> None:
    insert = f"INSERT DATA {{ GRAPH <{FREE_GRAPH}> {{ <{EX}a> <{EX}b> 1 }} }}"
    r = http.post("/sparql", data={"update": insert}, headers=AUTH)
    assert r.status_code == 204, r.text
    ask = http.get("/sparql", params={"query": f"ASK {{ GRAPH <{FREE_GRAPH}> {{ ?s ?p 1 }} }}"})
    assert ask.json()["boolean"] is True  # the workers see the write
    before = len(store)
    for update in (
        f"INSERT DATA {{ GRAPH <{DOC_GRAPH}> {{ <{EX}a> <{EX}b> 2 }} }}",
        f"DROP GRAPH <{ONTOLOGY_GRAPH}>",
        "CLEAR ALL",
        "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
        f"PREFIX d: <{BASE}eli/vn/test/2021/kh/1-kh/>\n"
        "DELETE WHERE { GRAPH d:graph { ?s ?p ?o } }",
        f"COPY <{FREE_GRAPH}> TO <{DOC_GRAPH}>",
    ):
        r = http.post(
            "/sparql",
            content=update.encode(),
            headers={**AUTH, "Content-Type": "application/sparql-update"},
        )
        assert _error(r, 403)["code"] == "protected_graph", update
    assert len(store) == before
    r = http.post("/sparql", data={"update": f"LOAD <{EX}data.ttl>"}, headers=AUTH)
    _error(r, 403)
    r = http.post("/sparql", data={"update": f"DROP GRAPH <{FREE_GRAPH}>"}, headers=AUTH)
    assert r.status_code == 204
    assert not store.has_graph(FREE_GRAPH)


def test_graph_store_protocol(http: httpx.Client) -> None:
    target = {"graph": FREE_GRAPH + "/gsp"}
    turtle = f"<{EX}s> <{EX}p> 'one', 'two' .".encode()
    ttl = {"Content-Type": "text/turtle"}
    _error(http.put("/rdf-graphs", params=target, content=turtle, headers=ttl), 401)
    r = http.put("/rdf-graphs", params=target, content=turtle, headers={**AUTH, **ttl})
    assert r.status_code == 201
    r = http.put("/rdf-graphs", params=target, content=turtle, headers={**AUTH, **ttl})
    assert r.status_code == 204
    nt = f'<{EX}s> <{EX}p> "three" .\n'.encode()
    post_headers = {**AUTH, "Content-Type": "application/n-triples"}
    assert (
        http.post("/rdf-graphs", params=target, content=nt, headers=post_headers).status_code == 204
    )
    got = http.get("/rdf-graphs", params=target, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200
    assert len(rdflib.Graph().parse(data=got.text, format="nt")) == 3
    head = http.head("/rdf-graphs", params=target)
    assert head.status_code == 200 and head.content == b""
    protected = {"graph": DOC_GRAPH}
    r = http.put("/rdf-graphs", params=protected, content=turtle, headers={**AUTH, **ttl})
    assert _error(r, 403)["code"] == "protected_graph"
    assert _error(http.delete("/rdf-graphs", params=protected, headers=AUTH), 403)
    bad = http.put("/rdf-graphs", params=target, content=b"<a> <b", headers={**AUTH, **ttl})
    _error(bad, 400)
    assert http.delete("/rdf-graphs", params=target, headers=AUTH).status_code == 204
    _error(http.get("/rdf-graphs", params=target), 404)
    _error(http.get("/rdf-graphs"), 400)
