"""Errors raised by the store and the named queries."""

from __future__ import annotations


class GraphError(Exception):
    """Base class of errors in policykg.graph."""


class StoreError(GraphError):
    """The store could not be opened, read or written."""


class StoreTimeout(StoreError):
    """A remote store did not answer within the request's time limit."""


class QueryError(GraphError):
    """A SPARQL query or update is malformed or of the wrong form."""


class UnknownQuery(GraphError):
    """No named query has that name."""


class QueryParameterError(GraphError):
    """A named query was called with a missing or ill-typed parameter."""


class NotFound(GraphError):
    """A lookup names a document, instrument or agency that the store does not hold."""

    def __init__(self, message: str, *, detail: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
