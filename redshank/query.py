"""Which events to return: the filter record every interface shares, built from user values.

The CLI (`redshank events`, `redshank dyads`), the Python API (`redshank.api.events`) and
the stores all speak `EventQuery` (single reports) and `ClusterQuery` (real-world events,
clusters of reports). `event_query(**values)` and `cluster_query(**values)` build them from
what a user typed and refuse what would silently match nothing:

    event_query(actor="ISR,LBN", event="assault", country="Iraq", since="2014")
    -> EventQuery(actors=("ISR", "LBN"), events=("ASSAULT",), countries=("IRQ",),
                  since=date(2014, 1, 1))

Values may be a string, a comma-separated string or a list of either; several values of
one filter mean any of them, different filters must all match. Unknown event types and
countries raise `ConfigError` with the nearest known value ("did you mean THREATEN?").
"""

from __future__ import annotations

import calendar
import csv
import difflib
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, ClassVar, get_args

from redshank.errors import ConfigError
from redshank.knowledge import event_types
from redshank.model import PLACE_SCOPES, PlaceScope

DEFAULT_WITHIN_KM = 50.0
# What `events` hides unless asked for all: events that did not (yet) happen.
EXCLUDED_AUXILIARIES = ("negated", "hypothetical", "future")
Values = str | Iterable[str] | None
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_COORDINATES = re.compile(rf"^\s*({_NUMBER})\s*,\s*({_NUMBER})\s*$")


@dataclass(frozen=True, slots=True)
class NearPlace:
    """A circle of `km` kilometres around a place: a name (its coordinates resolved) or
    the coordinates themselves ("33.34,44.4")."""

    name: str
    lat: float
    lon: float
    km: float

    def __post_init__(self) -> None:
        check_radius_km(self.km)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to return; every filter given must match, any of its values may.

    `actors`/`recipients` match an actor's country, code, id or name (case-insensitive).
    `events` are PLOVER types. `countries` (ISO alpha-3) and `near` are where the event
    happened; `place_scope` keeps events placed that near their trigger or nearer
    (sentence, paragraph, document). `since`/`until` keep events whose date range
    overlaps them; undated events are dropped when either is given. Negated, hypothetical
    and future events are left out unless `include_all`. `exclude_implied_actors` drops
    events whose actor is implied by convention, `exclude_inferred_countries` those with
    an actor or recipient whose country was inferred from the document. `after` pages
    through the results: the sort key of the last result already seen, (date_start, doc_id,
    sentence_index, event_id) for events, (date_start, cluster_id) for clusters; only later
    results are returned (counts ignore it, as they ignore `limit`).
    """

    sort_key_length: ClassVar[int] = 4

    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    doc_ids: tuple[str, ...] = ()
    near: NearPlace | None = None
    place_scope: PlaceScope | None = None
    include_all: bool = False
    exclude_implied_actors: bool = False
    exclude_inferred_countries: bool = False
    limit: int | None = None
    after: tuple[Any, ...] | None = None

    def __post_init__(self) -> None:
        for name in ("actors", "recipients", "events", "countries", "doc_ids"):
            if not isinstance(getattr(self, name), tuple):
                raise TypeError(f"{name} must be a tuple of strings; build queries from user "
                                "values with redshank.query.event_query")
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"limit must be zero or more, got {self.limit}")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"since {self.since} is after until {self.until}: no event "
                              "can match")
        if self.place_scope is not None and self.place_scope not in PLACE_SCOPES:
            raise ConfigError(f"place scope {self.place_scope!r} is not one of "
                              f"{', '.join(PLACE_SCOPES)}")
        if self.after is not None and len(self.after) != self.sort_key_length:
            raise ConfigError(f"after must be a sort key of {self.sort_key_length} values, "
                              f"got {self.after!r}")


@dataclass(frozen=True, slots=True)
class ClusterQuery(EventQuery):
    """Which event clusters to return: a cluster matches when its type, dates and
    auxiliary match and one of its reports matches the other filters of `EventQuery`;
    `min_reports` keeps clusters reported by at least that many documents."""

    min_reports: int = 1
    sort_key_length: ClassVar[int] = 2

    def __post_init__(self) -> None:
        EventQuery.__post_init__(self)
        if self.min_reports < 1:
            raise ConfigError(f"min_reports must be 1 or more, got {self.min_reports}")


def event_query(
    *,
    actor: Values = None,
    recipient: Values = None,
    event: Values = None,
    country: Values = None,
    since: str | int | date | None = None,
    until: str | int | date | None = None,
    doc: Values = None,
    near: str | None = None,
    within_km: float = DEFAULT_WITHIN_KM,
    place_scope: str | None = None,
    include_all: bool = False,
    no_inferred: bool = False,
    no_inferred_countries: bool = False,
    limit: int | None = None,
) -> EventQuery:
    """An `EventQuery` from user values, each checked; see the module docstring."""
    return EventQuery(
        actors=_unique(actor_value(v) for v in split_values(actor)),
        recipients=_unique(actor_value(v) for v in split_values(recipient)),
        events=_unique(event_type(v) for v in split_values(event)),
        countries=_unique(country_code(v) for v in split_values(country)),
        since=partial_date(since, "since"),
        until=partial_date(until, "until"),
        doc_ids=tuple(split_values(doc)),
        near=near_place(near, within_km) if near else None,
        place_scope=scope(place_scope),
        include_all=include_all,
        exclude_implied_actors=no_inferred,
        exclude_inferred_countries=no_inferred_countries,
        limit=limit,
    )


def cluster_query(*, min_reports: int = 1, **values: object) -> ClusterQuery:
    """A `ClusterQuery` from the values `event_query` takes and `min_reports`."""
    found = event_query(**values)  # type: ignore[arg-type]
    return ClusterQuery(**{f.name: getattr(found, f.name) for f in fields(EventQuery)},
                        min_reports=min_reports)


def split_values(values: Values) -> list[str]:
    """`"ISR,LBN"`, `["ISR", "LBN"]` and `["ISR,LBN"]` all give `["ISR", "LBN"]`."""
    if values is None:
        return []
    items = [values] if isinstance(values, str) else list(values)
    found: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ConfigError(f"expected text, got {item!r}")
        found.extend(part.strip() for part in item.split(",") if part.strip())
    return list(dict.fromkeys(found))


def event_type(value: str) -> str:
    """A PLOVER event type, upper-cased; an unknown one is an error naming the nearest."""
    known = list(event_types())
    wanted = value.strip().upper()
    if wanted in known:
        return wanted
    raise ConfigError(f"unknown event type {value!r}{_suggestion(wanted, known)} "
                      f"PLOVER types: {', '.join(known)}")


def country_code(value: str) -> str:
    """The ISO alpha-3 code of a country given by code, name or demonym ("Iraqi" -> IRQ)."""
    codes, names = _countries()
    wanted = value.strip()
    if wanted.upper() in codes:
        return wanted.upper()
    found = names.get(_name_key(wanted))
    if found:
        return found
    close = difflib.get_close_matches(_name_key(wanted), list(names), n=1, cutoff=0.75)
    if close:
        hint = f"; did you mean {names[close[0]]} ({close[0].title()})?"
    else:
        hint = _suggestion(wanted.upper(), codes)
    raise ConfigError(f"unknown country {value!r}{hint} give an ISO alpha-3 code "
                      "(IRQ) or an English name (Iraq)")


def actor_value(value: str) -> str:
    """An actor filter value: a country name or demonym becomes its ISO alpha-3 code (every
    actor of that country), anything else (code, id, name) is kept as given."""
    _codes, names = _countries()
    return names.get(_name_key(value), value.strip())


def partial_date(value: str | int | date | None, bound: str) -> date | None:
    """`2014`, `2014-06` or `2014-06-11` as the first day of the period for `since`, the
    last for `until`."""
    if value is None or isinstance(value, date):
        return value
    error = ConfigError(f"{bound} {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD "
                        "(e.g. 2014-06)")
    match = _PARTIAL_DATE.match(str(value).strip())
    if not match:
        raise error
    year, month, day = match.groups()
    try:
        if month is None:
            return date(int(year), 1, 1) if bound == "since" else date(int(year), 12, 31)
        if day is None:
            first = date(int(year), int(month), 1)
            last = calendar.monthrange(first.year, first.month)[1]
            return first if bound == "since" else first.replace(day=last)
        return date(int(year), int(month), int(day))
    except ValueError as exc:
        raise error from exc


def check_radius_km(km: float) -> float:
    """`km` if it can be a radius: a finite number, 0 or more; else a ConfigError."""
    if not math.isfinite(km) or km < 0:
        raise ConfigError(f"radius must be a finite number of kilometres, 0 or more; got {km}")
    return km


def near_place(name: str, within_km: float = DEFAULT_WITHIN_KM) -> NearPlace:
    """A circle around `name`: coordinates "LAT,LON" in degrees ("33.34,44.4"; with
    `within_km=0`, exactly there), else the most prominent gazetteer place so called."""
    from redshank.where.query import place_named

    found = _COORDINATES.match(name)
    if found:
        lat, lon = float(found.group(1)), float(found.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ConfigError(f"near {name!r}: latitude must be -90 to 90 and longitude "
                              "-180 to 180 (give LAT,LON in degrees, e.g. 33.34,44.4)")
        return NearPlace(name.strip(), lat, lon, within_km)
    place = place_named(name)
    assert place.lat is not None and place.lon is not None
    return NearPlace(name, place.lat, place.lon, within_km)


def scope(value: str | None) -> PlaceScope | None:
    """A place scope (sentence, paragraph, document), or None."""
    if value is None:
        return None
    wanted = value.strip().lower()
    for known in get_args(PlaceScope):
        if known == wanted:
            return known
    raise ConfigError(f"unknown place scope {value!r}{_suggestion(wanted, PLACE_SCOPES)} "
                      f"use one of {', '.join(PLACE_SCOPES)}")


def _suggestion(value: str, known: Iterable[str]) -> str:
    """'; did you mean X?' for the known value nearest `value`, else ';'."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ";"


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _name_key(text: str) -> str:
    """Names compared without case, diacritics, hyphens, dots or a leading "the"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    key = " ".join(folded.replace("-", " ").replace(".", "").lower().split())
    return key[4:] if key.startswith("the ") else key


@cache
def _countries() -> tuple[frozenset[str], dict[str, str]]:
    """ISO alpha-3 codes, and name key -> code (redshank/data/places/countries.tsv and
    aliases.tsv). A name keeps the first country it is found for: names, then curated
    aliases, then alternate names, then demonyms, each most populous country first
    ("American" is the USA, not American Samoa)."""
    places = resources.files("redshank.data").joinpath("places")
    with places.joinpath("countries.tsv").open(encoding="utf-8") as lines:
        rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows.sort(key=lambda row: -int(row["population"] or 0))
    codes = frozenset(row["iso3"] for row in rows)
    aliases: list[tuple[str, str]] = []
    with places.joinpath("aliases.tsv").open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            kind, _, code = fields[1].partition(":") if len(fields) > 1 else ("", "", "")
            if not line.startswith("#") and kind in ("country", "demonym") and code in codes:
                aliases.append((fields[0], code))
    names: dict[str, str] = {}
    ranked = [
        [(row["name"], row["iso3"]) for row in rows],
        aliases,
        [(name, row["iso3"]) for row in rows for name in row["alternates"].split("|")],
        [(name, row["iso3"]) for row in rows
         for name in row["demonyms"].replace(",", "|").split("|")],
    ]
    for level in ranked:
        for name, code in level:
            if name.strip():
                names.setdefault(_name_key(name), code)
    return codes, names
