"""Validating a store: every document graph with the shapes, and a summary table.

:func:`validate_store` is what ``policykg validate`` runs: graph by graph in batches (one run
of the compiled shape queries per batch, :func:`policykg.shapes.validate.validate_graphs`),
optionally in several processes, or each constraint once over the whole store in place
(:func:`policykg.shapes.validate.validate_union`). Each graph is validated with the context
the store gives it (:func:`policykg.shapes.check.store_context`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from policykg.graph.base import Store
from policykg.ontology.iri import IriMinter
from policykg.shapes.check import ContextCache, store_context
from policykg.shapes.validate import validate_graphs, validate_union


@dataclass(frozen=True)
class GraphSummary:
    """Validation counts of one document graph of the store."""

    graph: str
    triples: int
    violations: int
    warnings: int
    infos: int
    seconds: float


#: Graphs validated per run of the compiled queries (:func:`validate_store`).
DEFAULT_BATCH = 32


def validate_store(
    store: Store,
    minter: IriMinter,
    *,
    batch: int = DEFAULT_BATCH,
    jobs: int = 1,
    whole: bool = False,
) -> list[GraphSummary]:
    """Validate every document graph of the store (with the ontology and reference data).

    Graphs are validated ``batch`` at a time (one run of the compiled queries for the batch,
    :func:`~policykg.shapes.validate.validate_graphs`); ``batch=1`` validates each graph
    alone. The counts are of distinct results (shape, severity, focus node, value), the same
    whatever the batch size. With ``jobs`` > 1 and an on-disk embedded store, the graphs are
    split between that many processes, each opening the store read-only. A graph's
    ``seconds`` is its share of its batch's time.

    With ``whole``, each constraint runs once over the store's union default graph, in place
    (nothing is copied out of the store; :func:`~policykg.shapes.validate.validate_union`),
    and each result is counted for every document graph that holds its focus node; with
    ``jobs`` > 1 the constraints are split between the processes. The counts are those of
    validating graph by graph (the citation index makes the comparisons across documents
    the same; ``tests/test_check.py``); ``seconds`` is the total divided by the graphs.
    """
    fixed = {minter.ontology_graph, minter.reference_graph}
    graphs = [g for g in store.graphs() if g not in fixed]
    path = getattr(store, "path", None)
    if whole:
        from policykg.graph.store import EmbeddedStore

        if not isinstance(store, EmbeddedStore):
            # the compiled queries are run by the fast engine's SPARQL (pyoxigraph) only
            raise ValueError("whole-store validation needs the embedded store")
        return _validate_whole(store, minter, graphs, jobs)
    if jobs > 1 and isinstance(path, Path) and len(graphs) > batch:
        import multiprocessing

        parts = [graphs[i::jobs] for i in range(jobs)]
        # spawn, not fork: the parent's store handle and threads are not inherited
        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            done = pool.starmap(
                _validate_part, [(str(path), minter.base, part, batch) for part in parts]
            )
        order = {g: i for i, g in enumerate(graphs)}
        return sorted((r for rows in done for r in rows), key=lambda r: order[r.graph])
    return _validate_graphs(store, minter, graphs, batch)


_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_GRAPHS_HOLDING = """
SELECT DISTINCT ?f ?g WHERE { { GRAPH ?g { ?f ?p ?o } } UNION { GRAPH ?g { ?s ?p ?f } } }
"""


_Key = tuple[str, str, str, str | None]


def _validate_whole(
    store: Store, minter: IriMinter, graphs: Sequence[str], jobs: int
) -> list[GraphSummary]:
    t0 = time.perf_counter()
    path = getattr(store, "path", None)
    if jobs > 1 and isinstance(path, Path):
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            work = pool.starmap_async(_whole_part, [(str(path), i, jobs) for i in range(jobs)])
            sizes = _graph_sizes(store)  # meanwhile
            found = [r for rows in work.get() for r in rows]
    else:
        found = _whole_run(store, 0, 1)
        sizes = _graph_sizes(store)
    keys: dict[str, set[_Key]] = {g: set() for g in graphs}
    for key, holders in found:
        for g in holders:
            if g in keys:
                keys[g].add(key)
    seconds = (time.perf_counter() - t0) / max(1, len(graphs))
    out = []
    for g in graphs:
        sev = [k[1] for k in keys[g]]
        out.append(
            GraphSummary(
                graph=g,
                triples=sizes.get(g, 0),
                violations=sev.count("Violation"),
                warnings=sev.count("Warning"),
                infos=sev.count("Info"),
                seconds=seconds,
            )
        )
    return out


def _graph_sizes(store: Store) -> dict[str, int]:
    return {row["g"].value: int(row["n"].value) for row in store.select(_GRAPH_SIZES)}


def _whole_run(store: Store, part: int, parts: int) -> list[tuple[_Key, list[str]]]:
    """Part of the constraints over the store's union; each distinct result with the
    graphs holding its focus node."""

    def run(query: str) -> Iterable[ox.QuerySolution]:
        result = store.query(query)
        assert isinstance(result, ox.QuerySolutions)
        return result

    holders: dict[str, list[str]] = {}
    out = []
    for key in sorted({r.key() for r in validate_union(run, part=part, parts=parts)}):
        focus = key[2]
        if focus not in holders:
            rows = store.select(_GRAPHS_HOLDING, bindings={"f": ox.NamedNode(focus)})
            holders[focus] = [row["g"].value for row in rows]
        out.append((key, holders[focus]))
    return out


def _whole_part(path: str, part: int, parts: int) -> list[tuple[_Key, list[str]]]:
    from policykg.graph.store import EmbeddedStore

    return _whole_run(EmbeddedStore(path, read_only=True), part, parts)


def _validate_part(path: str, base: str, graphs: list[str], batch: int) -> list[GraphSummary]:
    from policykg.graph.store import EmbeddedStore

    return _validate_graphs(EmbeddedStore(path, read_only=True), IriMinter(base), graphs, batch)


def _validate_graphs(
    store: Store, minter: IriMinter, graphs: Sequence[str], batch: int
) -> list[GraphSummary]:
    cache = ContextCache(store)
    out = []
    for start in range(0, len(graphs), max(1, batch)):
        t0 = time.perf_counter()
        part = [(g, store.graph_triples(g)) for g in graphs[start : start + max(1, batch)]]
        context: set[ox.Triple] = set()
        for g, triples in part:
            context.update(store_context(store, triples, g, cache=cache))
        found = validate_graphs(part, extra=sorted(context, key=str), base=minter.base)
        seconds = (time.perf_counter() - t0) / len(part)
        for g, triples in part:
            keys = {r.key() for r in found[g]}
            sev = [k[1] for k in keys]
            out.append(
                GraphSummary(
                    graph=g,
                    triples=len(triples),
                    violations=sev.count("Violation"),
                    warnings=sev.count("Warning"),
                    infos=sev.count("Info"),
                    seconds=seconds,
                )
            )
    return out


def summary_table(rows: Sequence[GraphSummary]) -> str:
    """A plain-text table of :func:`validate_store` results, with a total line."""
    header = f"{'graph':70} {'triples':>7} {'viol.':>5} {'warn.':>5} {'info':>5} {'ms':>6}"
    lines = [header, "-" * len(header)]
    for r in rows:
        name = r.graph if len(r.graph) <= 70 else "…" + r.graph[-69:]
        lines.append(
            f"{name:70} {r.triples:7d} {r.violations:5d} {r.warnings:5d} {r.infos:5d} "
            f"{1000 * r.seconds:6.0f}"
        )
    lines.append("-" * len(header))
    lines.append(
        f"{str(len(rows)) + ' graph(s)':70} {sum(r.triples for r in rows):7d} "
        f"{sum(r.violations for r in rows):5d} {sum(r.warnings for r in rows):5d} "
        f"{sum(r.infos for r in rows):5d} {1000 * sum(r.seconds for r in rows):6.0f}"
    )
    return "\n".join(lines) + "\n"
