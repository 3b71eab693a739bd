"""The ``policykg`` command line.

Each command is a few lines around a plain function of :mod:`policykg.load.documents`,
:mod:`policykg.ingest` or :mod:`policykg.graph`, so tests and notebooks call the same code.
User errors exit with status 1 (2 for usage) and one clear line, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer

from policykg import bundled_corpus
from policykg.api.settings import Settings
from policykg.graph import dataset
from policykg.graph.base import Store
from policykg.graph.errors import GraphError
from policykg.graph.remote import RemoteStore
from policykg.ingest.errors import IngestError
from policykg.load.documents import IngestReport, expand_paths, ingest_paths, iter_reports_summary
from policykg.ontology.iri import PREFIXES, IriMinter

app = typer.Typer(
    name="policykg",
    help="A knowledge graph of Vietnamese public policy: ingest plans, query and serve them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

log = logging.getLogger("policykg")

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Folder of the embedded store (default: ./data, or $POLICYKG_DATA_DIR).",
        show_default=False,
    ),
]
SparqlUrl = Annotated[
    str | None,
    typer.Option(
        "--sparql-url",
        help="Query endpoint of a remote SPARQL store (default: $POLICYKG_SPARQL_QUERY_URL; "
        "unset: the embedded store).",
        show_default=False,
    ),
]
UpdateUrl = Annotated[
    str | None,
    typer.Option(
        "--update-url",
        help="Update endpoint of the remote store (default: $POLICYKG_SPARQL_UPDATE_URL).",
        show_default=False,
    ),
]


class _State:
    verbose: int = 0


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line to stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@app.callback()
def _main(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
) -> None:
    level = (
        logging.ERROR
        if quiet
        else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    )
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    _State.verbose = verbose


def _settings(
    data_dir: Path | None,
    sparql_url: str | None = None,
    update_url: str | None = None,
    **overrides: object,
) -> Settings:
    try:
        return Settings.from_env(
            data_dir=data_dir,
            sparql_query_url=sparql_url,
            sparql_update_url=update_url,
            **overrides,
        )
    except ValueError as exc:
        raise fail(f"invalid setting: {exc}", 2) from exc


def _open_store(settings: Settings, *, must_exist: bool = False, read_only: bool = False) -> Store:
    """The store the settings name: the remote endpoint (checked to answer) or the
    embedded store at ``data_dir``. Any failure is one line naming the store."""
    if settings.remote:
        try:
            store = settings.open_store(read_only=read_only)
            if isinstance(store, RemoteStore):
                store.check()
        except GraphError as exc:
            raise fail(f"remote store {settings.sparql_query_url}: {exc}") from exc
        return store
    path = settings.data_dir
    if must_exist and not path.exists():
        raise fail(f"no store at {path}: run `policykg ingest` or `policykg serve` first")
    try:
        return settings.open_store(read_only=read_only)
    except GraphError as exc:
        raise fail(
            f"{exc} (is another policykg process, such as `policykg serve`, using it? "
            "Query the running server at /sparql instead)"
        ) from exc


def _writable(settings: Settings) -> bool:
    """Whether the store can be written (a remote store needs an update URL)."""
    return not settings.remote or bool(settings.sparql_update_url)


@app.command()
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
    settings = _settings(data_dir, sparql_url, update_url)
    if not _writable(settings):
        raise fail(f"the remote store {settings.sparql_query_url} is read-only: set --update-url")
    files = expand_paths(paths)
    if not files:
        raise fail("no document files found in " + ", ".join(map(str, paths)))
    store = _open_store(settings)
    minter = IriMinter(settings.base_iri)
    reports: list[IngestReport] = []
    try:
        dataset.load_vocabulary(store, minter)
        _upgrade_if_needed(store, minter, settings)
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


@app.command()
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
    from policykg.api import server

    settings = _settings(data_dir, sparql_url, update_url, host=host, port=port, workers=workers)
    store = _open_store(settings)
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
    if not _writable(settings):
        return
    minter = IriMinter(settings.base_iri)
    try:
        dataset.load_vocabulary(store, minter)
        _upgrade_if_needed(store, minter, settings)
        if corpus and not dataset.document_graphs(store, minter):
            # Nothing reads the store yet: new documents go in bulk batches.
            reports = ingest_paths(store, [bundled_corpus()], minter, bulk=True)
            for line in iter_reports_summary(reports):
                typer.echo(line)
    except GraphError as exc:
        raise fail(f"{settings.store_location}: {exc}") from exc


def _upgrade_if_needed(store: Store, minter: IriMinter, settings: Settings) -> None:
    """Add what an older policykg did not write (see :mod:`policykg.graph.upgrade`)."""
    from policykg.graph import upgrade

    lacking = upgrade.needs_upgrade(store)
    if lacking:
        typer.echo(
            f"{settings.store_location} was written by an older policykg (no "
            f"{' and no '.join(lacking)}): upgrading it",
            err=True,
        )
        _run_upgrade(store, minter)


def _run_upgrade(store: Store, minter: IriMinter) -> None:
    from policykg.graph import upgrade

    graphs = dataset.document_graphs(store, minter)
    with typer.progressbar(length=len(graphs), label="upgrading", file=sys.stderr) as bar:
        report = upgrade.upgrade_store(store, minter, on_graph=lambda _: bar.update(1))
    typer.echo(
        f"{report.graphs} documents read, {report.changed} upgraded ({report.added} triples added)",
        err=True,
    )


@app.command()
def upgrade(
    data_dir: DataDir = None,
    sparql_url: SparqlUrl = None,
    update_url: UpdateUrl = None,
) -> None:
    """Add to a store written by an older policykg what this version derives at ingest
    (sort keys of the lists, citation index), from each document's own graph; a store
    already up to date is left as it is. `serve` and `ingest` do it first when needed."""
    settings = _settings(data_dir, sparql_url, update_url)
    if not _writable(settings):
        raise fail(f"the remote store {settings.sparql_query_url} is read-only: set --update-url")
    store = _open_store(settings, must_exist=True)
    minter = IriMinter(settings.base_iri)
    try:
        _run_upgrade(store, minter)
    except GraphError as exc:
        raise fail(f"{settings.store_location}: {exc}") from exc


@app.command()
def query(
    query_text: Annotated[
        str, typer.Argument(metavar="QUERY", help="A SPARQL query, or a file holding one.")
    ],
    data_dir: DataDir = None,
    sparql_url: SparqlUrl = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
) -> None:
    """Run a SPARQL query against the store (the default graph is the union of all graphs)."""
    if fmt not in {"table", "json", "csv"}:
        raise fail("--format must be table, json or csv", 2)
    source = Path(query_text)
    if len(query_text) < 4096 and "\n" not in query_text and source.is_file():
        query_text = source.read_text(encoding="utf-8")
    store = _open_store(_settings(data_dir, sparql_url), must_exist=True)
    prefixes = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    try:
        result = store.query(_with_prefixes(query_text, prefixes))
        text = render_result(result, fmt)
    except GraphError as exc:
        raise fail(str(exc)) from exc
    typer.echo(text, nl=False)


def _with_prefixes(query_text: str, prefixes: str) -> str:
    """Declare the project's prefixes unless the query declares its own."""
    return query_text if "PREFIX" in query_text.upper() else prefixes + query_text


def render_result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> str:
    """Render a query result as a text table, JSON or CSV."""
    if isinstance(result, ox.QueryBoolean):
        return json.dumps(bool(result)) + "\n" if fmt == "json" else f"{bool(result)}\n"
    if isinstance(result, ox.QueryTriples):
        return turtle(list(result))
    names = [v.value for v in result.variables]
    rows = [[_term_text(sol[n]) for n in names] for sol in result]
    if fmt == "json":
        return (
            json.dumps(
                [dict(zip(names, r, strict=True)) for r in rows], ensure_ascii=False, indent=2
            )
            + "\n"
        )
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"


def turtle(triples: list[ox.Triple]) -> str:
    """Triples as Turtle with the project's prefixes."""
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return data.decode("utf-8") if data else ""


def _term_text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term.value
    return str(term)


@app.command()
def stats(data_dir: DataDir = None, sparql_url: SparqlUrl = None) -> None:
    """Counts of documents, graphs, triples, tasks, targets, duties and citations."""
    settings = _settings(data_dir, sparql_url)
    store = _open_store(settings, must_exist=True)
    try:
        counts = dataset.stats(store, IriMinter(settings.base_iri))
    except GraphError as exc:
        raise fail(f"{settings.store_location}: {exc}") from exc
    for name, value in counts.items():
        typer.echo(f"{name:18} {value}")


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A plan (.txt .md .docx .pdf).")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json (the gold schema) or turtle.")
    ] = "json",
    base_iri: Annotated[str | None, typer.Option(help="Base of minted IRIs (turtle).")] = None,
) -> None:
    """Print what one plan yields, in the gold JSON schema or as Turtle (no store is used)."""
    from policykg.ingest.extract import as_schema, extract_file
    from policykg.ingest.rdf import document_triples

    if fmt not in {"json", "turtle"}:
        raise fail("--format must be json or turtle", 2)
    try:
        record = extract_file(file)
    except IngestError as exc:
        raise fail(str(exc)) from exc
    if fmt == "json":
        typer.echo(json.dumps(as_schema(record), ensure_ascii=False, indent=2))
        return
    minter = IriMinter(base_iri or Settings.from_env().base_iri)
    result = document_triples(record, minter=minter)
    typer.echo(turtle(result.triples))


@app.command(name="eval")
def evaluate(
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="An evaluation set of the checkout: bundled (the five plans of corpus/ and "
            "tests/gold), dev (the development set, tests/data/dev and tests/gold/dev), "
            "bundled-docx or bundled-pdf (the five plans laid out as office files, made on "
            "the fly); repeatable (default: bundled and dev).",
        ),
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option(help="Folder of documents of a set of your own (with --gold).")
    ] = None,
    gold: Annotated[
        Path | None, typer.Option(help="Folder of the gold JSON files of that set.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Score extraction against the gold: precision, recall and F1 per section and document.

    Each set gets its own table; with several sets a last table gives F1 per set and over
    all of them.
    """
    from policykg.ingest.evaluate import (
        DEFAULT_SETS,
        evaluate_sets,
        format_sets_report,
        known_sets,
    )

    if fmt not in {"table", "json"}:
        raise fail("--format must be table or json", 2)
    available = known_sets(_default_gold().parent.parent)
    chosen: dict[str, tuple[Path, Path]] = {}
    if corpus or gold:
        if sets:
            raise fail("--set and --corpus/--gold exclude each other", 2)
        chosen["custom"] = (corpus or bundled_corpus(), gold or _default_gold())
    else:
        for name in sets or list(DEFAULT_SETS):
            if name not in available:
                raise fail(f"no evaluation set {name!r}: choose from {', '.join(available)}", 2)
            chosen[name] = available[name]
    for name, (texts, golds) in chosen.items():
        if not golds.is_dir():
            raise fail(f"no gold folder at {golds} (set {name}): pass --gold")
        if not texts.is_dir():
            raise fail(f"no folder of documents at {texts} (set {name}): pass --corpus")
    report = evaluate_sets(dict(chosen))
    if fmt == "json":
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        typer.echo(format_sets_report(report))


def _default_gold() -> Path:
    return Path(__file__).resolve().parent.parent / "tests" / "gold"


@app.command()
def goldcheck(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Gold files or folders (default: tests/gold and tests/gold/dev)."),
    ] = None,
    texts: Annotated[
        list[Path] | None,
        typer.Option(
            "--texts",
            help="Folder of the annotated texts (repeatable; default: the bundled corpus "
            "and tests/data/dev).",
        ),
    ] = None,
) -> None:
    """Check gold files: quotes verbatim, codes of the schema, agencies listed, dates and ids."""
    from policykg.ingest.goldcheck import check_paths

    gold = _default_gold()
    paths = paths or [gold, gold / "dev"]
    texts = texts or [bundled_corpus(), gold.parent / "data" / "dev"]
    for p in paths:
        if not p.exists():
            raise fail(f"no such file or folder: {p}")
    problems = check_paths(paths, texts)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        raise fail(f"{len(problems)} problem(s)")
    typer.echo("ok")


def _register_commands() -> None:
    """Commands that live in their own modules (they import this one's helpers)."""
    from policykg.api.cli_check import register as register_check
    from policykg.api.cli_network import register as register_network

    register_check(app)
    register_network(app)


_register_commands()


def main() -> None:
    """Entry point of the ``policykg`` script."""
    app()


if __name__ == "__main__":
    main()
