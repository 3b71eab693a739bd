"""The dataset description at /.well-known/void."""

from __future__ import annotations

import rdflib
from fastapi.testclient import TestClient

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")


def test_void_counts_documents_and_triples(client: TestClient) -> None:
    response = client.get("/.well-known/void")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=response.text, format="turtle")
    [ds] = list(g.subjects(rdflib.RDF.type, VOID.Dataset))
    assert int(g.value(ds, VOID.documents)) == 5
    assert int(g.value(ds, VOID.triples)) > 1000
    assert str(g.value(ds, VOID.sparqlEndpoint)).endswith("/sparql")
    entities = {
        str(g.value(p, VOID["class"])).rsplit("#", 1)[1]: int(g.value(p, VOID.entities))
        for p in g.objects(ds, VOID.classPartition)
    }
    assert entities["Task"] > 10 and entities["Target"] >= 42 and entities["ReportingDuty"] == 10


def test_void_as_json_ld(client: TestClient) -> None:
    response = client.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    nodes = response.json()
    nodes = nodes if isinstance(nodes, list) else nodes.get("@graph", [nodes])
    types = []
    for node in nodes:
        value = node.get("@type", [])
        types += value if isinstance(value, list) else [value]
        types += [t["@id"] for t in node.get(str(rdflib.RDF.type), [])]
    assert str(VOID.Dataset) in types
