"""Serve fixtures: the three seed articles ingested once into a DuckDB file (`seeds_db`),
and an API client over it; `answer_slow_query`, for the time limit of either backend."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from redshank.api import ingest
from redshank.serve.app import create_app
from redshank.store import Store, open_store
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, pipeline) -> str:
    """A DuckDB file holding the three seed articles, ingested, linked and derived; read
    it only."""
    path = str(tmp_path_factory.mktemp("serve") / "seeds.duckdb")
    with open_store(path) as store:
        ingest([str(SEEDS / "manifest.jsonl")], store=store, pipeline=pipeline)
    return path


@pytest.fixture(scope="session")
def client(seeds_db: str, pipeline) -> Iterator[TestClient]:
    """A client of the app over `seeds_db` (coding with the session's pipeline)."""
    with TestClient(create_app(seeds_db, pipeline=pipeline)) as test_client:
        yield test_client


def answer_slow_query(db: str, run: Callable[[Store], Any]
                      ) -> tuple[Any, list[Exception], int]:
    """Ask an app over `db` with a 2 s time limit for a route that reads the store with
    `run` (a statement no filter can make slow enough): its answer, what the statement
    raised once its worker stopped, and the status of /api/stats asked after it."""
    app = create_app(db, query_timeout_s=2.0)
    stopped = threading.Event()
    outcome: list[Exception] = []

    def slow(store: Store) -> None:
        try:
            run(store)
        except Exception as exc:  # DuckDB's InterruptException, PostgreSQL's cancel
            outcome.append(exc)
            raise
        finally:
            stopped.set()

    @app.get("/slow")
    async def slow_route() -> None:
        await app.state.reader(slow)

    with TestClient(app) as client:
        answer = client.get("/slow")
        assert stopped.wait(120), "the slow query was not stopped"
        return answer, outcome, client.get("/api/stats").status_code
