"""Filtering events by where they happened: near a named place, in a country, placed how
near their trigger."""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterable
from dataclasses import dataclass

from redshank.errors import ConfigError
from redshank.model import PLACE_SCOPES, Event, PlaceScope
from redshank.where.gazetteer import Place, load_gazetteer
from redshank.where.resolve import Candidate, prominence

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Near:
    """A circle around a place: events located (with coordinates) inside it match."""

    place: Place
    km: float

    def __post_init__(self) -> None:
        check_radius_km(self.km)

    def contains(self, event: Event) -> bool:
        location = event.location
        if location is None or location.lat is None or location.lon is None:
            return False
        return distance_km(self.place.lat, self.place.lon, location.lat, location.lon) <= self.km


def check_radius_km(km: float) -> float:
    """`km` if it can be a radius: a finite number, 0 or more; else a ConfigError."""
    if not math.isfinite(km) or km < 0:
        raise ConfigError(f"radius must be a finite number of kilometres, 0 or more; got {km}")
    return km


def within_km(text: str) -> float:
    """argparse type for --within: a radius in kilometres, rejecting negative, NaN and inf."""
    try:
        return check_radius_km(float(text))
    except (ValueError, ConfigError) as exc:
        raise argparse.ArgumentTypeError(
            f"must be a finite number of kilometres, 0 or more (got {text!r}); "
            "e.g. --within 100") from exc


def distance_km(lat1: float | None, lon1: float | None, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    if lat1 is None or lon1 is None:
        return math.inf
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def place_named(name: str) -> Place:
    """The most prominent gazetteer place with this name ("Paris" -> Paris, France)."""
    candidates = [Candidate(place, primary) for place, primary in load_gazetteer().lookup(name)
                  if place.lat is not None]
    if not candidates:
        raise ConfigError(f"--near {name!r}: no place of that name in the gazetteer")
    return max(candidates, key=prominence).place


def filter_by_place(events: Iterable[Event], near: Near | None = None,
                    country: str | None = None, scope: PlaceScope | None = None
                    ) -> list[Event]:
    """Events within `near` and/or located in `country` (ISO alpha-3), placed at `scope`
    or nearer (sentence, then paragraph, then document)."""
    wanted = country.upper() if country else None
    widest = PLACE_SCOPES.index(scope) if scope else len(PLACE_SCOPES)
    return [e for e in events
            if (near is None or near.contains(e))
            and (wanted is None or (e.location is not None and e.location.country == wanted))
            and (scope is None or (e.location is not None
                                   and PLACE_SCOPES.index(e.place_scope or "sentence") <= widest))]
