"""Bring a store written by an older policykg up to the data this version writes.

Some triples of a document's graph are derived from the graph's own other triples when the
document is ingested:

* the sort keys of the listed resources (``pkg:planKey``, ``pkg:instrumentKey``, ...;
  :mod:`policykg.ontology.order_keys`): the whole-corpus lists page by them and list
  nothing without them;
* the citation index (``pkg:citedAsNumber``, ``pkg:citedAsDate`` on a cited instrument):
  the checker compares a plan's citations with it.

A store ingested before they existed lacks them. :func:`needs_upgrade` tells (a few ASK
queries), and :func:`upgrade_store` adds them to every document graph from the graph itself,
so the source files are not needed; each graph is written by its difference, in its own
transaction (a reader sees it before or after, never half-written) and a second run writes
nothing. ``policykg upgrade`` runs it, and ``policykg serve`` and ``policykg ingest`` run it
first when a store needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from policykg.graph.base import Store
from policykg.graph.dataset import document_graphs, load_vocabulary
from policykg.ontology.iri import PKG, IriMinter
from policykg.ontology.order_keys import order_key_triples

log = logging.getLogger(__name__)

_CITED = ox.NamedNode(PKG + "citedResource")
#: Property of a citation -> property of the cited instrument in the citation index.
_INDEX = {
    ox.NamedNode(PKG + "citedNumber"): ox.NamedNode(PKG + "citedAsNumber"),
    ox.NamedNode(PKG + "citedDate"): ox.NamedNode(PKG + "citedAsDate"),
}

_PREFIX = f"PREFIX pkg: <{PKG}>\n"
#: Each is true of a store that lacks some derived triples.
OUTDATED = {
    "sort keys of documents": _PREFIX
    + "ASK { ?d pkg:sourceFile ?s FILTER NOT EXISTS { ?d pkg:planKey ?k } }",
    # both are written with each graph: a store without any index entry lacks it everywhere
    "citation index": _PREFIX
    + "ASK { ?c pkg:citedDate ?v FILTER NOT EXISTS { ?r pkg:citedAsDate ?w } }",
}


def derived_triples(triples: Iterable[ox.Triple]) -> set[ox.Triple]:
    """The triples ingest derives from a document graph's ``triples`` (keys and citation
    index), whether or not ``triples`` already holds them."""
    triples = list(triples)
    out = set(order_key_triples(triples))
    cited = {t.subject: t.object for t in triples if t.predicate == _CITED}
    for t in triples:
        prop = _INDEX.get(t.predicate)
        target = cited.get(t.subject) if prop is not None else None
        if prop is not None and isinstance(target, ox.NamedNode):
            out.add(ox.Triple(target, prop, t.object))
    return out


def needs_upgrade(store: Store) -> list[str]:
    """What the store lacks (names of :data:`OUTDATED`); empty when it is up to date."""
    return [name for name, query in OUTDATED.items() if store.ask(query)]


@dataclass
class UpgradeReport:
    graphs: int = 0  #: document graphs read
    changed: int = 0  #: document graphs written
    added: int = 0  #: triples added


def upgrade_store(
    store: Store,
    minter: IriMinter,
    *,
    on_graph: Callable[[str], None] | None = None,
) -> UpgradeReport:
    """Reload the vocabulary and reference data, then add to every document graph the
    triples derived from it that it lacks (each graph written alone, by its difference)."""
    report = UpgradeReport()
    load_vocabulary(store, minter)
    for graph in document_graphs(store, minter):
        triples = store.graph_triples(graph)
        missing = derived_triples(triples).difference(triples)
        report.graphs += 1
        if missing:
            store.replace_graph(graph, [*triples, *missing])
            report.changed += 1
            report.added += len(missing)
        if on_graph is not None:
            on_graph(graph)
    log.info(
        "upgrade: %d document graphs read, %d written, %d triples added",
        report.graphs,
        report.changed,
        report.added,
    )
    return report
