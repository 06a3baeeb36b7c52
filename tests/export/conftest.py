"""A database of a real ingest (the seed articles and the merge corpus, linked), exported."""

from __future__ import annotations

from pathlib import Path

import pytest

from redshank.cli import main
from tests.conftest import SEEDS

MERGE_CORPUS = Path(__file__).parent.parent / "data" / "merge" / "articles.jsonl"


@pytest.fixture(scope="session")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seeds and the merge corpus (51 articles, several reports per event) ingested."""
    db = str(tmp_path_factory.mktemp("export") / "events.duckdb")
    assert main(["ingest", str(SEEDS / "manifest.jsonl"), str(MERGE_CORPUS), "--db", db]) == 0
    return db


def export(db: str, out: Path, fmt: str, *flags: str) -> Path:
    """Run `redshank export` and return the folder it wrote."""
    assert main(["export", "--db", db, "--format", fmt, "--out", str(out), *flags]) == 0
    return out
