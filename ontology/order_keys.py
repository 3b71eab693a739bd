"""Sort keys written with the data, so that a sorted page of a whole-corpus list is cheap.

On the on-disk store, ``ORDER BY`` on IRIs or strings reads each value from disk at every
comparison (55,678 instrument IRIs: 6.2 s), while an ``xsd:integer`` is stored inline in
the index and compares at once (55,678 dates: 42 ms). So every listed resource carries one
``xsd:integer`` key, under a property of its own list (a page scans only that list's keys):

=====================  =============================================  ==========================
property               subjects                                       value
=====================  =============================================  ==========================
``pkg:planKey``        ingested documents (with ``pkg:sourceFile``)   ``iri_key(doc)``
``pkg:instrumentKey``  ``eli:LegalResource`` and ``pkg:Proposal``     ``iri_key(iri)``
``pkg:agencyKey``      ``org:Organization`` (provinces included)      ``iri_key(iri)``
``pkg:taskKey``        ``pkg:Task``                                   ``item_key(doc, 0, rank)``
``pkg:dutyKey``        ``pkg:ReportingDuty``                          ``item_key(doc, 1, rank)``
``pkg:assignmentKey``  ``pkg:Assignment``                             ``item_key(doc, 2, rank)``
=====================  =============================================  ==========================

``iri_key`` is a 63-bit hash of the IRI: the same resource gets the same key from every
document that mentions it (and from the reference data), so the union graph holds one.
An item's key is its document's key with the low 16 bits replaced by its class (2 bits:
task, reporting duty, assignment) and its rank (14 bits) among the document's items of its
class in IRI order: sorting by key lists the items document by document (in the order of the
documents' own keys), then class by class, each in IRI order; no two items share a key
(below 16,384 items of a class in a document), so a sort never compares IRIs.

The functions are pure (the same triples always give the same keys), so re-ingesting a
document stays byte-identical. The named queries order whole-corpus lists by these keys
(``graph/queries/*.rq``; rules in ``docs/sparql.md``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from policykg.ontology.iri import DCTERMS, ELI, ORG, PKG, RDF, XSD

#: The key property of each class whose resources are listed by IRI.
RESOURCE_KEYS: dict[str, str] = {
    ELI + "LegalResource": PKG + "instrumentKey",
    PKG + "Proposal": PKG + "instrumentKey",
    ORG + "Organization": PKG + "agencyKey",
}
#: The key property of each class of items that belong to one document.
ITEM_KEYS: dict[str, str] = {
    PKG + "Task": PKG + "taskKey",
    PKG + "ReportingDuty": PKG + "dutyKey",
    PKG + "Assignment": PKG + "assignmentKey",
}
#: The key of an ingested document (one with ``pkg:sourceFile``).
PLAN_KEY = PKG + "planKey"
#: Low bits of an item key (its class and its rank within its document).
ITEM_BITS = 16
#: Bits of an item key that hold the item's rank (the two above them hold its class).
RANK_BITS = 14

_TYPE = ox.NamedNode(RDF + "type")
_PART_OF = ox.NamedNode(DCTERMS + "isPartOf")
_SOURCE_FILE = ox.NamedNode(PKG + "sourceFile")
_INTEGER = ox.NamedNode(XSD + "integer")
#: The classes whose resources get a key, as nodes (compared without reading IRIs).
_KEYED = frozenset(ox.NamedNode(c) for c in (*RESOURCE_KEYS, *ITEM_KEYS))


def iri_key(iri: str) -> int:
    """A 63-bit non-negative integer hash of ``iri`` (stable across runs and machines)."""
    digest = hashlib.blake2b(iri.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def item_key(document: str, kind: int, rank: int) -> int:
    """The key of the ``rank``-th item (0-based, IRI order) of class number ``kind`` (its
    place in :data:`ITEM_KEYS`) in ``document``. Ranks past 16,383 share the last key (the
    queries break ties by IRI)."""
    low = kind << RANK_BITS | min(rank, (1 << RANK_BITS) - 1)
    return (iri_key(document) >> ITEM_BITS << ITEM_BITS) | low


def _literal(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_INTEGER)


def order_key_triples(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """The key triples of the resources typed in ``triples`` (a document graph or the
    reference data), sorted; an empty list when nothing is listed."""
    types: dict[str, set[str]] = defaultdict(set)
    part_of: dict[str, str] = {}
    plans: set[str] = set()
    for t in triples:  # nodes compared as nodes: reading an IRI string costs more
        s, p, o = t.subject, t.predicate, t.object
        if not isinstance(s, ox.NamedNode):
            continue
        if p == _TYPE:
            if o in _KEYED and isinstance(o, ox.NamedNode):
                types[o.value].add(s.value)
        elif p == _PART_OF:
            if isinstance(o, ox.NamedNode):
                part_of[s.value] = o.value
        elif p == _SOURCE_FILE:
            plans.add(s.value)
    out: set[ox.Triple] = set()
    for cls, prop in RESOURCE_KEYS.items():
        for iri in types.get(cls, ()):
            out.add(ox.Triple(ox.NamedNode(iri), ox.NamedNode(prop), _literal(iri_key(iri))))
    for iri in plans:
        out.add(ox.Triple(ox.NamedNode(iri), ox.NamedNode(PLAN_KEY), _literal(iri_key(iri))))
    for kind, (cls, prop) in enumerate(ITEM_KEYS.items()):
        by_doc: dict[str, list[str]] = defaultdict(list)
        for iri in types.get(cls, ()):
            by_doc[part_of.get(iri, iri)].append(iri)
        for doc, items in by_doc.items():
            for rank, iri in enumerate(sorted(items)):
                key = item_key(doc, kind, rank)
                out.add(ox.Triple(ox.NamedNode(iri), ox.NamedNode(prop), _literal(key)))
    return sorted(out, key=str)
