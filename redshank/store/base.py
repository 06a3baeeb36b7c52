"""The storage interface every backend implements (its records: redshank/model/)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

from redshank.model import (
    Actor,
    Cluster,
    CoalitionSummary,
    Contribution,
    Document,
    DocumentResult,
    DyadCount,
    Event,
    Failure,
    Membership,
    Position,
    Run,
    RunCounts,
    Sentence,
)
from redshank.query import ClusterQuery, EventQuery
from redshank.store.dyads import PlaceCount
from redshank.store.position_queries import CoalitionQuery, PositionQuery


@runtime_checkable
class Store(Protocol):
    """Where documents, their sentences, actors, events, event clusters, positions,
    coalitions, failures and runs are kept.

    Writes are upserts keyed by content-derived ids, so saving the same result twice
    changes nothing. Backend errors are raised as `StoreError`. A store holds no
    connection between calls (other processes can open the database meanwhile) unless
    inside `session()`; a `read_only` store never changes the database.
    """

    target: str
    read_only: bool

    def session(self) -> AbstractContextManager[None]:
        """Hold one connection until the block ends, so the calls inside do not each open
        one (and a writer's batch commits while it holds the database). Nesting is a no-op."""
        ...

    def start_run(self, inputs: list[str], coder_version: str) -> str:
        """Record the start of a run ('running', with this process's PID and host) and
        return its id."""
        ...

    def finish_run(self, run_id: str, counts: RunCounts, status: str = "complete") -> None:
        """Record the end of a run, 'complete' or 'interrupted', and what it did."""
        ...

    def list_runs(self) -> list[Run]:
        """All runs, oldest first; a 'running' run whose process on this host is gone is
        reported 'interrupted'."""
        ...

    def close_stale_runs(self) -> list[str]:
        """Mark 'interrupted' the runs still 'running' whose process on this host is gone,
        and return their ids, oldest first (writers call this before starting a run)."""
        ...

    def has_content(self, content_hash: str) -> bool:
        """True if a document with exactly this text is stored (the pipeline skips it)."""
        ...

    def save_result(self, result: DocumentResult, run_id: str) -> bool:
        """Upsert a document, replace its sentences, actors and events, and keep its failures.

        Returns False, writing nothing, if the same text is stored under another doc id.
        """
        ...

    def save_results(self, results: Sequence[DocumentResult], run_id: str, *,
                     unlink: Sequence[str] = ()) -> list[bool]:
        """Save many results as `save_result` does, in one transaction with bulk inserts;
        says for each whether it was saved. Saved documents are pending derivation again;
        the events in `unlink` leave their clusters (`prune_clusters` re-summarises them)."""
        ...

    def select_documents(self, doc_ids: Sequence[str] = (), since: date | None = None,
                         until: date | None = None) -> list[str]:
        """Ids of the stored documents among `doc_ids` (all if none) published from `since`
        to `until`, sorted."""
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

    def count_events(self, query: EventQuery, *, dyadic: bool = False) -> int:
        """How many events (clusters, for a ClusterQuery) match `query`, ignoring its
        limit; `dyadic` counts only those with both an actor and a recipient."""
        ...

    def absent_values(self, query: EventQuery) -> list[str]:
        """The actor, recipient and document values of `query` that no stored event has,
        described ("actor 'ISRR'")."""
        ...

    def count_dyads(self, query: EventQuery, *, by_actor: str = "country",
                    by: str | None = None) -> list[DyadCount]:
        """Events (clusters, for a ClusterQuery) matching `query` per actor-recipient pair,
        keyed by "country" or full actor "code", per "day", "week", "month" or "year" if
        `by` is given, each split into cooperation and conflict."""
        ...

    def count_timeline(self, query: EventQuery, *, by: str = "day", stack: str = "quad"
                       ) -> list[tuple[date, str, int]]:
        """Dated events (clusters, for a ClusterQuery) per "day", "week", "month" or "year"
        of their start and per "quad" or "event" type: (first day, key, events), in time
        order."""
        ...

    def count_places(self, query: EventQuery) -> tuple[list[PlaceCount], int]:
        """Located events (clusters, for a ClusterQuery) per place, most first, and how
        many are located."""
        ...

    def count_by(self, query: EventQuery, field: str) -> dict[str, int]:
        """How many events matching `query` have each "event" type or "country"."""
        ...

    def date_range(self, query: EventQuery) -> tuple[date | None, date | None]:
        """The first and last date of the events matching `query`."""
        ...

    def get_document(self, doc_id: str) -> Document | None:
        """One document (with its full text) by id, or None."""
        ...

    def list_failures(self, run_id: str | None = None) -> list[Failure]:
        """Failures of one run, or of all runs."""
        ...

    def get_events(self, event_ids: Sequence[str]) -> list[Event]:
        """The stored events among `event_ids`, in the order given (unknown ids are skipped)."""
        ...

    def save_clusters(
        self,
        clusters: Sequence[Cluster],
        aliases: Mapping[str, str] | None = None,
        block_keys: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """Upsert whole clusters with their members, in one transaction.

        Members move out of their old cluster; `aliases` maps retired cluster ids to the
        id that absorbed them; clusters left without members are deleted. `block_keys`
        replaces the blocking keys of the events it names (event_id -> keys).
        """
        ...

    def clusters_in_blocks(self, block_keys: Sequence[str]) -> list[str]:
        """Ids of the clusters with a member event in any of `block_keys`, sorted."""
        ...

    def cluster_ids_of(self, event_ids: Sequence[str]) -> dict[str, str]:
        """event_id -> cluster_id for the events among `event_ids` that are clustered."""
        ...

    def get_cluster(self, cluster_id: str) -> Cluster | None:
        """One cluster with its members by id or retired alias, or None."""
        ...

    def get_clusters(self, cluster_ids: Sequence[str]) -> list[Cluster]:
        """The stored clusters among `cluster_ids` (ids, not aliases), in the order given."""
        ...

    def query_clusters(self, query: ClusterQuery) -> list[Cluster]:
        """Clusters matching `query`, ordered by date_start and cluster_id."""
        ...

    def cluster_aliases(self, cluster_id: str) -> list[str]:
        """Retired ids that now resolve to `cluster_id`."""
        ...

    def unlinked_event_ids(self) -> list[str]:
        """Stored events that belong to no cluster yet, in storage order."""
        ...

    def prune_clusters(self) -> list[str]:
        """Drop members whose events are gone; return ids of clusters that lost members
        since they were summarised (events gone, or unlinked by a re-code).

        Clusters left empty are deleted (and not returned).
        """
        ...

    def clear_clusters(self) -> None:
        """Delete every cluster, member, alias and blocking key."""
        ...

    def get_sentences(self, doc_id: str) -> list[Sentence]:
        """The stored sentences of a document, in order."""
        ...

    def get_actor_mentions(self, doc_id: str) -> list[Actor]:
        """The actors found in a document, in the order they were found."""
        ...

    def document_hashes(self, doc_ids: Sequence[str] | None = None) -> dict[str, str]:
        """doc_id -> content hash of the stored documents (all, or those in `doc_ids`)."""
        ...

    def save_derived(self, documents: Mapping[str, str], positions: Sequence[Position],
                     memberships: Sequence[Membership], contributions: Sequence[Contribution]
                     ) -> list[str]:
        """Replace the positions, memberships and contributions read from `documents`
        (doc_id -> content hash), in one transaction, and record those documents as
        derived from that text; returns the coalition ids touched."""
        ...

    def underived_doc_ids(self) -> list[str]:
        """Stored documents not derived from their current text (never derived, derived
        from a text since re-coded, or cleared), sorted."""
        ...

    def coalition_ids(self) -> list[str]:
        """Ids of every coalition with a summary, a membership or a contribution, sorted."""
        ...

    def prune_derived(self) -> list[str]:
        """Drop derived rows of documents that are gone or re-coded; returns the coalition
        ids that lost rows."""
        ...

    def clear_derived(self) -> None:
        """Delete every position, membership, contribution and coalition, and forget
        which documents were derived."""
        ...

    def save_coalitions(self, coalitions: Sequence[CoalitionSummary],
                        deleted: Sequence[str] = ()) -> None:
        """Upsert coalition summaries and delete the coalitions in `deleted`."""
        ...

    def query_positions(self, query: PositionQuery) -> list[Position]:
        """Positions matching `query`, ordered by date, publication, document and sentence."""
        ...

    def count_positions(self, query: PositionQuery) -> int:
        """How many positions match `query`, ignoring its limit and `after`."""
        ...

    def query_coalitions(self, query: CoalitionQuery) -> list[CoalitionSummary]:
        """Coalitions matching `query`, oldest first."""
        ...

    def memberships_of(self, coalition_ids: Sequence[str]) -> list[Membership]:
        """Membership evidence of the coalitions in `coalition_ids`, oldest first."""
        ...

    def contributions_of(self, coalition_ids: Sequence[str]) -> list[Contribution]:
        """Contributions recorded for the coalitions in `coalition_ids`, oldest first."""
        ...

    def counts(self) -> dict[str, int]:
        """Number of rows in each table: runs, documents, sentences, events, ..."""
        ...

    def interrupt(self) -> bool:
        """Stop the statement this store's session is running, from another thread; False
        when no connection is held."""
        ...

    def close(self) -> None:
        """Release any connection held; the store cannot be used afterwards."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
