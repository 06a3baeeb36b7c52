"""Stored events, clusters and dyad counts as pandas DataFrames (and `explain`), for
analysts.

    from redshank.api import dyads, events
    frame = events("events.duckdb", actor="USA", event="REJECT,THREATEN", since="2014")
    timeline = dyads("events.duckdb", actor="ISR", recipient="LBN", by="month")

Filters are those of redshank/query.py (`event_query`), checked the same way as on the
command line. Columns and dtypes do not depend on the data, empty results included: text
and codes are pandas strings, counts and indices nullable integers, dates datetime64,
flags nullable booleans. Actors of one side are joined with "; " (as in the events table).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from redshank.errors import ConfigError
from redshank.model import Cluster, DyadCount, Event
from redshank.query import EventQuery, cluster_query, event_query
from redshank.store import Store

if TYPE_CHECKING:
    import pandas as pd

SEPARATOR = "; "

# column -> (dtype, value of an event)
EVENT_COLUMNS: dict[str, tuple[str, Callable[[Event], Any]]] = {
    "event_id": ("string", lambda e: e.event_id),
    "doc_id": ("string", lambda e: e.doc_id),
    "sentence_index": ("Int64", lambda e: e.sentence_index),
    "date": ("string", lambda e: e.date),
    "date_start": ("datetime64[ns]", lambda e: e.date_start),
    "date_end": ("datetime64[ns]", lambda e: e.date_end),
    "date_precision": ("string", lambda e: e.date_precision),
    "published": ("datetime64[ns]", lambda e: e.published),
    "event": ("string", lambda e: e.event),
    "mode": ("string", lambda e: e.mode),
    "cameo": ("string", lambda e: e.cameo),
    "quad": ("Int64", lambda e: e.quad),
    "intensity": ("Float64", lambda e: e.intensity),
    "auxiliary": ("string", lambda e: e.auxiliary),
    "actor_code": ("string", lambda e: _joined(a.code for a in e.actor)),
    "actor_country": ("string", lambda e: _joined(a.country for a in e.actor)),
    "actor_name": ("string", lambda e: _joined(a.name for a in e.actor)),
    "recipient_code": ("string", lambda e: _joined(a.code for a in e.recipient)),
    "recipient_country": ("string", lambda e: _joined(a.country for a in e.recipient)),
    "recipient_name": ("string", lambda e: _joined(a.name for a in e.recipient)),
    "actor_inferred": ("boolean", lambda e: e.actor_inferred),
    "location": ("string", lambda e: e.location.name if e.location else None),
    "location_country": ("string", lambda e: e.location.country if e.location else None),
    "lat": ("Float64", lambda e: e.location.lat if e.location else None),
    "lon": ("Float64", lambda e: e.location.lon if e.location else None),
    "place_scope": ("string", lambda e: e.place_scope),
    "trigger": ("string", lambda e: e.evidence.trigger),
    "sentence": ("string", lambda e: e.sentence),
}
CLUSTER_COLUMNS: dict[str, tuple[str, Callable[[Cluster], Any]]] = {
    "cluster_id": ("string", lambda c: c.cluster_id),
    "event": ("string", lambda c: c.event),
    "mode": ("string", lambda c: c.mode),
    "auxiliary": ("string", lambda c: c.auxiliary),
    "date_start": ("datetime64[ns]", lambda c: c.date_start),
    "date_end": ("datetime64[ns]", lambda c: c.date_end),
    "actor_code": ("string", lambda c: _joined(c.actors)),
    "actor_country": ("string", lambda c: _joined(c.actor_countries)),
    "recipient_code": ("string", lambda c: _joined(c.recipients)),
    "recipient_country": ("string", lambda c: _joined(c.recipient_countries)),
    "location": ("string", lambda c: c.location),
    "reports": ("Int64", lambda c: c.reports),
    "events": ("Int64", lambda c: len(c.members)),
    "first_published": ("datetime64[ns]", lambda c: c.first_published),
    "event_ids": ("string", lambda c: _joined(m.event_id for m in c.members)),
}
DYAD_COLUMNS = {"actor": "string", "recipient": "string", "period": "string",
                "events": "Int64"}


def events(db: str | Store, **filters: Any) -> pd.DataFrame:
    """The stored events matching `filters` (see `redshank.query.event_query`), one row
    each, in date order."""
    query = event_query(**filters)
    with _opened(db) as store:
        _warn_absent(store, query)
        found = store.query_events(query)
    return _frame(EVENT_COLUMNS, found)


def clusters(db: str | Store, *, min_reports: int = 1, **filters: Any) -> pd.DataFrame:
    """The real-world events (clusters of reports) matching `filters`, one row each."""
    query = cluster_query(min_reports=min_reports, **filters)
    with _opened(db) as store:
        _warn_absent(store, query)
        found = store.query_clusters(query)
    return _frame(CLUSTER_COLUMNS, found)


def dyad_counts(store: Store, query: EventQuery, *, by_actor: str = "country",
                by: str | None = None, top: int | None = None) -> list[DyadCount]:
    """Events (clusters, for a ClusterQuery) per actor-recipient pair, as
    `Store.count_dyads` counts them; `top` keeps the dyads with the most events (with all
    their periods)."""
    if top is not None and top < 0:
        raise ConfigError(f"top must be 0 or more, got {top}")
    counts = store.count_dyads(query, by_actor=by_actor, by=by)
    if top is None:
        return counts
    totals: dict[tuple[str, str], int] = {}
    for count in counts:
        pair = (count.actor, count.recipient)
        totals[pair] = totals.get(pair, 0) + count.events
    kept = set(sorted(totals, key=lambda pair: (-totals[pair], pair))[:top])
    return [count for count in counts if (count.actor, count.recipient) in kept]


def dyads(db: str | Store, *, by_actor: str = "country", by: str | None = None,
          merged: bool = False, min_reports: int = 1, top: int | None = None,
          **filters: Any) -> pd.DataFrame:
    """Event counts per actor-recipient pair, busiest first, or per `by` ("day", "week",
    "month" or "year") in time order; columns actor, recipient, period (None without `by`
    or for undated events) and events. `by_actor` keys actors by "country" or full "code";
    `merged` counts real-world events (clusters) instead of reports."""
    query = (cluster_query(min_reports=min_reports, **filters) if merged
             else event_query(**filters))
    with _opened(db) as store:
        _warn_absent(store, query)
        counts = dyad_counts(store, query, by_actor=by_actor, by=by, top=top)
    import pandas as pd

    data = {name: pd.array([getattr(count, name) for count in counts], dtype=dtype)
            for name, dtype in DYAD_COLUMNS.items()}
    return pd.DataFrame(data, columns=list(DYAD_COLUMNS))


def explain(db: str | Store, event_id: str) -> str:
    """Why an event was coded (or, for a `cl-...` id, why its cluster's reports were
    merged), as `redshank explain` prints it; unknown ids are a ConfigError."""
    from redshank.explain import explain_event
    from redshank.link.explain import describe_cluster
    from redshank.link.plan import is_cluster_id

    with _opened(db) as store:
        if is_cluster_id(event_id):
            text = describe_cluster(store, event_id)
        else:
            event = store.get_event(event_id)
            text = explain_event(event) if event is not None else None
    if text is None:
        raise ConfigError(f"no event or cluster {event_id!r} in the database; list ids with "
                          "events() or clusters()")
    return text


def _warn_absent(store: Store, query: EventQuery) -> None:
    for value in store.absent_values(query):
        warnings.warn(f"nothing stored matches {value}; check the spelling", UserWarning,
                      stacklevel=3)


@contextmanager
def _opened(db: str | Store) -> Iterator[Store]:
    """The store `db` names, opened read-only (a Store is used as it is)."""
    if not isinstance(db, str):
        yield db
        return
    from redshank.store import open_store, require_existing

    require_existing(db)
    with open_store(db, read_only=True) as store:
        yield store


def _frame(columns: dict[str, tuple[str, Callable[[Any], Any]]], records: list[Any]
           ) -> pd.DataFrame:
    import pandas as pd

    data = {}
    for name, (dtype, value) in columns.items():
        values = [value(record) for record in records]
        if dtype.startswith("datetime64"):
            data[name] = pd.to_datetime(pd.Series(values, dtype="object"), errors="coerce")
        else:
            data[name] = pd.array(values, dtype=dtype)
    return pd.DataFrame(data, columns=list(columns))


def _joined(values: Iterator[str | None] | list[str]) -> str | None:
    found = list(dict.fromkeys(value for value in values if value))
    return SEPARATOR.join(found) or None

