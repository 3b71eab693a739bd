"""The whole HTTP app over each store backend: pages, linked data, VoID and /sparql answer
alike on the embedded store, Oxigraph server and Virtuoso (the lookups have their own
suite, tests/test_api_lookups.py)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from conftest import LiveServer
from fastapi.testclient import TestClient

pytestmark = pytest.mark.backends

TQ = "tuyen-quang/2022/kh/60-kh-ubnd"
QUERY = (
    "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
    "SELECT DISTINCT ?n WHERE { ?d eli:number ?n } ORDER BY ?n"
)

#: Answers of the embedded backend, compared with the others' (the backends run in order).
ANSWERS: dict[str, Any] = {}


def _same_as_embedded(backend: str, key: str, value: Any) -> None:
    if backend == "embedded":
        ANSWERS[key] = value
    elif key in ANSWERS:
        assert value == ANSWERS[key], key


def test_pages_and_linked_data(client: TestClient, backend: str) -> None:
    for url in ["/", f"/documents/{TQ}/page", "/network", "/health"]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
    r = client.get(f"/data/eli/vn/{TQ}", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200, r.text[:300]
    triples = sorted(set(r.text.splitlines()))
    assert triples
    _same_as_embedded(backend, "resource", triples)


def test_void_counts(client: TestClient, backend: str) -> None:
    r = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200, r.text[:300]
    counts = sorted(line for line in r.text.splitlines() if "void#triples" in line)
    assert counts
    _same_as_embedded(backend, "void", counts)


def test_sparql_select_on_the_store(live_server: LiveServer, backend: str) -> None:
    client = httpx.Client(base_url=live_server.url, timeout=30)
    r = client.post(
        "/sparql", data={"query": QUERY}, headers={"Accept": "application/sparql-results+json"}
    )
    assert r.status_code == 200, r.text[:300]
    rows = [b["n"]["value"] for b in r.json()["results"]["bindings"]]
    assert "1322/QĐ-TTg" in rows
    _same_as_embedded(backend, "sparql", rows)
    bad = client.post("/sparql", data={"query": "SELEC nothing"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "query_syntax"
    capped = client.post("/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
    assert capped.status_code == 200 and len(capped.json()["results"]["bindings"]) == 5
    client.close()
