"""The consistency checker: validate one document's graph against the shapes and the store.

:func:`check_document` takes a document's triples (or an extraction record), reads from
the store only what the document must agree with (how other documents cite the same
instruments), validates everything in a scratch graph with
:func:`~policykg.shapes.validate.validate` and returns a :class:`Report`. The store is
never written.

Each :class:`Finding` has a severity, a code (the shape's name), a message in Vietnamese and
English that names the specifics, the focus node, the property path and value, and the
quoted source text with its line number when the graph or the text provide them.

Renderers: :func:`render_text`, :func:`render_json`, :func:`render_turtle` (a
``sh:ValidationReport``) and :func:`render_html` (escaped).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

import pyoxigraph as ox

from policykg.ingest.record import Record
from policykg.ontology.instruments import ReferenceInstrument, reference_instruments
from policykg.ontology.iri import DCTERMS, ELI, OA, PKG, PROV, RDF, SH, XSD, IriMinter, slug
from policykg.shapes.validate import ShapeResult, validate

#: Severity names in reports and on the command line, worst first.
LEVELS = ("violation", "warning", "info")


class SelectStore(Protocol):
    """What the checker needs from a store: a SELECT with bound values (no writes)."""

    def select(
        self, query: str, *, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None
    ) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Finding:
    """One problem found in a document."""

    severity: str  # "violation" | "warning" | "info"
    code: str
    message_vi: str
    message_en: str
    focus: str
    path: str | None = None
    value: str | None = None
    quote: str | None = None
    line: int | None = None


@dataclass
class Report:
    """The findings on one document, worst first."""

    document: str
    graph: str
    source: str | None = None
    findings: list[Finding] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(LEVELS, 0)
        for f in self.findings:
            out[f.severity] += 1
        return out

    def reaches(self, level: str) -> bool:
        """True when a finding is at ``level`` or worse (``--fail-on``)."""
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
        worst = LEVELS.index(level)
        return any(LEVELS.index(f.severity) <= worst for f in self.findings)

    @property
    def conforms(self) -> bool:
        return not self.findings

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "graph": self.graph,
            "source": self.source,
            "conforms": self.conforms,
            "counts": self.counts(),
            "findings": [asdict(f) for f in self.findings],
        }


# --- checking ----------------------------------------------------------------------------

# How the store cites an instrument, read through the citation index that ingest keeps
# (policykg.ingest.rdf: each citation also states pkg:citedAsNumber / pkg:citedAsDate on the
# cited instrument). The union default graph holds each instrument's *distinct* cited values,
# however many documents cite it, so reading them costs the same at 100 or 10,000 plans.
_INDEX = (PKG + "citedAsNumber", PKG + "citedAsDate")
_CITED_AS = {PKG + "citedAsNumber": PKG + "citedNumber", PKG + "citedAsDate": PKG + "citedDate"}

# the distinct values of the index
_INDEX_OF = f"""
SELECT ?r ?p ?o WHERE {{ ?r ?p ?o . FILTER(?p IN (<{_INDEX[0]}>, <{_INDEX[1]}>)) }}
"""

# a graph other than ``?own`` (the checked document's own graph, when an older version of it
# is in the store) that holds the index triple: one lookup in the quad index
_GRAPH_OF = """
SELECT ?r ?p ?o ?own ?g WHERE { GRAPH ?g { ?r ?p ?o } FILTER(?g != ?own) } LIMIT 1
"""

# the citation stating that value in that graph, and its document (the findings name it:
# "... but document 12/KH-UBND gives 2020-08-30"). Two steps, because a join starting from
# the instrument's citations would read every citation of it (pyoxigraph plans the query
# before it sees the bound values).
_EXAMPLE_OF = f"""
SELECT ?r ?g ?cp ?o ?c ?doc WHERE {{
  GRAPH ?g {{ ?c <{PKG}citedResource> ?r ; ?cp ?o ; <{DCTERMS}isPartOf> ?doc . }}
}} LIMIT 1
"""

_DOC_NUMBER = f"""
SELECT ?doc ?number WHERE {{ ?doc <{ELI}number> ?number }} LIMIT 1
"""

_Row = dict[str, Any]


class ContextCache:
    """How the store cites each instrument, read once per instrument (for validating many
    graphs of one store: ``policykg validate``): per distinct cited number and date, up to two
    graphs that hold it, so any graph can be compared with another one; the example citation
    of a value is read only when a graph other than its holder asks for it (an instrument
    cited by one document alone costs one query)."""

    def __init__(self, store: SelectStore) -> None:
        self.store = store
        self._values: dict[str, list[tuple[ox.Triple, list[ox.NamedNode]]]] = {}
        self._examples: dict[tuple[ox.Triple, ox.NamedNode], _Row | None] = {}

    def variants(self, iri: str) -> list[tuple[ox.Triple, list[ox.NamedNode]]]:
        """(index triple, up to two graphs holding it) per distinct value."""
        if iri not in self._values:
            r = ox.NamedNode(iri)
            found: dict[ox.Triple, list[ox.NamedNode]] = {}
            for row in self.store.select(_GRAPHS_OF, bindings={"r": r}):
                p, o, g = row["p"], row["o"], row["g"]
                assert isinstance(p, ox.NamedNode) and isinstance(g, ox.NamedNode)
                assert isinstance(o, ox.Literal)
                graphs = found.setdefault(ox.Triple(r, p, o), [])
                if len(graphs) < 2 and g not in graphs:
                    graphs.append(g)
            self._values[iri] = sorted(found.items(), key=lambda kv: str(kv[0]))
        return self._values[iri]

    def example(self, index: ox.Triple, graph: ox.NamedNode) -> _Row | None:
        key = (index, graph)
        if key not in self._examples:
            self._examples[key] = _example(self.store, index, graph)
        return self._examples[key]


# every graph holding each value of the index (for the cache: read once per instrument)
_GRAPHS_OF = f"""
SELECT ?r ?p ?o ?g WHERE {{
  GRAPH ?g {{ ?r ?p ?o }} FILTER(?p IN (<{_INDEX[0]}>, <{_INDEX[1]}>))
}}
"""


def _example(store: SelectStore, index: ox.Triple, graph: ox.NamedNode) -> _Row | None:
    """The citation of graph ``graph`` that states the value of ``index``, with its
    document's number."""
    cp = ox.NamedNode(_CITED_AS[index.predicate.value])
    assert isinstance(index.subject, ox.NamedNode) and isinstance(index.object, ox.Literal)
    rows = store.select(
        _EXAMPLE_OF, bindings={"r": index.subject, "g": graph, "cp": cp, "o": index.object}
    )
    if not rows:
        return None
    ex = rows[0]
    number = store.select(_DOC_NUMBER, bindings={"doc": ex["doc"]})
    if number:
        ex["number"] = number[0]["number"]
    return ex


def _variants(store: SelectStore, iri: str, own: ox.NamedNode) -> list[tuple[ox.Triple, _Row]]:
    """(index triple, an example citation from a graph other than ``own``) per value."""
    r = ox.NamedNode(iri)
    out = []
    for row in store.select(_INDEX_OF, bindings={"r": r}):
        p, o = row["p"], row["o"]
        assert isinstance(p, ox.NamedNode) and isinstance(o, ox.Literal)
        graph = store.select(_GRAPH_OF, bindings={"r": r, "p": p, "o": o, "own": own})
        if not graph:
            continue  # only the document itself cites it so
        g = graph[0]["g"]
        assert isinstance(g, ox.NamedNode)
        index = ox.Triple(r, p, o)
        ex = _example(store, index, g)
        if ex is not None:
            out.append((index, ex))
    return out


def _cited(triples: Sequence[ox.Triple]) -> list[str]:
    return sorted(
        {
            t.object.value
            for t in triples
            if t.predicate.value == PKG + "citedResource" and isinstance(t.object, ox.NamedNode)
        }
    )


_PART_OF = ox.NamedNode(DCTERMS + "isPartOf")
_CITED_RESOURCE = ox.NamedNode(PKG + "citedResource")
_NUMBER = ox.NamedNode(ELI + "number")


def citation_index(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """The citation index of a graph, from its ``pkg:Citation`` nodes: for each citation
    ``?c pkg:citedResource ?r ; pkg:citedNumber ?n ; pkg:citedDate ?d``, the triples
    ``?r pkg:citedAsNumber ?n`` and ``?r pkg:citedAsDate ?d`` (what ingest writes; the
    checker adds them for citations built elsewhere, e.g. those read from the text)."""
    by_node: dict[ox.NamedNode, list[ox.Triple]] = {}
    cited: dict[ox.NamedNode, ox.NamedNode] = {}
    inverse = {v: k for k, v in _CITED_AS.items()}
    for t in triples:
        if not isinstance(t.subject, ox.NamedNode):
            continue
        if t.predicate.value == PKG + "citedResource" and isinstance(t.object, ox.NamedNode):
            cited[t.subject] = t.object
        elif t.predicate.value in inverse:
            by_node.setdefault(t.subject, []).append(t)
    out = set()
    for node, ts in by_node.items():
        r = cited.get(node)
        if r is not None:
            for t in ts:
                out.add(ox.Triple(r, ox.NamedNode(inverse[t.predicate.value]), t.object))
    return sorted(out, key=str)


def store_context(
    store: SelectStore | None,
    triples: Sequence[ox.Triple],
    graph: str,
    *,
    cache: ContextCache | None = None,
) -> list[ox.Triple]:
    """What the store says that the document must agree with (read only).

    For each instrument the document cites: the distinct numbers and dates under which other
    documents cite it (the citation index, ``pkg:citedAsNumber`` / ``pkg:citedAsDate``), and
    for each value one example citation with its document's number, so the findings can say
    where the value comes from. Its size and cost depend on the distinct values, not on how
    many plans cite the instrument. The document's own graph, if already in the store, is
    left out. With ``cache`` (validating a whole store), each instrument is read once.
    """
    if store is None:
        return []
    own = ox.NamedNode(graph)
    out: set[ox.Triple] = set()
    for iri in _cited(triples):
        if cache is not None:
            variants = []
            for index, graphs in cache.variants(iri):
                g = next((g for g in graphs if g != own), None)
                ex = cache.example(index, g) if g is not None else None
                if ex is not None:
                    variants.append((index, ex))
        else:
            variants = _variants(store, iri, own)
        for index, row in variants:
            out.add(index)
            c, doc = row["c"], row["doc"]
            out.add(ox.Triple(c, _CITED_RESOURCE, index.subject))
            out.add(ox.Triple(c, _PART_OF, doc))
            out.add(ox.Triple(c, row["cp"], index.object))
            if "number" in row:
                out.add(ox.Triple(doc, _NUMBER, row["number"]))
    return sorted(out, key=str)


def document_of(triples: Iterable[ox.Triple]) -> str:
    """The IRI of the ingested document in a graph (the subject of ``pkg:sourceFile``)."""
    subjects = sorted(
        {
            t.subject.value
            for t in triples
            if t.predicate.value == PKG + "sourceFile" and isinstance(t.subject, ox.NamedNode)
        }
    )
    if len(subjects) != 1:
        raise ValueError(
            f"expected one document (subject of pkg:sourceFile), found {len(subjects)}"
        )
    return subjects[0]


def check_document(
    record_or_triples: Record | Sequence[ox.Triple],
    *,
    store: SelectStore | None,
    minter: IriMinter,
    text: str | None = None,
    extra: Sequence[ox.Triple] = (),
    source: str | None = None,
) -> Report:
    """Check one document against the shapes and the store, without changing the store.

    ``record_or_triples`` is an extraction record (a gold file's JSON is read with
    ``Record.from_gold``) or the triples of the document's graph. ``extra`` adds facts read
    from the text (annexes, signature timestamps, the execution clause: see
    :mod:`policykg.shapes.text_facts`). ``text`` is the source text, for quotes and line
    numbers where the graph has none.
    """
    if isinstance(record_or_triples, Record):
        from policykg.ingest.rdf import document_triples  # record -> RDF lives in ingest

        result = document_triples(record_or_triples, minter=minter, text=text)
        triples, doc, graph = result.triples, result.document_iri, result.graph_iri
        source = source or record_or_triples.source or None
    else:
        triples = list(record_or_triples)
        doc = document_of(triples)
        graph = minter.document_graph(doc)
    data = [*triples, *extra]
    have = set(data)
    data += [t for t in citation_index(data) if t not in have]
    have = set(data)
    data += [t for t in approval_facts(data, base=minter.base) if t not in have]
    context = store_context(store, data, graph)
    results = validate(data, extra=context, base=minter.base)
    prov = _Provenance(data)
    findings = _findings(results, prov, text)
    return Report(document=doc, graph=graph, source=source, findings=findings)


# --- the decision that approved a programme named by its title ----------------------------

#: what a decision that approves or issues an instrument says before its name ("phê duyệt
#: Chương trình quốc gia ...", "ban hành Kế hoạch tổng thể ...")
_APPROVES = re.compile(
    r"^(?:phe-duyet|ban-hanh)(?:-dieu-chinh)?-(chuong-trinh|de-an|ke-hoach|chien-luoc|quy-hoach)-"
)
#: the kinds of instrument a decision approves, as the citation index codes them
_APPROVED_KINDS = {
    "ChuongTrinh": "chuong-trinh",
    "DeAn": "de-an",
    "KeHoach": "ke-hoach",
    "ChienLuoc": "chien-luoc",
}
#: a name shorter than this (in words) is too vague to tell one programme from another
_MIN_WORDS = 6


def _programmes(refs: Sequence[ReferenceInstrument]) -> list[tuple[str, str, ReferenceInstrument]]:
    """(kind, name, decision) for each reference decision that approves or issues a programme,
    scheme, plan or strategy, read from its title (slugs: "chuong-trinh", "chuong-trinh-quoc-
    gia-ho-tro-...")."""
    out = []
    for r in refs:
        m = _APPROVES.match(slug(r.title)) if r.number and r.title else None
        if m:
            out.append((m.group(1), slug(r.title or "")[m.start(1) :], r))
    return out


def _same_name(cited: str, name: str) -> bool:
    """Whether a cited title names the approved instrument: the same words, or the one a
    prefix of the other (a title cut before ", hàng hóa giai đoạn ...", or followed by "trên
    địa bàn tỉnh ..."), long enough to be specific."""
    a, b = cited.split("-"), name.split("-")
    n = min(len(a), len(b))
    return n >= _MIN_WORDS and a[:n] == b[:n]


def approval_facts(triples: Iterable[ox.Triple], *, base: str) -> list[ox.Triple]:
    """``<decision> pkg:promulgates <programme>`` for each programme, scheme, plan or strategy
    the document cites by its title alone (no number) whose approving decision the reference
    data knows: the decision titled "phê duyệt / ban hành" that instrument. The shape
    ``ProgrammeApprovalNotCited`` then names the decision when the document does not cite it.
    """
    cites: dict[str, dict[str, str]] = {}
    props = (PKG + "citedResource", PKG + "citedKind", PKG + "citedTitle", PKG + "citedNumber")
    for t in triples:
        p = t.predicate.value
        if (
            p in props
            and isinstance(t.subject, ox.NamedNode)
            and isinstance(t.object, ox.NamedNode | ox.Literal)
        ):
            cites.setdefault(t.subject.value, {})[p] = t.object.value
    wanted = [
        c
        for c in cites.values()
        if PKG + "citedNumber" not in c
        and PKG + "citedTitle" in c
        and PKG + "citedResource" in c
        and c.get(PKG + "citedKind", "").rsplit("/", 1)[-1] in _APPROVED_KINDS
    ]
    if not wanted:
        return []
    programmes = _programmes(reference_instruments(base))
    out: list[ox.Triple] = []
    for c in wanted:
        kind = _APPROVED_KINDS[c[PKG + "citedKind"].rsplit("/", 1)[-1]]
        cited = slug(c[PKG + "citedTitle"])
        if not cited.startswith(kind + "-"):
            cited = f"{kind}-{cited}"
        found = [r for k, name, r in programmes if k == kind and _same_name(cited, name)]
        if len({r.iri for r in found}) == 1:
            out.append(
                ox.Triple(
                    ox.NamedNode(found[0].iri),
                    ox.NamedNode(PKG + "promulgates"),
                    ox.NamedNode(c[PKG + "citedResource"]),
                )
            )
    return out


class _Provenance:
    """Quote and line of a node, from its prov:wasDerivedFrom selectors."""

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self.by_subject: dict[str, dict[str, list[ox.NamedNode | ox.Literal]]] = {}
        for t in triples:
            if isinstance(t.subject, ox.NamedNode) and isinstance(
                t.object, ox.NamedNode | ox.Literal
            ):
                self.by_subject.setdefault(t.subject.value, {}).setdefault(
                    t.predicate.value, []
                ).append(t.object)

    def _one(self, node: str, prop: str) -> list[ox.NamedNode | ox.Literal]:
        return self.by_subject.get(node, {}).get(prop, [])

    def of(self, node: str) -> tuple[str | None, int | None]:
        quote: str | None = None
        line: int | None = None
        for target in self._one(node, PROV + "wasDerivedFrom"):
            for sel in self._one(target.value, OA + "hasSelector"):
                for q in self._one(sel.value, OA + "exact"):
                    quote = quote or q.value
                for n in self._one(sel.value, PKG + "line"):
                    line = line or int(n.value)
        if quote is None:
            for ev in self._one(node, PKG + "evidence"):
                quote = ev.value
        return quote, line


def _line_of(text: str | None, needle: str | None) -> tuple[str | None, int | None]:
    """The first line of ``text`` that contains ``needle`` as written (a fallback)."""
    if not text or not needle or len(needle) < 3 or needle.startswith(("http://", "https://")):
        return None, None
    pattern = re.escape(needle).replace(r"\ ", r"\s+")
    m = re.search(r"(?<!\w)" + pattern + r"(?!\w)", text)
    if m is None:
        return None, None
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return " ".join(text[start : end if end >= 0 else len(text)].split()), text.count(
        "\n", 0, m.start()
    ) + 1


def _findings(results: Sequence[ShapeResult], prov: _Provenance, text: str | None) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, str | None, str]] = set()
    for r in results:
        vi = r.messages.get("vi") or r.messages.get("") or r.code
        en = r.messages.get("en") or r.messages.get("") or r.code
        # the same problem reached from two nodes (e.g. a citation and its restatement)
        key = (r.code, r.focus if r.value is None else r.value, vi)
        if key in seen:
            continue
        seen.add(key)
        quote, line = (None, None)
        if r.value and r.value_is_iri:
            quote, line = prov.of(r.value)
        if quote is None and line is None:
            quote, line = prov.of(r.focus)
        if line is None and text is not None:
            q2, l2 = _line_of(text, r.value if not r.value_is_iri else None)
            if l2 is not None:
                quote, line = q2, l2
        out.append(
            Finding(
                severity=r.severity.lower(),
                code=r.code,
                message_vi=vi,
                message_en=en,
                focus=r.focus,
                path=r.path,
                value=r.value,
                quote=quote,
                line=line,
            )
        )
    out.sort(key=lambda f: (LEVELS.index(f.severity), f.line or 0, f.code, f.focus, f.value or ""))
    return out


# --- renderers ---------------------------------------------------------------------------


def render_text(report: Report, *, lang: str = "vi") -> str:
    """Plain text, one finding per block: severity, code, message, where, quote."""
    c = report.counts()
    head = report.source or report.document
    lines = [
        f"{head}: {c['violation']} violation(s), {c['warning']} warning(s), {c['info']} info",
    ]
    for f in report.findings:
        msg = f.message_vi if lang == "vi" else f.message_en
        where = f"line {f.line}" if f.line else "-"
        lines.append(f"{f.severity.upper():9} {f.code} ({where}): {msg}")
        lines.append(f"          focus: {f.focus}")
        if f.quote:
            quote = " ".join(f.quote.split())
            quote = quote if len(quote) <= 200 else quote[:197] + "..."
            lines.append(f'          > "{quote}"')
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    """The report as JSON (the same shape as ``POST /check`` returns)."""
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"


def report_triples(report: Report) -> list[ox.Triple]:
    """The report as a ``sh:ValidationReport`` (blank nodes for the report and results)."""
    out: list[ox.Triple] = []
    rep = ox.BlankNode()
    a = ox.NamedNode(RDF + "type")

    def n(local: str) -> ox.NamedNode:
        return ox.NamedNode(SH + local)

    out.append(ox.Triple(rep, a, n("ValidationReport")))
    out.append(
        ox.Triple(
            rep,
            n("conforms"),
            ox.Literal(str(report.conforms).lower(), datatype=ox.NamedNode(XSD + "boolean")),
        )
    )
    sev = {"violation": "Violation", "warning": "Warning", "info": "Info"}
    for f in report.findings:
        res = ox.BlankNode()
        out.append(ox.Triple(rep, n("result"), res))
        out.append(ox.Triple(res, a, n("ValidationResult")))
        out.append(ox.Triple(res, n("focusNode"), ox.NamedNode(f.focus)))
        out.append(ox.Triple(res, n("resultSeverity"), n(sev[f.severity])))
        out.append(
            ox.Triple(
                res, n("sourceShape"), ox.NamedNode("https://w3id.org/policykg/shapes#" + f.code)
            )
        )
        if f.path:
            out.append(ox.Triple(res, n("resultPath"), ox.NamedNode(f.path)))
        if f.value is not None:
            value: ox.NamedNode | ox.Literal = (
                ox.NamedNode(f.value)
                if f.value.startswith(("http://", "https://"))
                else ox.Literal(f.value)
            )
            out.append(ox.Triple(res, n("value"), value))
        out.append(ox.Triple(res, n("resultMessage"), ox.Literal(f.message_vi, language="vi")))
        out.append(ox.Triple(res, n("resultMessage"), ox.Literal(f.message_en, language="en")))
        if f.quote:
            out.append(
                ox.Triple(res, ox.NamedNode(PKG + "evidence"), ox.Literal(f.quote, language="vi"))
            )
        if f.line:
            out.append(
                ox.Triple(
                    res,
                    ox.NamedNode(PKG + "line"),
                    ox.Literal(str(f.line), datatype=ox.NamedNode(XSD + "integer")),
                )
            )
    return out


def render_turtle(report: Report) -> str:
    """The report as Turtle (a ``sh:ValidationReport``)."""
    from policykg.ontology.iri import PREFIXES

    data = ox.serialize(report_triples(report), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return (data or b"").decode("utf-8")


_CSS = (
    "body{font-family:sans-serif;max-width:60em;margin:auto}"
    "li{margin:.6em 0}.violation{color:#a00}.warning{color:#a60}.info{color:#06a}"
    "blockquote{margin:.2em 0 .2em 1em;color:#444}code{font-size:.85em}"
)


def render_html(report: Report, *, lang: str = "vi") -> str:
    """A standalone HTML page; every piece of text from the document is escaped."""
    e = html.escape
    c = report.counts()
    title = e(report.source or report.document)
    items = []
    for f in report.findings:
        msg = f.message_vi if lang == "vi" else f.message_en
        where = (
            f" (dòng {f.line})"
            if f.line and lang == "vi"
            else (f" (line {f.line})" if f.line else "")
        )
        quote = f"<blockquote>{e(f.quote)}</blockquote>" if f.quote else ""
        items.append(
            f'<li class="{e(f.severity)}"><strong>{e(f.severity.upper())}</strong> '
            f"<code>{e(f.code)}</code>{e(where)}: {e(msg)}{quote}"
            f"<br><code>{e(f.focus)}</code></li>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_CSS}</style></head><body>"
        f"<h1>{title}</h1><p>{c['violation']} violation(s), {c['warning']} warning(s), "
        f"{c['info']} info</p><ol>{''.join(items)}</ol></body></html>\n"
    )


RENDERERS = {"text": render_text, "json": render_json, "turtle": render_turtle, "html": render_html}


def render(report: Report, fmt: str) -> str:
    """Render in one of :data:`RENDERERS` (``text``, ``json``, ``turtle``, ``html``)."""
    try:
        fn = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(RENDERERS)}") from None
    return fn(report)
