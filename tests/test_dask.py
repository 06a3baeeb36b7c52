"""Coding on a Dask cluster stores exactly what one process stores (redshank/dask_workers.py).

The cluster is a LocalCluster of two single-threaded worker processes, started once for
the module; each worker loads the pipeline on its first batch."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from redshank.api import ingest
from redshank.errors import ConfigError
from redshank.model import Document
from redshank.store import open_store
from tests.conftest import SEEDS
from tests.stored import snapshot

distributed = pytest.importorskip("distributed")

from redshank.dask_workers import local_cluster  # noqa: E402 (needs distributed)

MERGE_CORPUS = Path(__file__).parent / "data" / "merge" / "articles.jsonl"
INPUTS = [str(SEEDS / "manifest.jsonl"), str(MERGE_CORPUS)]
BATCH = 4  # 51 documents in 13 batches, shared out to the two workers


@pytest.fixture(scope="module")
def scheduler():
    with local_cluster(2) as cluster:
        yield cluster.scheduler_address


def test_local_workers_keep_glibc_default_trimming(scheduler) -> None:
    # Dask's default MALLOC_TRIM_THRESHOLD_ makes every parse return memory to the system
    with distributed.Client(scheduler) as client:
        found = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert len(found) == 2 and set(found.values()) == {None}


def test_dask_stores_the_same_rows_as_one_process(pipeline, scheduler, tmp_path: Path
                                                  ) -> None:
    for name, dask in (("one", None), ("dask", scheduler)):
        with open_store(str(tmp_path / f"{name}.duckdb")) as store:
            summary = ingest(INPUTS, store=store,
                             pipeline=replace(pipeline, batch_size=BATCH, dask=dask))
        assert summary.documents == 51 and not summary.failures
    one, dask = snapshot(tmp_path / "one.duckdb"), snapshot(tmp_path / "dask.duckdb")
    assert one["events"] and one["clusters"] and one["positions"]
    assert one.keys() == dask.keys()
    for table in one:
        assert one[table] == dask[table], table


def test_results_come_back_in_input_order(pipeline, scheduler) -> None:
    documents = [Document(id=f"d{n}", text=f"Iraq asked the United States to bomb town {n}.")
                 for n in range(9)]
    results = list(replace(pipeline, batch_size=2, dask=scheduler).run(documents))
    assert [r.document.id for r in results] == [d.id for d in documents]


def test_an_unreachable_scheduler_is_a_clear_error(pipeline, monkeypatch) -> None:
    monkeypatch.setenv("REDSHANK_DASK_TIMEOUT", "1s")
    documents = [Document(id="a", text="Iraq asked the United States to bomb militants.")]
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        list(replace(pipeline, dask="tcp://127.0.0.1:9").run(documents))


def test_the_cli_codes_on_a_local_cluster(tmp_path: Path) -> None:
    db = tmp_path / "local.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "redshank", "ingest", str(SEEDS / "manifest.jsonl"), "--db",
         str(db), "--dask", "local"],
        capture_output=True, text=True, timeout=600, env={**os.environ})
    assert done.returncode == 0, done.stderr
    assert "3 documents coded" in done.stderr
