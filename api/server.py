"""Serving the app: the listening socket and the worker processes (``policykg serve``).

* The listening socket is made here, with ``TCP_NODELAY`` set on it (Linux passes it on to
  every accepted connection). ``uvicorn --workers N`` binds without it (uvicorn issue
  #3149): each answer then waits for the client's delayed ACK, ~10× slower on loopback.
* Each serving process runs :func:`build_app`: the app behind the ``GET /sparql`` fast path.
* ``workers == 1``: one process serves the store it was given, read-write (token writes,
  uploads); SPARQL queries run in query worker processes (:class:`IsolatedExecutor`).
* ``workers > 1``: N processes share the one listening socket (each accepts from it; the
  kernel spreads the connections). An embedded on-disk store can be opened read-write by
  one process only, so this is a **read-only serving mode**: the parent process keeps the
  store open (its lock keeps other writers out), takes a checkpoint of it (hard links,
  instant) and every serving process opens that checkpoint read-only. Writes through the
  API are off (a ``write_token`` is refused at start); ingest with ``policykg ingest`` and
  restart. A remote store (``sparql_query_url``) has no such lock: its workers share it.
* Queries ``inline`` (``query_mode``; ``auto`` picks it with workers > 1): a serving process
  runs queries on its own threads (:class:`InlineExecutor`), without the hop to a query
  worker process, which cost as much as the rest of a point lookup. pyoxigraph cannot stop
  a query, so a query past the time limit is answered 504 and its process stops accepting,
  finishes its other requests and exits (exit code :data:`RECYCLE_EXIT`), which stops the
  query; the parent starts a fresh process. The other processes serve meanwhile.
* A worker that dies is started again; SIGINT/SIGTERM stop them all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import socket
import tempfile
import time
from dataclasses import replace
from multiprocessing.context import SpawnProcess
from pathlib import Path
from types import FrameType
from typing import Any

from policykg.api.query_inline import InlineExecutor
from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.graph.store import EmbeddedStore

log = logging.getLogger(__name__)


#: Exit code of a serving process that stopped itself to stop a runaway query.
RECYCLE_EXIT = 75
#: Seconds a leaving process waits, no longer accepting, before it shuts down (connections
#: it accepted just before then have sent their request by then).
ACCEPT_GRACE = 1.0


class ServeError(Exception):
    """The server cannot start with these settings (a message for the user)."""


def listen_socket(host: str, port: int, *, backlog: int = 2048) -> socket.socket:
    """A listening TCP socket with ``SO_REUSEADDR`` and ``TCP_NODELAY`` (passed on to the
    connections it accepts), inheritable by worker processes."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    sock.set_inheritable(True)
    return sock


def uvicorn_config(app: Any, settings: Settings) -> Any:
    """The uvicorn configuration of every serving process: uvloop and httptools when
    installed (``uvicorn[standard]``), no access log (one line per request costs as much as
    a point lookup)."""
    import uvicorn

    return uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        access_log=False,
        lifespan="on",
        backlog=2048,
    )


def serve(store: Store, settings: Settings, *, workers: int | None = None) -> None:
    """Serve ``store`` on ``settings.host:port`` until SIGINT/SIGTERM (``policykg serve``).

    ``workers`` (default ``settings.workers``) serving processes; see the module's notes on
    the read-only mode of more than one over an embedded store.
    """
    count = settings.workers if workers is None else workers
    if count < 1:
        raise ServeError("workers must be at least 1")
    embedded = isinstance(store, EmbeddedStore)
    if count > 1 and embedded and settings.write_token:
        raise ServeError(
            "serving with several workers is read-only over an embedded store: "
            "unset the write token (POLICYKG_WRITE_TOKEN) or serve with one worker"
        )
    if settings.query_mode not in ("auto", "processes", "inline"):
        raise ServeError(f"unknown query mode {settings.query_mode!r}: auto, processes or inline")
    if settings.query_mode == "auto":
        mode = "inline" if count > 1 and embedded else "processes"
        settings = replace(settings, query_mode=mode)
    if settings.query_mode == "inline" and count < 2:
        raise ServeError("query mode 'inline' needs workers > 1 (a process replaces another)")
    if count > 1 and embedded and getattr(store, "path", None) is None:
        raise ServeError("several workers need a store on disk (an in-memory one is per process)")
    sock = listen_socket(settings.host, settings.port)
    try:
        if count == 1:
            _serve_one(store, settings, sock)
        else:
            _serve_many(store, settings, sock, count)
    finally:
        sock.close()


def build_app(store: Store, settings: Settings) -> Any:
    """What a serving process runs: :func:`create_app` behind the ``/sparql`` fast path
    (:class:`policykg.api.sparql.SparqlFastPath`)."""
    from policykg.api.app import create_app
    from policykg.api.sparql import SparqlFastPath, service_of

    app = create_app(store, settings)
    service = service_of(app)
    return app if service is None else SparqlFastPath(app, service)


def _serve_one(store: Store, settings: Settings, sock: socket.socket) -> None:
    import uvicorn

    server = uvicorn.Server(uvicorn_config(build_app(store, settings), settings))
    server.run(sockets=[sock])


def _serve_many(store: Store, settings: Settings, sock: socket.socket, count: int) -> None:
    checkpoint: Path | None = None
    if isinstance(store, EmbeddedStore) and store.path is not None:
        checkpoint = _checkpoint(store)
        settings = replace(settings, data_dir=checkpoint, write_token=None)
    ctx = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    procs: list[SpawnProcess] = []
    #: Serving processes tell here (their pid) that they stop after a runaway query: their
    #: replacement starts at once, while they finish their requests.
    leaving: multiprocessing.SimpleQueue[int] = ctx.SimpleQueue()
    replaced: set[int] = set()
    try:
        procs = [_start_worker(ctx, sock, settings, checkpoint, leaving) for _ in range(count)]
        restarts: list[float] = []
        while not stopping:
            multiprocessing.connection.wait(
                [p.sentinel for p in procs] + [leaving._reader],  # type: ignore[attr-defined]
                timeout=0.5,
            )
            while not leaving.empty():
                pid = leaving.get()
                if pid not in replaced:
                    replaced.add(pid)
                    procs.append(_start_worker(ctx, sock, settings, checkpoint, leaving))
            for p in list(procs):
                if p.is_alive() or stopping:
                    continue
                if p.pid in replaced:  # its replacement runs already
                    replaced.discard(p.pid)
                    procs.remove(p)
                    continue
                if p.exitcode == RECYCLE_EXIT:  # stopped a runaway query: expected
                    log.info("serving worker %s replaced after a runaway query", p.pid)
                else:
                    now = time.monotonic()
                    restarts = [t for t in restarts if now - t < 60] + [now]
                    log.error("serving worker %s exited (code %s): starting another",
                              p.pid, p.exitcode)  # fmt: skip
                    if len(restarts) > 5 * count:
                        raise ServeError("serving workers keep exiting; see the log")
                procs[procs.index(p)] = _start_worker(ctx, sock, settings, checkpoint, leaving)
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=15)
            if p.is_alive():
                p.kill()
                p.join(timeout=5)
        for s, handler in previous.items():
            signal.signal(s, handler)
        if checkpoint is not None:
            shutil.rmtree(checkpoint.parent, ignore_errors=True)


def _exit_server(server: Any) -> None:
    server.should_exit = True


def _checkpoint(store: EmbeddedStore) -> Path:
    """A read-only copy of the store's current state (RocksDB checkpoint: hard links)."""
    assert store.path is not None
    store.flush()
    parent = store.path.resolve().parent
    root = Path(tempfile.mkdtemp(prefix=f".{store.path.name}-serve-", dir=parent))
    target = root / "store"
    store.raw.backup(str(target))
    return target


def _start_worker(
    ctx: multiprocessing.context.SpawnContext,
    sock: socket.socket,
    settings: Settings,
    checkpoint: Path | None,
    leaving: multiprocessing.SimpleQueue[int],
) -> SpawnProcess:
    process = ctx.Process(
        target=_worker_main,
        args=(sock, settings, str(checkpoint) if checkpoint else None, leaving),
        name="policykg-serve",
    )
    process.start()
    return process


def _worker_main(
    sock: socket.socket,
    settings: Settings,
    checkpoint: str | None,
    leaving: multiprocessing.SimpleQueue[int] | None = None,
) -> None:
    """One serving process: the app over the checkpoint (or the remote store), accepting
    from the shared socket."""
    import uvicorn

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us with SIGTERM
    store: Store = (
        EmbeddedStore(checkpoint, read_only=True)
        if checkpoint is not None
        else settings.open_store()
    )
    app = build_app(store, settings)
    config = uvicorn_config(app, settings)
    config.timeout_graceful_shutdown = int(settings.query_timeout) + 5
    server = uvicorn.Server(config)
    service = getattr(app, "service", None)
    recycle = False
    if service is not None and isinstance(service.executor, InlineExecutor):

        def runaway() -> None:
            """A query could not be stopped: stop accepting, let the connections accepted
            already send their requests (uvicorn's shutdown closes idle ones), finish the
            requests, then exit (which stops the query). The parent starts a fresh process
            at once."""
            nonlocal recycle
            if recycle:
                return
            recycle = True
            if leaving is not None:
                leaving.put(os.getpid())
            for listener in server.servers:
                listener.close()
            asyncio.get_running_loop().call_later(ACCEPT_GRACE, _exit_server, server)

        service.executor.on_runaway = runaway
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])
    logging.shutdown()
    # Now, not at interpreter exit, which would wait for a runaway query's thread.
    os._exit(RECYCLE_EXIT if recycle else 0)
