"""Extraction of a whole plan into a record in the gold form of SCHEMA.md.

``extract(text, *, source) -> record`` parses the text (:mod:`policykg.ingest.text`), reads
the document fields (:mod:`~policykg.ingest.header`) and citations
(:mod:`~policykg.ingest.citations`), then agencies, tasks, targets and reporting duties
(:mod:`~policykg.ingest.agencies`, ``tasks``, ``targets``, ``reporting``). Every item
carries ``"_span": [start, end]`` (offsets into the text as given) and the document carries
``"_spans"`` per field; :func:`as_schema` strips every ``_`` key for comparison with the gold.
``"_duties"`` lists each agency's duties under "TỔ CHỨC THỰC HIỆN"
(:func:`~policykg.ingest.reporting.extract_duties`), for the agency network.

``extract_file(path)`` reads a .txt/.md/.docx/.pdf/.html file first (:func:`read_text`);
any bad input raises :class:`~policykg.ingest.errors.IngestError` naming the file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from policykg.ingest.agencies import agencies_of
from policykg.ingest.citations import extract_citations
from policykg.ingest.errors import IngestError
from policykg.ingest.header import extract_document
from policykg.ingest.reader import check_length, read_text
from policykg.ingest.reporting import extract_duties, extract_reporting
from policykg.ingest.targets import extract_targets
from policykg.ingest.tasks import extract_tasks
from policykg.ingest.text import Doc, parse

__all__ = ["IngestError", "as_schema", "extract", "extract_doc", "extract_file", "read_text"]

log = logging.getLogger(__name__)


def extract(text: str, *, source: str) -> dict[str, Any]:
    """The record of one plan (gold form plus ``_`` provenance keys)."""
    if not text.strip():
        raise IngestError("empty file", source=source)
    check_length(text, source=source)
    doc = parse(text, source=source)
    return extract_doc(doc, source=source)


def extract_doc(doc: Doc, *, source: str) -> dict[str, Any]:
    """:func:`extract` over an already parsed :class:`Doc`."""
    document = extract_document(doc)
    issuer = document.get("issuer")
    province = issuer.get("scope") if isinstance(issuer, dict) else None
    province = province or document.get("place")
    period = document.get("period")
    period_end = period.get("end") if isinstance(period, dict) else None
    record: dict[str, Any] = {
        "source": source,
        "document": document,
        "citations": extract_citations(doc, document),
        "agencies": agencies_of(doc, province=province),
        "tasks": extract_tasks(doc, province=province),
        "targets": extract_targets(doc, period_end=period_end),
        "reporting": extract_reporting(
            doc, province=province, issuer=issuer if isinstance(issuer, dict) else None
        ),
        # each agency's duties under "TỔ CHỨC THỰC HIỆN" (not in the gold form)
        "_duties": extract_duties(doc, province=province),
    }
    log.debug(
        "%s: %d citations, %d agencies, %d tasks, %d targets, %d reporting",
        source,
        len(record["citations"]),
        len(record["agencies"]),
        len(record["tasks"]),
        len(record["targets"]),
        len(record["reporting"]),
    )
    return record


def extract_file(path: str | Path) -> dict[str, Any]:
    """Read and extract one plan file; the record's ``source`` is the file name."""
    p = Path(path)
    text = read_text(p)
    try:
        return extract(text, source=p.name)
    except IngestError as err:
        # name the path the caller gave, not just the base name
        raise IngestError(err.message, source=p, line=err.line) from None


def as_schema(record: Any) -> Any:
    """A copy of ``record`` without the provenance keys (every key starting with "_")."""
    if isinstance(record, dict):
        return {k: as_schema(v) for k, v in record.items() if not str(k).startswith("_")}
    if isinstance(record, list):
        return [as_schema(v) for v in record]
    return record
