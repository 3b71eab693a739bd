"""Extraction of a whole document into its :class:`~policykg.ingest.record.Record`.

``extract(text, *, source) -> Record`` parses the text (:mod:`policykg.ingest.text`), reads
the document fields (:mod:`~policykg.ingest.header`) and citations
(:mod:`~policykg.ingest.citations`), then agencies, tasks, targets and reporting duties
(:mod:`~policykg.ingest.agencies`, ``tasks``, ``targets``, ``reporting``) and each agency's
duties under "TỔ CHỨC THỰC HIỆN" (:func:`~policykg.ingest.reporting.extract_duties`, for the
agency network). ``record.to_gold()`` is the record in the gold form of SCHEMA.md (what
``policykg extract`` prints); provenance is typed on the record (each item's ``span``, the
document's ``spans``).

The section extractors still build their items as dicts in the gold form, with provenance
under keys starting with "_" (``"_span": [start, end]`` on items, ``"_spans"`` per document
field); :func:`_record` turns them into the record here, the one place that reads those keys,
and refuses a key the record does not know (a new field is added to
:mod:`~policykg.ingest.record` first). :func:`as_schema` strips the "_" keys of such a dict
(for the section extractors' own tests).

``extract_file(path)`` reads a .txt/.md/.docx/.pdf/.html file first (:func:`read_text`);
any bad input raises :class:`~policykg.ingest.errors.IngestError` naming the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from policykg.ingest.agencies import agencies_of
from policykg.ingest.citations import extract_citations
from policykg.ingest.errors import IngestError
from policykg.ingest.header import extract_document
from policykg.ingest.reader import check_length, read_text
from policykg.ingest.record import (
    Agency,
    AssignedDuty,
    Citation,
    Document,
    FieldSpans,
    Record,
    ReportingDuty,
    Span,
    Target,
    Task,
)
from policykg.ingest.reporting import extract_duties, extract_reporting
from policykg.ingest.targets import extract_targets
from policykg.ingest.tasks import extract_tasks
from policykg.ingest.text import Doc, parse

__all__ = [
    "IngestError",
    "Record",
    "as_schema",
    "extract",
    "extract_doc",
    "extract_file",
    "read_text",
]

log = logging.getLogger(__name__)


def extract(text: str, *, source: str) -> Record:
    """The record of one document."""
    if not text.strip():
        raise IngestError("empty file", source=source)
    check_length(text, source=source)
    doc = parse(text, source=source)
    return extract_doc(doc, source=source)


def extract_doc(doc: Doc, *, source: str) -> Record:
    """:func:`extract` over an already parsed :class:`Doc`."""
    document = extract_document(doc)
    issuer = document.get("issuer")
    province = issuer.get("scope") if isinstance(issuer, dict) else None
    province = province or document.get("place")
    period = document.get("period")
    period_end = period.get("end") if isinstance(period, dict) else None
    record = _record(
        source,
        document=document,
        citations=extract_citations(doc, document),
        agencies=agencies_of(doc, province=province),
        tasks=extract_tasks(doc, province=province),
        targets=extract_targets(doc, period_end=period_end),
        reporting=extract_reporting(
            doc, province=province, issuer=issuer if isinstance(issuer, dict) else None
        ),
        duties=extract_duties(doc, province=province),
    )
    log.debug(
        "%s: %d citations, %d agencies, %d tasks, %d targets, %d reporting",
        source,
        len(record.citations),
        len(record.agencies),
        len(record.tasks),
        len(record.targets),
        len(record.reporting),
    )
    return record


def extract_file(path: str | Path) -> Record:
    """Read and extract one file; the record's ``source`` is the file name."""
    p = Path(path)
    text = read_text(p)
    try:
        return extract(text, source=p.name)
    except IngestError as err:
        # name the path the caller gave, not just the base name
        raise IngestError(err.message, source=p, line=err.line) from None


def as_schema(record: Any) -> Any:
    """A copy of a section extractor's dict (or list of dicts) without the provenance keys
    (every key starting with "_"). A :class:`Record` gives its gold form itself
    (:meth:`Record.to_gold`)."""
    if isinstance(record, dict):
        return {k: as_schema(v) for k, v in record.items() if not str(k).startswith("_")}
    if isinstance(record, list):
        return [as_schema(v) for v in record]
    return record


# --- the section extractors' dicts -> the record -------------------------------------------

_Item = TypeVar("_Item", Citation, Agency, Task, Target, ReportingDuty, AssignedDuty)


def _record(
    source: str,
    *,
    document: dict[str, Any],
    citations: list[dict[str, Any]],
    agencies: list[dict[str, Any]],
    tasks: list[dict[str, Any]],
    targets: list[dict[str, Any]],
    reporting: list[dict[str, Any]],
    duties: list[dict[str, Any]],
) -> Record:
    """The record of the section extractors' dicts; their "_" keys become its provenance."""
    try:
        fields, extra = _split(document, ("_spans",))
        spans = {k: _span(v) for k, v in (extra.get("_spans") or {}).items()}
        return Record(
            source=source,
            document=replace(Document.from_gold(fields), spans=FieldSpans(**spans)),
            citations=_spanned(citations, Citation.from_gold),
            agencies=_spanned(agencies, Agency.from_gold),
            tasks=_spanned(tasks, Task.from_gold),
            targets=_spanned(targets, Target.from_gold),
            reporting=_spanned(reporting, ReportingDuty.from_gold),
            duties=_spanned(duties, AssignedDuty.from_gold),
        )
    except (TypeError, ValueError) as exc:
        raise IngestError(f"malformed record: {exc}", source=source) from None


def _split(item: dict[str, Any], known: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the gold form's keys, the provenance keys) of an item; an unknown "_" key raises."""
    extra = {k: v for k, v in item.items() if k.startswith("_")}
    unknown = [k for k in extra if k not in known]
    if unknown:
        raise ValueError(f"unknown provenance key(s) {', '.join(map(repr, unknown))}")
    return {k: v for k, v in item.items() if not k.startswith("_")}, extra


def _span(value: Any) -> Span:
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(x, int) for x in value)
    ):
        raise TypeError(f"not a span [start, end]: {value!r}")
    return (value[0], value[1])


def _spanned(items: list[dict[str, Any]], read: Callable[[Any], _Item]) -> tuple[_Item, ...]:
    out = []
    for item in items:
        fields, extra = _split(item, ("_span",))
        value = read(fields)
        if "_span" in extra:
            value = replace(value, span=_span(extra["_span"]))
        out.append(value)
    return tuple(out)
