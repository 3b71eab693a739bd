"""Checking a draft: a new plan checked before it is signed, nothing stored.

:func:`check_file` / :func:`check_text` / :func:`check_record` read and extract a document
(:mod:`policykg.ingest`), build its graph (:mod:`policykg.ingest.rdf`), add the facts read
from the text that the extraction does not put in RDF (:mod:`policykg.shapes.text_facts`),
and validate it with the shapes against the store (:func:`policykg.shapes.check.check_document`).
The store is not changed. ``policykg check``, ``POST /check``, ``POST /documents`` (which
checks before it writes) and the tests call these.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading
import time
from pathlib import Path
from typing import Any

from policykg.graph.base import Store
from policykg.ingest.extract import extract, read_text
from policykg.ingest.rdf import document_triples
from policykg.ingest.record import Record
from policykg.ontology.iri import IriMinter
from policykg.shapes.check import Report, check_document
from policykg.shapes.text_facts import cited_numbers, text_facts

log = logging.getLogger(__name__)

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


def _province(record: Record) -> str | None:
    doc = record.document
    scope = doc.issuer.scope if doc.issuer else None
    if scope is not None and scope not in {"national", "international"}:
        return scope
    return doc.place


def check_record(
    record: Record,
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
        source=record.source or None,
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
