"""`SQLStore`: the Store methods written once in portable SQL over a few backend primitives.

A backend supplies connections: `_operation` (one store operation: it holds a connection
and turns the driver's exceptions into `StoreError`), `_fetch`, `_insert_frame`,
`_transaction`, `session` and `close`. The runs table's methods live in
`redshank/store/runs.py`, the cluster tables' in `redshank/store/clusters.py`, the
positions and coalition tables' in `redshank/store/positions.py`.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from types import TracebackType
from typing import Any, Self

from redshank.errors import StoreError
from redshank.model import Document, DocumentResult, Event, Failure
from redshank.store import filters, migrations, rows
from redshank.store.base import EventQuery
from redshank.store.clusters import ClusterMethods
from redshank.store.dyads import DyadMethods
from redshank.store.positions import PositionMethods
from redshank.store.primitives import utc_now
from redshank.store.runs import RunMethods
from redshank.store.schema import SCHEMA, SCHEMA_VERSION, TABLES

log = logging.getLogger(__name__)
_UPSERT_DOCUMENTS = rows.upsert_suffix(rows.DOCUMENT_COLUMNS, ["doc_id"])
_RECORD_FAILURE_SQL = (
    rows.insert_sql("failures", rows.FAILURE_COLUMNS) + " ON CONFLICT (failure_id) DO NOTHING"
)


class SQLStore(RunMethods, ClusterMethods, PositionMethods, DyadMethods, ABC):
    """A Store over any SQL database that speaks the portable subset in schema.py.

    `upgraded_from` is the schema version the database had if opening it upgraded it;
    `catalog` reads the backend's catalog for migrations.
    """

    target: str
    read_only: bool
    catalog: migrations.Catalog
    upgraded_from: int | None = None
    _connection: Any = None  # held by a session
    _closed: bool = False

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows (empty for statements without rows)."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """Commit the statements run inside, or roll them all back on an exception."""

    @abstractmethod
    def _operation(self, action: str) -> AbstractContextManager[None]:
        """Hold a connection for one store operation and turn the driver's exceptions into a
        StoreError naming the database and `action`."""

    @abstractmethod
    def _backup(self, version: int) -> str | None:
        """Copy the database (of schema `version`) beside it before an upgrade; return the
        copy's path (None for a database that is not a file)."""

    @abstractmethod
    def _connect(self) -> Any:
        """A new connection to the database (the driver's), or a StoreError."""

    @abstractmethod
    def _close_connection(self, connection: Any) -> None:
        """Close a connection `_connect` made."""

    @abstractmethod
    def _interrupt(self, connection: Any) -> None:
        """Stop the statement running on `connection` (called from another thread)."""

    def interrupt(self) -> bool:
        """Stop the statement this store's session is running, from another thread (a time
        limit): the call running it raises StoreError and the store stays usable. False
        when no connection is held (still waiting to open the database, or idle)."""
        connection = self._connection
        if connection is None:
            return False
        self._interrupt(connection)
        return True

    @contextmanager
    def session(self) -> Iterator[None]:
        """Hold one connection until the block ends, so the calls inside share it (nesting
        is a no-op). What other processes may do meanwhile is the backend's: DuckDB makes
        them wait for a writer's session, PostgreSQL lets them read and write."""
        if self._closed:
            raise StoreError(f"{self.target}: the store is closed")
        if self._connection is not None:
            yield
            return
        self._connection = self._connect()
        try:
            yield
        finally:
            connection, self._connection = self._connection, None
            if connection is not None:
                self._close_connection(connection)

    def _held(self) -> Any:
        """The connection the current session holds."""
        if self._connection is None:
            raise StoreError(f"{self.target}: no connection is held (the store was closed "
                             "during a session)")
        return self._connection

    def close(self) -> None:
        """Release any connection held; the store cannot be used afterwards (closing twice
        is harmless)."""
        self._closed = True
        connection, self._connection = self._connection, None
        if connection is not None:
            self._close_connection(connection)

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
        """Check that the database is a Redshank store of this schema version; when `create`,
        create the tables in an empty database and upgrade one made by an older Redshank
        (after a backup copy). Anything else is refused untouched."""
        with self._operation("read the schema"):
            tables = {row[0] for row in self._fetch(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_catalog = current_database() AND table_schema = current_schema()")}
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
            version = self._schema_version()
        if version == SCHEMA_VERSION:
            return
        problem = migrations.refusal(version)
        if problem is not None:
            raise StoreError(f"{self.target}: {problem}")
        if not create:
            raise StoreError(
                f"{self.target}: database schema version {version} was made by an older "
                f"Redshank (this one uses {SCHEMA_VERSION}); upgrade it with 'redshank "
                f"migrate --db {self.target}' or any command that writes (a copy of the old "
                "file is kept beside it)")
        self._upgrade()

    def _schema_version(self) -> int | None:
        return self._fetch("SELECT max(version) FROM schema_version")[0][0]

    def _upgrade(self) -> None:
        """Back the database up, then run its migrations in one transaction."""
        with self._operation("upgrade the schema"):
            version = self._schema_version()  # another process may have upgraded it
            if version is None or version >= SCHEMA_VERSION:
                return
            backup = self._backup(version)
            with self._transaction():
                migrations.upgrade(self._fetch, version, self.catalog)
        kept = f"; the old database is kept as {backup}" if backup else ""
        self.upgraded_from = version
        log.warning("%s: upgraded from schema version %d to %d%s", self.target, version,
                    SCHEMA_VERSION, kept)

    def has_content(self, content_hash: str) -> bool:
        """True if a document with exactly this text is stored (the pipeline skips it)."""
        with self._operation("look up a content hash"):
            found = self._fetch("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash])
        return bool(found)

    def save_result(self, result: DocumentResult, run_id: str) -> bool:
        """Upsert a document, replace its sentences, actors and events, and keep its failures.

        Returns False, writing nothing, if the same text is stored under another doc id.
        """
        return self.save_results([result], run_id)[0]

    def save_results(self, results: Sequence[DocumentResult], run_id: str, *,
                     unlink: Sequence[str] = ()) -> list[bool]:
        """Save many results as `save_result` does, in one transaction with one bulk insert
        per table; says for each result whether it was saved.

        A saved document's derived rows become pending (derive_pending reads it again), and
        the events in `unlink` (re-coded events that changed) leave their clusters, which
        `prune_clusters` then re-summarises.
        """
        for result in results:
            rows.check_result(result)
        with self._operation(f"save {len(results)} documents"), self._transaction():
            saved = self._unconflicted(results)
            latest = list({r.document.id: r for r, ok in zip(results, saved, strict=True)
                           if ok}.values())
            doc_ids = [result.document.id for result in latest]
            self._delete_children(doc_ids)
            self._ids_where("DELETE FROM derived_documents WHERE doc_id IN ({ids})", doc_ids)
            self._ids_where("DELETE FROM cluster_members WHERE event_id IN ({ids})", unlink)
            self._ids_where("DELETE FROM link_blocks WHERE event_id IN ({ids})", unlink)
            self._insert_frame("documents", rows.DOCUMENT_COLUMNS,
                               [rows.document_row(r.document, run_id) for r in latest],
                               _UPSERT_DOCUMENTS)
            self._insert_frame("sentences", rows.SENTENCE_COLUMNS,
                               [row for r in latest for row in rows.sentence_rows(r)])
            self._insert_frame("actor_mentions", rows.ACTOR_MENTION_COLUMNS,
                               [row for r in latest for row in rows.actor_mention_rows(r)])
            events = [e for r in latest for e in rows.unique_events(r.events)]
            self._insert_frame("events", rows.EVENT_COLUMNS,
                               [rows.event_row(event, run_id) for event in events])
            self._insert_frame("event_actors", rows.EVENT_ACTOR_COLUMNS,
                               [row for event in events for row in rows.event_actor_rows(event)])
            for result in latest:
                for failure in result.failures:
                    self._fetch(_RECORD_FAILURE_SQL, rows.failure_row(failure, run_id, utc_now()))
        return saved

    def _unconflicted(self, results: Sequence[DocumentResult]) -> list[bool]:
        """For each result in order, whether saving it is allowed: its text must not be
        stored (or saved earlier in the batch) under another doc id."""
        hashes = [result.document.content_hash for result in results]
        holder = dict(self._ids_where(
            "SELECT content_hash, doc_id FROM documents WHERE content_hash IN ({ids})", hashes))
        text_of = {doc_id: text for text, doc_id in holder.items()}
        saved = []
        for result in results:
            doc_id, text = result.document.id, result.document.content_hash
            allowed = holder.get(text, doc_id) == doc_id
            if allowed:
                holder.pop(text_of.get(doc_id, text), None)
                holder[text], text_of[doc_id] = doc_id, text
            saved.append(allowed)
        return saved

    def _delete_children(self, doc_ids: Sequence[str]) -> None:
        self._ids_where("DELETE FROM event_actors WHERE event_id IN"
                        " (SELECT event_id FROM events WHERE doc_id IN ({ids}))", doc_ids)
        for table in ("events", "sentences", "actor_mentions"):
            self._ids_where(f"DELETE FROM {table} WHERE doc_id IN ({{ids}})", doc_ids)

    def select_documents(self, doc_ids: Sequence[str] = (), since: date | None = None,
                         until: date | None = None) -> list[str]:
        """Ids of the stored documents among `doc_ids` (all if none) published from `since`
        to `until` (both inclusive; undated documents are left out when either is given),
        sorted."""
        conditions, params = [], []
        if doc_ids:
            conditions.append(f"doc_id IN ({', '.join('?' for _ in doc_ids)})")
            params.extend(doc_ids)
        for bound, operator in ((since, ">="), (until, "<=")):
            if bound is not None:
                conditions.append(f"published {operator} ?")
                params.append(bound)
        return self._column("select documents", "SELECT doc_id FROM documents"
                            f"{filters.where(conditions)} ORDER BY doc_id", params)

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
        """Events matching `query`, ordered by date_start, doc_id, sentence_index and
        event_id (undated last); after `query.after` if given."""
        conditions, params = filters.event_conditions(query, "e")
        page, page_params = filters.after_condition(filters.EVENT_ORDER, query.after)
        limit = f" LIMIT {int(query.limit)}" if query.limit is not None else ""
        sql = (f"SELECT e.record FROM events e{filters.where(conditions + page)} ORDER BY"
               f" e.date_start IS NULL, {', '.join(filters.EVENT_ORDER)}{limit}")
        params += page_params
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
