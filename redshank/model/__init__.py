"""Typed records: what flows through the pipeline and what the store reads and writes.

    core.py       documents, sentences, actors, dates, places and events (the pipeline's
                  records, and the documents, sentences, actor_mentions, events and
                  failures tables)
    positions.py  positions, coalition memberships, contributions and coalitions
    links.py      event clusters and their members
    runs.py       runs and dyad counts
    dates.py      the one parser and formatter of calendar days at the boundaries (JSON,
                  command line, files)
    columns.py    field metadata saying how a field is kept in its record's table
                  (the tables: redshank/store/tables.py)

Everything is importable from here: `from redshank.model import Event`.
"""

from __future__ import annotations

from redshank.model.core import (
    PLACE_SCOPES,
    Actor,
    ActorType,
    Auxiliary,
    DateMention,
    DatePrecision,
    Document,
    DocumentResult,
    Event,
    Evidence,
    Failure,
    Location,
    Mention,
    PlaceScope,
    Quote,
    ResolvedDate,
    Sentence,
    Span,
    content_hash,
    hash_record,
)
from redshank.model.dates import format_day, parse_day
from redshank.model.links import Cluster, ClusterMember
from redshank.model.positions import (
    MEMBERSHIP_STATUSES,
    STANCES,
    Adversary,
    CoalitionSummary,
    Contribution,
    Membership,
    MembershipStatus,
    Position,
    Stance,
    TroopChange,
)
from redshank.model.runs import FINISHED_RUN_STATUSES, RUN_STATUSES, DyadCount, Run, RunCounts

__all__ = [
    "FINISHED_RUN_STATUSES",
    "MEMBERSHIP_STATUSES",
    "PLACE_SCOPES",
    "RUN_STATUSES",
    "STANCES",
    "Actor",
    "ActorType",
    "Adversary",
    "Auxiliary",
    "Cluster",
    "ClusterMember",
    "CoalitionSummary",
    "Contribution",
    "DateMention",
    "DatePrecision",
    "Document",
    "DocumentResult",
    "DyadCount",
    "Event",
    "Evidence",
    "Failure",
    "Location",
    "Membership",
    "MembershipStatus",
    "Mention",
    "PlaceScope",
    "Position",
    "Quote",
    "ResolvedDate",
    "Run",
    "RunCounts",
    "Sentence",
    "Span",
    "Stance",
    "TroopChange",
    "content_hash",
    "format_day",
    "hash_record",
    "parse_day",
]
