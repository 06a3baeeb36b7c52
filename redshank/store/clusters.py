"""Event-cluster tables: the Store methods for clusters, members, aliases and blocking keys.

`ClusterMethods` is mixed into `SQLStore`; it uses the same backend primitives (`_fetch`,
`_transaction`, `_operation`) and portable SQL. Long id lists are sent in chunks, and many
rows are inserted with multi-row VALUES (much faster than one statement per row).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from redshank.model import Cluster, ClusterMember, Event
from redshank.store import filters, rows
from redshank.store.base import ClusterQuery
from redshank.store.primitives import SQLPrimitives, utc_now

CHUNK_ROWS = 500

CLUSTER_COLUMNS = (
    "cluster_id", "event", "mode", "auxiliary", "date_start", "date_end",
    "actor_codes", "actor_countries", "recipient_codes", "recipient_countries", "location",
    "reports", "events", "first_published", "last_published", "linker_version",
    "updated_at",
)  # fmt: skip
MEMBER_COLUMNS = (
    "event_id", "cluster_id", "doc_id", "sentence_index", "published", "linked_to", "reason",
)  # fmt: skip
_SELECT_CLUSTER = f"SELECT {', '.join(f'c.{c}' for c in CLUSTER_COLUMNS)} FROM clusters c"
_SELECT_MEMBERS = f"SELECT {', '.join(MEMBER_COLUMNS)} FROM cluster_members"
_MEMBER_ORDER = " ORDER BY published IS NULL, published, doc_id, sentence_index, event_id"


def _chunks(items: Sequence[Any], size: int = CHUNK_ROWS) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _marks(count: int) -> str:
    return ", ".join("?" for _ in range(count))


def _joined(values: Sequence[str]) -> str | None:
    return rows.LIST_SEPARATOR.join(values) or None


def _split(value: str | None) -> list[str]:
    return value.split(rows.LIST_SEPARATOR) if value else []


def cluster_row(cluster: Cluster, updated_at: datetime) -> rows.Row:
    """The clusters row of a cluster (lists joined with "; " as in the events table)."""
    return (
        cluster.cluster_id, cluster.event, cluster.mode, cluster.auxiliary,
        cluster.date_start, cluster.date_end,
        _joined(cluster.actors), _joined(cluster.actor_countries),
        _joined(cluster.recipients), _joined(cluster.recipient_countries), cluster.location,
        cluster.reports, len(cluster.members), cluster.first_published,
        cluster.last_published, cluster.linker_version, updated_at,
    )  # fmt: skip


def member_row(cluster_id: str, member: ClusterMember) -> rows.Row:
    """The cluster_members row of one member."""
    return (member.event_id, cluster_id, member.doc_id, member.sentence_index, member.published,
            member.linked_to, member.reason)


def cluster_from_row(row: rows.Row, members: list[ClusterMember]) -> Cluster:
    """A cluster rebuilt from a clusters row (CLUSTER_COLUMNS order) and its members."""
    return Cluster(
        cluster_id=row[0], event=row[1], mode=row[2], auxiliary=row[3],
        date_start=row[4], date_end=row[5],
        actors=_split(row[6]), actor_countries=_split(row[7]),
        recipients=_split(row[8]), recipient_countries=_split(row[9]), location=row[10],
        reports=row[11], first_published=row[13], last_published=row[14],
        linker_version=row[15], members=members,
    )  # fmt: skip


def member_from_row(row: rows.Row) -> ClusterMember:
    """A member rebuilt from a cluster_members row (MEMBER_COLUMNS order)."""
    return ClusterMember(event_id=row[0], doc_id=row[2], sentence_index=row[3],
                         published=row[4], linked_to=row[5], reason=row[6])


def select_clusters_sql(query: ClusterQuery) -> tuple[str, list[Any]]:
    """The SELECT of cluster rows for a query, and its parameters."""
    conditions, params = filters.cluster_conditions(query, "c")
    page, page_params = filters.after_condition(filters.CLUSTER_ORDER, query.after)
    limit = f" LIMIT {int(query.limit)}" if query.limit is not None else ""
    sql = (f"{_SELECT_CLUSTER}{filters.where(conditions + page)} ORDER BY"
           f" c.date_start IS NULL, {', '.join(filters.CLUSTER_ORDER)}{limit}")
    return sql, params + page_params


class ClusterMethods(SQLPrimitives):
    """Store methods for the cluster tables, over the SQL primitives SQLStore declares."""

    def _ids_where(self, sql: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """Run `sql` (with one `{ids}` placeholder list) over `ids` in chunks."""
        found: list[tuple[Any, ...]] = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            found.extend(self._fetch(sql.format(ids=_marks(len(chunk))), list(chunk)))
        return found

    def get_events(self, event_ids: Sequence[str]) -> list[Event]:
        """The stored events among `event_ids`, in the order given (unknown ids are skipped)."""
        with self._operation("read events"):
            found = self._ids_where(
                "SELECT event_id, record FROM events WHERE event_id IN ({ids})", event_ids)
        by_id = {row[0]: row[1] for row in found}
        return [rows.event_from_record(by_id[i]) for i in dict.fromkeys(event_ids) if i in by_id]

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
        aliases = dict(aliases or {})
        block_keys = dict(block_keys or {})
        now = utc_now()
        cluster_ids = [cluster.cluster_id for cluster in clusters]
        member_rows = [member_row(c.cluster_id, m) for c in clusters for m in c.members]
        event_ids = [row[0] for row in member_rows]
        key_rows = sorted({(key, event_id) for event_id, keys in block_keys.items()
                           for key in keys})
        with self._operation(f"save {len(clusters)} clusters"), self._transaction():
            losing = {row[0] for row in self._ids_where(
                "SELECT DISTINCT cluster_id FROM cluster_members WHERE event_id IN ({ids})",
                event_ids)}
            losing.update(aliases)
            self._ids_where("DELETE FROM cluster_members WHERE cluster_id IN ({ids})",
                            cluster_ids)
            self._ids_where("DELETE FROM cluster_members WHERE event_id IN ({ids})", event_ids)
            self._ids_where("DELETE FROM clusters WHERE cluster_id IN ({ids})", cluster_ids)
            self._insert_frame("clusters", CLUSTER_COLUMNS,
                              [cluster_row(cluster, now) for cluster in clusters])
            self._insert_frame("cluster_members", MEMBER_COLUMNS, member_rows)
            for alias, kept in sorted(aliases.items()):
                self._fetch("UPDATE cluster_aliases SET cluster_id = ? WHERE cluster_id = ?",
                            [kept, alias])
                self._fetch("DELETE FROM cluster_aliases WHERE alias = ?", [alias])
                self._fetch("INSERT INTO cluster_aliases (alias, cluster_id, retired_at)"
                            " VALUES (?, ?, ?)", [alias, kept, now])
            self._delete_empty(sorted(losing - set(cluster_ids)))
            self._ids_where("DELETE FROM link_blocks WHERE event_id IN ({ids})",
                            list(block_keys))
            self._insert_frame("link_blocks", ("block_key", "event_id"), key_rows)

    def _delete_empty(self, cluster_ids: Sequence[str]) -> None:
        self._ids_where(
            "DELETE FROM clusters WHERE cluster_id IN ({ids}) AND NOT EXISTS"
            " (SELECT 1 FROM cluster_members m WHERE m.cluster_id = clusters.cluster_id)",
            cluster_ids)

    def clusters_in_blocks(self, block_keys: Sequence[str]) -> list[str]:
        """Ids of the clusters with a member event in any of `block_keys`, sorted."""
        with self._operation("find clusters by blocking key"):
            found = self._ids_where(
                "SELECT DISTINCT m.cluster_id FROM link_blocks b"
                " JOIN cluster_members m ON m.event_id = b.event_id"
                " WHERE b.block_key IN ({ids})", block_keys)
        return sorted({row[0] for row in found})

    def cluster_ids_of(self, event_ids: Sequence[str]) -> dict[str, str]:
        """event_id -> cluster_id for the events among `event_ids` that are clustered."""
        with self._operation("look up event clusters"):
            found = self._ids_where(
                "SELECT event_id, cluster_id FROM cluster_members WHERE event_id IN ({ids})",
                event_ids)
        return dict(found)

    def get_clusters(self, cluster_ids: Sequence[str]) -> list[Cluster]:
        """The stored clusters among `cluster_ids` (ids, not aliases), in the order given."""
        with self._operation("read clusters"):
            found = self._ids_where(f"{_SELECT_CLUSTER} WHERE c.cluster_id IN ({{ids}})",
                                    cluster_ids)
            return self._with_members(found, order=list(cluster_ids))

    def _with_members(self, cluster_rows: list[tuple[Any, ...]],
                      order: list[str] | None = None) -> list[Cluster]:
        ids = [row[0] for row in cluster_rows]
        members: dict[str, list[ClusterMember]] = {i: [] for i in ids}
        for row in self._ids_where(
                f"{_SELECT_MEMBERS} WHERE cluster_id IN ({{ids}}){_MEMBER_ORDER}", ids):
            members[row[1]].append(member_from_row(row))
        for group in members.values():
            group.sort(key=lambda m: (m.published is None, m.published, m.doc_id,
                                      m.sentence_index, m.event_id))
        by_id = {row[0]: cluster_from_row(row, members[row[0]]) for row in cluster_rows}
        keys = order if order is not None else ids
        return [by_id[i] for i in dict.fromkeys(keys) if i in by_id]

    def get_cluster(self, cluster_id: str) -> Cluster | None:
        """One cluster with its members by id or retired alias, or None."""
        with self._operation(f"read cluster {cluster_id!r}"):
            alias = self._fetch("SELECT cluster_id FROM cluster_aliases WHERE alias = ?",
                                [cluster_id])
        found = self.get_clusters([alias[0][0] if alias else cluster_id])
        return found[0] if found else None

    def query_clusters(self, query: ClusterQuery) -> list[Cluster]:
        """Clusters matching `query`, ordered by date_start and cluster_id."""
        sql, params = select_clusters_sql(query)
        with self._operation("query clusters"):
            return self._with_members(self._fetch(sql, params))

    def cluster_aliases(self, cluster_id: str) -> list[str]:
        """Retired ids that now resolve to `cluster_id`."""
        return self._column(
            f"read aliases of cluster {cluster_id!r}",
            "SELECT alias FROM cluster_aliases WHERE cluster_id = ? ORDER BY alias",
            [cluster_id])

    def unlinked_event_ids(self) -> list[str]:
        """Stored events that belong to no cluster yet, in storage order."""
        return self._column(
            "list unlinked events",
            "SELECT e.event_id FROM events e WHERE NOT EXISTS"
            " (SELECT 1 FROM cluster_members m WHERE m.event_id = e.event_id)"
            " ORDER BY e.doc_id, e.sentence_index, e.event_id")

    def prune_clusters(self) -> list[str]:
        """Drop members whose events are gone; return ids of clusters that lost members
        since they were summarised (events gone, or unlinked by a re-code).

        Clusters left empty are deleted (and not returned).
        """
        gone = "NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = {table}.event_id)"
        with self._operation("prune clusters"), self._transaction():
            affected = [row[0] for row in self._fetch(
                "SELECT cluster_id FROM cluster_members WHERE "
                + gone.format(table="cluster_members")
                + " UNION SELECT c.cluster_id FROM clusters c WHERE c.events <> (SELECT"
                " count(*) FROM cluster_members m WHERE m.cluster_id = c.cluster_id)"
                " ORDER BY cluster_id")]
            if not affected:
                return []
            self._fetch("DELETE FROM cluster_members WHERE " + gone.format(table="cluster_members"))
            self._fetch("DELETE FROM link_blocks WHERE " + gone.format(table="link_blocks"))
            self._delete_empty(affected)
            self._fetch("DELETE FROM cluster_aliases WHERE NOT EXISTS (SELECT 1 FROM clusters c"
                        " WHERE c.cluster_id = cluster_aliases.cluster_id)")
            kept = {row[0] for row in self._ids_where(
                "SELECT cluster_id FROM clusters WHERE cluster_id IN ({ids})", affected)}
        return [cluster_id for cluster_id in affected if cluster_id in kept]

    def clear_clusters(self) -> None:
        """Delete every cluster, member, alias and blocking key."""
        with self._operation("clear clusters"), self._transaction():
            for table in ("cluster_members", "clusters", "cluster_aliases", "link_blocks"):
                self._fetch(f"DELETE FROM {table}")
