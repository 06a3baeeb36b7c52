"""Coding on every core: the pipeline's documents shared out to worker processes.

`run_in_workers` cuts the documents into the batches one process would parse
(`Pipeline.batch_size` documents each), codes each batch in a worker process with the
pure per-document pipeline (`Pipeline.run_here`), and yields the results in input order,
so that a run on N workers stores exactly what a run on one stores (same event ids, same
tables). The caller (ingest's writer) stays in this process and uses little CPU.

Workers are forked from the process that loaded the pipeline where the platform allows it
(Linux): they start at once and share the loaded model and knowledge pages with it.
Elsewhere they are spawned and each loads the pipeline once, from the knowledge cache. A
worker ignores Ctrl-C; the parent stops taking results and the run ends as one
interrupted run. Only a few batches are in flight at a time, so a large input is read as
it is coded, not all at once.

`workers="auto"` (resolved by `resolve_workers`) is the number of cores this process may
use; with fewer than `MIN_PARALLEL_BATCHES` batches of input the documents are coded in
this process, since starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from redshank.errors import ConfigError, RedshankError
from redshank.model import Document, DocumentResult

if TYPE_CHECKING:
    from redshank.pipeline import Pipeline

# Below this many batches of input, one process codes them (workers would not pay off).
MIN_PARALLEL_BATCHES = 2
# Batches queued per worker: enough that no worker waits for the next, few enough that a
# large input is not read ahead into memory.
BATCHES_PER_WORKER = 2

_pipeline: Pipeline | None = None  # the pipeline of this worker process
# A pending batch: a concurrent.futures or a Dask future (both have result and cancel).
Pending = Any


class WorkerError(RedshankError):
    """A worker process died (killed, out of memory) while coding a batch."""


def resolve_workers(value: int | str) -> int:
    """A worker count from `--workers`: a positive number, or "auto" for every core this
    process may run on."""
    if value == "auto":
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    try:
        count = int(value)
    except (TypeError, ValueError):
        count = 0
    if count < 1:
        raise ConfigError(f"--workers {value!r}: pass a positive number of processes or "
                          "'auto' (one per core)")
    return count


def run_in_workers(pipeline: Pipeline, documents: Iterable[Document], workers: int
                   ) -> Iterator[DocumentResult]:
    """The pipeline's results for each document, in input order, coded by `workers`
    processes (in this one when the input is under MIN_PARALLEL_BATCHES batches)."""
    iterator = iter(documents)
    batches = batches_of(iterator, pipeline.batch_size)
    first = list(islice(batches, MIN_PARALLEL_BATCHES))
    if workers <= 1 or len(first) < MIN_PARALLEL_BATCHES:
        for batch in first:
            yield from pipeline.run_here(batch)
        yield from pipeline.run_here(iterator)
        return
    context, initializer, initargs = _start(pipeline)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer,
                               initargs=initargs)
    try:
        yield from in_input_order(chain(first, batches), partial(pool.submit, _code_batch),
                                  _result, workers * BATCHES_PER_WORKER)
    except BaseException:
        # an interrupt or error: drop the queued batches; workers end their current one
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def in_input_order(batches: Iterable[list[Document]],
                   submit: Callable[[list[Document]], Pending],
                   result: Callable[[Pending], list[DocumentResult]], limit: int
                   ) -> Iterator[DocumentResult]:
    """The results of each batch, in input order, with at most `limit` batches submitted
    and not yet taken (a large input is read as it is coded); batches still in flight
    when the caller stops are cancelled."""
    in_flight: deque[Pending] = deque()
    try:
        for batch in batches:
            in_flight.append(submit(batch))
            while len(in_flight) >= limit:
                yield from result(in_flight.popleft())
        while in_flight:
            yield from result(in_flight.popleft())
    finally:
        for future in in_flight:
            future.cancel()


def batches_of(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    """The documents in lists of `size` (the last may be shorter)."""
    while batch := list(islice(documents, size)):
        yield batch


def _result(future: Future[list[DocumentResult]]) -> list[DocumentResult]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerError("a worker process died while coding (killed, or out of memory); "
                          "nothing of its batch was stored: run the same command again, "
                          "with fewer --workers if memory is short") from exc


def _start(pipeline: Pipeline) -> tuple[multiprocessing.context.BaseContext, object, tuple]:
    """How to start workers: forked with this pipeline, or spawned to load their own."""
    if "fork" in multiprocessing.get_all_start_methods():
        global _pipeline
        _pipeline = pipeline  # inherited by the forked workers
        return multiprocessing.get_context("fork"), _init_forked, ()
    return multiprocessing.get_context("spawn"), _init_spawned, (pipeline.settings(),)


def _init_forked() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _pipeline is not None:
        _pipeline.after_fork()


def _init_spawned(settings: dict) -> None:
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from redshank.pipeline import Pipeline

    _pipeline = Pipeline.load(**settings)


def _code_batch(batch: list[Document]) -> list[DocumentResult]:
    if _pipeline is None:
        raise RuntimeError("worker started without a pipeline")
    return list(_pipeline.run_here(batch))
