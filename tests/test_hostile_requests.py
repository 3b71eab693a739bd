"""Hostile requests against a live server: SPARQL abuse, injection in every lookup parameter,
path traversal, oversized and malformed bodies, markup in plan text, token handling."""

from __future__ import annotations

import concurrent.futures
import logging
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from conftest import LiveServer

from policykg import bundled_corpus
from policykg.api.app import create_app
from policykg.api.settings import Settings
from policykg.graph.dataset import load_vocabulary
from policykg.graph.store import EmbeddedStore
from policykg.load.documents import ingest_file, ingest_paths
from policykg.ontology.iri import IriMinter

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "tok-9f1c2e7d5b-SECRET"
TIMEOUT = 2.0
MAX_RESULTS = 50
SCRIPT = "<script>alert('x')</script>"
QUOTES = '" onmouseover="alert(1)" x=\''
PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 77/KH-UBND\nNghệ An, ngày 3 tháng 2 năm 2021\n\n"
    f"KẾ HOẠCH\nThực hiện Quyết định số 100/QĐ-TTg {SCRIPT} {QUOTES}\n\n"
    "I. NHIỆM VỤ\n"
    f"1. Sở Tài chính chủ trì {SCRIPT} xây dựng {QUOTES} kế hoạch, hoàn thành năm 2022.\n"
    f"2. Sở Khoa học và Công nghệ báo cáo {QUOTES} trước ngày 15/12 hằng năm.\n"
)
INJECTIONS = ['" } ; DROP ALL ; #', "> } ", "'><script>alert(1)</script>", "../../etc/passwd"]
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PATH_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s (<urn:p>|!<urn:p>)* ?o }"


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    minter = IriMinter()
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    assert all(r.ok for r in ingest_paths(store, [bundled_corpus()], minter))
    plan = tmp_path_factory.mktemp("plan") / "markup.txt"
    plan.write_text(PLAN, "utf-8")
    report = ingest_file(store, plan, minter)
    assert report.ok, report.error
    return store


@pytest.fixture(scope="module")
def server(hostile_store: EmbeddedStore) -> Iterator[LiveServer]:
    settings = Settings(
        query_timeout=TIMEOUT,
        max_results=MAX_RESULTS,
        write_token=TOKEN,
        max_request_bytes=100_000,
        max_upload_bytes=1_000_000,
    )
    with LiveServer(create_app(hostile_store, settings)) as live:
        yield live


@pytest.fixture(scope="module")
def http(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def schema(http: httpx.Client) -> dict[str, Any]:
    answer: dict[str, Any] = http.get("/openapi.json").json()
    return answer


# --- SPARQL ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "update", ["DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"]
)
def test_updates_are_refused_without_the_token(
    http: httpx.Client, hostile_store: EmbeddedStore, update: str
) -> None:
    before = hostile_store.dump_nquads()
    for response in (
        http.post("/sparql", data={"update": update}),
        http.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"}),
        http.post(
            "/sparql",
            content=update,
            headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer x"},
        ),
        http.get("/sparql", params={"update": update}),
        http.get("/sparql", params={"query": update}),
    ):
        assert response.status_code in (400, 401, 403, 405), response.text
    assert hostile_store.dump_nquads() == before


@pytest.mark.parametrize("query", [CARTESIAN, PATH_QUERY])
def test_runaway_queries_are_stopped_at_the_time_limit(http: httpx.Client, query: str) -> None:
    started = time.monotonic()
    response = http.get("/sparql", params={"query": query})
    elapsed = time.monotonic() - started
    assert response.status_code in ((504,) if query == CARTESIAN else (200, 504)), response.text
    if response.status_code == 504:
        assert response.json()["error"]["code"] == "timeout"
    assert elapsed < TIMEOUT + 5
    # the server still answers at once
    assert http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_huge_results_are_capped(http: httpx.Client) -> None:
    response = http.get(
        "/sparql",
        params={"query": "SELECT * WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == MAX_RESULTS
    assert response.headers["X-SPARQL-Truncated"] == "true"
    construct = http.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert construct.headers["X-SPARQL-Result-Count"] == str(MAX_RESULTS)


def test_a_flood_of_expensive_queries_does_not_starve_a_cheap_one(http: httpx.Client) -> None:
    """200 concurrent runaway queries; a cheap query from another client still answers
    (200 or a prompt 503 'busy' with Retry-After, never a hang) and the server recovers."""
    url = str(http.base_url) + "/sparql"

    def expensive(_: int) -> int:
        with httpx.Client(timeout=120) as c:
            return c.get(url, params={"query": CARTESIAN}).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        flood = [pool.submit(expensive, i) for i in range(200)]
        time.sleep(1.0)
        started = time.monotonic()
        with httpx.Client(timeout=60) as other:
            cheap = other.get(url, params={"query": "ASK { ?s ?p ?o }"})
        cheap_seconds = time.monotonic() - started
        codes = [f.result() for f in flood]
    assert set(codes) <= {503, 504}, set(codes)
    assert cheap.status_code in (200, 503)
    assert cheap_seconds < 2 * TIMEOUT + 5
    if cheap.status_code == 503:
        assert cheap.headers.get("Retry-After")
    # after the flood the cheap query answers promptly
    started = time.monotonic()
    assert http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    assert time.monotonic() - started < 5


# --- REST -------------------------------------------------------------------------------


def _string_params(schema: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(path template, parameter name, in) for every string parameter of every GET."""
    out = []
    for path, ops in schema["paths"].items():
        op = ops.get("get")
        if op is None:
            continue
        for p in op.get("parameters", []):
            s = p.get("schema", {})
            types = {s.get("type")} | {a.get("type") for a in s.get("anyOf", [])}
            if "string" in types and "enum" not in s:
                out.append((path, p["name"], p["in"]))
    return out


def _fill(path: str, name: str, value: str) -> str:
    def sub(m: re.Match[str]) -> str:
        if m.group(1) == name:
            return quote(value, safe="")
        return "x"

    return re.sub(r"\{([^}:]+)(?::path)?\}", sub, path)


def test_sparql_injection_in_every_string_parameter(
    http: httpx.Client, schema: dict[str, Any], hostile_store: EmbeddedStore
) -> None:
    params = _string_params(schema)
    assert len(params) > 15, params
    before = hostile_store.dump_nquads()
    failures = []
    for path, name, where in params:
        if path == "/sparql":
            continue  # a query by design; covered above
        for payload in INJECTIONS:
            if where == "path":
                response = http.get(_fill(path, name, payload))
            else:
                response = http.get(_fill(path, "", ""), params={name: payload})
            if response.status_code >= 500 or "SPARQL syntax" in response.text:
                failures.append((path, name, payload, response.status_code, response.text[:200]))
            if response.headers.get("content-type", "").startswith("text/html"):
                assert "<script>alert(1)" not in response.text
    assert not failures, failures
    assert hostile_store.dump_nquads() == before


@pytest.mark.parametrize(
    "path",
    [
        "/static/yasgui/../../settings.py",
        "/static/yasgui/..%2F..%2Fsettings.py",
        "/static/yasgui/%2e%2e%2f%2e%2e%2fsettings.py",
        "/static/yasgui/%252e%252e%252fsettings.py",
        "/static/yasgui/....//....//settings.py",
        "/data/eli/..%2F..%2F..%2Fetc%2Fpasswd",
        "/data/%2e%2e/%2e%2e/etc/passwd",
        "/eli/../../../../etc/passwd",
        "/documents/..%2F..%2F/x/y/z",
        "/documents/%2e%2e/%2e%2e/kh/x",
        "/agencies/..%5C..%5C/x",
        "/data/eli%00/x",
    ],
)
def test_path_traversal_is_refused(http: httpx.Client, path: str) -> None:
    response = http.get(path)
    assert response.status_code in (400, 404, 405, 422), (path, response.status_code)
    assert "root:" not in response.text and "write_token" not in response.text


def _raw_status(http: httpx.Client, request_line: bytes) -> int | None:
    """Status of a raw HTTP/1.1 request (None if the server just closes the connection)."""
    host, port = http.base_url.host, http.base_url.port or 80
    with socket.create_connection((host, port), timeout=10) as sock:
        try:
            sock.sendall(request_line + b"\r\nHost: x\r\nConnection: close\r\n\r\n")
            head = sock.recv(64)
        except OSError:
            return None
    m = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    return int(m.group(1)) if m else None


def test_oversized_bodies_and_uploads_get_413(http: httpx.Client) -> None:
    big = "ASK { ?s ?p ?o } #" + "x" * 200_000
    direct = http.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert direct.status_code == 413
    assert http.post("/sparql", data={"query": big}).status_code == 413
    assert _raw_status(http, b"GET /sparql?query=" + b"x" * 200_000 + b" HTTP/1.1") in (
        None,
        400,
        413,
        414,
        431,
    )

    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked transfer
        for _ in range(30):
            yield b"x" * 10_000

    chunked = http.post(
        "/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"}
    )
    assert chunked.status_code == 413
    auth = {"Authorization": f"Bearer {TOKEN}"}
    upload = http.post(
        "/documents",
        content=b"a" * 1_500_000,
        headers={**auth, "Content-Type": "text/plain; charset=utf-8"},
    )
    assert upload.status_code == 413
    multipart = http.post(
        "/documents", files={"file": ("big.txt", b"a" * 1_500_000, "text/plain")}, headers=auth
    )
    assert multipart.status_code == 413

    def multipart_chunks() -> Iterator[bytes]:  # a multipart upload with no Content-Length
        yield (
            b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n"
        )
        for _ in range(200):  # 10 MB, ten times the upload limit
            yield b"a" * 50_000
        yield b"\r\n--b--\r\n"

    streamed = http.post(
        "/documents",
        content=multipart_chunks(),
        headers={**auth, "Content-Type": "multipart/form-data; boundary=b"},
    )
    assert streamed.status_code == 413
    assert streamed.json()["error"]["code"] == "too_large"


@pytest.mark.parametrize(
    "ctype",
    [
        "text/html",
        "application/json",
        "application/x-www-form-urlencoded; charset=latin1",
        "application/sparql-query; charset=utf-16",
        "a/b/c;;;==",
        "multipart/form-data",
        "",
    ],
)
def test_malformed_content_types(http: httpx.Client, ctype: str) -> None:
    headers = {"Content-Type": ctype} if ctype else {}
    response = http.post("/sparql", content=b"ASK { ?s ?p ?o }", headers=headers)
    assert response.status_code in (400, 415), (ctype, response.status_code)
    auth = {"Authorization": f"Bearer {TOKEN}", **headers}
    upload = http.post("/documents", content=b"\xff\xfe<<", headers=auth)
    assert 400 <= upload.status_code < 500, (ctype, upload.status_code, upload.text)


def test_binary_upload_is_refused_by_name_and_store_unchanged(
    http: httpx.Client, hostile_store: EmbeddedStore
) -> None:
    before = hostile_store.dump_nquads()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for name, data in [
        ("x.pdf", b"%PDF-1.4\n1 0 obj <<"),
        ("x.docx", b"PK\x03\x04" + b"\0" * 50),
        ("x.txt", bytes(range(256))),
        ("../../etc/passwd.txt", b"\n"),
    ]:
        response = http.post("/documents", files={"file": (name, data)}, headers=auth)
        assert response.status_code == 422, (name, response.text)
        assert Path(name).name in response.json()["error"]["message"]
        assert "/tmp" not in response.text
    assert hostile_store.dump_nquads() == before


# --- pages ------------------------------------------------------------------------------


def _html_pages(http: httpx.Client, schema: dict[str, Any], store: EmbeddedStore) -> list[str]:
    rows = store.select(
        "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'onmouseover')) }"
        " }"
    )
    subjects = sorted({str(r["s"].value) for r in rows})
    base = IriMinter().base
    pages = ["/sparql"] + [f"/data/{s[len(base) :]}" for s in subjects if s.startswith(base)]
    doc = [s for s in subjects if "/eli/" in s and s.count("/") == base.count("/") + 5]
    for path, ops in schema["paths"].items():
        if "get" not in ops or path in ("/sparql",):
            continue
        required = [p for p in ops["get"].get("parameters", []) if p.get("required")]
        if not required:
            pages.append(path)
        elif doc and path.startswith("/documents/{issuer}"):
            ident = doc[0][len(base) + len("eli/vn/") :].split("/")
            if len(ident) == 4:
                pages.append(
                    path.replace("{issuer}", ident[0])
                    .replace("{year}", ident[1])
                    .replace("{kind}", ident[2])
                    .replace("{local}", ident[3])
                )
    return pages


def test_markup_in_plan_text_is_shown_as_text_on_every_html_page(
    http: httpx.Client, schema: dict[str, Any], hostile_store: EmbeddedStore
) -> None:
    pages = _html_pages(http, schema, hostile_store)
    html_pages = 0
    escaped_seen = 0
    for page in pages:
        response = http.get(page, headers={"Accept": "text/html"}, follow_redirects=True)
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        html_pages += 1
        body = response.text
        assert SCRIPT not in body, page
        assert 'onmouseover="alert(1)"' not in body, page
        if "&lt;script&gt;" in body:
            escaped_seen += 1
    assert html_pages >= 2, pages
    assert escaped_seen >= 1, pages


# --- tokens -----------------------------------------------------------------------------


def test_tokens_are_compared_in_constant_time() -> None:
    sources = sorted((ROOT / "api").glob("*.py"))  # every module of the HTTP face
    text = "\n".join(p.read_text("utf-8") for p in sources)
    assert "hmac.compare_digest" in text
    assert not re.search(r"(token|_token)\s*[!=]=|[!=]=\s*(self\.)?_?token\b", text)


def test_the_token_is_never_logged(
    hostile_store: EmbeddedStore, caplog: pytest.LogCaptureFixture
) -> None:
    from fastapi.testclient import TestClient

    settings = Settings(write_token=TOKEN, query_timeout=5)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    caplog.set_level(logging.DEBUG)
    app = create_app(hostile_store, settings)
    with TestClient(app) as client:
        graph = "urn:x-test:scratch"
        ok = client.post(
            "/sparql",
            content=f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:a> <urn:b> 'c' }} }}",
            headers={**auth, "Content-Type": "application/sparql-update"},
        )
        assert ok.status_code == 204, ok.text
        client.post(
            "/sparql",
            content=f"DROP GRAPH <{graph}>",
            headers={**auth, "Content-Type": "application/sparql-update"},
        )
        wrong = client.post(
            "/sparql",
            content="DROP ALL",
            headers={
                "Authorization": f"Bearer {TOKEN}x",
                "Content-Type": "application/sparql-update",
            },
        )
        assert wrong.status_code == 401
        assert TOKEN not in wrong.text
        bad = client.post("/documents", files={"file": ("x.txt", b"\0\0")}, headers=auth)
        assert bad.status_code == 422
    assert caplog.records, "nothing was logged"
    assert TOKEN not in caplog.text
