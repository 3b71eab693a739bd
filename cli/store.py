"""``policykg ingest``, ``serve`` and ``upgrade``: filling, serving and upgrading the store.

Each command is a few lines around :mod:`policykg.load.documents` (files into the store),
:mod:`policykg.graph.dataset`, :mod:`policykg.graph.upgrade` and, to serve,
:func:`policykg.api.server.serve`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from policykg import bundled_corpus
from policykg.api.settings import Settings
from policykg.cli import common
from policykg.cli.common import DataDir, SparqlUrl, UpdateUrl, fail
from policykg.graph import dataset, upgrade
from policykg.graph.base import Store
from policykg.graph.errors import GraphError
from policykg.load.documents import IngestReport, expand_paths, ingest_paths, iter_reports_summary
from policykg.ontology.iri import IriMinter


def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Plan files (.txt .md .docx .pdf) or folders.")
    ],
    data_dir: DataDir = None,
    sparql_url: SparqlUrl = None,
    update_url: UpdateUrl = None,
    bulk: Annotated[
        bool,
        typer.Option(
            help="First load into an embedded store nothing reads meanwhile: new documents "
            "are written in batches (about 3x less store CPU); each still whole or absent."
        ),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="With --bulk: processes that read and extract the documents while this one "
            "writes them (2 on a two-core machine).",
        ),
    ] = 1,
) -> None:
    """Ingest plans into the store: each file replaces its document's graph whole, or not at all."""
    if workers > 1 and not bulk:
        raise fail("--workers needs --bulk (one writer; documents built in parallel)")
    settings = common.settings(data_dir, sparql_url, update_url)
    if not common.writable(settings):
        raise fail(f"the remote store {settings.sparql_query_url} is read-only: set --update-url")
    files = expand_paths(paths)
    if not files:
        raise fail("no document files found in " + ", ".join(map(str, paths)))
    store = common.open_store(settings)
    minter = IriMinter(settings.base_iri)
    reports: list[IngestReport] = []
    try:
        dataset.load_vocabulary(store, minter)
        upgrade_if_needed(store, minter, settings)
        with typer.progressbar(length=len(files), label="ingesting", file=sys.stderr) as bar:

            def done(report: IngestReport) -> None:
                reports.append(report)
                bar.update(1)

            ingest_paths(store, files, minter, bulk=bulk, on_file=done, workers=workers)
    except GraphError as exc:  # the store failed (a document's graph is whole or absent)
        for line in iter_reports_summary(reports):
            typer.echo(line)
        raise fail(f"{settings.store_location}: {exc}") from exc
    for line in iter_reports_summary(reports):
        typer.echo(line)
    failed = sum(not r.ok for r in reports)
    typer.echo(f"{len(reports) - failed} ingested or unchanged, {failed} failed")
    if failed:
        raise typer.Exit(1)


def serve(
    data_dir: DataDir = None,
    sparql_url: SparqlUrl = None,
    update_url: UpdateUrl = None,
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to bind (default 8000).")] = None,
    corpus: Annotated[
        bool, typer.Option(help="Ingest the bundled corpus when the store has no documents.")
    ] = True,
    workers: Annotated[
        int | None,
        typer.Option(help="Serving processes (default 1); over 1: read-only, writes off."),
    ] = None,
) -> None:
    """Serve the store over HTTP (SPARQL at /sparql, API docs at /docs).

    On first run the bundled corpus of plans is ingested into the (empty) store; a store
    that holds documents, embedded or remote, is served as it is.
    """
    from policykg.api import server  # the HTTP stack, imported only to serve

    settings = common.settings(
        data_dir, sparql_url, update_url, host=host, port=port, workers=workers
    )
    store = common.open_store(settings)
    prepare_store(store, settings, corpus=corpus)
    typer.echo(
        f"serving {settings.store_location} on http://{settings.host}:{settings.port}/sparql"
        f" ({settings.workers} worker{'s' if settings.workers > 1 else ''})"
    )
    try:
        server.serve(store, settings)
    except server.ServeError as exc:
        raise fail(str(exc)) from exc


def prepare_store(store: Store, settings: Settings, *, corpus: bool) -> None:
    """Before serving: (re)load the vocabulary and, into a store without documents, the
    bundled corpus. A read-only remote store is served as it is."""
    if not common.writable(settings):
        return
    minter = IriMinter(settings.base_iri)
    try:
        dataset.load_vocabulary(store, minter)
        upgrade_if_needed(store, minter, settings)
        if corpus and not dataset.document_graphs(store, minter):
            # Nothing reads the store yet: new documents go in bulk batches.
            reports = ingest_paths(store, [bundled_corpus()], minter, bulk=True)
            for line in iter_reports_summary(reports):
                typer.echo(line)
    except GraphError as exc:
        raise fail(f"{settings.store_location}: {exc}") from exc


def upgrade_if_needed(store: Store, minter: IriMinter, settings: Settings) -> None:
    """Add what an older policykg did not write (see :mod:`policykg.graph.upgrade`)."""
    lacking = upgrade.needs_upgrade(store)
    if lacking:
        typer.echo(
            f"{settings.store_location} was written by an older policykg (no "
            f"{' and no '.join(lacking)}): upgrading it",
            err=True,
        )
        run_upgrade(store, minter)


def run_upgrade(store: Store, minter: IriMinter) -> None:
    """:func:`policykg.graph.upgrade.upgrade_store` with a progress bar and a summary line."""
    graphs = dataset.document_graphs(store, minter)
    with typer.progressbar(length=len(graphs), label="upgrading", file=sys.stderr) as bar:
        report = upgrade.upgrade_store(store, minter, on_graph=lambda _: bar.update(1))
    typer.echo(
        f"{report.graphs} documents read, {report.changed} upgraded ({report.added} triples added)",
        err=True,
    )


def upgrade_command(
    data_dir: DataDir = None,
    sparql_url: SparqlUrl = None,
    update_url: UpdateUrl = None,
) -> None:
    """Add to a store written by an older policykg what this version derives at ingest
    (sort keys of the lists, citation index), from each document's own graph; a store
    already up to date is left as it is. `serve` and `ingest` do it first when needed."""
    settings = common.settings(data_dir, sparql_url, update_url)
    if not common.writable(settings):
        raise fail(f"the remote store {settings.sparql_query_url} is read-only: set --update-url")
    store = common.open_store(settings, must_exist=True)
    minter = IriMinter(settings.base_iri)
    try:
        run_upgrade(store, minter)
    except GraphError as exc:
        raise fail(f"{settings.store_location}: {exc}") from exc


def register(app: typer.Typer) -> None:
    """Add ``ingest``, ``serve`` and ``upgrade`` to the ``policykg`` app."""
    app.command()(ingest)
    app.command()(serve)
    app.command(name="upgrade")(upgrade_command)
