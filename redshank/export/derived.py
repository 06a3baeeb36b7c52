"""Records of positions and coalitions, for the jsonl and parquet exports (records.py).

    positions.*                one Position.to_json() per position
    coalitions.*               CoalitionSummary.to_json() plus `memberships`: every piece
                               of membership evidence (Membership.to_json())
    coalition_contributions.*  one Contribution.to_json() per contribution to a stored
                               coalition (members', organisations' and others')

Each table is (file name, records function, Parquet schema) in `DERIVED_EXPORTS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from redshank.store.base import Store
from redshank.store.position_queries import CoalitionQuery, PositionQuery

_SPAN = 'STRUCT("start" BIGINT, "end" BIGINT)'
_ACTOR = (f"STRUCT(text VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, type VARCHAR,"
          f" id VARCHAR, span {_SPAN}, code VARCHAR, entries VARCHAR[])")
_ADVERSARY = "STRUCT(key VARCHAR, name VARCHAR, code VARCHAR, type VARCHAR, aliases VARCHAR[])"
_MEMBERSHIP = (
    f"STRUCT(membership_id VARCHAR, coalition_id VARCHAR, member VARCHAR,"
    f" member_name VARCHAR, member_type VARCHAR, role VARCHAR, adversary {_ADVERSARY},"
    f" label VARCHAR, date VARCHAR, date_precision VARCHAR, date_start DATE, doc_id VARCHAR,"
    f" sentence_index BIGINT, sentence VARCHAR, trigger VARCHAR, span {_SPAN},"
    f" event_id VARCHAR, published DATE, reasons VARCHAR[], deriver_version VARCHAR)"
)
POSITION_SCHEMA: dict[str, str] = {
    "position_id": "VARCHAR", "holder": "VARCHAR", "holder_name": "VARCHAR",
    "holder_type": "VARCHAR", "topic": "VARCHAR", "stance": "VARCHAR", "hedges": "VARCHAR[]",
    "date": "VARCHAR", "date_precision": "VARCHAR", "date_start": "DATE", "date_end": "DATE",
    "speaker": _ACTOR, "quote": "VARCHAR", "quote_span": _SPAN, "doc_id": "VARCHAR",
    "sentence_index": "BIGINT", "sentence": "VARCHAR", "trigger": "VARCHAR", "span": _SPAN,
    "event_ids": "VARCHAR[]", "event": "VARCHAR", "auxiliary": "VARCHAR",
    "published": "DATE", "reasons": "VARCHAR[]", "deriver_version": "VARCHAR",
}  # fmt: skip
COALITION_SCHEMA: dict[str, str] = {
    "coalition_id": "VARCHAR", "name": "VARCHAR", "adversary": _ADVERSARY,
    "labels": "VARCHAR[]", "leaders": "VARCHAR[]", "members": "VARCHAR[]",
    "first_date": "DATE", "last_date": "DATE", "deriver_version": "VARCHAR",
    "memberships": f"{_MEMBERSHIP}[]",
}  # fmt: skip
CONTRIBUTION_SCHEMA: dict[str, str] = {
    "contribution_id": "VARCHAR", "coalition_id": "VARCHAR", "actor": "VARCHAR",
    "actor_name": "VARCHAR", "actor_type": "VARCHAR", "kind": "VARCHAR", "status": "VARCHAR",
    "hedges": "VARCHAR[]", "date": "VARCHAR", "date_precision": "VARCHAR",
    "date_start": "DATE", "speaker": _ACTOR, "quote": "VARCHAR", "doc_id": "VARCHAR",
    "sentence_index": "BIGINT", "sentence": "VARCHAR", "trigger": "VARCHAR", "span": _SPAN,
    "event_ids": "VARCHAR[]", "position_id": "VARCHAR", "published": "DATE",
    "reasons": "VARCHAR[]", "deriver_version": "VARCHAR",
}  # fmt: skip


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
