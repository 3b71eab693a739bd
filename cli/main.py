"""The ``policykg`` command line: the app, its global options and the entry point.

Each group of commands lives in its own module and adds itself with ``register(app)``:
:mod:`~policykg.cli.store` (ingest, serve, upgrade), :mod:`~policykg.cli.query` (query,
stats), :mod:`~policykg.cli.extraction` (extract, eval, goldcheck), :mod:`~policykg.cli.check`
(check, validate) and :mod:`~policykg.cli.network`. Each command is a few lines around a
plain function of the layers below, so tests and notebooks call the same code.
"""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from policykg.cli import check, extraction, network, query, store

app = typer.Typer(
    name="policykg",
    help="A knowledge graph of Vietnamese public policy: ingest plans, query and serve them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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


for group in (store, query, extraction, check, network):  # the order of `policykg --help`
    group.register(app)


def main() -> None:
    """Entry point of the ``policykg`` script."""
    app()


if __name__ == "__main__":
    main()
