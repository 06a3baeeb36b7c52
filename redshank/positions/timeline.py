"""An actor's positions in time order, with changes of stance and hedges flagged."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from redshank.model import Position


@dataclass(slots=True)
class TimelineEntry:
    """A position and its flags: `change: refuse -> commit (...)`, `hedge: for now`."""

    position: Position
    flags: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {**self.position.to_json(), "flags": self.flags}


def _order(position: Position) -> tuple[Any, ...]:
    return (position.date_start is None, position.date_start or "", position.published or date.min,
            position.doc_id, position.sentence_index, position.position_id)


def timeline(positions: Sequence[Position]) -> list[TimelineEntry]:
    """Positions oldest first; each is compared with the holder's previous position on the
    same topic and flagged when the stance changed, and whenever it is hedged."""
    entries: list[TimelineEntry] = []
    last: dict[tuple[str, str], Position] = {}
    for position in sorted(positions, key=_order):
        entry = TimelineEntry(position)
        before = last.get((position.holder, position.topic))
        if before is not None and before.stance != position.stance:
            when = before.date or before.published or "undated"
            entry.flags.append(f"change: {before.stance} -> {position.stance} "
                               f"(was {before.stance} on {when})")
        if position.hedges:
            entry.flags.append("hedge: " + "; ".join(position.hedges))
        last[(position.holder, position.topic)] = position
        entries.append(entry)
    return entries
