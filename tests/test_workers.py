"""Coding on several processes stores exactly what one process stores (redshank/workers.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from redshank.api import ingest
from redshank.errors import ConfigError
from redshank.pipeline import Pipeline
from redshank.store import open_store
from redshank.workers import WorkerError, resolve_workers
from tests.conftest import SEEDS
from tests.stored import snapshot

MERGE_CORPUS = Path(__file__).parent / "data" / "merge" / "articles.jsonl"
INPUTS = [str(SEEDS / "manifest.jsonl"), str(MERGE_CORPUS)]
# Small batches, so the 51 documents make 13 batches shared out to the workers.
BATCH = 4


def _ingest(pipeline: Pipeline, db: Path, workers: int) -> None:
    with open_store(str(db)) as store:
        summary = ingest(INPUTS, store=store,
                         pipeline=replace(pipeline, batch_size=BATCH, workers=workers))
    assert summary.documents == 51 and not summary.failures


def test_two_workers_store_the_same_rows_as_one(pipeline, tmp_path: Path) -> None:
    _ingest(pipeline, tmp_path / "one.duckdb", workers=1)
    _ingest(pipeline, tmp_path / "two.duckdb", workers=2)
    one, two = snapshot(tmp_path / "one.duckdb"), snapshot(tmp_path / "two.duckdb")
    assert one["events"] and one["clusters"] and one["positions"]
    assert one.keys() == two.keys()
    for table in one:
        assert one[table] == two[table], table


def test_results_come_in_input_order(pipeline) -> None:
    texts = [f"Iraq asked the United States to bomb militants in town {n}." for n in range(20)]
    from redshank.model import Document

    documents = [Document(id=f"d{n}", text=text) for n, text in enumerate(texts)]
    results = list(replace(pipeline, batch_size=2, workers=2).run(documents))
    assert [r.document.id for r in results] == [d.id for d in documents]
    assert all(r.events for r in results)


def test_a_small_input_is_coded_in_this_process(pipeline, monkeypatch) -> None:
    from redshank import workers
    from redshank.model import Document

    def no_pool(*args, **kwargs):
        raise AssertionError("started workers for one batch")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_pool)
    documents = [Document(id="a", text="Iraq asked the United States to bomb militants.")]
    assert [r.document.id for r in replace(pipeline, workers=2).run(documents)] == ["a"]


def test_a_dead_worker_is_a_clear_error(pipeline, monkeypatch) -> None:
    from redshank.model import Document

    parent = os.getpid()
    run_here = Pipeline.run_here

    def dying(self, documents):
        if os.getpid() != parent:
            os._exit(1)  # a worker killed mid-batch (out of memory, say)
        return run_here(self, documents)

    monkeypatch.setattr(Pipeline, "run_here", dying)
    documents = [Document(id=f"d{n}", text="Iraq asked the United States to bomb militants.")
                 for n in range(8)]
    with pytest.raises(WorkerError, match="worker process died"):
        list(replace(pipeline, batch_size=2, workers=2).run(documents))


def test_worker_counts() -> None:
    assert resolve_workers("3") == 3
    assert resolve_workers("auto") >= 1
    for bad in ("0", "-1", "many"):
        with pytest.raises(ConfigError, match="--workers"):
            resolve_workers(bad)


def test_code_command_prints_the_same_events_with_two_workers(tmp_path: Path) -> None:
    def code(workers: str) -> list[dict]:
        done = subprocess.run(
            [sys.executable, "-m", "redshank", "code", str(MERGE_CORPUS), "--workers", workers],
            capture_output=True, text=True, timeout=600,
            env={**os.environ, "REDSHANK_WORKERS": "1"})
        assert done.returncode == 0, done.stderr
        return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]

    one = code("1")
    assert one and code("2") == one


def test_a_bad_worker_count_is_refused_before_loading(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "redshank", "code", "-", "--workers", "none"],
                          input="Iraq asked the United States to bomb militants.",
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "--workers 'none'" in done.stderr


def test_spawned_workers_load_their_own_pipeline(pipeline, monkeypatch) -> None:
    """Where fork is unavailable (macOS, Windows), each worker loads the pipeline."""
    import multiprocessing

    from redshank.model import Document

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    documents = [Document(id=f"d{n}", text=f"Iraq asked the United States to bomb town {n}.")
                 for n in range(6)]
    alone = [[e.event_id for e in r.events] for r in pipeline.run(documents)]
    spawned = replace(pipeline, batch_size=2, workers=2).run(documents)
    assert [[e.event_id for e in r.events] for r in spawned] == alone
