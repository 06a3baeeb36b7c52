"""Records of the runs table, and the dyad counts the store computes over events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from redshank.model.columns import column

RUN_STATUSES = ("running", "complete", "interrupted")
FINISHED_RUN_STATUSES = ("complete", "interrupted")


@dataclass(frozen=True, slots=True)
class RunCounts:
    """What one run did: documents coded, skipped as already stored, events, failures."""

    documents: int = 0
    skipped: int = 0
    events: int = 0
    failures: int = 0


@dataclass(frozen=True, slots=True)
class Run:
    """One coding run: when, over which inputs, with which coder, and what it did.

    `status` is 'running', 'complete' or 'interrupted' (a run whose process died without
    saying so is reported 'interrupted'); `pid` and `host` name the process that ran it.
    """

    run_id: str
    started_at: datetime
    finished_at: datetime | None
    inputs: list[str] = field(metadata=column(text=True))
    coder_version: str
    counts: RunCounts = field(metadata=column(
        parts=("documents", "skipped", "events", "failures"), nullable=True))
    status: str
    pid: int | None = None
    host: str | None = None


@dataclass(frozen=True, slots=True)
class DyadCount:
    """How many events an actor directed at a recipient, in one period if a timeline was
    asked for (`period` "2014", "2014-06" or a day, "2014-06-09", the Monday of a week;
    None for undated events or no timeline), and how many of them were cooperation
    (quads 1-2) and conflict (quads 3-4)."""

    actor: str
    recipient: str
    period: str | None
    events: int
    cooperation: int = 0
    conflict: int = 0
