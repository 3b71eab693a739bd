"""One store contract, three backends: embedded pyoxigraph, Oxigraph server, Virtuoso.

The servers are real processes on free loopback ports, started once per session and
stopped after (tests/servers.py). Each remote test works under its own graph prefix, so
tests do not see each other's graphs.
"""

from __future__ import annotations

import contextlib
import gc
import http.server
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from servers import OxigraphServer, SparqlServer

from policykg.graph.base import Store, Term
from policykg.graph.errors import QueryError, StoreError
from policykg.graph.factory import open_store
from policykg.graph.remote import RemoteStore, RetryPolicy, query_form, with_values
from policykg.graph.store import EmbeddedStore

XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
VERSION = ox.NamedNode("http://example.org/version")
PART_OF = ox.NamedNode("http://example.org/partOf")
RANK = ox.NamedNode("http://example.org/rank")
NASTY = 'Kế hoạch "số 1" } ; DROP ALL # <x> \\ \n VALUES ?x { 1 }'


def _iri(ex: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(ex + local)


def _doc(ex: str, name: str, n: int, marker: str = "v1") -> list[ox.Triple]:
    """A document-like graph: one node, its version, and ``n`` ranked tasks."""
    s = _iri(ex, name)
    triples = [ox.Triple(s, VERSION, ox.Literal(marker))]
    for i in range(n):
        task = _iri(ex, f"{name}/task/{i}")
        triples.append(ox.Triple(task, PART_OF, s))
        triples.append(ox.Triple(task, RANK, ox.Literal(str(i), datatype=XSD_INTEGER)))
    return triples


# --- servers and backends ---------------------------------------------------------------
# ``oxigraph_server`` and ``virtuoso_server`` come from conftest.py (started once per
# session, skipped when unavailable, failed under CI).


@pytest.fixture()
def ex() -> str:
    """A namespace of the test's own, for its graphs and nodes (servers are shared)."""
    return f"http://example.org/{uuid.uuid4().hex}/"


@pytest.fixture(params=["embedded", "oxigraph", "oxigraph-update", "virtuoso"])
def store(request: pytest.FixtureRequest, ex: str) -> Iterator[Store]:
    """A store with no graphs under the test's IRIs: every backend the contract covers.

    ``oxigraph`` replaces graphs with Graph Store Protocol PUTs, ``oxigraph-update`` and
    ``virtuoso`` with one SPARQL update request.
    """
    if request.param == "embedded":
        yield EmbeddedStore()
        return
    server_name = "virtuoso" if request.param == "virtuoso" else "oxigraph"
    server: SparqlServer = request.getfixturevalue(f"{server_name}_server")
    with server.store(graph_prefix=ex, use_graph_store=request.param == "oxigraph") as remote:
        yield remote


# --- the contract -------------------------------------------------------------------------
def test_replace_graph_is_idempotent_and_replaces_whole(store: Store, ex: str) -> None:
    g = ex + "doc/a/graph"
    v1 = _doc(ex, "a", 20, "v1")
    assert store.replace_graph(g, v1) == len(v1)
    assert store.replace_graph(g, v1) == len(v1)
    assert set(map(str, store.graph_triples(g))) == set(map(str, v1))
    assert len(store) == len(v1)

    v2 = _doc(ex, "a", 5, "v2")
    store.replace_graph(g, v2)
    assert set(map(str, store.graph_triples(g))) == set(map(str, v2))
    assert len(store) == len(v2)


def test_readers_see_the_old_graph_or_the_new_never_a_mix(
    store: Store, ex: str, request: pytest.FixtureRequest
) -> None:
    g = ex + "doc/b/graph"
    versions = {m: _doc(ex, "b", 300 if m == "v1" else 150, m) for m in ("v1", "v2")}
    store.replace_graph(g, versions["v1"])
    seen: list[tuple[str, int]] = []
    stop = threading.Event()

    def read() -> None:
        query = (
            "SELECT ?g ?version (COUNT(?t) AS ?n) WHERE { GRAPH ?g {"
            " ?d <http://example.org/version> ?version . ?t <http://example.org/partOf> ?d }"
            " } GROUP BY ?g ?version"
        )
        while not stop.is_set():
            rows = store.select(query, bindings={"g": ox.NamedNode(g)})
            for row in rows:
                seen.append((row["version"].value, int(row["n"].value)))
            if len(rows) != 1:
                seen.append(("rows", len(rows)))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(8):
            store.replace_graph(g, versions["v2" if i % 2 == 0 else "v1"])
    finally:
        stop.set()
        reader.join()
    assert seen
    allowed = {("v1", 300), ("v2", 150)}
    if request.node.callspec.params["store"] == "virtuoso":
        # Known deviation (docs/deployment.md): once the server holds more data, a reader
        # of Virtuoso 7 sometimes gets an empty answer during a replacement. Never a mix.
        allowed.add(("rows", 0))
    assert set(seen) <= allowed, sorted(set(seen))[:10]


def test_graphs_has_graph_and_drop_graph(store: Store, ex: str) -> None:
    assert store.is_empty()
    names = [ex + f"doc/{c}/graph" for c in "cab"]
    for name in names:
        store.replace_graph(name, _doc(ex, name[-7], 3))
    assert store.graphs() == sorted(names)
    assert store.has_graph(names[0])
    assert not store.is_empty()
    assert store.drop_graph(names[0]) is True
    assert store.drop_graph(names[0]) is False
    assert not store.has_graph(names[0])
    assert store.graphs() == sorted(names[1:])
    assert store.replace_graph(names[1], []) == 0
    assert store.graphs() == [names[2]]


def test_replace_graphs_writes_several_at_once(store: Store, ex: str) -> None:
    a, b = ex + "graph/ontology", ex + "graph/reference"
    store.replace_graphs({a: _doc(ex, "o", 4), b: _doc(ex, "r", 2)})
    store.replace_graphs({a: _doc(ex, "o", 1), b: _doc(ex, "r", 2)})
    assert store.graphs() == [a, b]
    assert len(store) == len(_doc(ex, "o", 1)) + len(_doc(ex, "r", 2))


def test_select_binds_iris_and_literals_safely(store: Store, ex: str) -> None:
    g = ex + "doc/d/graph"
    label = ox.NamedNode("http://example.org/label")
    triples = [
        ox.Triple(_iri(ex, "d1"), label, ox.Literal(NASTY, language="vi")),
        ox.Triple(_iri(ex, "d2"), label, ox.Literal("other", language="vi")),
        ox.Triple(_iri(ex, "d3"), label, ox.Literal(NASTY)),
    ]
    store.replace_graph(g, triples)
    query = "SELECT ?g ?doc ?text WHERE { GRAPH ?g { ?doc <http://example.org/label> ?text } }"
    rows = store.select(
        query, bindings={"g": ox.NamedNode(g), "text": ox.Literal(NASTY, language="vi")}
    )
    assert [r["doc"] for r in rows] == [_iri(ex, "d1")]
    assert rows[0]["text"] == ox.Literal(NASTY, language="vi")
    rows = store.select(query, bindings={"g": ox.NamedNode(g), "doc": _iri(ex, "d3")})
    assert [r["text"] for r in rows] == [ox.Literal(NASTY)]
    assert len(store) == 3  # nothing was executed from the bound text


def test_bound_values_are_seen_by_filters_in_the_group(store: Store, ex: str) -> None:
    store.replace_graph(ex + "doc/e/graph", _doc(ex, "e", 10))
    query = (
        "SELECT ?g ?task ?min WHERE { GRAPH ?g { ?task <http://example.org/rank> ?r }"
        " FILTER(?r >= ?min) } ORDER BY ?task"
    )
    bindings: dict[str, Term] = {
        "g": ox.NamedNode(ex + "doc/e/graph"),
        "min": ox.Literal("8", datatype=XSD_INTEGER),
    }
    rows = store.select(query, bindings=bindings)
    assert [r["task"] for r in rows] == [_iri(ex, "e/task/8"), _iri(ex, "e/task/9")]


def test_ask_and_construct(store: Store, ex: str) -> None:
    g = ex + "doc/f/graph"
    store.replace_graph(g, _doc(ex, "f", 3))
    assert store.ask("ASK { ?t ?p ?d }", bindings={"d": _iri(ex, "f"), "p": PART_OF})
    assert not store.ask("ASK { ?t ?p ?d }", bindings={"d": _iri(ex, "zzz"), "p": PART_OF})
    triples = store.construct(
        "CONSTRUCT { ?t <http://example.org/in> ?g } WHERE { GRAPH ?g { ?t ?p ?d } }",
        bindings={"g": ox.NamedNode(g), "p": PART_OF},
    )
    assert {str(t.subject) for t in triples} == {f"<{ex}f/task/{i}>" for i in range(3)}
    assert {t.object for t in triples} == {ox.NamedNode(g)}


def test_query_returns_pyoxigraph_objects(store: Store, ex: str) -> None:
    store.replace_graph(ex + "doc/g/graph", _doc(ex, "g", 2))
    assert isinstance(store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), ox.QuerySolutions)
    assert isinstance(store.query("ASK { ?s ?p ?o }"), ox.QueryBoolean)
    result = store.query("CONSTRUCT WHERE { ?s ?p ?o }", bindings={"s": _iri(ex, "g")})
    assert isinstance(result, ox.QueryTriples)
    assert [str(t.object) for t in result] == ['"v1"']


def test_dump_nquads_round_trips(store: Store, ex: str) -> None:
    store.replace_graph(ex + "doc/h/graph", _doc(ex, "h", 3))
    store.replace_graph(ex + "doc/i/graph", _doc(ex, "i", 2))
    dumped = {str(q) for q in ox.parse(store.dump_nquads(), format=ox.RdfFormat.N_QUADS)}
    assert len(dumped) == len(store) == len(_doc(ex, "h", 3)) + len(_doc(ex, "i", 2))


def test_bad_query_is_a_query_error(store: Store, ex: str) -> None:
    with pytest.raises(QueryError):
        store.select("SELECT ?x WHERE { ?x ?y }")


# --- remote only ----------------------------------------------------------------------------
def test_load_nquads_streams_one_graph_per_request(oxigraph_server: SparqlServer, ex: str) -> None:
    prefix = ex
    source = EmbeddedStore()
    for name in "jkl":
        source.replace_graph(prefix + name, _doc(ex, name, 4))
    with oxigraph_server.store(graph_prefix=prefix) as remote:
        written = remote.load_nquads(source.dump_nquads())
        assert written == {prefix + n: len(_doc(ex, n, 4)) for n in "jkl"}
        assert remote.graphs() == source.graphs()
        remote.check()


def test_check_detects_a_default_graph_that_is_not_the_union(tmp_path: Path, ex: str) -> None:
    server = OxigraphServer(tmp_path, union_default_graph=False)
    with server, server.store(graph_prefix=ex) as remote:
        remote.check()  # an empty store has nothing to contradict
        remote.replace_graph(ex + "doc/m/graph", _doc(ex, "m", 1))
        with pytest.raises(StoreError, match="not the union of its named graphs"):
            remote.check()


def test_read_only_store_refuses_writes(oxigraph_server: SparqlServer, ex: str) -> None:
    with (
        RemoteStore(oxigraph_server.query_url) as remote,
        pytest.raises(StoreError, match="read-only"),
    ):
        remote.replace_graph(ex + "x", _doc(ex, "x", 1))


def test_unreachable_endpoint_is_a_clear_error_after_bounded_retries() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/sparql"
    remote = RemoteStore(url, retry=RetryPolicy(attempts=3, backoff=0.05))
    started = time.monotonic()
    with pytest.raises(StoreError, match=f"endpoint {url} is unavailable after 3 attempts"):
        remote.ask("ASK {}")
    assert time.monotonic() - started < 2


def test_a_silent_endpoint_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        remote = RemoteStore(url, timeout=1, retry=RetryPolicy(attempts=1))
        with pytest.raises(StoreError, match="did not answer within 1s"):
            remote.ask("ASK {}")


@contextlib.contextmanager
def scripted_endpoint(answers: list[tuple[int, str, bytes]], requests: list[str]) -> Iterator[str]:
    """A SPARQL endpoint on a loopback port answering each POST with the next of ``answers``
    (status, content type, body) and keeping the request bodies in ``requests``."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            requests.append(self.rfile.read(length).decode())
            status, media_type, body = answers.pop(0)
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql"
        finally:
            httpd.shutdown()


def test_503_is_retried_then_answered() -> None:
    json = "application/sparql-results+json"
    answers = [
        (503, json, b"busy"),
        (502, json, b"busy"),
        (200, json, b'{"head": {}, "boolean": true}'),
    ]
    requests: list[str] = []
    with scripted_endpoint(answers, requests) as url:
        remote = RemoteStore(url, retry=RetryPolicy(attempts=4, backoff=0.01), token="t0k")
        assert remote.ask("ASK {}") is True
    assert len(requests) == 3 and not answers


@pytest.mark.parametrize(
    ("first", "retried"),
    [
        (b"Virtuoso 40001 Error SR172: Transaction deadlocked", True),
        (b"Virtuoso 37000 Error SP030: SPARQL compiler: syntax error", False),
    ],
)
def test_a_deadlock_victim_is_run_again_other_server_errors_are_not(
    first: bytes, retried: bool
) -> None:
    answers = [(500, "text/plain", first), (200, "text/plain", b"")]
    requests: list[str] = []
    with scripted_endpoint(answers, requests) as url:
        remote = RemoteStore(url, update_url=url, retry=RetryPolicy(attempts=3, backoff=0.01))
        if retried:
            remote.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        else:
            with pytest.raises(StoreError, match="SP030"):
                remote.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert len(requests) == (2 if retried else 1)


@pytest.mark.parametrize("server_name", ["oxigraph", "virtuoso"])
def test_killing_the_server_mid_ingest_leaves_each_document_whole_or_absent(
    server_name: str, request: pytest.FixtureRequest, ex: str
) -> None:
    server: SparqlServer = request.getfixturevalue(f"{server_name}_server")
    prefix = ex
    docs = {prefix + f"doc/{i}/graph": _doc(ex, f"k{i}", 1500) for i in range(40)}
    written: list[str] = []
    errors: list[StoreError] = []

    def ingest() -> None:
        with server.store(graph_prefix=prefix) as remote:
            for graph, triples in docs.items():
                try:
                    remote.replace_graph(graph, triples)
                except StoreError as exc:
                    errors.append(exc)
                    return
                written.append(graph)

    worker = threading.Thread(target=ingest)
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while len(written) < 3 and worker.is_alive() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.02)
        server.kill()
        worker.join(timeout=30)
    finally:
        if server.process is not None and server.process.poll() is not None:
            server.restart()
    assert errors, "the ingest should have failed when the server died"
    assert f"{server.base}/" in str(errors[0]) and "unavailable" in str(errors[0])
    with server.store(graph_prefix=prefix) as remote:
        present = set(remote.graphs())
        for graph, triples in docs.items():
            if graph in present:
                assert set(map(str, remote.graph_triples(graph))) == set(map(str, triples))
    assert set(written) <= present
    assert 3 <= len(present) < len(docs)


# --- the VALUES injection, unit by unit ------------------------------------------------------
def _values(query: str) -> str:
    return with_values(query, {"x": ox.Literal("{ # }")})


def test_values_go_first_in_the_where_group() -> None:
    q = "PREFIX e: <http://e/{}>  # {\nSELECT ?x WHERE { ?x e:p '}' }"
    assert _values(q) == (
        "PREFIX e: <http://e/{}>  # {\nSELECT ?x WHERE { VALUES (?x) { (\"{ # }\") }  ?x e:p '}' }"
    )


def test_values_skip_the_construct_template() -> None:
    out = _values("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }")
    assert out.endswith('WHERE { VALUES (?x) { ("{ # }") }  ?x ?p ?o }')


def test_values_wrap_a_sub_select_group_and_bind_inside_it() -> None:
    out = _values("SELECT ?x WHERE { SELECT ?x WHERE { ?x ?p ?o } }")
    v = 'VALUES (?x) { ("{ # }") }'
    assert out == f"SELECT ?x WHERE {{ {v} {{ SELECT ?x WHERE {{ {v}  ?x ?p ?o }} }} }}"


def test_values_go_into_sub_selects_that_use_the_variable() -> None:
    q = (
        "SELECT * WHERE { ?s ?p ?o { SELECT ?o WHERE { ?o ?q $x } } { ?a ?b ?x }"
        " UNION { FILTER(?o = $x) } VALUES ?z { 1 } }"
    )
    v = 'VALUES (?x) { ("{ # }") }'
    assert with_values(q, {"x": ox.Literal("{ # }")}) == (
        f"SELECT * WHERE {{ {v}  ?s ?p ?o {{ SELECT ?o WHERE {{ {v}  ?o ?q $x }} }}"
        " { ?a ?b ?x } UNION { FILTER(?o = $x) } VALUES ?z { 1 } }"
    )


@pytest.mark.parametrize("engine", ["embedded", "oxigraph", "virtuoso"])
def test_bound_values_reach_sub_selects(
    engine: str, request: pytest.FixtureRequest, ex: str
) -> None:
    """As with pyoxigraph's substitutions, a bound variable is bound inside a sub-SELECT
    (where an outer VALUES alone would not reach its FILTER)."""
    if engine == "embedded":
        _check_sub_select_binding(EmbeddedStore(), ex)
    else:
        server: SparqlServer = request.getfixturevalue(f"{engine}_server")
        with server.store(graph_prefix=ex) as remote:
            _check_sub_select_binding(remote, ex)


def _check_sub_select_binding(store: Store, ex: str) -> None:
    rank = _iri(ex, "rank")  # the test's own predicate: the servers are shared
    g = ex + "doc/sub/graph"
    store.replace_graph(
        g,
        [
            ox.Triple(_iri(ex, f"t{i}"), rank, ox.Literal(str(i), datatype=XSD_INTEGER))
            for i in range(5)
        ],
    )
    query = (
        "SELECT ?min ?rank ?n ?task WHERE {"
        " { SELECT ?min (COUNT(?t) AS ?n) WHERE { ?t ?rank ?r FILTER(?r >= ?min) } GROUP BY ?min }"
        " ?task ?rank ?r FILTER(?r >= ?min)"
        "} ORDER BY ?task"
    )
    two = ox.Literal("2", datatype=XSD_INTEGER)
    rows = store.select(query, bindings={"min": two, "rank": rank})
    got = [(r["n"].value, r["task"].value.rsplit("/", 1)[1]) for r in rows]
    assert got == [("3", "t2"), ("3", "t3"), ("3", "t4")]


def test_values_give_construct_where_its_template() -> None:
    out = _values("CONSTRUCT FROM <http://g> WHERE { ?x ?p ?o }")
    assert out == (
        'CONSTRUCT { ?x ?p ?o } FROM <http://g> WHERE { VALUES (?x) { ("{ # }") }  ?x ?p ?o }'
    )


def test_values_trail_a_describe_without_where() -> None:
    query = "DESCRIBE ?x  # no where"
    assert _values(query) == query + '\nVALUES (?x) { ("{ # }") }\n'


def test_blank_nodes_and_bad_names_cannot_be_bound() -> None:
    with pytest.raises(QueryError):
        with_values("SELECT * {}", {"x": ox.BlankNode()})
    with pytest.raises(QueryError):
        with_values("SELECT * {}", {"x) {} DROP ALL": ox.Literal("1")})


def test_query_form() -> None:
    assert query_form("BASE <http://x/> PREFIX a: <http://a/select#> ask {}") == "ASK"
    assert query_form("# SELECT\nDROP SILENT GRAPH <http://g>") == "DROP"
    assert query_form("FOO") is None


def test_open_store_picks_the_backend(tmp_path: Path) -> None:
    assert isinstance(open_store(data_dir=tmp_path / "db"), EmbeddedStore)
    remote = open_store(
        sparql_query_url="http://127.0.0.1:1/q", graph_prefix="https://w3id.org/policykg/"
    )
    assert isinstance(remote, RemoteStore) and remote.update_url is None
    assert isinstance(remote, Store) and isinstance(EmbeddedStore(), Store)
    with pytest.raises(StoreError):
        open_store(sparql_update_url="http://127.0.0.1:1/u")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_retried_query_in_a_thread_leaves_nothing_to_drop_elsewhere(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """pyoxigraph's query results may only be dropped on the thread that made them: the
    warning logged for a retry must not keep the reader's frames (and its result) alive."""
    json = "application/sparql-results+json"
    answer = (
        b'{"head": {"vars": ["x"]},'
        b' "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}'
    )
    answers = [(503, json, b"busy"), (200, json, answer)]
    rows: list[list[dict[str, Term]]] = []
    with scripted_endpoint(answers, []) as url, caplog.at_level("WARNING"):
        remote = RemoteStore(url, retry=RetryPolicy(attempts=2, backoff=0.01))
        reader = threading.Thread(target=lambda: rows.append(remote.select("SELECT ?x {}")))
        reader.start()
        reader.join()
        assert [r["x"].value for r in rows[0]] == ["1"]
        assert "retrying" in caplog.text
        caplog.clear()  # the records go on this thread: nothing of the reader's may go too
        gc.collect()
