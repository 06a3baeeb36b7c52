"""The same events, clusters and positions from one process, two worker processes, a Dask
cluster and each store backend, on 500 Wikinews articles (issue "Every core, a Dask
cluster, and PostgreSQL for a team").

The articles are the first 500 with text in ../shared/data/wikinews (read by the test,
as the seed articles are). Each run ingests them into a fresh store; what is compared is
read back through the Store protocol, so any backend can be compared with any other.
"""

from __future__ import annotations

import json
import os
from dataclasses import astuple, replace
from pathlib import Path

import pytest

from redshank.api import ingest
from redshank.model import Event
from redshank.pipeline import Pipeline
from redshank.query import ClusterQuery, EventQuery
from redshank.store import PositionQuery, Store, open_store
from tests.conftest import SEEDS
from tests.store.conftest import postgres_database

WIKINEWS = Path(os.environ.get("REDSHANK_WIKINEWS",
                               SEEDS.parent / "data" / "wikinews" / "wikinews_2004_2018.jsonl"))
ARTICLES = 500


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not WIKINEWS.exists():
        pytest.skip(f"{WIKINEWS} not found (set REDSHANK_WIKINEWS)")
    records = []
    with WIKINEWS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("text"):
                records.append(record)
            if len(records) == ARTICLES:
                break
    path = tmp_path_factory.mktemp("wikinews") / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _event_key(event: Event) -> tuple:
    place = event.location
    return (event.event_id, event.event, event.mode, event.cameo, event.auxiliary,
            tuple(a.id for a in event.actor), tuple(a.id for a in event.recipient),
            event.date, event.date_start, event.date_end, event.date_precision,
            (place.name, place.lat, place.lon, place.precision) if place else None,
            event.place_scope)


def contents(store: Store) -> dict[str, list]:
    """Events, clusters and positions as comparable tuples, sorted by id."""
    events = store.query_events(EventQuery(include_all=True))
    clusters = store.query_clusters(ClusterQuery(include_all=True))
    positions = store.query_positions(PositionQuery())
    return {
        "events": sorted(_event_key(e) for e in events),
        "clusters": sorted((c.cluster_id, c.event, c.date_start, c.date_end, c.reports,
                            tuple(sorted(m.event_id for m in c.members))) for c in clusters),
        "positions": sorted(astuple(p) for p in positions),
    }


def _run(pipeline: Pipeline, corpus: str, target: str) -> dict[str, list]:
    with open_store(target) as store:
        summary = ingest([corpus], store=store, pipeline=pipeline)
        assert summary.documents == ARTICLES and not summary.failures
        return contents(store)


@pytest.fixture(scope="module")
def one_process(pipeline, corpus, tmp_path_factory) -> dict[str, list]:
    found = _run(pipeline, corpus, str(tmp_path_factory.mktemp("one") / "one.duckdb"))
    assert len(found["events"]) > 1000 and found["clusters"] and found["positions"]
    return found


def test_two_workers(pipeline, corpus, one_process, tmp_path: Path) -> None:
    two = _run(replace(pipeline, workers=2), corpus, str(tmp_path / "two.duckdb"))
    for table, rows in one_process.items():
        assert two[table] == rows, table


def test_dask_local_cluster(pipeline, corpus, one_process, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from redshank.dask_workers import local_cluster

    with local_cluster(2) as cluster:
        dask = _run(replace(pipeline, dask=cluster.scheduler_address), corpus,
                    str(tmp_path / "dask.duckdb"))
    for table, rows in one_process.items():
        assert dask[table] == rows, table


def test_postgres_store(pipeline, corpus, one_process, tmp_path: Path) -> None:
    """Two workers into PostgreSQL (skipped without a server, failed with CI=true)."""
    with postgres_database(tmp_path) as url:
        found = _run(replace(pipeline, workers=2), corpus, url)
    for table, rows in one_process.items():
        assert found[table] == rows, table
