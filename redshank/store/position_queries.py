"""What to ask the positions and coalition tables: the parameters of `query_positions` and
`query_coalitions` (the records they return: redshank/model/positions.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from redshank.errors import ConfigError
from redshank.model import STANCES


@dataclass(frozen=True, slots=True)
class PositionQuery:
    """Which positions to return; every filter given must match (case-insensitive).

    `actor` matches the holder's key or name or the speaker's id or name; `since`/`until`
    keep positions whose date range overlaps them (undated ones are dropped then); `after`
    is the sort key of the last position already seen (store/positions.py
    `position_sort_key`): only later ones are returned.
    """

    actor: str | None = None
    topic: str | None = None
    stance: str | None = None
    since: date | None = None
    until: date | None = None
    doc_id: str | None = None
    limit: int | None = None
    after: tuple[Any, ...] | None = None

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"limit must be zero or more, got {self.limit}")
        if self.stance is not None and self.stance not in STANCES:
            raise ConfigError(f"unknown stance {self.stance!r}; use one of {', '.join(STANCES)}")


@dataclass(frozen=True, slots=True)
class CoalitionQuery:
    """Which coalitions to return: `against` matches the adversary's key, code, name or
    any name a stored document calls it by (IS, ISIL); `name` is a case-insensitive part
    of the coalition's name, one of its labels ("core group") or its id; `member` matches
    a member key."""

    against: str | None = None
    name: str | None = None
    member: str | None = None
