"""Open the store the settings ask for: embedded by default, remote when a query URL is set.

``open_store`` takes plain keyword arguments (the CLI and the app pass the matching
fields of :class:`policykg.api.settings.Settings`), so ``graph`` never imports ``api``.
"""

from __future__ import annotations

from pathlib import Path

from policykg.graph.base import Store
from policykg.graph.errors import StoreError
from policykg.graph.remote import RemoteStore, RetryPolicy
from policykg.graph.store import EmbeddedStore


def open_store(
    *,
    data_dir: str | Path | None = None,
    read_only: bool = False,
    sparql_query_url: str | None = None,
    sparql_update_url: str | None = None,
    graph_store_url: str | None = None,
    store_user: str | None = None,
    store_password: str | None = None,
    store_token: str | None = None,
    store_timeout: float = 30.0,
    store_retries: int = 4,
    graph_prefix: str = "",
) -> Store:
    """Open the store: a :class:`RemoteStore` when ``sparql_query_url`` is set, else an
    :class:`EmbeddedStore` at ``data_dir`` (in memory when ``data_dir`` is None).

    A remote store is read-only without ``sparql_update_url`` (and when ``read_only``).
    ``graph_store_url`` makes document replacement one Graph Store Protocol ``PUT``: set it
    only for engines whose ``PUT`` is atomic. ``graph_prefix`` (the base IRI of policykg's
    graphs) keeps a shared server's other graphs out of counts and listings. Nothing is
    contacted here: call :meth:`RemoteStore.check` to verify the endpoint.
    """
    if not sparql_query_url:
        if any((sparql_update_url, graph_store_url)):
            raise StoreError("an update or graph store URL needs a SPARQL query URL as well")
        return EmbeddedStore(data_dir, read_only=read_only)
    if store_token and store_user:
        raise StoreError("set either a store user and password or a store token, not both")
    return RemoteStore(
        sparql_query_url,
        update_url=None if read_only else (sparql_update_url or None),
        graph_store_url=None if read_only else (graph_store_url or None),
        user=store_user or None,
        password=store_password,
        token=store_token or None,
        timeout=store_timeout,
        retry=RetryPolicy(attempts=store_retries + 1),
        graph_prefix=graph_prefix,
    )
