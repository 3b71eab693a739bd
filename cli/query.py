"""``policykg query`` and ``policykg stats``: reading the store from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer

from policykg.cli import common
from policykg.cli.common import DataDir, SparqlUrl, fail
from policykg.graph import dataset
from policykg.graph.errors import GraphError
from policykg.ontology.iri import PREFIXES, IriMinter


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
    store = common.open_store(common.settings(data_dir, sparql_url), must_exist=True)
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


def stats(data_dir: DataDir = None, sparql_url: SparqlUrl = None) -> None:
    """Counts of documents, graphs, triples, tasks, targets, duties and citations."""
    settings = common.settings(data_dir, sparql_url)
    store = common.open_store(settings, must_exist=True)
    try:
        counts = dataset.stats(store, IriMinter(settings.base_iri))
    except GraphError as exc:
        raise fail(f"{settings.store_location}: {exc}") from exc
    for name, value in counts.items():
        typer.echo(f"{name:18} {value}")


def register(app: typer.Typer) -> None:
    """Add ``query`` and ``stats`` to the ``policykg`` app."""
    app.command()(query)
    app.command()(stats)
