"""Coalitions from events: who formed or joined one, against whom, and what each member does.

    AGREE/COOPERATE/SUPPORT "form|create|join ... coalition|core group|alliance" (and
    "X-led coalition|effort") -> memberships, each with the coalition's adversary:
        the event's recipient, else the actor named after a target word ("to battle
        Islamic State militants", "against IS"), else the recipient of a hostile event
        of the same sentence, else the armed group the document names most
    -> coalition id = hash of the adversary, so reports from many articles meet
    readings (reading.py) in a document that speaks of a coalition, or aimed at the
    adversary -> contribution candidates of every actor; the members' are shown

A coalition's view lists its members with the date and evidence of joining, each
member's contributions by kind and status, what organisations do for it (NATO's
information-sharing plan), and the members' declared limits (their refusals).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from redshank.knowledge import types_where
from redshank.model import (
    Actor,
    Adversary,
    CoalitionSummary,
    Contribution,
    Event,
    Membership,
    Span,
    format_day,
    hash_record,
)
from redshank.model.dates import json_record
from redshank.positions.context import DocContext, Party, cue_tokens, party_of
from redshank.positions.lexicon import Lexicon
from redshank.positions.reading import DERIVER_VERSION, Reading, position_of
from redshank.positions.tokens import Token, clause_window

# The `coalition` column of the event-type table.
MEMBERSHIP_EVENTS = types_where(coalition="member")
HOSTILE_EVENTS = types_where(coalition="hostile")
DETERMINERS = frozenset("a an the this that its their our his her new".split())
TARGET_REACH_WORDS = 3
_LED = re.compile(r"^\s*-?\s*led\b", re.IGNORECASE)
ROLE_RANK = {"leader": 0, "founder": 1, "member": 2}
LIMIT_STATUSES = frozenset({"refused"})


def coalition_id_for(adversary: Adversary | None, doc_id: str, label: str) -> str:
    """A coalition is named by its adversary; without one, by its label in one document."""
    if adversary is not None:
        return "co-" + hash_record("against", adversary.key)
    return "co-" + hash_record("label", doc_id, label.lower())


def _label(text: str, tokens: Sequence[Token], first: int, last: int) -> str:
    """The coalition's name as written: the noun and one modifier before it ("core
    coalition")."""
    words = [i for i in range(first) if tokens[i].is_word]
    start = first
    if words and tokens[words[-1]].text.lower() not in DETERMINERS and words[-1] >= first - 2:
        start = words[-1]
    return text[tokens[start].start:tokens[last].end].replace("“", "").replace("”", "")


def _target_adversary(ctx: DocContext, index: int, lexicon: Lexicon, exclude: set[str]
                      ) -> tuple[Adversary, str] | None:
    """The actor named right after a target word ("to battle X", "against X")."""
    text, _ = ctx.sentence(index)
    tokens = ctx.tokens(index)
    mentions = ctx.mentions_in(index)
    for cue in lexicon.cue("target", tokens):
        for actor, start, _ in sorted(mentions, key=lambda m: m[1]):
            between = [t for t in tokens if t.is_word and cue.end <= t.start and t.end <= start]
            party = party_of(actor)
            if (start >= cue.end and len(between) <= TARGET_REACH_WORDS and party is not None
                    and party.key not in exclude):
                return ctx.adversary(actor), (f"adversary {party.key}: named after "
                                              f"'{text[cue.start:cue.end]}' ({cue.phrase.source})")
    return None


def find_adversary(ctx: DocContext, index: int, lexicon: Lexicon, exclude: set[str],
                   recipients: Iterable[Actor] = ()) -> tuple[Adversary | None, str]:
    """Whom a coalition in sentence `index` is against, and how that was found."""
    for actor in recipients:
        party = party_of(actor)
        if party is not None and party.key not in exclude:
            return ctx.adversary(actor), f"adversary {party.key}: the event's recipient"
    found = _target_adversary(ctx, index, lexicon, exclude)
    if found is not None:
        return found
    for event in ctx.events_in(index):
        if event.event in HOSTILE_EVENTS and any(
                (p := party_of(a)) is not None and p.key in exclude for a in event.actor):
            for actor in event.recipient:
                party = party_of(actor)
                if party is not None and party.key not in exclude:
                    return ctx.adversary(actor), (f"adversary {party.key}: the target of "
                                                  f"'{event.evidence.trigger}' in the sentence")
    main = ctx.main_adversary(exclude)
    if main is not None:
        return main, f"adversary {main.key}: the armed group the article names most"
    return None, "no adversary found"


def _membership(ctx: DocContext, party: Party, role: str, adversary: Adversary | None,
                label: str, index: int, trigger: str, span: Span, event: Event | None,
                reasons: list[str]) -> Membership:
    coalition_id = coalition_id_for(adversary, ctx.doc_id, label)
    date = event.date if event is not None and event.date else format_day(ctx.published)
    return Membership(
        membership_id="cm-" + hash_record(coalition_id, party.key, ctx.doc_id, index, trigger),
        coalition_id=coalition_id, member=party.key, member_name=party.name,
        member_type=party.type, role=role,  # type: ignore[arg-type]
        adversary=adversary, label=label, date=date,
        date_precision=event.date_precision if event is not None and event.date else "reported",
        date_start=(event.date_start if event is not None and event.date_start
                    else ctx.published),
        doc_id=ctx.doc_id, sentence_index=index, sentence=ctx.sentence(index)[0],
        trigger=trigger, span=span, event_id=event.event_id if event is not None else None,
        published=ctx.published, reasons=reasons, deriver_version=DERIVER_VERSION,
    )  # fmt: skip


def _states_membership(event: Event, lexicon: Lexicon, trigger: Sequence[Token]) -> bool:
    """True for an event reported as done or to be done, or whose hypothetical cue is the
    actor's intention ("decided to join") or a purpose ("sent jets to join"); `trigger`
    is the trigger's tokens."""
    if event.auxiliary in (None, "historical", "future"):
        return True
    if event.auxiliary != "hypothetical":
        return False
    cue = cue_tokens(event)
    purpose = [t.key for t in cue] == ["to", *(t.key for t in trigger)]
    return purpose or (bool(lexicon.cue("intention", cue)) and not lexicon.cue("request", cue))


def memberships_from_event(ctx: DocContext, event: Event, lexicon: Lexicon) -> list[Membership]:
    """Members named by one forming or joining event (none for other events): its actors,
    and its recipients other than armed groups ("formed a coalition with France")."""
    if (event.event not in MEMBERSHIP_EVENTS
            or not _states_membership(event, lexicon, ctx.trigger_tokens(event))):
        return []
    index = event.sentence_index
    text, _ = ctx.sentence(index)
    tokens = ctx.tokens(index)
    trigger = ctx.trigger_token(event)
    verbs = [(kind, m) for kind in ("form", "join")
             for m in lexicon.cue(kind, tokens, trigger, trigger + 1)]
    if not verbs:
        return []
    kind, verb = verbs[0]
    start, end = clause_window(tokens, trigger)
    nouns = lexicon.cue("coalition", tokens, start, end)
    if kind == "join":
        nouns += lexicon.cue("campaign", tokens, start, end)
    if not nouns:
        return []
    noun = min(nouns, key=lambda m: abs(m.first - trigger))
    actors = _parties(event.actor)
    partners = _parties(a for a in event.recipient if a.type != "armed_group")
    partners = [p for p in partners if p.key not in {a.key for a in actors}]
    if not actors:
        return []
    targets = [a for a in event.recipient if a.type == "armed_group"]
    adversary, how = find_adversary(ctx, index, lexicon,
                                    {p.key for p in (*actors, *partners)}, targets)
    label = _label(text, tokens, noun.first, noun.last)
    found = []
    for group, role in ((actors, "member" if kind == "join" else
                         "leader" if len(actors) == 1 and not partners else "founder"),
                        (partners, "member" if kind == "join" else "founder")):
        reasons = [f"{role}: '{text[verb.start:verb.end]}' ({verb.phrase.source}) "
                   f"'{text[noun.start:noun.end]}' ({noun.phrase.source})"
                   + ("" if group is actors else "; a partner named as the recipient"), how,
                   f"event {event.event_id} ({event.evidence.rule})"]
        found.extend(_membership(ctx, party, role, adversary, label, index,
                                 event.evidence.trigger, event.evidence.span, event, reasons)
                     for party in group)
    return found


def _parties(actors: Iterable[Actor]) -> list[Party]:
    return list({p.key: p for a in actors if (p := party_of(a)) is not None}.values())


def memberships_from_led(ctx: DocContext, index: int, lexicon: Lexicon) -> list[Membership]:
    """Leaders named as "X-led coalition" or "the U.S. led effort"."""
    text, offset = ctx.sentence(index)
    tokens = ctx.tokens(index)
    found = []
    for actor, _, end in ctx.mentions_in(index):
        led = _LED.match(text[end:])
        party = party_of(actor)
        if not led or party is None:
            continue
        after = next((i for i, t in enumerate(tokens) if t.start >= end + led.end()), None)
        if after is None:
            continue
        reach = min(len(tokens), after + 3)
        nouns = (lexicon.cue("coalition", tokens, after, reach)
                 + lexicon.cue("campaign", tokens, after, reach))
        if not nouns:
            continue
        noun = nouns[0]
        adversary, how = find_adversary(ctx, index, lexicon, {party.key})
        label = text[actor.span.start - offset:noun.end]
        span = Span(offset + end, offset + end + led.end())
        found.append(_membership(ctx, party, "leader", adversary, label, index,
                                 text[end:end + led.end()].strip(), span, None,
                                 [f"leader: '{label}' ({noun.phrase.source})", how]))
    return found


def find_memberships(ctx: DocContext, lexicon: Lexicon) -> list[Membership]:
    """Every membership a document states."""
    found = [m for event in ctx.events for m in memberships_from_event(ctx, event, lexicon)]
    for index in ctx.sentences:
        found.extend(memberships_from_led(ctx, index, lexicon))
    return found


def _speaks_of_coalition(ctx: DocContext, lexicon: Lexicon) -> bool:
    return any(lexicon.cue("coalition", ctx.tokens(index)) for index in ctx.sentences)


def find_contributions(ctx: DocContext, readings: Sequence[Reading],
                       memberships: Sequence[Membership], lexicon: Lexicon
                       ) -> list[Contribution]:
    """Contribution candidates: each reading of an article that speaks of a coalition (for
    that coalition) and each reading aimed at an armed group or hostile (for the coalition
    against its target). Only members' and organisations' are shown in a coalition."""
    against: dict[str, str] = {m.coalition_id: m.adversary.key for m in memberships
                               if m.adversary is not None}
    if _speaks_of_coalition(ctx, lexicon):
        main = ctx.main_adversary()
        if main is not None:
            against.setdefault(coalition_id_for(main, ctx.doc_id, ""), main.key)
    found = []
    for reading in readings:
        targets = dict(against)
        for event in reading.events:
            for actor in event.recipient:
                party = party_of(actor)
                if party is not None and (actor.type == "armed_group"
                                          or event.event in HOSTILE_EVENTS):
                    targets.setdefault(coalition_id_for(ctx.adversary(actor), "", ""),
                                       party.key)
        for coalition_id, adversary in targets.items():
            if adversary != reading.holder.key:
                found.append(contribution_of(reading, coalition_id))
    return found


def contribution_of(reading: Reading, coalition_id: str) -> Contribution:
    """A reading as a contribution to one coalition."""
    position_id = position_of(reading).position_id if reading.stance else None
    return Contribution(
        contribution_id="cc-" + hash_record(coalition_id, reading.doc_id,
                                            reading.sentence_index, *reading.key),
        coalition_id=coalition_id, actor=reading.holder.key, actor_name=reading.holder.name,
        actor_type=reading.holder.type, kind=reading.topic, status=reading.status,
        hedges=reading.hedges, date=reading.date, date_precision=reading.date_precision,
        date_start=reading.date_start, speaker=reading.speaker, quote=reading.quote,
        doc_id=reading.doc_id, sentence_index=reading.sentence_index,
        sentence=reading.sentence, trigger=reading.trigger, span=reading.span,
        event_ids=[e.event_id for e in reading.events], position_id=position_id,
        published=reading.published, reasons=reading.reasons,
        deriver_version=DERIVER_VERSION,
    )  # fmt: skip


def summarize(coalition_id: str, memberships: Sequence[Membership]) -> CoalitionSummary | None:
    """A coalition from its membership evidence (None when it has none)."""
    own = sorted((m for m in memberships if m.coalition_id == coalition_id), key=_order)
    if not own:
        return None
    adversaries = [m.adversary for m in own if m.adversary is not None]
    adversary = None
    if adversaries:
        key = Counter(a.key for a in adversaries).most_common(1)[0][0]
        same = [a for a in adversaries if a.key == key]
        adversary = Adversary(key=key, name=same[0].name, code=same[0].code, type=same[0].type,
                              aliases=list(dict.fromkeys(x for a in same for x in a.aliases)))
    labels = list(dict.fromkeys(m.label for m in own))
    first: dict[str, Membership] = {}
    for membership in own:
        first.setdefault(membership.member, membership)
    roles = {key: min((m.role for m in own if m.member == key), key=ROLE_RANK.__getitem__)
             for key in first}
    members = sorted(first, key=lambda k: (first[k].date_start or date.min, ROLE_RANK[roles[k]],
                                           first[k].member_name))
    dates = sorted(m.date_start for m in own if m.date_start)
    name = f"coalition against {adversary.name}" if adversary else labels[0]
    return CoalitionSummary(
        coalition_id=coalition_id, name=name, adversary=adversary, labels=labels,
        leaders=list(dict.fromkeys(m.member for m in own if m.role == "leader")),
        members=members, first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None, deriver_version=DERIVER_VERSION)


def _order(record: Membership | Contribution) -> tuple[Any, ...]:
    return (record.date_start is None, record.date_start or "", record.published or date.min,
            record.doc_id, record.sentence_index)


@dataclass(slots=True)
class ContributionGroup:
    """One actor's contributions of one kind and status, with every piece of evidence."""

    actor: str
    actor_name: str
    kind: str
    status: str
    first_date: date | None
    last_date: date | None
    hedges: list[str]
    evidence: list[Contribution]


@dataclass(slots=True)
class CoalitionMember:
    """A member: when and how it joined (its first evidence), and what it contributes."""

    member: str
    name: str
    type: str
    role: str
    joined: date | None
    evidence: Membership
    more_evidence: list[str]
    contributions: list[ContributionGroup] = field(default_factory=list)


@dataclass(slots=True)
class Coalition:
    """A coalition as shown to users: members, their contributions, what organisations do
    for it (`related`) and the members' declared limits (their refusals)."""

    coalition_id: str
    name: str
    adversary: Adversary | None
    labels: list[str]
    leaders: list[str]
    first_date: date | None
    members: list[CoalitionMember]
    related: list[ContributionGroup]
    limits: list[ContributionGroup]
    deriver_version: str

    def to_json(self) -> dict[str, Any]:
        return json_record(self)


def _groups(contributions: Iterable[Contribution]) -> list[ContributionGroup]:
    grouped: dict[tuple[str, str, str], list[Contribution]] = {}
    for item in sorted(contributions, key=_order):
        grouped.setdefault((item.actor, item.kind, item.status), []).append(item)
    groups = []
    for (actor, kind, status), items in grouped.items():
        dates = [i.date_start for i in items if i.date_start]
        groups.append(ContributionGroup(
            actor=actor, actor_name=items[0].actor_name, kind=kind, status=status,
            first_date=min(dates) if dates else None, last_date=max(dates) if dates else None,
            hedges=list(dict.fromkeys(h for i in items for h in i.hedges)), evidence=items))
    return groups


def build_coalition(summary: CoalitionSummary, memberships: Sequence[Membership],
                    contributions: Sequence[Contribution]) -> Coalition:
    """The user's view of a coalition from its summary, memberships and contributions."""
    own = sorted((m for m in memberships if m.coalition_id == summary.coalition_id),
                 key=_order)
    by_member: dict[str, list[Membership]] = {}
    for membership in own:
        by_member.setdefault(membership.member, []).append(membership)
    unique = {c.contribution_id: c for c in contributions
              if c.coalition_id == summary.coalition_id}
    members: list[CoalitionMember] = []
    for key, evidence in by_member.items():
        first = evidence[0]
        role = min((m.role for m in evidence), key=ROLE_RANK.__getitem__)
        mine = [c for c in unique.values() if c.actor == key]
        members.append(CoalitionMember(
            member=key, name=first.member_name, type=first.member_type, role=role,
            joined=first.date_start, evidence=first,
            more_evidence=[m.membership_id for m in evidence[1:]],
            contributions=_groups(mine)))
    members.sort(key=lambda m: (m.joined is None, m.joined or "", ROLE_RANK[m.role], m.name))
    related = _groups(c for c in unique.values()
                      if c.actor not in by_member and c.actor_type in ("igo", "ngo"))
    limits = [g for m in members for g in m.contributions if g.status in LIMIT_STATUSES]
    return Coalition(
        coalition_id=summary.coalition_id, name=summary.name, adversary=summary.adversary,
        labels=summary.labels, leaders=summary.leaders, first_date=summary.first_date,
        members=members, related=related, limits=limits,
        deriver_version=summary.deriver_version)
