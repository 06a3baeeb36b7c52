"""Match coded events to gold events within one record: pure functions, no parser.

Rules (see docs/quality.md):

- Counted events: those a user sees by default, i.e. not negated, hypothetical or future
  (`include_hidden` counts them all). Hidden events are still used to explain misses.
- A gold actor code matches a coded `Actor` when the actor's code starts with it
  (`ARN` ~ `ARN`, `ARNGOV`; `USA` ~ `USAGOV`), when it is the actor's country (`USA`), or
  when it names the actor's type (`IGO`, `NGO`). An uncoded gold actor (a name) matches an
  actor whose text or name is that name. Gold sectors are not required.
- A side (actor or recipient) is right when every gold actor on it is matched by a coded
  actor and every coded actor matches a gold actor; an empty gold side wants an empty side.
- Within a record, gold and coded units are paired one-to-one: first greedily by event
  type, best actor agreement first (these count for recall and precision; with both sides
  right for "full"); then leftovers of different types are paired by actor agreement (the
  confusion matrix's off-diagonal); what is still left are misses and false alarms.
- For PETRARCH records the unit is the triple: a coded event with actors A1, A2 and
  recipient R counts as the triples (A1, R) and (A2, R), duplicates dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from redshank.evaluate.gold import GoldActor, GoldEvent, ScoringUnit
from redshank.model import Actor, Event

HIDDEN_AUXILIARIES = frozenset({"negated", "hypothetical", "future"})
TYPE_CODES = {"IGO": "igo", "NGO": "ngo"}

PairKind = Literal["full", "wrong_actors", "wrong_type", "miss", "false_alarm", "unjudged"]


@dataclass(frozen=True, slots=True)
class CodedUnit:
    """A coded event, or one (actor, recipient) triple of it, as scored."""

    event: Event
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]


@dataclass(frozen=True, slots=True)
class Pair:
    """One outcome in a record: a gold unit, a coded unit, or both paired."""

    gold: GoldEvent | None
    coded: CodedUnit | None
    actor_right: bool = False
    recipient_right: bool = False
    unjudged: bool = False

    @property
    def kind(self) -> PairKind:
        if self.gold is None:
            return "unjudged" if self.unjudged else "false_alarm"
        if self.coded is None:
            return "miss"
        if self.gold.event != self.coded.event.event:
            return "wrong_type"
        return "full" if self.actor_right and self.recipient_right else "wrong_actors"

    @property
    def type_right(self) -> bool:
        return self.kind in ("full", "wrong_actors")


def is_counted(event: Event, include_hidden: bool = False) -> bool:
    """Whether a coded event is scored: shown by default, or all with `include_hidden`."""
    return include_hidden or event.auxiliary not in HIDDEN_AUXILIARIES


def actor_matches(gold: GoldActor, actor: Actor) -> bool:
    """Whether a coded actor is the gold actor (code prefix, country, type or name)."""
    if not gold.code:
        wanted = _name_key(gold.text or "")
        return bool(wanted) and wanted in (_name_key(actor.text), _name_key(actor.name))
    if actor.code and actor.code.upper().startswith(gold.code):
        return True
    if actor.country and actor.country.upper() == gold.code:
        return True
    return TYPE_CODES.get(gold.code) == actor.type


def side_matches(gold: Sequence[GoldActor], coded: Sequence[Actor]) -> bool:
    """Every gold actor found among the coded ones, and no coded actor that is not gold."""
    return (all(any(actor_matches(g, a) for a in coded) for g in gold)
            and all(any(actor_matches(g, a) for g in gold) for a in coded))


def coded_units(events: Sequence[Event], unit: ScoringUnit) -> list[CodedUnit]:
    """Events as scoring units: whole events, or their distinct (actor, recipient) triples."""
    if unit == "event":
        return [CodedUnit(e, tuple(e.actor), tuple(e.recipient)) for e in events]
    units: list[CodedUnit] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    for event in events:
        for actor in event.actor or [None]:
            for recipient in event.recipient or [None]:
                key = (event.event, actor and actor.id, recipient and recipient.id)
                if key in seen:
                    continue
                seen.add(key)
                units.append(CodedUnit(event, (actor,) if actor else (),
                                       (recipient,) if recipient else ()))
    return units


def _agreement(gold: GoldEvent, coded: CodedUnit) -> tuple[bool, bool]:
    return side_matches(gold.actor, coded.actor), side_matches(gold.recipient, coded.recipient)


def match_record(gold: Sequence[GoldEvent], coded: Sequence[CodedUnit], *,
                 has_unscored: bool = False) -> list[Pair]:
    """Pair a record's gold and coded units one-to-one (see the module docstring).

    With `has_unscored` (gold codings that have no PLOVER reading), coded units left after
    type matching are unjudged rather than false alarms: they may be those codings.
    """
    pairs: list[Pair] = []
    free_gold, free_coded = list(range(len(gold))), list(range(len(coded)))
    for same_type in (True, False):
        if has_unscored and not same_type:
            break
        candidates = []
        for g in free_gold:
            for c in free_coded:
                if same_type != (gold[g].event == coded[c].event.event):
                    continue
                actor_right, recipient_right = _agreement(gold[g], coded[c])
                candidates.append((-(actor_right + recipient_right), g, c, actor_right,
                                   recipient_right))
        for _, g, c, actor_right, recipient_right in sorted(candidates):
            if g in free_gold and c in free_coded:
                free_gold.remove(g)
                free_coded.remove(c)
                pairs.append(Pair(gold[g], coded[c], actor_right, recipient_right))
    pairs.extend(Pair(gold[g], None) for g in free_gold)
    pairs.extend(Pair(None, coded[c], unjudged=has_unscored) for c in free_coded)
    return pairs


def _name_key(name: str) -> str:
    words = name.casefold().replace("'s ", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
