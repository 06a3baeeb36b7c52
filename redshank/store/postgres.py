"""`PostgresStore`: the store in a PostgreSQL database, for a team sharing one server.

`open_store("postgresql://user@host/dbname")` selects it (psycopg 3; `pip install
'redshank[postgres]'`). The tables live in the connection's current schema (`public`
unless the URL sets another: `?options=-csearch_path%3Devents`), so one database can hold
several stores.

Like the DuckDB store it holds a connection only while a call (or a `session()`) runs, so
a store object holds nothing between calls and survives a fork. Connections run in
autocommit mode and every write happens in one explicit transaction: readers in other
sessions see each committed batch and never wait for a writer (PostgreSQL's MVCC).
A read-only store connects with `default_transaction_read_only`, so the server refuses
every write. Messages name the target without its password.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from redshank.errors import StoreBusy, StoreError
from redshank.store import migrations
from redshank.store.duckdb import LOCK_TIMEOUT_ENV, lock_timeout
from redshank.store.rows import Row
from redshank.store.schema import SCHEMA
from redshank.store.sql import SQLStore

DEFAULT_CONNECT_TIMEOUT_S = 10
BACKUP_SCHEMA = "redshank_backup_v{version}"
# Session advisory lock that serialises creating and upgrading the schema ("redshank").
SCHEMA_LOCK_KEY = 0x7265647368616E6B
# What psycopg must not read as a placeholder: string literals, quoted names, comments.
_URL_PASSWORD = re.compile(r"^([a-z]+://[^/@:?#]*):[^@/?#]*@", re.I)
_QUERY_PASSWORD = re.compile(r"(?<=[?&])password=[^&#]*(&|$)", re.I)
_SQL_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|\?|%", re.S)


@functools.lru_cache(maxsize=1024)
def to_pyformat(sql: str) -> str:
    """Portable SQL's `?` placeholders as psycopg's `%s`, with every other `%` doubled
    (psycopg reads `%` anywhere in a query); a `?` inside a string literal, a quoted name or
    a comment stays as it is. Statements run with a parameter list, even an empty one."""
    return _SQL_TOKENS.sub(lambda m: "%s" if m[0] == "?" else m[0].replace("%", "%%"), sql)


def redact(url: str) -> str:
    """`url` without its password (in the user part or as a `password=` parameter); also
    for a URL too malformed to parse."""
    url = _URL_PASSWORD.sub(r"\1@", url, count=1)
    return _QUERY_PASSWORD.sub("", url).rstrip("?&")


def quoted(name: str) -> str:
    """A PostgreSQL identifier in double quotes."""
    return '"' + name.replace('"', '""') + '"'


class PostgresCatalog:
    """How migrations read a PostgreSQL schema's layout (redshank/store/migrations.py)."""

    def layout(self, fetch: migrations.Fetch) -> migrations.Layout:
        tables: migrations.Layout = {}
        for row in fetch("SELECT table_name, column_name, data_type, is_nullable,"
                         " column_default FROM information_schema.columns"
                         " WHERE table_schema = current_schema()"
                         " ORDER BY table_name, ordinal_position"):
            tables.setdefault(row[0], ([], []))[0].append(row[1:])
        for table, constraint in fetch(
                "SELECT t.relname, pg_get_constraintdef(k.oid) FROM pg_constraint k"
                " JOIN pg_class t ON t.oid = k.conrelid"
                " WHERE t.relnamespace = current_schema()::regnamespace ORDER BY 1, 2"):
            tables.setdefault(table, ([], []))[1].append(constraint)
        return tables

    def new_database_layout(self, fetch: migrations.Fetch) -> migrations.Layout:
        """The layout of schema.py's tables, created in a scratch schema inside a savepoint
        that is rolled back (call inside a transaction)."""
        fetch("SAVEPOINT redshank_new_layout")
        try:
            fetch("CREATE SCHEMA redshank_new_layout")
            fetch("SET LOCAL search_path TO redshank_new_layout")
            for statement in SCHEMA:
                fetch(statement)
            return self.layout(fetch)
        finally:
            fetch("ROLLBACK TO SAVEPOINT redshank_new_layout")

    def indexes(self, fetch: migrations.Fetch, table: str) -> list[str]:
        """Indexes created on `table` (not those behind a primary key or UNIQUE)."""
        return [row[0] for row in fetch(
            "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            " JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname = ?"
            " AND t.relnamespace = current_schema()::regnamespace AND NOT EXISTS"
            " (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)"
            " ORDER BY 1", [table])]


POSTGRES_CATALOG = PostgresCatalog()


class PostgresStore(SQLStore):
    """Documents, events and runs in a PostgreSQL database, connected only while in use.

    An empty schema gets the tables when opened for writing; an older one is upgraded
    after its tables are copied into the schema `redshank_backup_vN` (`_1`, `_2`, ... if
    taken). `target` is the URL without its password.
    """

    catalog = POSTGRES_CATALOG

    def __init__(self, url: str, *, read_only: bool = False,
                 lock_timeout_s: float | None = None) -> None:
        self.target = redact(url)
        self.read_only = read_only
        self.lock_timeout_s = lock_timeout(lock_timeout_s)
        self._url = url
        self._connection: psycopg.Connection[Any] | None = None
        self._closed = False
        self._password: str | None = None
        try:
            settings = conninfo_to_dict(url)
        except psycopg.Error as exc:
            raise StoreError(f"{self.target}: not a PostgreSQL URL ({self._clean(exc)}); "
                             "pass postgresql://USER@HOST:PORT/DBNAME") from exc
        self._password = settings.get("password")
        self._where = (f"{settings.get('host') or 'localhost'}:"
                       f"{settings.get('port') or 5432}")
        self._dbname = settings.get("dbname") or settings.get("user") or "postgres"
        options = [settings.get("options") or "",
                   f"-c lock_timeout={max(1, int(self.lock_timeout_s * 1000))}"]
        if read_only:
            options.append("-c default_transaction_read_only=on")
        self._connect_settings: dict[str, Any] = {
            "options": " ".join(option for option in options if option),
            "connect_timeout": settings.get("connect_timeout") or DEFAULT_CONNECT_TIMEOUT_S,
            "application_name": settings.get("application_name") or "redshank",
        }
        self.open_schema(create=not read_only)

    def open_schema(self, *, create: bool) -> None:
        """As SQLStore.open_schema; a writer holds an advisory lock meanwhile, so two
        processes opening a new or old database create or upgrade it once."""
        if not create:
            super().open_schema(create=False)
            return
        with self._operation("lock the schema"):
            # released when this operation's connection closes, whatever happens inside
            self._fetch("SELECT pg_advisory_lock(?)", [SCHEMA_LOCK_KEY])
            super().open_schema(create=True)

    def _clean(self, exc: BaseException) -> str:
        """An exception's message without the password, should the driver echo it."""
        message = str(exc).strip().replace(self._url, self.target)
        return message.replace(self._password, "***") if self._password else message

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(self._url, autocommit=True, **self._connect_settings)
        except psycopg.Error as exc:
            raise self._connect_error(exc) from exc

    def _connect_error(self, exc: psycopg.Error) -> StoreError:
        message = self._clean(exc)
        if re.search(r'database ".*" does not exist', message):
            return StoreError(f"{self.target}: database {self._dbname!r} does not exist on "
                              f"the server at {self._where}; create it (createdb "
                              f"{self._dbname}) or pass another --db")
        if "authentication failed" in message or "no password supplied" in message:
            return StoreError(f"{self.target}: the server at {self._where} refused the user "
                              "name or password; check them (or PGPASSWORD, ~/.pgpass)")
        reason = message.splitlines()[0].rsplit("failed: ", 1)[-1] if message else "no reason"
        return StoreError(f"{self.target}: cannot connect to the PostgreSQL server at "
                          f"{self._where} ({reason}); check that it is running and accepts "
                          "connections from this machine")

    def _backup(self, version: int) -> str | None:
        """Copy every table of the store's schema into a new schema redshank_backup_vN
        (redshank_backup_vN_1, ... if taken) in one transaction, before the upgrade's."""
        taken = {row[0] for row in self._fetch("SELECT nspname FROM pg_namespace")}
        backup = BACKUP_SCHEMA.format(version=version)
        copies = 0
        while backup in taken:
            copies += 1
            backup = f"{BACKUP_SCHEMA.format(version=version)}_{copies}"
        schema = self._fetch("SELECT current_schema()")[0][0]
        tables = [row[0] for row in self._fetch(
            "SELECT table_name FROM information_schema.tables WHERE table_schema ="
            " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")]
        with self._transaction():
            self._fetch(f"CREATE SCHEMA {quoted(backup)}")
            for table in tables:
                self._fetch(f"CREATE TABLE {quoted(backup)}.{quoted(table)} AS"
                            f" TABLE {quoted(schema)}.{quoted(table)}")
        return f"schema {backup}"

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.session(), self._held().cursor() as cursor:
            cursor.execute(to_pyformat(sql), list(params))
            return cursor.fetchall() if cursor.description else []

    def _insert_frame(self, table: str, columns: Sequence[str], table_rows: list[Row],
                      suffix: str = "") -> None:
        """COPY the rows into a temporary table shaped like `columns` of `table`, then one
        INSERT ... SELECT with `suffix` (an ON CONFLICT clause), in one transaction."""
        if not table_rows:
            return
        names = ", ".join(columns)
        staging = f"redshank_new_{table}"
        with self._transaction(), self._held().cursor() as cursor:
            cursor.execute(f"CREATE TEMPORARY TABLE {staging} AS SELECT {names} FROM {table}"
                           " WITH NO DATA")
            with cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
                for row in table_rows:
                    copy.write_row(row)
            cursor.execute(to_pyformat(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging}{suffix}"), [])
            cursor.execute(f"DROP TABLE {staging}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction (a savepoint when nested), committed when the block ends."""
        with self.session(), self._held().transaction():
            yield

    @contextmanager
    def _operation(self, action: str) -> Iterator[None]:
        if self._closed:
            raise StoreError(f"{self.target}: cannot {action}: the store is closed")
        try:
            with self.session():
                yield
        except psycopg.errors.ReadOnlySqlTransaction as exc:
            raise StoreError(f"{self.target}: cannot {action}: the store was opened "
                             "read-only") from exc
        except psycopg.errors.LockNotAvailable as exc:
            raise StoreBusy(
                f"{self.target}: cannot {action}: another session holds a lock it needs; "
                f"gave up after {self.lock_timeout_s:g} s. Wait for it to finish, or set "
                f"{LOCK_TIMEOUT_ENV} to wait longer") from exc
        except psycopg.Error as exc:
            raise StoreError(f"{self.target}: cannot {action}: {self._clean(exc)}") from exc

    def _interrupt(self, connection: psycopg.Connection[Any]) -> None:
        connection.cancel_safe()

    def _close_connection(self, connection: psycopg.Connection[Any]) -> None:
        connection.close()
