"""Store stage: keep documents, sentences, actors, events, event clusters, positions,
coalitions, failures and runs in a database (the records: redshank/model/).

`open_store` picks the backend from the target: a file path (or ":memory:") is DuckDB, a
postgresql:// URL is PostgreSQL (redshank/store/postgres.py). Query commands open it
`read_only`; a store holds the database only while a call (or a `session()`) runs, so
readers and a writer of a DuckDB file take turns (redshank/store/duckdb.py), while
PostgreSQL readers never wait.
Tables are described in docs/formats.md (clusters: docs/merging.md; positions and
coalitions: docs/positions.md).
"""

from __future__ import annotations

import os

from redshank.errors import ConfigError, StoreError
from redshank.store.base import ClusterQuery, EventQuery, Store
from redshank.store.position_queries import CoalitionQuery, PositionQuery

DEFAULT_TARGET = "redshank.duckdb"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

__all__ = [
    "DEFAULT_TARGET",
    "ClusterQuery",
    "CoalitionQuery",
    "DuckDBStore",
    "EventQuery",
    "PositionQuery",
    "Store",
    "open_store",
    "require_existing",
]


def __getattr__(name: str) -> object:
    """`DuckDBStore`, imported (with DuckDB) when first asked for, so that commands that
    store nothing (`redshank code`) start without loading the database driver."""
    if name == "DuckDBStore":
        from redshank.store.duckdb import DuckDBStore

        return DuckDBStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_store(target: str = DEFAULT_TARGET, *, read_only: bool = False,
               lock_timeout_s: float | None = None) -> Store:
    """Open the store at `target`: a DuckDB file path, ":memory:" or a PostgreSQL URL
    (postgresql://USER@HOST:PORT/DBNAME; needs `pip install 'redshank[postgres]'`).

    A writer creates the schema in a new or empty file and upgrades a database made by an
    older Redshank (after copying it to DB.vN.bak; redshank/store/migrations.py); a
    `read_only` store never changes the file and asks for `redshank migrate` instead.
    Another program's database, a newer schema version and non-DuckDB files are refused
    untouched. While another process holds the file, opening and every later call
    wait up to `lock_timeout_s` (default: $REDSHANK_LOCK_TIMEOUT_S, else 30 s).
    """
    if target.startswith(POSTGRES_SCHEMES):
        try:
            from redshank.store.postgres import PostgresStore
        except ModuleNotFoundError as exc:
            if exc.name != "psycopg":
                raise
            raise StoreError("PostgreSQL stores need psycopg 3; install it with pip install "
                             "'redshank[postgres]'") from exc
        return PostgresStore(target, read_only=read_only, lock_timeout_s=lock_timeout_s)
    if "://" in target:
        scheme = target.split("://", 1)[0]
        raise StoreError(
            f"unknown store type {scheme!r}; pass a DuckDB file path such as {DEFAULT_TARGET}"
            " or a postgresql:// URL"
        )
    from redshank.store.duckdb import DuckDBStore

    return DuckDBStore(target, read_only=read_only, lock_timeout_s=lock_timeout_s)


def require_existing(target: str) -> None:
    """Refuse a database file that does not exist, which opening would create empty."""
    is_file = target != ":memory:" and not target.startswith(POSTGRES_SCHEMES)
    if is_file and not os.path.exists(target):
        raise ConfigError(f"database {target!r} does not exist; run 'redshank ingest' first "
                          "or pass --db")
