"""`DuckDBStore`: the store in a DuckDB file (or in memory with ":memory:").

DuckDB lets no other process open a file while one process holds it read-write, so a
file store holds no connection between calls: each call opens one, does its work and
closes it, and `session()` keeps one open across many calls. Every connect retries while
another process holds the file, and gives up after `lock_timeout_s` naming that process.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from redshank.errors import ConfigError, StoreBusy, StoreError
from redshank.store.migrations import DUCKDB_CATALOG
from redshank.store.primitives import CONNECT_CONFIG
from redshank.store.rows import Row
from redshank.store.sql import SQLStore

MEMORY = ":memory:"
LOCK_TIMEOUT_ENV = "REDSHANK_LOCK_TIMEOUT_S"
DEFAULT_LOCK_TIMEOUT_S = 30.0
FIRST_RETRY_S = 0.01
MAX_RETRY_S = 0.5
SQLITE_HEADER = b"SQLite format 3\x00"
DUCKDB_MAGIC = b"DUCK"  # at bytes 8-11 of every DuckDB database file
_LOCK_CONFLICT = re.compile(r"Could not set lock on file")
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


def lock_timeout(value: float | None = None) -> float:
    """Seconds to wait for a locked database: `value`, else $REDSHANK_LOCK_TIMEOUT_S, else 30."""
    source = "lock timeout"
    if value is None:
        raw = os.environ.get(LOCK_TIMEOUT_ENV)
        if raw is None:
            return DEFAULT_LOCK_TIMEOUT_S
        source = f"{LOCK_TIMEOUT_ENV}={raw!r}"
        try:
            value = float(raw)
        except ValueError as exc:
            raise ConfigError(f"{source}: not a number of seconds") from exc
    if not 0 <= value < float("inf"):
        raise ConfigError(f"{source}: must be a finite number of seconds, 0 or more")
    return value


def check_database_file(path: str, *, read_only: bool) -> None:
    """Refuse, before DuckDB reads it, a file that is not a DuckDB database (SQLite, empty,
    anything else), or a missing file when only reading."""
    file = Path(path)
    if not file.exists():
        wal = file.with_name(file.name + ".wal")
        if wal.exists():
            # DuckDB would replay another database's log into the new file
            raise StoreError(f"{path}: database does not exist but its write-ahead log "
                             f"{wal.name} does (left when the database was deleted); delete "
                             f"{wal} too, or pass another file name")
        if read_only:
            raise StoreError(f"{path}: database does not exist; run 'redshank ingest' first "
                             "or pass --db")
        return
    if file.is_dir():
        raise StoreError(f"{path}: is a folder; pass a DuckDB database file")
    try:
        with file.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database file ({exc.strerror}); check its "
                         "permissions") from exc
    if header == SQLITE_HEADER:
        raise StoreError(f"{path}: is a SQLite database, not a DuckDB one; pass a DuckDB "
                         "database file (or a new file name)")
    if not header:
        raise StoreError(f"{path}: is an empty file, not a DuckDB database; delete it or pass "
                         "a new file name")
    if header[8:12] != DUCKDB_MAGIC:
        raise StoreError(f"{path}: is not a DuckDB database file; pass a DuckDB database file "
                         "(or a new file name)")


def _lock_error(path: str, exc: duckdb.Error, waited_s: float) -> StoreBusy:
    holder = _LOCK_HOLDER.search(str(exc))
    who = (f"process {holder['pid']} ({holder['program']})" if holder
           else "another process")
    return StoreBusy(
        f"{path}: database is locked by {who}; gave up after {waited_s:g} s. Wait for it to "
        f"finish, close its connection, or set {LOCK_TIMEOUT_ENV} to wait longer")


class DuckDBStore(SQLStore):
    """Documents, events and runs in one DuckDB database, opened only while in use.

    A new or empty file gets the schema when opened for writing; a read-only store
    changes nothing and works on a file the user cannot write. ":memory:" is always
    writable and keeps its one connection (and its data) until closed.
    """

    catalog = DUCKDB_CATALOG

    def __init__(self, path: str = "redshank.duckdb", *, read_only: bool = False,
                 lock_timeout_s: float | None = None) -> None:
        self.target = path
        self.read_only = read_only and path != MEMORY
        self.lock_timeout_s = lock_timeout(lock_timeout_s)
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._closed = False
        if path == MEMORY:
            self._connection = self._connect()
        else:
            check_database_file(path, read_only=self.read_only)
        self.open_schema(create=not self.read_only)

    def _connect(self) -> duckdb.DuckDBPyConnection:
        """A new connection, retrying with backoff while another process holds the file."""
        started = time.monotonic()
        delay = FIRST_RETRY_S
        while True:
            try:
                return duckdb.connect(self.target, read_only=self.read_only,
                                      config=CONNECT_CONFIG)
            except duckdb.IOException as exc:
                if not _LOCK_CONFLICT.search(str(exc)):
                    raise self._open_error(exc) from exc
                waited = time.monotonic() - started
                if waited >= self.lock_timeout_s:
                    raise _lock_error(self.target, exc, self.lock_timeout_s) from exc
                time.sleep(min(delay, self.lock_timeout_s - waited))
                delay = min(delay * 2, MAX_RETRY_S)
            except duckdb.Error as exc:
                raise self._open_error(exc) from exc

    def _open_error(self, exc: duckdb.Error) -> StoreError:
        if "different configuration" in str(exc):
            return StoreError(f"{self.target}: already open in this process for "
                              f"{'writing' if self.read_only else 'reading only'}; end that "
                              "store's session before opening it again")
        check = ("the file is readable" if self.read_only
                 else "the folder exists and you may write the file")
        return StoreError(f"{self.target}: cannot open the DuckDB database ({exc}); check "
                          f"{check}")

    def _backup(self, version: int) -> str | None:
        """Checkpoint (so the file holds everything) and copy the database to DB.vN.bak
        (DB.vN.1.bak, ... if taken) while holding it, so no other process writes meanwhile."""
        if self.target == MEMORY:
            return None
        self._held().execute("CHECKPOINT")
        backup = Path(f"{self.target}.v{version}.bak")
        copies = 0
        while backup.exists():
            copies += 1
            backup = Path(f"{self.target}.v{version}.{copies}.bak")
        try:
            shutil.copyfile(self.target, backup)
        except OSError as exc:
            raise StoreError(f"{self.target}: cannot keep a copy before upgrading it "
                             f"({exc.strerror}); left unchanged, make room or check the "
                             "folder's permissions") from exc
        return str(backup)

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.session():
            cursor = self._held().execute(sql, list(params))
            return cursor.fetchall() if cursor.description else []

    def _insert_frame(self, table: str, columns: Sequence[str], table_rows: list[Row],
                      suffix: str = "") -> None:
        """One INSERT ... SELECT from the rows as columns of NumPy object arrays registered on
        the connection: DuckDB reads them in bulk, where executemany runs one statement a
        row (and a pandas DataFrame would cost pandas' import, 0.4 s, in every ingest).
        Object columns keep Python's None, dates and ints as they are; the INSERT casts
        them to the table's types."""
        if not table_rows:
            return
        import numpy

        names = ", ".join(columns)
        frame = {}
        for index, column in enumerate(columns):
            values = numpy.empty(len(table_rows), dtype=object)
            values[:] = [row[index] for row in table_rows]
            frame[column] = values
        view = f"redshank_new_{table}"
        with self.session():
            connection = self._held()
            connection.register(view, frame)
            try:
                connection.execute(
                    f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}{suffix}")
            finally:
                connection.unregister(view)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.session():
            connection = self._held()
            connection.begin()
            try:
                yield
            except BaseException:
                connection.rollback()
                raise
            connection.commit()

    @contextmanager
    def _operation(self, action: str) -> Iterator[None]:
        if self._closed:
            raise StoreError(f"{self.target}: cannot {action}: the store is closed")
        try:
            with self.session():
                yield
        except duckdb.Error as exc:
            if self.read_only and "read-only mode" in str(exc):
                raise StoreError(f"{self.target}: cannot {action}: the store was opened "
                                 "read-only") from exc
            raise StoreError(f"{self.target}: cannot {action}: {exc}") from exc

    def _interrupt(self, connection: duckdb.DuckDBPyConnection) -> None:
        connection.interrupt()

    def _close_connection(self, connection: duckdb.DuckDBPyConnection) -> None:
        try:
            connection.close()
        except duckdb.Error as exc:
            raise StoreError(f"{self.target}: cannot close the database: {exc}") from exc

