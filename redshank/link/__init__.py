"""Link stage: events from different articles that report the same event become one cluster.

    events -> link_record -> block_keys -> candidate pairs -> compatible? -> union-find
           -> clusters (stable ids, aliases) -> store

`link_events` clusters events in memory; `relink(store, event_ids)` links newly stored
events into the store's clusters (ingest calls it); `link_store` links whatever is not
linked yet. Rules, ids and tables: docs/merging.md.
"""

from redshank.link.compatible import Match, compatible, match_reason
from redshank.link.incremental import (
    LinkSummary,
    link_events,
    link_new_events,
    link_store,
    relink,
)
from redshank.link.plan import CLUSTER_PREFIX, cluster_id_for, is_cluster_id
from redshank.link.records import LINKER_VERSION, LinkRecord, LinkSettings, link_record

__all__ = [
    "CLUSTER_PREFIX",
    "LINKER_VERSION",
    "LinkRecord",
    "LinkSettings",
    "LinkSummary",
    "Match",
    "cluster_id_for",
    "compatible",
    "is_cluster_id",
    "link_events",
    "link_new_events",
    "link_record",
    "link_store",
    "match_reason",
    "relink",
]
