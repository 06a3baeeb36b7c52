"""`DuckDBStore`: the store in a DuckDB file (or in memory with ":memory:")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb

from redshank.errors import StoreError
from redshank.store.sql import SQLStore

MEMORY = ":memory:"


class DuckDBStore(SQLStore):
    """Documents, events and runs in one DuckDB database; the schema is created on open."""

    def __init__(self, path: str = "redshank.duckdb") -> None:
        self.target = path
        try:
            self._connection = duckdb.connect(path)
        except duckdb.Error as exc:
            raise StoreError(
                f"{path}: cannot open the DuckDB database ({exc}); check the folder exists "
                "and no other process has the file open"
            ) from exc
        self.create_schema()

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self._connection.execute(sql, list(params))
        return cursor.fetchall() if cursor.description else []

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._connection.executemany(sql, [list(row) for row in rows])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._connection.begin()
        try:
            yield
        except BaseException:
            self._connection.rollback()
            raise
        self._connection.commit()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"{self.target}: cannot {action}: {exc}") from exc

    def close(self) -> None:
        """Close the connection (closing twice is harmless)."""
        try:
            self._connection.close()
        except duckdb.Error as exc:
            raise StoreError(f"{self.target}: cannot close the database: {exc}") from exc
