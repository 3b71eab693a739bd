"""``policykg extract``, ``eval`` and ``goldcheck``: what extraction yields, scored against
the hand-made gold, and the gold files checked.

A few lines around :mod:`policykg.ingest.extract`, :mod:`policykg.ingest.evaluate` and
:mod:`policykg.ingest.goldcheck`; no store is used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from policykg import bundled_corpus
from policykg.api.settings import Settings
from policykg.cli.common import fail
from policykg.cli.query import turtle
from policykg.ingest.errors import IngestError
from policykg.ontology.iri import IriMinter


def extract(
    file: Annotated[Path, typer.Argument(help="A plan (.txt .md .docx .pdf).")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json (the gold schema) or turtle.")
    ] = "json",
    base_iri: Annotated[str | None, typer.Option(help="Base of minted IRIs (turtle).")] = None,
) -> None:
    """Print what one plan yields, in the gold JSON schema or as Turtle (no store is used)."""
    from policykg.ingest.extract import extract_file
    from policykg.ingest.rdf import document_triples

    if fmt not in {"json", "turtle"}:
        raise fail("--format must be json or turtle", 2)
    try:
        record = extract_file(file)
    except IngestError as exc:
        raise fail(str(exc)) from exc
    if fmt == "json":
        typer.echo(json.dumps(record.to_gold(), ensure_ascii=False, indent=2))
        return
    minter = IriMinter(base_iri or Settings.from_env().base_iri)
    result = document_triples(record, minter=minter)
    typer.echo(turtle(result.triples))


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
    available = known_sets(default_gold().parent.parent)
    chosen: dict[str, tuple[Path, Path]] = {}
    if corpus or gold:
        if sets:
            raise fail("--set and --corpus/--gold exclude each other", 2)
        chosen["custom"] = (corpus or bundled_corpus(), gold or default_gold())
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


def default_gold() -> Path:
    return Path(__file__).resolve().parent.parent / "tests" / "gold"


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

    gold = default_gold()
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


def register(app: typer.Typer) -> None:
    """Add ``extract``, ``eval`` and ``goldcheck`` to the ``policykg`` app."""
    app.command()(extract)
    app.command(name="eval")(evaluate)
    app.command()(goldcheck)
