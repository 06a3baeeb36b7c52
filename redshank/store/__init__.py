"""Store stage: keep documents, sentences, actors, events, event clusters, positions,
coalitions, failures and runs in a database.

`open_store` picks the backend from the target: a file path (or ":memory:") is DuckDB.
Tables are described in docs/formats.md (clusters: docs/merging.md; positions and
coalitions: docs/positions.md).
"""

from __future__ import annotations

from redshank.errors import StoreError
from redshank.store.base import (
    Cluster,
    ClusterMember,
    ClusterQuery,
    EventQuery,
    Run,
    RunCounts,
    Store,
)
from redshank.store.duckdb import DuckDBStore
from redshank.store.position_records import (
    Adversary,
    CoalitionQuery,
    CoalitionSummary,
    Contribution,
    Membership,
    Position,
    PositionQuery,
)

DEFAULT_TARGET = "redshank.duckdb"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

__all__ = [
    "DEFAULT_TARGET",
    "Adversary",
    "Cluster",
    "ClusterMember",
    "ClusterQuery",
    "CoalitionQuery",
    "CoalitionSummary",
    "Contribution",
    "DuckDBStore",
    "EventQuery",
    "Membership",
    "Position",
    "PositionQuery",
    "Run",
    "RunCounts",
    "Store",
    "open_store",
]


def open_store(target: str = DEFAULT_TARGET) -> Store:
    """Open (creating if needed) the store at `target`: a DuckDB file path or ":memory:"."""
    if target.startswith(POSTGRES_SCHEMES):
        raise StoreError(
            "PostgreSQL stores are not supported yet; pass a DuckDB file path such as "
            f"{DEFAULT_TARGET}"
        )
    if "://" in target:
        scheme = target.split("://", 1)[0]
        raise StoreError(
            f"unknown store type {scheme!r}; pass a DuckDB file path such as {DEFAULT_TARGET}"
        )
    return DuckDBStore(target)
