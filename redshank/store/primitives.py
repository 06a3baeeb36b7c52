"""The SQL primitives every store mixin builds on; a backend (SQLStore) implements them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

# DuckDB must never fetch or load extension code on its own (a SQLite file would make it
# try to install the sqlite extension, for one).
CONNECT_CONFIG = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}


def utc_now() -> datetime:
    """Now in UTC as a naive timestamp (the TIMESTAMP columns hold UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


class SQLPrimitives(ABC):
    """Reading, transactions and error conversion, as the store mixins need them.

    Every public store method runs inside one `_operation`, which holds a connection for
    its duration (opened for it unless a session already holds one).
    """

    target: str

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def _insert_frame(self, table: str, columns: Sequence[str],
                      table_rows: Sequence[Sequence[Any]], suffix: str = "") -> None:
        """Insert rows (in `columns` order) with one bulk statement, then `suffix` (an ON
        CONFLICT clause); nothing for no rows."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]: ...

    @abstractmethod
    def _operation(self, action: str) -> AbstractContextManager[None]: ...

    def _column(self, action: str, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The first column of a query's rows, run as one `_operation`."""
        with self._operation(action):
            return [row[0] for row in self._fetch(sql, params)]
