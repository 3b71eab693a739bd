"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (the Graph Store at ``/rdf-graphs`` is
:mod:`policykg.api.graph_store`).

* Query by GET, POST form and POST direct; SELECT/ASK as JSON, XML, CSV, TSV and
  CONSTRUCT/DESCRIBE as Turtle, N-Triples, N-Quads, JSON-LD, RDF/XML, chosen by ``Accept``
  (q-values honoured; JSON and Turtle by default).
* The default graph is the store's materialized set union of the managed graphs; a
  dataset given by the protocol (``default-graph-uri``, ``named-graph-uri``) replaces
  the query's own ``FROM``.
* Every query runs in an isolated worker process (:mod:`policykg.api.query_exec`) and is
  stopped past ``Settings.query_timeout``; answers are capped at ``Settings.max_results``
  (the ``X-SPARQL-Truncated`` header says so); bodies over ``Settings.max_request_bytes``
  get 413.
* Read-only by default. With ``Settings.write_token`` presented as a bearer token, SPARQL
  Update and the Graph Store Protocol write graphs other than the ingested ones
  (:mod:`policykg.api.graph_store`).
* ``GET /sparql`` without a query: the service description (Turtle, ...), or the YASGUI
  editor when a browser asks for HTML.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, unquote_plus

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import URL, QueryParams
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from policykg.api.errors import ApiError, error_body
from policykg.api.graph_store import WriteGuard, Writer, has_dataset_clause
from policykg.api.limits import read_body, request_too_large
from policykg.api.negotiation import GRAPH_OFFERS, MEDIA_TYPES, RESULT_OFFERS, negotiate
from policykg.api.query_exec import (
    ExecError,
    IsolatedExecutor,
    NotAcceptable,
    QueryBusy,
    QueryJob,
    QueryOutcome,
    QuerySyntax,
    QueryTimeout,
    out_bytes,
)
from policykg.api.query_inline import InlineExecutor
from policykg.api.query_remote import RemoteExecutor, executor_for
from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.graph.store import EmbeddedStore
from policykg.ontology.iri import PREFIXES

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
YASGUI_FILES = {"yasgui.min.js", "yasgui.min.css"}

FORM = "application/x-www-form-urlencoded"
DIRECT_QUERY = "application/sparql-query"
DIRECT_UPDATE = "application/sparql-update"

_RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"


# --- content negotiation -----------------------------------------------------------------


def _has_from(query: str) -> bool:
    """:func:`has_dataset_clause`, skipped (a third of a point lookup's parsing) when the
    text holds no ``FROM`` at all."""
    return "from" in query.lower() and has_dataset_clause(query)


@functools.lru_cache(maxsize=256)
def _answer_formats(accept: str | None) -> tuple[str, str]:
    """(result format key, graph format key) for an ``Accept`` header (a handful of distinct
    headers reach a server: negotiated once each)."""
    return negotiate(accept, RESULT_OFFERS) or "json", negotiate(accept, GRAPH_OFFERS) or "turtle"


def _endpoint_iri(scope: Scope) -> str:
    """The request's URL without its query (the base IRI of a query), as Starlette's
    ``request.url.replace(query="")`` writes it, from a cache keyed by what it is made of."""
    host = None
    for name, value in scope["headers"]:
        if name == b"host":
            host = value
            break
    return _url_of(scope["scheme"], host, scope.get("server"), scope.get("root_path", ""),
                   scope["path"])  # fmt: skip


@functools.lru_cache(maxsize=256)
def _url_of(
    scheme: str, host: bytes | None, server: tuple[str, int] | None, root: str, path: str
) -> str:
    scope: Scope = {"type": "http", "scheme": scheme, "root_path": root, "path": path,
                    "query_string": b"", "server": server,
                    "headers": [(b"host", host)] if host is not None else []}  # fmt: skip
    return str(URL(scope=scope))


# --- request reading -----------------------------------------------------------------------


def _media(request: Request) -> tuple[str | None, str | None]:
    """(media type, charset) of the request body."""
    ctype = request.headers.get("content-type")
    if not ctype:
        return None, None
    fields = [f.strip() for f in ctype.split(";")]
    charset = None
    for f in fields[1:]:
        name, _, value = f.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return fields[0].lower(), charset


def _decode(raw: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise ApiError(415, "unsupported_media_type", "request bodies must be encoded in UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_encoding", "the request body is not valid UTF-8") from None


def _iris(values: list[str], name: str) -> tuple[str, ...]:
    out = []
    for v in values:
        try:
            out.append(ox.NamedNode(v).value)
        except ValueError:
            raise ApiError(
                400, "bad_request", f"{name} must be an absolute IRI", detail={"value": v}
            ) from None
    return tuple(out)


class _Params:
    """Protocol parameters merged from the URL and (for form POSTs) the body."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs

    def getlist(self, name: str) -> list[str]:
        return [v for k, v in self.pairs if k == name]

    def __contains__(self, name: str) -> bool:
        return any(k == name for k, _ in self.pairs)


def _url_params(params: QueryParams) -> list[tuple[str, str]]:
    return list(params.multi_items())


# --- the router ------------------------------------------------------------------------------


class SparqlService:
    """The state behind the SPARQL routes: store, settings, executor, writer."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        workers: int | None = None,
        executor: IsolatedExecutor | None = None,
        guard: WriteGuard | None = None,
        writer: Writer | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.executor: IsolatedExecutor | InlineExecutor | RemoteExecutor
        if executor is not None:
            self.executor = executor
        elif settings.query_mode == "inline" and isinstance(store, EmbeddedStore):
            self.executor = InlineExecutor(
                store, threads=workers or settings.query_workers, timeout=settings.query_timeout
            )
        else:
            self.executor = executor_for(
                store, workers=workers or settings.query_workers, timeout=settings.query_timeout
            )
        self.guard = guard or WriteGuard(settings)
        self.writer = writer or Writer(store, self.guard)  # one writer: writes one at a time
        self.prefixes = tuple(sorted(PREFIXES.items()))

    async def read_body(self, request: Request) -> bytes:
        return await read_body(request, self.settings.max_request_bytes)

    def _too_large(self) -> ApiError:
        return request_too_large(self.settings.max_request_bytes)

    # queries ------------------------------------------------------------------------------
    async def query(self, request: Request, query: str, params: _Params) -> Response:
        default = _iris(params.getlist("default-graph-uri"), "default-graph-uri")
        named = _iris(params.getlist("named-graph-uri"), "named-graph-uri")
        job = self.job(query, request.scope, request.headers.get("accept"), default, named)
        outcome = await self.outcome(job)
        return Response(
            outcome.body, media_type=MEDIA_TYPES[outcome.format], headers=self.headers(outcome)
        )

    def job(
        self,
        query: str,
        scope: Scope,
        accept: str | None,
        default: tuple[str, ...] = (),
        named: tuple[str, ...] = (),
    ) -> QueryJob:
        protocol = bool(default or named)
        result_format, graph_format = _answer_formats(accept)
        return QueryJob(
            query=query,
            default_graph=default if protocol else None,
            named_graphs=named if protocol else None,
            query_dataset=not protocol and _has_from(query),
            base_iri=_endpoint_iri(scope),
            result_format=result_format,
            graph_format=graph_format,
            max_results=self.settings.max_results,
            prefixes=self.prefixes,
        )

    def headers(self, outcome: QueryOutcome) -> dict[str, str]:
        """The headers of an answer besides its Content-Type."""
        headers = {"Vary": "Accept", "X-SPARQL-Result-Count": str(outcome.count)}
        if outcome.truncated:
            headers["X-SPARQL-Truncated"] = "true"
            headers["X-SPARQL-Max-Results"] = str(self.settings.max_results)
        return headers

    async def outcome(self, job: QueryJob) -> QueryOutcome:
        """Run ``job``; its errors as :class:`ApiError`."""
        try:
            outcome: QueryOutcome
            if isinstance(self.executor, IsolatedExecutor | InlineExecutor):  # no thread hop
                outcome = await self.executor.run(job)
            else:
                outcome = await run_in_threadpool(self.executor.execute, job)
        except QueryTimeout as exc:
            raise ApiError(
                504, "timeout", str(exc), detail={"limit_seconds": self.executor.timeout}
            ) from None
        except QueryBusy:
            raise ApiError(
                503, "busy", "the server is busy; try again", headers={"Retry-After": "1"}
            ) from None
        except QuerySyntax as exc:
            raise ApiError(400, "query_syntax", f"SPARQL syntax error: {exc}") from None
        except NotAcceptable as exc:
            raise ApiError(406, "not_acceptable", str(exc)) from None
        except ExecError:
            raise ApiError(503, "store_unavailable", "the query could not be answered") from None
        return outcome

    # updates ------------------------------------------------------------------------------
    async def update(self, request: Request, update: str, params: _Params) -> Response:
        self.guard.authorize(request)
        using = _iris(params.getlist("using-graph-uri"), "using-graph-uri")
        using_named = _iris(params.getlist("using-named-graph-uri"), "using-named-graph-uri")
        await run_in_threadpool(
            lambda: self.writer.update(
                update,
                using=using,
                using_named=using_named,
                base_iri=str(request.url.replace(query="")),
            )
        )
        log.info("update applied (%d bytes)", len(update.encode()))
        return Response(status_code=204)

    # service description ---------------------------------------------------------------
    def description(self, endpoint: str) -> list[ox.Triple]:
        sd = ox.NamedNode(endpoint)
        dataset = ox.NamedNode(endpoint + "#dataset")
        default = ox.NamedNode(endpoint + "#default-graph")
        a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

        def n(ns: str, local: str) -> ox.NamedNode:
            return ox.NamedNode(ns + local)

        triples = [
            ox.Triple(sd, a, n(SD, "Service")),
            ox.Triple(sd, n(SD, "endpoint"), sd),
            ox.Triple(sd, n(SD, "supportedLanguage"), n(SD, "SPARQL11Query")),
            ox.Triple(sd, n(SD, "feature"), n(SD, "UnionDefaultGraph")),
            ox.Triple(
                sd,
                n(SD, "defaultEntailmentRegime"),
                n("http://www.w3.org/ns/entailment/", "Simple"),
            ),
            ox.Triple(sd, n(SD, "defaultDataset"), dataset),
            ox.Triple(dataset, a, n(SD, "Dataset")),
            ox.Triple(dataset, n(SD, "defaultGraph"), default),
            ox.Triple(default, a, n(SD, "Graph")),
        ]
        if self.guard.enabled:
            triples.append(ox.Triple(sd, n(SD, "supportedLanguage"), n(SD, "SPARQL11Update")))
        for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                     "SPARQL_Results_TSV", "Turtle", "N-Triples", "N-Quads", "JSON-LD",
                     "RDF_XML"):  # fmt: skip
            triples.append(ox.Triple(sd, n(SD, "resultFormat"), n(FORMATS, name)))
        for i, graph in enumerate(self.store.graphs()):
            node = ox.NamedNode(f"{endpoint}#named-graph-{i}")
            triples += [
                ox.Triple(dataset, n(SD, "namedGraph"), node),
                ox.Triple(node, a, n(SD, "NamedGraph")),
                ox.Triple(node, n(SD, "name"), ox.NamedNode(graph)),
            ]
        return triples

    def landing(self, request: Request) -> Response:
        offers = [("text/turtle", "turtle"), ("text/html", "html")] + [
            o for o in GRAPH_OFFERS if o[0] != "text/turtle"
        ]
        accept = request.headers.get("accept")
        key = negotiate(accept, offers) or "turtle"
        if key == "html":
            return FileResponse(STATIC / "yasgui" / "index.html", media_type="text/html")
        endpoint = str(request.url.replace(query=""))
        triples = self.description(endpoint)
        sd_prefixes = {"sd": SD, "formats": FORMATS}
        if key == "nquads":
            quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
            body = out_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        elif key in ("turtle", "rdfxml"):
            body = out_bytes(ox.serialize(triples, format=_RDF_FORMATS[key], prefixes=sd_prefixes))
        else:
            body = out_bytes(ox.serialize(triples, format=_RDF_FORMATS[key]))
        return Response(body, media_type=MEDIA_TYPES[key], headers={"Vary": "Accept"})


_QUERY_DOC: dict[str, Any] = {
    "parameters": [
        {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "a SPARQL 1.1 query; without it, the service description"},
        {"name": "default-graph-uri", "in": "query", "required": False,
         "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "named-graph-uri", "in": "query", "required": False,
         "schema": {"type": "array", "items": {"type": "string"}}},
    ],
}  # fmt: skip
_POST_DOC: dict[str, Any] = {
    "parameters": [
        *_QUERY_DOC["parameters"][1:],
        {"name": "using-graph-uri", "in": "query", "required": False,
         "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "using-named-graph-uri", "in": "query", "required": False,
         "schema": {"type": "array", "items": {"type": "string"}}},
    ],
    "requestBody": {
        "required": True,
        "content": {
            FORM: {"schema": {"type": "object", "properties": {
                "query": {"type": "string"}, "update": {"type": "string"}}}},
            DIRECT_QUERY: {"schema": {"type": "string"}},
            DIRECT_UPDATE: {"schema": {"type": "string"}},
        },
    },
}  # fmt: skip
_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the answer, in the format chosen by Accept",
        "content": {m: {} for m in sorted(set(MEDIA_TYPES.values()))},
    }
}


class _AsgiEndpoint:
    """Wraps an ASGI callable so that Starlette's ``Route`` calls it as an ASGI app (a plain
    function would be taken for a request handler)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


async def get_sparql(request: Request) -> SparqlService:
    """The app's :class:`SparqlService` (kept on ``app.state`` by ``create_app``)."""
    service: SparqlService = request.app.state.sparql
    return service


SparqlDep = Annotated[SparqlService, Depends(get_sparql)]

#: Routes ``/sparql`` and the editor's assets ``/static/yasgui/*`` (the Graph Store is
#: :data:`policykg.api.graph_store.router`). Worker processes start on the first query;
#: the app's shutdown (or ``service.executor.close()``) stops them.
router = APIRouter(tags=["sparql"])


async def _sparql_get_asgi(scope: Scope, receive: Receive, send: Send) -> None:
    """``GET /sparql`` as a plain ASGI endpoint: the route below without FastAPI's
    per-request dependency and validation machinery (it stays for the OpenAPI schema)."""
    request = Request(scope, receive)
    response = await sparql_get(request, request.app.state.sparql)
    await response(scope, receive, send)


# First, so that it answers GET (and HEAD) /sparql; errors reach the app's handlers.
router.routes.append(
    Route("/sparql", _AsgiEndpoint(_sparql_get_asgi), methods=["GET"], include_in_schema=False)
)


@router.get(
    "/sparql",
    summary="SPARQL 1.1 query (GET), service description or editor",
    openapi_extra=_QUERY_DOC,
    responses=_ANSWERS,
    response_class=Response,
)
async def sparql_get(request: Request, svc: SparqlDep) -> Response:
    """Run `query`; without one, the service description (RDF) or, for a browser, the
    YASGUI editor. Answers are capped at `max_results` rows (header `X-SPARQL-Truncated`)."""
    if len(request.url.query.encode()) > svc.settings.max_request_bytes:
        raise svc._too_large()
    params = _Params(_url_params(request.query_params))
    if "update" in params:
        raise ApiError(
            405,
            "method_not_allowed",
            "a SPARQL update must be sent with POST",
            headers={"Allow": "POST"},
        )
    queries = params.getlist("query")
    if not queries:
        return svc.landing(request)
    if len(queries) > 1:
        raise ApiError(400, "bad_request", "give exactly one query parameter")
    return await svc.query(request, queries[0], params)


@router.post(
    "/sparql",
    summary="SPARQL 1.1 query or update (POST form or direct)",
    openapi_extra=_POST_DOC,
    responses=_ANSWERS,
    response_class=Response,
)
async def sparql_post(request: Request, svc: SparqlDep) -> Response:
    """Query (form `query=` or `application/sparql-query`) or update (form `update=` or
    `application/sparql-update`; needs the write token)."""
    media, charset = _media(request)
    if media is None:
        raise ApiError(
            415,
            "unsupported_media_type",
            f"a POST needs a Content-Type: {FORM}, {DIRECT_QUERY} or {DIRECT_UPDATE}",
        )
    if media not in (FORM, DIRECT_QUERY, DIRECT_UPDATE):
        raise ApiError(
            415,
            "unsupported_media_type",
            f"use {FORM}, {DIRECT_QUERY} or {DIRECT_UPDATE}",
            detail={"content_type": media},
        )
    text = _decode(await svc.read_body(request), charset)
    url_pairs = _url_params(request.query_params)
    if media == FORM:
        try:
            body_pairs = parse_qsl(text, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            raise ApiError(400, "bad_encoding", "the form is not valid UTF-8") from None
        params = _Params(url_pairs + body_pairs)
        queries, updates = params.getlist("query"), params.getlist("update")
        if len(queries) + len(updates) != 1:
            raise ApiError(400, "bad_request", "give exactly one query or one update")
        if queries:
            return await svc.query(request, queries[0], params)
        return await svc.update(request, updates[0], params)
    params = _Params(url_pairs)
    if "query" in params or "update" in params:
        raise ApiError(
            400, "bad_request", "a direct POST carries the query or update in its body only"
        )
    if media == DIRECT_QUERY:
        return await svc.query(request, text, params)
    return await svc.update(request, text, params)


@router.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"], include_in_schema=False)
def sparql_other(request: Request) -> Response:
    raise ApiError(
        405,
        "method_not_allowed",
        f"{request.method} is not a SPARQL Protocol operation: use GET or POST",
        headers={"Allow": "GET, POST"},
    )


@router.get("/static/yasgui/{name}", include_in_schema=False)
def yasgui_asset(name: str) -> FileResponse:
    if name not in YASGUI_FILES:
        raise ApiError(404, "not_found", "no such file")
    return FileResponse(STATIC / "yasgui" / name)


def service_of(app: ASGIApp) -> SparqlService | None:
    """The :class:`SparqlService` behind the ``/sparql`` routes of an app of
    :func:`~policykg.api.app.create_app` (``None`` for any other ASGI app)."""
    service = getattr(getattr(app, "state", None), "sparql", None)
    return service if isinstance(service, SparqlService) else None


class SparqlFastPath:
    """Pure ASGI front of the app for the hot request, ``GET /sparql?query=...`` (only a
    ``query`` parameter): parsed, run and answered here, without the app's middleware
    stack, routing and request objects (a point lookup's cost halves). Every other
    request goes to the app, and all of them when CORS is configured (its middleware adds
    headers to every answer). Answers and errors are byte for byte the app's (a test
    compares).
    """

    def __init__(self, app: ASGIApp, service: SparqlService) -> None:
        self.app = app
        self.service = service
        self.limit = service.settings.max_request_bytes
        self.cors = bool(service.settings.cors_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.cors
            or scope["type"] != "http"
            or scope["path"] != "/sparql"
            or scope["method"] != "GET"
            or scope.get("root_path")
        ):
            await self.app(scope, receive, send)
            return
        raw: bytes = scope["query_string"]
        if not raw.startswith(b"query=") or b"&" in raw or len(raw) > self.limit:
            await self.app(scope, receive, send)
            return
        accept = None
        for name, value in scope["headers"]:
            if name == b"accept":  # the first, as Starlette's ``headers.get``
                accept = value.decode("latin-1")
                break
        query = unquote_plus(raw[6:].decode("latin-1"), encoding="utf-8", errors="replace")
        svc = self.service
        try:
            outcome = await svc.outcome(svc.job(query, scope, accept))
        except ApiError as exc:
            await _send(send, exc.status, error_json(exc), "application/json", exc.headers)
            return
        except Exception:  # as the app's last-resort handler
            log.exception("unhandled error on GET /sparql")
            internal = ApiError(500, "internal", "internal server error")
            await _send(send, 500, error_json(internal), "application/json", None)
            return
        await _send(send, 200, outcome.body, MEDIA_TYPES[outcome.format], svc.headers(outcome))


def error_json(exc: ApiError) -> bytes:
    """The body the app's error handler writes for ``exc``."""
    return json.dumps(
        error_body(exc.status, exc.code, exc.message, exc.detail),
        ensure_ascii=False,
        allow_nan=False,
        indent=None,
        separators=(",", ":"),
    ).encode("utf-8")


async def _send(
    send: Send, status: int, body: bytes, media_type: str, headers: dict[str, str] | None
) -> None:
    raw = [
        (b"content-length", str(len(body)).encode()),
        (b"content-type", media_type.encode("latin-1")),
    ]
    raw += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
