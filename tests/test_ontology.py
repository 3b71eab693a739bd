"""The vocabulary, code lists and reference data parse, load and are used consistently."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg.graph.store import EmbeddedStore
from policykg.ontology import build_reference
from policykg.ontology.iri import PKG, PREFIXES, RDFS, SKOS, IriMinter
from policykg.ontology.load import ontology_triples, reference_triples
from policykg.ontology.terms import PKG as PKG_NS
from policykg.ontology.terms import RELATION_PROPERTIES, SCHEMES

ROOT = Path(__file__).resolve().parent.parent
RQ_FILES = sorted((ROOT / "graph" / "queries").glob("*.rq"))
CODE_FILES = sorted(
    p
    for folder in ("ontology", "ingest", "graph", "api", "shapes")
    for p in (ROOT / folder).rglob("*.py")
)
SHAPE_FILES = sorted((ROOT / "shapes").glob("*.ttl"))
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL = "http://www.w3.org/2002/07/owl#"


def _declared() -> set[str]:
    return {
        t.subject.value[len(PKG) :]
        for t in ontology_triples()
        if isinstance(t.subject, ox.NamedNode)
        and t.subject.value.startswith(PKG)
        and t.predicate.value == RDF_TYPE
        and t.object.value
        in {OWL + "Class", OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "Ontology"}
    }


def test_ontology_and_reference_load_into_a_store() -> None:
    m = IriMinter()
    store = EmbeddedStore()
    onto, ref = ontology_triples(), reference_triples()
    store.replace_graphs({m.ontology_graph: onto, m.reference_graph: ref})
    assert len(onto) > 1000 and len(ref) > 10000
    assert store.graphs() == sorted([m.ontology_graph, m.reference_graph])


def test_every_own_term_has_bilingual_label_and_definition() -> None:
    by_term: dict[str, set[tuple[str, str]]] = {}
    for t in ontology_triples():
        s = t.subject.value if isinstance(t.subject, ox.NamedNode) else ""
        if s.startswith(PKG) and isinstance(t.object, ox.Literal):
            by_term.setdefault(s, set()).add((t.predicate.value, t.object.language or ""))
    assert len(by_term) == len(_declared()) - 0
    for term, pairs in by_term.items():
        for lang in ("vi", "en"):
            assert (RDFS + "label", lang) in pairs, (term, lang)
            assert (RDFS + "comment", lang) in pairs or (SKOS + "definition", lang) in pairs


def test_defined_namespace_matches_vocab() -> None:
    listed = {name for name in PKG_NS.__annotations__ if not name.startswith("_")}
    assert listed == _declared()


def test_every_scheme_concept_has_bilingual_labels() -> None:
    m = IriMinter()
    concepts: dict[str, set[str]] = {}
    for t in ontology_triples():
        if t.predicate.value == SKOS + "prefLabel" and isinstance(t.object, ox.Literal):
            concepts.setdefault(t.subject.value, set()).add(t.object.language or "")
    for scheme in SCHEMES:
        members = [c for c in concepts if c.startswith(m.scheme(scheme) + "/")]
        assert members, scheme
        for c in members:
            assert {"vi", "en"} <= concepts[c], c
    for code in RELATION_PROPERTIES:
        assert m.concept("relation", code) in concepts
    assert "QĐ" in {
        t.object.value
        for t in ontology_triples()
        if t.subject.value == m.concept("document-kind", "QuyetDinh")
        and t.predicate.value == SKOS + "altLabel"
    }


def test_relation_concepts_link_their_property() -> None:
    linked = {
        t.subject.value: t.object.value
        for t in ontology_triples()
        if t.predicate.value == PKG + "property"
    }
    m = IriMinter()
    for code, prop in RELATION_PROPERTIES.items():
        assert linked[m.concept("relation", code)] == prop


@pytest.mark.parametrize(
    "path", CODE_FILES + RQ_FILES + SHAPE_FILES, ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_undeclared_pkg_term(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    declared = _declared()
    used = set(re.findall(r"\bpkg:([A-Za-z_][A-Za-z0-9_]*)", text))
    used |= set(re.findall(re.escape(PKG) + r"([A-Za-z_][A-Za-z0-9_]*)", text))
    used |= set(re.findall(r"\bPKG\.([A-Za-z_][A-Za-z0-9_]*)", text))
    used |= set(re.findall(r'PKG \+ "([A-Za-z_][A-Za-z0-9_]*)"', text))
    assert not (used - declared), f"undeclared pkg terms: {sorted(used - declared)}"


@pytest.mark.parametrize("path", RQ_FILES, ids=lambda p: p.name)
def test_rq_prefixes_equal_prefixes(path: Path) -> None:
    for prefix, iri in re.findall(r"(?im)^\s*PREFIX\s+(\w*):\s*<([^>]*)>", path.read_text()):
        assert PREFIXES.get(prefix) == iri, (path.name, prefix, iri)


def test_reference_files_are_what_the_builder_writes() -> None:
    for name, text in build_reference.outputs().items():
        committed = (ROOT / "ontology" / name).read_text(encoding="utf-8")
        assert committed == text, f"run python -m policykg.ontology.build_reference ({name})"


def test_reference_states_the_national_decisions() -> None:
    m = IriMinter()
    store = EmbeddedStore()
    store.replace_graph(m.reference_graph, reference_triples())
    rows = store.select(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
        "PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT ?n ?d (COUNT(?s) AS ?sources) WHERE { ?i eli:number ?n ; eli:date_document ?d ;"
        " dcterms:source ?s } GROUP BY ?n ?d"
    )
    facts = {r["n"].value: (r["d"].value, int(r["sources"].value)) for r in rows}
    assert facts["1322/QĐ-TTg"][0] == "2020-08-31"
    assert facts["36/QĐ-TTg"][0] == "2021-01-11"
    assert facts["100/QĐ-TTg"][0] == "2019-01-19"
    assert facts["35/2021/TT-BTC"][0] == "2021-05-19"
    assert all(sources >= 1 for _, sources in facts.values())
    provinces = store.select(
        "PREFIX pkg: <https://w3id.org/policykg/ontology#> SELECT ?p WHERE { ?p a pkg:Province }"
    )
    assert len(provinces) == 63


def test_rebase_moves_instances_not_vocabulary() -> None:
    moved = reference_triples("http://example.org/kg/")
    iris = {t.subject.value for t in moved if isinstance(t.subject, ox.NamedNode)}
    assert "http://example.org/kg/eli/vn/ttg/2020/qd/1322-qd-ttg" in iris
    assert any(t.predicate.value.startswith(PKG) for t in moved)
