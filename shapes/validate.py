"""Validate RDF graphs with the policykg shapes (``shapes/*.ttl``).

Two engines run the same shapes and give the same results (``tests/test_shapes.py`` checks
that they agree on every test graph):

* :func:`validate` — the fast engine used by the checker and ``policykg validate``. It
  compiles each shape into one SPARQL query per constraint and runs it with pyoxigraph over a
  data graph plus a context (the ontology and reference data, kept loaded in a cached
  store). It supports the part of SHACL that the shapes use: ``sh:targetClass``,
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:targetNode``; property shapes with
  an IRI ``sh:path`` and ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:nodeKind``,
  ``sh:class``; and SHACL-SPARQL ``sh:sparql`` SELECT constraints with ``sh:message``
  templates (``{$this}``, ``{?value}``, any projected variable). A shape that uses anything
  else raises :class:`UnsupportedShape` when the shapes are compiled. Each distinct target
  is evaluated once per validation and its focus nodes in the data are marked in a scratch
  graph; constraints look the marks up instead of re-evaluating the target, and those with
  no focus node in the data are not run.
* :func:`validate_pyshacl` — the reference validator (pyshacl), for tests and the benchmark.

Nothing here reads or writes a user's store: callers pass triples.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF as RDF_NS
from rdflib.namespace import SH as SH_NS

from policykg.ontology.iri import DEFAULT_BASE, PREFIXES, RDF, RDFS
from policykg.ontology.load import ontology_triples, reference_triples

SHAPES_NS = "https://w3id.org/policykg/shapes#"
SEVERITIES = ("Violation", "Warning", "Info")
_SH = "http://www.w3.org/ns/shacl#"


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature the fast engine does not implement."""


@dataclass(frozen=True)
class ShapeResult:
    """One validation result (a ``sh:ValidationResult``)."""

    code: str  # local name of the source shape, e.g. "TaskWithoutLead"
    severity: str  # "Violation" | "Warning" | "Info"
    focus: str  # IRI of the focus node
    path: str | None = None  # IRI of the property, when the constraint has one
    value: str | None = None  # the value node (IRI or lexical form)
    value_is_iri: bool = False
    messages: Mapping[str, str] = field(default_factory=dict)  # language -> message
    shape: str = ""  # IRI of the source shape

    def key(self) -> tuple[str, str, str, str | None]:
        """What two engines must agree on."""
        return (self.code, self.severity, self.focus, self.value)


# --- shapes ------------------------------------------------------------------------------


def shape_files() -> list[str]:
    """Names of the shape files, in load order."""
    root = resources.files("policykg.shapes")
    return sorted(f.name for f in root.iterdir() if f.name.endswith(".ttl"))


@lru_cache(maxsize=1)
def _shapes_text() -> tuple[tuple[str, str], ...]:
    root = resources.files("policykg.shapes")
    return tuple((name, (root / name).read_text(encoding="utf-8")) for name in shape_files())


def shapes_graph() -> rdflib.Graph:
    """All shapes as one rdflib graph (a fresh copy)."""
    g = rdflib.Graph()
    for name, text in _shapes_text():
        try:
            g.parse(data=text, format="turtle")
        except Exception as exc:  # rdflib raises several parser exception types
            raise SyntaxError(f"shapes/{name}: {exc}") from exc
    return g


def shapes_triples() -> list[ox.Triple]:
    """All shapes as pyoxigraph triples (for the turtle report and docs)."""
    out: list[ox.Triple] = []
    for _, text in _shapes_text():
        out.extend(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    return out


def _cbd(g: rdflib.Graph, node: rdflib.term.Node, out: rdflib.Graph, skip: set[object]) -> None:
    for p, o in g.predicate_objects(node):
        if p in skip:
            continue
        out.add((node, p, o))
        if isinstance(o, rdflib.BNode):
            _cbd(g, o, out, skip)


def shape_subgraph(code: str) -> rdflib.Graph:
    """The shapes graph of one code alone (for running pyshacl on one shape quickly)."""
    g = shapes_graph()
    node = rdflib.URIRef(SHAPES_NS + code)
    out = rdflib.Graph()
    if (node, None, None) not in g:
        raise KeyError(code)
    _cbd(g, rdflib.URIRef(SHAPES_NS), out, set())  # the prefix declarations
    _cbd(g, node, out, {SH_NS.property})
    for parent in g.subjects(SH_NS.property, node):
        _cbd(g, parent, out, {SH_NS.property})
        out.add((parent, SH_NS.property, node))
    return out


@dataclass(frozen=True)
class _Check:
    sparql: bool
    shape: str
    code: str
    severity: str
    query: str
    messages: tuple[tuple[str, str], ...]
    path: str | None
    target: str = ""  # the target sub-select, as it appears once in ``query``


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _target_pattern(g: rdflib.Graph, shape: rdflib.term.Node) -> str:
    parts: list[str] = []
    for c in g.objects(shape, SH_NS.targetClass):
        parts.append(f"?this <{RDF}type>/<{RDFS}subClassOf>* <{c}> .")
    for p in g.objects(shape, SH_NS.targetSubjectsOf):
        parts.append(f"?this <{p}> ?_t .")
    for p in g.objects(shape, SH_NS.targetObjectsOf):
        parts.append(f"?_t <{p}> ?this .")
    for n in g.objects(shape, SH_NS.targetNode):
        parts.append(f"VALUES ?this {{ <{n}> }}")
    if not parts:
        return ""
    union = " UNION ".join("{ " + p + " }" for p in parts)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


def _severity(g: rdflib.Graph, shape: rdflib.term.Node) -> str:
    sev = g.value(shape, SH_NS.severity)
    name = _local(str(sev)) if sev is not None else "Violation"
    if name not in SEVERITIES:
        raise UnsupportedShape(f"{shape}: severity {sev}")
    return name


def _messages(g: rdflib.Graph, node: rdflib.term.Node) -> tuple[tuple[str, str], ...]:
    out = []
    for m in g.objects(node, SH_NS.message):
        if isinstance(m, rdflib.Literal):
            out.append((m.language or "", str(m)))
    return tuple(sorted(out))


_KNOWN_NODE = {
    SH_NS.targetClass,
    SH_NS.targetSubjectsOf,
    SH_NS.targetObjectsOf,
    SH_NS.targetNode,
    SH_NS.property,
    SH_NS.sparql,
    SH_NS.severity,
    SH_NS.message,
    RDF_NS.type,
}
_KNOWN_PROPERTY = {
    SH_NS.path,
    SH_NS.minCount,
    SH_NS.maxCount,
    SH_NS.datatype,
    SH_NS.nodeKind,
    SH_NS["class"],
    SH_NS.severity,
    SH_NS.message,
    RDF_NS.type,
}
_NODE_KINDS = {
    "IRI": "isIRI(?value)",
    "Literal": "isLiteral(?value)",
    "BlankNode": "isBlank(?value)",
    "BlankNodeOrIRI": "(isBlank(?value) || isIRI(?value))",
    "IRIOrLiteral": "(isIRI(?value) || isLiteral(?value))",
    "BlankNodeOrLiteral": "(isBlank(?value) || isLiteral(?value))",
}


def _insert_target(select: str, target: str) -> str:
    """Put the target subquery first inside the WHERE group of a SELECT."""
    m = re.search(r"\bWHERE\s*\{", select, flags=re.IGNORECASE)
    if m is None:
        raise UnsupportedShape(f"SELECT without WHERE: {select[:80]}")
    return select[: m.end()] + " " + target + " " + select[m.end() :]


def _property_checks(
    g: rdflib.Graph, ps: rdflib.term.Node, target: str, parent_sev: str
) -> list[_Check]:
    for p in set(g.predicates(ps)):
        if p not in _KNOWN_PROPERTY:
            raise UnsupportedShape(f"{ps}: {p} is not supported by the fast engine")
    path = g.value(ps, SH_NS.path)
    if not isinstance(path, rdflib.URIRef):
        raise UnsupportedShape(f"{ps}: only IRI paths are supported")
    shape, code = str(ps), _local(str(ps))
    sev = _severity(g, ps) if g.value(ps, SH_NS.severity) is not None else parent_sev
    msgs = _messages(g, ps)
    checks: list[_Check] = []

    def add(query: str) -> None:
        checks.append(_Check(False, shape, code, sev, query, msgs, str(path), target))

    optional = f"OPTIONAL {{ ?this <{path}> ?value }}"
    lo = g.value(ps, SH_NS.minCount)
    if lo is not None:
        add(
            f"SELECT ?this WHERE {{ {target} {optional} }} GROUP BY ?this "
            f"HAVING (COUNT(DISTINCT ?value) < {int(str(lo))})"
        )
    hi = g.value(ps, SH_NS.maxCount)
    if hi is not None:
        add(
            f"SELECT ?this WHERE {{ {target} {optional} }} GROUP BY ?this "
            f"HAVING (COUNT(DISTINCT ?value) > {int(str(hi))})"
        )
    value = f"?this <{path}> ?value ."
    dt = g.value(ps, SH_NS.datatype)
    if dt is not None:
        add(
            f"SELECT ?this ?value WHERE {{ {target} {value} "
            f"FILTER(!isLiteral(?value) || DATATYPE(?value) != <{dt}>) }}"
        )
    nk = g.value(ps, SH_NS.nodeKind)
    if nk is not None:
        test = _NODE_KINDS.get(_local(str(nk)))
        if test is None:
            raise UnsupportedShape(f"{ps}: node kind {nk}")
        add(f"SELECT ?this ?value WHERE {{ {target} {value} FILTER(!{test}) }}")
    cls = g.value(ps, SH_NS["class"])
    if cls is not None:
        add(
            f"SELECT ?this ?value WHERE {{ {target} {value} "
            f"FILTER NOT EXISTS {{ ?value <{RDF}type>/<{RDFS}subClassOf>* <{cls}> }} }}"
        )
    return checks


@lru_cache(maxsize=1)
def compiled_checks() -> tuple[_Check, ...]:
    """Every constraint of every shape as one SPARQL query (cached)."""
    g = shapes_graph()
    checks: list[_Check] = []
    node_shapes = set(g.subjects(RDF_NS.type, SH_NS.NodeShape))
    for shape in sorted(node_shapes, key=str):
        for p in set(g.predicates(shape)):
            if p not in _KNOWN_NODE:
                raise UnsupportedShape(f"{shape}: {p} is not supported by the fast engine")
        target = _target_pattern(g, shape)
        if not target:
            continue
        sev = _severity(g, shape)
        for ps in sorted(g.objects(shape, SH_NS.property), key=str):
            checks.extend(_property_checks(g, ps, target, sev))
        for c in g.objects(shape, SH_NS.sparql):
            select = g.value(c, SH_NS.select)
            if select is None:
                raise UnsupportedShape(f"{shape}: sh:sparql without sh:select")
            query = _insert_target(str(select).replace("$this", "?this"), target)
            msgs = _messages(g, c) or _messages(g, shape)
            checks.append(
                _Check(True, str(shape), _local(str(shape)), sev, query, msgs, None, target)
            )
    return tuple(checks)


_MARK = "urn:policykg:target:"


@lru_cache(maxsize=1)
def _marked_checks() -> tuple[tuple[str, ...], tuple[tuple[_Check, str, int], ...]]:
    """The distinct target sub-selects, and each check with its target replaced by a lookup of
    the focus nodes found for it (``GRAPH ?_marks { ?this <urn:policykg:target:N> ?_m }``).

    :func:`validate` evaluates each distinct target once (16 for 84 constraints), keeps the
    focus nodes that are in the data (results on other nodes are dropped anyway), writes them
    to a graph of marks and runs only the constraints whose target is not empty.
    """
    checks = compiled_checks()
    targets = tuple(sorted({c.target for c in checks}))
    index = {t: i for i, t in enumerate(targets)}
    out = []
    for c in checks:
        if c.query.count(c.target) != 1:
            raise UnsupportedShape(f"{c.shape}: the target appears more than once in the query")
        # still a sub-select: oxigraph then plans the rest of the query as before
        lookup = (
            f"{{ SELECT DISTINCT ?this WHERE {{ GRAPH ?_marks "
            f"{{ ?this <{_MARK}{index[c.target]}> ?_m }} }} }}"
        )
        out.append((c, c.query.replace(c.target, lookup), index[c.target]))
    return targets, tuple(out)


def shape_codes() -> list[str]:
    """The codes (shape local names) of every constraint, sorted."""
    return sorted({c.code for c in compiled_checks()})


# --- the fast engine ---------------------------------------------------------------------

_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


def _term_text(term: object) -> str:
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return term.value
    return "" if term is None else str(term)


class _Context:
    """An in-memory pyoxigraph store holding the context graph, shared by validations.

    Each validation adds its data in a graph of its own and removes it afterwards. The
    in-memory store keeps what was removed until it is dropped and slows down as it does, so
    a context store serves :data:`_CONTEXT_USES` validations and is then replaced (measured
    on 200 generated plans, CPU of ``validate_store``: every 25 validations 7.2–7.9 s, every
    100 6.7 s, every 400 7.0–7.1 s).
    """

    graph = ox.NamedNode("urn:policykg:context")

    def __init__(self, quads: Sequence[ox.Quad]) -> None:
        self.store = ox.Store()
        self.store.bulk_extend(quads)
        self.uses = 0


_CONTEXT_USES = 100
_contexts: dict[str, _Context] = {}
_contexts_lock = threading.Lock()


@lru_cache(maxsize=4)
def _context_quads(base: str) -> tuple[ox.Quad, ...]:
    g = _Context.graph
    return tuple(ox.Quad(t.subject, t.predicate, t.object, g) for t in context_triples(base))


def _context(base: str) -> _Context:
    with _contexts_lock:
        ctx = _contexts.get(base)
        if ctx is None or ctx.uses >= _CONTEXT_USES:
            ctx = _contexts[base] = _Context(_context_quads(base))
        ctx.uses += 1
        return ctx


def context_triples(base: str = DEFAULT_BASE) -> list[ox.Triple]:
    """The ontology, code lists and reference data: what every graph is validated against."""
    return ontology_triples(base) + reference_triples(base)


def validate(
    triples: Iterable[ox.Triple],
    *,
    extra: Iterable[ox.Triple] = (),
    base: str = DEFAULT_BASE,
    with_context: bool = True,
) -> list[ShapeResult]:
    """Validate a data graph with every shape (the fast engine).

    ``triples`` is the graph under validation; ``extra`` adds facts it may be compared with
    (for example how other documents cite the same instruments). With ``with_context`` the
    ontology and reference data of ``base`` are visible to the constraints too. Results are
    sorted and deduplicated; results whose focus node is only in the context are dropped.
    """
    data = list(triples)
    ctx = _context(base) if with_context else None
    store = ctx.store if ctx is not None else ox.Store()
    tmp = ox.NamedNode(f"urn:policykg:check:{uuid.uuid4()}")
    marks = ox.NamedNode(f"urn:policykg:marks:{uuid.uuid4()}")
    quads = [ox.Quad(t.subject, t.predicate, t.object, tmp) for t in [*data, *extra]]
    store.extend(quads)
    try:
        graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = (
            [tmp] if ctx is None else [ctx.graph, tmp]
        )
        subjects = {t.subject.value for t in data if isinstance(t.subject, ox.NamedNode)}
        subjects |= {t.object.value for t in data if isinstance(t.object, ox.NamedNode)}
        targets, checks = _marked_checks()
        found: set[int] = set()
        mark_quads = []
        one = ox.Literal("1")
        for i, target in enumerate(targets):
            for row in store.query(f"SELECT ?this WHERE {target}", default_graph=graphs):  # type: ignore[union-attr]
                this = row[0]
                if isinstance(this, ox.NamedNode) and this.value in subjects:
                    mark_quads.append(ox.Quad(this, ox.NamedNode(f"{_MARK}{i}"), one, marks))
                    found.add(i)
        store.extend(mark_quads)
        out: set[ShapeResult] = set()
        for check, query, i in checks:
            if i not in found:
                continue  # no focus node in the data: nothing to report
            rows = store.query(query, prefixes=PREFIXES, default_graph=graphs, named_graphs=[marks])
            for row in rows:  # type: ignore[union-attr]
                result = _result(check, row)
                if result is not None and result.focus in subjects:
                    out.add(result)
    finally:
        store.remove_graph(tmp)
        store.remove_graph(marks)
    return sorted(out, key=_sort_key)


def validate_graphs(
    graphs: Sequence[tuple[str, Sequence[ox.Triple]]],
    *,
    extra: Iterable[ox.Triple] = (),
    base: str = DEFAULT_BASE,
) -> dict[str, list[ShapeResult]]:
    """Validate several graphs in one run of the compiled queries (for a whole store).

    The graphs are validated together, with ``extra``, and each result goes to every graph
    whose triples hold its focus node. Each query then runs once per batch instead of once per
    graph (84 queries cost ≈ 30 ms of CPU per run whatever the size of the data). The result
    keys (:meth:`ShapeResult.key`) are those of validating each graph alone with the same
    ``extra``; a message may differ where it quotes something the graphs share (an agency
    named differently by two documents; which document an example value comes from).
    """
    data = [t for _, triples in graphs for t in triples]
    results = validate(data, extra=extra, base=base)
    out: dict[str, list[ShapeResult]] = {}
    for name, triples in graphs:
        nodes = {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}
        nodes |= {t.object.value for t in triples if isinstance(t.object, ox.NamedNode)}
        out[name] = [r for r in results if r.focus in nodes]
    return out


def validate_union(
    run: Callable[[str], Iterable[ox.QuerySolution]], *, part: int = 0, parts: int = 1
) -> list[ShapeResult]:
    """Run every compiled constraint once over a dataset whose default graph holds the data
    and the context together (a store's union of all its graphs: ``policykg validate
    --whole``). ``run`` runs a SELECT query (with its PREFIX lines) and returns its rows.
    With ``parts`` > 1, only every ``parts``-th constraint from ``part`` is run (to split the
    work between processes). Results are not filtered by focus node."""
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    out: set[ShapeResult] = set()
    for check in compiled_checks()[part::parts]:
        for row in run(head + check.query):
            result = _result(check, row)
            if result is not None:
                out.add(result)
    return sorted(out, key=_sort_key)


def _sort_key(r: ShapeResult) -> tuple[int, str, str, str, str]:
    return (SEVERITIES.index(r.severity), r.code, r.focus, r.value or "", str(r.messages))


def _result(check: _Check, row: ox.QuerySolution) -> ShapeResult | None:
    this = row["this"]
    if not isinstance(this, ox.NamedNode):
        return None
    value_term = _get(row, "value")
    if value_term is None and check.sparql:
        value_term = this  # SHACL-SPARQL: without ?value, the value is the focus node
    bound: dict[str, str] = {"this": this.value}

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in bound:
            return bound[name]
        term = _get(row, name)
        return _term_text(term) if term is not None else m.group(0)

    messages = {lang: _TEMPLATE.sub(sub, text) for lang, text in check.messages}
    path_term = _get(row, "path")
    return ShapeResult(
        code=check.code,
        severity=check.severity,
        focus=this.value,
        path=path_term.value if isinstance(path_term, ox.NamedNode) else check.path,
        value=_term_text(value_term) if value_term is not None else None,
        value_is_iri=isinstance(value_term, ox.NamedNode),
        messages=_FrozenDict(messages),
        shape=check.shape,
    )


def _get(row: ox.QuerySolution, name: str) -> object | None:
    try:
        term: object | None = row[name]
    except (KeyError, IndexError):
        return None
    return term


class _FrozenDict(dict[str, str]):
    """A hashable dict for messages (results go into sets)."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


# --- the reference engine ----------------------------------------------------------------


def to_rdflib(triples: Iterable[ox.Triple]) -> rdflib.Graph:
    """pyoxigraph triples -> an rdflib graph (through N-Triples)."""
    g = rdflib.Graph()
    data = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)
    if data:
        g.parse(data=data.decode("utf-8"), format="nt")
    return g


def validate_pyshacl(
    triples: Iterable[ox.Triple],
    *,
    extra: Iterable[ox.Triple] = (),
    base: str = DEFAULT_BASE,
    with_context: bool = True,
    shapes: rdflib.Graph | None = None,
) -> list[ShapeResult]:
    """Validate with pyshacl (the reference engine) over data + extra (+ context)."""
    import pyshacl

    data = list(triples)
    everything = [*data, *extra, *(context_triples(base) if with_context else [])]
    g = to_rdflib(everything)
    _conforms, report, _text = pyshacl.validate(
        g, shacl_graph=shapes if shapes is not None else shapes_graph(), allow_warnings=True
    )
    assert isinstance(report, rdflib.Graph)
    subjects = {t.subject.value for t in data if isinstance(t.subject, ox.NamedNode)}
    subjects |= {t.object.value for t in data if isinstance(t.object, ox.NamedNode)}
    out: set[ShapeResult] = set()
    for res in report.subjects(RDF_NS.type, SH_NS.ValidationResult):
        focus = report.value(res, SH_NS.focusNode)
        if not isinstance(focus, rdflib.URIRef) or str(focus) not in subjects:
            continue
        shape = str(report.value(res, SH_NS.sourceShape))
        sev = _local(str(report.value(res, SH_NS.resultSeverity)))
        value = report.value(res, SH_NS.value)
        path = report.value(res, SH_NS.resultPath)
        msgs = {
            (m.language or ""): str(m)
            for m in report.objects(res, SH_NS.resultMessage)
            if isinstance(m, rdflib.Literal)
        }
        out.add(
            ShapeResult(
                code=_local(shape),
                severity=sev,
                focus=str(focus),
                path=str(path) if isinstance(path, rdflib.URIRef) else None,
                value=str(value) if value is not None else None,
                value_is_iri=isinstance(value, rdflib.URIRef),
                messages=_FrozenDict(msgs),
                shape=shape,
            )
        )
    return sorted(out, key=_sort_key)
