"""The one interface of a policykg triple store, met by every implementation.

:class:`~policykg.graph.store.EmbeddedStore` (pyoxigraph in process) and
:class:`~policykg.graph.remote.RemoteStore` (any SPARQL 1.1 endpoint) both satisfy
:class:`Store`, so the CLI, the service layer and the HTTP app take a ``Store`` and do not
care which one they were given (:func:`policykg.graph.factory.open_store` picks one).

The contract every implementation keeps:

* each source document lives in its own named graph, and :meth:`Store.replace_graph`
  replaces that graph whole in one request or transaction: a reader sees the old document
  or the new one, never a mix; writing the same triples twice leaves the same graph;
* queries see, as their default graph, the union of all named graphs unless a dataset is
  given explicitly (``default_graph=`` / ``named_graphs=``);
* values in ``bindings`` are bound by the store, never formatted into the query text;
* query results are pyoxigraph objects (``QuerySolutions``, ``QueryBoolean``,
  ``QueryTriples``) whatever the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, cast, runtime_checkable

import pyoxigraph as ox

from policykg.graph.errors import QueryError, StoreError

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Bindings = Mapping[str, Term]
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


@runtime_checkable
class Store(Protocol):
    """What policykg needs from a triple store."""

    # --- writing -----------------------------------------------------------------------
    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        """Replace named graph ``graph`` with ``triples`` at once; return the triples written."""
        ...

    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Triple]]) -> None:
        """Replace several named graphs in one transaction."""
        ...

    def drop_graph(self, graph: str) -> bool:
        """Remove a named graph; return whether it existed."""
        ...

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 update."""
        ...

    def flush(self) -> None:
        """Make writes durable (a no-op where every request already is)."""
        ...

    # --- reading -----------------------------------------------------------------------
    @property
    def generation(self) -> int:
        """A counter that changes when the store's content may have changed: readers cache
        derived data by it. The embedded store bumps it on every write; a remote store, which
        cannot see other writers, on its own writes and at least every ``cache_ttl`` seconds.
        """
        ...

    def has_graph(self, graph: str) -> bool: ...

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs holding at least one triple, sorted."""
        ...

    def graph_triples(self, graph: str) -> list[ox.Triple]: ...

    def __len__(self) -> int:
        """The number of quads in the named graphs."""
        ...

    def is_empty(self) -> bool: ...

    def query(
        self,
        query: str,
        *,
        bindings: Bindings | None = None,
        default_graph: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> QueryResult:
        """Run a SPARQL 1.1 query; values in ``bindings`` are bound, never formatted in."""
        ...

    def select(self, query: str, *, bindings: Bindings | None = None) -> list[dict[str, Term]]:
        """Run a SELECT query; rows as dicts of the bound variables."""
        ...

    def ask(self, query: str, *, bindings: Bindings | None = None) -> bool: ...

    def construct(self, query: str, *, bindings: Bindings | None = None) -> list[ox.Triple]: ...

    def dump_nquads(self) -> bytes:
        """Every named graph as N-Quads."""
        ...


def _rows(result: ox.QuerySolutions) -> list[dict[str, Term]]:
    names = [v.value for v in result.variables]
    rows: list[dict[str, Term]] = []
    for sol in result:
        row: dict[str, Term] = {}
        for name in names:
            value = sol[name]
            if value is not None:
                row[name] = cast(Term, value)
        rows.append(row)
    return rows


class QueryHelpers:
    """``select``, ``ask`` and ``construct`` over a store's ``query``: shared by every store.

    A subclass implements ``query`` and may set ``answer_source`` (named in the error raised
    when a remote answer cannot be read).
    """

    answer_source = "the store"

    def query(
        self,
        query: str,
        *,
        bindings: Bindings | None = None,
        default_graph: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> QueryResult:
        raise NotImplementedError

    def select(self, query: str, *, bindings: Bindings | None = None) -> list[dict[str, Term]]:
        """Run a SELECT query and return its rows as dicts of bound variables."""
        result = self.query(query, bindings=bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        try:
            return _rows(result)
        except SyntaxError as exc:  # a streamed answer that does not parse
            raise StoreError(f"unreadable answer from {self.answer_source}: {exc}") from exc
        finally:
            # dropped here, in this thread, even if a traceback keeps this frame alive:
            # pyoxigraph refuses to drop a result on another thread than the one that made it
            del result

    def ask(self, query: str, *, bindings: Bindings | None = None) -> bool:
        result = self.query(query, bindings=bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, query: str, *, bindings: Bindings | None = None) -> list[ox.Triple]:
        result = self.query(query, bindings=bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return list(result)
