"""Records of positions and coalitions, for the jsonl and parquet exports (records.py).

    positions.*                one Position.to_json() per position
    coalitions.*               CoalitionSummary.to_json() plus `memberships`: every piece
                               of membership evidence (Membership.to_json())
    coalition_contributions.*  one Contribution.to_json() per contribution to a stored
                               coalition (members', organisations' and others')

Each table is (file name, records function, Parquet schema) in `DERIVED_EXPORTS`; the
schemas are read off the records (redshank/export/fields.py), as the events' are.
`membership-timeline` (redshank/export/timeline.py) is the coalition members over time as
one flat table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from redshank.export.fields import duckdb_schema, struct
from redshank.model import CoalitionSummary, Contribution, Membership, Position
from redshank.store.base import Store
from redshank.store.position_queries import CoalitionQuery, PositionQuery

POSITION_SCHEMA: dict[str, str] = duckdb_schema(Position)
COALITION_SCHEMA: dict[str, str] = {
    **duckdb_schema(CoalitionSummary),
    "memberships": struct(duckdb_schema(Membership)) + "[]",
}
CONTRIBUTION_SCHEMA: dict[str, str] = duckdb_schema(Contribution)


def position_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored position as Position.to_json()."""
    for position in store.query_positions(PositionQuery()):
        yield position.to_json()


def coalition_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored coalition with all its membership evidence."""
    summaries = store.query_coalitions(CoalitionQuery())
    memberships = store.memberships_of([s.coalition_id for s in summaries])
    for summary in summaries:
        record = summary.to_json()
        record["memberships"] = [m.to_json() for m in memberships
                                 if m.coalition_id == summary.coalition_id]
        yield record


def contribution_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every contribution recorded for a stored coalition."""
    ids = [s.coalition_id for s in store.query_coalitions(CoalitionQuery())]
    for contribution in store.contributions_of(ids):
        yield contribution.to_json()


Records = Callable[[Store], Iterator[dict[str, Any]]]
DERIVED_EXPORTS: tuple[tuple[str, Records, dict[str, str]], ...] = (
    ("positions", position_records, POSITION_SCHEMA),
    ("coalitions", coalition_records, COALITION_SCHEMA),
    ("coalition_contributions", contribution_records, CONTRIBUTION_SCHEMA),
)
