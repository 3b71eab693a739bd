"""Check a new plan before it is signed, and validate the store graph by graph.

Plain functions, called by the CLI (``policykg check``, ``policykg validate``), by
``POST /check`` and by tests:

* :func:`check_file` / :func:`check_text` / :func:`check_record`: read and extract a document,
  build its graph (:mod:`policykg.ingest.rdf`), add the facts read from the text that the
  extraction does not put in RDF (:func:`text_facts`), and validate it with the shapes
  against the store (:func:`policykg.shapes.check.check_document`). The store is not changed.
* :func:`validate_store`: every document graph of the store, with a summary table.
* :func:`check_router`: the ``POST /check`` endpoint.

Facts read from the text (general rules, no document is special-cased):

* ``pkg:statedNumber``: the "Số:" line of the header as written (blank numbers included);
* ``pkg:signedAt``: digital-signature timestamps (``2021-01-28T15:02:39+0700``);
* ``pkg:annex`` with ``pkg:statedNumber``: each annex ("PHỤ LỤC" heading or a
  "(Ban hành kèm theo ... số ... ngày ...)" line) and the number it says it is attached to;
* ``pkg:annexReference``: each sentence that says an annex is attached;
* ``pkg:executionClause``: the bodies the execution clause ("... chịu trách nhiệm thi hành")
  lists, in order, repeats kept.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import re
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.ingest.agencies import find_agencies
from policykg.ingest.extract import extract, read_text
from policykg.ingest.rdf import document_triples
from policykg.ontology.iri import DCTERMS, OA, ORG, PKG, PROV, RDF, XSD, IriMinter
from policykg.shapes.check import ContextCache, Report, check_document, store_context
from policykg.shapes.validate import validate_graphs, validate_union

log = logging.getLogger(__name__)

# --- facts read from the text ------------------------------------------------------------

_NUMBER_LINE = re.compile(r"^[ \t*#]*Số[ \t]*:[ \t]*(?P<num>[^\n]*?)[ \t*]*$", re.MULTILINE)
_TIMESTAMP = re.compile(
    r"\b(?P<date>\d{4}-\d{2}-\d{2})T(?P<time>\d{2}:\d{2}:\d{2})(?:\.\d+)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?(?!\d)"
)
_ANNEX_HEADING = re.compile(
    r"^[ \t*#]*(?:PHỤ LỤC|Phụ lục)(?:[ \t]+(?:[IVXLC]+|\d+)[a-z]?)?[ \t]*[:.]?[ \t*]*$",
    re.MULTILINE,
)
_ATTACHED_TO = re.compile(
    r"^[ \t*]*\([ \t]*(?:Ban hành[ \t]+)?[Kk]èm theo[ \t]+[^()\n]*?\bsố[ \t]*:?[ \t]*"
    r"(?P<num>[^\n]*?)[ \t]+ngày\b[^\n]*$",
    re.MULTILINE,
)
_ANNEX_REFERENCE = re.compile(
    r"phụ\s+lục[^\n.;()]{0,80}?(?:kèm\s+theo|đính\s+kèm)"
    r"|(?:kèm\s+theo|đính\s+kèm|chi\s+tiết\s+tại|theo)\s+(?:các\s+)?phụ\s+lục",
    re.IGNORECASE,
)
_PROPOSAL = re.compile(
    r"đề\s+nghị\s+của\s+(?P<who>[^;:()]{3,160}?)\s+tại\s+(?:Tờ\s+trình|Công\s+văn|Văn\s+bản)"
    r"\s+số\s*(?P<num>[^\s,;()]+[-/][ \t]*\n?[ \t]*[^\s,;()]+|[^\s,;()]+)",
    re.IGNORECASE,
)
_EXECUTION = re.compile(
    r"(?:chịu|có)\s+trách\s+nhiệm\s+thi\s+hành|thi\s+hành\s+(?:quyết\s+định|kế\s+hoạch)\s+này",
    re.IGNORECASE,
)


class _Facts:
    def __init__(self, text: str, document: str, minter: IriMinter) -> None:
        self.text = text
        self.doc = document
        self.minter = minter
        self.triples: list[ox.Triple] = []

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = ox.NamedNode(o) if isinstance(o, str) else o
        self.triples.append(ox.Triple(ox.NamedNode(s), ox.NamedNode(p), obj))

    def line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def provenance(self, node: str, start: int, end: int) -> None:
        """Same pattern as policykg.ingest.rdf: a SpecificResource with quote and position."""
        target = self.minter.part(node, "source", "text")
        self.add(node, PROV + "wasDerivedFrom", target)
        self.add(target, RDF + "type", OA + "SpecificResource")
        self.add(target, OA + "hasSource", self.doc)
        quote = " ".join(self.text[start:end].split())
        sel = self.minter.part(node, "selector", "quote")
        self.add(target, OA + "hasSelector", sel)
        self.add(sel, RDF + "type", OA + "TextQuoteSelector")
        self.add(sel, OA + "exact", ox.Literal(quote, language="vi"))
        pos = self.minter.part(node, "selector", "position")
        self.add(target, OA + "hasSelector", pos)
        self.add(pos, RDF + "type", OA + "TextPositionSelector")
        nn = ox.NamedNode(XSD + "nonNegativeInteger")
        self.add(pos, OA + "start", ox.Literal(str(start), datatype=nn))
        self.add(pos, OA + "end", ox.Literal(str(end), datatype=nn))
        self.add(
            pos,
            PKG + "line",
            ox.Literal(str(self.line(start)), datatype=ox.NamedNode(XSD + "integer")),
        )


def _signature_start(text: str) -> int:
    """Offset of the first annex heading (text after it belongs to annexes), else the end."""
    m = _ANNEX_HEADING.search(text)
    return m.start() if m else len(text)


def text_facts(
    text: str,
    *,
    document_iri: str,
    minter: IriMinter,
    province: str | None,
    cited: Mapping[str, str] | None = None,
) -> list[ox.Triple]:
    """Facts the checker needs that the extraction does not put in RDF (see module doc).

    ``cited`` maps normalized numbers of the instruments the document cites to their IRIs
    (:func:`cited_numbers`), so a proposer named in the text can be compared with the
    instrument's number symbol and its issuer.
    """
    f = _Facts(text, document_iri, minter)
    doc = document_iri
    head = text[: _nth_line_offset(text, 40)]
    m = _NUMBER_LINE.search(head)
    if m:
        f.add(doc, PKG + "statedNumber", ox.Literal(" ".join(m.group("num").split())))
    for m in _TIMESTAMP.finditer(text):
        tz = m.group("tz") or ""
        if tz and tz != "Z" and ":" not in tz:
            tz = tz[:3] + ":" + tz[3:]
        value = f"{m.group('date')}T{m.group('time')}{tz}"
        f.add(doc, PKG + "signedAt", ox.Literal(value, datatype=ox.NamedNode(XSD + "dateTime")))
    _annexes(f, text)
    _annex_references(f, text)
    _execution_clause(f, text, province)
    _stated_proposers(f, text, province, cited or {})
    return sorted(set(f.triples), key=str)


def _nth_line_offset(text: str, n: int) -> int:
    pos = 0
    for _ in range(n):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return end if end >= 0 else len(text)


def _annexes(f: _Facts, text: str) -> None:
    starts = [m.start() for m in _ANNEX_HEADING.finditer(text)]
    attached = list(_ATTACHED_TO.finditer(text))
    # an "(Ban hành kèm theo ...)" line with no heading in the 8 lines before it is an annex too
    for a in attached:
        lines_before = text[: a.start()].split("\n")[-9:]
        if not any(_ANNEX_HEADING.match(line) for line in lines_before):
            starts.append(a.start())
    for n, start in enumerate(sorted(set(starts)), start=1):
        node = f.minter.part(f.doc, "annex", n)
        f.add(f.doc, PKG + "annex", node)
        f.add(node, RDF + "type", PKG + "Annex")
        nxt = sorted(s for s in starts if s > start)
        limit = nxt[0] if nxt else len(text)
        span = (start, _line_end(text, start))
        for a in attached:
            if start <= a.start() < limit and a.start() - start < 2000:
                f.add(node, PKG + "statedNumber", ox.Literal(" ".join(a.group("num").split())))
                span = (a.start(), a.end())
                break
        f.provenance(node, *span)


def _annex_references(f: _Facts, text: str) -> None:
    body_end = _signature_start(text)
    n = 0
    for m in _ANNEX_REFERENCE.finditer(text, 0, body_end):
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        le = le if le >= 0 else len(text)
        line = text[ls:le]
        if _ANNEX_HEADING.match(line) or _ATTACHED_TO.match(line):
            continue
        n += 1
        node = f.minter.part(f.doc, "annex-reference", n)
        f.add(f.doc, PKG + "annexReference", node)
        f.add(node, PKG + "evidence", ox.Literal(" ".join(line.split()), language="vi"))
        f.provenance(node, ls, le)


def _norm(number: str) -> str:
    return re.sub(r"\s+", "", number).upper().replace("Đ", "D")


def cited_numbers(triples: Sequence[ox.Triple]) -> dict[str, str]:
    """Normalized number -> cited instrument IRI, from a document's pkg:Citation nodes."""
    by_node: dict[str, dict[str, str]] = {}
    for t in triples:
        if t.predicate.value in (PKG + "citedNumber", PKG + "citedResource") and isinstance(
            t.subject, ox.NamedNode
        ):
            assert isinstance(t.object, ox.NamedNode | ox.Literal)
            by_node.setdefault(t.subject.value, {})[t.predicate.value] = t.object.value
    out: dict[str, str] = {}
    for props in by_node.values():
        if PKG + "citedNumber" in props and PKG + "citedResource" in props:
            out[_norm(props[PKG + "citedNumber"])] = props[PKG + "citedResource"]
    return out


def _stated_proposers(f: _Facts, text: str, province: str | None, cited: Mapping[str, str]) -> None:
    """ "Theo đề nghị của X tại Tờ trình số N": a citation as stated, with X as its issuer."""
    for n, m in enumerate(_PROPOSAL.finditer(text), start=1):
        number = re.sub(r"\s+", "", m.group("num")).rstrip(".")
        target = cited.get(_norm(number))
        who = find_agencies(m.group("who"), province=province)
        if target is None or not who:
            continue
        a = who[-1]
        issuer = f.minter.agency(a.kind, a.scope, a.name if a.kind == "other" else None)
        node = f.minter.part(f.doc, "citation", f"stated-proposal-{n}")
        f.add(node, RDF + "type", PKG + "Citation")
        f.add(node, DCTERMS + "isPartOf", f.doc)
        f.add(node, PKG + "citingDocument", f.doc)
        f.add(node, PKG + "citedResource", target)
        f.add(node, PKG + "relation", f.minter.concept("relation", "proposed_by"))
        f.add(node, PKG + "citedNumber", ox.Literal(number))
        f.add(node, PKG + "citedIssuer", issuer)
        f.add(issuer, RDF + "type", ORG + "Organization")
        f.add(issuer, ORG + "classification", f.minter.concept("agency-kind", a.kind))
        f.add(node, PKG + "evidence", ox.Literal(" ".join(m.group(0).split()), language="vi"))
        f.provenance(node, m.start(), m.end())


def _execution_clause(f: _Facts, text: str, province: str | None) -> None:
    m = _EXECUTION.search(text)
    if m is None:
        return
    blank = text.rfind("\n\n", 0, m.start())
    article = max(
        (a.start() for a in re.finditer(r"(?m)^[ \t*#]*Điều\s+\d+\s*\.", text[: m.start()])),
        default=-1,
    )
    start = max(blank + 2 if blank >= 0 else 0, article if article >= 0 else 0)
    segment = text[start : m.start()]
    mentions = find_agencies(segment, province=province)
    if not mentions:
        return
    node = f.minter.part(f.doc, "execution-clause", 1)
    f.add(f.doc, PKG + "executionClause", node)
    f.add(node, RDF + "type", PKG + "AgencyList")
    for i, a in enumerate(mentions, start=1):
        iri = f.minter.agency(a.kind, a.scope, a.name if a.kind == "other" else None)
        f.add(node, f"{RDF}_{i}", iri)
    f.provenance(node, start, m.end())


# --- memory ------------------------------------------------------------------------------


def _load_malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None (musl, macOS, Windows: nothing to do there)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        fn = getattr(ctypes.CDLL(name), "malloc_trim", None)
    except OSError:
        return None
    if fn is not None:
        fn.argtypes = [ctypes.c_size_t]
        fn.restype = ctypes.c_int
    return fn


_MALLOC_TRIM = _load_malloc_trim()


class _Trimmer:
    """Calls ``malloc_trim`` at most once per interval, from whichever thread comes first.

    ``malloc_trim`` walks the whole C heap: ~10 ms of CPU with a 300-plan in-memory store,
    more with a larger one. So it runs at most every ``interval`` seconds and at most 2 % of
    the time (the interval grows to 50 times the last trim's duration)."""

    def __init__(self, interval: float = 1.0) -> None:
        self.interval = interval
        self.last = float("-inf")
        self.cost = 0.0
        self.lock = threading.Lock()

    def __call__(self, *, force: bool = False) -> bool:
        if _MALLOC_TRIM is None:
            return False
        now = time.monotonic()
        if not force and now - self.last < max(self.interval, 50 * self.cost):
            return False
        if not self.lock.acquire(blocking=False):
            return False  # another thread is trimming already
        try:
            released = bool(_MALLOC_TRIM(0))
            self.last = time.monotonic()
            self.cost = self.last - now
            return released
        finally:
            self.lock.release()


_trimmer = _Trimmer()


def release_free_memory(*, force: bool = False) -> bool:
    """Give the C heap's free pages back to the system (glibc ``malloc_trim(0)``).

    A check builds and drops native pyoxigraph stores and many small objects. With several
    threads checking at once (``POST /check`` runs in the thread pool), glibc serves them
    from separate malloc arenas and keeps the freed memory of each: a server's resident
    memory grew by ~0.1 MB per check without bound (issue #10; docs/reliability.md).
    :func:`check_text` calls this after each check; it trims at most once a second
    (see :class:`_Trimmer`) unless ``force``. Returns whether memory was released; a no-op
    where the C library has no ``malloc_trim`` (musl, macOS, Windows).
    """
    return _trimmer(force=force)


# --- checking ------------------------------------------------------------------------------


def _province(record: Mapping[str, Any]) -> str | None:
    doc = record.get("document") or {}
    issuer = doc.get("issuer") or {}
    scope = issuer.get("scope")
    if isinstance(scope, str) and scope not in {"national", "international"}:
        return scope
    place = doc.get("place")
    return place if isinstance(place, str) else None


def check_record(
    record: Mapping[str, Any],
    *,
    store: Store | None,
    minter: IriMinter,
    text: str | None = None,
) -> Report:
    """Check an extraction record (and, when given, the text it was read from)."""
    result = document_triples(record, minter=minter, text=text)
    facts = (
        text_facts(
            text,
            document_iri=result.document_iri,
            minter=minter,
            province=_province(record),
            cited=cited_numbers(result.triples),
        )
        if text is not None
        else []
    )
    return check_document(
        result.triples,
        store=store,
        minter=minter,
        text=text,
        extra=facts,
        source=str(record.get("source") or "") or None,
    )


def check_text(text: str, *, source: str, store: Store | None, minter: IriMinter) -> Report:
    """Extract a document from its text and check it (raises IngestError on bad input)."""
    t0 = time.perf_counter()
    try:
        record = extract(text, source=source)
        report = check_record(record, store=store, minter=minter, text=text)
    finally:
        release_free_memory()
    log.info(
        "checked %s: %d finding(s) in %.0f ms",
        source,
        len(report.findings),
        1000 * (time.perf_counter() - t0),
    )
    return report


def check_file(path: str | Path, *, store: Store | None, minter: IriMinter) -> Report:
    """Read a .txt/.md/.docx/.pdf file and check it; the store is not changed."""
    p = Path(path)
    return check_text(read_text(p), source=p.name, store=store, minter=minter)


# --- validating the store --------------------------------------------------------------------


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


# --- HTTP: POST /check ---------------------------------------------------------------------


def _check_upload(store: Store, minter: IriMinter, name: str, data: bytes) -> Report:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="policykg-check-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return check_file(path, store=store, minter=minter)


def check_router(store: Store, settings: Settings) -> APIRouter:
    """``POST /check``: upload a plan (multipart field ``file``) or send its text
    (``text/plain``); the answer is the checker's report as JSON. Nothing is stored."""
    from policykg.api.lookups import UPLOAD_REQUEST_BODY, read_upload

    router = APIRouter()
    minter = IriMinter(settings.base_iri)

    @router.post(
        "/check",
        tags=["documents"],
        summary="Check a plan against the shapes and the store (nothing is stored)",
        response_class=JSONResponse,
        responses={
            200: {
                "description": "the report: counts and findings (severity, code, "
                "message_vi, message_en, focus, path, value, quote, line)"
            },
            413: {"description": "upload too large"},
            415: {
                "description": "not multipart/form-data or text/plain, or not .txt/.md/.docx/.pdf"
            },
            422: {"description": "the document cannot be read or extracted"},
        },
        openapi_extra={"requestBody": UPLOAD_REQUEST_BODY},
    )
    async def post_check(request: Request) -> JSONResponse:
        name, data = await read_upload(request, settings.max_upload_bytes)
        report = await run_in_threadpool(_check_upload, store, minter, name, data)
        log.info("POST /check: %s, %d finding(s)", name, len(report.findings))
        return JSONResponse(report.as_dict())

    return router
