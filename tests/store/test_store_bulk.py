"""Bulk writes: `save_results` stores exactly the rows the row-by-row INSERTs of earlier
releases stored, and saves a batch as `save_result` would one document at a time."""

from __future__ import annotations

from pathlib import Path

import duckdb

from redshank.store import Store, open_store
from redshank.store import rows as store_rows
from redshank.store.schema import SCHEMA
from tests.store.conftest import TEXT, event, result

# Every column but the timestamps a write records.
TABLES = {
    "documents": store_rows.DOCUMENT_COLUMNS,
    "sentences": store_rows.SENTENCE_COLUMNS,
    "actor_mentions": store_rows.ACTOR_MENTION_COLUMNS,
    "events": store_rows.EVENT_COLUMNS,
    "event_actors": store_rows.EVENT_ACTOR_COLUMNS,
}


def write_row_by_row(path: str, results: list, run_id: str) -> None:
    """The store write of earlier releases: one executemany INSERT per table and document."""
    connection = duckdb.connect(path)
    try:
        for statement in SCHEMA:
            connection.execute(statement)
        for result in results:
            events = store_rows.unique_events(result.events)
            connection.execute(store_rows.insert_sql("documents", store_rows.DOCUMENT_COLUMNS),
                               list(store_rows.document_row(result.document, run_id)))
            for table, table_rows in (
                    ("sentences", store_rows.sentence_rows(result)),
                    ("actor_mentions", store_rows.actor_mention_rows(result)),
                    ("events", [store_rows.event_row(e, run_id) for e in events]),
                    ("event_actors", [r for e in events for r in store_rows.event_actor_rows(e)])):
                if table_rows:
                    connection.executemany(store_rows.insert_sql(table, TABLES[table]),
                                           [list(row) for row in table_rows])
    finally:
        connection.close()


def stored_rows(path: str) -> dict[str, list[tuple]]:
    connection = duckdb.connect(path, read_only=True)
    try:
        return {table: connection.execute(
                    f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
                for table, columns in TABLES.items()}
    finally:
        connection.close()


def test_bulk_writes_store_the_same_rows_as_row_by_row_inserts(tmp_path: Path,
                                                               seed_results) -> None:
    results = list(seed_results.values())
    old, new = str(tmp_path / "old.duckdb"), str(tmp_path / "new.duckdb")
    write_row_by_row(old, results, "run")
    with open_store(new) as store:
        assert store.save_results(results, "run") == [True] * len(results)
    before = stored_rows(old)
    assert all(before[table] for table in TABLES)
    assert stored_rows(new) == before


def test_a_batch_saves_as_one_document_at_a_time_would(store: Store) -> None:
    store.save_result(result("stored", text=TEXT + " Stored."), "run-1")
    batch = [result("a"),
             result("copy-of-a"),  # the same text as "a", under another id: not saved
             result("stored", text=TEXT + " Replaced.", events=[event("stored", 1)]),
             result("copy-of-old", text=TEXT + " Stored."),  # "stored" no longer has it
             result("a", events=[event("a", 1, "ASSAULT")])]  # the later one wins
    assert store.save_results(batch, "run-2") == [True, False, True, True, True]
    assert sorted(store.document_hashes()) == ["a", "copy-of-old", "stored"]
    assert [e.event for e in store.get_events([event("a", 1, "ASSAULT").event_id])] == [
        "ASSAULT"]
    assert store.get_events([event("a").event_id]) == []
    assert store.counts()["events"] == 3


def test_saving_a_document_makes_its_derivation_pending(store: Store) -> None:
    store.save_result(result("a"), "run")
    assert store.underived_doc_ids() == ["a"]
    store.save_derived({"a": result("a").document.content_hash}, [], [], [])
    assert store.underived_doc_ids() == []
    store.save_result(result("a"), "run-2")  # re-coded from the same text
    assert store.underived_doc_ids() == ["a"]


def test_an_empty_batch_writes_nothing(store: Store) -> None:
    assert store.save_results([], "run") == []
    assert store.counts()["documents"] == 0
