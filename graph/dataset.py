"""What a policykg store holds: two fixed graphs and one graph per document.

The fixed graphs are the vocabulary (ontology and SKOS code lists) and the reference data
(national instruments, the 2025 restructuring); every other named graph holds one ingested
document (written by :mod:`policykg.load.documents`). The CLI, the HTTP app, the tests and
the notebooks call these.
"""

from __future__ import annotations

from policykg.graph.base import Store
from policykg.ontology.iri import PKG, IriMinter
from policykg.ontology.load import ontology_triples, reference_triples


def load_vocabulary(store: Store, minter: IriMinter) -> int:
    """(Re)load the ontology, code lists and reference data into their two graphs."""
    onto = ontology_triples(base=minter.base)
    ref = reference_triples(base=minter.base)
    store.replace_graphs({minter.ontology_graph: onto, minter.reference_graph: ref})
    return len(onto) + len(ref)


def document_graphs(store: Store, minter: IriMinter) -> list[str]:
    """Named graphs that hold an ingested source document (all but the fixed ones)."""
    fixed = {minter.ontology_graph, minter.reference_graph}
    return [g for g in store.graphs() if g not in fixed]


def stats(store: Store, minter: IriMinter) -> dict[str, int]:
    """Counts of graphs, triples and typed instances for ``policykg stats`` and VoID."""
    counts: dict[str, int] = {
        "graphs": len(store.graphs()),
        "triples": len(store),
        "documents": len(document_graphs(store, minter)),
    }
    for name, cls in [
        ("tasks", "Task"),
        ("targets", "Target"),
        ("reporting_duties", "ReportingDuty"),
        ("citations", "Citation"),
    ]:
        # Constant class IRIs of the project's own vocabulary, never user input.
        rows = store.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{PKG}{cls}> }}")
        value = rows[0].get("n") if rows else None
        counts[name] = int(value.value) if value is not None else 0
    return counts
