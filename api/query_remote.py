"""SPARQL queries of ``/sparql`` run on a remote store's own endpoint.

The isolated worker pool of :mod:`policykg.api.query_exec` exists because pyoxigraph cannot
stop a running query in process. A remote store runs queries in its own server, so
:class:`RemoteExecutor` sends the query there, with the query time limit as the request's
timeout (not retried), and answers with the same :class:`QueryOutcome` as the pool:
the same result cap (``max_results``), serializations and errors. :func:`executor_for`
picks the executor for a store.

What the time limit cannot do remotely: the engine may keep working on a query the client
has given up on. Give the engine its own limit too (Virtuoso ``MaxQueryExecutionTime``,
Fuseki ``arq:queryTimeout``, GraphDB ``graphdb.engine.query.timeout``; see
docs/deployment.md). The answer is read whole before it is capped, so the engine's own
result cap (Virtuoso ``ResultSetMaxRows``) should not be far above ``max_results``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, cast

import pyoxigraph as ox

from policykg.api.graph_store import has_base
from policykg.api.query_exec import (
    IsolatedExecutor,
    QueryFailed,
    QueryJob,
    QueryOutcome,
    QuerySyntax,
    QueryTimeout,
    run_job,
)
from policykg.graph.base import QueryResult, Store
from policykg.graph.errors import GraphError, QueryError, StoreTimeout
from policykg.graph.remote import RemoteStore
from policykg.graph.store import EmbeddedStore

log = logging.getLogger(__name__)


class _Endpoint:
    """Looks like the part of :class:`pyoxigraph.Store` that :func:`run_job` calls, and
    answers from the remote endpoint (errors as the pool's :class:`ExecError` kinds)."""

    def __init__(self, store: RemoteStore) -> None:
        self.store = store

    def query(
        self,
        query: str,
        *,
        default_graph: Sequence[ox.NamedNode] | None = None,
        named_graphs: Sequence[ox.NamedNode] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        if base_iri and not has_base(query):
            # Relative IRIs resolve against the endpoint's URL, as in the embedded store.
            query = f"BASE {ox.NamedNode(base_iri)}\n{query}"
        try:
            return self.store.query(
                query,
                default_graph=None if default_graph is None else [g.value for g in default_graph],
                named_graphs=None if named_graphs is None else [g.value for g in named_graphs],
            )
        except StoreTimeout:
            raise QueryTimeout(
                f"the query did not finish within {self.store.timeout:g} seconds"
            ) from None
        except QueryError as exc:
            raise QuerySyntax(str(exc)) from None
        except GraphError as exc:
            log.error("remote query failed: %s", exc)
            raise QueryFailed(str(exc)) from None


class RemoteExecutor:
    """Runs ``/sparql`` queries on a :class:`RemoteStore`'s endpoint (thread-safe, blocking:
    call :meth:`execute` from a worker thread)."""

    def __init__(self, store: RemoteStore, *, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self._endpoint = _Endpoint(store.with_timeout(timeout))

    def execute(self, job: QueryJob) -> QueryOutcome:
        """Run ``job`` remotely; raise :class:`QueryTimeout`, :class:`QuerySyntax`,
        :class:`QueryFailed` or :class:`NotAcceptable` as the worker pool does."""
        return run_job(cast(Any, self._endpoint), job)

    def close(self) -> None:
        """Nothing to stop (no worker processes)."""


def executor_for(
    store: Store, *, workers: int = 2, timeout: float = 10.0
) -> IsolatedExecutor | RemoteExecutor:
    """The executor of ``/sparql`` for ``store``: the isolated worker pool for the embedded
    store, the engine itself for a remote one."""
    if isinstance(store, RemoteStore):
        return RemoteExecutor(store, timeout=timeout)
    if not isinstance(store, EmbeddedStore):
        raise TypeError(f"no SPARQL executor for {type(store).__name__}")
    return IsolatedExecutor(store, workers=workers, timeout=timeout)
