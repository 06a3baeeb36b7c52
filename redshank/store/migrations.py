"""Numbered schema migrations: a database made by an older Redshank is upgraded in place.

`MIGRATIONS[n]` takes a version-n database to version n+1 with the changes that release
made (`git log -p -- redshank/store/schema.py redshank/store/tables.py redshank/model/`:
the record tables' columns come from the records). `upgrade` runs every step from the
database's version up, then lays each table out exactly as schema.py creates it: a table
whose columns or constraints differ from a new database's (a column added at the end by
ALTER TABLE, where schema.py has it in the middle; no NOT NULL) is rebuilt, and missing
tables and indexes are created (both read the backend's `Catalog`). The caller runs it in
one transaction, after a backup copy, so a failed or interrupted upgrade leaves the version
it started from.

A database older than `OLDEST_VERSION` or newer than `SCHEMA_VERSION` has no path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import duckdb

from redshank.errors import StoreError
from redshank.store.primitives import CONNECT_CONFIG, utc_now
from redshank.store.schema import SCHEMA, SCHEMA_VERSION

Fetch = Callable[..., list[tuple[Any, ...]]]
# table -> (columns as (name, type, nullable, default), constraints), in order.
Layout = dict[str, tuple[list[tuple[Any, ...]], list[str]]]
OLDEST_VERSION = 1
_CREATE_TABLE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+)")


@dataclass(frozen=True, slots=True)
class Migration:
    """The statements that take a database from one schema version to the next."""

    summary: str
    statements: tuple[str, ...]


MIGRATIONS: dict[int, Migration] = {
    1: Migration(
        "runs record their status, PID and host; derived_documents remembers which text "
        "was derived (empty: every document's positions are derived again)",
        ("ALTER TABLE runs ADD COLUMN status TEXT",
         "UPDATE runs SET status = CASE WHEN finished_at IS NULL THEN 'interrupted'"
         " ELSE 'complete' END",
         "ALTER TABLE runs ADD COLUMN pid INTEGER",
         "ALTER TABLE runs ADD COLUMN host TEXT",
         "CREATE TABLE IF NOT EXISTS derived_documents (doc_id TEXT PRIMARY KEY,"
         " content_hash TEXT NOT NULL)"),
    ),
    2: Migration(
        "actors keep where an inferred country came from (country_from), events whether "
        "their actor is implied (actor_inferred: false for events coded before)",
        (  # documents.warnings came with version 2 in a later commit, without a bump
         "ALTER TABLE documents ADD COLUMN IF NOT EXISTS warnings TEXT",
         "ALTER TABLE actor_mentions ADD COLUMN country_from TEXT",
         "ALTER TABLE events ADD COLUMN actor_inferred BOOLEAN",
         "UPDATE events SET actor_inferred = false",
         "ALTER TABLE event_actors ADD COLUMN country_from TEXT"),
    ),
}


def refusal(version: int | None) -> str | None:
    """Why a database of `version` cannot be opened or upgraded, or None if it can."""
    if version is None or version < OLDEST_VERSION:
        found = "none" if version is None else str(version)
        return (f"database schema version {found} cannot be upgraded to this Redshank's "
                f"{SCHEMA_VERSION} (the oldest it upgrades is {OLDEST_VERSION}); left "
                "unchanged, re-ingest into a new database file")
    if version > SCHEMA_VERSION:
        return (f"database schema version {version} is newer than this Redshank's "
                f"({SCHEMA_VERSION}); left unchanged, upgrade Redshank or use another "
                "database file")
    return None


class Catalog(Protocol):
    """What `upgrade` reads from a backend's catalog: DuckDB's below, PostgreSQL's in
    redshank/store/postgres.py."""

    def layout(self, fetch: Fetch) -> Layout:
        """The tables of the store's schema, as `layout` returns them."""

    def new_database_layout(self, fetch: Fetch) -> Layout:
        """The `layout` a new database has (schema.py's tables)."""

    def indexes(self, fetch: Fetch, table: str) -> list[str]:
        """Names of the indexes created on `table` (dropped before it is rebuilt)."""


class DuckDBCatalog:
    """DuckDB's catalog, read with its table functions."""

    def layout(self, fetch: Fetch) -> Layout:
        return layout(fetch)

    def new_database_layout(self, fetch: Fetch) -> Layout:
        return new_database_layout()

    def indexes(self, fetch: Fetch, table: str) -> list[str]:
        return [row[0] for row in fetch("SELECT index_name FROM duckdb_indexes() WHERE"
                                        " table_name = ? AND database_name = current_database()",
                                        [table])]


DUCKDB_CATALOG = DuckDBCatalog()


def upgrade(fetch: Fetch, version: int, catalog: Catalog = DUCKDB_CATALOG) -> None:
    """Run the migrations from `version` to SCHEMA_VERSION, lay the tables out as a new
    database has them, and record each version reached (call inside a transaction)."""
    for step in range(version, SCHEMA_VERSION):
        for statement in MIGRATIONS[step].statements:
            fetch(statement)
        fetch("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
              [step + 1, utc_now()])
    expected = catalog.new_database_layout(fetch)
    for table in sorted(name for name, shape in catalog.layout(fetch).items()
                        if name in expected and shape != expected[name]):
        _rebuild(fetch, table, [column[0] for column in expected[table][0]], catalog)
    for statement in SCHEMA:
        fetch(statement)


def layout(fetch: Fetch) -> Layout:
    """table -> (columns as (name, type, nullable, default), constraints), in order."""
    tables: Layout = {}
    for row in fetch("SELECT table_name, column_name, data_type, is_nullable, column_default"
                     " FROM information_schema.columns WHERE table_schema = 'main'"
                     " AND table_catalog = current_database()"
                     " ORDER BY table_name, ordinal_position"):
        tables.setdefault(row[0], ([], []))[0].append(row[1:])
    for table, constraint in fetch("SELECT table_name, constraint_text FROM"
                                   " duckdb_constraints() WHERE database_name ="
                                   " current_database() ORDER BY ALL"):
        tables.setdefault(table, ([], []))[1].append(constraint)
    return tables


def new_database_layout() -> Layout:
    """The `layout` of a new database, made in memory from schema.py."""
    connection = duckdb.connect(":memory:", config=CONNECT_CONFIG)
    try:
        for statement in SCHEMA:
            connection.execute(statement)
        return layout(lambda sql, params=(): connection.execute(sql, list(params)).fetchall())
    finally:
        connection.close()


def _rebuild(fetch: Fetch, table: str, columns: list[str], catalog: Catalog) -> None:
    """Re-create `table` from schema.py and copy its rows over, column by column."""
    create = next((s for s in SCHEMA if (m := _CREATE_TABLE.search(s)) and m[1] == table), None)
    if create is None:
        raise StoreError(f"table {table!r} is not in this Redshank's schema")
    for index in catalog.indexes(fetch, table):
        fetch(f"DROP INDEX {index}")
    fetch(f"ALTER TABLE {table} RENAME TO {table}_before_upgrade")
    fetch(create)
    names = ", ".join(columns)
    fetch(f"INSERT INTO {table} ({names}) SELECT {names} FROM {table}_before_upgrade")
    fetch(f"DROP TABLE {table}_before_upgrade")
