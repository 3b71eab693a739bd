"""Files into the store: the use case that joins ingest (documents -> RDF) and graph.

Each file is read, extracted and turned into its document's triples by
:mod:`policykg.ingest` (:func:`build_document`), then written by :mod:`policykg.graph` as
its own named graph, replaced whole or not at all (:func:`ingest_paths`; bulk batches for
a first load, worker processes that build while this one writes). ``policykg ingest``,
``policykg serve`` (the bundled corpus), ``POST /documents``, the tests and the notebooks
call these; none of them needs to know how a document becomes triples or how the store
writes them.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from policykg.graph.base import Store
from policykg.graph.errors import StoreError
from policykg.ingest.errors import IngestError
from policykg.ingest.extract import extract, read_text
from policykg.ingest.rdf import document_triples
from policykg.ontology.iri import IriMinter

log = logging.getLogger(__name__)

#: Documents written together by ``ingest_paths(..., bulk=True)``: at most this many, and
#: at most :data:`BULK_BATCH_BYTES` of N-Triples. Few large bulk loads leave the database
#: fewer files to merge than many small ones; the load's memory grows with the batch.
#: Measured over the same 1,000 plans (store CPU per plan, with the final compaction; peak
#: memory added): 32 a batch 46 ms, +233 MB; 128: 36 ms, +376 MB; 256: 34.5 ms, +686 MB.
BULK_BATCH = 128
BULK_BATCH_BYTES = 32 << 20

#: File endings that ``ingest`` reads when given a folder.
DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class IngestReport:
    """What happened to one source file."""

    source: str
    status: str  # "ingested" | "unchanged" | "error"
    document_iri: str | None = None
    graph_iri: str | None = None
    triples: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status != "error"


def build_document(path: Path, minter: IriMinter) -> tuple[str, str, list[ox.Triple]]:
    """Read and extract one file into (document IRI, graph IRI, triples). No store is touched.

    Raises :class:`IngestError` naming the file on any bad input.
    """
    text = read_text(path)
    record = extract(text, source=path.name)
    result = document_triples(record, minter=minter, text=text)
    return result.document_iri, result.graph_iri, result.triples


def ingest_file(store: Store, path: Path, minter: IriMinter) -> IngestReport:
    """Ingest one file: its graph is replaced whole, or (on error) the store is unchanged."""
    try:
        doc_iri, graph_iri, triples = build_document(path, minter)
    except IngestError as exc:
        log.warning("%s", exc)
        return IngestReport(source=str(path), status="error", error=str(exc))
    return _write_document(store, path, doc_iri, graph_iri, triples)


def _write_document(
    store: Store, path: Path, doc_iri: str, graph_iri: str, triples: list[ox.Triple]
) -> IngestReport:
    """Replace the graph of a built document unless it holds these triples already."""
    before = set(map(str, store.graph_triples(graph_iri))) if store.has_graph(graph_iri) else None
    new = {str(t) for t in triples}
    if before == new:
        return IngestReport(str(path), "unchanged", doc_iri, graph_iri, len(new))
    written = store.replace_graph(graph_iri, triples)
    log.info("ingested %s as %s (%d triples)", path, doc_iri, written)
    return IngestReport(str(path), "ingested", doc_iri, graph_iri, written)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and the document files inside named folders (sorted).

    Inside folders, ``README*`` files are documentation and are skipped.
    """
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and f.suffix.lower() in DOCUMENT_SUFFIXES
                    and not f.name.upper().startswith("README")
                )
            )
        else:
            out.append(p)
    return out


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    minter: IriMinter,
    *,
    on_file: Callable[[IngestReport], None] | None = None,
    bulk: bool = False,
    workers: int = 1,
) -> list[IngestReport]:
    """Ingest files and folders; each document is ingested whole or not at all.

    ``bulk`` (an embedded store on disk, for a first load that nothing reads yet): the
    documents new to the store are written in batches (:data:`BULK_BATCH` documents or
    :data:`BULK_BATCH_BYTES`) with ``EmbeddedStore.load_graphs_bulk`` (about five times
    less store CPU per document; still whole or absent after a crash). Their reports come
    when their batch is written. ``workers`` > 1 (bulk only): that many processes read,
    extract and build the documents while this one writes them (the store has one writer).
    """
    reports: list[IngestReport] = []
    bulk_load = getattr(store, "load_graphs_bulk", None) if bulk else None
    pending: list[tuple[IngestReport, bytes]] = []
    pending_bytes = 0

    def emit(report: IngestReport) -> None:
        reports.append(report)
        if on_file is not None:
            on_file(report)

    def write_pending() -> None:
        nonlocal pending_bytes
        if not pending or bulk_load is None:
            return
        batch = list(pending)
        pending.clear()
        pending_bytes = 0
        try:
            bulk_load([(r.graph_iri, body) for r, body in batch])
        except StoreError as exc:
            for r, _ in batch:
                emit(IngestReport(r.source, "error", r.document_iri, r.graph_iri, 0, str(exc)))
            return
        for r, _ in batch:
            log.info("ingested %s as %s (%d triples)", r.source, r.document_iri, r.triples)
            emit(r)

    files = expand_paths(paths)
    if bulk_load is None:
        for path in files:
            if not path.exists():
                emit(IngestReport(str(path), "error", error=f"{path}: no such file"))
                continue
            emit(ingest_file(store, path, minter))
    else:
        for built in _built_documents(files, minter, workers):
            if isinstance(built, IngestReport):  # an error
                emit(built)
                continue
            path, doc_iri, graph_iri, body, count = built
            if store.has_graph(graph_iri) or any(r.graph_iri == graph_iri for r, _ in pending):
                write_pending()
                triples = _parse_ntriples(body)
                emit(_write_document(store, path, doc_iri, graph_iri, triples))
                continue
            pending.append((IngestReport(str(path), "ingested", doc_iri, graph_iri, count), body))
            pending_bytes += len(body)
            if len(pending) >= BULK_BATCH or pending_bytes >= BULK_BATCH_BYTES:
                write_pending()
        write_pending()
    store.flush()
    optimize = getattr(store, "optimize", None)
    if bulk_load is not None and optimize is not None and any(r.ok for r in reports):
        optimize()  # bulk-loaded files are slow to read until compacted
    return reports


#: A document built for a bulk load: (path, document IRI, graph IRI, N-Triples, triples).
Built = tuple[Path, str, str, bytes, int]

_WORKER_MINTER: IriMinter | None = None


def build_ntriples(path: Path, minter: IriMinter) -> Built | IngestReport:
    """:func:`build_document` with the triples as N-Triples (the form the bulk load writes
    and the cheap one to send between processes), or the error report of a bad file."""
    if not path.exists():
        return IngestReport(str(path), "error", error=f"{path}: no such file")
    try:
        doc_iri, graph_iri, triples = build_document(path, minter)
    except IngestError as exc:
        log.warning("%s", exc)
        return IngestReport(source=str(path), status="error", error=str(exc))
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return path, doc_iri, graph_iri, body, len(triples)


def _worker_init(minter: IriMinter) -> None:
    global _WORKER_MINTER
    _WORKER_MINTER = minter


def _worker_build(path: Path) -> Built | IngestReport:
    assert _WORKER_MINTER is not None
    return build_ntriples(path, _WORKER_MINTER)


def _built_documents(
    files: list[Path], minter: IriMinter, workers: int
) -> Iterator[Built | IngestReport]:
    """:func:`build_ntriples` of each file, in order; with ``workers`` > 1 in a pool of
    processes that stays at most :data:`BULK_BATCH` documents ahead of the caller."""
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield build_ntriples(path, minter)
        return
    gate = threading.Semaphore(BULK_BATCH)

    def gated() -> Iterator[Path]:
        for path in files:
            gate.acquire()
            yield path

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_worker_init, initargs=(minter,)) as pool:
        for built in pool.imap(_worker_build, gated(), chunksize=2):
            gate.release()
            yield built


def _parse_ntriples(body: bytes) -> list[ox.Triple]:
    return [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
    ]


def iter_reports_summary(reports: list[IngestReport]) -> Iterator[str]:
    for r in reports:
        if r.ok:
            yield f"{r.status:9} {r.source} -> {r.document_iri} ({r.triples} triples)"
        else:
            yield f"error     {r.error}"
