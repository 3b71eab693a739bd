"""Sort keys written with the data (policykg.ontology.order_keys)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg.ingest.rdf import document_triples
from policykg.ingest.record import Record
from policykg.ontology.iri import DCTERMS, ELI, ORG, PKG, RDF, IriMinter
from policykg.ontology.load import reference_triples
from policykg.ontology.order_keys import (
    ITEM_BITS,
    ITEM_KEYS,
    PLAN_KEY,
    RESOURCE_KEYS,
    iri_key,
    item_key,
    order_key_triples,
)

GOLD = sorted((Path(__file__).resolve().parent / "gold").glob("*.json"))
M = IriMinter()
KEY_PROPS = {*RESOURCE_KEYS.values(), *ITEM_KEYS.values(), PLAN_KEY}


def _triples(path: Path) -> list[ox.Triple]:
    return document_triples(
        Record.from_gold(json.loads(path.read_text(encoding="utf-8"))), minter=M
    ).triples


def _v(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode) else ""


def _keys(triples: list[ox.Triple]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for t in triples:
        if t.predicate.value in KEY_PROPS:
            assert isinstance(t.object, ox.Literal)
            assert t.object.datatype.value.endswith("#integer")
            key = (_v(t.subject), t.predicate.value)
            assert key not in out, f"two keys for {key}"
            out[key] = int(t.object.value)
    return out


def _typed(triples: list[ox.Triple], cls: str) -> set[str]:
    return {
        _v(t.subject) for t in triples if t.predicate.value == RDF + "type" and _v(t.object) == cls
    }


def test_iri_key_is_a_stable_63_bit_hash() -> None:
    assert iri_key("https://example.org/a") == iri_key("https://example.org/a")
    assert iri_key("https://example.org/a") != iri_key("https://example.org/b")
    keys = [iri_key(f"https://example.org/{i}") for i in range(1000)]
    assert all(0 <= k < 2**63 for k in keys) and len(set(keys)) == 1000
    # a fixed value: keys written by another process or machine are the same
    assert iri_key("https://w3id.org/policykg/x") == iri_key("https://w3id.org/policykg/x")
    assert isinstance(iri_key(""), int)


def test_item_keys_sort_by_document_then_class_then_rank() -> None:
    doc_a, doc_b = "https://example.org/a", "https://example.org/b"
    a = [item_key(doc_a, kind, rank) for kind in range(3) for rank in range(5)]
    assert a == sorted(a) and len(set(a)) == 15
    assert {k >> ITEM_BITS for k in a} == {iri_key(doc_a) >> ITEM_BITS}
    b = item_key(doc_b, 0, 0)
    assert (b < min(a)) == (iri_key(doc_b) < iri_key(doc_a))
    assert item_key(doc_a, 0, 10**6) == item_key(doc_a, 0, 2**14 - 1)  # capped rank


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_every_listed_resource_of_a_document_has_one_key(path: Path) -> None:
    triples = _triples(path)
    keys = _keys(triples)
    for cls, prop in {**RESOURCE_KEYS, **ITEM_KEYS}.items():
        typed = _typed(triples, cls)
        assert typed == {s for (s, p) in keys if p == prop and s in typed}
    for (iri, prop), key in keys.items():
        if prop in RESOURCE_KEYS.values() or prop == PLAN_KEY:
            assert key == iri_key(iri)
    plans = {_v(t.subject) for t in triples if t.predicate.value == PKG + "sourceFile"}
    assert plans and {s for (s, p) in keys if p == PLAN_KEY} == plans
    # items: the document's key in the high bits, unique, in IRI order within the document
    doc = {
        _v(t.subject): _v(t.object) for t in triples if t.predicate.value == DCTERMS + "isPartOf"
    }
    by_prop: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (iri, prop), key in keys.items():
        if prop in ITEM_KEYS.values():
            assert key >> ITEM_BITS == iri_key(doc[iri]) >> ITEM_BITS
            by_prop[prop].append((key, iri))
    assert by_prop[PKG + "taskKey"], "the gold plans have tasks"
    for items in by_prop.values():
        assert [i for _, i in sorted(items)] == sorted(i for _, i in items)
    item_keys = [k for items in by_prop.values() for k, _ in items]
    assert len(item_keys) == len(set(item_keys))


def test_keys_are_pure_and_shared_between_documents() -> None:
    first, second = (_triples(p) for p in GOLD[:2])
    assert _triples(GOLD[0]) == first  # re-ingest is byte-identical
    k1, k2 = _keys(first), _keys(second)
    shared = {k for k in k1.keys() & k2.keys() if k[1] == PKG + "agencyKey"}
    assert shared and all(k1[k] == k2[k] for k in shared)


def test_reference_data_is_keyed() -> None:
    triples = reference_triples()
    keys = _keys(triples)
    orgs = _typed(triples, ORG + "Organization")
    instruments = _typed(triples, ELI + "LegalResource")
    assert orgs and instruments
    assert all((o, PKG + "agencyKey") in keys for o in orgs)
    assert all((i, PKG + "instrumentKey") in keys for i in instruments)


def test_nothing_to_key() -> None:
    t = ox.Triple(ox.NamedNode("https://example.org/s"), ox.NamedNode(RDF + "type"),
                  ox.NamedNode("https://example.org/C"))  # fmt: skip
    assert order_key_triples([t]) == []
