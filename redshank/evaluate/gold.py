"""Typed gold-standard records, whatever file format they were read from.

A `GoldSet` is what a reader returns: the records of one file and the unit they are scored
in (`event` for PLOVER records, `triple` for PETRARCH's source-target-event codings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

GoldFormat = Literal["plover-gsr", "petrarch-xml"]
GOLD_FORMATS: tuple[GoldFormat, ...] = ("plover-gsr", "petrarch-xml")
ScoringUnit = Literal["event", "triple"]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One gold actor: a code (`USA`, `IGO`, `ARNGOV`, `---GOV`) or, if uncoded, a name."""

    code: str
    sector: str | None = None
    text: str | None = None

    @property
    def label(self) -> str:
        return self.code or f'"{self.text}"'


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event (or PETRARCH triple), its type already in PLOVER terms."""

    event: str
    mode: str | None
    context: tuple[str, ...]
    actor: tuple[GoldActor, ...]
    recipient: tuple[GoldActor, ...]
    written: str

    def describe(self) -> str:
        """`REQUEST USA -> IRQ` (with the gold's own name when it differs)."""
        actors = "+".join(a.label for a in self.actor) or "-"
        recipients = "+".join(a.label for a in self.recipient) or "-"
        mode = f"/{self.mode}" if self.mode else ""
        written = f" (gold: {self.written})" if self.written != self.event else ""
        return f"{self.event}{mode} {actors} -> {recipients}{written}"


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence: its text, date, category and the events it should yield."""

    id: str
    text: str
    published: date | None
    category: str | None
    events: tuple[GoldEvent, ...]
    unscored: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True, slots=True)
class GoldSet:
    """The records of one gold file, with its format and scoring unit."""

    path: str
    format: GoldFormat
    unit: ScoringUnit
    records: tuple[GoldRecord, ...]
