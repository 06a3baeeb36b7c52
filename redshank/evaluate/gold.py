"""Typed gold-standard records, whatever file format they were read from.

A `GoldSet` is what a reader returns: the records of one file, the unit they are scored in
(`event` for PLOVER records, `triple` for PETRARCH's source-target-event codings) and how
gold and coded units are matched in a sentence (`one-to-one`, or `sentence` for the
real-news rules of `redshank-gold`: see match.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

GoldFormat = Literal["plover-gsr", "petrarch-xml", "redshank-gold"]
GOLD_FORMATS: tuple[GoldFormat, ...] = ("plover-gsr", "petrarch-xml", "redshank-gold")
ScoringUnit = Literal["event", "triple"]
Matching = Literal["one-to-one", "sentence"]
OPTIONAL_AUXILIARIES = frozenset({"negated", "hypothetical", "future"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One gold actor: a code (`USA`, `IGO`, `ARNGOV`, `---GOV`) or, if uncoded, a name.

    A named armed group (`ISIL`) carries the ids of the dictionary entries it stands for
    (`ISLAMIC_STATE`) in `entries`; it matches a coded actor made from one of them.
    `written` is the code as the gold wrote it when `code` is only its root (`USAGOV`).
    """

    code: str
    sector: str | None = None
    text: str | None = None
    entries: tuple[str, ...] = ()
    written: str | None = None

    @property
    def label(self) -> str:
        return self.written or self.code or f'"{self.text}"'


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event (or PETRARCH triple), its type already in PLOVER terms."""

    event: str
    mode: str | None
    context: tuple[str, ...]
    actor: tuple[GoldActor, ...]
    recipient: tuple[GoldActor, ...]
    written: str
    auxiliary: str | None = None

    @property
    def optional(self) -> bool:
        """Negated, hypothetical or future: neither rewarded nor penalised when scored."""
        return self.auxiliary in OPTIONAL_AUXILIARIES

    def describe(self) -> str:
        """`REQUEST USA -> IRQ` (with the gold's own name when it differs)."""
        actors = "+".join(a.label for a in self.actor) or "-"
        recipients = "+".join(a.label for a in self.recipient) or "-"
        mode = f"/{self.mode}" if self.mode else ""
        written = f" (gold: {self.written})" if self.written != self.event else ""
        auxiliary = f" [{self.auxiliary}]" if self.auxiliary else ""
        return f"{self.event}{mode} {actors} -> {recipients}{written}{auxiliary}"


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence: its text, date, category and the events it should yield.

    `article` names the article the sentence was taken from, when the gold has articles.
    """

    id: str
    text: str
    published: date | None
    category: str | None
    events: tuple[GoldEvent, ...]
    unscored: tuple[str, ...] = ()
    line: int | None = None
    article: str | None = None


@dataclass(frozen=True, slots=True)
class GoldSet:
    """The records of one gold file, with its format, scoring unit and matching rule."""

    path: str
    format: GoldFormat
    unit: ScoringUnit
    records: tuple[GoldRecord, ...]
    matching: Matching = "one-to-one"
