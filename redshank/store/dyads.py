"""Counting stored events by dyad (who did what to whom), optionally per month or year,
and the filter values no stored event has.

`DyadMethods` is mixed into `SQLStore`. An event counts once for each distinct pair of an
actor key and a recipient key it has ("the United States and Britain struck Iraq" counts
for USA-IRQ and GBR-IRQ); events without an actor or a recipient are in no dyad. A
`ClusterQuery` counts real-world events (clusters) instead of reports.
"""

from __future__ import annotations

from typing import Any

from redshank.errors import ConfigError
from redshank.model import DyadCount
from redshank.query import ClusterQuery, EventQuery
from redshank.store import filters
from redshank.store.primitives import SQLPrimitives

ACTOR_KEYS = {
    # An actor with no country (an IGO, an unknown group) is shown by code, then name.
    "country": "COALESCE({a}.country, {a}.code, {a}.name)",
    "code": "COALESCE({a}.code, {a}.name)",
}
PERIODS = ("month", "year")


def _period(alias: str, by: str | None) -> tuple[str, str]:
    """The year and month expressions of a timeline (NULL when not asked). An event is
    counted in a month or year only when its dates lie within it: one dated only to 2011
    is listed under "2011" in a monthly timeline, not under January."""
    start, end = f"{alias}.date_start", f"COALESCE({alias}.date_end, {alias}.date_start)"
    year = (f"CASE WHEN EXTRACT(YEAR FROM {start}) = EXTRACT(YEAR FROM {end})"
            f" THEN CAST(EXTRACT(YEAR FROM {start}) AS INTEGER) END")
    month = (f"CASE WHEN date_trunc('month', {start}) = date_trunc('month', {end})"
             f" THEN CAST(EXTRACT(MONTH FROM {start}) AS INTEGER) END")
    if by is None:
        return "CAST(NULL AS INTEGER)", "CAST(NULL AS INTEGER)"
    return year, (month if by == "month" else "CAST(NULL AS INTEGER)")


def _period_label(year: int | None, month: int | None, by: str | None) -> str | None:
    if by is None or year is None:
        return None
    return f"{year:04d}-{month:02d}" if by == "month" and month is not None else f"{year:04d}"


def dyads_sql(query: EventQuery, by_actor: str = "country", by: str | None = None
              ) -> tuple[str, list[Any]]:
    """The SELECT of (actor, recipient, year, month, count) rows for a query."""
    if by_actor not in ACTOR_KEYS:
        raise ConfigError(f"unknown actor key {by_actor!r}; use one of {', '.join(ACTOR_KEYS)}")
    if by is not None and by not in PERIODS:
        raise ConfigError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    if isinstance(query, ClusterQuery):
        conditions, params = filters.cluster_conditions(query, "c")
        source = ("clusters c JOIN cluster_members dm ON dm.cluster_id = c.cluster_id",
                  "dm.event_id", "c")
        counted = "c.cluster_id"
    else:
        conditions, params = filters.event_conditions(query, "e")
        source = ("events e", "e.event_id", "e")
        counted = "e.event_id"
    table, event_id, alias = source
    year, month = _period(alias, by)
    actor = ACTOR_KEYS[by_actor].format(a="da")
    recipient = ACTOR_KEYS[by_actor].format(a="dr")
    sql = (f"SELECT {actor}, {recipient}, {year}, {month}, count(DISTINCT {counted})"
           f" FROM {table}"
           f" JOIN event_actors da ON da.event_id = {event_id} AND da.role = 'actor'"
           f" JOIN event_actors dr ON dr.event_id = {event_id} AND dr.role = 'recipient'"
           f"{filters.where(conditions)} GROUP BY 1, 2, 3, 4")
    return sql, params


class DyadMethods(SQLPrimitives):
    """Store methods that count events by dyad."""

    def count_dyads(self, query: EventQuery, *, by_actor: str = "country",
                    by: str | None = None) -> list[DyadCount]:
        """Events (clusters, for a ClusterQuery) matching `query` per actor-recipient pair,
        keyed by country or full actor code, per month or year if `by` is given; busiest
        first (in time order with `by`). `query.limit` keeps that many rows."""
        sql, params = dyads_sql(query, by_actor, by)
        with self._operation("count dyads"):
            found = self._fetch(sql, params)
        counts = [DyadCount(actor, recipient, _period_label(year, month, by), count)
                  for actor, recipient, year, month, count in found]
        if by is None:
            counts.sort(key=lambda d: (-d.events, d.actor, d.recipient))
        else:
            counts.sort(key=lambda d: (d.period is None, d.period or "", -d.events, d.actor,
                                       d.recipient))
        return counts[: query.limit] if query.limit is not None else counts

    def count_events(self, query: EventQuery, *, dyadic: bool = False) -> int:
        """How many events (clusters, for a ClusterQuery) match `query`, ignoring its
        limit; `dyadic` counts only those with both an actor and a recipient."""
        if isinstance(query, ClusterQuery):
            conditions, params = filters.cluster_conditions(query, "c")
            table, event_id, counted = "clusters c", None, "c.cluster_id"
        else:
            conditions, params = filters.event_conditions(query, "e")
            table, event_id, counted = "events e", "e.event_id", "e.event_id"
        if dyadic:
            members = ("SELECT 1 FROM cluster_members dm JOIN event_actors d ON d.event_id = "
                       "dm.event_id WHERE dm.cluster_id = c.cluster_id AND d.role = ?"
                       if event_id is None else
                       f"SELECT 1 FROM event_actors d WHERE d.event_id = {event_id} "
                       "AND d.role = ?")
            conditions = [*conditions, f"EXISTS ({members})", f"EXISTS ({members})"]
            params = [*params, "actor", "recipient"]
        with self._operation("count events"):
            return self._fetch(f"SELECT count(DISTINCT {counted}) FROM {table}"
                               f"{filters.where(conditions)}", params)[0][0]

    def absent_values(self, query: EventQuery) -> list[str]:
        """The actor, recipient and document values of `query` that no stored event has,
        described ("actor 'ISRR'"), so a typo is not read as "no such events"."""
        absent: list[str] = []
        with self._operation("look up filter values"):
            for role, values in (("actor", query.actors), ("recipient", query.recipients)):
                for value in values:
                    wanted = value.lower()
                    if not self._fetch(
                            "SELECT 1 FROM event_actors a WHERE a.role = ? AND (lower(a.country)"
                            " = ? OR lower(a.code) = ? OR lower(a.actor_id) = ?"
                            " OR lower(a.name) = ?) LIMIT 1", [role, *[wanted] * 4]):
                        absent.append(f"{role} {value!r}")
            for doc_id in query.doc_ids:
                if not self._fetch("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]):
                    absent.append(f"document {doc_id!r}")
        return absent
