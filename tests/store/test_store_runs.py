"""Runs, failures, counts, schema creation and error conversion."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from redshank.errors import StoreError
from redshank.model import Failure, RunCounts
from redshank.store import DuckDBStore, EventQuery, Store, open_store
from redshank.store.schema import SCHEMA_VERSION
from tests.store.conftest import event, result

BAD_UTF8 = Failure(
    doc_id="a", stage="ingest", message="doc 'a': not UTF-8 at byte 412", path="a.txt"
)
BAD_LINE = Failure(
    doc_id=None, stage="ingest", message="feed.jsonl line 3: malformed JSON", path="feed.jsonl",
    line=3,
)  # fmt: skip


def test_runs_record_inputs_version_times_and_counts(store: Store) -> None:
    before = datetime.now(UTC)
    run_id = store.start_run(["articles/", "-"], "redshank-0.1.0")
    [started] = store.list_runs()
    assert (started.run_id, started.inputs, started.coder_version) == (
        run_id,
        ["articles/", "-"],
        "redshank-0.1.0",
    )
    assert started.finished_at is None
    assert started.started_at >= before.replace(microsecond=0)
    counts = RunCounts(documents=3, skipped=1, events=7, failures=2)
    store.finish_run(run_id, counts)
    [finished] = store.list_runs()
    assert finished.counts == counts
    assert finished.finished_at is not None and finished.finished_at >= finished.started_at


def test_each_run_gets_its_own_id(store: Store) -> None:
    first = store.start_run(["a"], "v")
    second = store.start_run(["a"], "v")
    assert first != second
    assert [run.run_id for run in store.list_runs()] == [first, second]


def test_finishing_an_unknown_run_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no run 'nope'"):
        store.finish_run("nope", RunCounts())


def test_failures_are_listed_per_run_and_kept_once(store: Store) -> None:
    first = store.start_run(["a.txt", "feed.jsonl"], "v")
    second = store.start_run(["a.txt"], "v")
    store.record_failure(BAD_UTF8, first)
    store.record_failure(BAD_LINE, first)
    store.record_failure(BAD_LINE, first)
    store.record_failure(BAD_UTF8, second)
    assert store.list_failures(first) == [BAD_UTF8, BAD_LINE]
    assert store.list_failures(second) == [BAD_UTF8]
    assert len(store.list_failures()) == 3
    assert store.list_failures("unknown") == []


def test_failures_inside_a_saved_result_are_kept(store: Store) -> None:
    coded = result(events=[event()])
    partial = Failure(doc_id="doc-1", stage="where", message="doc 'doc-1': no gazetteer")
    coded.failures = [partial]
    store.save_result(coded, "run")
    assert store.list_failures("run") == [partial]


def test_counts_cover_every_table(store: Store) -> None:
    run_id = store.start_run(["x"], "v")
    store.save_result(result(), run_id)
    store.record_failure(BAD_LINE, run_id)
    assert store.counts() == {
        "runs": 1,
        "documents": 1,
        "sentences": 2,
        "actor_mentions": 3,
        "events": 1,
        "event_actors": 2,
        "failures": 1,
        "clusters": 0,
        "cluster_members": 0,
        "cluster_aliases": 0,
        "link_blocks": 0,
        "positions": 0,
        "coalitions": 0,
        "coalition_members": 0,
        "coalition_contributions": 0,
        "derived_documents": 0,
    }


def test_file_store_keeps_data_across_reopening(tmp_path: Path) -> None:
    target = str(tmp_path / "events.duckdb")
    saved = result()
    with open_store(target) as store:
        store.save_result(saved, "run")
    with open_store(target) as store:
        assert store.get_document("doc-1") == saved.document
        assert store.counts()["events"] == 1
    connection = duckdb.connect(target)
    assert connection.execute("SELECT version FROM schema_version").fetchall() == [
        (SCHEMA_VERSION,)
    ]
    connection.close()


def test_database_from_a_newer_schema_is_refused(tmp_path: Path) -> None:
    target = str(tmp_path / "events.duckdb")
    open_store(target).close()
    connection = duckdb.connect(target)
    connection.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION + 1])
    connection.close()
    with pytest.raises(StoreError, match=re.escape(f"{target}: database schema version")):
        open_store(target)


def test_open_store_picks_duckdb_for_paths_and_memory(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "x.duckdb")) as on_disk, open_store(":memory:") as in_memory:
        assert isinstance(on_disk, DuckDBStore)
        assert isinstance(in_memory, DuckDBStore)
        assert isinstance(on_disk, Store)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("sqlite:///events.db", "unknown store type 'sqlite'"),
    ],
)
def test_unsupported_targets_are_refused(target: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(target)


def test_unopenable_path_is_a_store_error_naming_it(tmp_path: Path) -> None:
    target = str(tmp_path / "no-such-folder" / "events.duckdb")
    with pytest.raises(StoreError, match=re.escape(f"{target}: cannot open")) as info:
        open_store(target)
    assert isinstance(info.value.__cause__, duckdb.Error)


def test_using_a_closed_store_is_a_store_error_naming_the_database(store_target: str) -> None:
    store = open_store(store_target)
    store.close()
    with pytest.raises(StoreError, match=re.escape(f"{store_target}: cannot query events")):
        store.query_events(EventQuery())
