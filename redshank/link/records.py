"""What the linker sees of an event: a `LinkRecord` built from an `Event`, and the settings.

A record keeps only what decides a merge: the event family, whether it is reported as
having happened, the date window it could have happened in, who acted and on whom (as
keys: country plus actor class, or the actor id of a non-state actor without a country),
and where.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from redshank.errors import ConfigError
from redshank.knowledge import words
from redshank.link.families import family_of, is_mutual
from redshank.model import Actor, Event, Location
from redshank.version import __version__

LINKER_VERSION = f"redshank-link-{__version__}"
FACTUAL = "factual"
NOT_FACTUAL = ("negated", "hypothetical", "future")
GENERIC_PREFIX = "---"
STATE_SECTORS = words("state_sectors", "state_side_sectors")
ARMED_SECTORS = words("armed_sectors", "armed_side_sectors")


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """How permissive linking is; the defaults are documented in docs/merging.md."""

    reported_window_days: int = 3
    max_window_days: int = 31
    bucket_days: int = 7
    max_distance_km: float = 50.0

    def __post_init__(self) -> None:
        for name in ("reported_window_days", "max_window_days", "bucket_days"):
            value = getattr(self, name)
            if value < (1 if name == "bucket_days" else 0):
                raise ConfigError(f"link setting {name} must be positive, got {value}")
        if self.max_distance_km < 0:
            raise ConfigError(f"link setting max_distance_km must be 0 or more, "
                              f"got {self.max_distance_km}")


@dataclass(frozen=True, slots=True)
class Place:
    """An event's location as the linker compares it."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precise: bool


@dataclass(frozen=True, slots=True)
class LinkRecord:
    """An event reduced to what decides whether two reports are the same event.

    `window` is the inclusive range of day ordinals the event could have happened on, or
    None when the date is too vague (or missing) to link on.
    """

    event_id: str
    doc_id: str
    sentence_index: int
    event: str
    mode: str | None
    family: str
    mutual: bool
    status: str
    window: tuple[int, int] | None
    actor_keys: frozenset[str]
    recipient_keys: frozenset[str]
    place: Place | None
    published: date | None
    day_precise: bool

    @property
    def participant_keys(self) -> frozenset[str]:
        return self.actor_keys | self.recipient_keys

    @property
    def seed_key(self) -> tuple[object, ...]:
        """Order of reports: earliest publication first, then document, sentence, id."""
        return (self.published is None, self.published or date.min, self.doc_id,
                self.sentence_index, self.event_id)


def actor_key(actor: Actor) -> str | None:
    """`RUS` for a state actor, `RUS~armed`/`RUS~civil` for others of a country, `id:NATO`
    for a named actor without a country; None for a generic agent ("police")."""
    if actor.country:
        if actor.type == "armed_group" or actor.sector in ARMED_SECTORS:
            return f"{actor.country}~armed"
        if actor.sector is None or actor.sector in STATE_SECTORS or actor.type == "state":
            return actor.country
        return f"{actor.country}~civil"
    if actor.id.startswith(GENERIC_PREFIX) or (actor.code or "").startswith(GENERIC_PREFIX):
        return None
    return f"id:{actor.id}"


def _keys(actors: list[Actor]) -> frozenset[str]:
    return frozenset(key for key in map(actor_key, actors) if key is not None)


def status_of(event: Event) -> str:
    """`factual` for events reported as having happened (historical ones too), else the
    auxiliary: only reports of the same status are ever merged."""
    return event.auxiliary if event.auxiliary in NOT_FACTUAL else FACTUAL


def window_of(event: Event, settings: LinkSettings) -> tuple[int, int] | None:
    """The days the event could have happened on, as day ordinals, or None.

    An event dated only by its publication (precision `reported`) happened up to
    `reported_window_days` before it; an event dated to a range longer than
    `max_window_days` (a year) or not at all is not linked.
    """
    if event.date_precision == "reported":
        if event.auxiliary == "historical":
            return None
        anchor = event.published or event.date_start
        if anchor is None:
            return None
        start = anchor - timedelta(days=settings.reported_window_days)
        return start.toordinal(), anchor.toordinal()
    start, end = event.date_start, event.date_end
    if start is None or end is None or end < start:
        return None
    if (end - start).days + 1 > settings.max_window_days:
        return None
    return start.toordinal(), end.toordinal()


def _place(location: Location | None) -> Place | None:
    if location is None or location.precision == "none":
        return None
    return Place(name=location.name.casefold(), country=location.country, lat=location.lat,
                 lon=location.lon, precise=location.precision in ("city", "admin1"))


def link_record(event: Event, settings: LinkSettings) -> LinkRecord:
    """The linker's view of an event."""
    return LinkRecord(
        event_id=event.event_id,
        doc_id=event.doc_id,
        sentence_index=event.sentence_index,
        event=event.event,
        mode=event.mode,
        family=family_of(event.event),
        mutual=is_mutual(event.event),
        status=status_of(event),
        window=window_of(event, settings),
        actor_keys=_keys(event.actor),
        recipient_keys=_keys(event.recipient),
        # a place its paragraph or document gave is a guess: two reports of one event
        # must not be kept apart by different guesses
        place=_place(event.location) if event.place_scope in (None, "sentence") else None,
        published=event.published,
        day_precise=event.date_precision == "day",
    )
