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

Real-news gold (`redshank-gold`, `GoldSet.matching == "sentence"`) is judged per sentence
instead (`judge_sentence`), with the rules of issue 9:

- Gold events marked negated, hypothetical or future are optional: they are not scored, and
  a coded event whose type only they have is neither right nor wrong (unjudged).
- Gold actors are roots (ISO alpha-3 country, `IGO`, `NGO`) or named armed groups, which
  match a coded actor made from one of the group's dictionary entries. A side is right when
  every gold root on it is matched by a coded actor; an empty gold side accepts anything.
- A gold event is found (type recall) when some coded event of the sentence has its type,
  and fully found when one of them also has both sides right. A coded event is right
  (precision) when its type is among the sentence's scored gold types. Not one-to-one:
  two coded events of a gold type are both right, and one can find two gold events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from redshank.evaluate.gold import GoldActor, GoldEvent, ScoringUnit
from redshank.model import Actor, Event

_ENTRY = re.compile(r"\S+:\d+ (\S+)")
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
    """One outcome in a record: a gold unit, a coded unit, or both paired.

    One-to-one pairs count for both sides. `judge_sentence` judges each side on its own: a
    gold-side pair (`scores_coded` False) says whether and how its gold event was found, a
    coded-side pair (`scores_gold` False) whether its coded event was right.
    """

    gold: GoldEvent | None
    coded: CodedUnit | None
    actor_right: bool = False
    recipient_right: bool = False
    unjudged: bool = False
    scores_gold: bool = True
    scores_coded: bool = True

    @property
    def counts_gold(self) -> bool:
        """Counts for recall: a gold unit judged on its own behalf."""
        return self.gold is not None and self.scores_gold

    @property
    def counts_coded(self) -> bool:
        """Counts for precision: a coded unit judged on its own behalf."""
        return self.coded is not None and self.scores_coded and not self.unjudged

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
    """Whether a coded actor is the gold actor (entry, code prefix, country, type or name)."""
    if gold.entries:
        return any(_entry_id(entry) in gold.entries for entry in actor.entries)
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


def side_accepts(gold: Sequence[GoldActor], coded: Sequence[Actor]) -> bool:
    """Sentence rule: every gold actor found among the coded ones; an empty gold side
    accepts anything."""
    return all(any(actor_matches(g, a) for a in coded) for g in gold)


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


def judge_sentence(gold: Sequence[GoldEvent], coded: Sequence[CodedUnit]) -> list[Pair]:
    """Judge a sentence's gold and coded events by the sentence rules (module docstring).

    Gold-side pairs come first, one per scored gold event, with its best coded event of the
    same type; a gold event with none is paired, for the confusion matrix, with a coded
    event of a type no gold event has, if one is left. Then one coded-side pair per coded
    event, with its best gold event of the same type.
    """
    scored = [g for g in gold if not g.optional]
    scored_types = {g.event for g in scored}
    optional_types = {g.event for g in gold if g.optional} - scored_types
    off_type = [i for i, c in enumerate(coded)
                if c.event.event not in scored_types | optional_types]
    pairs: list[Pair] = []
    shown_as_wrong_type: dict[int, GoldEvent] = {}
    for g in scored:
        same = [i for i, c in enumerate(coded) if c.event.event == g.event]
        spare = [i for i in off_type if i not in shown_as_wrong_type]
        found = _best(g, coded, same) if same else _best(g, coded, spare)
        if found is None:
            pairs.append(Pair(g, None, scores_coded=False))
            continue
        if not same:
            shown_as_wrong_type[found] = g
        pairs.append(Pair(g, coded[found], *_accepted(g, coded[found]), scores_coded=False))
    for i, c in enumerate(coded):
        if c.event.event in optional_types:
            pairs.append(Pair(None, c, unjudged=True))
            continue
        candidates = [g for g in scored if g.event == c.event.event]
        best = max(candidates, key=lambda g: sum(_accepted(g, c)), default=None)
        if best is None:
            pairs.append(Pair(shown_as_wrong_type.get(i), c, scores_gold=False))
        else:
            pairs.append(Pair(best, c, *_accepted(best, c), scores_gold=False))
    return pairs


def _accepted(gold: GoldEvent, coded: CodedUnit) -> tuple[bool, bool]:
    return side_accepts(gold.actor, coded.actor), side_accepts(gold.recipient, coded.recipient)


def _best(gold: GoldEvent, coded: Sequence[CodedUnit], among: Sequence[int]) -> int | None:
    """The index of the coded unit with most sides accepted (the first of equals), or None."""
    return max(among, key=lambda i: sum(_accepted(gold, coded[i])), default=None)


def _entry_id(entry: str) -> str | None:
    """The dictionary id in an `Actor.entries` item (`phoenix-nonstate.jsonl:591 TALIBAN`);
    None for notes such as `country SYR: the event happened in Syria`."""
    found = _ENTRY.fullmatch(entry)
    return found.group(1) if found else None


def _name_key(name: str) -> str:
    words = name.casefold().replace("'s ", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
