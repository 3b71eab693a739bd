"""SPARQL queries run in the serving process itself, on its own threads (``query_mode``
``inline``; workers > 1): no hop to a query worker process, and the serving process is
replaced when a query runs past the time limit (see :mod:`policykg.api.server`).

Jobs, outcomes and errors are those of :mod:`policykg.api.query_exec`.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import queue
import threading
from collections.abc import Callable

import pyoxigraph as ox

from policykg.api.query_exec import (
    ExecError,
    QueryBusy,
    QueryFailed,
    QueryJob,
    QueryOutcome,
    QueryTimeout,
    run_job,
    set_if_pending,
)
from policykg.graph.store import EmbeddedStore

log = logging.getLogger(__name__)

#: What a query's future holds when its time limit came first.
_TIMED_OUT = object()


class InlineExecutor:
    """Queries run in this (serving) process, on ``threads`` threads (pyoxigraph releases
    the GIL while it evaluates), with no process hop: a point lookup's cost halves.

    pyoxigraph cannot stop a query, so isolation moves up one level: a query past the time
    limit is answered 504 at once, and ``on_runaway`` is called: the serving process then
    stops accepting, finishes its other requests and exits, which stops the query and frees
    its CPU; its supervisor starts a fresh process (:mod:`policykg.api.server`, workers > 1
    only). Until then the process answers with the threads it has left; with none left a
    query waits for one up to the time limit, then gets :class:`QueryBusy` (503).
    """

    def __init__(
        self,
        store: EmbeddedStore,
        *,
        threads: int = 2,
        timeout: float = 10.0,
        on_runaway: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.size = max(1, threads)
        self.timeout = timeout
        self.on_runaway = on_runaway
        self._jobs: queue.SimpleQueue[_InlineJob | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._running = 0  # threads given a job (counted on the loop)
        self._waiters: collections.deque[asyncio.Future[bool]] = collections.deque()
        self._thread_ids: list[int] = []  # native ids of the query threads
        self.killed = 0  # queries past the limit (their process is being replaced)

    async def run(self, job: QueryJob, *, timeout: float | None = None) -> QueryOutcome:
        limit = self.timeout if timeout is None else timeout
        loop = asyncio.get_running_loop()
        if not self._threads:
            self._threads = [
                threading.Thread(target=self._serve, daemon=True, name="policykg-query")
                for _ in range(self.size)
            ]
            for thread in self._threads:
                thread.start()
        if self._running < self.size:
            self._running += 1
        else:  # wait for a thread (its slot is handed over), up to the time limit
            waiter: asyncio.Future[bool] = loop.create_future()
            self._waiters.append(waiter)
            timer = loop.call_later(limit, set_if_pending, waiter, False)
            try:
                if not await waiter:
                    raise QueryBusy("every query thread is busy")
            finally:
                timer.cancel()
        done: asyncio.Future[object] = loop.create_future()
        self._jobs.put((loop, done, job))
        timer = loop.call_later(limit, set_if_pending, done, _TIMED_OUT)
        try:
            result = await done
        finally:
            timer.cancel()
        if isinstance(result, QueryOutcome):
            return result
        if isinstance(result, BaseException):
            raise result
        self.killed += 1  # its thread is still busy: the slot frees when it answers
        log.warning("query past the time limit (%gs): this process will be replaced", limit)
        self._yield_cpu()
        if self.on_runaway is not None:
            self.on_runaway()
        raise QueryTimeout(f"the query did not finish within {limit:g} s and was stopped")

    def _yield_cpu(self) -> None:
        """Lowest CPU priority for the query threads (Linux: per thread): until this
        process exits, a runaway query only uses CPU that nothing else wants."""
        for tid in self._thread_ids:
            with contextlib.suppress(OSError, AttributeError):
                os.setpriority(os.PRIO_PROCESS, tid, 19)

    def _serve(self) -> None:
        """A query thread: run jobs, hand each result to its loop."""
        self._thread_ids.append(threading.get_native_id())
        while (item := self._jobs.get()) is not None:
            loop, done, job = item
            result: object
            try:
                result = _run_inline(self.store.raw, job)
            except ExecError as exc:
                result = exc
            with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits
                loop.call_soon_threadsafe(self._finished, done, result)

    def _finished(self, done: asyncio.Future[object], result: object) -> None:
        """On the loop: a thread is free again (handed to the first waiter), then the
        result is delivered (unless its caller gave up)."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(True)
                break
        else:
            self._running -= 1
        if not done.done():
            done.set_result(result)

    def execute(self, job: QueryJob, *, timeout: float | None = None) -> QueryOutcome:
        """Run ``job`` on this thread (no time limit: for tests and tools)."""
        return _run_inline(self.store.raw, job)

    def close(self) -> None:
        for _ in self._threads:
            self._jobs.put(None)


_InlineJob = tuple[asyncio.AbstractEventLoop, "asyncio.Future[object]", QueryJob]


def _run_inline(store: ox.Store, job: QueryJob) -> QueryOutcome:
    try:
        return run_job(store, job)
    except ExecError:
        raise
    except Exception as exc:  # as a worker process reports it
        log.error("query failed: %s: %s", type(exc).__name__, exc)
        raise QueryFailed(f"{type(exc).__name__}: {exc}") from None
