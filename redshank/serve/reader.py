"""Reading the store for a request: off the event loop, read-only, under a time limit.

Each request opens the store read-only in a worker thread and holds it for one session
(so a DuckDB file is free for an ingest between requests). When the time limit passes the
request is answered 503 `query_timeout` and the running statement is interrupted (DuckDB
has no statement timeout; PostgreSQL's query is cancelled), again until the worker stops,
so the thread and the database are freed. A request still waiting for a database that
another process holds is answered 503 `database_busy`; its worker gives up when its lock
timeout (the same limit) passes.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TypeVar

from redshank.serve.errors import ApiError
from redshank.store import Store, open_store

T = TypeVar("T")
INTERRUPT_EVERY_S = 0.05


class Cancelled(Exception):
    """The request's time ran out before its worker started reading."""


class _Job:
    """One request's work on the store; `stop` may be called from another thread."""

    def __init__(self, db: str, lock_timeout_s: float) -> None:
        self.db = db
        self.lock_timeout_s = lock_timeout_s
        self.store: Store | None = None
        self.cancelled = False
        self.guard = threading.Lock()

    def run(self, work: Callable[[Store], T]) -> T:
        with open_store(self.db, read_only=True, lock_timeout_s=self.lock_timeout_s) as store:
            with store.session():
                with self.guard:
                    if self.cancelled:
                        raise Cancelled
                    self.store = store
                return work(store)

    def stop(self) -> bool:
        """Stop the work; True if a statement was running (or about to) and was interrupted,
        False if the worker was still waiting for the database."""
        with self.guard:
            self.cancelled = True
            return self.store is not None and self.store.interrupt()


class Reader:
    """Runs functions of a read-only store for requests, each under `timeout_s`."""

    def __init__(self, db: str, timeout_s: float) -> None:
        if not timeout_s > 0:
            raise ValueError(f"query timeout must be more than 0 seconds, got {timeout_s}")
        self.db = db
        self.timeout_s = timeout_s
        self._stopping: set[asyncio.Task[None]] = set()

    async def __call__(self, work: Callable[[Store], T]) -> T:
        job = _Job(self.db, lock_timeout_s=self.timeout_s)
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(None, job.run, work)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.timeout_s)
        except TimeoutError:
            reading = job.stop()
            stopping = asyncio.ensure_future(_stop_until_done(job, future))
            self._stopping.add(stopping)
            stopping.add_done_callback(self._stopping.discard)
            if not reading:
                raise ApiError(503, "database_busy", "the database is held by another "
                               "process (an ingest writing); try again shortly",
                               {"timeout_s": self.timeout_s}) from None
            raise ApiError(503, "query_timeout", f"the query took longer than "
                           f"{self.timeout_s:g} s and was stopped; narrow the filters",
                           {"timeout_s": self.timeout_s}) from None


async def _stop_until_done(job: _Job, future: asyncio.Future) -> None:
    """Interrupt the job until its worker returns (an interrupt that came between two
    statements stops nothing), then collect its outcome."""
    while not future.done():
        job.stop()
        await asyncio.wait([future], timeout=INTERRUPT_EVERY_S)
    future.exception()  # retrieved, so asyncio does not log it as never retrieved
