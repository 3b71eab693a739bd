"""``policykg network``: export the agency or citation network (GraphML, GEXF, Cytoscape, CSV).

A few lines around :func:`policykg.graph.network.export_network`; see ``docs/network.md``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from policykg.cli import common
from policykg.cli.common import DataDir, fail
from policykg.graph.network import FORMATS, Period, export_network

__all__ = ["network_command", "parse_period", "register"]

_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$")


def parse_period(text: str | None) -> Period | None:
    """``"2021-2025"`` -> ``(2021, 2025)``, ``"2025"`` -> ``(2025, 2025)``; ValueError otherwise."""
    if text is None or not text.strip():
        return None
    m = _PERIOD.match(text)
    if not m:
        raise ValueError(f"not a year or a range of years: {text!r} (e.g. 2021-2025)")
    first = int(m.group(1))
    last = int(m.group(2) or first)
    return (min(first, last), max(first, last))


def network_command(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="graphml, gexf, cytoscape or csv.")
    ] = "graphml",
    kind: Annotated[str, typer.Option("--kind", help="agency or citation.")] = "agency",
    province: Annotated[
        str | None, typer.Option(help="Only the plans of this province (name or slug).")
    ] = None,
    theme: Annotated[
        str | None, typer.Option(help="Only tasks of this theme code (agency network).")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(help="Only plans whose period overlaps these years, e.g. 2021-2025."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE (default: stdout).")
    ] = None,
    data_dir: DataDir = None,
    sparql_url: Annotated[
        str | None,
        typer.Option(
            "--sparql-url",
            help="Query endpoint of a remote SPARQL store ($POLICYKG_SPARQL_QUERY_URL).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export the agency network or the citation network of the store."""
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}", 2)
    if kind not in {"agency", "citation"}:
        raise fail(f"unknown network kind {kind!r}: use agency or citation", 2)
    try:
        years = parse_period(period)
    except ValueError as exc:
        raise fail(str(exc), 2) from exc
    store = common.open_store(common.settings(data_dir, sparql_url), must_exist=True)
    data = export_network(store, kind=kind, fmt=fmt, province=province, theme=theme, period=years)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.write_bytes(data)
        typer.echo(f"wrote {kind} network ({fmt}, {len(data)} bytes) to {output}", err=True)


def register(app: typer.Typer) -> None:
    """Add the ``network`` command to the ``policykg`` app."""
    app.command("network")(network_command)
