"""Query parameters of the HTTP API: the event filters (the `redshank events` flags, checked
by redshank/query.py) and opaque page cursors.

A filter may be repeated or be a comma list (`actor=ISR&actor=LBN`, `actor=ISR,LBN`). A
cursor is the sort key of the last item of a page, as URL-safe base64 JSON tagged with
what it pages through, so a cursor of events is refused for clusters.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date
from typing import Annotated, Any

from fastapi import Query

from redshank.errors import ConfigError
from redshank.query import DEFAULT_WITHIN_KM, EventQuery, cluster_query, event_query
from redshank.serve.errors import ApiError

MANY = " Repeat it or give a comma list; any value matches."
# The types of each page's sort key: a date or null, then strings and integers.
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "events": ("date", "str", "int", "str"),
    "clusters": ("date", "str"),
    "positions": ("date", "date", "str", "int", "str"),
}


def event_filters(
    actor: Annotated[list[str] | None, Query(description="actor country (ISO3 or name), "
                                             "code, id or name." + MANY)] = None,
    recipient: Annotated[list[str] | None, Query(description="recipient country, code, id "
                                                 "or name." + MANY)] = None,
    event: Annotated[list[str] | None, Query(description="PLOVER event type." + MANY)] = None,
    country: Annotated[list[str] | None, Query(description="where the event happened: "
                                               "ISO3 code or name." + MANY)] = None,
    since: Annotated[str | None, Query(description="events on or after: YYYY, YYYY-MM or "
                                       "YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="events on or before: YYYY, YYYY-MM or "
                                       "YYYY-MM-DD")] = None,
    doc: Annotated[list[str] | None, Query(description="document id." + MANY)] = None,
    near: Annotated[str | None, Query(description="events within `within` km of this "
                                      "place")] = None,
    within: Annotated[float | None, Query(description="radius around `near` in km "
                                          f"(default {DEFAULT_WITHIN_KM:g})")] = None,
    scope: Annotated[str | None, Query(description="only events placed this near their "
                                       "trigger or nearer: sentence, paragraph, "
                                       "document")] = None,
    include_all: Annotated[bool, Query(alias="all", description="include negated, "
                                       "hypothetical and future events")] = False,
    no_inferred: Annotated[bool, Query(description="leave out events whose actor is implied, "
                                       "not named")] = False,
    no_inferred_countries: Annotated[bool, Query(description="leave out events with an actor "
                                                 "whose country was inferred")] = False,
    merged: Annotated[bool, Query(description="real-world events (clusters of reports) "
                                  "instead of single reports")] = False,
    min_reports: Annotated[int | None, Query(description="with merged: clusters reported by "
                                             "at least this many documents")] = None,
) -> EventQuery:
    """The EventQuery (a ClusterQuery when `merged`) the filter parameters ask for."""
    if within is not None and not near:
        raise ConfigError("within is the radius around near=PLACE; add near")
    values: dict[str, Any] = dict(
        actor=actor, recipient=recipient, event=event, country=country, since=since,
        until=until, doc=doc, near=near,
        within_km=DEFAULT_WITHIN_KM if within is None else within, place_scope=scope,
        include_all=include_all, no_inferred=no_inferred,
        no_inferred_countries=no_inferred_countries)
    if merged:
        return cluster_query(min_reports=1 if min_reports is None else min_reports, **values)
    if min_reports is not None:
        raise ConfigError("min_reports counts the reports of a merged event; add merged=true")
    return event_query(**values)


def encode_cursor(kind: str, key: tuple[Any, ...]) -> str:
    """The opaque cursor after `key`, a sort key of `kind` (events, clusters, positions)."""
    values = [value.isoformat() if isinstance(value, date) else value for value in key]
    text = json.dumps([kind, *values], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str | None) -> tuple[Any, ...] | None:
    """The sort key a cursor of `kind` holds (None for no cursor); 400 for anything else."""
    if cursor is None:
        return None
    bad = ApiError(400, "invalid_cursor", f"cursor {cursor[:40]!r} is not a cursor of "
                   f"{kind}; pass the next_cursor of the previous page unchanged")
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        found = json.loads(text)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise bad from exc
    types = SORT_KEYS[kind]
    if not isinstance(found, list) or found[:1] != [kind] or len(found) != len(types) + 1:
        raise bad
    key: list[Any] = []
    for kind_of, value in zip(types, found[1:], strict=True):
        if kind_of == "date" and value is None:
            key.append(None)
        elif kind_of == "date" and isinstance(value, str):
            try:
                key.append(date.fromisoformat(value))
            except ValueError as exc:
                raise bad from exc
        elif kind_of == "int" and type(value) is int:
            key.append(value)
        elif kind_of == "str" and isinstance(value, str):
            key.append(value)
        else:
            raise bad
    return tuple(key)
