"""Counting stored events: by dyad (who did what to whom, optionally per day, week, month
or year), over time, by place, by type or country; and the filter values no stored event
has.

`DyadMethods` is mixed into `SQLStore`. An event counts once for each distinct pair of an
actor key and a recipient key it has ("the United States and Britain struck Iraq" counts
for USA-IRQ and GBR-IRQ); events without an actor or a recipient are in no dyad. A
`ClusterQuery` counts real-world events (clusters) instead of reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
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
# Periods from finest to coarsest: an event is counted in the finest of them, from the one
# asked for, that holds all its dates.
PERIODS = ("day", "week", "month", "year")
# Quads 1-2 (verbal and material cooperation) and 3-4 (verbal and material conflict).
COOPERATION_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)
STACKS = ("quad", "event")
QUADS = (1, 2, 3, 4)
PLACE_FIELDS = ("name", "country", "lat", "lon", "precision")


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """The events (clusters, for a ClusterQuery) located at one place, the reports of them
    (articles per real-world event: the distinct documents of each cluster, an unlinked
    event counting as its own cluster) and the events of each quad (1-4)."""

    name: str
    country: str | None
    lat: float
    lon: float
    precision: str
    events: int
    reports: int
    quads: dict[int, int]


def check_period(by: str | None, allowed: tuple[str, ...] = PERIODS) -> None:
    if by is not None and by not in allowed:
        raise ConfigError(f"unknown period {by!r}; use one of {', '.join(allowed)}")


def _period(alias: str, by: str | None) -> tuple[str, str]:
    """The unit and first-day expressions of the period an event is counted in (NULL when
    not asked, or when its dates span even a year). An event dated only to 2011 is listed
    under "2011" in a monthly timeline, not under January."""
    if by is None:
        return "CAST(NULL AS VARCHAR)", "CAST(NULL AS DATE)"
    start, end = f"{alias}.date_start", f"COALESCE({alias}.date_end, {alias}.date_start)"
    units, days = [], []
    for unit in PERIODS[PERIODS.index(by):]:
        within = f"date_trunc('{unit}', {start}) = date_trunc('{unit}', {end})"
        units.append(f"WHEN {within} THEN '{unit}'")
        days.append(f"WHEN {within} THEN CAST(date_trunc('{unit}', {start}) AS DATE)")
    return f"CASE {' '.join(units)} END", f"CASE {' '.join(days)} END"


def _period_label(unit: str | None, first_day: date | None) -> str | None:
    """2014, 2014-06, or the day (of a week: its Monday) as YYYY-MM-DD."""
    if unit is None or first_day is None:
        return None
    return {"year": f"{first_day:%Y}", "month": f"{first_day:%Y-%m}"}.get(
        unit, first_day.isoformat())


def _quads(quads: tuple[int, ...]) -> str:
    return ", ".join(str(quad) for quad in quads)


def _source(query: EventQuery) -> tuple[str, str, str, str, list[Any], list[str]]:
    """FROM, the event id and quad columns, what is counted, and the WHERE conditions and
    parameters: reports, or clusters (through their members) for a ClusterQuery."""
    if isinstance(query, ClusterQuery):
        conditions, params = filters.cluster_conditions(query, "c")
        return ("clusters c JOIN cluster_members dm ON dm.cluster_id = c.cluster_id"
                " JOIN events de ON de.event_id = dm.event_id", "dm.event_id", "c",
                "c.cluster_id", params, conditions)
    conditions, params = filters.event_conditions(query, "e")
    return "events e", "e.event_id", "e", "e.event_id", params, conditions


def dyads_sql(query: EventQuery, by_actor: str = "country", by: str | None = None
              ) -> tuple[str, list[Any]]:
    """The SELECT of (actor, recipient, unit, first day, events, cooperation, conflict)
    rows for a query."""
    if by_actor not in ACTOR_KEYS:
        raise ConfigError(f"unknown actor key {by_actor!r}; use one of {', '.join(ACTOR_KEYS)}")
    check_period(by)
    table, event_id, alias, counted, params, conditions = _source(query)
    quad = "de.quad" if isinstance(query, ClusterQuery) else "e.quad"
    unit, first_day = _period(alias, by)
    actor = ACTOR_KEYS[by_actor].format(a="da")
    recipient = ACTOR_KEYS[by_actor].format(a="dr")
    sql = (f"SELECT {actor}, {recipient}, {unit}, {first_day}, count(DISTINCT {counted}),"
           f" count(DISTINCT CASE WHEN {quad} IN ({_quads(COOPERATION_QUADS)})"
           f" THEN {counted} END),"
           f" count(DISTINCT CASE WHEN {quad} IN ({_quads(CONFLICT_QUADS)})"
           f" THEN {counted} END)"
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
        keyed by country or full actor code, per day, week, month or year if `by` is
        given; busiest first (in time order with `by`). `query.limit` keeps that many rows.
        Each count is split into cooperation (quads 1-2) and conflict (quads 3-4)."""
        sql, params = dyads_sql(query, by_actor, by)
        with self._operation("count dyads"):
            found = self._fetch(sql, params)
        counts = [DyadCount(actor, recipient, _period_label(unit, first_day), count,
                            cooperation, conflict)
                  for actor, recipient, unit, first_day, count, cooperation, conflict in found]
        if by is None:
            counts.sort(key=lambda d: (-d.events, d.actor, d.recipient))
        else:
            counts.sort(key=lambda d: (d.period is None, d.period or "", -d.events, d.actor,
                                       d.recipient))
        return counts[: query.limit] if query.limit is not None else counts

    def count_timeline(self, query: EventQuery, *, by: str = "day", stack: str = "quad"
                       ) -> list[tuple[date, str, int]]:
        """Dated events (clusters, for a ClusterQuery) matching `query` per day, week (its
        Monday), month or year of their date_start, and per quad ("1".."4") or PLOVER type:
        (first day, key, events) rows in time order."""
        check_period(by)
        if stack not in STACKS:
            raise ConfigError(f"unknown stack {stack!r}; use one of {', '.join(STACKS)}")
        table, _event_id, alias, counted, params, conditions = _source(query)
        events = "de" if isinstance(query, ClusterQuery) else "e"
        key = (f"CAST({events}.quad AS VARCHAR)" if stack == "quad"
               else f"upper({events}.event)")
        day = f"CAST(date_trunc('{by}', {alias}.date_start) AS DATE)"
        sql = (f"SELECT {day}, {key}, count(DISTINCT {counted}) FROM {table}"
               f"{filters.where([*conditions, f'{alias}.date_start IS NOT NULL'])}"
               " GROUP BY 1, 2 ORDER BY 1, 2")
        with self._operation("count events over time"):
            return [(first, str(found), count)
                    for first, found, count in self._fetch(sql, params)]

    def count_places(self, query: EventQuery) -> tuple[list[PlaceCount], int]:
        """Events (clusters, for a ClusterQuery) matching `query` per place they are located
        at (name, country, coordinates and precision), most events first; and how many
        matching events are located at all (a cluster once, wherever its reports put it)."""
        table, event_id, _alias, counted, params, conditions = _source(query)
        events = "de" if isinstance(query, ClusterQuery) else "e"
        if isinstance(query, ClusterQuery):
            cluster = "c.cluster_id"
        else:
            cluster = "COALESCE(pm.cluster_id, e.event_id)"
            table += f" LEFT JOIN cluster_members pm ON pm.event_id = {event_id}"
        # the location read out of each record once, in a subquery
        rows = (f"(SELECT {counted} AS counted, {cluster} || ' ' || {events}.doc_id AS report,"
                f" {events}.quad AS quad, CAST({events}.record AS JSON) -> 'location' AS place"
                f" FROM {table}{filters.where(conditions)}) p")
        fields = {name: f"(p.place ->> '{name}')" for name in PLACE_FIELDS}
        for name in ("lat", "lon"):
            fields[name] = f"CAST({fields[name]} AS DOUBLE PRECISION)"
        located = f" WHERE {fields['lat']} IS NOT NULL AND {fields['lon']} IS NOT NULL"
        quads = ", ".join(f"count(DISTINCT CASE WHEN p.quad = {quad} THEN p.counted END)"
                          for quad in QUADS)
        sql = (f"SELECT {', '.join(fields.values())}, count(DISTINCT p.counted),"
               f" count(DISTINCT p.report), {quads} FROM {rows}{located} GROUP BY 1, 2, 3, 4, 5")
        with self._operation("count events by place"):
            found = self._fetch(sql, params)
            total = self._fetch(f"SELECT count(DISTINCT p.counted) FROM {rows}{located}",
                                params)[0][0]
        places = [PlaceCount(name, country, lat, lon, precision, count, reports,
                             dict(zip(QUADS, quads, strict=True)))
                  for name, country, lat, lon, precision, count, reports, *quads in found]
        places.sort(key=lambda p: (-p.events, p.name, p.country or "", p.lat, p.lon,
                                   p.precision))
        return places, total

    def count_by(self, query: EventQuery, field: str) -> dict[str, int]:
        """How many events matching `query` have each value of `field`: "event" (the PLOVER
        type) or "country" (where it happened); most first, events without one left out."""
        columns = {"event": "upper(e.event)",
                   "country": "(CAST(e.record AS JSON) -> 'location') ->> 'country'"}
        if field not in columns:
            raise ConfigError(f"unknown field {field!r}; use one of {', '.join(columns)}")
        conditions, params = filters.event_conditions(query, "e")
        value = columns[field]
        sql = (f"SELECT {value}, count(*) FROM events e"
               f"{filters.where([*conditions, f'{value} IS NOT NULL'])}"
               " GROUP BY 1 ORDER BY 2 DESC, 1")
        with self._operation(f"count events by {field}"):
            return dict(self._fetch(sql, params))

    def date_range(self, query: EventQuery) -> tuple[date | None, date | None]:
        """The first date_start and the last date (date_end, else date_start) of the events
        matching `query`."""
        conditions, params = filters.event_conditions(query, "e")
        with self._operation("read the date range"):
            found = self._fetch("SELECT min(e.date_start), max(COALESCE(e.date_end,"
                                f" e.date_start)) FROM events e{filters.where(conditions)}",
                                params)
        return found[0][0], found[0][1]

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
