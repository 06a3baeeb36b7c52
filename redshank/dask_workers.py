"""Coding on a Dask cluster: the pipeline's batches sent to Dask workers, results streamed
back to this process's writer in input order.

`run_on_dask` cuts the documents into the batches one process would parse
(`Pipeline.batch_size` documents each) and submits each to the cluster as a task of the
pure per-document pipeline; a few batches per worker are in flight at a time, and results
come back in input order, so an ingest on Dask stores exactly what one process stores
(same event ids, same tables). The writer (ingest, the store) stays in this process.

Each Dask worker process loads the pipeline once, on its first batch, with this
pipeline's settings (`Pipeline.settings`: the user's actor and pattern files, the model),
and keeps it for the next batches; the files must be readable at the same paths on the
workers (a shared filesystem, or the packaged knowledge only). `address` is a scheduler
address ("tcp://10.0.0.5:8786") or "local" for a `distributed.LocalCluster` of one
single-threaded worker process per core on this machine. See docs/scaling.md.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from redshank.errors import ConfigError
from redshank.model import Document, DocumentResult
from redshank.workers import (
    BATCHES_PER_WORKER,
    WorkerError,
    batches_of,
    in_input_order,
    resolve_workers,
)

if TYPE_CHECKING:
    from redshank.pipeline import Pipeline

LOCAL = "local"

# The pipelines loaded in this (worker) process, by their settings.
_pipelines: dict[tuple, Pipeline] = {}
_loading = threading.Lock()


def run_on_dask(pipeline: Pipeline, documents: Iterable[Document], address: str
                ) -> Iterator[DocumentResult]:
    """The pipeline's results for each document, in input order, coded on the Dask cluster
    at `address` ("local": a LocalCluster on this machine's cores)."""
    client, cluster = _connect(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        settings = pipeline.settings()
        yield from in_input_order(
            batches_of(iter(documents), pipeline.batch_size),
            lambda batch: client.submit(_code_batch, settings, batch, pure=False),
            _result, workers * BATCHES_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(address: str) -> tuple[Any, Any]:
    """A client of the cluster at `address`, and the LocalCluster it started (or None)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError("--dask needs Dask's distributed scheduler: pip install "
                          "'redshank[dask]'") from exc
    if address == LOCAL:
        cluster = local_cluster(resolve_workers("auto"))
        return Client(cluster), cluster
    try:
        return Client(address, timeout=_timeout()), None
    except OSError as exc:
        raise ConfigError(f"--dask {address!r}: cannot reach the Dask scheduler ({exc}); "
                          "check the address, or pass --dask local") from exc


def local_cluster(workers: int) -> Any:
    """A `distributed.LocalCluster` of `workers` single-threaded worker processes, without
    Dask's default `MALLOC_TRIM_THRESHOLD_=65536` in their environment: glibc then returns
    freed memory to the system after nearly every parse, and coding runs about 15% slower
    (measured on 240 Wikinews articles). Give real clusters' workers the same environment
    (docs/scaling.md)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None)


def _timeout() -> str:
    return os.environ.get("REDSHANK_DASK_TIMEOUT", "30s")


def _result(future: Any) -> list[DocumentResult]:
    try:
        return future.result()
    except Exception as exc:
        if type(exc).__name__ in ("KilledWorker", "CancelledError", "FutureCancelledError"):
            raise WorkerError(f"a Dask worker died while coding a batch ({exc}); nothing of "
                              "it was stored: run the same command again") from exc
        raise


def _code_batch(settings: dict[str, Any], batch: list[Document]) -> list[DocumentResult]:
    """Run on a Dask worker: code one batch with this worker's pipeline."""
    return list(_worker_pipeline(settings).run_here(batch))


def _worker_pipeline(settings: dict[str, Any]) -> Pipeline:
    key = tuple(sorted((name, repr(value)) for name, value in settings.items()))
    with _loading:
        if key not in _pipelines:
            from redshank.pipeline import Pipeline

            _pipelines[key] = Pipeline.load(**settings)
        return _pipelines[key]
