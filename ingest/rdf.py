"""One extraction record (:class:`~policykg.ingest.record.Record`) -> RDF triples of its
document graph.

:func:`document_triples` is a pure function: the same record (and text) always gives the
same triples, sorted, with no blank nodes, so re-ingesting a document is byte-identical.
A record in the gold JSON form (a gold file) is read with ``Record.from_gold`` first.

Mapping (see ``docs/ontology.md``):

* the document: ``eli:LegalResource`` (``pkg:Proposal`` for a Tờ trình) with
  ``eli:type_document``, ``eli:number``, ``eli:date_document`` (``xsd:date``,
  ``xsd:gYearMonth`` or ``xsd:gYear`` by precision), ``eli:passed_by``, ``eli:title``,
  ``pkg:placeOfIssue``, ``pkg:province``, ``pkg:periodStart``/``pkg:periodEnd``,
  ``pkg:signer``, ``pkg:promulgates``, ``pkg:sourceFile``, ``pkg:sourceText`` (the
  text as read, when given: the provenance offsets point into it);
* each citation: the ELI (or pkg) property of its relation from its subject (the document,
  or for a chain the instrument of another citation) to the cited instrument, plus a
  ``pkg:Citation`` node that keeps the relation, the number, date, title and issuer as
  cited, and the evidence. Cited instruments resolve to the reference data when they can
  (:mod:`policykg.ontology.instruments`); otherwise their node is keyed by issuer, year,
  kind and number (or content), so the same instrument cited by five plans is one node;
* agencies: ``org:Organization`` identified by (kind, scope), ``org:classification`` the
  agency-kind concept, ``pkg:province`` or ``pkg:scope``, the mentions as ``skos:altLabel``;
* tasks, targets, reporting duties: ``pkg:Task``, ``pkg:Target``, ``pkg:ReportingDuty``
  under the document's IRI (``dcterms:isPartOf`` the document);
* assigned duties (``record.duties``: each agency's duties under "TỔ CHỨC THỰC HIỆN"):
  ``pkg:Assignment`` with ``pkg:assignee``, ``pkg:partnerAgency``, ``pkg:reportsTo``,
  ``dcterms:identifier``, ``dcterms:description``;
* provenance: items with a ``span`` get ``prov:wasDerivedFrom`` an ``oa:SpecificResource``
  with an ``oa:TextPositionSelector`` (and ``pkg:line``) and, when the text is given, an
  ``oa:TextQuoteSelector`` quoting it.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from policykg.ingest.errors import IngestError
from policykg.ingest.record import (
    Agency,
    AgencyRef,
    AssignedDuty,
    Citation,
    CitedInstrument,
    Document,
    Record,
    ReportingDuty,
    Span,
    Target,
    Task,
)
from policykg.ontology.instruments import (
    instrument_iri,
    reference_instruments,
    resolve_reference,
)
from policykg.ontology.iri import (
    DCTERMS,
    ELI,
    FOAF,
    OA,
    ORG,
    PKG,
    PROV,
    RDF,
    SDO,
    SKOS,
    XSD,
    IriMinter,
)
from policykg.ontology.order_keys import order_key_triples
from policykg.ontology.terms import RELATION_PROPERTIES

log = logging.getLogger(__name__)

NON_PROVINCE_SCOPES = frozenset({"national", "international"})

_A = ox.NamedNode(RDF + "type")


@dataclass(frozen=True)
class IngestResult:
    """The triples of one document's named graph."""

    document_iri: str
    graph_iri: str
    triples: list[ox.Triple]


@functools.lru_cache(maxsize=1 << 16)
def _n(iri: str) -> ox.NamedNode:
    """The node of ``iri`` (cached: classes, properties, agencies and concepts recur)."""
    return ox.NamedNode(iri)


def _vi(text: str) -> ox.Literal:
    return ox.Literal(" ".join(text.split()), language="vi")


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=_n(XSD + datatype))


_DATE_FORMS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "date"),
    (re.compile(r"^\d{4}-\d{2}$"), "gYearMonth"),
    (re.compile(r"^\d{4}$"), "gYear"),
    (re.compile(r"^--\d{2}-\d{2}$"), "gMonthDay"),
    (re.compile(r"^---\d{2}$"), "gDay"),
)


def date_literal(value: str) -> ox.Literal:
    """``"2021-11-17"`` -> xsd:date, ``"2023-03"`` -> xsd:gYearMonth, ``"2021"`` -> xsd:gYear,
    ``"--11-30"`` -> xsd:gMonthDay, ``"---20"`` (a day of every month) -> xsd:gDay. Raises
    :class:`ValueError` on anything else."""
    for pattern, datatype in _DATE_FORMS:
        if pattern.match(value):
            if not _on_calendar(value, datatype):
                raise ValueError(f"not a date on the calendar: {value!r}")
            return _typed(value, datatype)
    raise ValueError(f"not an ISO date of a known precision: {value!r}")


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _on_calendar(value: str, datatype: str) -> bool:
    """Is the month 1-12 and the day within it ("2021-02-31" and "--13-32" are not)?"""
    if datatype == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if datatype == "gYearMonth":
        return 1 <= int(value[5:7]) <= 12
    if datatype == "gMonthDay":
        month, day = int(value[2:4]), int(value[5:7])
        return 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]
    if datatype == "gDay":
        return 1 <= int(value[3:5]) <= 31
    return True


def _decimal(value: float | int) -> ox.Literal:
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return _typed(text, "decimal")


class _Graph:
    """Collects the triples of one document; the minter and the document in one place."""

    def __init__(self, minter: IriMinter, source: str, text: str | None) -> None:
        self.minter = minter
        self.source = source
        self.text = text
        self.triples: set[ox.Triple] = set()
        self.doc = ""

    @functools.cached_property
    def newlines(self) -> list[int]:
        """Offsets of the line breaks of the text (for the line of an offset)."""
        text = self.text or ""
        return [m.start() for m in re.finditer("\n", text)]

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = _n(o) if isinstance(o, str) else o
        self.triples.add(ox.Triple(_n(s), _n(p), obj))

    def concept(self, scheme: str, code: str) -> str:
        return self.minter.concept(scheme, code)

    def error(self, message: str) -> IngestError:
        return IngestError(message, source=self.source)

    # --- agencies and places -------------------------------------------------------------
    def province(self, name: str) -> str:
        iri = self.minter.province(name)
        self.add(iri, RDF + "type", PKG + "Province")
        return iri

    def agency(self, ref: AgencyRef | Agency | None) -> str | None:
        """The node of an agency (``None`` for none)."""
        if ref is None:
            return None
        kind, scope = ref.kind, ref.scope
        if not kind:
            raise self.error(f"agency without a kind: {ref!r}")
        mentions = [m for m in ref.mentions if m.strip()] if isinstance(ref, Agency) else []
        name = ref.name or (mentions[0] if mentions else None)
        iri = self.minter.agency(kind, scope, name if kind == "other" else None)
        self.add(iri, RDF + "type", ORG + "Organization")
        self.add(iri, ORG + "classification", self.concept("agency-kind", kind))
        if scope and scope not in NON_PROVINCE_SCOPES:
            self.add(iri, PKG + "province", self.province(scope))
        elif scope:
            self.add(iri, PKG + "scope", ox.Literal(scope))
        for label in [*mentions, *([name] if name and kind == "other" else [])]:
            self.add(iri, SKOS + "altLabel", _vi(label))
        return iri

    # --- provenance --------------------------------------------------------------------
    def provenance(self, item_iri: str, span: Span | None) -> None:
        """Where an item was read: its ``span`` of the text (nothing without one)."""
        if span is None:
            return
        target = self.minter.part(item_iri, "source", "text")
        self.add(item_iri, PROV + "wasDerivedFrom", target)
        self.add(target, RDF + "type", OA + "SpecificResource")
        self.add(target, OA + "hasSource", self.doc)
        start, end = span
        quote = self.text[start:end] if self.text is not None else None
        if quote is not None and quote.strip():
            sel = self.minter.part(item_iri, "selector", "quote")
            self.add(target, OA + "hasSelector", sel)
            self.add(sel, RDF + "type", OA + "TextQuoteSelector")
            self.add(sel, OA + "exact", ox.Literal(quote, language="vi"))
        sel = self.minter.part(item_iri, "selector", "position")
        self.add(target, OA + "hasSelector", sel)
        self.add(sel, RDF + "type", OA + "TextPositionSelector")
        self.add(sel, OA + "start", _typed(str(start), "integer"))
        self.add(sel, OA + "end", _typed(str(end), "integer"))
        if self.text is not None:
            line = bisect.bisect_left(self.newlines, start) + 1
            self.add(sel, PKG + "line", _typed(str(line), "integer"))


def _instrument(
    g: _Graph,
    target: Document | CitedInstrument,
    *,
    describe: bool,
    content: str | None = None,
) -> str:
    """The node of an instrument (the document itself, with its ``content``, or a cited
    one)."""
    kind = target.kind or "Other"
    number = target.number or None
    date = target.date or None
    title = target.title or None
    issuer = target.issuer
    issuer_kind = issuer.kind if issuer else None
    issuer_scope = issuer.scope if issuer else None
    issuer_name = issuer.name if issuer else None
    refs = reference_instruments(g.minter.base)
    iri = resolve_reference(refs, kind=kind, number=number, date=date, title=title)
    in_reference = iri is not None
    if iri is None:
        iri = instrument_iri(
            g.minter,
            kind=kind,
            number=number,
            date=date,
            issuer_kind=issuer_kind,
            issuer_scope=issuer_scope,
            title=title,
            issuer_name=issuer_name,
            content=content,
        )
    g.add(iri, RDF + "type", ELI + "LegalResource")
    if kind == "ToTrinh":
        g.add(iri, RDF + "type", PKG + "Proposal")
    if in_reference and not describe:
        return iri  # the reference data states number, date, issuer and title
    g.add(iri, ELI + "type_document", g.concept("document-kind", kind))
    if number:
        g.add(iri, ELI + "number", ox.Literal(re.sub(r"\s+", "", number)))
    if date:
        g.add(iri, ELI + "date_document", _date(g, date))
    if title:
        g.add(iri, ELI + "title", _vi(title))
    passed_by = g.agency(issuer)
    if passed_by:
        g.add(iri, ELI + "passed_by", passed_by)
    return iri


def _date(g: _Graph, value: str) -> ox.Literal:
    try:
        return date_literal(value)
    except ValueError as exc:
        raise g.error(str(exc)) from exc


def _year(g: _Graph, value: object) -> ox.Literal:
    if not isinstance(value, int) or isinstance(value, bool):
        raise g.error(f"not a year: {value!r}")
    return _typed(f"{value:04d}", "gYear")


def _document(g: _Graph, record: Record) -> str:
    doc = record.document
    if not doc.kind:
        raise g.error("document has no kind")
    iri = _instrument(g, doc, describe=True, content=_content(record, g.text))
    if iri.rsplit("/", 1)[-1].startswith("c-"):
        log.warning(
            "%s: number, date, title or issuer not all read; its IRI is derived from its text (%s)",
            g.source,
            iri,
        )
    g.doc = iri
    scope = doc.issuer.scope if doc.issuer else None
    if scope and scope not in NON_PROVINCE_SCOPES:
        g.add(iri, PKG + "province", g.province(scope))
    if doc.place:
        g.add(iri, PKG + "placeOfIssue", _vi(doc.place))
    period = doc.period
    if period is not None and period.start is not None:
        g.add(iri, PKG + "periodStart", _year(g, period.start))
    if period is not None and period.end is not None:
        g.add(iri, PKG + "periodEnd", _year(g, period.end))
    signer = doc.signer
    if signer is not None and (signer.name or signer.position):
        person = g.minter.part(iri, "signer", 1)
        g.add(iri, PKG + "signer", person)
        g.add(person, RDF + "type", FOAF + "Person")
        if signer.name:
            g.add(person, FOAF + "name", _vi(signer.name))
        if signer.position:
            g.add(person, PKG + "position", _vi(signer.position))
    prom = doc.promulgates
    if prom:
        piri = g.minter.part(iri, "promulgates", 1)
        g.add(iri, PKG + "promulgates", piri)
        g.add(piri, RDF + "type", ELI + "LegalResource")
        g.add(piri, ELI + "type_document", g.concept("document-kind", prom.kind or "Other"))
        if prom.title:
            g.add(piri, ELI + "title", _vi(prom.title))
        issuer = g.agency(doc.issuer) if doc.issuer and doc.issuer.kind else None
        if issuer:
            g.add(piri, ELI + "passed_by", issuer)
    if record.source:
        g.add(iri, PKG + "sourceFile", ox.Literal(record.source))
    if g.text is not None:
        g.add(iri, PKG + "sourceText", ox.Literal(g.text))
    return iri


def _content(record: Record, text: str | None) -> str:
    """What a document is, for an IRI derived from its content: its text, else (a record
    built without it) its extracted facts: the gold form but its source, with the spans
    (as the section extractors write them: the IRIs minted so stay what they were)."""
    if text is not None:
        return text
    facts = {k: v for k, v in record.to_gold(spans=True).items() if k != "source"}
    return json.dumps(facts, ensure_ascii=False, sort_keys=True, default=str)


def _citations(g: _Graph, items: Sequence[Citation]) -> None:
    targets: dict[str, str] = {}
    for c in items:
        targets[c.id] = _instrument(g, c.target, describe=False)
    for n, c in enumerate(items, start=1):
        cid = c.id or str(n)
        relation = c.relation
        if relation not in RELATION_PROPERTIES:
            raise g.error(f"citation {cid}: unknown relation {relation!r}")
        subject_ref = c.subject or "self"
        if subject_ref == "self":
            subject = g.doc
        elif subject_ref in targets:
            subject = targets[subject_ref]
        else:
            raise g.error(f"citation {cid}: subject {subject_ref!r} is not a citation id")
        target = targets[c.id]
        g.add(subject, RELATION_PROPERTIES[relation], target)
        node = g.minter.part(g.doc, "citation", cid)
        t = c.target
        g.add(node, RDF + "type", PKG + "Citation")
        g.add(node, DCTERMS + "isPartOf", g.doc)
        g.add(node, PKG + "citingDocument", subject)
        g.add(node, PKG + "citedResource", target)
        g.add(node, PKG + "relation", g.concept("relation", relation))
        g.add(node, PKG + "citedKind", g.concept("document-kind", t.kind or "Other"))
        # the instrument as cited, also stated on the instrument itself (an index): the
        # store's union default graph then holds each instrument's distinct cited numbers
        # and dates however many documents cite it (the checker compares with those)
        if t.number:
            g.add(node, PKG + "citedNumber", ox.Literal(t.number))
            g.add(target, PKG + "citedAsNumber", ox.Literal(t.number))
        if t.date:
            g.add(node, PKG + "citedDate", _date(g, t.date))
            g.add(target, PKG + "citedAsDate", _date(g, t.date))
        if t.title:
            g.add(node, PKG + "citedTitle", _vi(t.title))
        issuer = g.agency(t.issuer)
        if issuer:
            g.add(node, PKG + "citedIssuer", issuer)
        if c.evidence:
            g.add(node, PKG + "evidence", _vi(c.evidence))
        g.provenance(node, c.span)


def _agencies_list(g: _Graph, agencies: Iterable[Agency]) -> None:
    for a in agencies:
        g.agency(a)


def _tasks(g: _Graph, tasks: Iterable[Task]) -> None:
    used: set[str] = set()
    for n, t in enumerate(tasks, start=1):
        ref = t.ref or str(n)
        key, k = ref, 2
        while key in used:
            key, k = f"{ref}-{k}", k + 1
        used.add(key)
        iri = g.minter.part(g.doc, "task", key)
        g.add(iri, RDF + "type", PKG + "Task")
        g.add(iri, DCTERMS + "isPartOf", g.doc)
        g.add(iri, DCTERMS + "identifier", ox.Literal(ref))
        if t.title:
            g.add(iri, DCTERMS + "title", _vi(t.title))
        for theme in t.themes:
            g.add(iri, PKG + "theme", g.concept("theme", theme))
        for prop, agencies in (("leadAgency", t.lead), ("coordinatingAgency", t.coordinating)):
            for ref_agency in agencies:
                a = g.agency(ref_agency)
                if a:
                    g.add(iri, PKG + prop, a)
        timeframe = t.timeframe
        if timeframe:
            g.add(iri, PKG + "timeframe", ox.Literal(timeframe))
            m = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", timeframe)
            if timeframe == "annual":
                g.add(iri, PKG + "recurrence", g.concept("recurrence", "annual"))
            elif m:
                g.add(iri, PKG + "periodStart", _typed(m.group(1), "gYear"))
                g.add(iri, PKG + "periodEnd", _typed(m.group(2), "gYear"))
        for d in t.deliverables:
            if d.strip():
                g.add(iri, PKG + "deliverable", _vi(d))
        g.provenance(iri, t.span)


def _targets(g: _Graph, targets: Iterable[Target]) -> None:
    for n, t in enumerate(targets, start=1):
        iri = g.minter.part(g.doc, "target", n)
        g.add(iri, RDF + "type", PKG + "Target")
        g.add(iri, RDF + "type", SDO + "QuantitativeValue")
        g.add(iri, DCTERMS + "isPartOf", g.doc)
        if t.ref:
            g.add(iri, DCTERMS + "identifier", ox.Literal(t.ref))
        if t.text:
            g.add(iri, DCTERMS + "description", _vi(t.text))
        if t.indicator:
            g.add(iri, PKG + "indicator", g.concept("indicator", t.indicator))
        if t.comparator:
            g.add(iri, PKG + "comparator", g.concept("comparator", t.comparator))
        for value, prop in ((t.min, "minValue"), (t.max, "maxValue")):
            if value is not None:
                try:
                    g.add(iri, SDO + prop, _decimal(value))
                except ValueError as exc:
                    raise g.error(f"target {n}: {exc}") from exc
        if t.unit:
            g.add(iri, SDO + "unitText", _vi(t.unit))
        if t.by_year is not None:
            g.add(iri, PKG + "dueYear", _year(g, t.by_year))
        g.add(iri, PKG + "perYear", _typed(str(bool(t.per_year)).lower(), "boolean"))
        g.provenance(iri, t.span)


def _reporting(g: _Graph, duties: Iterable[ReportingDuty]) -> None:
    for n, r in enumerate(duties, start=1):
        iri = g.minter.part(g.doc, "duty", n)
        g.add(iri, RDF + "type", PKG + "ReportingDuty")
        g.add(iri, DCTERMS + "isPartOf", g.doc)
        for prop, agencies in (("actor", r.actor), ("recipient", r.recipient)):
            for ref in agencies:
                a = g.agency(ref)
                if a:
                    g.add(iri, PKG + prop, a)
        if r.deadline:
            g.add(iri, PKG + "deadline", _date(g, r.deadline))
        if r.recurrence:
            g.add(iri, PKG + "recurrence", g.concept("recurrence", r.recurrence))
        if r.evidence:
            g.add(iri, PKG + "evidence", _vi(r.evidence))
        g.provenance(iri, r.span)


def _assignments(g: _Graph, duties: Iterable[AssignedDuty]) -> None:
    for n, d in enumerate(duties, start=1):
        iri = g.minter.part(g.doc, "assignment", n)
        g.add(iri, RDF + "type", PKG + "Assignment")
        g.add(iri, DCTERMS + "isPartOf", g.doc)
        if d.ref:
            g.add(iri, DCTERMS + "identifier", ox.Literal(d.ref))
        if d.text:
            g.add(iri, DCTERMS + "description", _vi(d.text))
        for prop, agencies in (("assignee", d.actor), ("partnerAgency", d.partners),
                               ("reportsTo", d.to)):  # fmt: skip
            for ref in agencies:
                a = g.agency(ref)
                if a:
                    g.add(iri, PKG + prop, a)
        g.provenance(iri, d.span)


def document_triples(record: Record, *, minter: IriMinter, text: str | None = None) -> IngestResult:
    """The triples of one extraction record, for its named graph.

    ``text`` is the original text the record was read from; with it, provenance selectors
    get line numbers and quotes cut from the items' spans.
    Raises :class:`IngestError` (naming the record's source) on a malformed record.
    """
    source = record.source or "<record>"
    g = _Graph(minter, source, text)
    try:
        doc_iri = _document(g, record)
        _citations(g, record.citations)
        _agencies_list(g, record.agencies)
        _tasks(g, record.tasks)
        _targets(g, record.targets)
        _reporting(g, record.reporting)
        _assignments(g, record.duties)
    except (AttributeError, TypeError, KeyError) as exc:
        raise IngestError(f"malformed record: {exc}", source=source) from exc
    g.triples.update(order_key_triples(g.triples))
    triples = sorted(g.triples, key=str)
    return IngestResult(doc_iri, minter.document_graph(doc_iri), triples)
