"""Every minted IRI dereferences on a live server: 303, then HTML, Turtle, JSON-LD, N-Triples."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
from conftest import LiveServer

from policykg.api.linked_data import Describer, render_html
from policykg.graph.store import EmbeddedStore
from policykg.ontology.iri import DEFAULT_BASE, IriMinter

TQ = "eli/vn/tuyen-quang/2022/kh/60-kh-ubnd"


@pytest.fixture(scope="module")
def http(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=30) as c:
        yield c


def _minted(store: EmbeddedStore) -> list[str]:
    """One IRI of each kind the minter makes (document, part, graph, agency, ...)."""
    subjects = sorted(
        {q.subject.value for q in store.quads() if isinstance(q.subject, ox.NamedNode)}
    )
    picks = []
    for marker in (
        "/eli/vn/",
        "/task/",
        "/target/",
        "/duty/",
        "/citation/",
        "/agency/",
        "/province/",
        "/code/",
        "/event/",
    ):
        picks.append(next(s for s in subjects if s.startswith(DEFAULT_BASE) and marker in s))
    return [
        *picks,
        DEFAULT_BASE + TQ + "/graph",
        DEFAULT_BASE + "graph/ontology",
        DEFAULT_BASE + "ontology",
    ]


def test_every_kind_of_minted_iri_dereferences(
    http: httpx.Client, corpus_store: EmbeddedStore
) -> None:
    for iri in _minted(corpus_store):
        path = "/" + iri[len(DEFAULT_BASE) :]
        r = http.get(path, follow_redirects=False)
        assert r.status_code == 303, (iri, r.status_code)
        assert r.headers["location"] == "/data" + path
        doc = http.get(r.headers["location"], headers={"Accept": "application/n-triples"})
        assert doc.status_code == 200, iri
        triples = list(ox.parse(doc.content, format=ox.RdfFormat.N_TRIPLES))
        assert triples, iri


def test_describe_has_subject_triples_and_labels_of_linked_objects(http: httpx.Client) -> None:
    r = http.get(f"/data/{TQ}", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert "Accept" in r.headers["vary"]
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    me = ox.NamedNode(DEFAULT_BASE + TQ)
    own = {(t.predicate.value, t.object) for t in triples if t.subject == me}
    eli = "http://data.europa.eu/eli/ontology#"
    assert (eli + "number", ox.Literal("60/KH-UBND")) in own
    q1322 = ox.NamedNode(DEFAULT_BASE + "eli/vn/ttg/2020/qd/1322-qd-ttg")
    assert (eli + "ensures_implementation_of", q1322) in own
    # the linked decision comes with its number, not with its own links
    about_1322 = {t.predicate.value for t in triples if t.subject == q1322}
    assert eli + "number" in about_1322 and eli + "passed_by" not in about_1322


def test_content_negotiation(http: httpx.Client) -> None:
    url = f"/data/{TQ}"
    html = http.get(url, headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"})
    assert html.headers["content-type"].startswith("text/html")
    assert "<h1>" in html.text and 'href="/data/' in html.text
    assert 'href="/eli/vn/ttg/2020/qd/1322-qd-ttg"' in html.text  # links stay in the app
    jsonld = http.get(url, headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    ids = {node["@id"] for node in json.loads(jsonld.text)}
    assert DEFAULT_BASE + TQ in ids
    nt = http.get(url, params={"format": "nt"})
    assert nt.headers["content-type"].startswith("application/n-triples")
    assert http.get(url).headers["content-type"].startswith("text/turtle")  # default
    refused = http.get(url, headers={"Accept": "image/png"})
    assert refused.status_code == 406 and refused.json()["error"]["code"] == "not_acceptable"


def test_html_is_escaped() -> None:
    store = EmbeddedStore()
    node = ox.NamedNode(DEFAULT_BASE + "code/test/escape")
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    evil = '<script>alert("x")</script> & co'
    link = ox.NamedNode("https://example.org/a?b=1&c='x'")
    store.replace_graph(
        DEFAULT_BASE + "graph/test",
        [ox.Triple(node, label, ox.Literal(evil)), ox.Triple(node, label, link)],
    )
    d = Describer(store, IriMinter())
    page = render_html(node.value, d.describe(node.value), d, "")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in page
    assert 'href="https://example.org/a?b=1&amp;c=&#x27;x&#x27;"' in page


@pytest.mark.parametrize(
    "path",
    [
        "/eli/vn/nowhere/2099/kh/0",
        "/agency/none/none",
        "/data/eli/vn/x",
        "/data/other/thing",
        "/province/atlantis",
        "/code/theme/nothing",
    ],
)
def test_unknown_identifiers_are_404_in_the_error_shape(http: httpx.Client, path: str) -> None:
    r = http.get(path, follow_redirects=False)
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


def test_ontology_serves_the_vocabulary(http: httpx.Client) -> None:
    r = http.get("/ontology", follow_redirects=True, headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    subjects = {t.subject.value for t in ox.parse(r.content, format=ox.RdfFormat.TURTLE)}
    assert DEFAULT_BASE + "ontology" in subjects
    assert "https://w3id.org/policykg/ontology#Task" in subjects
