"""Web pages at the HTTP level: status, content, links, exports and escaping of plan text.

The real-browser checks (rendering, clicks, console errors) are in ``test_browser.py``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from conftest import REPLACED_ID, REPLACING_DECISION, REPLACING_ID
from fastapi.testclient import TestClient

from policykg import bundled_corpus
from policykg.api.app import create_app
from policykg.api.pages import CSP, Fact, agency_mentions, highlight
from policykg.api.settings import Settings
from policykg.graph.dataset import load_vocabulary
from policykg.graph.store import EmbeddedStore
from policykg.ingest.rdf import document_triples
from policykg.ingest.record import Record
from policykg.load.documents import ingest_file
from policykg.ontology.iri import IriMinter

ROOT = Path(__file__).resolve().parent.parent
NGHE_AN = "nghe-an/2021/kh/683-kh-ubnd"
PAYLOAD_SCRIPT = '<script>alert("pwned")</script>'
PAYLOAD_ATTR = '" onmouseover="alert(1)'


class Page(HTMLParser):
    """Collects the elements of a page: (tag, attributes), and the highlighted runs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.runs: list[tuple[str, str]] = []  # (data-facts, text) of each highlight
        self._run: list[str] | None = None
        self._facts = ""
        self.scripts_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if tag == "a" and "hl" in a.get("class", "").split():
            self._run, self._facts = [], a.get("data-facts", "")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._run is not None:
            self.runs.append((self._facts, "".join(self._run)))
            self._run = None
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._run is not None:
            self._run.append(data)
        if self._in_script and data.strip():
            self.scripts_text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def fact_text(self, key: str) -> str:
        return "".join(text for facts, text in self.runs if key in facts.split())


def parse(body: str) -> Page:
    p = Page()
    p.feed(body)
    p.close()
    return p


# --- highlighting, unit ---------------------------------------------------------------------


def _fact(key: str, kind: str, start: int, end: int) -> Fact:
    return Fact(key, kind, f"urn:{key}", f"/{key}", key, start, end)


def test_highlight_cuts_overlapping_and_nested_facts() -> None:
    text = "0123456789"
    task, cit, target = (
        _fact("t", "task", 0, 8),
        _fact("c", "citation", 2, 5),
        _fact("g", "target", 4, 9),
    )
    segs = highlight(text, [task, cit, target, _fact("x", "duty", 5, 99)])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, [f.key for f in s.facts]) for s in segs] == [
        ("01", ["t"]),
        ("23", ["t", "c"]),
        ("4", ["t", "c", "g"]),
        ("567", ["t", "g"]),
        ("8", ["g"]),
        ("9", []),
    ]
    # the innermost (shortest) fact is the one a piece links to; markers where facts start
    assert [s.link.key if s.link else None for s in segs] == ["t", "c", "c", "g", "g", None]
    assert [[f.key for f in s.starts] for s in segs] == [["t"], ["c"], ["g"], [], [], []]


def test_agency_mentions_match_whole_words_across_line_breaks() -> None:
    text = "Sở Khoa học và\nCông nghệ chủ trì; Sở Khoa học phối hợp; ASở Y tế"
    found = agency_mentions(
        text, {"urn:khcn": ["Sở Khoa học và Công nghệ"], "urn:yte": ["Sở Y tế"]}
    )
    assert [(a, text[s:e]) for a, s, e in found] == [
        ("urn:khcn", "Sở Khoa học và\nCông nghệ"),
    ]


# --- index -----------------------------------------------------------------------------------


def test_index_links_every_plan_and_page(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    page = parse(r.text)
    hrefs = {a["href"] for _, a in page.elements if "href" in a}
    assert {"/network", "/sparql", "/docs", "/static/app.css"} <= hrefs
    doc_pages = sorted(h for h in hrefs if h.endswith("/page"))
    assert len(doc_pages) == len(list(bundled_corpus().glob("*.txt"))) == 5
    assert f"/documents/{NGHE_AN}/page" in doc_pages


# --- document page ---------------------------------------------------------------------------


def test_document_page_highlights_every_kind_of_fact(client: TestClient) -> None:
    r = client.get(f"/documents/{NGHE_AN}/page")
    assert r.status_code == 200
    assert r.headers["content-security-policy"] == CSP
    page = parse(r.text)
    kinds = {c for _, a in page.elements if a.get("data-facts") for c in a["class"].split()}
    assert {"k-citation", "k-agency", "k-task", "k-target", "k-duty"} <= kinds
    detail = client.get(f"/documents/{NGHE_AN}").json()
    # each citation, target and duty: its marker links to its node, and the text
    # highlighted for it is exactly the quote the store holds
    checked = 0
    for group in ("citations", "targets", "reporting"):
        for item in detail[group]:
            node = "/" + item["iri"].removeprefix("https://w3id.org/policykg/")
            markers = [
                a
                for _, a in page.elements
                if "marker" in a.get("class", "") and a.get("href") == node
            ]
            assert len(markers) == 1, node
            assert page.fact_text(markers[0]["id"]) == item["quote"]["text"]
            checked += 1
    assert checked >= 10
    # agencies link to their linked-data URL
    agency_links = {
        a["href"] for t, a in page.elements if t == "a" and "k-agency" in a.get("class", "")
    }
    assert "/agency/so-khcn/nghe-an" in agency_links
    assert "/agency/thu-tuong/national" in agency_links


def test_document_page_shows_the_citation_chain(client: TestClient) -> None:
    page = parse(client.get("/documents/tuyen-quang/2022/kh/60-kh-ubnd/page").text)
    chain = {
        a["href"] for t, a in page.elements if t == "a" and a.get("class") in ("cited", "ingested")
    }
    # direct: 1322/QĐ-TTg; through the plan it applies (26/KH-UBND): 100/QĐ-TTg
    assert "/eli/vn/ttg/2020/qd/1322-qd-ttg" in chain
    assert "/eli/vn/tuyen-quang/2021/kh/26-kh-ubnd" in chain
    assert "/eli/vn/ttg/2019/qd/100-qd-ttg" in chain


def test_document_page_shows_the_instrument_it_replaces(minter: IriMinter) -> None:
    """'Quyết định này ... thay thế Quyết định số 14/2019/QĐ-UBND': the old decision is
    ``replaced_by`` this one, shown under "Cited by" (and this one mentions it)."""
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    assert ingest_file(store, REPLACING_DECISION, minter).ok
    with TestClient(create_app(store, Settings())) as c:
        page = c.get(f"/documents/{REPLACING_ID}/page").text
    cited_by = page[page.index("<h3>Cited by</h3>") :].split("</ul>", 1)[0]
    assert f'href="/eli/vn/{REPLACED_ID}"' in cited_by
    assert '<span class="rel">replaced_by</span>' in cited_by
    cites = page[page.index("<h3>This document cites</h3>") :].split("</ul>", 1)[0]
    assert f'<span class="rel">mentions</span> <a href="/eli/vn/{REPLACED_ID}"' in cites


def test_cited_decision_page_lists_the_plans_citing_it(client: TestClient) -> None:
    r = client.get("/documents/ttg/2020/qd/1322-qd-ttg/page")
    assert r.status_code == 200
    page = parse(r.text)
    citing = {a["href"] for t, a in page.elements if t == "a" and a.get("class") == "ingested"}
    assert f"/documents/{NGHE_AN}/page" in citing and len(citing) == 5
    assert "does not hold this document" in r.text


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/documents/nghe-an/2021/kh/nope/page", 404),
        ("/documents/nghe-an/2021/kh/bad%20id/page", 422),
    ],
)
def test_document_page_errors(client: TestClient, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.json()["error"]["status"] == status


def test_document_without_stored_text_lists_its_facts(minter: IriMinter) -> None:
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    record = json.loads((ROOT / "tests/gold/nghe-an_683-kh-ubnd_2021.json").read_text("utf-8"))
    result = document_triples(Record.from_gold(record), minter=minter)  # no text, no highlights
    store.replace_graph(result.graph_iri, result.triples)
    with TestClient(create_app(store, Settings())) as c:
        r = c.get(f"/documents/{NGHE_AN}/page")
    assert r.status_code == 200
    assert "does not hold this document" in r.text
    assert 'class="hl' not in r.text


# --- escaping -------------------------------------------------------------------------------


def hostile_plan(folder: Path) -> Path:
    """A plan whose title, citation sentence and task carry script and attribute breakers."""
    text = (bundled_corpus() / "nghe-an_683-kh-ubnd_2021.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("**Nâng cao năng suất"))
    lines[title] = lines[title].replace("**Nâng cao", f"**Nâng cao {PAYLOAD_SCRIPT}{PAYLOAD_ATTR}")
    text = "\n".join(lines)
    text = text.replace(
        "Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/8/2020",
        f"Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/8/2020 {PAYLOAD_ATTR} {PAYLOAD_SCRIPT}",
        1,
    )
    text = text.replace("Sở Khoa học và Công nghệ", f"Sở Khoa học và Công nghệ{PAYLOAD_ATTR}", 1)
    path = folder / "hostile-plan.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_plan_text_never_becomes_markup(tmp_path: Path, minter: IriMinter) -> None:
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    report = ingest_file(store, hostile_plan(tmp_path), minter)
    assert report.ok and report.document_iri
    doc_id = report.document_iri.removeprefix(minter.base + "eli/vn/")
    with TestClient(create_app(store, Settings())) as c:
        bodies = {path: c.get(path) for path in ("/", f"/documents/{doc_id}/page", "/network")}
        roles = c.get("/network/roles.json", params={"agency": "so-khcn/nghe-an"}).json()
    for path, r in bodies.items():
        assert r.status_code == 200, path
        page = parse(r.text)
        # the only scripts are the app's own files; no element has an event handler
        assert all(a.get("src", "").startswith("/static/") for a in page.find("script")), path
        assert page.scripts_text == [], path
        assert not [a for _, a in page.elements if any(k.startswith("on") for k in a)], path
        assert PAYLOAD_SCRIPT not in r.text and PAYLOAD_ATTR not in r.text, path
    doc = bodies[f"/documents/{doc_id}/page"].text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in doc
    assert "&#34; onmouseover=&#34;alert(1)" in doc
    # the payload is still shown, as text, inside the highlighted source
    assert PAYLOAD_ATTR in "".join(t for _, t in parse(doc).runs) or PAYLOAD_ATTR in doc.replace(
        "&#34;", '"'
    )
    # JSON for the network carries the text as data only
    assert json.dumps(roles)


# --- network --------------------------------------------------------------------------------


def test_network_page_has_filters_and_no_external_resources(client: TestClient) -> None:
    r = client.get("/network")
    assert r.status_code == 200
    page = parse(r.text)
    provinces = {a["value"] for a in page.find("option") if a.get("value")}
    assert {"Nghệ An", "Tuyên Quang", "training"} <= provinces
    edges = {a["value"] for a in page.find("input", name="edge")}
    assert edges == {"co_lead", "lead_coordinator", "reports_to", "part_of", "succeeded_by"}
    srcs = [a["src"] for a in page.find("script")]
    assert srcs == ["/static/cytoscape/cytoscape.min.js", "/static/app.js"]
    for _, a in page.elements:
        for key in ("src", "href"):
            assert not a.get(key, "").startswith(("http:", "https:", "//")), a


def test_network_json_sizes_nodes_by_centrality(client: TestClient) -> None:
    data = client.get("/network/agencies.json").json()
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert len(nodes) > 10 and edges and data["counts"]["nodes"] == len(nodes)
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    by_c = sorted(nodes, key=lambda n: n["data"]["centrality"])
    assert by_c[0]["data"]["size"] == 16.0 and by_c[-1]["data"]["size"] == 64.0
    assert all(16.0 <= n["data"]["size"] <= 64.0 for n in nodes)
    assert {e["data"]["type"] for e in edges} >= {"co_lead", "lead_coordinator", "reports_to"}
    assert all(e["data"]["directed"] == (e["data"]["type"] != "co_lead") for e in edges)


def test_network_json_filters(client: TestClient) -> None:
    everything = client.get("/network/agencies.json").json()["counts"]["nodes"]
    na = client.get("/network/agencies.json", params={"province": "nghe-an"}).json()
    assert 10 < na["counts"]["nodes"] < everything
    assert any(n["data"]["province"] == "Nghệ An" for n in na["elements"]["nodes"])
    training = client.get("/network/agencies.json", params={"theme": "training"}).json()
    assert 0 < training["counts"]["edges"] < na["counts"]["edges"] + everything
    period = client.get("/network/agencies.json", params={"period": "2023-2023"}).json()
    assert period["filters"]["period"] == "2023-2023"
    for params in ({"period": "2025-2021"}, {"period": "soon"}, {"measure": "magic"}):
        r = client.get("/network/agencies.json", params=params)
        assert r.status_code == 422, params
        assert r.json()["error"]["code"] == "invalid_parameters"


def test_network_roles_link_the_plans_pages(client: TestClient) -> None:
    data = client.get("/network/roles.json", params={"agency": "so-khcn/nghe-an"}).json()
    assert data["agency"]["href"] == "/agency/so-khcn/nghe-an"
    lead = [g for g in data["roles"] if g["role"] == "lead"]
    assert lead and lead[0]["document"]["page"] == f"/documents/{NGHE_AN}/page"
    assert any(i["label"].startswith("II.4") for i in lead[0]["items"])
    r = client.get("/network/roles.json", params={"agency": "nope/nowhere"})
    assert r.status_code == 404


def test_network_exports_round_trip(client: TestClient) -> None:
    shown = client.get("/network/agencies.json", params={"province": "Nghệ An"}).json()
    nodes = {n["data"]["id"] for n in shown["elements"]["nodes"]}
    edges = {
        (e["data"]["source"], e["data"]["target"], e["data"]["type"])
        for e in shown["elements"]["edges"]
    }
    q = {"province": "Nghệ An"}
    r = client.get("/network/agencies/graphml", params=q)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/graphml+xml")
    assert 'filename="agency-network.graphml"' in r.headers["content-disposition"]
    g = nx.read_graphml(io.BytesIO(r.content), force_multigraph=True)
    assert set(g.nodes) == nodes
    assert {(u, v, k) for u, v, k in g.edges(keys=True)} == edges
    gexf = nx.read_gexf(io.BytesIO(client.get("/network/agencies/gexf", params=q).content))
    assert set(gexf.nodes) == nodes
    cyto = client.get("/network/agencies/cytoscape", params=q)
    assert {n["data"]["id"] for n in cyto.json()["nodes"]} == nodes
    rows = list(csv.DictReader(io.StringIO(client.get("/network/agencies/csv", params=q).text)))
    assert {(row["source"], row["target"], row["type"]) for row in rows} == edges
    assert client.get("/network/agencies/pdf").status_code == 404


# --- static files ---------------------------------------------------------------------------


def test_static_files_are_the_apps_own(client: TestClient) -> None:
    js = client.get("/static/cytoscape/cytoscape.min.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    version = re.search(r"3\.\d+\.\d+", (ROOT / "api/static/README.md").read_text("utf-8"))
    assert version and version.group() in js.text[:20000] + js.text[-20000:]
    assert client.get("/static/app.css").status_code == 200
    app_js = client.get("/static/app.js").text
    assert "innerHTML" not in app_js and "http" not in app_js
    for bad in ("/static/secret.txt", "/static/cytoscape/LICENSE", "/static/..%2Fpages.py"):
        assert client.get(bad).status_code == 404, bad


def test_citation_network_export_round_trips(client: TestClient) -> None:
    r = client.get("/network/citations/graphml")
    assert r.status_code == 200
    assert 'filename="citation-network.graphml"' in r.headers["content-disposition"]
    g = nx.read_graphml(io.BytesIO(r.content))
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert any("1322" in str(label) for label in labels)
    assert g.number_of_edges() > 20
    assert client.get("/network/citations/xml").status_code == 404
