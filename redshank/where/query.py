"""Naming a place to filter by: the gazetteer place a user means by "Paris" (the filters
themselves are redshank/query.py and, in SQL, redshank/store/filters.py)."""

from __future__ import annotations

from redshank.errors import ConfigError
from redshank.where.gazetteer import Place, load_gazetteer
from redshank.where.resolve import Candidate, prominence


def place_named(name: str) -> Place:
    """The most prominent gazetteer place with this name ("Paris" -> Paris, France)."""
    candidates = [Candidate(place, primary) for place, primary in load_gazetteer().lookup(name)
                  if place.lat is not None]
    if not candidates:
        raise ConfigError(f"--near {name!r}: no place of that name in the gazetteer")
    return max(candidates, key=prominence).place
