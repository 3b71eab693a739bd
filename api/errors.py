"""The one JSON error shape of the HTTP API, and the mapping of layer errors to statuses.

Every error response of every endpoint has the body::

    {"error": {"status": 400, "code": "query_syntax", "message": "...", "detail": {...}}}

No stack trace or internal message is ever sent: messages are written for the client.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from policykg.graph.errors import (
    NotFound,
    QueryError,
    QueryParameterError,
    StoreError,
    UnknownQuery,
)
from policykg.ingest.errors import IngestError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error with an HTTP status, a stable machine code and a client-facing message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        detail: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers


def error_body(
    status: int, code: str, message: str, detail: dict[str, Any] | None = None
) -> dict[str, Any]:
    err: dict[str, Any] = {"status": status, "code": code, "message": message}
    if detail:
        err["detail"] = detail
    return {"error": err}


def error_response(
    status: int,
    code: str,
    message: str,
    detail: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        error_body(status, code, message, detail), status_code=status, headers=headers
    )


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    408: "timeout",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_parameters",
    429: "too_many_requests",
    503: "unavailable",
    504: "timeout",
}


def install_error_handlers(app: FastAPI) -> None:
    """Route every error raised in a request through :func:`error_body`."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.detail, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        headers = dict(exc.headers) if exc.headers else None
        return error_response(exc.status_code, code, message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"location": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        return error_response(
            422, "invalid_parameters", "invalid request parameters", {"problems": problems}
        )

    @app.exception_handler(IngestError)
    async def _ingest_error(request: Request, exc: IngestError) -> JSONResponse:
        return error_response(422, "bad_document", str(exc))

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, "query_syntax", str(exc))

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, "not_found", exc.message, exc.detail)

    @app.exception_handler(UnknownQuery)
    async def _unknown_query(request: Request, exc: UnknownQuery) -> JSONResponse:
        return error_response(404, "unknown_query", str(exc))

    @app.exception_handler(QueryParameterError)
    async def _param_error(request: Request, exc: QueryParameterError) -> JSONResponse:
        return error_response(422, "invalid_parameters", str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return error_response(503, "store_unavailable", "the store could not answer")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal", "internal server error")
