"""The record tables are derived from the records: the derived schema is exactly the DDL of
its version (tests/store/data/schema_v3.sql: the hand-written DDL it replaced), a field
added to a record becomes a column of its table, and the row writers write every column.

A field added to a stored record changes the schema: the first test then fails until
SCHEMA_VERSION is bumped with a migration and the new version's DDL is kept as
schema_v{N}.sql."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from redshank.errors import StoreError
from redshank.model import Event, Failure
from redshank.model.columns import NO_COLUMN
from redshank.store import clusters, open_store, positions, rows, runs
from redshank.store.migrations import layout, new_database_layout
from redshank.store.schema import SCHEMA, SCHEMA_VERSION, TABLES
from redshank.store.tables import RECORD_TABLES, RecordTable, record_columns, record_table
from tests.store.conftest import event, result
from tests.store.test_migrations import old_database

DATA = Path(__file__).parent / "data"
CURRENT = DATA / f"schema_v{SCHEMA_VERSION}.sql"


def _statements(sql: str) -> list[str]:
    """The statements of an SQL file, comments dropped and whitespace collapsed."""
    text = re.sub(r"^--.*$", "", sql, flags=re.M)
    return [" ".join(s.split()) for s in text.split(";") if s.strip()]


def _layout_of(path: Path) -> dict[str, Any]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return layout(lambda sql, params=(): connection.execute(sql, params).fetchall())


@pytest.fixture(scope="module")
def current_layout(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The catalog of a database made by the DDL kept for the current schema version."""
    path = tmp_path_factory.mktemp("current") / "current.duckdb"
    with duckdb.connect(str(path)) as connection:
        for statement in _statements(CURRENT.read_text()):
            connection.execute(statement)
    return _layout_of(path)


def test_the_derived_schema_is_the_ddl_kept_for_its_version() -> None:
    assert [" ".join(s.split()) for s in SCHEMA] == _statements(CURRENT.read_text())


def test_a_new_database_has_the_columns_types_and_constraints_kept_for_its_version(
        current_layout: dict[str, Any]) -> None:
    fresh = new_database_layout()
    assert fresh == current_layout
    assert set(fresh) == set(TABLES)
    events_columns, events_constraints = fresh["events"]
    assert ("date_start", "DATE", "YES", None) in events_columns
    assert ("actor_inferred", "BOOLEAN", "NO", None) in events_columns
    assert "PRIMARY KEY(event_id)" in events_constraints


def test_a_version_2_database_upgraded_in_place_has_the_current_layout(
        tmp_path: Path, current_layout: dict[str, Any]) -> None:
    path = old_database(tmp_path / "v2.duckdb", 2)
    with open_store(str(path)) as store:
        assert store.upgraded_from == 2
    assert _layout_of(path) == current_layout


def test_every_record_table_is_in_the_schema_and_keys_its_rows() -> None:
    derived = {table.name for table in RECORD_TABLES}
    assert derived <= set(TABLES)
    assert set(TABLES) - derived == {"schema_version", "event_actors", "cluster_aliases",
                                     "link_blocks", "derived_documents"}
    for table in RECORD_TABLES:
        assert set(table.key) <= set(table.column_names), table.name
        assert len(set(table.column_names)) == len(table.column_names), table.name


def _extended(*fields: tuple[Any, ...]) -> type:
    return dataclasses.make_dataclass("ExtendedEvent", list(fields), bases=(Event,), slots=True)


def test_a_field_added_to_a_record_becomes_a_column_of_its_table() -> None:
    extended = _extended(("urgency", int | None, dataclasses.field(default=None)),
                         ("analyst", str, dataclasses.field(default="")),
                         ("notes", list[str], dataclasses.field(default_factory=list,
                                                                metadata=NO_COLUMN)))
    table = dataclasses.replace(record_table("events"), record=extended)
    assert table.column_names == (*record_table("events").column_names, "urgency", "analyst")
    assert table.create_sql().endswith("    record TEXT NOT NULL,\n    urgency INTEGER,\n"
                                       "    analyst TEXT NOT NULL\n)")


def test_a_field_without_an_sql_type_must_say_how_it_is_kept() -> None:
    extended = _extended(("tags", list[str], dataclasses.field(default_factory=list)))
    with pytest.raises(StoreError, match=re.escape(
            "ExtendedEvent.tags: no SQL type for list[str]; give the field metadata=NO_COLUMN")):
        record_columns(extended)


def test_a_table_naming_a_column_it_does_not_have_is_refused() -> None:
    table = RecordTable("failures", Failure, key=("failure_id",), order=("failure_id",))
    with pytest.raises(StoreError, match=r"table failures: columns \['failure_id'\]"):
        table.create_sql()


@pytest.mark.parametrize(("table", "written"), [
    ("documents", rows.DOCUMENT_COLUMNS),
    ("sentences", rows.SENTENCE_COLUMNS),
    ("actor_mentions", rows.ACTOR_MENTION_COLUMNS),
    ("events", rows.EVENT_COLUMNS),
    ("failures", rows.FAILURE_COLUMNS),
    ("clusters", clusters.CLUSTER_COLUMNS),
    ("cluster_members", clusters.MEMBER_COLUMNS),
    ("positions", positions.POSITION_COLUMNS),
    ("coalitions", positions.COALITION_COLUMNS),
    ("coalition_members", positions.MEMBERSHIP_COLUMNS),
    ("coalition_contributions", positions.CONTRIBUTION_COLUMNS),
    ("runs", tuple(runs._RUN_COLUMNS.split(", "))),
])
def test_the_row_writers_write_every_column_of_their_table(table: str,
                                                           written: tuple[str, ...]) -> None:
    assert written == record_table(table).column_names


def test_a_row_has_one_value_per_column() -> None:
    coded = result(events=[event()])
    now = datetime.now(UTC).replace(tzinfo=None)
    assert len(rows.document_row(coded.document, "run")) == len(rows.DOCUMENT_COLUMNS)
    assert {len(row) for row in rows.sentence_rows(coded)} == {len(rows.SENTENCE_COLUMNS)}
    assert {len(row) for row in rows.actor_mention_rows(coded)} == {
        len(rows.ACTOR_MENTION_COLUMNS)}
    assert len(rows.event_row(event(), "run")) == len(rows.EVENT_COLUMNS)
    assert len(rows.failure_row(Failure(None, "parse", "boom"), "run", now)) == len(
        rows.FAILURE_COLUMNS)
