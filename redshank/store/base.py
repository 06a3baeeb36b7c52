"""The storage interface every backend implements, and the small records it takes and returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

from redshank.errors import ConfigError
from redshank.model import Document, DocumentResult, Event, Failure

EXCLUDED_AUXILIARIES = ("negated", "hypothetical", "future")


@dataclass(frozen=True, slots=True)
class RunCounts:
    """What one run did: documents coded, skipped as already stored, events, failures."""

    documents: int = 0
    skipped: int = 0
    events: int = 0
    failures: int = 0


@dataclass(frozen=True, slots=True)
class Run:
    """One coding run: when, over which inputs, with which coder, and what it did."""

    run_id: str
    started_at: datetime
    finished_at: datetime | None
    inputs: list[str]
    coder_version: str
    counts: RunCounts


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to return; every filter given must match (all are case-insensitive).

    `actor`/`recipient` match any actor's country, code, id or name exactly. `since` and
    `until` keep events whose date range [date_start, date_end] overlaps them; events with
    no date are dropped when either is given. Negated, hypothetical and future events are
    left out unless `include_all` is set.
    """

    actor: str | None = None
    recipient: str | None = None
    event: str | None = None
    since: date | None = None
    until: date | None = None
    doc_id: str | None = None
    include_all: bool = False
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"limit must be zero or more, got {self.limit}")


@runtime_checkable
class Store(Protocol):
    """Where documents, their sentences, actors, events, failures and runs are kept.

    Writes are upserts keyed by content-derived ids, so saving the same result twice
    changes nothing. Backend errors are raised as `StoreError`.
    """

    target: str

    def start_run(self, inputs: list[str], coder_version: str) -> str:
        """Record the start of a run and return its id."""
        ...

    def finish_run(self, run_id: str, counts: RunCounts) -> None:
        """Record the end of a run and what it did."""
        ...

    def list_runs(self) -> list[Run]:
        """All runs, oldest first."""
        ...

    def has_content(self, content_hash: str) -> bool:
        """True if a document with exactly this text is stored (the pipeline skips it)."""
        ...

    def save_result(self, result: DocumentResult, run_id: str) -> bool:
        """Upsert a document, replace its sentences, actors and events, and keep its failures.

        Returns False, writing nothing, if the same text is stored under another doc id.
        """
        ...

    def record_failure(self, failure: Failure, run_id: str) -> None:
        """Keep a per-document failure of a run."""
        ...

    def query_events(self, query: EventQuery) -> list[Event]:
        """Events matching `query`, ordered by date_start, doc_id and sentence_index."""
        ...

    def get_event(self, event_id: str) -> Event | None:
        """One event by id, or None."""
        ...

    def get_document(self, doc_id: str) -> Document | None:
        """One document (with its full text) by id, or None."""
        ...

    def list_failures(self, run_id: str | None = None) -> list[Failure]:
        """Failures of one run, or of all runs."""
        ...

    def counts(self) -> dict[str, int]:
        """Number of rows in each table: runs, documents, sentences, events, ..."""
        ...

    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
