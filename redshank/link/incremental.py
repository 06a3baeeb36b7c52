"""Linking in batches and into a store: the same planner, with the store's clusters as context.

`link_events` clusters a list of events in memory (no store). `link_new_events` links
events into a store: it compares them only with stored events in the same blocks, loads
the clusters those belong to, and saves the clusters that changed. `relink` is what
ingest calls after saving documents; `link_store` links everything not yet linked (or
rebuilds all clusters).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from redshank.link.blocking import block_keys
from redshank.link.plan import LinkPlan, cluster_id_for, plan_links
from redshank.link.records import LinkRecord, LinkSettings, link_record
from redshank.link.summary import build_cluster, member_of
from redshank.model import Cluster, ClusterMember, Event
from redshank.store.base import Store


@dataclass(slots=True)
class LinkSummary:
    """What a linking run did: events linked, clusters created, grown, retired, repaired."""

    events: int = 0
    created: int = 0
    grown: int = 0
    merged: int = 0
    repaired: int = 0


def link_events(events: Sequence[Event], settings: LinkSettings | None = None) -> list[Cluster]:
    """Cluster events in memory: every event lands in exactly one cluster."""
    settings = settings or LinkSettings()
    unique = list({event.event_id: event for event in events}.values())
    # Records made in date order sit near their block-mates in memory: much faster.
    records = [link_record(event, settings) for event in sorted(unique, key=_date_order)]
    plan = plan_links(records, settings)
    return _clusters(plan, {e.event_id: e for e in unique}, {}, settings)


def _date_order(event: Event) -> tuple[date, str]:
    return (event.date_start or event.published or date.min, event.event_id)


def _clusters(plan: LinkPlan, events: dict[str, Event],
              stored: dict[str, list[ClusterMember]], settings: LinkSettings) -> list[Cluster]:
    """The clusters a plan creates or changes, with stored members carried over."""
    members: dict[str, list[ClusterMember]] = defaultdict(list)
    for cluster_id, old in stored.items():
        kept = plan.aliases.get(cluster_id, cluster_id)
        members[kept].extend(m for m in old if m.event_id in events)
    for event_id, cluster_id in plan.assignments.items():
        linked_to, reason = plan.links[event_id]
        members[cluster_id].append(member_of(events[event_id], linked_to, reason))
    return [build_cluster(cluster_id, members[cluster_id], events, settings)
            for cluster_id in [*plan.changed, *plan.created]]


def link_new_events(store: Store, events: Iterable[Event],
                    settings: LinkSettings | None = None) -> LinkSummary:
    """Link events (already saved in `store`) into its clusters; linked events are skipped.

    Only stored events sharing a block with a new event are compared; the clusters they
    belong to may grow or merge, and keep their ids.
    """
    settings = settings or LinkSettings()
    unique = {event.event_id: event for event in events}
    linked = store.cluster_ids_of(list(unique))
    fresh = [event for event_id, event in unique.items() if event_id not in linked]
    if not fresh:
        return LinkSummary()
    records = [link_record(event, settings) for event in sorted(fresh, key=_date_order)]
    keys = {record.event_id: block_keys(record, settings) for record in records}
    neighbours = store.clusters_in_blocks(sorted({k for ks in keys.values() for k in ks}))
    namesakes = {c.cluster_id for c in store.get_clusters(
        [cluster_id_for(record.event_id) for record in records])}
    stored = store.get_clusters(sorted(set(neighbours) | namesakes))
    known_events = {e.event_id: e for e in store.get_events(
        [m.event_id for cluster in stored for m in cluster.members])}
    known = _known_records(stored, known_events, settings)
    plan = plan_links(
        records, settings, known=[record for record, _ in known],
        membership={record.event_id: cluster_id for record, cluster_id in known},
        joined={r.event_id: cluster_id_for(r.event_id) for r in records
                if cluster_id_for(r.event_id) in namesakes})
    clusters = _clusters(plan, {**known_events, **{e.event_id: e for e in fresh}},
                         {c.cluster_id: c.members for c in stored}, settings)
    store.save_clusters(clusters, plan.aliases, keys)
    return LinkSummary(events=len(fresh), created=len(plan.created), grown=len(plan.changed),
                       merged=len(plan.aliases))


def _known_records(stored: list[Cluster], events: dict[str, Event], settings: LinkSettings
                   ) -> list[tuple[LinkRecord, str]]:
    return [(link_record(events[m.event_id], settings), cluster.cluster_id)
            for cluster in stored for m in cluster.members if m.event_id in events]


def repair_clusters(store: Store, settings: LinkSettings | None = None) -> int:
    """Drop members whose events were replaced (a re-coded document) and re-summarise
    the clusters that lost some; returns how many were re-summarised. Clusters never split."""
    settings = settings or LinkSettings()
    changed = store.get_clusters(store.prune_clusters())
    events = {e.event_id: e for e in store.get_events(
        [m.event_id for cluster in changed for m in cluster.members])}
    store.save_clusters([build_cluster(c.cluster_id, c.members, events, settings)
                         for c in changed])
    return len(changed)


def relink(store: Store, event_ids: Sequence[str],
           settings: LinkSettings | None = None) -> LinkSummary:
    """Bring clusters up to date after documents were saved: call at the end of ingest.

    Repairs clusters whose events were replaced, then links the stored events among
    `event_ids` (ids that are not stored are ignored; linked ones are skipped).
    """
    repaired = repair_clusters(store, settings)
    summary = link_new_events(store, store.get_events(event_ids), settings)
    summary.repaired = repaired
    return summary


def link_store(store: Store, *, rebuild: bool = False,
               settings: LinkSettings | None = None) -> LinkSummary:
    """Link every stored event not yet in a cluster; `rebuild` first drops all clusters
    (ids then come from one batch run and earlier aliases are forgotten)."""
    if rebuild:
        store.clear_clusters()
    return relink(store, store.unlinked_event_ids(), settings)
