"""`SQLStore`: the Store methods written once in portable SQL over a few backend primitives.

A backend supplies connections: `_operation` (one store operation: it holds a connection
and turns the driver's exceptions into `StoreError`), `_fetch`, `_execute_many`,
`_transaction`, `session` and `close`. The runs table's methods live in
`redshank/store/runs.py`, the cluster tables' in `redshank/store/clusters.py`, the
positions and coalition tables' in `redshank/store/positions.py`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Self

from redshank.errors import StoreError
from redshank.model import Document, DocumentResult, Event, Failure
from redshank.store import filters, rows
from redshank.store.base import EventQuery
from redshank.store.clusters import ClusterMethods
from redshank.store.dyads import DyadMethods
from redshank.store.positions import PositionMethods
from redshank.store.primitives import utc_now
from redshank.store.runs import RunMethods
from redshank.store.schema import SCHEMA, SCHEMA_VERSION, TABLES

_RECORD_FAILURE_SQL = (
    rows.insert_sql("failures", rows.FAILURE_COLUMNS) + " ON CONFLICT (failure_id) DO NOTHING"
)


class SQLStore(RunMethods, ClusterMethods, PositionMethods, DyadMethods, ABC):
    """A Store over any SQL database that speaks the portable subset in schema.py."""

    target: str
    read_only: bool

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows (empty for statements without rows)."""

    @abstractmethod
    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """Commit the statements run inside, or roll them all back on an exception."""

    @abstractmethod
    def _operation(self, action: str) -> AbstractContextManager[None]:
        """Hold a connection for one store operation and turn the driver's exceptions into a
        StoreError naming the database and `action`."""

    @abstractmethod
    def session(self) -> AbstractContextManager[None]:
        """Hold one connection until the block ends (nesting is a no-op)."""

    @abstractmethod
    def close(self) -> None:
        """Release any connection held; the store cannot be used afterwards."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def open_schema(self, *, create: bool) -> None:
        """Check that the database is a Redshank store of this schema version; when `create`
        and the database is empty, create the tables. Anything else is refused untouched."""
        with self._operation("read the schema"):
            tables = {row[0] for row in self._fetch(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_catalog = current_database()")}
            if "schema_version" not in tables:
                if tables:
                    raise StoreError(
                        f"{self.target}: not a Redshank database (it has {len(tables)} tables "
                        "of another program and no schema_version); left unchanged, pass "
                        "another --db")
                if not create:
                    raise StoreError(f"{self.target}: empty database with no Redshank tables; "
                                     "run 'redshank ingest' into it first")
                with self._transaction():
                    for statement in SCHEMA:
                        self._fetch(statement)
                    self._fetch("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                                [SCHEMA_VERSION, utc_now()])
                return
            versions = {row[0] for row in self._fetch("SELECT version FROM schema_version")}
        if versions != {SCHEMA_VERSION}:
            found = ", ".join(str(v) for v in sorted(versions)) or "none"
            raise StoreError(
                f"{self.target}: database schema version {found} does not match this "
                f"Redshank's version {SCHEMA_VERSION}; left unchanged, use a new database "
                "file (re-ingest) or a matching Redshank release")

    def has_content(self, content_hash: str) -> bool:
        """True if a document with exactly this text is stored (the pipeline skips it)."""
        with self._operation("look up a content hash"):
            found = self._fetch("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash])
        return bool(found)

    def save_result(self, result: DocumentResult, run_id: str) -> bool:
        """Upsert a document, replace its sentences, actors and events, and keep its failures.

        Returns False, writing nothing, if the same text is stored under another doc id.
        """
        rows.check_result(result)
        document = result.document
        events = rows.unique_events(result.events)
        event_rows = [rows.event_row(event, run_id) for event in events]
        with self._operation(f"save doc {document.id!r}"), self._transaction():
            if self._fetch(
                "SELECT 1 FROM documents WHERE content_hash = ? AND doc_id <> ?",
                [document.content_hash, document.id],
            ):
                return False
            self._delete_children(document.id)
            self._fetch(
                rows.upsert_sql("documents", rows.DOCUMENT_COLUMNS, ["doc_id"]),
                rows.document_row(document, run_id),
            )
            self._insert("sentences", rows.SENTENCE_COLUMNS, rows.sentence_rows(result))
            self._insert(
                "actor_mentions", rows.ACTOR_MENTION_COLUMNS, rows.actor_mention_rows(result)
            )
            self._insert("events", rows.EVENT_COLUMNS, event_rows)
            self._insert(
                "event_actors",
                rows.EVENT_ACTOR_COLUMNS,
                [row for event in events for row in rows.event_actor_rows(event)],
            )
            for failure in result.failures:
                self._fetch(_RECORD_FAILURE_SQL, rows.failure_row(failure, run_id, utc_now()))
        return True

    def _delete_children(self, doc_id: str) -> None:
        self._fetch(
            "DELETE FROM event_actors WHERE event_id IN"
            " (SELECT event_id FROM events WHERE doc_id = ?)",
            [doc_id],
        )
        for table in ("events", "sentences", "actor_mentions"):
            self._fetch(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])

    def _insert(self, table: str, columns: Sequence[str], table_rows: list[rows.Row]) -> None:
        if table_rows:
            self._execute_many(rows.insert_sql(table, columns), table_rows)

    def record_failure(self, failure: Failure, run_id: str) -> None:
        """Keep a per-document failure of a run (the same failure twice is kept once)."""
        with self._operation(f"record a failure of doc {failure.doc_id!r}"):
            self._fetch(_RECORD_FAILURE_SQL, rows.failure_row(failure, run_id, utc_now()))

    def list_failures(self, run_id: str | None = None) -> list[Failure]:
        """Failures of one run, or of all runs, in the order they were recorded."""
        where, params = (" WHERE run_id = ?", [run_id]) if run_id is not None else ("", [])
        with self._operation("list failures"):
            found = self._fetch(
                f"SELECT doc_id, stage, message, path, line FROM failures{where}"
                " ORDER BY recorded_at, failure_id",
                params,
            )
        return [rows.failure_from_row(row) for row in found]

    def query_events(self, query: EventQuery) -> list[Event]:
        """Events matching `query`, ordered by date_start, doc_id and sentence_index."""
        conditions, params = filters.event_conditions(query, "e")
        limit = f" LIMIT {int(query.limit)}" if query.limit is not None else ""
        sql = (f"SELECT e.record FROM events e{filters.where(conditions)} ORDER BY"
               " e.date_start IS NULL, e.date_start, e.doc_id, e.sentence_index, e.event_id"
               f"{limit}")
        with self._operation("query events"):
            found = self._fetch(sql, params)
        return [rows.event_from_record(row[0]) for row in found]

    def get_event(self, event_id: str) -> Event | None:
        """One event by id, or None."""
        with self._operation(f"read event {event_id!r}"):
            found = self._fetch("SELECT record FROM events WHERE event_id = ?", [event_id])
        return rows.event_from_record(found[0][0]) if found else None

    def get_document(self, doc_id: str) -> Document | None:
        """One document (with its full text) by id, or None."""
        columns = ", ".join(rows.DOCUMENT_COLUMNS)
        with self._operation(f"read doc {doc_id!r}"):
            found = self._fetch(f"SELECT {columns} FROM documents WHERE doc_id = ?", [doc_id])
        return rows.document_from_row(found[0]) if found else None

    def counts(self) -> dict[str, int]:
        """Number of rows in each table except schema_version."""
        with self._operation("count rows"):
            return {
                table: self._fetch(f"SELECT count(*) FROM {table}")[0][0]
                for table in TABLES
                if table != "schema_version"
            }
