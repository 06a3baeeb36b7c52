"""The compatibility test: could two reports describe the same real-world event?

Two reports are compatible when all of these hold (docs/merging.md):

- same status: reported as happened, negated, hypothetical or future never mix;
- same event family (redshank/link/families.py), so ASSAULT/firearms and ASSAULT/aerial
  can merge but ASSAULT and PROTEST cannot;
- their date windows overlap;
- each side (actors, recipients; or all participants of a mutual event) names the same
  actors or one names a subset of the other's; a side unknown in either report is no
  objection, but at least one side must be known in both (the anchor); when either
  report is not dated to the day, a side known in one report must be known in the other;
- their places, when both are known, are in the same country and, when both are precise,
  within `max_distance_km` (or share a name when coordinates are missing).

`Match.score` orders candidate pairs (most alike first); `match_reason` says why two
compatible reports matched and is kept as the provenance of a merge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from redshank.link.records import LinkRecord, LinkSettings, Place

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Match:
    """Two reports judged the same event, and how alike they are (higher: more alike)."""

    score: int


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two inclusive day ranges share a day."""
    return a[0] <= b[1] and b[0] <= a[1]


def side_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """One side names the same actors as the other, a subset of them, or nobody."""
    return not a or not b or a <= b or b <= a


def sides_compatible(a: LinkRecord, b: LinkRecord) -> bool:
    """Actors and recipients (participants, for mutual events) agree, with an anchor.

    A vague date is weak evidence, so then a side known in one report must be known in
    the other too ("X attacked civilians", undated, is not "X attacked Y's positions").
    """
    if a.mutual:
        pa, pb = a.participant_keys, b.participant_keys
        return bool(pa and pb) and side_compatible(pa, pb)
    precise = a.day_precise and b.day_precise
    anchored = False
    for ka, kb in ((a.actor_keys, b.actor_keys), (a.recipient_keys, b.recipient_keys)):
        if not side_compatible(ka, kb) or (not precise and bool(ka) != bool(kb)):
            return False
        anchored = anchored or bool(ka and kb)
    return anchored


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places, or None without coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(a: Place | None, b: Place | None, max_distance_km: float) -> bool:
    """Places agree, or at least one is unknown."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.precise and b.precise:
        distance = distance_km(a, b)
        return distance <= max_distance_km if distance is not None else a.name == b.name
    return True


def compatible(a: LinkRecord, b: LinkRecord, settings: LinkSettings) -> Match | None:
    """A `Match` if the two reports can be the same event, else None."""
    if a.event_id == b.event_id or a.status != b.status or a.family != b.family:
        return None
    if a.window is None or b.window is None or not overlaps(a.window, b.window):
        return None
    if not sides_compatible(a, b):
        return None
    if not places_compatible(a.place, b.place, settings.max_distance_km):
        return None
    score = 2 * (a.event == b.event) + (a.mode == b.mode)
    if a.mutual:
        score += 2 * (a.participant_keys == b.participant_keys)
    else:
        score += (a.actor_keys == b.actor_keys) + (a.recipient_keys == b.recipient_keys)
    score += a.day_precise and b.day_precise and a.window == b.window
    score += a.place is not None and b.place is not None
    return Match(score=score)


def match_reason(a: LinkRecord, b: LinkRecord) -> str:
    """Why two compatible reports matched: types, sides, shared days, places."""
    shared = _shared_days(a.window, b.window)
    event = a.event if a.event == b.event else f"{a.event}~{b.event}"
    if a.mutual:
        sides = f"participants {_keys(a.participant_keys)} ~ {_keys(b.participant_keys)}"
    else:
        sides = (f"actors {_keys(a.actor_keys)} ~ {_keys(b.actor_keys)}, "
                 f"recipients {_keys(a.recipient_keys)} ~ {_keys(b.recipient_keys)}")
    place = ""
    if a.place is not None and b.place is not None:
        place = f", place {a.place.name} ~ {b.place.name}"
    return f"{event}; {sides}; dates overlap {_days(shared)}{place}"


def _shared_days(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int]:
    if a is None or b is None:
        raise ValueError("match_reason needs two dated reports")
    return max(a[0], b[0]), min(a[1], b[1])


def _keys(keys: frozenset[str]) -> str:
    return "+".join(sorted(keys)) or "?"


def _days(window: tuple[int, int]) -> str:
    start, end = date.fromordinal(window[0]), date.fromordinal(window[1])
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
