"""A cluster's summary row, computed from its member events.

The summary is what most reports say: the most reported event type (ties go to the
earliest report) and its most reported mode, actors and recipients by how many reports
name them, the date range every report agrees with, and the publication span.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from redshank.errors import StoreError
from redshank.link.records import FACTUAL, LINKER_VERSION, LinkSettings, status_of, window_of
from redshank.model import Actor, Cluster, ClusterMember, Event

# A cluster's location comes from the reports that placed it nearest (Event.place_scope;
# None: placed by its sentence, as before scopes were recorded).
SCOPE_RANK = {None: 0, "sentence": 0, "paragraph": 1, "document": 2}


def member_of(event: Event, linked_to: str | None, reason: str) -> ClusterMember:
    """The member record of an event with the provenance of its link."""
    return ClusterMember(event_id=event.event_id, doc_id=event.doc_id,
                         sentence_index=event.sentence_index,
                         published=event.published, linked_to=linked_to, reason=reason)


def build_cluster(cluster_id: str, members: Sequence[ClusterMember],
                  events: Mapping[str, Event], settings: LinkSettings) -> Cluster:
    """The cluster of these members, summarised from their events (all must be given)."""
    missing = [m.event_id for m in members if m.event_id not in events]
    if missing or not members:
        raise StoreError(f"cluster {cluster_id!r}: member events {missing} are not stored; "
                         "run 'redshank link --rebuild'")
    ordered = sorted(members, key=lambda m: (m.published is None, m.published or date.min,
                                             m.doc_id, m.sentence_index, m.event_id))
    reports = [events[m.event_id] for m in ordered]
    kind = _most_common(e.event for e in reports) or reports[0].event
    status = status_of(reports[0])
    start, end = _agreed_dates(reports, settings)
    published = sorted(e.published for e in reports if e.published is not None)
    located = [e for e in reports if e.location is not None]
    nearest = min((SCOPE_RANK.get(e.place_scope, 0) for e in located), default=0)
    locations = [e.location.name for e in located if SCOPE_RANK.get(e.place_scope, 0) == nearest]
    return Cluster(
        cluster_id=cluster_id,
        event=kind,
        mode=_most_common(e.mode for e in reports if e.event == kind and e.mode),
        auxiliary=None if status == FACTUAL else status,
        date_start=start,
        date_end=end,
        actors=_ranked(_label(a) for e in reports for a in _distinct(e.actor)),
        actor_countries=_ranked(a.country for e in reports for a in _distinct(e.actor)
                                if a.country),
        recipients=_ranked(_label(a) for e in reports for a in _distinct(e.recipient)),
        recipient_countries=_ranked(a.country for e in reports for a in _distinct(e.recipient)
                                    if a.country),
        location=_most_common(locations),
        reports=len({e.doc_id for e in reports}),
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        linker_version=LINKER_VERSION,
        members=ordered,
    )


def _agreed_dates(reports: Sequence[Event], settings: LinkSettings
                  ) -> tuple[date | None, date | None]:
    """The days every report allows; a lone unlinkable report keeps its own dates."""
    windows = [w for w in (window_of(e, settings) for e in reports) if w is not None]
    if not windows:
        return reports[0].date_start, reports[0].date_end
    start, end = max(w[0] for w in windows), min(w[1] for w in windows)
    if start > end:
        start, end = min(w[0] for w in windows), max(w[1] for w in windows)
    return date.fromordinal(start), date.fromordinal(end)


def _label(actor: Actor) -> str:
    return actor.code or actor.country or actor.name


def _distinct(actors: list[Actor]) -> list[Actor]:
    """An event's actors without repeats (a report counts once per actor)."""
    return list({_label(a): a for a in actors}.values())


def _ranked(values: Iterable[str]) -> list[str]:
    """Distinct values, most frequent first, ties in order of first appearance."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return sorted(counts, key=counts.__getitem__, reverse=True)


def _most_common(values: Iterable[str | None]) -> str | None:
    ranked = _ranked(v for v in values if v)
    return ranked[0] if ranked else None
