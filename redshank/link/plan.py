"""Planning merges: which cluster each new report joins, which clusters merge, which ids.

Candidate pairs (from blocking) that pass the compatibility test are taken best first and
merged with union-find. A merge must also keep the whole cluster consistent: the
clusters' date windows must still share a day and their actor sides must still agree, so
a chain of reports (Monday's shelling ~ an undated report ~ Wednesday's shelling) does not
fuse different events.

Ids never churn: a cluster that already exists keeps its id; a new cluster takes the id of
its earliest report (`cl-` + that event id); when reports join two existing clusters, the
one whose first report was published earliest keeps its id and the other becomes an alias.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from redshank.link.blocking import candidate_pairs
from redshank.link.compatible import (
    compatible,
    match_reason,
    overlaps,
    places_compatible,
    side_compatible,
)
from redshank.link.records import LinkRecord, LinkSettings, Place

CLUSTER_PREFIX = "cl-"
SEED_REASON = "first report"
REJOIN_REASON = "same event id as the report this cluster was named after"


def cluster_id_for(event_id: str) -> str:
    """The id of a cluster first formed around this event."""
    return f"{CLUSTER_PREFIX}{event_id}"


def is_cluster_id(text: str) -> bool:
    """True for cluster ids (event ids are bare hex)."""
    return text.startswith(CLUSTER_PREFIX)


@dataclass(frozen=True, slots=True)
class _Extent:
    """What a growing cluster still allows: its common window, its sides, its place."""

    window: tuple[int, int] | None
    actors: frozenset[str]
    recipients: frozenset[str]
    place: Place | None

    @classmethod
    def of(cls, record: LinkRecord) -> _Extent:
        if record.mutual:
            return cls(record.window, record.participant_keys, frozenset(), record.place)
        return cls(record.window, record.actor_keys, record.recipient_keys, record.place)

    def merge(self, other: _Extent, settings: LinkSettings, *, check: bool = True
              ) -> _Extent | None:
        """The extent of both clusters together, or None if they cannot be one event."""
        window = self.window or other.window
        if self.window is not None and other.window is not None:
            if overlaps(self.window, other.window):
                window = (max(self.window[0], other.window[0]),
                          min(self.window[1], other.window[1]))
            elif check:
                return None
        if check and not (side_compatible(self.actors, other.actors)
                          and side_compatible(self.recipients, other.recipients)
                          and places_compatible(self.place, other.place,
                                                settings.max_distance_km)):
            return None
        return _Extent(window, self.actors | other.actors, self.recipients | other.recipients,
                       self.place or other.place)


@dataclass(slots=True)
class LinkPlan:
    """The outcome of linking new reports.

    `assignments` maps each new event to its cluster; `links` gives, for each new event,
    the event it was matched with (None for a cluster's first report) and why; `aliases`
    maps retired cluster ids to the id that absorbed them; `created` and `changed` list
    new clusters and existing clusters that gained members.
    """

    assignments: dict[str, str] = field(default_factory=dict)
    links: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


class _UnionFind:
    """Union-find over node numbers 0..size-1, with path halving."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, node: int) -> int:
        parent = self.parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node


def plan_links(
    new: Sequence[LinkRecord],
    settings: LinkSettings,
    *,
    known: Sequence[LinkRecord] = (),
    membership: Mapping[str, str] | None = None,
    joined: Mapping[str, str] | None = None,
) -> LinkPlan:
    """Cluster `new` reports among themselves and into the clusters of `known` reports.

    `known` are the stored members of every cluster that a new report might join (all
    members, so each cluster's extent is exact) and `membership` maps them to their
    cluster. `joined` maps new events that must join a given existing cluster (an event
    re-added to the cluster named after it).
    """
    membership = dict(membership or {})
    joined = dict(joined or {})
    records = [*known, *new]
    fixed = len(known)
    # Nodes: one per new report (its index), one per existing cluster (after the reports).
    cluster_ids = sorted({membership[r.event_id] for r in known} | set(joined.values()))
    slot = {cluster_id: len(records) + k for k, cluster_id in enumerate(cluster_ids)}
    node = [slot[membership[r.event_id]] for r in known] + list(range(fixed, len(records)))
    uf = _UnionFind(len(records) + len(cluster_ids))
    extent: list[_Extent | None] = [None] * len(uf.parent)
    for index, record in enumerate(records):
        here, before = _Extent.of(record), extent[node[index]]
        extent[node[index]] = here if before is None else _fold(before, here, settings)
    position = {record.event_id: index for index, record in enumerate(records)}
    for event_id, cluster_id in sorted(joined.items()):
        if extent[slot[cluster_id]] is None:
            extent[slot[cluster_id]] = extent[position[event_id]]
        _join(uf, extent, slot[cluster_id], position[event_id], settings, check=False)

    rank = {event_id: n for n, event_id in enumerate(sorted(position))}
    matches = []
    for i, j in candidate_pairs(records, settings, fixed=fixed):
        match = compatible(records[i], records[j], settings)
        if match is not None:
            first, second = sorted((rank[records[i].event_id], rank[records[j].event_id]))
            matches.append((-match.score, first, second, i, j))
    matches.sort()
    edges: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for _, _, _, i, j in matches:
        if _join(uf, extent, node[i], node[j], settings, check=True):
            reason = match_reason(records[i], records[j])
            edges[i].append((j, reason))
            edges[j].append((i, reason))
    return _assign(records, fixed, node, uf, cluster_ids, edges, joined)


def _fold(cluster: _Extent, member: _Extent, settings: LinkSettings) -> _Extent:
    """A stored cluster's extent grown by one of its members (already merged, no checks)."""
    merged = cluster.merge(member, settings, check=False)
    return merged if merged is not None else cluster


def _join(uf: _UnionFind, extent: list[_Extent | None], a: int, b: int,
          settings: LinkSettings, *, check: bool) -> bool:
    """Merge the clusters of nodes a and b if their extents allow it (or `check` is off)."""
    root_a, root_b = uf.find(a), uf.find(b)
    if root_a == root_b:
        return False
    extent_a, extent_b = extent[root_a], extent[root_b]
    if extent_a is None or extent_b is None:
        raise ValueError(f"node {root_a if extent_a is None else root_b} has no extent")
    both = extent_a.merge(extent_b, settings, check=check)
    if both is None:
        return False
    uf.parent[root_b] = root_a
    extent[root_a] = both
    return True


def _first_published(records: Sequence[LinkRecord]) -> tuple[bool, date]:
    published = [r.published for r in records if r.published is not None]
    return (not published, min(published) if published else date.max)


def _assign(records: list[LinkRecord], fixed: int, node: list[int], uf: _UnionFind,
            cluster_ids: list[str], edges: Mapping[int, list[tuple[int, str]]],
            joined: Mapping[str, str]) -> LinkPlan:
    components: dict[int, list[int]] = defaultdict(list)
    for index in range(len(records)):
        components[uf.find(node[index])].append(index)
    existing: dict[int, list[str]] = defaultdict(list)
    known_by_cluster: dict[str, list[LinkRecord]] = defaultdict(list)
    for k, cluster_id in enumerate(cluster_ids):
        existing[uf.find(len(records) + k)].append(cluster_id)
    for index in range(fixed):
        known_by_cluster[cluster_ids[node[index] - len(records)]].append(records[index])
    plan = LinkPlan()
    for root, members in components.items():
        fresh = [i for i in members if i >= fixed]
        if not fresh:
            continue
        olds = sorted(existing[root],
                      key=lambda cid: (_first_published(known_by_cluster[cid]), cid))
        if olds:
            kept = olds[0]
            plan.aliases.update({old: kept for old in olds[1:]})
            plan.changed.append(kept)
            starts = [i for i in members if i < fixed]
        else:
            seed = min(fresh, key=lambda i: records[i].seed_key)
            kept = cluster_id_for(records[seed].event_id)
            plan.created.append(kept)
            starts = [seed]
            plan.links[records[seed].event_id] = (None, SEED_REASON)
        for index in fresh:
            plan.assignments[records[index].event_id] = kept
            if records[index].event_id in joined:
                plan.links[records[index].event_id] = (None, REJOIN_REASON)
                starts.append(index)
        _orient(records, starts, edges, plan)
    plan.created.sort()
    plan.changed.sort()
    return plan


def _orient(records: list[LinkRecord], starts: list[int],
            edges: Mapping[int, list[tuple[int, str]]], plan: LinkPlan) -> None:
    """Each new member's provenance: the member it was reached from, breadth first."""
    seen = set(starts)
    queue = deque(starts)
    while queue:
        current = queue.popleft()
        for neighbour, reason in sorted(edges.get(current, ()),
                                        key=lambda edge: records[edge[0]].seed_key):
            if neighbour in seen:
                continue
            seen.add(neighbour)
            queue.append(neighbour)
            plan.links.setdefault(records[neighbour].event_id,
                                  (records[current].event_id, reason))
