"""`redshank events --no-inferred` and `--no-inferred-countries`, and the export of the
inferred-country and implied-actor fields (JSON Lines and Parquet)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from redshank.cli import main
from redshank.export import export_store
from redshank.link import link_store
from redshank.store import open_store
from tests.store.conftest import result
from tests.store.test_store_inferred import IMPLIED, NAMED, PLACED, POLICE


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "events.duckdb")
    with open_store(path) as store:
        document = result("a", events=[NAMED, PLACED, IMPLIED])
        document.actors = [*document.actors, POLICE]
        store.save_result(document, "run")
    return path


def listed(capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["events", *args, "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_events_filters_leave_out_implied_actors_and_inferred_countries(db: str, capsys) -> None:
    everything = listed(capsys, "--db", db)
    assert [r["sentence_index"] for r in everything] == [0, 1, 2]
    assert [r["actor_inferred"] for r in everything] == [False, False, True]
    assert everything[1]["actor"][0]["country_from"] == "article"
    named = listed(capsys, "--db", db, "--no-inferred")
    assert [r["sentence_index"] for r in named] == [0, 1]
    dictionary = listed(capsys, "--db", db, "--no-inferred-countries")
    assert [r["sentence_index"] for r in dictionary] == [0, 2]


def test_the_filters_apply_to_merged_clusters_through_their_reports(db: str, capsys) -> None:
    with open_store(db) as store:
        link_store(store)

    def clusters(*flags: str) -> list[list[int]]:
        return sorted(sorted(m["sentence_index"] for m in c["members"])
                      for c in listed(capsys, "--db", db, "--merged", *flags))

    # The two COERCE reports merge: one names its actor but infers its country, the other
    # implies its actor; a cluster is kept when one report passes every filter.
    assert clusters() == [[0], [1, 2]]
    assert clusters("--no-inferred") == [[0], [1, 2]]
    assert clusters("--no-inferred", "--no-inferred-countries") == [[0]]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_carries_country_from_and_actor_inferred(db: str, tmp_path: Path,
                                                        fmt: str) -> None:
    out = tmp_path / "out"
    with open_store(db) as store:
        export_store(store, out, fmt)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in (out / "events.jsonl").open()]
        found = {r["sentence_index"]: (r["actor_inferred"], r["actor"][0]["country_from"])
                 for r in rows}
    else:
        with duckdb.connect() as connection:
            found = dict((i, (inferred, country_from)) for i, inferred, country_from in
                         connection.execute(
                             "SELECT sentence_index, actor_inferred, actor[1].country_from"
                             f" FROM '{out}/events.parquet'").fetchall())
    assert found == {0: (False, None), 1: (False, "article"), 2: (True, None)}
