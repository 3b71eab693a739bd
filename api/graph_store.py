"""Writes over SPARQL: the write guard, SPARQL 1.1 Update, and the Graph Store HTTP Protocol.

Writes are off unless ``Settings.write_token`` is set; then a request must present it as
``Authorization: Bearer <token>``. Even with the token, the graphs that hold ingested
documents (``{base}eli/.../graph``) and the fixed graphs (``{base}graph/...``: ontology,
reference data) are *protected*: they change only through ingest, so a document's graph
stays whole. An update that could touch one is refused with 403 before it runs.

The Graph Store HTTP Protocol is served at ``/rdf-graphs?graph=IRI`` and ``/rdf-graphs?default``:
GET/HEAD read (no token needed: the same data is readable over SPARQL), PUT/POST/DELETE write.
"""

from __future__ import annotations

import hmac
import logging
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request, Response
from pyparsing import ParseException
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.term import URIRef, Variable
from starlette.concurrency import run_in_threadpool

from policykg.api.deps import SettingsDep, StoreDep
from policykg.api.errors import ApiError
from policykg.api.limits import read_body
from policykg.api.negotiation import negotiate_rdf
from policykg.api.query_exec import out_bytes
from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.graph.errors import GraphError, QueryError
from policykg.graph.remote import RemoteStore
from policykg.graph.store import EmbeddedStore
from policykg.ontology.iri import PREFIXES

log = logging.getLogger(__name__)

#: Media types accepted in and served from the Graph Store, by pyoxigraph format.
GRAPH_MEDIA: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


class WriteGuard:
    """Who may write, and where."""

    def __init__(self, settings: Settings) -> None:
        self._token = settings.write_token.encode() if settings.write_token else None
        base = settings.base_iri
        self._doc_prefix = base + "eli/"
        self._fixed_prefix = base + "graph/"

    @property
    def enabled(self) -> bool:
        return self._token is not None

    def authorize(self, request: Request) -> None:
        """Raise unless writes are on and the request presents the token."""
        if self._token is None:
            raise ApiError(
                403, "read_only", "this endpoint is read-only: writes are disabled on this server"
            )
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        ok = scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), self._token)
        if not ok:
            raise ApiError(
                401,
                "unauthorized",
                "writes need the server's write token as 'Authorization: Bearer <token>'",
                headers={"WWW-Authenticate": 'Bearer realm="policykg"'},
            )

    def is_protected(self, graph: str) -> bool:
        """Graphs that change only through ingest: document graphs and fixed graphs."""
        if graph.startswith(self._fixed_prefix):
            return True
        return graph.startswith(self._doc_prefix) and graph.endswith("/graph")

    def refuse_if_protected(self, graph: str) -> None:
        if self.is_protected(graph):
            raise ApiError(
                403,
                "protected_graph",
                "this graph holds ingested data and changes only through ingest",
                detail={"graph": graph},
            )


async def get_guard(request: Request) -> WriteGuard:
    """The app's :class:`WriteGuard` (kept on ``app.state`` by ``create_app``)."""
    guard: WriteGuard = request.app.state.guard
    return guard


GuardDep = Annotated[WriteGuard, Depends(get_guard)]


# --- SPARQL text, scanned (never built from user input) ----------------------------------

_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def top_level_words(text: str) -> list[tuple[str, int, int]]:
    """Keywords outside braces, strings, IRIs and comments: (UPPER word, start, end)."""
    out: list[tuple[str, int, int]] = []
    i, depth, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                i += 2 if text[i] == "\\" else 1
            i += len(quote)
        elif c == "<" and (m := _IRIREF.match(text, i)):
            i = m.end()
        elif c == "{":
            depth += 1
            i += 1
        elif c == "}":
            depth -= 1
            i += 1
        elif c.isalpha() or c == "_":
            m = _WORD.match(text, i)
            assert m is not None
            end = m.end()
            plain = (i == 0 or text[i - 1] not in "?$@:") and (end >= n or text[end] != ":")
            if depth == 0 and plain:
                out.append((m.group().upper(), i, end))
            i = end
        else:
            i += 1
    return out


def has_dataset_clause(query: str) -> bool:
    """Whether a query names its own dataset (``FROM`` / ``FROM NAMED``)."""
    return any(word == "FROM" for word, _, _ in top_level_words(query))


def with_using(update: str, using: Sequence[str], using_named: Sequence[str]) -> tuple[str, int]:
    """Insert protocol ``USING``/``USING NAMED`` clauses before each ``... WHERE`` of a
    DELETE/INSERT operation. The IRIs are validated and written by pyoxigraph
    (:class:`pyoxigraph.NamedNode`), never pasted as given. Returns (text, places).
    """
    clause = " ".join(
        [f"USING {ox.NamedNode(g)}" for g in using]
        + [f"USING NAMED {ox.NamedNode(g)}" for g in using_named]
    )
    words = top_level_words(update)
    cuts: list[int] = []
    for k, (word, start, _) in enumerate(words):
        if word != "WHERE":
            continue
        if k > 0 and words[k - 1][0] == "DELETE" and not update[words[k - 1][2] : start].strip():
            continue  # DELETE WHERE { ... }: no dataset clause allowed
        cuts.append(start)
    out = update
    for start in reversed(cuts):
        out = out[:start] + clause + "\n" + out[start:]
    return out, len(cuts)


# --- SPARQL Update -----------------------------------------------------------------------


def _field(node: Any, name: str) -> Any:
    """A field of an rdflib algebra node, or None (``CompValue.get`` returns the name)."""
    return node[name] if name in node else None  # noqa: SIM401


def _graph_names(quads: Any) -> Iterable[Any]:
    return list(quads.keys()) if quads else []


def check_update(
    update: str,
    guard: WriteGuard,
    store: Store,
    *,
    protocol_dataset: bool,
) -> int:
    """Parse an update, refuse it if it could write a protected graph or load from the
    network, or if it names a dataset while the protocol gives one. Returns the number of
    DELETE/INSERT operations."""
    try:
        parsed = parseUpdate(update)
        prologues = parsed["prologue"]
        for i in range(1, len(prologues)):  # a prologue holds for the operations after it
            if not len(prologues[i]):
                prologues[i] = prologues[i - 1]
        algebra = translateUpdate(parsed, initNs=dict(PREFIXES)).algebra
    except ParseException as exc:
        raise ApiError(
            400, "query_syntax", f"SPARQL syntax error at {exc.lineno}:{exc.col}: {exc.msg}"
        ) from None
    except Exception:  # rdflib raises bare Exception for e.g. an undeclared prefix
        raise ApiError(
            400, "query_syntax", "SPARQL syntax error: undeclared prefix or invalid update"
        ) from None
    any_protected = any(guard.is_protected(g) for g in store.graphs())
    # A remote engine's default graph is its union of the named graphs (writing it could
    # change every graph): only the embedded store has a default graph of its own.
    default_writable = isinstance(store, EmbeddedStore)

    def check(graph: Any) -> None:
        if graph in (None, "DEFAULT") or graph == "default":
            if not default_writable:
                raise ApiError(
                    403,
                    "protected_graph",
                    "the default graph of this store is the union of all graphs; "
                    "name the graph to change",
                )
            return
        if graph in ("ALL", "NAMED") or isinstance(graph, Variable):
            if any_protected:
                raise ApiError(
                    403,
                    "protected_graph",
                    "this update could write every graph, including graphs that hold "
                    "ingested data; name the graphs to change",
                )
            return
        if isinstance(graph, URIRef):
            guard.refuse_if_protected(str(graph))

    modify = 0
    for op in algebra:
        name = op.name
        if name == "Load":
            raise ApiError(403, "forbidden", "LOAD is disabled on this server")
        if name in ("Clear", "Drop", "Create"):
            check(op.graphiri)
        elif name in ("Add", "Copy"):
            check(op.graph[1])
        elif name == "Move":
            check(op.graph[0])
            check(op.graph[1])
        elif name in ("InsertData", "DeleteData", "DeleteWhere"):
            for g in _graph_names(_field(op, "quads")):
                check(g)
            if _field(op, "triples"):
                check(None)
        elif name == "Modify":
            modify += 1
            if protocol_dataset and (_field(op, "using") or _field(op, "withClause") is not None):
                raise ApiError(
                    400,
                    "conflicting_dataset",
                    "the dataset is given both by the protocol (using-graph-uri, "
                    "using-named-graph-uri) and in the update (USING, WITH)",
                )
            for clause in (_field(op, "delete"), _field(op, "insert")):
                if clause is None:
                    continue
                for g in _graph_names(_field(clause, "quads")):
                    check(g)
                if _field(clause, "triples"):
                    check(_field(op, "withClause"))
    return modify


class Writer:
    """Runs writes on the store, one at a time."""

    def __init__(self, store: Store, guard: WriteGuard) -> None:
        self.store = store
        self.guard = guard
        self.lock = threading.Lock()

    def update(
        self,
        update: str,
        *,
        using: Sequence[str] = (),
        using_named: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> None:
        """Check then run a SPARQL update (the caller has authorized the request)."""
        protocol = bool(using or using_named)
        with self.lock:
            modify = check_update(update, self.guard, self.store, protocol_dataset=protocol)
            text = update
            if protocol and isinstance(self.store, RemoteStore):
                # The engine applies the protocol's dataset itself: Oxigraph server with its
                # union default graph refuses USING in the text. Engines that misapply the
                # parameters (Virtuoso 7 to DROP ALL) refuse the update, which changed
                # nothing (one transaction): then the USING clauses are sent instead.
                try:
                    self._run(
                        text,
                        base_iri=base_iri,
                        using=using,
                        using_named=using_named,
                        quiet=True,
                    )
                    return
                except ApiError as exc:
                    if exc.status not in (400, 503):
                        raise
                    log.info("the store refused the protocol dataset: sending USING clauses")
            if protocol:
                text, places = with_using(update, using, using_named)
                if places != modify:
                    raise ApiError(
                        400, "bad_request", "could not apply the protocol dataset to this update"
                    )
            self._run(text, base_iri=base_iri)

    def put_graph(self, graph: str | None, triples: list[ox.Triple], *, replace: bool) -> bool:
        """Replace (PUT) or add to (POST) a graph; ``None`` is the default graph.
        Returns whether the graph existed before."""
        with self.lock:
            target: ox.NamedNode | ox.DefaultGraph = (
                ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
            )
            if graph is None:
                self._refuse_remote_default()
            existed = graph is None or self.store.has_graph(graph)
            body = _nt_body(triples)
            if graph is None:
                head = "CLEAR SILENT DEFAULT ;\n" if replace else ""
                text = f"{head}INSERT DATA {{\n{body}\n}}"
            else:
                head = f"DROP SILENT GRAPH {target} ;\n" if replace else ""
                text = f"{head}INSERT DATA {{ GRAPH {target} {{\n{body}\n}} }}"
            self._run(text, syntax_is_client_error=False)
            return existed

    def delete_graph(self, graph: str | None) -> bool:
        with self.lock:
            if graph is None:
                self._refuse_remote_default()
                self._run("CLEAR SILENT DEFAULT", syntax_is_client_error=False)
                return True
            try:
                return self.store.drop_graph(graph)
            except GraphError as exc:
                log.error("graph store delete failed: %s", exc)
                raise ApiError(503, "store_unavailable", "the store could not be written") from None

    def _run(
        self,
        text: str,
        *,
        base_iri: str | None = None,
        syntax_is_client_error: bool = True,
        using: Sequence[str] = (),
        using_named: Sequence[str] = (),
        quiet: bool = False,
    ) -> None:
        """Run an update on the store: the embedded one in process (with ``base_iri``), a
        remote one on its update endpoint. Store failures are 503, syntax errors 400."""
        store = self.store
        if isinstance(store, EmbeddedStore):
            try:
                store.raw.update(text, base_iri=base_iri)
            except SyntaxError as exc:
                if syntax_is_client_error:
                    raise ApiError(400, "query_syntax", f"SPARQL syntax error: {exc}") from None
                log.error("graph store write failed: %s", exc)
                raise ApiError(503, "store_unavailable", "the store could not be written") from None
            except OSError as exc:
                log.error("update failed: %s", exc)
                raise ApiError(503, "store_unavailable", "the store could not be written") from None
            finally:
                store.mark_changed()
            return
        if base_iri is not None and not has_base(text):
            text = f"BASE {ox.NamedNode(base_iri)}\n{text}"
        try:
            if isinstance(store, RemoteStore):
                store.update(text, using=using, using_named=using_named)
            else:
                store.update(text)
        except QueryError as exc:
            if syntax_is_client_error:
                raise ApiError(400, "query_syntax", str(exc)) from None
            log.error("graph store write failed: %s", exc)
            raise ApiError(503, "store_unavailable", "the store could not be written") from None
        except GraphError as exc:
            log.log(logging.INFO if quiet else logging.ERROR, "update failed: %s", exc)
            raise ApiError(503, "store_unavailable", "the store could not be written") from None

    def _refuse_remote_default(self) -> None:
        """A remote store's default graph is the engine's union of the named graphs: it is
        read, never written, through policykg."""
        if not isinstance(self.store, EmbeddedStore):
            raise ApiError(
                405,
                "method_not_allowed",
                "the default graph of the remote store is the union of its named graphs; "
                "write a named graph (?graph=IRI)",
                headers={"Allow": "GET, HEAD"},
            )


def has_base(update: str) -> bool:
    """Whether an update declares its own BASE (then the request's URL is not added)."""
    return re.search(r"^\s*BASE\s*<", update, re.IGNORECASE | re.MULTILINE) is not None


def _graph_content(store: Store, g: ox.NamedNode | ox.DefaultGraph) -> list[ox.Triple]:
    """The triples of a graph; the default graph is the union the store's queries see."""
    if isinstance(store, EmbeddedStore):
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in store.raw.quads_for_pattern(None, None, None, g)
        ]
    try:
        if isinstance(g, ox.NamedNode):
            return store.graph_triples(g.value)
        return store.construct("CONSTRUCT WHERE { ?s ?p ?o }")
    except GraphError as exc:
        log.error("graph store read failed: %s", exc)
        raise ApiError(503, "store_unavailable", "the store could not be read") from None


def _nt_body(triples: list[ox.Triple]) -> str:
    """Triples written by pyoxigraph's N-Triples serializer (valid in INSERT DATA)."""
    if not triples:
        return ""
    return out_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)).decode()


# --- Graph Store HTTP Protocol -----------------------------------------------------------


def _target(request: Request) -> str | None:
    params = request.query_params
    graphs = params.getlist("graph")
    has_default = "default" in params
    if len(graphs) + int(has_default) != 1:
        raise ApiError(
            400, "bad_request", "give exactly one of ?graph=IRI or ?default", detail=None
        )
    if has_default:
        return None
    try:
        return ox.NamedNode(graphs[0]).value
    except ValueError:
        raise ApiError(400, "bad_request", "the graph parameter is not a valid IRI") from None


async def get_writer(request: Request) -> Writer:
    """The app's :class:`Writer` (kept on ``app.state`` by ``create_app``; SPARQL Update
    and the Graph Store share it, so writes run one at a time)."""
    writer: Writer = request.app.state.writer
    return writer


WriterDep = Annotated[Writer, Depends(get_writer)]

#: The Graph Store HTTP Protocol at ``/rdf-graphs``.
router = APIRouter(tags=["sparql"])

_DOC_PARAMS: dict[str, Any] = {
    "parameters": [
        {"name": "graph", "in": "query", "required": False, "schema": {"type": "string"}},
        {"name": "default", "in": "query", "required": False, "schema": {"type": "string"}},
    ]
}
#: pyoxigraph format of each negotiated key (N-Quads answers as N-Triples: one graph)
_GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def _read(request: Request, store: Store, *, head: bool) -> Response:
    graph = _target(request)
    if graph is not None and not store.has_graph(graph):
        raise ApiError(404, "not_found", "no such graph", detail={"graph": graph})
    g: ox.NamedNode | ox.DefaultGraph = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
    key, media = negotiate_rdf(request.headers.get("accept"))
    fmt = _GRAPH_FORMATS[key]
    if key == "nquads":
        media = "application/n-triples"
    triples = _graph_content(store, g)
    body = out_bytes(ox.serialize(triples, format=fmt))
    headers = {"Vary": "Accept", "Content-Length": str(len(body))}
    return Response(b"" if head else body, media_type=media, headers=headers)


@router.get("/rdf-graphs", summary="Graph Store: read a graph", openapi_extra=_DOC_PARAMS)
def gsp_get(request: Request, store: StoreDep) -> Response:
    """The triples of `?graph=IRI` (or `?default`), in the format asked by `Accept`."""
    return _read(request, store, head=False)


@router.head("/rdf-graphs", include_in_schema=False)
def gsp_head(request: Request, store: StoreDep) -> Response:
    return _read(request, store, head=True)


async def _parse_body(request: Request, graph: str | None, limit: int) -> list[ox.Triple]:
    raw = await read_body(request, limit)
    ctype = request.headers.get("content-type", "")
    media = ctype.split(";")[0].strip().lower()
    fmt = GRAPH_MEDIA.get(media)
    if fmt is None:
        raise ApiError(
            415,
            "unsupported_media_type",
            "send RDF as one of: " + ", ".join(sorted(GRAPH_MEDIA)),
        )
    base = graph or str(request.url.replace(query=""))
    try:
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(raw, format=fmt, base_iri=base)
        ]
    except SyntaxError as exc:
        raise ApiError(400, "bad_rdf", f"the RDF body could not be parsed: {exc}") from None


async def _write(
    request: Request, guard: WriteGuard, writer: Writer, settings: Settings, *, replace: bool
) -> Response:
    guard.authorize(request)
    graph = _target(request)
    if graph is not None:
        guard.refuse_if_protected(graph)
    triples = await _parse_body(request, graph, settings.max_request_bytes)
    existed = await run_in_threadpool(writer.put_graph, graph, triples, replace=replace)
    return Response(status_code=204 if existed else 201)


@router.put("/rdf-graphs", summary="Graph Store: replace a graph", openapi_extra=_DOC_PARAMS)
async def gsp_put(
    request: Request, guard: GuardDep, writer: WriterDep, settings: SettingsDep
) -> Response:
    """Replace a graph with the RDF body (needs the write token; not ingested graphs)."""
    return await _write(request, guard, writer, settings, replace=True)


@router.post("/rdf-graphs", summary="Graph Store: add to a graph", openapi_extra=_DOC_PARAMS)
async def gsp_post(
    request: Request, guard: GuardDep, writer: WriterDep, settings: SettingsDep
) -> Response:
    """Add the RDF body to a graph (needs the write token; not ingested graphs)."""
    return await _write(request, guard, writer, settings, replace=False)


@router.delete("/rdf-graphs", summary="Graph Store: delete a graph", openapi_extra=_DOC_PARAMS)
async def gsp_delete(request: Request, guard: GuardDep, writer: WriterDep) -> Response:
    """Delete a graph (needs the write token; not ingested graphs)."""
    guard.authorize(request)
    graph = _target(request)
    if graph is not None:
        guard.refuse_if_protected(graph)
    existed = await run_in_threadpool(writer.delete_graph, graph)
    if not existed:
        raise ApiError(404, "not_found", "no such graph", detail={"graph": graph})
    return Response(status_code=204)
