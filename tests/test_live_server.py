"""A real server on a loopback port, queried with SPARQLWrapper, a real SPARQL client."""

from __future__ import annotations

import httpx
import pytest
import rdflib
from conftest import LiveServer
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

TUYEN_QUANG_IMPLEMENTS = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT DISTINCT ?number WHERE {
  ?plan eli:number "60/KH-UBND" ;
        eli:ensures_implementation_of ?decision .
  ?decision eli:number ?number .
}
"""


def test_select_json_answers_which_decisions_tuyen_quang_implements(
    live_server: LiveServer,
) -> None:
    sparql = SPARQLWrapper(live_server.url + "/sparql")
    sparql.setQuery(TUYEN_QUANG_IMPLEMENTS)
    sparql.setReturnFormat(JSON)
    result = sparql.queryAndConvert()
    assert isinstance(result, dict)
    numbers = {b["number"]["value"] for b in result["results"]["bindings"]}
    assert "1322/QĐ-TTg" in numbers


def test_ask(live_server: LiveServer) -> None:
    sparql = SPARQLWrapper(live_server.url + "/sparql")
    sparql.setQuery(
        'PREFIX eli: <http://data.europa.eu/eli/ontology#> ASK { ?d eli:number "683/KH-UBND" }'
    )
    sparql.setReturnFormat(JSON)
    assert sparql.queryAndConvert()["boolean"] is True  # type: ignore[index]


def test_construct_turtle(live_server: LiveServer) -> None:
    sparql = SPARQLWrapper(live_server.url + "/sparql")
    sparql.setQuery(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
        "CONSTRUCT { ?d eli:number ?n } WHERE { ?d eli:number ?n }"
    )
    sparql.setReturnFormat(TURTLE)
    data = sparql.queryAndConvert()
    graph = rdflib.Graph().parse(data=data, format="turtle")
    numbers = {str(o) for o in graph.objects()}
    assert "1322/QĐ-TTg" in numbers and "60/KH-UBND" in numbers


def test_update_is_refused(live_server: LiveServer) -> None:
    sparql = SPARQLWrapper(live_server.url + "/sparql")
    sparql.setMethod(POST)
    sparql.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }")
    with pytest.raises(Exception):  # noqa: B017 - SPARQLWrapper raises per status class
        sparql.query()
    response = httpx.post(
        live_server.url + "/sparql",
        data={"update": "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }"},
    )
    assert 400 <= response.status_code < 500
    assert response.json()["error"]["code"]
    ask = httpx.get(
        live_server.url + "/sparql",
        params={"query": "ASK { <http://example.org/a> ?p ?o }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert ask.json()["boolean"] is False


def test_health_and_docs(live_server: LiveServer) -> None:
    health = httpx.get(live_server.url + "/health").json()
    assert health == {"status": "ok", "graphs": 7}  # 5 plans, ontology, reference
    assert httpx.get(live_server.url + "/docs").status_code == 200
    assert "/sparql" in httpx.get(live_server.url + "/openapi.json").json()["paths"]
