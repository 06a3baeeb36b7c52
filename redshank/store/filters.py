"""The SQL of an `EventQuery` or `ClusterQuery` (redshank/query.py): WHERE conditions in
the subset DuckDB and PostgreSQL share, with `?` placeholders.

Conditions come in two kinds: those on what a report or cluster says (type, dates,
auxiliary: columns both the events and the clusters table have) and those on one stored
report (actors, documents, place, inferred actors and countries). A cluster matches the
second kind when one of its reports does. Where an event happened is read from its JSON
record (`CAST(record AS JSON) -> 'location' ->> 'country'`), so the schema needs no
location columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from redshank.model import PLACE_SCOPES
from redshank.query import EXCLUDED_AUXILIARIES, ClusterQuery, EventQuery

EARTH_RADIUS_KM = 6371.0088
NO_DATE = date(1, 1, 1)  # stands in for a NULL date in keyset comparisons
EVENT_ORDER = ("e.date_start", "e.doc_id", "e.sentence_index", "e.event_id")
CLUSTER_ORDER = ("c.date_start", "c.cluster_id")

Conditions = tuple[list[str], list[Any]]


def marks(count: int) -> str:
    """`?, ?, ?` for `count` parameters."""
    return ", ".join("?" for _ in range(count))


def kind_conditions(query: EventQuery, alias: str) -> Conditions:
    """Auxiliary, event type and date conditions on `alias` (an events or clusters row)."""
    conditions: list[str] = []
    params: list[Any] = []
    if not query.include_all:
        conditions.append(f"({alias}.auxiliary IS NULL OR {alias}.auxiliary NOT IN "
                          f"({marks(len(EXCLUDED_AUXILIARIES))}))")
        params.extend(EXCLUDED_AUXILIARIES)
    if query.events:
        conditions.append(f"upper({alias}.event) IN ({marks(len(query.events))})")
        params.extend(event.upper() for event in query.events)
    if query.since is not None:
        conditions.append(f"COALESCE({alias}.date_end, {alias}.date_start) >= ?")
        params.append(query.since)
    if query.until is not None:
        conditions.append(f"COALESCE({alias}.date_start, {alias}.date_end) <= ?")
        params.append(query.until)
    return conditions, params


def report_conditions(query: EventQuery, alias: str) -> Conditions:
    """Actor, document, place and inference conditions on `alias`, an events row."""
    conditions: list[str] = []
    params: list[Any] = []
    for role, values in (("actor", query.actors), ("recipient", query.recipients)):
        if values:
            wanted = [value.lower() for value in values]
            some = marks(len(wanted))
            conditions.append(
                f"EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = {alias}.event_id"
                f" AND a.role = ? AND (lower(a.country) IN ({some}) OR lower(a.code) IN ({some})"
                f" OR lower(a.actor_id) IN ({some}) OR lower(a.name) IN ({some})))")
            params.extend([role, *wanted, *wanted, *wanted, *wanted])
    if query.doc_ids:
        conditions.append(f"{alias}.doc_id IN ({marks(len(query.doc_ids))})")
        params.extend(query.doc_ids)
    if query.exclude_implied_actors:
        conditions.append(f"NOT {alias}.actor_inferred")
    if query.exclude_inferred_countries:
        conditions.append(f"NOT EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = "
                          f"{alias}.event_id AND a.country_from IS NOT NULL)")
    place, place_params = _place_conditions(query, f"CAST({alias}.record AS JSON)")
    return conditions + place, params + place_params


def _place_conditions(query: EventQuery, record: str) -> Conditions:
    """Conditions on where the event happened. The location is read out of the record
    once per row (reading each field from the whole record would parse it once each)."""
    location = f"({record} -> 'location')"
    conditions: list[str] = []
    params: list[Any] = []
    if query.place_scope is not None:
        scopes = PLACE_SCOPES[: PLACE_SCOPES.index(query.place_scope) + 1]
        conditions.append(f"({location} ->> 'name') IS NOT NULL AND "
                          f"COALESCE({record} ->> 'place_scope', 'sentence') IN "
                          f"({marks(len(scopes))})")
        params.extend(scopes)
    inner: list[str] = []
    if query.countries:
        inner.append(f"(l.location ->> 'country') IN ({marks(len(query.countries))})")
        params.extend(query.countries)
    if query.near is not None:
        lat = "CAST(l.location ->> 'lat' AS DOUBLE PRECISION)"
        lon = "CAST(l.location ->> 'lon' AS DOUBLE PRECISION)"
        # Haversine; LEAST keeps rounding from taking asin out of its domain.
        inner.append(
            f"2 * {EARTH_RADIUS_KM} * asin(LEAST(1.0, sqrt("
            f"power(sin(radians({lat} - ?) / 2), 2) + cos(radians(?)) * cos(radians({lat}))"
            f" * power(sin(radians({lon} - ?) / 2), 2)))) <= ?")
        params.extend([query.near.lat, query.near.lat, query.near.lon, query.near.km])
    if inner:
        conditions.append(f"EXISTS (SELECT 1 FROM (SELECT {location} AS location) l"
                          f"{where(inner)})")
    return conditions, params


def event_conditions(query: EventQuery, alias: str = "e") -> Conditions:
    """Every condition of `query` on `alias`, an events row."""
    kind, kind_params = kind_conditions(query, alias)
    report, report_params = report_conditions(query, alias)
    return kind + report, kind_params + report_params


def cluster_conditions(query: ClusterQuery | EventQuery, alias: str = "c") -> Conditions:
    """Every condition of `query` on `alias`, a clusters row: its own type, dates and
    auxiliary, and one member report matching the rest."""
    min_reports = query.min_reports if isinstance(query, ClusterQuery) else 1
    kind, kind_params = kind_conditions(query, alias)
    conditions, params = [f"{alias}.reports >= ?", *kind], [min_reports, *kind_params]
    report, report_params = report_conditions(query, "e")
    if report:
        conditions.append(
            "EXISTS (SELECT 1 FROM cluster_members m JOIN events e ON e.event_id = m.event_id"
            f" WHERE m.cluster_id = {alias}.cluster_id AND {' AND '.join(report)})")
        params.extend(report_params)
    return conditions, params


def after_condition(columns: Sequence[str], after: Sequence[Any] | None) -> Conditions:
    """The keyset condition of a page: rows whose sort key, `(date IS NULL, date,
    *rest)` over `columns` (the date column first), comes after `after` (date, *rest)."""
    if after is None:
        return [], []
    day, *rest = after
    dated, *others = columns
    key = ", ".join([f"{dated} IS NULL", f"COALESCE({dated}, ?)", *others])
    return ([f"({key}) > (?, ?{', ?' * len(others)})"],
            [NO_DATE, day is None, day if day is not None else NO_DATE, *rest])


def where(conditions: Sequence[str]) -> str:
    """` WHERE a AND b`, or nothing."""
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""
