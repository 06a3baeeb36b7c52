"""Records of the cluster tables: events from several reports merged into one real-world
event (docs/merging.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from redshank.model.columns import NO_COLUMN, column
from redshank.model.dates import json_record


@dataclass(slots=True)
class ClusterMember:
    """One report of a clustered event: the event, where it was read, and why it joined.

    `linked_to` is the member event it was found compatible with (None for the first
    member); `reason` says which rules matched.
    """

    event_id: str
    doc_id: str
    sentence_index: int
    published: date | None
    linked_to: str | None = None
    reason: str = ""


@dataclass(slots=True)
class Cluster:
    """Events from one or more documents that report the same real-world event.

    `date_start`/`date_end` is the range every report agrees with; `reports` counts
    documents, `members` lists every supporting event. `auxiliary` is None for events
    reported as having happened, else negated/hypothetical/future (such reports only
    cluster with each other). The id never changes once given (docs/merging.md).
    """

    cluster_id: str
    event: str
    mode: str | None
    auxiliary: str | None
    date_start: date | None
    date_end: date | None
    actors: list[str] = field(metadata=column(name="actor_codes", text=True, nullable=True))
    actor_countries: list[str] = field(metadata=column(text=True, nullable=True))
    recipients: list[str] = field(metadata=column(name="recipient_codes", text=True,
                                                  nullable=True))
    recipient_countries: list[str] = field(metadata=column(text=True, nullable=True))
    location: str | None
    reports: int
    first_published: date | None
    last_published: date | None
    linker_version: str
    members: list[ClusterMember] = field(default_factory=list, metadata=NO_COLUMN)

    def to_json(self) -> dict[str, Any]:
        """The cluster record as documented in docs/merging.md (dates as ISO strings)."""
        return json_record(self)
