"""Isolated SPARQL query execution with a hard time limit.

pyoxigraph cannot cancel a running query, so a query past its time limit could only be
abandoned, not stopped, in the server process. Here every query runs in a pool of worker
processes (``spawn`` start method). A worker reads a *snapshot* of the store:

* on-disk store: a RocksDB checkpoint made with :meth:`pyoxigraph.Store.backup` (hard links,
  cheap) that the worker opens with :meth:`pyoxigraph.Store.read_only` (never the live
  database, which the server process keeps writing);
* in-memory store: an N-Quads dump that the worker bulk-loads into its own memory store.

A new snapshot is taken when :attr:`EmbeddedStore.generation` changes (every write bumps it),
and each worker reloads it lazily before its next query. A query that does not answer within
the time limit has its worker killed (``SIGKILL``: its CPU is freed at once) and replaced,
and the caller gets :class:`QueryTimeout`; the other workers keep serving.

The server side is asyncio-native (:meth:`IsolatedExecutor.run`: no thread per query; the
loop reads each worker's pipe). :class:`policykg.api.query_inline.InlineExecutor` is the
other way, for several serving processes: queries on the serving process's own threads,
the process replaced when one runs past the time limit (see :mod:`policykg.api.server`).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import select
import shutil
import struct
import tempfile
import threading
import time
from dataclasses import dataclass
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg.graph.store import EmbeddedStore

log = logging.getLogger(__name__)

#: Result formats of SELECT/ASK, by key.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
#: RDF formats of CONSTRUCT/DESCRIBE, by key.
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


class ExecError(Exception):
    """Base class of errors of isolated execution."""


class QueryTimeout(ExecError):
    """The query did not finish within the time limit; it was stopped."""


class QueryBusy(ExecError):
    """No worker became free within the time limit."""


class QuerySyntax(ExecError):
    """The query is not valid SPARQL (message carries the parser's location)."""


class QueryFailed(ExecError):
    """The query could not be evaluated (store error, worker crash)."""


class NotAcceptable(ExecError):
    """No acceptable serialization exists for this form of query."""


@dataclass(frozen=True)
class QueryJob:
    """One query and how to run and serialize it. Plain data: it crosses a process pipe."""

    query: str
    #: None: the store's default graph (the materialized union), or the query's own FROM
    #: if ``query_dataset``.
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    query_dataset: bool = False
    base_iri: str | None = None
    result_format: str | None = "json"  # key of RESULT_FORMATS, None: none acceptable
    graph_format: str | None = "turtle"  # key of GRAPH_FORMATS, None: none acceptable
    max_results: int = 100_000
    prefixes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class QueryOutcome:
    body: bytes
    kind: str  # "solutions" | "boolean" | "graph"
    format: str  # key of RESULT_FORMATS or GRAPH_FORMATS
    count: int
    truncated: bool


def out_bytes(data: bytes | None) -> bytes:
    """The bytes a pyoxigraph serializer returns when given no output."""
    if data is None:
        raise TypeError("serializer returned nothing")
    return data


# --- in the worker ---------------------------------------------------------------------


def run_job(store: ox.Store, job: QueryJob) -> QueryOutcome:
    """Run ``job`` on ``store`` and serialize its answer (also usable in-process)."""
    kwargs: dict[str, Any] = {}
    if job.default_graph is not None or job.named_graphs is not None:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graph or ()]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    # Otherwise the store's default graph answers: the materialized set union of the
    # managed graphs (see policykg.graph.store.replace_graph_update), or the query's FROM.
    if job.base_iri:
        kwargs["base_iri"] = job.base_iri
    try:
        result = store.query(job.query, **kwargs)
        if isinstance(result, ox.QueryBoolean):
            if job.result_format is None:
                raise NotAcceptable("no acceptable format for a boolean result")
            fmt = RESULT_FORMATS[job.result_format]
            body = out_bytes(result.serialize(format=fmt))
            return QueryOutcome(body, "boolean", job.result_format, 1, False)
        if isinstance(result, ox.QuerySolutions):
            if job.result_format is None:
                raise NotAcceptable("no acceptable format for a SELECT result")
            return _solutions(result, job.result_format, job.max_results)
        if job.graph_format is None:
            raise NotAcceptable("no acceptable RDF format for a CONSTRUCT or DESCRIBE result")
        triples: list[ox.Triple] = []
        truncated = False
        for t in result:
            if len(triples) >= job.max_results:
                truncated = True
                break
            triples.append(t)
        body = _serialize_triples(triples, job.graph_format, dict(job.prefixes))
        return QueryOutcome(body, "graph", job.graph_format, len(triples), truncated)
    except SyntaxError as exc:
        raise QuerySyntax(str(exc)) from None
    except OSError as exc:
        raise QueryFailed(str(exc)) from None


def _serialize_triples(triples: list[ox.Triple], key: str, prefixes: dict[str, str]) -> bytes:
    fmt = GRAPH_FORMATS[key]
    if fmt == ox.RdfFormat.N_QUADS:
        quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
        return out_bytes(ox.serialize(quads, format=fmt))
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        used = _used_prefixes(triples, prefixes)
        return out_bytes(ox.serialize(triples, format=fmt, prefixes=used))
    return out_bytes(ox.serialize(triples, format=fmt))


def _used_prefixes(triples: list[ox.Triple], prefixes: dict[str, str]) -> dict[str, str]:
    if not prefixes:
        return {}
    iris = {t.predicate.value for t in triples}
    iris.update(t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode))
    iris.update(t.object.value for t in triples if isinstance(t.object, ox.NamedNode))
    return {p: ns for p, ns in prefixes.items() if any(i.startswith(ns) for i in iris)}


_encode = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) writes
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _solutions(result: ox.QuerySolutions, key: str, max_results: int) -> QueryOutcome:
    """SELECT answers as SPARQL JSON text built row by row (the same bytes as ``json.dumps``
    of :func:`term_json`, a third of its cost), re-serialized natively for other formats."""
    names = [v.value for v in result.variables]
    keys = [_encode(n) + ":" for n in names]
    iris: dict[str, str] = {}  # JSON of IRIs seen in this answer (predicates repeat)
    rows: list[str] = []
    truncated = False
    for solution in result:
        if len(rows) >= max_results:
            truncated = True
            break
        cells = [
            k + _term_text(value, iris)
            for k, value in zip(keys, solution, strict=True)
            if value is not None
        ]
        rows.append("{" + ",".join(cells) + "}")
    head = ",".join(_encode(n) for n in names)
    text = '{"head":{"vars":[' + head + ']},"results":{"bindings":[' + ",".join(rows) + "]}}"
    body = text.encode()
    if key != "json":
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = out_bytes(parsed.serialize(format=RESULT_FORMATS[key]))
    return QueryOutcome(body, "solutions", key, len(rows), truncated)


def _term_text(term: Any, iris: dict[str, str]) -> str:
    """:func:`term_json` of ``term`` as JSON text."""
    kind = type(term)
    if kind is ox.NamedNode:
        iri = term.value
        text = iris.get(iri)
        if text is None:
            text = '{"type":"uri","value":' + _encode(iri) + "}"
            iris[iri] = text
        return text
    if kind is ox.Literal:
        text = '{"type":"literal","value":' + _encode(term.value)
        if term.language:
            text += ',"xml:lang":' + _encode(term.language)
            direction = getattr(term, "direction", None)
            if direction is not None:
                text += ',"its:dir":' + _encode(str(direction.value))
        elif term.datatype.value != _XSD_STRING:
            text += ',"datatype":' + _encode(term.datatype.value)
        return text + "}"
    return json.dumps(term_json(term), ensure_ascii=False, separators=(",", ":"))


def term_json(term: Any) -> dict[str, Any]:
    """A term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
            direction = getattr(term, "direction", None)
            if direction is not None:
                out["its:dir"] = str(direction.value)
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": term_json(term.subject),
                "predicate": term_json(term.predicate),
                "object": term_json(term.object),
            },
        }
    raise TypeError(f"unexpected term {term!r}")


def _open_snapshot(kind: str, path: str) -> ox.Store:
    if kind == "rocksdb":
        return ox.Store.read_only(path)
    store = ox.Store()
    if kind == "nquads":
        store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
    return store


def _worker_main(conn: multiprocessing.connection.Connection) -> None:
    """Loop of a worker process: receive (snapshot, job), send ("ok", outcome) or an error."""
    current: tuple[int, str, str] | None = None
    store = ox.Store()
    conn.send(("ready", None))  # started and imported: time limits count from here
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        snapshot, job = message
        try:
            if snapshot != current:
                store = _open_snapshot(snapshot[1], snapshot[2])
                current = snapshot
            conn.send(("ok", run_job(store, job)))
        except ExecError as exc:
            conn.send((type(exc).__name__, str(exc)))
        except Exception as exc:  # reported to the parent, which logs it; never sent on
            conn.send(("QueryFailed", f"{type(exc).__name__}: {exc}"))


# --- in the server ---------------------------------------------------------------------


class _Worker:
    """A worker process and the parent's end of its pipe, watched by one event loop."""

    def __init__(self, ctx: multiprocessing.context.SpawnContext) -> None:
        parent, child = ctx.Pipe(duplex=True)
        self.conn = parent
        self.fd = parent.fileno()
        self.process: SpawnProcess = ctx.Process(
            target=_worker_main, args=(child,), daemon=True, name="policykg-query"
        )
        self.process.start()
        child.close()
        self.loop: asyncio.AbstractEventLoop | None = None  # whose reader watches the pipe
        self.pending: asyncio.Future[bytes | object] | None = None
        self.frame = _Frame()
        self.ready = False  # its ("ready", None) frame was read

    def watch(self, loop: asyncio.AbstractEventLoop) -> None:
        """Have ``loop`` read this worker's replies (once per loop, not per query)."""
        if self.loop is loop:
            return
        self.detach()
        self.loop = loop
        loop.add_reader(self.fd, self._readable, loop)

    def _readable(self, loop: asyncio.AbstractEventLoop) -> None:
        if loop is not self.loop:  # moved to another loop (tests): that one reads
            return
        try:
            chunk = os.read(self.fd, 1 << 20)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            loop.remove_reader(self.fd)
            self.loop = None
            self._finish(_CRASHED)
            return
        payload = self.frame.feed(chunk)
        if payload is not None:
            self._finish(payload)

    def _finish(self, value: bytes | object) -> None:
        pending, self.pending = self.pending, None
        if pending is not None and not pending.done():
            pending.set_result(value)

    def send(self, message: object) -> None:
        """Write one frame as :class:`multiprocessing.connection.Connection` does (the fd
        may be non-blocking: wait for room, the worker is reading)."""
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        size = len(data)
        header = struct.pack("!i", size) if size <= 0x7FFFFFFF else struct.pack("!iQ", -1, size)
        view = memoryview(header + data)
        while view:
            try:
                view = view[os.write(self.fd, view) :]
            except BlockingIOError:
                select.select([], [self.fd], [], 1.0)

    def detach(self) -> None:
        """Stop watching the pipe (at once on the watching loop's thread)."""
        loop, self.loop = self.loop, None
        if loop is None or loop.is_closed():
            return
        if asyncio._get_running_loop() is loop:
            _unwatch(loop, self.fd)
        else:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_unwatch, loop, self.fd)

    def kill(self) -> None:
        self.detach()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def _unwatch(loop: asyncio.AbstractEventLoop, fd: int) -> None:
    with contextlib.suppress(OSError, ValueError, RuntimeError):
        loop.remove_reader(fd)


class _Frame:
    """Reassembles one reply frame (a 4-byte length, or -1 and an 8-byte length, then the
    pickle) from what the pipe gives, so that the loop never blocks on a large reply."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def feed(self, chunk: bytes) -> bytes | None:
        buffer = self.buffer
        buffer += chunk
        if len(buffer) < 4:
            return None
        (size,) = struct.unpack_from("!i", buffer)
        start = 4
        if size == -1:
            if len(buffer) < 12:
                return None
            (size,) = struct.unpack_from("!Q", buffer, 4)
            start = 12
        if len(buffer) < start + size:
            return None
        payload = bytes(buffer[start : start + size])
        del buffer[: start + size]
        return payload


_ERRORS: dict[str, type[ExecError]] = {
    "QuerySyntax": QuerySyntax,
    "QueryFailed": QueryFailed,
    "NotAcceptable": NotAcceptable,
}
_TIMED_OUT, _CRASHED = object(), object()
#: Longest start of a worker process (spawn and imports) on a loaded machine.
STARTUP_SECONDS = 120.0


class _Waiter:
    """A query waiting on an event loop for a free worker."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.future: asyncio.Future[_Worker] = loop.create_future()

    def give(self, worker: _Worker, pool: IsolatedExecutor) -> bool:
        if self.future.done():
            return False
        if asyncio._get_running_loop() is self.loop:
            self.future.set_result(worker)
        else:  # released from another thread: hand over on the waiter's loop
            self.loop.call_soon_threadsafe(self._deliver, worker, pool)
        return True

    def _deliver(self, worker: _Worker, pool: IsolatedExecutor) -> None:
        if self.future.done():  # gave up (time limit, cancelled) meanwhile
            pool._release(worker)
        else:
            self.future.set_result(worker)


class IsolatedExecutor:
    """A pool of query worker processes over snapshots of ``store``.

    ``await run(job)`` on an event loop: no thread, the loop watches each worker's pipe
    (one reader per worker, registered once) and the time limit is a loop timer. The
    blocking ``execute(job)`` (for threads, tests) runs the same on a private loop thread.
    Workers start lazily. A store opened read-only (:attr:`EmbeddedStore.read_only`) is
    opened by the workers directly: nothing writes it, so no snapshot is taken.
    """

    def __init__(
        self,
        store: EmbeddedStore,
        *,
        workers: int = 2,
        timeout: float = 10.0,
        snapshot_dir: str | Path | None = None,
    ) -> None:
        self.store = store
        self.size = max(1, workers)
        self.timeout = timeout
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: collections.deque[_Worker] = collections.deque()
        self._waiters: collections.deque[_Waiter] = collections.deque()
        self._started = False
        self._closed = False
        self._lock = threading.Lock()
        self._snap_lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._snapshot: tuple[int, str, str] | None = None
        if store.read_only and store.path is not None:
            self._snapshot = (store.generation, "rocksdb", str(store.path))
        self._old_snapshots: list[str] = []
        self._snap_seq = 0
        self._snapshot_root = Path(snapshot_dir) if snapshot_dir else None
        self._tmp: str | None = None
        self._sync_loop: asyncio.AbstractEventLoop | None = None
        self.killed = 0  # queries stopped on timeout (for tests and logs)

    # pool ------------------------------------------------------------------------------
    def _start(self) -> None:
        if self._started:
            return
        with self._lock:
            if self._started or self._closed:
                return
            for _ in range(self.size):
                self._all.add(worker := _Worker(self._ctx))
                self._idle.append(worker)
            self._started = True

    def _release(self, worker: _Worker) -> None:
        with self._lock:
            if self._closed:
                return
            while self._waiters:
                if self._waiters.popleft().give(worker, self):
                    return
            self._idle.append(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            if self._closed:
                return
            fresh = _Worker(self._ctx)
            self._all.add(fresh)
        self._release(fresh)

    def worker_pids(self) -> list[int]:
        with self._lock:
            return sorted(w.process.pid or 0 for w in self._all)

    def close(self) -> None:
        """Stop every worker and remove the snapshots."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
        for w in workers:
            with contextlib.suppress(OSError):
                w.send(None)
            w.kill()
        if self._sync_loop is not None:
            self._sync_loop.call_soon_threadsafe(self._sync_loop.stop)
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)

    # snapshots -------------------------------------------------------------------------
    def _root(self) -> Path:
        if self._tmp is None:
            if self._snapshot_root is not None:
                self._snapshot_root.mkdir(parents=True, exist_ok=True)
                self._tmp = tempfile.mkdtemp(prefix="snap-", dir=self._snapshot_root)
            elif self.store.path is not None:
                parent = self.store.path.resolve().parent
                self._tmp = tempfile.mkdtemp(prefix=f".{self.store.path.name}-snap-", dir=parent)
            else:
                self._tmp = tempfile.mkdtemp(prefix="policykg-snap-")
        return Path(self._tmp)

    def _current_snapshot(self) -> tuple[int, str, str]:
        with self._snap_lock:
            generation = self.store.generation
            if self._snapshot is not None and self._snapshot[0] == generation:
                return self._snapshot
            self._snap_seq += 1
            root = self._root()
            started = time.perf_counter()
            if self.store.path is not None:
                target = root / f"g{self._snap_seq}"
                self.store.raw.backup(str(target))
                snapshot = (generation, "rocksdb", str(target))
            else:
                target = root / f"g{self._snap_seq}.nq"
                self.store.raw.dump(str(target), format=ox.RdfFormat.N_QUADS)
                snapshot = (generation, "nquads", str(target))
            old = self._snapshot
            self._snapshot = snapshot
            log.info("snapshot %s taken in %.3fs", target.name, time.perf_counter() - started)
            if old is not None and old[2] != str(self.store.path):
                self._old_snapshots.append(old[2])  # kept one generation: a job may load it
            while len(self._old_snapshots) > 1:
                _remove(Path(self._old_snapshots.pop(0)))
            return snapshot

    # queries ---------------------------------------------------------------------------
    async def run(self, job: QueryJob, *, timeout: float | None = None) -> QueryOutcome:
        """Run ``job`` in a worker without blocking the loop; past the time limit the worker
        is killed and :class:`QueryTimeout` raised. :class:`QueryBusy` when no worker
        becomes free within the limit."""
        limit = self.timeout if timeout is None else timeout
        loop = asyncio.get_running_loop()
        self._start()
        snapshot = self._snapshot
        if snapshot is None or snapshot[0] != self.store.generation:
            # a write since the last query: checkpoint off the loop
            snapshot = await loop.run_in_executor(None, self._current_snapshot)
        try:
            worker = self._idle.popleft()
        except IndexError:
            worker = await self._wait_worker(loop, limit)
        worker.watch(loop)
        if not worker.ready:
            await self._started_up(worker, loop)
        done: asyncio.Future[bytes | object] = loop.create_future()
        worker.pending = done
        timer = loop.call_later(limit, set_if_pending, done, _TIMED_OUT)
        started = loop.time()
        try:
            worker.send((snapshot, job))
            payload = await done
        except OSError:
            payload = _CRASHED
        except asyncio.CancelledError:  # the request was abandoned; the worker may be busy
            worker.pending = None
            worker.detach()
            loop.run_in_executor(None, self._replace, worker)
            raise
        finally:
            timer.cancel()
        if isinstance(payload, bytes):
            self._release(worker)
            return _outcome(pickle.loads(payload))
        worker.pending = None
        worker.detach()  # here, on its loop: before its fd is closed (and maybe reused)
        loop.run_in_executor(None, self._replace, worker)
        if payload is _CRASHED:
            raise QueryFailed("the query worker crashed")
        self.killed += 1
        log.warning("query stopped after %.1fs (time limit)", loop.time() - started)
        raise QueryTimeout(f"the query did not finish within {limit:g} s and was stopped")

    async def _started_up(self, worker: _Worker, loop: asyncio.AbstractEventLoop) -> None:
        """Wait for a new worker's "ready" (its start-up is not counted in a query's time)."""
        ready: asyncio.Future[bytes | object] = loop.create_future()
        worker.pending = ready
        timer = loop.call_later(STARTUP_SECONDS, set_if_pending, ready, _TIMED_OUT)
        try:
            payload = await ready
        finally:
            timer.cancel()
        if isinstance(payload, bytes) and pickle.loads(payload)[0] == "ready":
            worker.ready = True
            return
        worker.pending = None
        worker.detach()
        loop.run_in_executor(None, self._replace, worker)
        raise QueryFailed("a query worker did not start")

    async def _wait_worker(self, loop: asyncio.AbstractEventLoop, limit: float) -> _Worker:
        waiter = _Waiter(loop)
        with self._lock:
            if self._idle:
                return self._idle.popleft()
            self._waiters.append(waiter)
        expired: list[bool] = []
        timer = loop.call_later(limit, _expire, waiter.future, expired)
        try:
            return await waiter.future
        except asyncio.CancelledError:
            if not expired:  # our caller was cancelled, not by our timer
                if waiter.future.done() and not waiter.future.cancelled():
                    self._release(waiter.future.result())  # handed over as we were cancelled
                raise
            raise QueryBusy("every query worker is busy") from None
        finally:
            timer.cancel()

    def execute(self, job: QueryJob, *, timeout: float | None = None) -> QueryOutcome:
        """:meth:`run` for threads (blocking). Never call it on an event loop."""
        future = asyncio.run_coroutine_threadsafe(
            self.run(job, timeout=timeout), self._thread_loop()
        )
        return future.result()

    def _thread_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._sync_loop is None:
                loop = asyncio.new_event_loop()
                threading.Thread(
                    target=_run_loop, args=(loop,), daemon=True, name="policykg-query-exec"
                ).start()
                self._sync_loop = loop
            return self._sync_loop


def _run_loop(loop: asyncio.AbstractEventLoop) -> None:
    try:
        loop.run_forever()
    finally:
        loop.close()


def _outcome(reply: tuple[str, Any]) -> QueryOutcome:
    """The outcome a worker sent, or its error raised."""
    if reply[0] == "ok":
        outcome: QueryOutcome = reply[1]
        return outcome
    error = _ERRORS.get(reply[0], QueryFailed)
    if error is QueryFailed:
        log.error("query failed in worker: %s", reply[1])
    raise error(reply[1])


def set_if_pending(future: asyncio.Future[Any], value: Any) -> None:
    """Give ``future`` its result unless it has one (a timer and an answer may race)."""
    if not future.done():
        future.set_result(value)


def _expire(future: asyncio.Future[_Worker], expired: list[bool]) -> None:
    if not future.done():
        expired.append(True)
        future.cancel()


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
