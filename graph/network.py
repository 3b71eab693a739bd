"""Network projections of the graph (networkx), their analytics and exports.

Everything here reads the store through named queries (``graph/queries/network_*.rq``)
and returns plain networkx graphs, so notebooks, the CLI and the web pages share one
projection. Nothing here knows about HTTP or ingestion.

Stable API
==========

Projections (``store`` is any :class:`policykg.graph.base.Store`)::

    agency_network(store, *, province=None, theme=None, period=None, successors=True)
        -> nx.MultiDiGraph
    citation_network(store, *, province=None) -> nx.MultiDiGraph
    network_options(store) -> NetworkOptions      # provinces, themes, years for filters

Both graphs are :class:`networkx.MultiDiGraph` whose node ids are IRIs and whose edge *key*
is the edge type, so there is at most one edge per (source, target, type).

Agency network. Node attributes (always present, never ``None``): ``label`` (Vietnamese
name), ``kind`` (agency-kind code, ``""`` if unknown), ``kind_label``, ``level``
(``provincial`` | ``national`` | ``international`` | ``collective`` | ``""``), ``scope``
(province name, ``national`` or ``international``), ``province`` (province name or
``""``), ``tasks`` (number of tasks and duties the agency has a role in, under the
filters) and ``plans`` (number of plans). Edge types (:data:`AGENCY_EDGE_TYPES`):

* ``co_lead``: two leads of one task (stored once, from the smaller IRI to the larger);
* ``lead_coordinator``: a task's lead -> a coordinating agency of that task, and an
  assigned duty's assignee -> its partner ("phối hợp với");
* ``reports_to``: a reporting duty's actor -> recipient, and an assigned duty's assignee ->
  the body it advises, submits or reports to;
* ``part_of``: ``org:subOrganizationOf`` (unit -> parent);
* ``succeeded_by``: an agency -> the body that resulted from its 2025 change event.

Edge attributes: ``type``, ``tasks`` (number of distinct tasks or duties behind the edge),
``plans`` (number of distinct plans), ``weight`` (= ``tasks``, 1 for structural edges),
``items`` and ``docs`` (space-separated IRIs), ``event`` and ``date`` (succession only).

Filters: ``province`` (a name such as ``"Nghệ An"``, its slug ``"nghe-an"`` or its IRI)
keeps the plans of that province; ``theme`` (code such as ``"training"`` or concept IRI)
keeps tasks of that theme and drops duties (which have no theme); ``period`` ``(first,
last)`` keeps plans whose period (or year of issue) overlaps those years. ``part_of`` and
``succeeded_by`` edges are added for the agencies left (successors with their successors).

Citation network. Nodes are instruments with ``label`` (number, else short title),
``kind`` (document-kind code), ``number``, ``title``, ``date``, ``issuer`` (IRI),
``province`` and ``plan`` (``True`` for an ingested plan). Edges are keyed by the relation
(:data:`CITATION_EDGE_TYPES`): ``implements``, ``legal_basis``, ``applies``,
``amended_by``, ``replaced_by`` (the cited instrument replaced or repealed by the citing
document: the edge goes from the old instrument to it), ``proposed_by``, ``mentions``;
attributes ``type``, ``citations`` (number of citations stating it), ``plans``, ``weight``
(at least 1), ``evidence`` (the quoted evidence, `` | ``-joined), ``docs`` (citing plans).
``province`` keeps the edges stated in plans of that province (and the reference data's own
edges between nodes kept).

Analytics::

    centrality(G, *, measure="degree", edge_types=None, weighted=True) -> dict[str, float]
    ranking(G, *, measure=..., edge_types=None, top=None) -> list[tuple[str, float]]
    communities(G, *, edge_types=None, seed=0) -> list[list[str]]
    role_table(store, *, province=None, theme=None, period=None) -> list[RoleCount]
    role_matrix(rows) -> dict[str, dict[str, dict[str, int]]]  # province -> kind -> role

``measure`` is one of :data:`MEASURES` (``degree``, ``strength``, ``betweenness``,
``eigenvector``, ``pagerank``); measures are computed on the undirected, weighted collapse
of the chosen edge types (:func:`collapse`). Results are deterministic (sorted inputs,
seeded Louvain).

Exports (``G`` from either projection)::

    to_graphml(G) -> bytes        to_gexf(G) -> bytes
    to_cytoscape(G, *, centrality=None) -> str       cytoscape_elements(G, ...) -> dict
    to_csv_edges(G) -> str
    export_network(store, *, kind="agency", fmt="graphml", province=None, theme=None,
                   period=None) -> bytes

GraphML read back with ``networkx.read_graphml(..., force_multigraph=True)`` gives the
same nodes, edges, keys and attributes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx
import pyoxigraph as ox

from policykg.graph.base import Store
from policykg.graph.queries import get_query
from policykg.ontology.iri import slug
from policykg.ontology.terms import RELATION_PROPERTIES

__all__ = [
    "AGENCY_EDGE_TYPES",
    "CITATION_EDGE_TYPES",
    "FORMATS",
    "MEASURES",
    "NetworkOptions",
    "RoleCount",
    "agency_network",
    "centrality",
    "citation_network",
    "collapse",
    "communities",
    "cytoscape_elements",
    "export_network",
    "network_options",
    "ranking",
    "role_matrix",
    "role_table",
    "to_csv_edges",
    "to_cytoscape",
    "to_gexf",
    "to_graphml",
]

AGENCY_EDGE_TYPES: tuple[str, ...] = (
    "co_lead",
    "lead_coordinator",
    "reports_to",
    "part_of",
    "succeeded_by",
)
#: Every code of the relation list (``implements`` ... ``mentions``).
CITATION_EDGE_TYPES: tuple[str, ...] = tuple(RELATION_PROPERTIES)
MEASURES: tuple[str, ...] = ("degree", "strength", "betweenness", "eigenvector", "pagerank")
FORMATS: tuple[str, ...] = ("graphml", "gexf", "cytoscape", "csv")
ROLES: tuple[str, ...] = (
    "lead",
    "coordinating",
    "actor",
    "recipient",
    "assignee",
    "partner",
    "reports_to",
)

Row = Mapping[str, ox.NamedNode | ox.BlankNode | ox.Literal]
Period = tuple[int, int]


# ---------------------------------------------------------------------------------------
# Reading the store


def _rows(store: Store, name: str) -> list[Row]:
    q = get_query(name)
    return list(store.select(q.text, bindings=q.bindings({})))


def _v(row: Row, key: str) -> str:
    term = row.get(key)
    return term.value if term is not None else ""


def _year(value: str) -> int | None:
    m = re.match(r"^(\d{4})", value)
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class _Plan:
    iri: str
    number: str
    title: str
    province: str  # Vietnamese name ("" if none)
    province_iri: str
    first: int | None
    last: int | None


def _plans(store: Store) -> dict[str, _Plan]:
    out: dict[str, _Plan] = {}
    for r in _rows(store, "network_plans"):
        start, end, issued = _year(_v(r, "start")), _year(_v(r, "end")), _year(_v(r, "date"))
        first = start if start is not None else (issued if issued is not None else end)
        last = end if end is not None else first
        out[_v(r, "doc")] = _Plan(
            _v(r, "doc"),
            _v(r, "number"),
            _v(r, "title"),
            _v(r, "provinceLabel"),
            _v(r, "province"),
            first,
            last,
        )
    return out


def _province_matches(plan: _Plan, province: str) -> bool:
    want = province.strip()
    return bool(want) and (
        want == plan.province_iri
        or slug(want) == slug(plan.province)
        or (plan.province_iri.endswith("/" + slug(want)) and bool(plan.province_iri))
    )


def _period_matches(plan: _Plan, period: Period) -> bool:
    lo, hi = sorted(period)
    if plan.first is None or plan.last is None:
        return False
    return plan.first <= hi and plan.last >= lo


def _keep_plans(
    plans: Mapping[str, _Plan], province: str | None, period: Period | None
) -> set[str]:
    return {
        iri
        for iri, p in plans.items()
        if (province is None or _province_matches(p, province))
        and (period is None or _period_matches(p, period))
    }


def _theme_code(theme: str) -> str:
    theme = theme.strip()
    return theme.rsplit("/", 1)[-1] if "/" in theme else theme


@dataclass
class _Item:
    iri: str
    type: str  # task | reporting | assignment
    doc: str
    ref: str
    roles: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def _items(store: Store) -> dict[str, _Item]:
    items: dict[str, _Item] = {}
    for r in _rows(store, "network_item_agencies"):
        iri = _v(r, "item")
        item = items.get(iri)
        if item is None:
            item = items[iri] = _Item(iri, _v(r, "itemType"), _v(r, "doc"), _v(r, "ref"))
        agency = _v(r, "agency")
        bucket = item.roles[_v(r, "role")]
        if agency not in bucket:
            bucket.append(agency)
    for item in items.values():
        for bucket in item.roles.values():
            bucket.sort()
    return items


def _themes(store: Store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, "network_item_themes"):
        out[_v(r, "item")].add(_v(r, "code") or _theme_code(_v(r, "theme")))
    return out


def _filtered_items(
    store: Store,
    *,
    province: str | None,
    theme: str | None,
    period: Period | None,
) -> tuple[list[_Item], dict[str, _Plan]]:
    plans = _plans(store)
    keep = _keep_plans(plans, province, period)
    items = [i for i in _items(store).values() if i.doc in keep]
    if theme is not None:
        code = _theme_code(theme)
        themes = _themes(store)
        items = [i for i in items if i.type == "task" and code in themes.get(i.iri, set())]
    items.sort(key=lambda i: i.iri)
    return items, plans


def _agency_nodes(store: Store) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in _rows(store, "network_agencies"):
        kind, province = _v(r, "kind"), _v(r, "provinceLabel")
        scope = province or _v(r, "scope")
        label = _v(r, "label")
        if not label:
            written = _v(r, "written")
            kind_label = _v(r, "kindLabel")
            if kind == "other" or not kind_label:
                label = written or kind_label or _v(r, "agency").rsplit("/", 1)[-1]
            else:
                label = f"{kind_label} {province}".strip() if province else kind_label
        out[_v(r, "agency")] = {
            "label": label,
            "kind": kind,
            "kind_label": _v(r, "kindLabel"),
            "level": _v(r, "level"),
            "scope": scope,
            "province": province,
        }
    return out


# ---------------------------------------------------------------------------------------
# The agency network


class _Edges:
    """Accumulates typed edges with the items and plans behind them."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        self.docs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        self.extra: dict[tuple[str, str, str], dict[str, str]] = {}

    def add(self, u: str, v: str, kind: str, item: str = "", doc: str = "") -> None:
        if u == v:
            return
        if kind == "co_lead" and v < u:
            u, v = v, u
        key = (u, v, kind)
        bucket = self.items[key]  # created even without an item (structural edges)
        if item:
            bucket.add(item)
        if doc:
            self.docs[key].add(doc)


def agency_network(
    store: Store,
    *,
    province: str | None = None,
    theme: str | None = None,
    period: Period | None = None,
    successors: bool = True,
) -> nx.MultiDiGraph:
    """The agency network (see the module docstring for nodes, edges and filters)."""
    items, _plans_by_iri = _filtered_items(store, province=province, theme=theme, period=period)
    edges = _Edges()
    involvement: dict[str, set[str]] = defaultdict(set)
    plans_of: dict[str, set[str]] = defaultdict(set)
    for it in items:
        roles = it.roles
        for agencies in roles.values():
            for a in agencies:
                involvement[a].add(it.iri)
                plans_of[a].add(it.doc)
        if it.type == "task":
            leads, coords = roles.get("lead", []), roles.get("coordinating", [])
            for i, a in enumerate(leads):
                for b in leads[i + 1 :]:
                    edges.add(a, b, "co_lead", it.iri, it.doc)
                for c in coords:
                    edges.add(a, c, "lead_coordinator", it.iri, it.doc)
        elif it.type == "reporting":
            for a in roles.get("actor", []):
                for b in roles.get("recipient", []):
                    edges.add(a, b, "reports_to", it.iri, it.doc)
        elif it.type == "assignment":
            for a in roles.get("assignee", []):
                for b in roles.get("partner", []):
                    edges.add(a, b, "lead_coordinator", it.iri, it.doc)
                for b in roles.get("reports_to", []):
                    edges.add(a, b, "reports_to", it.iri, it.doc)

    nodes: set[str] = set(involvement)
    for u, v, _k in edges.items:
        nodes.update((u, v))
    if nodes:
        for r in _rows(store, "network_part_of"):
            unit, parent = _v(r, "unit"), _v(r, "parent")
            if unit in nodes and parent in nodes:
                edges.add(unit, parent, "part_of")
    if successors and nodes:
        steps: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for r in _rows(store, "network_successions"):
            steps[_v(r, "agency")].append((_v(r, "successor"), _v(r, "event"), _v(r, "date")))
        todo = sorted(nodes)
        seen = set(todo)
        while todo:
            a = todo.pop()
            for succ, event, date in steps.get(a, []):
                edges.add(a, succ, "succeeded_by")
                edges.extra[(a, succ, "succeeded_by")] = {"event": event, "date": date}
                if succ not in seen:
                    seen.add(succ)
                    nodes.add(succ)
                    todo.append(succ)

    attrs = _agency_nodes(store)
    g = nx.MultiDiGraph()
    g.graph.update(
        {
            "projection": "agency",
            "province": province or "",
            "theme": _theme_code(theme) if theme else "",
            "period": f"{min(period)}-{max(period)}" if period else "",
        }
    )
    for n in sorted(nodes):
        node = attrs.get(n) or {
            "label": n.rsplit("/", 1)[-1],
            "kind": "",
            "kind_label": "",
            "level": "",
            "scope": "",
            "province": "",
        }
        g.add_node(n, **node, tasks=len(involvement.get(n, ())), plans=len(plans_of.get(n, ())))
    for key in sorted(edges.items):
        u, v, kind = key
        its, docs = edges.items[key], edges.docs.get(key, set())
        structural = kind in {"part_of", "succeeded_by"}
        extra = edges.extra.get(key, {"event": "", "date": ""})
        g.add_edge(
            u,
            v,
            key=kind,
            type=kind,
            tasks=len(its),
            plans=len(docs),
            weight=1 if structural else len(its),
            items=" ".join(sorted(its)),
            docs=" ".join(sorted(docs)),
            event=extra["event"],
            date=extra["date"],
        )
    return g


# ---------------------------------------------------------------------------------------
# The citation network


def citation_network(store: Store, *, province: str | None = None) -> nx.MultiDiGraph:
    """Instruments and the relation-typed citations between them (see the module docstring)."""
    plans = _plans(store)
    keep = _keep_plans(plans, province, None) if province is not None else None
    acc: dict[tuple[str, str, str], dict[str, set[str]]] = {}
    for r in _rows(store, "network_citation_edges"):
        u, v, rel = _v(r, "instrument"), _v(r, "other"), _v(r, "relation")
        if rel not in CITATION_EDGE_TYPES:
            continue
        e = acc.setdefault((u, v, rel), {"citations": set(), "docs": set(), "evidence": set()})
        if _v(r, "citation"):
            e["citations"].add(_v(r, "citation"))
            e["docs"].add(_v(r, "statedIn"))
        if _v(r, "evidence"):
            e["evidence"].add(_v(r, "evidence"))
    if keep is not None:
        stated = {k: e for k, e in acc.items() if e["docs"] & keep}
        kept_nodes = {n for (u, v, _r) in stated for n in (u, v)}
        for k, e in acc.items():
            if not e["docs"] and k[0] in kept_nodes and k[1] in kept_nodes:
                stated[k] = e
        for e in stated.values():
            e["docs"] = e["docs"] & keep if e["docs"] else e["docs"]
        acc = stated

    info: dict[str, dict[str, Any]] = {}
    for r in _rows(store, "network_instruments"):
        number, title = _v(r, "number"), _v(r, "title")
        short = title if len(title) <= 60 else title[:57].rstrip() + "…"
        info[_v(r, "instrument")] = {
            "label": number or short or _v(r, "instrument").rsplit("/", 1)[-1],
            "kind": _v(r, "kind"),
            "number": number,
            "title": title,
            "date": _v(r, "date"),
            "issuer": _v(r, "issuer"),
            "province": _v(r, "provinceLabel"),
            "plan": bool(_v(r, "sourceFile")),
        }
    nodes = {n for (u, v, _r) in acc for n in (u, v)}
    if keep is not None:
        nodes |= keep
    else:
        nodes |= set(plans)
    g = nx.MultiDiGraph()
    g.graph.update({"projection": "citation", "province": province or ""})
    for n in sorted(nodes):
        a = info.get(n) or {
            "label": n.rsplit("/", 1)[-1],
            "kind": "",
            "number": "",
            "title": "",
            "date": "",
            "issuer": "",
            "province": "",
            "plan": False,
        }
        g.add_node(n, **a)
    for key in sorted(acc):
        u, v, rel = key
        e = acc[key]
        g.add_edge(
            u,
            v,
            key=rel,
            type=rel,
            citations=len(e["citations"]),
            plans=len(e["docs"]),
            weight=max(1, len(e["citations"])),
            evidence=" | ".join(sorted(e["evidence"])),
            docs=" ".join(sorted(e["docs"])),
        )
    return g


# ---------------------------------------------------------------------------------------
# Filter options


@dataclass(frozen=True)
class NetworkOptions:
    """Values the agency-network filters accept, as found in the store."""

    provinces: list[str]  # Vietnamese names of the plans' provinces, sorted
    themes: list[tuple[str, str]]  # (code, Vietnamese label) of the themes used by tasks
    first_year: int | None
    last_year: int | None


def network_options(store: Store) -> NetworkOptions:
    """Provinces, themes and the span of years present (to build filter controls)."""
    plans = _plans(store).values()
    codes = sorted({c for cs in _themes(store).values() for c in cs})
    labels: dict[str, str] = {}
    q = get_query("concepts_in_scheme")
    scheme = "https://w3id.org/policykg/code/theme"
    for r in store.select(q.text, bindings=q.bindings({"scheme": scheme})):
        code = _v(r, "notation") or _theme_code(_v(r, "concept"))
        label = _v(r, "label") or _v(r, "prefLabel")
        if code and label and code not in labels:
            labels[code] = label
    years = [y for p in plans for y in (p.first, p.last) if y is not None]
    return NetworkOptions(
        provinces=sorted({p.province for p in plans if p.province}),
        themes=[(c, labels.get(c, c)) for c in codes],
        first_year=min(years) if years else None,
        last_year=max(years) if years else None,
    )


# ---------------------------------------------------------------------------------------
# Analytics


def collapse(g: nx.MultiDiGraph, edge_types: Iterable[str] | None = None) -> nx.Graph:
    """The undirected simple graph of ``g`` restricted to ``edge_types``, weights summed.

    Every node of ``g`` is kept (isolated ones too), with its attributes.
    """
    wanted = set(edge_types) if edge_types is not None else None
    h = nx.Graph()
    for n in sorted(g.nodes):
        h.add_node(n, **g.nodes[n])
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        if wanted is not None and k not in wanted:
            continue
        w = float(d.get("weight", 1) or 1)
        if h.has_edge(u, v):
            h[u][v]["weight"] += w
        else:
            h.add_edge(u, v, weight=w)
    return h


def _types(edge_types: str | Iterable[str] | None) -> list[str] | None:
    if edge_types is None:
        return None
    if isinstance(edge_types, str):
        return [edge_types]
    return list(edge_types)


def centrality(
    g: nx.MultiDiGraph,
    *,
    measure: str = "degree",
    edge_types: str | Iterable[str] | None = None,
    weighted: bool = True,
) -> dict[str, float]:
    """Centrality of every node on the undirected collapse of ``edge_types``.

    ``degree`` is the normalized degree, ``strength`` the summed edge weight,
    ``betweenness`` uses the inverse weight as distance, ``eigenvector`` and ``pagerank``
    use the weights. Unknown measures raise :class:`ValueError`.
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; one of {', '.join(MEASURES)}")
    h = collapse(g, _types(edge_types))
    if h.number_of_nodes() == 0:
        return {}
    w = "weight" if weighted else None
    scores: dict[str, float]
    if measure == "degree":
        scores = dict(nx.degree_centrality(h)) if h.number_of_nodes() > 1 else {}
        scores = {n: float(scores.get(n, 0.0)) for n in h.nodes}
    elif measure == "strength":
        scores = {n: float(d) for n, d in h.degree(weight=w)}
    elif measure == "betweenness":
        if weighted:
            for _u, _v, d in h.edges(data=True):
                d["distance"] = 1.0 / d["weight"]
        scores = dict(nx.betweenness_centrality(h, weight="distance" if weighted else None))
    elif measure == "eigenvector":
        if h.number_of_edges() == 0:
            scores = {n: 0.0 for n in h.nodes}
        else:
            scores = dict(nx.eigenvector_centrality(h, weight=w, max_iter=1000, tol=1e-9))
    else:
        scores = _pagerank(h, weight=w)
    return {n: round(float(scores[n]), 12) for n in sorted(h.nodes)}


def _pagerank(
    h: nx.Graph, *, weight: str | None, alpha: float = 0.85, iterations: int = 200
) -> dict[str, float]:
    """PageRank by power iteration (pure Python: no SciPy needed)."""
    nodes = sorted(h.nodes)
    n = len(nodes)
    rank = {v: 1.0 / n for v in nodes}
    out_w = {v: float(h.degree(v, weight=weight)) for v in nodes}
    for _ in range(iterations):
        dangling = sum(rank[v] for v in nodes if out_w[v] == 0)
        new = {v: (1 - alpha) / n + alpha * dangling / n for v in nodes}
        for u in nodes:
            if out_w[u] == 0:
                continue
            share = alpha * rank[u] / out_w[u]
            for v, d in h[u].items():
                new[v] += share * (float(d.get(weight, 1)) if weight else 1.0)
        delta = sum(abs(new[v] - rank[v]) for v in nodes)
        rank = new
        if delta < 1e-12 * n:
            break
    return rank


def ranking(
    g: nx.MultiDiGraph,
    *,
    measure: str = "degree",
    edge_types: str | Iterable[str] | None = None,
    top: int | None = None,
) -> list[tuple[str, float]]:
    """Nodes by decreasing centrality (ties by IRI); the hubs first."""
    scores = centrality(g, measure=measure, edge_types=edge_types)
    ordered = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return ordered[:top] if top is not None else ordered


def communities(
    g: nx.MultiDiGraph,
    *,
    edge_types: str | Iterable[str] | None = None,
    seed: int = 0,
) -> list[list[str]]:
    """Louvain communities of the weighted undirected collapse, largest first.

    Nodes without an edge of the chosen types are left out. Deterministic for a seed.
    """
    h = collapse(g, _types(edge_types))
    h.remove_nodes_from([n for n in list(h.nodes) if h.degree(n) == 0])
    if h.number_of_edges() == 0:
        return []
    parts = nx.community.louvain_communities(h, weight="weight", seed=seed)
    out = [sorted(str(n) for n in p) for p in parts]
    out.sort(key=lambda c: (-len(c), c[0]))
    return out


@dataclass(frozen=True)
class RoleCount:
    """How many tasks or duties give agencies of one kind one role in one province's plans."""

    province: str
    kind: str
    kind_label: str
    role: str
    count: int
    agencies: int


def role_table(
    store: Store,
    *,
    province: str | None = None,
    theme: str | None = None,
    period: Period | None = None,
) -> list[RoleCount]:
    """Agency kind x role counts per province (of the plan that gives the role).

    Roles: ``lead``, ``coordinating`` (tasks), ``actor``, ``recipient`` (reporting duties),
    ``assignee``, ``partner``, ``reports_to`` (assigned duties). ``count`` is the number of
    distinct items, ``agencies`` the number of distinct agencies of that kind.
    """
    items, plans = _filtered_items(store, province=province, theme=theme, period=period)
    nodes = _agency_nodes(store)
    counted: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    who: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for it in items:
        prov = plans[it.doc].province if it.doc in plans else ""
        for role, agencies in it.roles.items():
            for a in agencies:
                kind = (nodes.get(a) or {}).get("kind", "") or "unknown"
                counted[(prov, kind, role)].add(it.iri)
                who[(prov, kind, role)].add(a)
    labels = {d["kind"]: d["kind_label"] for d in nodes.values() if d["kind"]}
    return [
        RoleCount(p, k, labels.get(k, ""), r, len(counted[(p, k, r)]), len(who[(p, k, r)]))
        for (p, k, r) in sorted(counted, key=lambda t: (t[0], t[1], ROLES.index(t[2])))
    ]


def role_matrix(rows: Sequence[RoleCount]) -> dict[str, dict[str, dict[str, int]]]:
    """``{province: {kind: {role: count}}}`` from :func:`role_table` rows."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for r in rows:
        out.setdefault(r.province, {}).setdefault(r.kind, {})[r.role] = r.count
    return out


# ---------------------------------------------------------------------------------------
# Exports


#: Characters XML 1.0 cannot hold (control characters, surrogates, U+FFFE/U+FFFF).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose string attributes hold only characters XML can carry (text from plans
    and filter values are not trusted to)."""

    def clean(d: dict[str, Any]) -> dict[str, Any]:
        return {k: _XML_INVALID.sub("", v) if isinstance(v, str) else v for k, v in d.items()}

    h = nx.MultiDiGraph()
    h.graph.update(clean(dict(g.graph)))
    for n, d in g.nodes(data=True):
        h.add_node(n, **clean(d))
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **clean(d))
    return h


def to_graphml(g: nx.MultiDiGraph) -> bytes:
    """GraphML (UTF-8). Edge ids are the edge types; attributes keep their types."""
    buf = io.BytesIO()
    nx.write_graphml(_xml_safe(g), buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()


def to_gexf(g: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 for Gephi. Edges get unique ids and their type as ``label`` and as the
    attribute ``edge_type`` (GEXF reserves ``type`` for directed/undirected)."""
    g = _xml_safe(g)
    h = nx.MultiDiGraph()
    h.graph.update({k: v for k, v in g.graph.items()})
    for n, d in g.nodes(data=True):
        h.add_node(n, **d)
    for i, (u, v, k, d) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: e[:3])):
        data = {c: x for c, x in d.items() if c != "type"}  # "type" is reserved in GEXF
        h.add_edge(u, v, key=k, **data, id=f"e{i}", label=k, edge_type=k)
    buf = io.BytesIO()
    nx.write_gexf(h, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    return buf.getvalue()


def cytoscape_elements(
    g: nx.MultiDiGraph, *, centrality_measure: str | None = None
) -> dict[str, Any]:
    """Cytoscape.js elements: ``{"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}``.

    Node data has ``id`` (the IRI) and every node attribute; edge data has ``id``,
    ``source``, ``target`` and every edge attribute. With ``centrality_measure``, each
    node also gets ``centrality`` (over all edge types), for sizing nodes.
    """
    scores = centrality(g, measure=centrality_measure) if centrality_measure else {}
    nodes = []
    for n in sorted(g.nodes):
        data: dict[str, Any] = {"id": n, **g.nodes[n]}
        if centrality_measure:
            data["centrality"] = scores.get(n, 0.0)
        nodes.append({"data": data})
    edges = []
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        edges.append({"data": {"id": f"{u}|{k}|{v}", "source": u, "target": v, **d}})
    return {"nodes": nodes, "edges": edges}


def to_cytoscape(g: nx.MultiDiGraph, *, centrality_measure: str | None = None) -> str:
    """:func:`cytoscape_elements` as JSON text (UTF-8, not ASCII-escaped)."""
    return json.dumps(
        cytoscape_elements(g, centrality_measure=centrality_measure),
        ensure_ascii=False,
        indent=1,
        sort_keys=True,
    )


def to_csv_edges(g: nx.MultiDiGraph) -> str:
    """CSV edge list: source, target, type, source_label, target_label, then the weights
    and every other edge attribute (columns sorted)."""
    keys = sorted({k for _u, _v, d in g.edges(data=True) for k in d} - {"type"})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source", "target", "type", "source_label", "target_label", *keys])
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        w.writerow(
            [u, v, k, g.nodes[u].get("label", ""), g.nodes[v].get("label", "")]
            + [d.get(c, "") for c in keys]
        )
    return buf.getvalue()


def export_network(
    store: Store,
    *,
    kind: Literal["agency", "citation"] | str = "agency",
    fmt: str = "graphml",
    province: str | None = None,
    theme: str | None = None,
    period: Period | None = None,
) -> bytes:
    """One projection in one format, as bytes (what the CLI writes and the API returns).

    ``theme`` and ``period`` apply to the agency network only. :class:`ValueError` on an
    unknown kind or format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if kind == "agency":
        g = agency_network(store, province=province, theme=theme, period=period)
    elif kind == "citation":
        g = citation_network(store, province=province)
    else:
        raise ValueError(f"unknown network kind {kind!r}; one of agency, citation")
    if fmt == "graphml":
        return to_graphml(g)
    if fmt == "gexf":
        return to_gexf(g)
    if fmt == "cytoscape":
        return to_cytoscape(g, centrality_measure="degree").encode("utf-8")
    return to_csv_edges(g).encode("utf-8")


#: Media types of the export formats (for the API).
MEDIA_TYPES: dict[str, str] = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "cytoscape": "application/json",
    "csv": "text/csv; charset=utf-8",
}
