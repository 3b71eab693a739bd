"""A triple store reached over the standard SPARQL 1.1 protocols, whatever the engine.

:class:`RemoteStore` speaks only standards, so Oxigraph server, Apache Jena Fuseki,
Virtuoso, GraphDB or QLever all serve as the backend without a line of engine-specific
code:

* queries and updates go through the SPARQL 1.1 Protocol (SPARQLWrapper, POST, content
  negotiation only); answers are parsed with pyoxigraph, so callers get the same
  ``QuerySolutions`` / ``QueryBoolean`` / ``QueryTriples`` as from the embedded store;
* a document's named graph is replaced whole in ONE request: with ``graph_store_url`` set,
  an HTTP ``PUT`` of N-Triples (SPARQL 1.1 Graph Store HTTP Protocol); without it, one
  update request ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``. Configure
  the graph store URL only where the engine's ``PUT`` is atomic (it is on Oxigraph and
  Fuseki; it is NOT on Virtuoso 7, whose ``PUT`` leaves a half-written graph when it fails);
* values bound to query variables travel as a ``VALUES`` block placed at the start of the
  query's WHERE group (or after the query, where the grammar allows nothing else), built
  from pyoxigraph's N-Triples serialization of each term, which escapes it; user text is
  never formatted into the query body;
* refused or reset connections, 502/503/504 answers and requests the server rolled back
  as a deadlock victim (SQLSTATE 40001) are retried with bounded exponential backoff,
  then reported as a :class:`~policykg.graph.errors.StoreError` that names the endpoint;
  every request has a timeout.

The store ASSUMES the endpoint's default graph is the union of its named graphs (the
embedded store's behaviour): Virtuoso, GraphDB and QLever do so out of the box, Oxigraph
server needs ``--union-default-graph``, Fuseki/TDB2 ``tdb2:unionDefaultGraph true``.
:meth:`RemoteStore.check` verifies it. The store's own queries name their graphs with
``GRAPH`` and do not depend on it.
"""

from __future__ import annotations

import ast
import base64
import copy
import http.client
import logging
import math
import re
import time
import urllib.error
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar, cast

import httpx
import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
)

from policykg.graph.base import Bindings, QueryHelpers, QueryResult, Term
from policykg.graph.errors import QueryError, StoreError, StoreTimeout

log = logging.getLogger(__name__)

T = TypeVar("T")

USER_AGENT = "policykg (SPARQL 1.1 client)"
ACCEPT_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
N_TRIPLES = "application/n-triples"
TRANSIENT_STATUSES = frozenset({502, 503, 504})
#: A server error saying the request's transaction was rolled back as a deadlock victim or
#: a serialization failure (SQLSTATE 40001; Virtuoso: "SR172: Transaction deadlocked"):
#: nothing of it was done, so it is run again like an unanswered request.
_ROLLED_BACK = re.compile(r"\b40001\b|deadlock", re.IGNORECASE)
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_FORMS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a transient failure is retried.

    ``attempts`` counts the first try; the waits double from ``backoff`` up to
    ``max_backoff`` seconds, so the worst case is bounded.
    """

    attempts: int = 4
    backoff: float = 0.5
    max_backoff: float = 8.0

    def delays(self) -> Iterator[float]:
        for i in range(max(self.attempts, 1) - 1):
            yield min(self.backoff * 2**i, self.max_backoff)


class _Transient(Exception):
    """A failure worth retrying (the request was not answered)."""


class RemoteStore(QueryHelpers):
    """A policykg store on any SPARQL 1.1 endpoint.

    ``query_url`` is the query endpoint; ``update_url`` the update endpoint (without it the
    store is read-only); ``graph_store_url`` the Graph Store Protocol endpoint, used to
    replace a graph with one ``PUT`` (set it only where ``PUT`` is atomic). ``user`` and
    ``password`` send HTTP basic credentials, ``token`` a bearer token. ``graph_prefix``
    limits :meth:`graphs`, :meth:`__len__`, :meth:`is_empty` and :meth:`dump_nquads` to
    the graphs whose IRI starts with it, so a shared server's other graphs (Virtuoso's
    system graphs, another application's data) are not counted as policykg's.
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        graph_prefix: str = "",
        cache_ttl: float = 10.0,
    ) -> None:
        if user is not None and token is not None:
            raise ValueError("give either user/password or a bearer token, not both")
        self.query_url = query_url
        self.answer_source = query_url
        self.update_url = update_url
        self.graph_store_url = graph_store_url
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.graph_prefix = graph_prefix
        self._authorization: str | None = None
        if user is not None:
            pair = f"{user}:{password or ''}".encode()
            self._authorization = "Basic " + base64.b64encode(pair).decode("ascii")
        elif token is not None:
            self._authorization = f"Bearer {token}"
        self._client: httpx.Client | None = None
        self.cache_ttl = cache_ttl
        self._generation = 0
        self._generation_at = time.monotonic()

    @property
    def generation(self) -> int:
        """A counter bumped by every write through this object and at least every
        ``cache_ttl`` seconds: other clients may write the endpoint unseen, so caches kept by
        this counter (lookup catalogues) are never older than ``cache_ttl``."""
        now = time.monotonic()
        if now - self._generation_at >= self.cache_ttl:
            self._generation += 1
            self._generation_at = now
        return self._generation

    def _changed(self) -> None:
        self._generation += 1
        self._generation_at = time.monotonic()

    def with_timeout(self, timeout: float) -> RemoteStore:
        """A store on the same endpoints whose requests time out after ``timeout`` seconds
        and are not retried (for interactive queries with their own time limit)."""
        other = copy.copy(self)
        other.timeout = timeout
        other.retry = RetryPolicy(attempts=1)
        other._client = None
        return other

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"

    def close(self) -> None:
        """Close the Graph Store Protocol connection pool (SPARQL requests hold none)."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -----------------------------------------------------------------------
    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        """Replace the named graph ``graph`` with ``triples`` in one request.

        Returns the number of distinct triples written. Either the request succeeds and the
        graph holds exactly ``triples``, or a :class:`StoreError` is raised and the engine
        has kept the old graph (the request is one transaction on the engine).
        """
        g = ox.NamedNode(graph)
        lines = _ntriples_lines(triples)
        if not lines:
            self.drop_graph(graph)
            return 0
        if self.graph_store_url is not None:
            body = ("\n".join(lines) + "\n").encode("utf-8")
            try:
                self._gsp("PUT", graph, body)
            finally:
                self._changed()
        else:
            self.update(_replace_update({g: lines}))
        log.debug("replaced %s (%d triples)", graph, len(lines))
        return len(lines)

    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Triple]]) -> None:
        """Replace several named graphs in one update request (one transaction)."""
        parts = {ox.NamedNode(g): _ntriples_lines(ts) for g, ts in graphs.items()}
        if parts:
            self.update(_replace_update(parts))

    def drop_graph(self, graph: str) -> bool:
        """Remove a named graph. Returns whether it existed."""
        existed = self.has_graph(graph)
        if self.graph_store_url is not None:
            try:
                self._gsp("DELETE", graph, None)
            finally:
                self._changed()
        else:
            self.update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")
        return existed

    def load_nquads(self, source: IO[bytes] | bytes | Path) -> dict[str, int]:
        """Bulk-load N-Quads, streamed: each run of quads of one graph replaces that graph.

        The input is read lazily, one graph at a time, so memory holds one document, and
        every graph is written whole in one request (as :meth:`replace_graph`). Input from
        :meth:`dump_nquads` or ``policykg`` exports is grouped by graph; a graph whose quads
        are split into separate runs would keep only its last run, so that is refused.
        Returns the number of triples written per graph.
        """
        if isinstance(source, Path):
            with source.open("rb") as fh:
                return self.load_nquads(fh)
        written: dict[str, int] = {}
        current: str | None = None
        batch: list[ox.Triple] = []
        try:
            for quad in ox.parse(source, format=ox.RdfFormat.N_QUADS):
                name = quad.graph_name
                if not isinstance(name, ox.NamedNode):
                    raise QueryError("N-Quads outside a named graph: policykg writes named graphs")
                if name.value != current:
                    if current is not None:
                        written[current] = self.replace_graph(current, batch)
                    if name.value in written:
                        raise QueryError(f"the quads of graph {name.value} are not contiguous")
                    current, batch = name.value, []
                batch.append(ox.Triple(quad.subject, quad.predicate, quad.object))
        except SyntaxError as exc:
            raise QueryError(f"invalid N-Quads: {exc}") from exc
        if current is not None:
            written[current] = self.replace_graph(current, batch)
        return written

    def update(
        self, update: str, *, using: Sequence[str] = (), using_named: Sequence[str] = ()
    ) -> None:
        """Run a SPARQL 1.1 update on the update endpoint (retried if not answered).

        ``using`` and ``using_named`` are the protocol's ``using-graph-uri`` and
        ``using-named-graph-uri``: the dataset of the update's WHERE clauses.
        """
        url = self.update_url
        if url is None:
            raise StoreError(f"the store at {self.query_url} is read-only: no update URL is set")
        try:
            self._with_retry(url, lambda: self._sparql(url, update, "UPDATE", using, using_named))
        finally:
            self._changed()

    def flush(self) -> None:
        """Nothing to do: every answered request is durable on the engine."""

    # --- reading -----------------------------------------------------------------------
    def has_graph(self, graph: str) -> bool:
        return self.ask(_HAS_GRAPH, bindings={"g": ox.NamedNode(graph)})

    def graphs(self) -> list[str]:
        rows = self.select(_GRAPHS, bindings=self._prefix_binding())
        return sorted(v.value for row in rows if isinstance(v := row.get("g"), ox.NamedNode))

    def graph_triples(self, graph: str) -> list[ox.Triple]:
        return self.construct(_GRAPH_TRIPLES, bindings={"g": ox.NamedNode(graph)})

    def __len__(self) -> int:
        rows = self.select(_COUNT, bindings=self._prefix_binding())
        value = rows[0].get("n") if rows else None
        return int(value.value) if isinstance(value, ox.Literal) else 0

    def is_empty(self) -> bool:
        return not self.ask(_ANY, bindings=self._prefix_binding())

    def dump_nquads(self) -> bytes:
        """Every graph under ``graph_prefix`` as N-Quads, one graph at a time."""
        quads = [
            ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
            for g in self.graphs()
            for t in self.graph_triples(g)
        ]
        return cast(bytes, ox.serialize(quads, format=ox.RdfFormat.N_QUADS))

    def check(self) -> None:
        """Raise :class:`StoreError` unless the endpoint answers and its default graph is
        the union of its named graphs (the semantics policykg's queries assume)."""
        rows = self.select(_SAMPLE, bindings=self._prefix_binding())
        if not rows:
            return
        row = {k: v for k, v in rows[0].items() if k in {"s", "p", "o"}}
        if not self.ask(_IN_DEFAULT, bindings=row):
            raise StoreError(
                f"the default graph of {self.query_url} is not the union of its named graphs;"
                " configure the engine for it (see docs/deployment.md)"
            )

    def query(
        self,
        query: str,
        *,
        bindings: Bindings | None = None,
        default_graph: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; ``bindings`` travel as a VALUES block, never formatted in.

        Without ``default_graph`` the endpoint's default graph is used (assumed to be the
        union of all named graphs); with it, the protocol's ``default-graph-uri``.
        """
        form = query_form(query)
        if form not in QUERY_FORMS:
            raise QueryError("expected a SELECT, ASK, CONSTRUCT or DESCRIBE query")
        if default_graph is not None and "" in default_graph:
            raise QueryError("a remote store cannot address the bare default graph")
        text = with_values(query, bindings) if bindings else query
        url = self.query_url
        body, media_type = self._with_retry(
            url,
            lambda: self._sparql(url, text, form, default_graph or (), named_graphs or ()),
        )
        return _parse_answer(body, media_type, form, url)

    # --- transport -----------------------------------------------------------------------
    @property
    def _http(self) -> httpx.Client:
        if self._client is None:
            headers = {"User-Agent": USER_AGENT}
            if self._authorization:
                headers["Authorization"] = self._authorization
            self._client = httpx.Client(timeout=self.timeout, headers=headers)
        return self._client

    def _prefix_binding(self) -> dict[str, Term]:
        return {"prefix": ox.Literal(self.graph_prefix)}

    def _with_retry(self, url: str, call: Callable[[], T]) -> T:
        delays = self.retry.delays()
        while True:
            try:
                return call()
            except _Transient as exc:
                delay = next(delays, None)
                if delay is None:
                    raise StoreError(
                        f"the endpoint {url} is unavailable after "
                        f"{max(self.retry.attempts, 1)} attempts: {exc}"
                    ) from exc
                # the text only: a log record holding the exception would keep its frames,
                # and the caller's query result, alive until the log is dropped, perhaps on
                # another thread (pyoxigraph's results may only be dropped where made)
                log.warning("%s: %s; retrying in %.2fs", url, str(exc), delay)
                time.sleep(delay)

    def _sparql(
        self,
        url: str,
        text: str,
        form: str,
        default_graph: Sequence[str],
        named_graphs: Sequence[str],
    ) -> tuple[bytes, str]:
        """One SPARQL Protocol request with SPARQLWrapper: (body, media type)."""
        is_update = form not in QUERY_FORMS
        wrapper = SPARQLWrapper(url, updateEndpoint=url if is_update else None, agent=USER_AGENT)
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)
        # The form comes from our lexer; SPARQLWrapper's own guess is bypassed.
        wrapper.queryString = text
        wrapper.queryType = "INSERT" if is_update else form
        wrapper.setReturnFormat(TURTLE if form in {"CONSTRUCT", "DESCRIBE"} else JSON)
        if not is_update:
            accept = ACCEPT_RESULTS if form in {"SELECT", "ASK"} else ACCEPT_GRAPH
            wrapper.addCustomHttpHeader("Accept", accept)
        if self._authorization:
            wrapper.addCustomHttpHeader("Authorization", self._authorization)
        # A query's dataset, or an update's (using-graph-uri, using-named-graph-uri).
        default_name, named_name = (
            ("using-graph-uri", "using-named-graph-uri")
            if is_update
            else ("default-graph-uri", "named-graph-uri")
        )
        for g in default_graph:
            wrapper.addParameter(default_name, g)
        for g in named_graphs:
            wrapper.addParameter(named_name, g)
        wrapper.setTimeout(max(1, math.ceil(self.timeout)))
        try:
            response = wrapper.query().response
            try:
                body = response.read()
                media_type = response.headers.get("Content-Type", "")
            finally:
                response.close()
        except QueryBadFormed as exc:
            raise QueryError(f"{url} rejected the request: {_server_message(exc)}") from exc
        except Unauthorized as exc:
            raise StoreError(f"{url} refused the credentials (HTTP 401)") from exc
        except EndPointNotFound as exc:
            raise StoreError(f"no SPARQL endpoint at {url} (HTTP 404)") from exc
        except SPARQLWrapperException as exc:
            message = _server_message(exc)
            if _ROLLED_BACK.search(message):  # the server undid it: run it again
                raise _Transient(message) from exc
            raise StoreError(f"{url} failed: {message}") from exc
        except urllib.error.HTTPError as exc:
            if exc.code in TRANSIENT_STATUSES:
                raise _Transient(f"HTTP {exc.code}") from exc
            raise StoreError(f"{url} answered HTTP {exc.code}: {exc.reason}") from exc
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise _network_error(url, exc, self.timeout) from exc
        return body, media_type

    def _gsp(self, method: str, graph: str, body: bytes | None) -> None:
        """One Graph Store Protocol request on ``graph`` (retried if not answered)."""
        url = cast(str, self.graph_store_url)
        headers = {"Content-Type": N_TRIPLES} if body is not None else {}

        def call() -> None:
            try:
                response = self._http.request(
                    method, url, params={"graph": graph}, content=body, headers=headers
                )
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as exc:
                raise _Transient(str(exc) or type(exc).__name__) from exc
            except (httpx.ReadError, httpx.WriteError) as exc:
                raise _Transient(str(exc) or type(exc).__name__) from exc
            except httpx.TimeoutException as exc:
                raise StoreTimeout(f"{url} did not answer within {self.timeout:g}s") from exc
            except httpx.HTTPError as exc:
                raise StoreError(f"{url} failed: {exc}") from exc
            status = response.status_code
            if status in TRANSIENT_STATUSES:
                raise _Transient(f"HTTP {status}")
            if method == "DELETE" and status == 404:
                return
            if status in {401, 403}:
                raise StoreError(f"{url} refused the credentials (HTTP {status})")
            if status >= 400:
                raise StoreError(
                    f"{url} refused to {method} graph {graph} (HTTP {status}): "
                    f"{response.text[:300].strip()}"
                )

        self._with_retry(url, call)


# --- SPARQL text: query form and VALUES injection ---------------------------------------

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')
    | (?P<var>[?$]\w+)
    | (?P<word>(?:[\w.:%-]|\\.)+)
    | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int
    depth: int  # brace depth before the token

    def word(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def _tokens(text: str) -> list[_Token]:
    """The significant tokens of a SPARQL text (IRIs, strings and comments kept whole)."""
    out: list[_Token] = []
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = cast(str, m.lastgroup)
        if kind in {"ws", "comment"}:
            continue
        if m.group() == "}" and kind == "punct":
            depth -= 1
        out.append(_Token(kind, m.group(), m.start(), m.end(), depth))
        if m.group() == "{" and kind == "punct":
            depth += 1
    return out


def query_form(text: str) -> str | None:
    """The form keyword of a query or update (``SELECT``, ``ASK``, ``INSERT``...), or None."""
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        word = tokens[i].word()
        if word == "PREFIX":
            i += 3
        elif word == "BASE":
            i += 2
        else:
            return word if word in QUERY_FORMS | UPDATE_FORMS else None
    return None


def with_values(query: str, bindings: Bindings) -> str:
    """``query`` with ``bindings`` joined in as VALUES blocks, placed structurally, so that
    the query answers as with pyoxigraph's substitutions (the variable bound everywhere):

    * every binding goes first in the top-level WHERE group, so every pattern, FILTER and
      OPTIONAL of the group sees the bound values;
    * the WHERE group of each sub-SELECT that mentions a bound variable gets that
      variable's VALUES first too: a sub-SELECT is evaluated on its own, before it is
      joined with the outer group, and would not see the outer VALUES. (Other nested
      groups are left alone: OPTIONAL and EXISTS see the outer values; a UNION branch
      does not, but engines push the join down, and Virtuoso 7 fails to compile a VALUES
      inside a branch that filters on the variable with ``=``);
    * a group that is one sub-SELECT, ``{ SELECT ... }``, becomes
      ``{ VALUES ... { SELECT ... } }``;
    * ``CONSTRUCT WHERE { T }`` becomes the equivalent ``CONSTRUCT { T } WHERE { VALUES ... T }``;
    * a DESCRIBE without WHERE gets it as its trailing VALUES clause.

    (Trailing VALUES would be simpler, but engines such as Virtuoso 7 refuse it on
    anything but SELECT.)
    """
    block = values_block(bindings)
    tokens = _tokens(query)
    form_at = next((i for i, t in enumerate(tokens) if t.word() in QUERY_FORMS), None)
    if form_at is None:
        raise QueryError("expected a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    form = tokens[form_at]
    group = _where_group(tokens, form_at)
    if group is None:
        if any(t.word() == "VALUES" and t.depth == 0 for t in tokens[form_at:]):
            raise QueryError("cannot bind values in a query that has its own trailing VALUES")
        return f"{query}\n{block}\n"
    names = {name: {f"?{name}", f"${name}"} for name in bindings}
    inserts: list[tuple[int, str]] = []  # (offset in query, text), applied right to left
    i = group[0]
    while i <= group[1]:
        token = tokens[i]
        if token.word() == "VALUES":  # an inline data block: not a group
            while i <= group[1] and tokens[i].text != "{":
                i += 1
            i = _closing(tokens, i) + 1
            continue
        if token.text != "{" or token.kind != "punct":
            i += 1
            continue
        close = _closing(tokens, i)
        if i == group[0]:
            local = block
        elif not _is_sub_select_where(tokens, i):
            i += 1
            continue
        else:
            used = {t.text for t in tokens[i + 1 : close] if t.kind == "var"}
            bound = {n: bindings[n] for n, forms in names.items() if forms & used}
            if not bound:
                i += 1
                continue
            local = values_block(bound)
        if i + 1 < close and tokens[i + 1].word() == "SELECT":
            inserts.append((token.end, f" {local} {{"))
            inserts.append((tokens[close].start, "} "))
        else:
            inserts.append((token.end, f" {local} "))
        i += 1
    text = query
    for offset, piece in sorted(inserts, key=lambda x: x[0], reverse=True):
        text = text[:offset] + piece + text[offset:]
    if form.word() == "CONSTRUCT" and tokens[form_at + 1].text != "{":
        open_, close_ = tokens[group[0]], tokens[group[1]]
        template = query[open_.start : close_.end]
        text = f"{text[: form.end]} {template}{text[form.end :]}"
    return text


def _is_sub_select_where(tokens: list[_Token], open_at: int) -> bool:
    """Whether the ``{`` at ``open_at`` opens the WHERE group of a sub-SELECT."""
    depth = tokens[open_at].depth
    for j in range(open_at - 1, -1, -1):
        t = tokens[j]
        if t.depth < depth or (t.kind == "punct" and t.text in "{}"):
            return False
        if t.word() == "SELECT" and t.depth == depth:
            return True
    return False


def values_block(bindings: Bindings) -> str:
    """``VALUES (?a ?b) { (<iri> "literal") }`` from pyoxigraph's escaped term forms."""
    names: list[str] = []
    terms: list[str] = []
    for name, term in bindings.items():
        try:
            variable = ox.Variable(name)
        except ValueError as exc:
            raise QueryError(f"invalid variable name {name!r}") from exc
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise QueryError(f"?{name}: only IRIs and literals can be bound in a remote query")
        names.append(str(variable))
        terms.append(str(term))
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def _where_group(tokens: list[_Token], form_at: int) -> tuple[int, int] | None:
    """Token indexes of the top-level WHERE group's ``{`` and ``}``, or None."""
    i = form_at + 1
    if tokens[form_at].word() == "CONSTRUCT" and i < len(tokens) and tokens[i].text == "{":
        i = _closing(tokens, i) + 1  # skip the template
    while i < len(tokens) and not (tokens[i].text == "{" and tokens[i].kind == "punct"):
        i += 1
    if i >= len(tokens) or tokens[i].depth != 0:
        return None
    close = _closing(tokens, i)
    return (i, close) if close < len(tokens) else None


def _closing(tokens: list[_Token], open_at: int) -> int:
    """Index of the ``}`` matching the ``{`` at ``open_at`` (``len(tokens)`` if none)."""
    depth = tokens[open_at].depth
    for j in range(open_at + 1, len(tokens)):
        if tokens[j].text == "}" and tokens[j].kind == "punct" and tokens[j].depth == depth:
            return j
    return len(tokens)


# --- helpers ------------------------------------------------------------------------------

_HAS_GRAPH = "ASK { GRAPH ?g { ?s ?p ?o } }"
#: Graphs whose IRI starts with ?prefix (every graph when it is empty: Virtuoso 7 finds no
#: match for STRSTARTS with an empty prefix).
_IN_PREFIX = "FILTER(?prefix = '' || STRSTARTS(STR(?g), ?prefix))"
_GRAPHS = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_IN_PREFIX} }}"
_GRAPH_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_IN_PREFIX} }}"
_ANY = f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} {_IN_PREFIX} }}"
_SAMPLE = (
    f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_IN_PREFIX}"
    " FILTER(!isBlank(?s) && !isBlank(?o)) } LIMIT 1"
)
_IN_DEFAULT = "ASK { ?s ?p ?o }"


def _ntriples_lines(triples: Iterable[ox.Triple]) -> list[str]:
    return sorted({f"{t.subject} {t.predicate} {t.object} ." for t in triples})


#: Triples per ``INSERT DATA`` block. One request holds as many blocks as a graph needs;
#: Virtuoso 7's SPARQL parser runs out of stack on one block of ~5,000 triples.
INSERT_CHUNK = 2000


def _replace_update(graphs: Mapping[ox.NamedNode, list[str]]) -> str:
    """One update request that replaces each graph: ``DROP SILENT GRAPH`` then its triples
    in ``INSERT DATA`` blocks of at most :data:`INSERT_CHUNK` (standard SPARQL 1.1)."""
    parts = []
    for g, lines in graphs.items():
        parts.append(f"DROP SILENT GRAPH {g}")
        for i in range(0, len(lines), INSERT_CHUNK):
            body = "\n".join(lines[i : i + INSERT_CHUNK])
            parts.append(f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
    return " ;\n".join(parts)


def _parse_answer(body: bytes, media_type: str, form: str, url: str) -> QueryResult:
    mt = media_type.split(";")[0].strip().lower()
    try:
        if form in {"SELECT", "ASK"}:
            results_format = ox.QueryResultsFormat.from_media_type(mt)
            if results_format is None:
                raise StoreError(f"{url} answered {form} with unexpected type {mt!r}")
            return ox.parse_query_results(body, format=results_format)
        rdf_format = ox.RdfFormat.from_media_type(mt)
        if rdf_format is None:
            if body.strip():
                raise StoreError(f"{url} answered {form} with unexpected type {mt!r}")
            rdf_format = ox.RdfFormat.N_TRIPLES
        return _as_query_triples(ox.parse(body, format=rdf_format))
    except SyntaxError as exc:
        raise StoreError(f"unreadable answer from {url}: {exc}") from exc


def _as_query_triples(quads: Iterable[ox.Quad]) -> ox.QueryTriples:
    """A :class:`pyoxigraph.QueryTriples` over parsed triples, like the embedded store's."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    return cast(ox.QueryTriples, scratch.query("CONSTRUCT WHERE { ?s ?p ?o }"))


def _server_message(exc: SPARQLWrapperException) -> str:
    text = str(exc)
    _, _, raw = text.partition("Response:\n")
    if raw:
        try:
            value = ast.literal_eval(raw)
            text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        except (ValueError, SyntaxError):
            text = raw
    return " ".join(text.split())[:500]


def _network_error(url: str, exc: BaseException, timeout: float) -> Exception:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return StoreTimeout(f"{url} did not answer within {timeout:g}s")
    if isinstance(reason, ConnectionError | http.client.IncompleteRead | http.client.BadStatusLine):
        return _Transient(str(reason) or type(reason).__name__)
    return StoreError(f"cannot reach the SPARQL endpoint {url}: {reason}")
