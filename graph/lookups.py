"""The lookups' reading of the graph: catalog of instruments and agencies, citation chains,
document facts, tasks and duties. Every query is a named query with bound values; the
answers are the typed values of :mod:`policykg.graph.lookup_models`. The REST lookups
(``api/documents.py``, ``agencies.py``, ``items.py``) and the pages serve them; a reference
this store does not hold raises :class:`~policykg.graph.errors.NotFound`.

What a request reads is cached by the store's generation (:attr:`Store.generation`: bumped
by every write, and by a remote store at least every ``cache_ttl`` seconds): the
whole-corpus catalog (for the list endpoints and lookups by number) and the summaries of
single instruments and agencies (point queries, for every other endpoint, so that a lookup
never waits for the whole-corpus catalog).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

import pyoxigraph as ox

from policykg.graph.base import Store, Term
from policykg.graph.errors import NotFound
from policykg.graph.lookup_models import (
    AgencyRef,
    ChainPath,
    CitationFact,
    DocumentDetail,
    DocumentSummary,
    DutyFact,
    DutyItem,
    Edge,
    InstrumentRef,
    Quote,
    ReachItem,
    Statement,
    TargetFact,
    TaskFact,
    TaskItem,
)
from policykg.graph.queries import run_select, run_select_paged
from policykg.ontology.iri import DCTERMS, ELI, OA, ORG, PKG, SDO, IriMinter, slug

log = logging.getLogger(__name__)

MAX_DEPTH = 5
#: Point-lookup cache entries kept before the cache is emptied.
MAX_CACHED = 200_000
#: Whole answers (a document's or an agency's detail) kept, least recently used first out.
MAX_ANSWERS = 512

T = TypeVar("T")

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: Properties whose object is an agency counted in :attr:`Catalog.roles` (agency_role_counts).
_ROLE_PROPERTIES = frozenset(
    {PKG + "leadAgency", PKG + "coordinatingAgency", PKG + "actor", PKG + "recipient"}
    | {ELI + "passed_by"}
)

# --- reading the graph ----------------------------------------------------------------------


def _v(row: dict[str, Term], key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None


def _key(*names: str) -> Callable[[dict[str, Term]], tuple[str, ...]]:
    """Sort key of rows by the text of some of their values (the queries' ORDER BY on IRIs
    and plain literals)."""
    return lambda row: tuple(_v(row, n) or "" for n in names)


def _int(value: str | None) -> int | None:
    try:
        return int(value[:4]) if value else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class PointCache(Generic[T]):
    """Values of point lookups by IRI, each kept with the store generation it was read at
    (emptied when it holds :data:`MAX_CACHED` of them)."""

    def __init__(self) -> None:
        self._values: dict[str, tuple[int, T]] = {}

    def get(self, iri: str, generation: int, read: Callable[[], T]) -> T:
        hit = self._values.get(iri)
        if hit is not None and hit[0] == generation:
            return hit[1]
        value = read()
        if len(self._values) >= MAX_CACHED:
            self._values.clear()
        self._values[iri] = (generation, value)
        return value


@dataclass
class Catalog:
    """Instruments and agencies by IRI, rebuilt when the store changes."""

    instruments: dict[str, DocumentSummary]
    agencies: dict[str, AgencyRef]
    issuers: dict[str, str]
    roles: dict[str, dict[str, int]] = field(default_factory=dict)


class Graph:
    """The lookups' view of the store: catalog, ids and the citation traversal."""

    def __init__(self, store: Store, minter: IriMinter) -> None:
        self.store = store
        self.minter = minter
        self.eli_base = minter.base + "eli/vn/"
        self.agency_base = minter.base + "agency/"
        self._catalog: Catalog | None = None
        self._generation = -1
        self._catalog_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._codes: dict[str, set[str]] = {}
        # point lookups: iri -> (store generation when read, value)
        self._instruments: PointCache[tuple[DocumentSummary, str | None] | None] = PointCache()
        self._agencies: PointCache[AgencyRef | None] = PointCache()
        self._answers: OrderedDict[tuple[str, str], tuple[int, Any]] = OrderedDict()
        self._answers_lock = threading.Lock()

    # ids ----------------------------------------------------------------------------------
    def doc_id(self, iri: str) -> str | None:
        return iri[len(self.eli_base) :] if iri.startswith(self.eli_base) else None

    def agency_id(self, iri: str) -> str | None:
        return iri[len(self.agency_base) :] if iri.startswith(self.agency_base) else None

    # catalog --------------------------------------------------------------------------------
    def catalog(self) -> Catalog:
        """Every instrument and agency of the store (built once per store generation)."""
        gen = self.store.generation
        current = self._catalog
        if current is not None and gen == self._generation:
            return current
        with self._catalog_lock:  # one build at a time; the requests waiting reuse it
            if self._catalog is not None and gen == self._generation:
                return self._catalog
            built = self._build()
            self._catalog, self._generation = built, gen
            return built

    def write_graph(self, graph_iri: str, write: Callable[[], T]) -> T:
        """Run ``write``, which changes the named graph ``graph_iri`` and nothing else, and
        keep the catalog current by reading again only what that graph names.

        The catalog is updated only if it was current before the write and the write was the
        store's only change meanwhile (its generation moved by one); otherwise the next
        reader rebuilds it whole, as after any other write.
        """
        with self._write_lock:
            before = self.store.generation
            with self._catalog_lock:
                cat = self._catalog if self._generation == before else None
            old = self._members(graph_iri, cat) if cat is not None else None
            result = write()
            if cat is None or old is None:
                return result
            with self._catalog_lock:
                after = self.store.generation
                if after == before + 1 and self._catalog is cat and self._generation == before:
                    new = self._members(graph_iri, cat)
                    self._catalog = self._updated(cat, old[0] | new[0], old[1] | new[1])
                    self._generation = after
            return result

    def _members(self, graph_iri: str, cat: Catalog) -> tuple[set[str], set[str]]:
        """The instruments and agencies whose catalog entry or role counts the graph's
        triples may change: those it types, describes or gives a role to."""
        instruments: set[str] = set()
        agencies: set[str] = set()
        for t in self.store.graph_triples(graph_iri):
            if not isinstance(t.subject, ox.NamedNode):
                continue
            s, p, o = t.subject.value, t.predicate.value, t.object
            if p == _RDF_TYPE and isinstance(o, ox.NamedNode):
                if o.value == ELI + "LegalResource":
                    instruments.add(s)
                elif o.value == ORG + "Organization":
                    agencies.add(s)
            elif p in _ROLE_PROPERTIES and isinstance(o, ox.NamedNode):
                agencies.add(o.value)
            if s in cat.instruments:
                instruments.add(s)
            elif s in cat.agencies:
                agencies.add(s)
        return instruments, agencies

    def _updated(self, cat: Catalog, instruments: set[str], agencies: set[str]) -> Catalog:
        """A copy of ``cat`` with the entries of ``instruments`` and ``agencies`` read again
        (readers may be iterating the old one)."""
        docs, issuers = dict(cat.instruments), dict(cat.issuers)
        for iri in sorted(instruments):
            rows = run_select(self.store, "instrument_summary", doc=iri)
            docs.pop(iri, None)
            issuers.pop(iri, None)
            if rows:
                docs[iri] = self._summary(rows[0])
                if (issuer := _v(rows[0], "issuer")) is not None:
                    issuers[iri] = issuer
        refs, roles = dict(cat.agencies), dict(cat.roles)
        for iri in sorted(agencies):
            rows = run_select(self.store, "agency_summary", agency=iri)
            refs.pop(iri, None)
            if rows:
                refs[iri] = self._agency_ref(rows[0])
            counts = run_select(self.store, "agency_role_count", agency=iri)
            found = {_v(r, "role") or "": int(_v(r, "count") or 0) for r in counts}
            roles.pop(iri, None)
            if found:
                roles[iri] = dict(sorted(found.items()))
        return Catalog(docs, refs, issuers, roles)

    def _current_catalog(self) -> Catalog | None:
        """The catalog if it is already built for the store as it is now."""
        if self._catalog is not None and self.store.generation == self._generation:
            return self._catalog
        return None

    def _summary(self, r: dict[str, Term]) -> DocumentSummary:
        iri = _v(r, "doc") or ""
        return DocumentSummary(
            id=self.doc_id(iri),
            iri=iri,
            kind=_v(r, "kind"),
            number=_v(r, "number"),
            date=_v(r, "date"),
            title=_v(r, "title"),
            province=_v(r, "province"),
            ingested=_v(r, "source") is not None,
            source=_v(r, "source"),
            period_start=_int(_v(r, "periodStart")),
            period_end=_int(_v(r, "periodEnd")),
        )

    def _agency_ref(self, r: dict[str, Term]) -> AgencyRef:
        iri = _v(r, "agency") or ""
        province = _v(r, "province")
        label = _v(r, "label")
        if label is None and _v(r, "kindLabel"):
            label = " ".join(x for x in (_v(r, "kindLabel"), province) if x)
        return AgencyRef(
            id=self.agency_id(iri),
            iri=iri,
            kind=_v(r, "kind"),
            label=label or _v(r, "altLabel"),
            province=province,
            scope=_v(r, "scope") or ("provincial" if province else None),
        )

    def _build(self) -> Catalog:
        # unordered: these are indexed here, and sorting thousands of rows was most of the cost
        instruments: dict[str, DocumentSummary] = {}
        issuers: dict[str, str] = {}
        for r in sorted(
            run_select_paged(self.store, "instrument_list", {}, ordered=False), key=_key("doc")
        ):
            summary = self._summary(r)
            instruments[summary.iri] = summary
            if (issuer := _v(r, "issuer")) is not None:
                issuers[summary.iri] = issuer
        agencies: dict[str, AgencyRef] = {}
        for r in sorted(
            run_select_paged(self.store, "agency_list", {}, ordered=False), key=_key("agency")
        ):
            ref = self._agency_ref(r)
            agencies[ref.iri] = ref
        roles: dict[str, dict[str, int]] = defaultdict(dict)
        counts = run_select_paged(self.store, "agency_role_counts", {}, ordered=False)
        for r in sorted(counts, key=_key("agency", "role")):
            roles[_v(r, "agency") or ""][_v(r, "role") or ""] = int(_v(r, "count") or 0)
        return Catalog(instruments, agencies, issuers, dict(roles))

    def codes(self, scheme: str) -> set[str]:
        if scheme not in self._codes:
            rows = run_select(self.store, "concepts_in_scheme", scheme=self.minter.scheme(scheme))
            self._codes[scheme] = {v for r in rows if (v := _v(r, "notation"))}
        return self._codes[scheme]

    def cached(self, kind: str, key: str, build: Callable[[], T]) -> T:
        """``build()``, kept for the store's generation (the last :data:`MAX_ANSWERS` answers).

        Only for answers that depend on nothing but the store's content and ``key``."""
        gen = self.store.generation
        with self._answers_lock:
            hit = self._answers.get((kind, key))
            if hit is not None and hit[0] == gen:
                self._answers.move_to_end((kind, key))
                return hit[1]  # type: ignore[no-any-return]
        value = build()
        with self._answers_lock:
            self._answers[(kind, key)] = (gen, value)
            while len(self._answers) > MAX_ANSWERS:
                self._answers.popitem(last=False)
        return value

    # point lookups ----------------------------------------------------------------------------
    def _lookup_instrument(self, iri: str) -> tuple[DocumentSummary, str | None] | None:
        cat = self._current_catalog()
        if cat is not None:
            found = cat.instruments.get(iri)
            return (found, cat.issuers.get(iri)) if found is not None else None
        if not _is_iri(iri):
            return None

        def read() -> tuple[DocumentSummary, str | None] | None:
            rows = run_select(self.store, "instrument_summary", doc=iri)
            return (self._summary(rows[0]), _v(rows[0], "issuer")) if rows else None

        return self._instruments.get(iri, self.store.generation, read)

    def summary(self, iri: str) -> DocumentSummary | None:
        """The catalog entry of one instrument (``None`` if the store has no such instrument)."""
        found = self._lookup_instrument(iri)
        return found[0] if found is not None else None

    def issuer(self, iri: str) -> str | None:
        """The IRI of the agency that issued an instrument."""
        found = self._lookup_instrument(iri)
        return found[1] if found is not None else None

    def find_agency(self, iri: str) -> AgencyRef | None:
        """The catalog entry of one agency (``None`` if the store has no such agency)."""
        cat = self._current_catalog()
        if cat is not None:
            return cat.agencies.get(iri)
        if not _is_iri(iri):
            return None

        def read() -> AgencyRef | None:
            rows = run_select(self.store, "agency_summary", agency=iri)
            return self._agency_ref(rows[0]) if rows else None

        return self._agencies.get(iri, self.store.generation, read)

    def instrument(self, iri: str) -> InstrumentRef:
        found = self.summary(iri)
        if found is not None:
            return InstrumentRef(**found.model_dump(include=set(InstrumentRef.model_fields)))
        return InstrumentRef(id=self.doc_id(iri), iri=iri)

    def agency(self, iri: str) -> AgencyRef:
        found = self.find_agency(iri)
        return found or AgencyRef(id=self.agency_id(iri), iri=iri)

    # resolving user input -------------------------------------------------------------------
    def document_iri(self, issuer: str, year: str, kind: str, local: str) -> str:
        iri = f"{self.eli_base}{issuer}/{year}/{kind}/{local}"
        if self.summary(iri) is None:
            raise NotFound("no document or instrument with this id")
        return iri

    def resolve_instrument(self, ref: str) -> str:
        """An instrument from its IRI, its ELI id or its number (as written or slugged)."""
        ref = ref.strip()
        for iri in (ref, self.eli_base + ref.strip("/")):
            if self.summary(iri) is not None:
                return iri
        cat = self.catalog().instruments  # a number: compared with every instrument's
        key = slug(ref)
        hits = sorted(i for i, d in cat.items() if d.number and slug(d.number) == key)
        if not hits:
            raise NotFound("no instrument with this number or id")
        return hits[0]

    def resolve_agency(self, ref: str) -> str:
        ref = ref.strip()
        for iri in (ref, self.agency_base + ref.strip("/")):
            if self.find_agency(iri) is not None:
                return iri
        raise NotFound("no agency with this id", detail={"agency": ref})

    # citation edges --------------------------------------------------------------------------
    def edges(self, node: str, direction: Literal["out", "in"]) -> list[Edge]:
        name = "citation_edges_from" if direction == "out" else "citation_edges_to"
        grouped: dict[tuple[str, str], list[Statement]] = {}
        for r in run_select(self.store, name, instrument=node):
            other, relation = _v(r, "other") or "", _v(r, "relation") or ""
            statements = grouped.setdefault((other, relation), [])
            if (citation := _v(r, "citation")) is not None:
                stmt = Statement(
                    document=_v(r, "statedIn") or "",
                    citation=citation,
                    evidence=_v(r, "evidence"),
                )
                if stmt not in statements:
                    statements.append(stmt)
        out = []
        for (other, relation), statements in grouped.items():
            src, dst = (node, other) if direction == "out" else (other, node)
            out.append(
                Edge(
                    source=self.instrument(src),
                    relation=relation,
                    target=self.instrument(dst),
                    evidence=statements,
                )
            )
        return out


def _is_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI that can be bound in a query."""
    if ":" not in text:
        return False
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


class _EdgeCache:
    """Memoizes one request's edge lookups."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.memo: dict[tuple[str, str], list[Edge]] = {}

    def get(self, node: str, direction: Literal["out", "in"]) -> list[Edge]:
        key = (node, direction)
        if key not in self.memo:
            self.memo[key] = self.graph.edges(node, direction)
        return self.memo[key]


def _far(edge: Edge, direction: str) -> str:
    return edge.target.iri if direction == "out" else edge.source.iri


def chain_paths(
    graph: Graph,
    start: str,
    *,
    direction: Literal["out", "in"],
    depth: int,
    relations: set[str],
    limit: int,
) -> tuple[list[ChainPath], bool]:
    """Every simple path of at most ``depth`` edges of the given relations from ``start``."""
    cache = _EdgeCache(graph)
    paths: list[ChainPath] = []
    stack: list[tuple[str, list[Edge], frozenset[str]]] = [(start, [], frozenset({start}))]
    while stack:
        node, path, seen = stack.pop(0)
        if len(path) >= depth:
            continue
        for e in cache.get(node, direction):
            nxt = _far(e, direction)
            if e.relation not in relations or nxt in seen:
                continue
            if len(paths) >= limit:
                return paths, True
            new = [*path, e]
            end = e.target if direction == "out" else e.source
            paths.append(ChainPath(direction=direction, end=end, edges=new))
            stack.append((nxt, new, seen | {nxt}))
    return paths, False


def _group(found: list[tuple[str, str, str, list[Edge]]], graph: Graph) -> list[ReachItem]:
    items: dict[tuple[str, str, str], ReachItem] = {}
    for iri, relation, how, path in found:
        key = (iri, relation, how)
        if key not in items:
            items[key] = ReachItem(
                instrument=graph.instrument(iri),
                relation=relation,
                how=how,  # type: ignore[arg-type]
                paths=[],
            )
        items[key].paths.append(path)
    return sorted(
        items.values(),
        key=lambda i: (i.how != "direct", i.relation, i.instrument.number or "", i.instrument.iri),
    )


def implemented_by_document(graph: Graph, doc: str, *, transitive: bool) -> list[ReachItem]:
    """What ``doc`` implements: directly, or through instruments it applies or implements
    that (in a chain of ``implements``) implement it."""
    cache = _EdgeCache(graph)
    found: list[tuple[str, str, str, list[Edge]]] = []

    def walk(node: str, path: list[Edge], seen: frozenset[str]) -> None:
        if len(path) >= MAX_DEPTH:
            return
        for e in cache.get(node, "out"):
            nxt = e.target.iri
            allowed = {"implements", "applies"} if not path else {"implements"}
            if e.relation not in allowed or nxt in seen:
                continue
            new = [*path, e]
            if e.relation == "implements":
                found.append((nxt, "implements", "direct" if not path else "through", new))
            if transitive:
                walk(nxt, new, seen | {nxt})

    walk(doc, [], frozenset({doc}))
    return _group(found, graph)


def documents_implementing(
    graph: Graph, instrument: str, *, transitive: bool, relations: set[str], ingested_only: bool
) -> list[ReachItem]:
    """Documents that implement ``instrument`` (or rest on it, for ``legal_basis``), directly
    or through an instrument they apply or implement that implements it."""
    cache = _EdgeCache(graph)
    found: list[tuple[str, str, str, list[Edge]]] = []

    def keep(iri: str) -> bool:
        if not ingested_only:
            return True
        found = graph.summary(iri)
        return found is not None and found.ingested

    def walk(node: str, path: list[Edge], seen: frozenset[str]) -> None:
        if len(path) >= MAX_DEPTH:
            return
        for e in cache.get(node, "in"):
            prev = e.source.iri
            if prev in seen:
                continue
            new = [e, *path]
            if not path:
                if e.relation not in relations:
                    continue
                if keep(prev):
                    found.append((prev, e.relation, "direct", new))
            else:
                if e.relation not in {"implements", "applies"}:
                    continue
                if keep(prev):
                    found.append((prev, "implements", "through", new))
            if transitive and e.relation == "implements":
                walk(prev, new, seen | {prev})

    walk(instrument, [], frozenset({instrument}))
    return _group(found, graph)


# --- document detail --------------------------------------------------------------------------

_PKG, _DCT, _SDO, _OA = PKG, DCTERMS, SDO, OA


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def document_detail(graph: Graph, doc: str) -> DocumentDetail:
    summary = graph.summary(doc)
    if summary is None:
        raise NotFound("no document or instrument with this id")
    parts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, str] = {}
    rows = [
        (_v(r, "type") or "", _v(r, "part") or "", _v(r, "p") or "", r.get("o"))
        for r in run_select(graph.store, "document_parts", doc=doc)
    ]
    rows.sort(key=lambda r: (r[0], r[1], r[2], _term_key(r[3])))  # the query does not sort
    for type_, part, p, term in rows:
        o = term.value if term is not None else ""
        types[part] = _local(type_)
        if o not in parts[part][p]:
            parts[part][p].append(o)

    def one(props: dict[str, list[str]], p: str) -> str | None:
        values = props.get(p)
        return values[0] if values else None

    def quote(props: dict[str, list[str]]) -> Quote | None:
        text = one(props, _OA + "exact")
        return Quote(text=text, line=_int(one(props, _PKG + "line"))) if text else None

    def agencies(props: dict[str, list[str]], p: str) -> list[AgencyRef]:
        return [graph.agency(a) for a in sorted(props.get(p, []))]

    def code(value: str | None) -> str | None:
        return _local(value) if value else None

    citations, tasks, targets, duties = [], [], [], []
    for part in sorted(parts, key=_part_order):
        props, kind = parts[part], types[part]
        if kind == "Citation":
            citations.append(
                CitationFact(
                    iri=part,
                    relation=code(one(props, _PKG + "relation")),
                    subject=graph.instrument(one(props, _PKG + "citingDocument") or doc),
                    target=graph.instrument(one(props, _PKG + "citedResource") or ""),
                    cited_number=one(props, _PKG + "citedNumber"),
                    cited_date=one(props, _PKG + "citedDate"),
                    cited_title=one(props, _PKG + "citedTitle"),
                    evidence=one(props, _PKG + "evidence"),
                    quote=quote(props),
                )
            )
        elif kind == "Task":
            tasks.append(
                TaskFact(
                    iri=part,
                    ref=one(props, _DCT + "identifier"),
                    title=one(props, _DCT + "title"),
                    themes=sorted(_local(t) for t in props.get(_PKG + "theme", [])),
                    lead=agencies(props, _PKG + "leadAgency"),
                    coordinating=agencies(props, _PKG + "coordinatingAgency"),
                    timeframe=one(props, _PKG + "timeframe"),
                    deliverables=props.get(_PKG + "deliverable", []),
                    quote=quote(props),
                )
            )
        elif kind == "Target":
            per_year = one(props, _PKG + "perYear")
            targets.append(
                TargetFact(
                    iri=part,
                    ref=one(props, _DCT + "identifier"),
                    text=one(props, _DCT + "description"),
                    indicator=code(one(props, _PKG + "indicator")),
                    comparator=code(one(props, _PKG + "comparator")),
                    min=_float(one(props, _SDO + "minValue")),
                    max=_float(one(props, _SDO + "maxValue")),
                    unit=one(props, _SDO + "unitText"),
                    due_year=_int(one(props, _PKG + "dueYear")),
                    per_year=None if per_year is None else per_year == "true",
                    quote=quote(props),
                )
            )
        elif kind == "ReportingDuty":
            duties.append(
                DutyFact(
                    iri=part,
                    actors=agencies(props, _PKG + "actor"),
                    recipients=agencies(props, _PKG + "recipient"),
                    deadline=one(props, _PKG + "deadline"),
                    recurrence=code(one(props, _PKG + "recurrence")),
                    evidence=one(props, _PKG + "evidence"),
                    quote=quote(props),
                )
            )
    issuer = graph.issuer(doc)
    return DocumentDetail(
        document=summary,
        issuer=graph.agency(issuer) if issuer else None,
        citations=citations,
        tasks=tasks,
        targets=targets,
        reporting=duties,
    )


_NUMERIC = ("#integer", "#decimal", "#double", "#float", "#nonNegativeInteger")


def _term_key(term: Term | None) -> tuple[int, float, str]:
    """The order of SPARQL's ORDER BY among one property's values: numbers by value first,
    then the other values by their text."""
    if term is None:
        return (0, 0.0, "")
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(_NUMERIC):
        try:
            return (1, float(term.value), term.value)
        except ValueError:
            pass
    return (2, 0.0, term.value)


def _part_order(iri: str) -> tuple[str, int, str]:
    head, _, tail = iri.rpartition("/")
    digits = "".join(ch for ch in tail if ch.isdigit())
    return (head, int(digits) if digits and tail.lstrip("c").isdigit() else 0, tail)


# --- tasks, targets, reporting ----------------------------------------------------------------


def _least(values: list[str | None]) -> str | None:
    """The value the first row of the query's ORDER BY would give (unbound first)."""
    present = [v for v in values if v is not None]
    return min(present) if len(present) == len(values) and present else None


def task_items(graph: Graph) -> list[TaskItem]:
    """Every task, in IRI order. The rows are read unsorted (sorting 260,000 rows of
    10,000 plans on IRIs and texts took half the query's time) and ordered here as the
    query's ORDER BY would: values of a property sorted, the least ref and title."""
    graph.catalog()  # the documents and agencies of every task: one read, not a query each
    tasks: dict[str, dict[str, Any]] = {}
    for r in run_select_paged(graph.store, "task_list", {}, ordered=False):
        iri = _v(r, "task") or ""
        t = tasks.setdefault(iri, {"doc": [], "ref": [], "title": [], "p": defaultdict(set)})
        t["doc"].append(_v(r, "doc"))
        t["ref"].append(_v(r, "ref"))
        t["title"].append(_v(r, "title"))
        p, o = _v(r, "p"), _v(r, "o")
        if p and o:
            t["p"][p].add(o)
    out = []
    for iri in sorted(tasks):
        t = tasks[iri]
        props = {p: sorted(values) for p, values in t["p"].items()}
        out.append(
            TaskItem(
                iri=iri,
                ref=_least(t["ref"]),
                title=_least(t["title"]),
                themes=sorted(_local(x) for x in props.get(_PKG + "theme", [])),
                lead=[graph.agency(a) for a in props.get(_PKG + "leadAgency", [])],
                coordinating=[graph.agency(a) for a in props.get(_PKG + "coordinatingAgency", [])],
                timeframe=(props.get(_PKG + "timeframe") or [None])[0],
                deliverables=props.get(_PKG + "deliverable", []),
                document=graph.instrument(_least(t["doc"]) or ""),
            )
        )
    return out


def duty_items(graph: Graph) -> list[DutyItem]:
    """Every reporting duty, in IRI order (rows read unsorted, as in :func:`task_items`)."""
    graph.catalog()  # as in task_items
    duties: dict[str, dict[str, Any]] = {}
    fields = ("doc", "deadline", "recurrence", "evidence")
    for r in run_select_paged(graph.store, "reporting_duties", {}, ordered=False):
        iri = _v(r, "duty") or ""
        d = duties.setdefault(iri, {"actor": set(), "recipient": set(), **{f: [] for f in fields}})
        for f in fields:
            d[f].append(_v(r, f))
        role, agency = _v(r, "role"), _v(r, "agency")
        if role in ("actor", "recipient") and agency:
            d[role].add(agency)
    return [
        DutyItem(
            iri=iri,
            actors=[graph.agency(a) for a in sorted(d["actor"])],
            recipients=[graph.agency(a) for a in sorted(d["recipient"])],
            deadline=_least(d["deadline"]),
            recurrence=_least(d["recurrence"]),
            evidence=_least(d["evidence"]),
            document=graph.instrument(_least(d["doc"]) or ""),
        )
        for iri, d in sorted(duties.items())
    ]
