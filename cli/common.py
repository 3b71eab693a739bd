"""What every command shares: the store options, the settings, opening the store, failing.

User errors exit with status 1 (2 for usage) and one clear line, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.graph.errors import GraphError
from policykg.graph.remote import RemoteStore

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


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line to stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def settings(
    data_dir: Path | None,
    sparql_url: str | None = None,
    update_url: str | None = None,
    **overrides: object,
) -> Settings:
    """Settings from the environment (``POLICYKG_*``) and the command's options."""
    try:
        return Settings.from_env(
            data_dir=data_dir,
            sparql_query_url=sparql_url,
            sparql_update_url=update_url,
            **overrides,
        )
    except ValueError as exc:
        raise fail(f"invalid setting: {exc}", 2) from exc


def open_store(settings: Settings, *, must_exist: bool = False, read_only: bool = False) -> Store:
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


def writable(settings: Settings) -> bool:
    """Whether the store can be written (a remote store needs an update URL)."""
    return not settings.remote or bool(settings.sparql_update_url)
