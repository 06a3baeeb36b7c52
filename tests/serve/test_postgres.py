"""The API over a PostgreSQL store: the same answers as over DuckDB for the same articles,
and the time limit cancelling a query. Skipped without $REDSHANK_TEST_POSTGRES_URL (failed
with CI=true), like the PostgreSQL store tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from redshank.api import ingest
from redshank.serve.app import create_app
from redshank.store import Store, open_store
from tests.conftest import SEEDS
from tests.serve.conftest import answer_slow_query
from tests.serve.test_api import all_pages
from tests.store.conftest import postgres_database


@pytest.fixture(scope="module")
def postgres_seeds(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[str]:
    """A PostgreSQL database holding the seed articles, as `seeds_db` does."""
    with postgres_database(tmp_path_factory.mktemp("pg")) as url:
        with open_store(url) as store:
            ingest([str(SEEDS / "manifest.jsonl")], store=store, pipeline=pipeline)
        yield url


@pytest.mark.parametrize(("path", "params"), [
    ("/api/events", {"all": "true", "limit": 4}), ("/api/events", {"merged": "true"}),
    ("/api/positions", {"limit": 3}),
])
def test_pages_are_the_same_as_over_duckdb(postgres_seeds: str, client: TestClient,
                                           path: str, params: dict) -> None:
    with TestClient(create_app(postgres_seeds)) as postgres:
        assert all_pages(postgres, path, **params) == all_pages(client, path, **params)


@pytest.mark.parametrize("path", [
    "/api/stats", "/api/dyads?by=week", "/api/timeline?by=week", "/api/timeline",
    "/api/timeline?by=month&stack=event", "/api/timeline?by=year", "/api/places",
    "/api/places?merged=true&all=true", "/api/places?near=Mosul&within=500&country=IRQ",
    "/api/events?near=33,44&within=0", "/api/coalitions?against=ISIL",
    "/api/events?country=IRQ"])
def test_answers_are_the_same_as_over_duckdb(postgres_seeds: str, client: TestClient,
                                             path: str) -> None:
    with TestClient(create_app(postgres_seeds)) as postgres:
        assert postgres.get(path).json() == client.get(path).json()


def test_a_query_over_the_time_limit_is_cancelled(postgres_seeds: str, tmp_path: Path) -> None:
    def sleep(store: Store) -> None:
        with store._operation("sleep"):  # a query that sleeps in SQL
            store._fetch("SELECT pg_sleep(600)")

    answer, outcome, after = answer_slow_query(postgres_seeds, sleep)
    assert answer.status_code == 503 and answer.json()["code"] == "query_timeout"
    assert "canceling statement" in str(outcome[0])
    assert after == 200
