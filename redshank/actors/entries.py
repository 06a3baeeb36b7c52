"""Typed dictionary entries: actors with dated roles, and agents (role nouns with a sector)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, fields
from datetime import date

from redshank.actors.codes import NULL_CODE, split_code
from redshank.model import ActorType


def _reduce(entry: object) -> tuple[type, tuple[object, ...]]:
    """Pickle as constructor arguments: twice as fast to load as the per-field state
    frozen dataclasses pickle by default (the dictionary cache holds 30,000 entries)."""
    return type(entry), tuple(getattr(entry, f.name) for f in fields(entry))


ACTOR_TYPES: tuple[ActorType, ...] = ("state", "person", "igo", "ngo", "armed_group", "other")


@dataclass(frozen=True, slots=True)
class RoleCode:
    """A CAMEO code an actor holds over the half-open date range [start, end)."""

    code: str
    country: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return _reduce(self)

    @classmethod
    def from_code(
        cls,
        code: str,
        start: date | None = None,
        end: date | None = None,
        countries: Collection[str] = (),
    ) -> RoleCode:
        """A role whose country and sector are read off the CAMEO code (`countries`: see
        `split_code`)."""
        parts = split_code(code, countries)
        return cls(code, parts.country, parts.sector, start, end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def is_null(self) -> bool:
        """PETRARCH's `---`: the name is known but is not an actor (in this period)."""
        return self.code == NULL_CODE

    def contains(self, day: date) -> bool:
        """Whether the role holds on `day` (start inclusive, end exclusive)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A named actor: its names, type and dated roles, and where it was defined.

    `place` marks a place standing for its government (a capital): alone it is the
    government ("Baghdad said"), but in "protesters in Baghdad" it gives only the country.
    """

    id: str
    name: str
    type: ActorType
    names: tuple[str, ...]
    roles: tuple[RoleCode, ...]
    file: str
    line: int
    place: bool = False

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return _reduce(self)

    @property
    def provenance(self) -> str:
        """`file:line ID`, the answer to "which dictionary entry made this actor?"."""
        return f"{self.file}:{self.line} {self.id}"

    def role_on(self, day: date | None) -> RoleCode | None:
        """The role held on `day` (narrowest range, else undated, else nearest); else the latest."""
        if not self.roles:
            return None
        dated = [r for r in self.roles if r.dated]
        undated = [r for r in self.roles if not r.dated]
        if day is None:
            if not dated:
                return undated[0]
            return max(dated, key=lambda r: (r.end or date.max, r.start or date.min))
        containing = [r for r in dated if r.contains(day)]
        if containing:
            return min(containing, key=_span_days)
        if undated:
            return undated[0]
        return min(dated, key=lambda r: _distance_days(r, day))


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role noun ("foreign minister", "militants") and the sector it gives an actor."""

    id: str
    names: tuple[str, ...]
    sector: str | None
    code: str
    file: str
    line: int

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return _reduce(self)

    @property
    def provenance(self) -> str:
        return f"{self.file}:{self.line} {self.id}"

    @property
    def organization(self) -> bool:
        """PETRARCH's `NGO~`/`IGO~` agents name an organisation type, not a role."""
        return self.code.endswith("~")


def _span_days(role: RoleCode) -> int:
    start = role.start or date.min
    end = role.end or date.max
    return (end - start).days


def _distance_days(role: RoleCode, day: date) -> int:
    if role.start is not None and day < role.start:
        return (role.start - day).days
    if role.end is not None and day >= role.end:
        return (day - role.end).days
    return 0
