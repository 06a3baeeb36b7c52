"""Serve fixtures: the three seed articles ingested once into a DuckDB file (`seeds_db`),
and an API client over it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from redshank.api import ingest
from redshank.serve.app import create_app
from redshank.store import open_store
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
