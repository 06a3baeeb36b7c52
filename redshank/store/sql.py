"""`SQLStore`: the Store methods written once in portable SQL over a few backend primitives.

A backend supplies a connection: `_fetch`, `_execute_many`, `_transaction`, `_errors`
(which turns the driver's exceptions into `StoreError`) and `close`. The cluster tables'
methods live in `redshank/store/clusters.py`, the positions and coalition tables' in
`redshank/store/positions.py`.
"""

from __future__ import annotations

import json
import uuid
from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from redshank.errors import StoreError
from redshank.model import Document, DocumentResult, Event, Failure
from redshank.store import rows
from redshank.store.base import EventQuery, Run, RunCounts
from redshank.store.clusters import ClusterMethods
from redshank.store.positions import PositionMethods
from redshank.store.schema import SCHEMA, SCHEMA_VERSION, TABLES

_RECORD_FAILURE_SQL = (
    rows.insert_sql("failures", rows.FAILURE_COLUMNS) + " ON CONFLICT (failure_id) DO NOTHING"
)


def _utc_now() -> datetime:
    """Now in UTC as a naive timestamp (the TIMESTAMP columns hold UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _as_utc(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None else None


class SQLStore(ClusterMethods, PositionMethods, ABC):
    """A Store over any SQL database that speaks the portable subset in schema.py."""

    target: str

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
    def _errors(self, action: str) -> AbstractContextManager[None]:
        """Turn the driver's exceptions into a StoreError naming the database and `action`."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def create_schema(self) -> None:
        """Create missing tables and check the schema version (safe to run on every open)."""
        with self._errors("create the schema"), self._transaction():
            for statement in SCHEMA:
                self._fetch(statement)
            versions = [row[0] for row in self._fetch("SELECT version FROM schema_version")]
            if not versions:
                self._fetch(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    [SCHEMA_VERSION, _utc_now()],
                )
            elif max(versions) != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.target}: database schema version {max(versions)} does not match "
                    f"this Redshank's version {SCHEMA_VERSION}; use a new database file or a "
                    "matching Redshank release"
                )

    def start_run(self, inputs: list[str], coder_version: str) -> str:
        """Record the start of a run and return its id."""
        run_id = uuid.uuid4().hex[:16]
        with self._errors("start a run"):
            self._fetch(
                "INSERT INTO runs (run_id, started_at, inputs, coder_version) VALUES (?, ?, ?, ?)",
                [run_id, _utc_now(), json.dumps(inputs, ensure_ascii=False), coder_version],
            )
        return run_id

    def finish_run(self, run_id: str, counts: RunCounts) -> None:
        """Record the end of a run and what it did."""
        with self._errors(f"finish run {run_id!r}"), self._transaction():
            if not self._fetch("SELECT 1 FROM runs WHERE run_id = ?", [run_id]):
                raise StoreError(f"{self.target}: no run {run_id!r} to finish")
            self._fetch(
                "UPDATE runs SET finished_at = ?, documents = ?, skipped = ?, events = ?,"
                " failures = ? WHERE run_id = ?",
                [
                    _utc_now(),
                    counts.documents,
                    counts.skipped,
                    counts.events,
                    counts.failures,
                    run_id,
                ],
            )

    def list_runs(self) -> list[Run]:
        """All runs, oldest first."""
        with self._errors("list runs"):
            found = self._fetch(
                "SELECT run_id, started_at, finished_at, inputs, coder_version, documents,"
                " skipped, events, failures FROM runs ORDER BY started_at, run_id"
            )
        return [
            Run(
                run_id=row[0],
                started_at=row[1].replace(tzinfo=UTC),
                finished_at=_as_utc(row[2]),
                inputs=json.loads(row[3]),
                coder_version=row[4],
                counts=RunCounts(*(count or 0 for count in row[5:9])),
            )
            for row in found
        ]

    def has_content(self, content_hash: str) -> bool:
        """True if a document with exactly this text is stored (the pipeline skips it)."""
        with self._errors("look up a content hash"):
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
        with self._errors(f"save doc {document.id!r}"), self._transaction():
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
                self._fetch(_RECORD_FAILURE_SQL, rows.failure_row(failure, run_id, _utc_now()))
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
        with self._errors(f"record a failure of doc {failure.doc_id!r}"):
            self._fetch(_RECORD_FAILURE_SQL, rows.failure_row(failure, run_id, _utc_now()))

    def list_failures(self, run_id: str | None = None) -> list[Failure]:
        """Failures of one run, or of all runs, in the order they were recorded."""
        where, params = (" WHERE run_id = ?", [run_id]) if run_id is not None else ("", [])
        with self._errors("list failures"):
            found = self._fetch(
                f"SELECT doc_id, stage, message, path, line FROM failures{where}"
                " ORDER BY recorded_at, failure_id",
                params,
            )
        return [rows.failure_from_row(row) for row in found]

    def query_events(self, query: EventQuery) -> list[Event]:
        """Events matching `query`, ordered by date_start, doc_id and sentence_index."""
        sql, params = rows.select_events_sql(query)
        with self._errors("query events"):
            found = self._fetch(sql, params)
        return [rows.event_from_record(row[0]) for row in found]

    def get_event(self, event_id: str) -> Event | None:
        """One event by id, or None."""
        with self._errors(f"read event {event_id!r}"):
            found = self._fetch("SELECT record FROM events WHERE event_id = ?", [event_id])
        return rows.event_from_record(found[0][0]) if found else None

    def get_document(self, doc_id: str) -> Document | None:
        """One document (with its full text) by id, or None."""
        columns = ", ".join(rows.DOCUMENT_COLUMNS)
        with self._errors(f"read doc {doc_id!r}"):
            found = self._fetch(f"SELECT {columns} FROM documents WHERE doc_id = ?", [doc_id])
        return rows.document_from_row(found[0]) if found else None

    def counts(self) -> dict[str, int]:
        """Number of rows in each table except schema_version."""
        with self._errors("count rows"):
            return {
                table: self._fetch(f"SELECT count(*) FROM {table}")[0][0]
                for table in TABLES
                if table != "schema_version"
            }
