"""``policykg check`` and ``policykg validate``: the checker and the store's validation.

A few lines around :mod:`policykg.shapes.draft` (a plan checked before it is signed) and
:mod:`policykg.shapes.store_validation` (every document graph of the store).

Exit status of ``check``: 0 when no finding reaches ``--fail-on``, 1 when one does (so it can
gate a drafting workflow), 2 when the file cannot be read or the options are wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from policykg import bundled_corpus
from policykg.api.settings import Settings
from policykg.cli.common import DataDir, fail
from policykg.graph.base import Store
from policykg.graph.dataset import load_vocabulary
from policykg.graph.errors import GraphError
from policykg.graph.remote import RemoteStore
from policykg.graph.store import EmbeddedStore
from policykg.ingest.errors import IngestError
from policykg.load.documents import ingest_paths
from policykg.ontology.iri import IriMinter
from policykg.shapes.check import LEVELS, RENDERERS, render_html, render_text
from policykg.shapes.draft import check_file
from policykg.shapes.store_validation import DEFAULT_BATCH, summary_table, validate_store

SparqlUrl = Annotated[
    str | None,
    typer.Option(
        "--sparql-url",
        help="Query endpoint of a remote SPARQL store (default: $POLICYKG_SPARQL_QUERY_URL).",
        show_default=False,
    ),
]


def _open_read_only(settings: Settings, code: int) -> Store:
    """The store the settings name, read-only (a remote one checked to answer)."""
    try:
        store = settings.open_store(read_only=True)
        if isinstance(store, RemoteStore):
            store.check()
    except GraphError as exc:
        raise fail(f"cannot open the store at {settings.store_location}: {exc}", code) from exc
    return store


def open_store_for_check(settings: Settings, minter: IriMinter) -> Store:
    """The remote store, or the store at ``settings.data_dir`` read-only, or (when there is
    none) an in-memory store with the vocabulary, reference data and the bundled plans."""
    if settings.remote or settings.data_dir.exists():
        return _open_read_only(settings, 2)
    typer.echo(f"no store at {settings.data_dir}: checking against the bundled plans", err=True)
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    ingest_paths(store, [bundled_corpus()], minter)
    return store


def check_command(
    file: Annotated[Path, typer.Argument(help="The plan to check (.txt .md .docx .pdf).")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, json, turtle or html.")
    ] = "text",
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding is this severe or worse: violation, warning, info.",
        ),
    ] = "violation",
    lang: Annotated[
        str, typer.Option("--lang", help="Message language for text/html: vi or en.")
    ] = "vi",
    data_dir: DataDir = None,
    sparql_url: SparqlUrl = None,
) -> None:
    """Check a plan before it is signed: the shapes and the store, nothing is stored."""
    if fmt not in RENDERERS:
        raise fail(f"unknown format {fmt!r}; use one of {', '.join(RENDERERS)}", 2)
    if fail_on not in LEVELS:
        raise fail(f"unknown level {fail_on!r}; use one of {', '.join(LEVELS)}", 2)
    if lang not in ("vi", "en"):
        raise fail("--lang must be vi or en", 2)
    settings = Settings.from_env(data_dir=data_dir, sparql_query_url=sparql_url)
    minter = IriMinter(settings.base_iri)
    if not file.exists():
        raise fail(f"{file}: no such file", 2)
    store = open_store_for_check(settings, minter)
    try:
        report = check_file(file, store=store, minter=minter)
    except IngestError as exc:
        raise fail(str(exc), 2) from exc
    except GraphError as exc:
        raise fail(f"{settings.store_location}: {exc}", 2) from exc
    if fmt == "text":
        out = render_text(report, lang=lang)
    elif fmt == "html":
        out = render_html(report, lang=lang)
    else:
        out = RENDERERS[fmt](report)
    sys.stdout.write(out)
    if report.reaches(fail_on):
        raise typer.Exit(1)


def validate_command(
    data_dir: DataDir = None,
    sparql_url: SparqlUrl = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes validating in parallel, each over the store opened read-only "
            "(embedded store only).",
        ),
    ] = 1,
    batch: Annotated[
        int,
        typer.Option(
            "--batch",
            min=1,
            help="Graphs validated together per run of the shape queries (1: each alone; "
            "same counts).",
        ),
    ] = DEFAULT_BATCH,
    whole: Annotated[
        bool,
        typer.Option(
            "--whole",
            help="Run each shape query once over the whole store, in place (fastest for a "
            "large store; same counts).",
        ),
    ] = False,
) -> None:
    """Validate every document graph of the store with the shapes; print a summary table."""
    settings = Settings.from_env(data_dir=data_dir, sparql_query_url=sparql_url)
    if not settings.remote and not settings.data_dir.exists():
        raise fail(f"no store at {settings.data_dir}: run `policykg ingest` first", 1)
    minter = IriMinter(settings.base_iri)
    store = _open_read_only(settings, 1)
    try:
        rows = validate_store(store, minter, jobs=jobs, batch=batch, whole=whole)
    except ValueError as exc:
        raise fail(str(exc), 1) from exc
    except GraphError as exc:
        raise fail(f"{settings.store_location}: {exc}", 1) from exc
    sys.stdout.write(summary_table(rows))
    if any(r.violations for r in rows):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``check`` and ``validate`` to the ``policykg`` app."""
    app.command(name="check")(check_command)
    app.command(name="validate")(validate_command)
