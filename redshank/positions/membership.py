"""Which coalitions a document names, and who it says takes part in them.

    each sentence -> references to coalitions (`Reference`):
        a name of the catalogue ("KFOR", "the International Security Assistance Force")
        a generic phrase resolved in the catalogue by its lead, host and the date
            ("the US-led coalition in Iraq", "NATO troops", "peacekeepers in Lebanon",
            "the coalition against IS"), or, with no catalogue entry, a coalition named by
            its adversary ("a coalition to battle X")
        never a party, government or commercial sense ("ruling coalition", "airline
            alliance": the not-alliance cues)
    -> memberships, each tied to one coalition:
        forming and joining events ("formed a coalition to battle X", "joined KFOR")
        "X-led R"                                                     leader
        "A, B and C, as part of R", "A is among the countries supporting R",
            "A is a member of R"                                      member
        a state's troops in a sentence about R, or in one of R's host countries
            ("German KFOR troops", "forces from A, B and C", "Polish soldiers in Iraq")
        "under X command"                                             member (command)

A member is a state or an international organisation named in the text (not a pronoun,
not a generic agent), never one of the coalition's host countries, its adversary or the
organisation that leads it. A sentence without a reference of its own speaks of the
document's coalition: the one it names most (`DocumentCoalitions.main`). Rules and cue
lists: docs/positions.md, redshank/data/positions/coalition-cues.tsv.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from redshank.actors.codes import country_name
from redshank.knowledge import types_where
from redshank.model import (
    Actor,
    Adversary,
    Contribution,
    Event,
    Membership,
    Span,
    format_day,
    hash_record,
)
from redshank.positions.catalogue import Catalogue, KnownCoalition, default_catalogue
from redshank.positions.context import (
    DocContext,
    Party,
    cue_tokens,
    is_named,
    organisation_of,
    party_of,
)
from redshank.positions.lexicon import Lexicon, Match
from redshank.positions.reading import DERIVER_VERSION, NO_TOPIC
from redshank.positions.tokens import Token, clause_window, lemma_key, token_at
from redshank.positions.troops import TroopFact, read_document_troops
from redshank.where.gazetteer import load_gazetteer

MEMBERSHIP_EVENTS = types_where(coalition="member")
MEMBER_TYPES = frozenset({"state", "igo"})
# What "peacekeepers" and "a peacekeeping force" can mean (news calls the troops of a
# stabilisation mission peacekeepers too: AMISOM, MINUSTAH), and what any other generic
# phrase can: a force, not an operation supporting another force or a civilian mission
# (political, administration, rule of law, security-sector reform, border assistance).
PEACEKEEPING = ("peacekeeping",)
PEACEKEEPERS = (*PEACEKEEPING, "stabilisation")
GENERIC_PURPOSES = ("peacekeeping", "combat", "counter-insurgency", "counter-terrorism",
                    "counter-piracy", "stabilisation", "training", "monitoring",
                    "humanitarian", "maritime-security", "no-fly", "deterrence", "policing",
                    "embargo", "disarmament", "air-policing")
# Cue kinds of what states send to a force, and the contribution each is.
ASSET_KINDS = {"naval-asset": "naval", "air-asset": "air", "police-asset": "police",
               "command-asset": "command", "ground-asset": "ground-troops"}
ASSET_WORDS = 2  # words of an asset's name before the mention of its noun ("sea [forces]")
# What a generic phrase most likely means when several kinds of entry fit: a coalition or
# a force ("the multinational force in Iraq"), before an operation or a mission.
FORCE_KINDS = ("coalition", "force")
TROOP_KINDS = frozenset({"ground-troops", "police"})  # what troop statements count
NOT_KINDS = frozenset({NO_TOPIC, "withdrawal", "troop-levels"})  # changes, not kinds
UNSTATED_UNITS = frozenset({"personnel", "staff"})  # troops of any kind
# A state mention's sector that names its forces, and how that is told in reasons.
FORCE_SECTORS = {"MIL": "its military", "COP": "its police"}
UNPLACED_KINDS = frozenset({"naval", "air"})  # assets a state sends abroad, not its army
UNIT_WORDS = 2  # "the German [naval group] consists of"
FOR_WORDS = 2  # "soldiers for [training and] ...", "troops for [logistics support]"
# A troop fact's status as a contribution's.
FACT_STATUS = {"completed": "done", "announced": "committed", "planned": "planned"}
DETERMINERS = frozenset("a an the this that its their our his her new".split())
TARGET_REACH_WORDS = 3
LED_REACH_WORDS = 3  # "US-led [multinational] coalition", "NATO-led [peacekeeping] force"
PLACE_REACH_WORDS = 4  # "the coalition [forces] in Iraq"
PART_OF_REACH_WORDS = 4  # "as part of [the NATO-led] KFOR"
NEXT_TO_WORDS = 3  # "German KFOR troops", "UN force, comprising of troops from Italy"
UNREAL_REACH_WORDS = 4  # "might [want to] take part in", not "may withdraw ... it has in"
PLACE_PREPOSITIONS = ("in", "into", "to", "from")
DESTINATION_WORDS = frozenset({"to", "for", "into", "join", "reinforce", "strengthen",
                               "bolster"})
LEAVE_REACH_WORDS = 2  # "pulled out of [the US-led] coalition"
INCLUDE_REACH_WORDS = 3  # "the force[, which] includes [troops from] A"
PARTNER_LINKS = frozenset({"such", "as", "including", "like", ","})  # "partners such as A"
# "A and B, both coalition members", "A, a fellow NATO ally"
APPOSITION_WORDS = frozenset({"a", "an", "the", "both", "all", "fellow", "two", "three",
                              "four", "its", "their", "key", "close", "major", "main"})
HOST_PREPOSITIONS = ("in", "into", "to")  # "troops from Nepal" are not in Nepal
PRESENCE_PREPOSITIONS = ("in", "at")  # where forces are: "in Dili", "arrived at Dili"
RELATIVES = frozenset({"that", "who", "which"})  # "soldiers that are in Dili"
MAX_TOPONYM_WORDS = 3  # "in Cite Soleil", "in El Fasher"
CONTINGENT_KEYS = frozenset({lemma_key("contingent")})  # one state's part of a force
PLACE_MODIFIERS = frozenset({"southern", "northern", "eastern", "western", "central"})
OPPOSING_KEYS = frozenset(lemma_key(w) for w in ("over", "versus", "vs", "attack", "kill",
                                                  "clash", "fire", "ambush", "defeat"))
# Forces fighting in the host country of a peacekeeping force are a party to its war, not
# the force keeping the peace there ("Israeli soldiers battling Hezbollah in southern
# Lebanon"); in a combat coalition's host country fighting is what members do.
FIGHTING_KEYS = OPPOSING_KEYS | frozenset(lemma_key(w) for w in (
    "battle", "fight", "invade", "invasion", "shell", "bomb", "raid", "occupy", "offensive",
    "strike", "assault"))
REAL_MODALS = frozenset(lemma_key(w) for w in ("will", "'ll", "shall"))
UNREAL_WORDS = frozenset(lemma_key(w) for w in (
    "not", "n't", "never", "no", "refuse", "reject", "decline", "consider", "if", "whether",
    "want", "hope", "ask", "urge", "likely", "expect", "possible"))
_LED = re.compile(r"^\s*-?\s*led\b", re.IGNORECASE)
_NAME_WORDS = re.compile(r"[^\W\d_]+")
_LED_INSIDE = re.compile(r"\w\s*-\s*led\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reference:
    """A coalition named in a sentence: tokens [first, last], what it resolved to and how.

    `coalition_id` is "co-" and the catalogue id for a known coalition, else the hash of
    its adversary; `lead` is the leader the phrase names ("US-led"), when it names one.
    """

    coalition_id: str
    known: KnownCoalition | None
    adversary: Adversary | None
    index: int
    first: int
    last: int
    label: str
    lead: Party | None
    how: str


@dataclass(slots=True)
class DocumentCoalitions:
    """The references of each sentence of a document and its main coalition."""

    references: dict[int, list[Reference]] = field(default_factory=dict)
    main: Reference | None = None

    def in_sentence(self, index: int) -> list[Reference]:
        return self.references.get(index, [])

    def about(self, index: int, at: int | None = None) -> Reference | None:
        """The coalition sentence `index` speaks of: its reference nearest token `at`,
        else the document's main coalition."""
        own = self.in_sentence(index)
        if own:
            return min(own, key=lambda r: abs(r.first - at)) if at is not None else own[0]
        return self.main


KNOWN_PREFIX = "co-"


def dated_event(ctx: DocContext, span: Span) -> Event | None:
    """The coded event whose trigger overlaps `span` (document offsets) when the coder
    dated it from the text (not the publication date), for a statement of the past
    ("U.S. forces withdrew in 1984")."""
    for event in ctx.events:
        trigger = event.evidence.span
        if (trigger.start < span.end and span.start < trigger.end and event.date_start
                and event.date_precision not in ("reported", "unknown")
                and (ctx.published is None or event.date_start <= ctx.published)):
            return event
    return None


def member_party(actor: Actor) -> Party | None:
    """Whose membership an actor mention is: its country for a country's contingent of
    an organisation's force ("Chinese UN peacekeepers"), else its side (`party_of`)."""
    if actor.type == "igo" and actor.country:
        return Party(actor.country, country_name(actor.country), "state")
    return party_of(actor)


def known_coalition_id(known: KnownCoalition) -> str:
    return KNOWN_PREFIX + known.id


def adversary_coalition_id(adversary: Adversary) -> str:
    """A coalition the catalogue does not know is named by its adversary."""
    return "co-" + hash_record("against", adversary.key)


def _places(ctx: DocContext, index: int, start: int, end: int,
            prepositions: Collection[str] = PLACE_PREPOSITIONS) -> list[str]:
    """Countries named right after a preposition ("in Iraq", "in southern Lebanon", "to
    Kandahar") among tokens [start, end): by the coder's actors, or by the gazetteer for a
    town the actor dictionaries do not hold ("in Baidoa": `_toponym_country`)."""
    tokens = ctx.tokens(index)
    found: list[tuple[int, str]] = []
    spans = []
    for actor, begin, end_char in ctx.mentions_in(index):
        spans.append((begin, end_char))
        if not actor.country:
            continue
        words = [i for i in range(start, min(end, len(tokens)))
                 if tokens[i].end <= begin and tokens[i].is_word]
        if words and tokens[words[-1]].text.lower() in prepositions:
            found.append((begin, actor.country))
        elif (len(words) >= 2 and tokens[words[-2]].text.lower() in prepositions
              and tokens[words[-1]].text.lower() in DETERMINERS | PLACE_MODIFIERS):
            found.append((begin, actor.country))
    for at in range(start, min(end, len(tokens)) - 1):
        if tokens[at].text.lower() not in prepositions:
            continue
        first = at + 1
        while first < len(tokens) - 1 and tokens[first].text.lower() in PLACE_MODIFIERS:
            first += 1
        last = first
        while last + 1 < len(tokens) and tokens[last + 1].tag in ("NNP", "NNPS") and \
                last - first < MAX_TOPONYM_WORDS - 1:
            last += 1
        if tokens[first].tag not in ("NNP", "NNPS") or any(
                b < tokens[last].end and tokens[first].start < e for b, e in spans):
            continue
        text, _ = ctx.sentence(index)
        country = _toponym_country(text[tokens[first].start:tokens[last].end])
        if country is not None:
            found.append((tokens[first].start, country))
    return list(dict.fromkeys(code for _, code in sorted(found)))


@lru_cache(maxsize=4096)
def _toponym_country(name: str) -> str | None:
    """The country of a place name when the gazetteer has it in one country only (among
    its places of that primary name, else among all): "Baidoa" is in Somalia; "Paris" is
    in France and in the United States, so it says nothing."""
    places = [(place, primary) for place, primary in load_gazetteer().lookup(name)
              if place.country]
    primaries = {place.country for place, primary in places if primary}
    countries = primaries or {place.country for place, _ in places}
    return next(iter(countries)) if len(countries) == 1 else None


def _says_the_country(tokens: Sequence[Token], start: int, end: int) -> bool:
    """True when tokens[start:end] say "in the country", meaning the one the article is
    about."""
    words = [t.text.lower() for t in tokens[start:end]]
    return any(words[i:i + 3] == ["in", "the", "country"] for i in range(len(words)))


def _document_places(ctx: DocContext) -> list[str]:
    """The countries a document names, most named first."""
    return [code for code, _ in Counter(a.country for a in ctx.mentions if a.country)
            .most_common()]


def _document_settings(ctx: DocContext) -> list[str]:
    """The countries a document names as places ("in Dili", "to Somalia"), most named
    first: where its events happen, not whose people act in them ("Portuguese police")
    nor where they come from ("troops from Malaysia")."""
    counts = Counter(code for index in ctx.sentences
                     for code in _places(ctx, index, 0, len(ctx.tokens(index)),
                                         HOST_PREPOSITIONS))
    return [code for code, _ in counts.most_common()]


def _nearby_places(ctx: DocContext, index: int) -> list[str]:
    """The countries named in sentence `index`, then in the sentences before it (nearest
    first), then in the rest of the document (most named first): where a phrase that
    names no place most likely is."""
    found: list[str] = []
    for before in sorted((i for i in ctx.sentences if i <= index), reverse=True):
        found.extend(actor.country for actor, _, _ in ctx.mentions_in(before) if actor.country)
    found.extend(_document_places(ctx))
    return list(dict.fromkeys(found))


def _led_by(ctx: DocContext, index: int, noun: Match) -> tuple[Party, Actor] | None:
    """The leader named as "X-led" up to three words before a coalition noun."""
    text, _ = ctx.sentence(index)
    tokens = ctx.tokens(index)
    for actor, begin, end in ctx.mentions_in(index):
        party = party_of(actor)
        if party is None or party.type not in MEMBER_TYPES:
            continue
        led = _LED.match(text[end:])
        after = end + led.end() if led else None
        if after is None and begin < noun.start < end:
            # the coder's mention holds the phrase: "Australian-led forces"
            inside = _LED_INSIDE.search(text, begin, noun.start)
            after = inside.end() if inside else None
        if after is None:
            continue
        words = [t for t in tokens if t.start >= after and t.end <= noun.start and t.is_word]
        if after <= noun.start and len(words) <= LED_REACH_WORDS:
            return party, actor
    return None


def _organisation_before(ctx: DocContext, index: int, noun: Match) -> Party | None:
    """An international organisation named right before a force noun ("NATO troops",
    "African Union peacekeepers", "the UN mission"), or before its abbreviation there
    ("the African Union (AU) force")."""
    found = _organisation_mention(ctx, index, noun)
    return found[0] if found else None


def _organisation_mention(ctx: DocContext, index: int, noun: Match
                          ) -> tuple[Party, int] | None:
    """`_organisation_before`'s organisation and where its mention starts (a character
    offset in the sentence)."""
    tokens = ctx.tokens(index)
    for actor, begin, end in ctx.mentions_in(index):
        # a body of an organisation leads nothing apart from it ("UN mission": the UN)
        party = (organisation_of(actor.code) if actor.type == "igo" else None) \
            or party_of(actor)
        if party is None or party.type != "igo" or actor.country:
            continue
        if begin < noun.start and end >= noun.end:  # "UN peacekeepers" as one mention
            return party, begin
        between = [t for t in tokens if t.start >= end and t.end <= noun.start]
        if len(between) >= 3 and between[0].text == "(" and between[2].text == ")" and \
                between[1].tag in ("NNP", "NNPS"):
            between = between[3:]
        if (end <= noun.start and all(t.is_word and t.text.lower() not in ("and", "or")
                                      for t in between) and len(between) <= 2):
            return party, begin
    return None


def _target_adversary(ctx: DocContext, index: int, lexicon: Lexicon, start: int, end: int,
                      exclude: set[str]) -> tuple[Adversary, str] | None:
    """The actor named right after a target word in tokens [start, end) ("to battle X",
    "against X")."""
    text, _ = ctx.sentence(index)
    tokens = ctx.tokens(index)
    mentions = sorted(ctx.mentions_in(index), key=lambda m: m[1])
    for cue in lexicon.cue("target", tokens, start, end):
        for actor, begin, _ in mentions:
            between = [t for t in tokens if t.is_word and cue.end <= t.start and t.end <= begin]
            party = party_of(actor)
            if (begin >= cue.end and len(between) <= TARGET_REACH_WORDS and party is not None
                    and party.key not in exclude and party.type not in MEMBER_TYPES - {"state"}):
                return ctx.adversary(actor), (f"adversary {party.key}: named after "
                                              f"'{text[cue.start:cue.end]}' ({cue.phrase.source})")
    return None


def _label(text: str, tokens: Sequence[Token], first: int, last: int) -> str:
    """What the text calls the coalition: the noun and one modifier before it."""
    words = [i for i in range(first) if tokens[i].is_word]
    start = first
    if words and tokens[words[-1]].text.lower() not in DETERMINERS and words[-1] >= first - 2:
        start = words[-1]
    return text[tokens[start].start:tokens[last].end].replace("“", "").replace("”", "")


def _not_alliance(ctx: DocContext, index: int, lexicon: Lexicon, noun: Match
                  ) -> Match | None:
    """A party, government or commercial sense covering the noun ("ruling coalition"),
    unless the partners it names are states: "coalition partners such as Australia and
    Poland" are partners in an alliance of states, "the coalition partner, the Greens"
    in a government."""
    tokens = ctx.tokens(index)
    for sense in lexicon.cue("not-alliance", tokens, max(0, noun.first - 3),
                             min(len(tokens), noun.last + 4)):
        if sense.first <= noun.first <= sense.last:
            partner = next((m for m in lexicon.cue("partner", tokens, sense.first,
                                                   sense.last + 1)), None)
            if partner is None or not partner_states(ctx, index, sense.first, partner.last):
                return sense
    return None


def _token_mentions(ctx: DocContext, index: int
                    ) -> tuple[list[tuple[Actor, int, int]], dict[int, list[int]]]:
    """The actors mentioned in sentence `index` in text order, and the tokens each covers
    (by `id` of the actor)."""
    tokens = ctx.tokens(index)
    mentions = sorted(ctx.mentions_in(index), key=lambda m: m[1])
    return mentions, {id(actor): _covered(tokens, begin, end) for actor, begin, end in mentions}


def partner_states(ctx: DocContext, index: int, first: int, last: int
                   ) -> list[tuple[Actor, int, int]]:
    """The states a partner noun phrase at tokens [first, last] names as partners
    ("coalition partner" "member", "ally"): the list right after it, after "such as",
    "including", "like" or a comma ("coalition partners such as A and B", "coalition
    members A and B"), or the list it stands in apposition to ("A and B, both coalition
    members"); mentions with their token spans."""
    tokens = ctx.tokens(index)
    mentions, spans = _token_mentions(ctx, index)
    states = {spans[id(a)][0]: (a, spans[id(a)][0], spans[id(a)][-1]) for a, _, _ in mentions
              if spans[id(a)] and a.type == "state" and is_named(a)}
    ends = {last_: start for start, (_, _, last_) in states.items()}
    at = last + 1
    while at < len(tokens) and at <= last + 2 and tokens[at].text.lower() in PARTNER_LINKS:
        at += 1
    if at in states:
        start, end = at, _state_list_steps(tokens, at, mentions, spans, +1)
    else:
        at = first - 1
        while at > 0 and tokens[at].text.lower() in APPOSITION_WORDS:
            at -= 1
        if at < 1 or tokens[at].text != "," or at - 1 not in ends:
            return []
        end = at - 1
        start = _state_list_steps(tokens, ends[end], mentions, spans, -1)
    return [(actor, a, b) for a, (actor, _, b) in sorted(states.items()) if start <= a <= end]


def _adversary_of(ctx: DocContext, known: KnownCoalition) -> Adversary | None:
    """The catalogue adversary, with the names the document calls it."""
    if known.adversary is None:
        return None
    for actor in ctx.mentions:
        party = party_of(actor)
        if party is not None and party.key == known.adversary:
            return ctx.adversary(actor)
    name = known.adversary.replace("_", " ").title()
    return Adversary(key=known.adversary, name=name, code=None, type="armed_group",
                     aliases=[name])


def _by_adversary(catalogue: Catalogue, key: str, day: date | None) -> KnownCoalition | None:
    """The one catalogue coalition against `key` active on `day` (of several, the one
    coalition among operations and forces)."""
    found = [k for k in catalogue if k.adversary == key and k.active_on(day)]
    if len(found) > 1:
        found = [k for k in found if k.kind == "coalition"]
    return found[0] if len(found) == 1 else None


def _reference(ctx: DocContext, index: int, noun: Match, lexicon: Lexicon,
               catalogue: Catalogue, multinational: bool,
               named: Sequence[KnownCoalition] = ()) -> Reference | None:
    """A generic coalition phrase around `noun`, resolved: by its adversary; else to the
    one coalition the article names elsewhere (`named`) that fits its lead, host and
    date; else in the catalogue by lead, host, date and the regions the article names
    (`Catalogue.resolve`: not UNMIS in an article about Darfur). A phrase that names no host is
    placed in the countries nearest it when it names a lead ("NATO-led troops"), in the
    article's most named country when it is only multinational ("coalition forces").
    None when it resolves to nothing or names none of these (a bare "the coalition":
    see `document_coalitions`)."""
    text, offset = ctx.sentence(index)
    tokens = ctx.tokens(index)
    led = _led_by(ctx, index, noun)
    organisation = None if led else _organisation_mention(ctx, index, noun)
    lead = led[0] if led else organisation[0] if organisation else None
    # the phrase starts at the organisation that names it: "[African Union] force"
    first = min(noun.first, _first_at(tokens, organisation[1])) if organisation \
        else noun.first
    start, end = clause_window(tokens, noun.last)
    hosts = _places(ctx, index, noun.last + 1, min(end, noun.last + 1 + PLACE_REACH_WORDS),
                    HOST_PREPOSITIONS) or _places(ctx, index, start, noun.first,
                                                  HOST_PREPOSITIONS)
    adversary = _target_adversary(ctx, index, lexicon, noun.last + 1, end,
                                  {lead.key} if lead else set())
    day = ctx.published
    known = None
    how = ""
    purposes = (PEACEKEEPERS if any(t.key.startswith("peacekeep")
                                    for t in tokens[max(0, noun.first - 2):noun.last + 1])
                else GENERIC_PURPOSES)
    if adversary is not None:
        known = _by_adversary(catalogue, adversary[0].key, day)
        how = adversary[1]
    if known is None and (lead or hosts or multinational):
        fits = [k for k in named if (lead is None or k.lead == lead.key)
                and (not hosts or set(hosts) & set(k.hosts)) and k.active_on(day)]
        if len(fits) == 1:
            known = fits[0]
            how = "the one coalition of the catalogue the article names that fits"
    if known is None and (lead or hosts or multinational):
        tries = ([hosts] if hosts else [[code] for code in _nearby_places(ctx, index)]
                 if lead else [[code] for code in (_document_settings(ctx)
                                                   or _document_places(ctx))[:1]])
        areas = catalogue.areas_in(ctx.text or " ".join(t for t, _ in ctx.sentences.values()))
        for places in tries or [[]]:
            known = _resolve(catalogue, lead, places, day, purposes, areas)
            if known is not None:
                how = (f"resolved by lead {lead.key if lead else '-'}, host "
                       f"{'/'.join(places) or '-'} and date {format_day(day) or '-'}")
                break
            if areas and _resolve(catalogue, lead, places, day, purposes):
                break  # what works there works elsewhere than the regions the article names
    label = (text[led[1].span.start - offset:noun.end] if led is not None
             else _label(text, tokens, noun.first, noun.last))
    leader = led[0] if led else None
    if known is not None:
        return Reference(known_coalition_id(known), known, _adversary_of(ctx, known), index,
                         first, noun.last, label, leader,
                         f"'{label}' is {known.name}: {how}")
    if adversary is not None:
        return Reference(adversary_coalition_id(adversary[0]), None, adversary[0], index,
                         first, noun.last, label, leader, f"'{label}': {adversary[1]}")
    return None


def _resolve(catalogue: Catalogue, lead: Party | None, places: Sequence[str], day: date | None,
             purposes: Sequence[str], areas: Collection[str] = ()) -> KnownCoalition | None:
    """The catalogue entry a generic phrase means: a coalition or force first, then any."""
    key = lead.key if lead else None
    return (catalogue.resolve(key, places, day, FORCE_KINDS, purposes, areas)
            or catalogue.resolve(key, places, day, (), purposes, areas))


@dataclass(frozen=True, slots=True)
class _Bare:
    """A coalition noun that names nothing to resolve it by ("the coalition")."""

    index: int
    first: int
    last: int
    label: str


def _part_of_force(tokens: Sequence[Token], first: int, lexicon: Lexicon) -> int:
    """Where a name's reference starts: at the force noun of "the maritime task force of
    [the] UNIFIL" or "the Polish contingent of KFOR" (a part of it), else at the name."""
    of = first - 2 if first >= 2 and tokens[first - 1].tag == "DT" else first - 1
    if of < 1 or tokens[of].text.lower() != "of":
        return first
    nouns = [m for kind in ("force", *ASSET_KINDS)
             for m in lexicon.cue(kind, tokens, max(0, of - 3), of)]
    ending = [m for m in nouns if m.last == of - 1]
    return min(m.first for m in ending) if ending else first


def _proper_name(tokens: Sequence[Token], noun: Match) -> bool:
    """True for a capitalised coalition noun after a capitalised word ("the Somali
    Alliance", "the Northern Alliance", "National Coalition"): the name of an
    organisation the catalogue does not know, not a mention to resolve by place."""
    before = tokens[noun.first - 1] if noun.first > 0 else None
    return (tokens[noun.first].text[:1].isupper() and before is not None
            and before.is_word and before.text[:1].isupper())


def _definite(tokens: Sequence[Token], noun: Match, lexicon: Lexicon) -> bool:
    """True for "the force" or "the mission" on its own, which refers back to the
    coalition the article names ("Malaysia offered troops for the force"); not "the force
    of the blast", "the air force" or "the force's commander"."""
    return (bool(lexicon.cue("definite", tokens, noun.first, noun.last + 1))
            and noun.first > 0 and tokens[noun.first - 1].text.lower() in ("the", "this")
            and (noun.last + 1 >= len(tokens)
                 or tokens[noun.last + 1].text.lower() not in ("of", "'s", "’s")))


def sentence_references(ctx: DocContext, index: int, lexicon: Lexicon, catalogue: Catalogue,
                        names: Sequence[tuple[KnownCoalition, int, int]],
                        named: Sequence[KnownCoalition] = ()
                        ) -> tuple[list[Reference], list[_Bare]]:
    """The coalitions sentence `index` names, in text order, and its bare coalition nouns.

    A catalogue name is a reference; so is a coalition noun ("coalition", "alliance",
    "core group"), a force noun signalled as multinational ("NATO troops", "US-led
    force", "coalition forces", "peacekeepers") or a campaign noun led by someone ("the
    US-led efforts"), when it resolves (`_reference`). `names` are the catalogue names
    found in the sentence (`Catalogue.find`)."""
    text, _ = ctx.sentence(index)
    tokens = ctx.tokens(index)
    found: list[Reference] = []
    bare: list[_Bare] = []
    taken: set[int] = set()
    for known, start, end in names:
        covered = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
        if not covered:
            continue
        taken.update(covered)
        found.append(Reference(known_coalition_id(known), known, _adversary_of(ctx, known),
                               index, _part_of_force(tokens, covered[0], lexicon),
                               covered[-1], text[start:end], None,
                               f"'{text[start:end]}' is a name of {known.name}"))
    for kind in ("coalition", "force", "campaign"):
        for noun in lexicon.cue(kind, tokens):
            if taken & set(range(noun.first, noun.last + 1)) or _not_alliance(
                    ctx, index, lexicon, noun):
                continue
            led = _led_by(ctx, index, noun)
            if kind == "coalition" and not led and _proper_name(tokens, noun) and \
                    _organisation_before(ctx, index, noun) is None:
                continue
            multinational = bool(lexicon.cue("multinational", tokens, max(0, noun.first - 2),
                                             noun.last + 1))
            if kind == "force" and not (led or multinational
                                        or _organisation_before(ctx, index, noun)):
                if _definite(tokens, noun, lexicon):
                    bare.append(_Bare(index, noun.first, noun.last,
                                      _label(text, tokens, noun.first, noun.last)))
                continue
            if kind == "campaign" and not led:
                continue
            ref = _reference(ctx, index, noun, lexicon, catalogue,
                             multinational and kind == "force", named)
            if ref is not None:
                taken.update(range(noun.first, noun.last + 1))
                found.append(ref)
            elif kind == "coalition":
                bare.append(_Bare(index, noun.first, noun.last,
                                  _label(text, tokens, noun.first, noun.last)))
    return sorted(found, key=lambda r: r.first), bare


def _written_as_name(words: str, known: KnownCoalition) -> bool:
    """True when a catalogue alias found in the text is written as its name: starting with
    a capital, and with no word in lower case that the alias capitalises ("United Nations
    Mission in Haiti", "Gulf War coalition"); "the UN mission in Haiti" describes the
    mission there at the time, not UNMIH of 1993."""
    if not words[:1].isupper():
        return False
    written = _NAME_WORDS.findall(words.replace(".", ""))  # "U.N." is "UN"
    names = [_NAME_WORDS.findall(alias.replace(".", "")) for alias in known.aliases]
    aligned = [named for named in names
               if [w.lower() for w in named] == [w.lower() for w in written]]
    return not aligned or any(
        not any(n[:1].isupper() and w[:1].islower() for n, w in zip(named, written, strict=True))
        for named in aligned)


def document_coalitions(ctx: DocContext, lexicon: Lexicon,
                        catalogue: Catalogue | None = None) -> DocumentCoalitions:
    """Every sentence's references and the coalition the document names most (first
    named on a tie); a bare coalition noun ("the coalition") refers to that one. An alias
    not written as a name (`_written_as_name`) describes rather than names ("the
    international force in East Timor", "the UN mission in Haiti"): it means the entry
    only while the entry is active."""
    catalogue = catalogue or default_catalogue()
    found = DocumentCoalitions()
    bare: list[_Bare] = []
    names = {index: [(known, start, end) for known, start, end in catalogue.find(text)
                     if _written_as_name(text[start:end], known)
                     or known.active_on(ctx.published)]
             for index in ctx.sentences for text in [ctx.sentence(index)[0]]}
    named = list({known.id: known for found_names in names.values()
                  for known, _, _ in found_names}.values())
    for index in ctx.sentences:
        refs, nouns = sentence_references(ctx, index, lexicon, catalogue, names[index], named)
        bare.extend(nouns)
        if refs:
            found.references[index] = refs
    every = [r for refs in found.references.values() for r in refs]
    counts = Counter(r.coalition_id for r in every)
    if not counts:
        return found
    top = max(counts, key=lambda c: (counts[c], -min(r.index for r in every
                                                     if r.coalition_id == c)))
    main = found.main = next(r for r in every if r.coalition_id == top)
    for noun in bare:
        found.references.setdefault(noun.index, []).append(Reference(
            main.coalition_id, main.known, main.adversary, noun.index, noun.first, noun.last,
            noun.label, None, f"'{noun.label}': the coalition the article names most "
                              f"({main.label})"))
        found.references[noun.index].sort(key=lambda r: r.first)
    return found


@dataclass(slots=True)
class _Finder:
    """Memberships of one document, with the rules that keep members members."""

    ctx: DocContext
    lexicon: Lexicon
    coalitions: DocumentCoalitions
    catalogue: Catalogue
    found: list[Membership] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    # a state's assets in a sentence naming no coalition: kind -> their tokens
    unplaced: list[tuple[Party, int, dict[str, tuple[int, int]]]] = field(
        default_factory=list)

    def contribute(self, party: Party, ref: Reference, kind: str, index: int, first: int,
                   last: int, reason: str, status: str = "done") -> None:
        """What a member contributes by the words at tokens [first, last]: the kind their
        noun names (ships: naval), done (its forces are there) unless `status` says
        otherwise ("will send two frigates": committed)."""
        tokens = self.ctx.tokens(index)
        offset = self.ctx.sentence(index)[1]
        self.record(party, ref, kind, status, index,
                    Span(offset + tokens[first].start, offset + tokens[last].end), [reason])

    def record(self, party: Party, ref: Reference, kind: str, status: str, index: int,
               span: Span, reasons: list[str], fact: TroopFact | None = None) -> None:
        """A contribution stated in sentence `index` at `span` (document offsets); a troop
        fact gives its count, change, target date and, when the coder dated the event at
        its words ("withdrew in 1984"), its date."""
        ctx = self.ctx
        text, offset = ctx.sentence(index)
        count = None if fact is None else count_of(fact)
        event = dated_event(ctx, span) if fact is not None else None
        self.contributions.append(Contribution(
            contribution_id="cc-" + hash_record(ref.coalition_id, ctx.doc_id, index,
                                                party.key, kind, status, span.start,
                                                fact.change if fact else None),
            coalition_id=ref.coalition_id, actor=party.key, actor_name=party.name,
            actor_type=party.type, kind=kind, status=status, hedges=[],
            date=event.date if event else format_day(ctx.published),
            date_precision=event.date_precision if event else "reported",
            date_start=event.date_start if event else ctx.published, speaker=None,
            quote=None, doc_id=ctx.doc_id, sentence_index=index, sentence=text,
            trigger=text[span.start - offset:span.end - offset], span=span,
            event_ids=[event.event_id] if event else [],
            position_id=None, published=ctx.published, reasons=[*reasons, ref.how],
            deriver_version=DERIVER_VERSION, count=count,
            change=fact.change if fact else None,
            target_date=fact.target.day if fact and fact.target else None))

    def troops(self, facts: Sequence[TroopFact]) -> None:
        """Troop facts as memberships and contributions with counts and changes.

        A fact belongs to the coalition its sentence names (nearest), else to the
        article's coalition when the troops are in one of its hosts (`_placed`). Its
        holder, unless a host, the adversary or not a state or organisation, and the
        states listed with it become members: taking part, leaving (an announced
        withdrawal; a planned or possible one changes nothing) or left (a completed one).
        A withdrawal or cut counts only for a state the article already shows taking
        part, or in a sentence naming the coalition (Israel leaving Lebanon does not
        leave the UN force there). The lead organisation's counted troops ("7,000 African
        Union troops") are the force's size, a contribution (`lead_troops`); other
        organisations' are not facts about it. The troops' words give the kind
        (`_troops_kind`). Demanded and refused changes are positions, not facts about it."""
        members = {(m.coalition_id, m.member) for m in self.found}
        for fact in facts:
            if fact.status in ("demanded", "refused"):
                continue
            own = self.coalitions.in_sentence(fact.sentence_index)
            ref = (self.coalitions.about(fact.sentence_index, self._token_of(fact))
                   if own else self._placed(fact))
            if ref is None or (self.excluded(fact.holder, ref, fact.sentence_index) is not None
                               and not _leads(fact.holder, ref)):
                continue
            leaving = fact.change in ("withdrawal", "cut")
            if leaving and not own and (ref.coalition_id, fact.holder.key) not in members:
                continue
            tokens = self.ctx.tokens(fact.sentence_index)
            offset = self.ctx.sentence(fact.sentence_index)[1]
            covered = _covered(tokens, fact.span.start - offset, fact.span.end - offset)
            kind = (_troops_kind(self.lexicon, tokens, fact, covered[0], covered[-1])
                    if covered else None)
            status = FACT_STATUS[fact.status]
            what = fact.change or "presence"
            membership = ("left" if fact.change == "withdrawal" and fact.status == "completed"
                          else "leaving" if fact.change == "withdrawal"
                          and fact.status == "announced" else "member")
            for holder in self._coordinated(fact):
                reasons = [f"troops: {what} ({fact.status}) of {holder.key}"
                           + (f" in {fact.place}" if fact.place else ""), *fact.reasons]
                if holder.type == "state":
                    if kind is not None:
                        self.record(holder, ref, kind, status, fact.sentence_index,
                                    fact.span, reasons, fact)
                    self.add(holder, ref, "member", membership, fact.sentence_index,
                             fact.trigger, fact.span, reasons, dated_event(self.ctx, fact.span))
                elif kind is not None and lead_troops(holder, ref, kind) and \
                        count_of(fact) is not None:
                    self.record(holder, ref, kind, status, fact.sentence_index, fact.span,
                                reasons, fact)

    def _coordinated(self, fact: TroopFact) -> list[Party]:
        """The fact's holder and the states listed with it ("Poland, Spain and France
        are to send soldiers"): the list of state mentions that ends at the holder's
        last mention before the trigger."""
        index = fact.sentence_index
        tokens = self.ctx.tokens(index)
        trigger = fact.span.start - self.ctx.sentence(index)[1]
        mentions, spans = _token_mentions(self.ctx, index)
        own = [(a, begin) for a, begin, end in mentions if end <= trigger and spans[id(a)]
               and (party := party_of(a)) is not None and party.key == fact.holder.key]
        if not own:
            return [fact.holder]
        actor = max(own, key=lambda item: item[1])[0]
        start = _state_list_steps(tokens, spans[id(actor)][0], mentions, spans, -1)
        listed = [party_of(a) for a, _, _ in mentions
                  if spans[id(a)] and a.type == "state" and is_named(a)
                  and start <= spans[id(a)][0] <= spans[id(actor)][0]]
        return list({p.key: p for p in (*listed, fact.holder) if p is not None}.values())

    def _token_of(self, fact: TroopFact) -> int | None:
        tokens = self.ctx.tokens(fact.sentence_index)
        return token_at(tokens, fact.span.start - self.ctx.sentence(fact.sentence_index)[1])

    def _placed(self, fact: TroopFact) -> Reference | None:
        """The article's coalition when the troops are in one of its host countries (not
        any force the catalogue has there: US troops sent to Saudi Arabia are not the Gulf
        states' force); a deployment that names no place goes to the article's
        coalition."""
        main = self.coalitions.main
        if fact.place is None:
            return main if fact.change == "deployment" else None
        if main is not None and main.known is not None and fact.place in main.known.hosts:
            return main
        return None

    def excluded(self, party: Party, ref: Reference, index: int) -> str | None:
        """Why `party` cannot be a member of `ref`'s coalition by what sentence `index`
        says (None when it can)."""
        if party.type not in MEMBER_TYPES:
            return "not a state or an international organisation"
        if self.before_its_time(ref, index):
            return "the sentence tells of a time before the coalition existed"
        known = ref.known
        if known is not None and party.key in known.hosts:
            return "a host country"
        if _leads(party, ref):
            return "the organisation that leads it"
        if ref.adversary is not None and party.key == ref.adversary.key:
            return "its adversary"
        return None

    def before_its_time(self, ref: Reference, index: int) -> bool:
        """True when sentence `index` tells of a time that ended before the catalogue's
        coalition began: an event in it that the coder dated from its words ("drove the
        US troops out of Mogadishu in October 1993", of a force of 2002)."""
        known = ref.known
        if known is None or known.start is None:
            return False
        return any(event.date_end is not None and event.date_end < known.start
                   and event.date_precision not in ("reported", "unknown")
                   for event in self.ctx.events_in(index))

    def add(self, actor: Actor | Party, ref: Reference, role: str, status: str, index: int,
            trigger: str, span: Span, reasons: list[str], event: Event | None = None) -> bool:
        """Record a membership; False when the actor cannot be a member."""
        party = actor if isinstance(actor, Party) else member_party(actor)
        if party is None or (isinstance(actor, Actor) and not is_named(actor)):
            return False
        if self.excluded(party, ref, index) is not None:
            return False
        ctx = self.ctx
        dated = event is not None and event.date
        self.found.append(Membership(
            membership_id="cm-" + hash_record(ref.coalition_id, party.key, ctx.doc_id, index,
                                              trigger, role, status),
            coalition_id=ref.coalition_id, member=party.key, member_name=party.name,
            member_type=party.type, role=role,  # type: ignore[arg-type]
            adversary=ref.adversary, label=ref.label,
            date=event.date if dated else format_day(ctx.published),
            date_precision=event.date_precision if dated else "reported",
            date_start=event.date_start if dated and event.date_start else ctx.published,
            doc_id=ctx.doc_id, sentence_index=index, sentence=ctx.sentence(index)[0],
            trigger=trigger, span=span, event_id=event.event_id if event is not None else None,
            published=ctx.published, reasons=[*reasons, ref.how],
            deriver_version=DERIVER_VERSION, status=status,  # type: ignore[arg-type]
        ))  # fmt: skip
        return True

    def span(self, index: int, start: int, end: int) -> Span:
        offset = self.ctx.sentence(index)[1]
        return Span(offset + start, offset + end)

    def from_event(self, event: Event) -> None:
        """Members named by a forming or joining event: its actors, and its recipients
        that are states or organisations ("formed a coalition with France")."""
        if event.event not in MEMBERSHIP_EVENTS or not _states_membership(
                event, self.lexicon, self.ctx.trigger_tokens(event)):
            return
        ctx, index = self.ctx, event.sentence_index
        text, _ = ctx.sentence(index)
        tokens = ctx.tokens(index)
        trigger = ctx.trigger_token(event)
        verbs = [(kind, m) for kind in ("form", "join")
                 for m in self.lexicon.cue(kind, tokens, trigger, trigger + 1)]
        if not verbs:
            return
        kind, verb = verbs[0]
        start, end = clause_window(tokens, trigger)
        refs = [r for r in self.coalitions.in_sentence(index) if start <= r.first < end]
        nouns = self.lexicon.cue("campaign", tokens, start, end) if kind == "join" else []
        nouns = [n for n in nouns if not self.lexicon.cue("not-alliance", tokens, n.first,
                                                          n.last + 1)]
        if refs:
            ref = min(refs, key=lambda r: abs(r.first - trigger))
        elif nouns and self.coalitions.main is not None:
            ref = self.coalitions.main
        else:
            return
        actors = _parties(event.actor)
        partners = [p for p in _parties(a for a in event.recipient if a.type in MEMBER_TYPES)
                    if p.key not in {a.key for a in actors}]
        roles = (("member", "member") if kind == "join" else
                 ("leader" if len(actors) == 1 and not partners else "founder", "founder"))
        status = "joined"
        for group, role in ((actors, roles[0]), (partners, roles[1])):
            for party in group:
                self.add(party, ref, role, status, index, event.evidence.trigger,
                         event.evidence.span,
                         [f"{role}: '{text[verb.start:verb.end]}' ({verb.phrase.source}) "
                          f"the coalition '{ref.label}'"
                          + ("" if group is actors else "; a partner named as the recipient"),
                          f"event {event.event_id} ({event.evidence.rule})"], event)

    def led(self, index: int) -> None:
        """Leaders named as "X-led R"; the commander of an X-led R is X's ("commander of
        the Australian-led forces": Australia's contribution is command)."""
        tokens = self.ctx.tokens(index)
        commanders = self.lexicon.cue("command-asset", tokens)
        for ref in self.coalitions.in_sentence(index):
            if ref.lead is None:
                continue
            span = self.span(index, *_token_span(tokens, ref))
            reason = f"leader: '{ref.label}'"
            if not self.add(ref.lead, ref, "leader", "member", index, "led", span, [reason]):
                continue
            for cue in commanders:
                if cue.last + 1 < ref.first and tokens[cue.last + 1].text.lower() == "of" \
                        and _words(tokens, cue.last + 1, ref.first) <= PART_OF_REACH_WORDS:
                    self.contribute(ref.lead, ref, "command", index, cue.first, ref.last,
                                    f"{reason}: its commander ('{tokens[cue.first].text}')")

    def part_of(self, index: int) -> None:
        """"A, B and C, as part of R", "A is among the countries supporting R"; a state's
        forces named before the cue contribute what their noun names ("Irish troops
        serving with R": ground troops)."""
        tokens = self.ctx.tokens(index)
        refs = self.coalitions.in_sentence(index)
        for cue in self.lexicon.cue("part-of", tokens):
            after = [r for r in refs if cue.last < r.first
                     and _words(tokens, cue.last + 1, r.first) <= PART_OF_REACH_WORDS]
            if not after:
                continue
            ref = after[0]
            start = clause_window(tokens, cue.first)[0]
            forces = [f for f in state_forces(self.ctx, index, self.lexicon)
                      if start <= f.first and f.last < cue.first]
            for actor in self.named_before(index, cue):
                reason = (f"member: named before '{cue.phrase.text}' ({cue.phrase.source}) "
                          f"'{ref.label}'")
                if not self.add(actor, ref, "member", "member", index, self.ctx.sentence(
                        index)[0][cue.start:cue.end], self.span(index, cue.start, cue.end),
                        [reason]):
                    continue
                party = member_party(actor)
                for found in forces:
                    if party is not None and found.party.key == party.key:
                        self.contribute(party, ref, found.kind, index, found.first,
                                        found.last, f"{reason}: its forces ({found.how})")

    def named_before(self, index: int, cue: Match) -> list[Actor]:
        """The actors named in `cue`'s clause before it, none when words just before it
        make it possible, wished or denied ("might take part in", "did not leave":
        `_unreal`)."""
        tokens = self.ctx.tokens(index)
        start, _ = clause_window(tokens, cue.first)
        if _unreal(tokens[max(start, cue.first - UNREAL_REACH_WORDS):cue.first]):
            return []
        return [actor for actor, begin, end in self.ctx.mentions_in(index)
                if tokens[start].start <= begin and end <= cue.start]

    def leaves(self, index: int) -> None:
        """"A pulled out of R", "A will leave R": the states named before a leaving verb
        whose object is the coalition have left it (a past verb) or are leaving it
        (anything else: "will quit", "plans to leave"); not when the leaving is possible,
        wished or denied ("did not leave", "might quit")."""
        tokens = self.ctx.tokens(index)
        text, _ = self.ctx.sentence(index)
        refs = self.coalitions.in_sentence(index)
        for cue in self.lexicon.cue("leave", tokens):
            after = [r for r in refs if cue.last < r.first
                     and _words(tokens, cue.last + 1, r.first) <= LEAVE_REACH_WORDS
                     and not _modifies(tokens, r.last)]
            if not after:
                continue
            status = "left" if tokens[cue.first].tag in ("VBD", "VBN") else "leaving"
            words = text[cue.start:cue.end]
            for actor in self.named_before(index, cue):
                self.add(actor, after[0], "member", status, index, words,
                         self.span(index, cue.start, cue.end),
                         [f"{status}: named before '{words}' ({cue.phrase.source}) "
                          f"'{after[0].label}'"])

    def includes(self, index: int) -> None:
        """"R includes A, B and C", "the force, which comprises troops from A and B":
        the states listed right after a verb of composition whose subject is the
        coalition."""
        tokens = self.ctx.tokens(index)
        text, _ = self.ctx.sentence(index)
        refs = self.coalitions.in_sentence(index)
        mentions, spans = _token_mentions(self.ctx, index)
        for cue in self.lexicon.cue("include", tokens):
            before = [r for r in refs if r.last < cue.first
                      and _words(tokens, r.last + 1, cue.first) <= INCLUDE_REACH_WORDS]
            if not before:
                continue
            ref = before[-1]
            _, stop = clause_window(tokens, cue.last)
            listed = [(a, spans[id(a)]) for a, _, _ in mentions if spans[id(a)]
                      and a.type == "state" and cue.last < spans[id(a)][0] < stop]
            if not listed or _words(tokens, cue.last + 1, listed[0][1][0]) > \
                    INCLUDE_REACH_WORDS:
                continue
            end = _state_list_steps(tokens, listed[0][1][-1], mentions, spans, +1)
            words = text[tokens[cue.first].start:tokens[cue.last].end]
            # what the listed states' forces are, when the list is of their adjectives
            # ("includes 2,000 Australian and Malaysian soldiers")
            # (the last may be one mention with its noun: "Malaysian soldiers")
            kinds = _asset_kinds(self.lexicon, tokens, listed[0][1][0], min(stop, end + 2))
            for actor, covered in listed:
                if covered[0] > end:
                    continue
                reason = f"member: listed after '{words}' ({cue.phrase.source}) '{ref.label}'"
                if self.add(actor, ref, "member", "member", index, words,
                            self.span(index, tokens[cue.first].start, tokens[cue.last].end),
                            [reason]) and (party := member_party(actor)) is not None:
                    for kind, (first, last) in kinds.items():
                        self.contribute(party, ref, kind, index, first, last, reason)

    def partners(self, index: int) -> None:
        """States named as a coalition's partners, members or allies ("coalition
        partners such as A and B", "A and B, both coalition members": `partner_states`)."""
        tokens = self.ctx.tokens(index)
        text, _ = self.ctx.sentence(index)
        for ref in self.coalitions.in_sentence(index):
            noun = next((m for m in self.lexicon.cue("partner", tokens, ref.last + 1,
                                                     ref.last + 3)
                         if m.first == ref.last + 1), None)
            if noun is None:
                continue
            start, end = tokens[ref.first].start, tokens[noun.last].end
            for actor, _, _ in partner_states(self.ctx, index, ref.first, noun.last):
                self.add(actor, ref, "member", "member", index, text[start:end],
                         self.span(index, start, end),
                         [f"member: named as '{text[start:end]}'"])

    def forces(self, index: int) -> None:
        """A state's forces (`state_forces`) next to a coalition named in the sentence
        ("German KFOR troops", "a new UN force of troops from Italy and France"), or, in
        a sentence naming none, in one of the article's coalition's host countries
        ("Polish soldiers in Diwaniyah")."""
        tokens = self.ctx.tokens(index)
        text, _ = self.ctx.sentence(index)
        own = self.coalitions.in_sentence(index)
        mentions, spans = _token_mentions(self.ctx, index)
        forces = state_forces(self.ctx, index, self.lexicon)
        for found in forces:
            # a list of states' forces ends after the whole list ("troops of Australia,
            # Malaysia and Portugal arrived at Dili"), whether the coder gave each state a
            # mention or each a phrase from the same first word
            end = max(_state_list_steps(tokens, found.last, mentions, spans, +1),
                      *(f.last for f in forces if f.first == found.first))
            ref = _next_to(tokens, own, found.first, found.last, self.lexicon) if own \
                else None
            where = "next to"
            if ref is None:
                ref = self._hosted(index, end)
                where = "in a host country of"
            if ref is None and not own:
                ref = self._contingent(index, found.first, end)
                where = "a contingent of"
            if ref is None:
                if not own and found.kind in UNPLACED_KINDS:
                    self.unplaced.append((found.party, index, self._composition(
                        index, found.last) or {found.kind: (found.first, found.last)}))
                continue
            piece = text[tokens[found.first].start:tokens[found.last].end]
            reason = f"member: its forces ('{piece}': {found.how}) {where} '{ref.label}'"
            if self.add(found.party, ref, "member", "member", index, piece,
                        self.span(index, tokens[found.first].start, tokens[found.last].end),
                        [reason]):
                listed = self._composition(index, found.last)
                shared = end > found.last or sum(f.first == found.first for f in forces) > 1
                if not listed and shared and len(_asset_kinds(
                        self.lexicon, tokens, max(0, found.first - ASSET_WORDS), end + 1)) > 1:
                    continue  # "military and police troops of A and B": whose are which?
                for kind, (first, last) in (listed or {found.kind: (found.first,
                                                                    found.last)}).items():
                    self.contribute(found.party, ref, kind, index, first, last, reason)

    def _contingent(self, index: int, first: int, last: int) -> Reference | None:
        """The article's coalition, a multinational force of the catalogue, when a state's
        forces at tokens [first, last] are its contingent ("the Jordanian contingent",
        "Jordan's contingent guards the airport"): a contingent is one state's part of a
        force. Not when the clause places them outside the force's hosts."""
        main = self.coalitions.main
        tokens = self.ctx.tokens(index)
        if main is None or main.known is None or not any(
                t.key in CONTINGENT_KEYS for t in tokens[first:last + 2]):
            return None
        end = clause_window(tokens, last)[1]
        places = _places(self.ctx, index, last + 1, end, prepositions=PRESENCE_PREPOSITIONS)
        return None if set(places) - set(main.known.hosts) else main

    def composed(self, index: int) -> None:
        """"The German group consists of two frigates and helicopters": a state's unit
        (the state and one or two words) made of assets, in a sentence naming no
        coalition, for `members_assets`."""
        if self.coalitions.in_sentence(index):
            return
        mentions, spans = _token_mentions(self.ctx, index)
        for actor, _, _ in mentions:
            party = party_of(actor)
            if (spans[id(actor)] and is_named(actor) and party is not None
                    and party.type == "state"):
                kinds = self._composition(index, spans[id(actor)][-1], UNIT_WORDS)
                if kinds:
                    self.unplaced.append((party, index, kinds))

    def members_assets(self) -> None:
        """Assets of a state named in a sentence naming no coalition ("French and Italian
        ships patrol the coast", `composed`) are its contributions to the article's
        coalition when another sentence of the article makes it a member."""
        main = self.coalitions.main
        if main is None:
            return
        for party, index, kinds in self.unplaced:
            if not any(m.coalition_id == main.coalition_id and m.member == party.key
                       and m.sentence_index != index for m in self.found):
                continue
            tokens = self.ctx.tokens(index)
            for kind, (first, last) in kinds.items():
                piece = self.ctx.sentence(index)[0][tokens[first].start:tokens[last].end]
                reason = (f"contribution: {kind} ('{piece}') of {party.key}, a member of "
                          f"'{main.label}' by another sentence of the article")
                self.contribute(party, main, kind, index, first, last, reason)

    def _composition(self, index: int, last: int, reach: int = INCLUDE_REACH_WORDS
                     ) -> dict[str, tuple[int, int]]:
        """What forces ending at token `last` are made of, when a verb of composition
        follows them in their clause, at most `reach` words on ("the Dutch contingent in
        Lebanon includes two frigates and three helicopters"): each kind of asset listed,
        with its words."""
        tokens = self.ctx.tokens(index)
        _, stop = clause_window(tokens, last)
        cues = [c for c in self.lexicon.cue("include", tokens, last + 1, stop)
                if _words(tokens, last + 1, c.first) <= reach]
        return _asset_kinds(self.lexicon, tokens, cues[0].last + 1, stop) if cues else {}

    def sends(self, index: int) -> None:
        """"The Netherlands sent two frigates and three helicopters to UNIFIL": a state
        before a verb of sending whose objects are assets (ships, aircraft, police,
        engineers) and whose destination is a coalition named in the clause ("to", "for",
        "to join" it: `_destination`) is a member, and contributes each kind it sends.
        Troops sent are troop statements (`troops`)."""
        tokens = self.ctx.tokens(index)
        text, _ = self.ctx.sentence(index)
        refs = self.coalitions.in_sentence(index)
        for cue in self.lexicon.cue("deploy", tokens):
            _, stop = clause_window(tokens, cue.first)
            after = [r for r in refs if cue.last < r.first < stop
                     and _destination(tokens, r) and not _modifies(tokens, r.last)]
            if not after:
                continue
            ref = after[0]
            kinds = {kind: at for kind, at in _asset_kinds(
                self.lexicon, tokens, cue.last + 1, ref.first).items()
                if kind != "ground-troops"}
            if not kinds:
                continue
            status = "done" if tokens[cue.first].tag in ("VBD", "VBN") else "committed"
            words = text[cue.start:tokens[ref.last].end]
            reason = f"member: sends {', '.join(kinds)} to '{ref.label}' ('{words}')"
            for actor in self.named_before(index, cue):
                party = member_party(actor)
                if party is not None and self.add(
                        actor, ref, "member", "member", index, words,
                        self.span(index, cue.start, tokens[ref.last].end), [reason]):
                    for kind, (first, last) in kinds.items():
                        self.contribute(party, ref, kind, index, first, last, reason, status)

    def _hosted(self, index: int, last: int) -> Reference | None:
        """The coalition whose host is P when "in P" or "at P" follows token `last` in its
        clause, or a relative clause of being ("soldiers that are still in P",
        `_relative_being`): the nearest the sentence names with P among its hosts, else
        the article's.
        "In the country" is in the country where the article happens
        (`_document_settings`). Not when the coalition keeps the peace and the clause
        tells of fighting (`FIGHTING_KEYS`)."""
        tokens = self.ctx.tokens(index)
        start, stop = clause_window(tokens, last)
        if (being := _relative_being(tokens, last)) != last:
            last, stop = being, clause_window(tokens, being + 1)[1]
        end = min(stop, last + 1 + PLACE_REACH_WORDS)
        places = set(_places(self.ctx, index, last + 1, end, prepositions=PRESENCE_PREPOSITIONS))
        if _says_the_country(tokens, last + 1, end):
            places.update(_document_settings(self.ctx)[:1])
        named = sorted((r for r in self.coalitions.in_sentence(index) if r.known is not None),
                       key=lambda r: abs(r.first - last))
        main = self.coalitions.main
        for ref in (*named, *([main] if main is not None and main.known is not None else [])):
            assert ref.known is not None
            if not places & set(ref.known.hosts):
                continue
            if ref.known.purpose in PEACEKEEPING and any(t.key in FIGHTING_KEYS
                                                         for t in tokens[start:stop]):
                return None
            return ref
        return None

    def commanded_by(self, index: int) -> None:
        """"UNIFIL is headed by French Major General X", "the force, under the command of
        an Italian admiral": the state of whoever commands a coalition named before the
        cue in its clause commands it (a member; its contribution: command)."""
        tokens = self.ctx.tokens(index)
        text, _ = self.ctx.sentence(index)
        refs = self.coalitions.in_sentence(index)
        for cue in self.lexicon.cue("commanded-by", tokens):
            start, end = clause_window(tokens, cue.first)
            before = [r for r in refs if start <= r.first and r.last < cue.first
                      and _words(tokens, r.last + 1, cue.first) <= PART_OF_REACH_WORDS]
            if not before or _unreal(tokens[max(start, cue.first - UNREAL_REACH_WORDS):
                                            cue.first]):
                continue
            after = [(actor, begin) for actor, begin, _ in self.ctx.mentions_in(index)
                     if begin >= cue.end and begin < tokens[end - 1].end
                     and _words(tokens, cue.last + 1, _first_at(tokens, begin)) <= 2
                     and actor.country]
            if not after:
                continue
            actor = min(after, key=lambda item: item[1])[0]
            party = Party(actor.country, country_name(actor.country), "state")  # type: ignore[arg-type]
            ref = before[-1]
            reason = f"member: commands '{ref.label}' ('{text[cue.start:cue.end]}')"
            if self.add(party, ref, "member", "member", index, text[cue.start:cue.end],
                        self.span(index, cue.start, cue.end), [reason]):
                self.contribute(party, ref, "command", index, cue.first, cue.last, reason)

    def command_of(self, index: int) -> None:
        """The state named last before a statement that someone commands a coalition, in
        its clause, commands it (a member; its contribution: command): "Italy took command
        of UNIFIL", "relieve Italy in its command of the maritime task force of UNIFIL",
        "France is to remain in command" (of the coalition the sentence names), "Brazil
        commands the UN force in Haiti" (a verb of commanding whose object is the
        coalition: not "headed to UNIFIL", "commanded by")."""
        tokens = self.ctx.tokens(index)
        refs = self.coalitions.in_sentence(index)
        for cue in self.lexicon.cue("command", tokens):
            of = cue.last + 1 < len(tokens) and tokens[cue.last + 1].text.lower() == "of"
            if of:
                self.commands(index, cue, self._named_after(tokens, refs, cue), "command of")
            elif refs and cue.first > 0 and tokens[cue.first - 1].text.lower() == "in":
                self.commands(index, cue, self.coalitions.about(index, cue.first), "in command")
        for cue in self.lexicon.cue("commands", tokens):
            ref = self._named_after(tokens, refs, cue)
            if (tokens[cue.first].tag.startswith("VB") and ref is not None
                    and tokens[cue.first - 1].text != "-"  # "Italian-led"
                    and not any(t.tag in ("IN", "TO") for t in tokens[cue.last + 1:ref.first])):
                self.commands(index, cue, ref, f"'{cue.phrase.text}' before it")

    @staticmethod
    def _named_after(tokens: Sequence[Token], refs: Sequence[Reference], cue: Match
                     ) -> Reference | None:
        """The coalition named within four words after `cue`, not as a modifier ("the
        coalition talks")."""
        return next((r for r in refs if cue.last < r.first
                     and _words(tokens, cue.last + 1, r.first) <= PART_OF_REACH_WORDS
                     and not _modifies(tokens, r.last)), None)

    def commands(self, index: int, cue: Match, ref: Reference | None, how: str) -> None:
        """The state named last before `cue` in its clause commands `ref`, unless words
        just before the cue make it possible, wished or denied (`_unreal`)."""
        if ref is None:
            return
        tokens = self.ctx.tokens(index)
        text, _ = self.ctx.sentence(index)
        start, _ = clause_window(tokens, cue.first)
        before = [(actor, begin) for actor, begin, end in self.ctx.mentions_in(index)
                  if tokens[start].start <= begin and end <= cue.start and is_named(actor)
                  and (party := party_of(actor)) is not None and party.type == "state"]
        if not before or _unreal(tokens[max(start, cue.first - UNREAL_REACH_WORDS):cue.first]):
            return
        actor = max(before, key=lambda item: item[1])[0]
        reason = f"member: named before {how} '{ref.label}'"
        if self.add(actor, ref, "member", "member", index, text[cue.start:cue.end],
                    self.span(index, cue.start, cue.end), [reason]):
            self.contribute(party_of(actor), ref, "command",  # type: ignore[arg-type]
                            index, cue.first, cue.last, reason)

    def command(self, index: int) -> None:
        """"under Polish command": the state whose command a part of the force is under."""
        tokens = self.ctx.tokens(index)
        text, _ = self.ctx.sentence(index)
        ref = self.coalitions.about(index)
        if ref is None:
            return
        for cue in self.lexicon.cue("command", tokens):
            for actor, begin, end in self.ctx.mentions_in(index):
                words = [t for t in tokens if t.end <= begin and t.is_word]
                between = [t for t in tokens if t.start >= end and t.end <= cue.start]
                if (words and words[-1].text.lower() == "under" and all(
                        t.is_word for t in between) and len(between) <= 1
                        and end <= cue.start):
                    self.add(actor, ref, "member", "member", index, text[words[-1].start:cue.end],
                             self.span(index, words[-1].start, cue.end),
                             [f"member: a part of '{ref.label}' under its command"])


@dataclass(frozen=True, slots=True)
class StateForces:
    """A state's forces named in a sentence: tokens [first, last] and how they were seen."""

    party: Party
    first: int
    last: int
    how: str
    kind: str = "ground-troops"


def state_forces(ctx: DocContext, index: int, lexicon: Lexicon) -> list[StateForces]:
    """The states whose forces sentence `index` names:
    - a mention of a state's military or police ("German KFOR troops", "Polish
      soldiers", "Malaysian police officers");
    - a country's contingent of an organisation's force ("Chinese UN peacekeepers",
      "peacekeepers from Spain": an organisation mention with a country);
    - states named right before a force noun, alone or in a list ("French and Italian
      ships", "Polish engineers", "70 Australian and 200 Malaysian police officers", where
      the last may be one mention with its noun);
    - states named after a force noun and "from" or "of" ("troops from Italy, France and
      ...", "troops of Australia and Malaysia").
    """
    tokens = ctx.tokens(index)
    found: list[StateForces] = []
    nouns = [m for kind in ("force", *ASSET_KINDS) for m in lexicon.cue(kind, tokens)]
    mentions, spans = _token_mentions(ctx, index)
    for actor, _, _ in mentions:
        covered = spans[id(actor)]
        if not covered or not is_named(actor):
            continue
        first, last = covered[0], covered[-1]
        if actor.type == "state" and actor.sector in FORCE_SECTORS and actor.country:
            found.append(StateForces(party_of(actor), first, last,  # type: ignore[arg-type]
                                     FORCE_SECTORS[actor.sector]))
        elif actor.type == "igo" and actor.country:
            found.append(StateForces(Party(actor.country, country_name(actor.country),
                                           "state"), first, last,
                                     "its contingent of an organisation's force"))
        elif actor.type == "state" and actor.country:
            noun = _noun_after_list(tokens, last, nouns, mentions, spans)
            if noun is not None:
                found.append(StateForces(party_of(actor), first,  # type: ignore[arg-type]
                                         _force_phrase_end(tokens, noun, nouns),
                                         f"named before '{noun.phrase.text}'"))
            elif (noun := _from_after_noun(tokens, first, nouns, mentions, spans)):
                found.append(StateForces(party_of(actor), noun.first,  # type: ignore[arg-type]
                                         last, "named after a force noun and 'from'"))
    return [replace(f, kind=_kind(lexicon, tokens, f.first, f.last)) for f in found]


def _asset_kinds(lexicon: Lexicon, tokens: Sequence[Token], start: int, end: int
                 ) -> dict[str, tuple[int, int]]:
    """Kind -> the words of its first asset named in tokens[start:end] ("two frigates
    and three helicopters": naval and air; "troops": ground troops)."""
    found: dict[str, tuple[int, int]] = {}
    for cue, kind in (*ASSET_KINDS.items(), ("force", "ground-troops")):
        for match in lexicon.cue(cue, tokens, start, end):
            if kind not in found or match.first < found[kind][0]:
                found[kind] = (match.first, match.last)
    return found


def _kind(lexicon: Lexicon, tokens: Sequence[Token], first: int, last: int) -> str:
    """What forces tokens [first, last] are (`_named_kind`), else ground troops."""
    return _named_kind(lexicon, tokens, first, last) or "ground-troops"


def _named_kind(lexicon: Lexicon, tokens: Sequence[Token], first: int, last: int
                ) -> str | None:
    """The kind of forces that tokens [first, last] name: the kind of the asset their
    words name, or end an asset's name ("ships": naval, "helicopters": air, "a
    commander": command, "sea forces" for a mention of "forces", "naval personnel"), else
    the topic they name (not a change: "withdrawal"), a modifier's before the noun's
    ("airlift soldiers": airlift, "soldiers for training": training)."""
    for cue, kind in ASSET_KINDS.items():
        if any(m.last >= first for m in lexicon.cue(cue, tokens, max(0, first - ASSET_WORDS),
                                                     last + 1)):
            return kind
    topics = [t.phrase.label for t in lexicon.topics_in(tokens, first, last + 1)
              if t.phrase.label not in NOT_KINDS]
    specific = [topic for topic in topics if topic != "ground-troops"]
    return (specific or topics or [None])[-1]


def _troops_kind(lexicon: Lexicon, tokens: Sequence[Token], fact: TroopFact, first: int,
                 last: int) -> str | None:
    """What a troop statement's troops at tokens [first, last] contribute: police, or the
    kind their words and a "for" phrase after them name ("100 soldiers for training"),
    else ground troops; None for personnel or staff of no stated kind, who may be
    sailors, airmen or clerks ("Germany contributed 2,400 personnel")."""
    if "police" in fact.unit:
        return "police"
    while first < last and tokens[first].tag.startswith("VB"):  # "sent", "has deployed"
        first += 1
    if last + 2 < len(tokens) and tokens[last + 1].text.lower() == "for":
        last = min(len(tokens) - 1, last + 1 + FOR_WORDS)
    kind = _named_kind(lexicon, tokens, first, last)
    return kind or (None if fact.unit in UNSTATED_UNITS else "ground-troops")


def _first_at(tokens: Sequence[Token], offset: int) -> int:
    """Index of the first token starting at or after character `offset`."""
    return next((i for i, t in enumerate(tokens) if t.start >= offset), len(tokens))


def _covered(tokens: Sequence[Token], begin: int, end: int) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.start >= begin and t.end <= end]


def _state_list_steps(tokens: Sequence[Token], at: int, mentions, spans, step: int
                      ) -> int:
    """From token `at`, skip over a list of other states ("and Italian", ", Spain and
    France"), each perhaps with its own count ("70 Australian and 200 Malaysian"), in
    direction `step`; returns the token index where the list ends."""
    starts = {spans[id(a)][0]: spans[id(a)][-1] for a, _, _ in mentions
              if spans[id(a)] and a.type == "state"}
    ends = {last: first for first, last in starts.items()}

    def counted(i: int) -> bool:
        return 0 <= i < len(tokens) and tokens[i].tag == "CD"

    position = at
    while True:
        link = position + step
        if step < 0 and counted(link):
            link += step  # the count of the item we stand on
        if not 0 <= link < len(tokens) or tokens[link].text.lower() not in ("and", ",", "or"):
            break
        item = link + step
        if step > 0 and counted(item):
            item += step  # the next item's count
        target = starts.get(item) if step > 0 else ends.get(item)
        if target is None:
            break
        position = target
    return position


def _noun_after_list(tokens: Sequence[Token], last: int, nouns: Sequence[Match], mentions,
                     spans) -> Match | None:
    """A force noun right after a state (or the list of states it starts), or after its
    possessive and a number ("El Salvador's contingent", "Poland's 2,500 troops")."""
    end = _state_list_steps(tokens, last, mentions, spans, +1)
    at = end + 1
    if at < len(tokens) and tokens[at].text in ("'s", "'", "’s", "’"):
        at += 1
        while at < len(tokens) and tokens[at].tag == "CD":
            at += 1
    return next((n for n in nouns if n.first == at or (last < n.first and n.last == end)),
                None)


def _force_phrase_end(tokens: Sequence[Token], noun: Match, nouns: Sequence[Match]) -> int:
    """Where the force phrase of `noun` ends: at the noun, or at the force noun of its
    "of" phrase ("contingent of 380 soldiers", "battalion of engineers")."""
    at = noun.last + 1
    if at < len(tokens) and tokens[at].text.lower() == "of":
        at += 1
        while at < len(tokens) and tokens[at].tag == "CD":
            at += 1
        inner = next((n for n in nouns if n.first == at), None)
        if inner is not None:
            return inner.last
    return noun.last


def _from_after_noun(tokens: Sequence[Token], first: int, nouns: Sequence[Match], mentions,
                     spans) -> Match | None:
    """The force noun the state (or the list it ends) follows with "from" or "of"
    ("troops from Italy", "police and troops of Australia and Malaysia")."""
    start = _state_list_steps(tokens, first, mentions, spans, -1)
    if start < 2 or tokens[start - 1].text.lower() not in ("from", "of"):
        return None
    return next((n for n in nouns if n.last == start - 2), None)


def _next_to(tokens: Sequence[Token], refs: Sequence[Reference], first: int, last: int,
             lexicon: Lexicon) -> Reference | None:
    """The reference overlapping tokens [first, last] or within three words of them in
    the same clause, not across a word that opposes them ("the victory of the coalition
    over the Iraqi army", "coalition troops fought Taliban forces")."""
    best: tuple[int, Reference] | None = None
    for ref in refs:
        if ref.first <= last and first <= ref.last:
            return ref
        low, high = (last + 1, ref.first) if ref.first > last else (ref.last + 1, first)
        window = clause_window(tokens, first)
        if not (window[0] <= ref.first < window[1]):
            continue
        if (any(t.key in OPPOSING_KEYS for t in tokens[low:high])
                or lexicon.cue("target", tokens, low, high)):
            continue
        distance = _words(tokens, low, high)
        if distance <= NEXT_TO_WORDS and (best is None or distance < best[0]):
            best = (distance, ref)
    return best[1] if best else None


def _relative_being(tokens: Sequence[Token], last: int) -> int:
    """The last token of a relative clause of being that follows token `last` ("[,] that
    are (still)", "who were already") when "in" or "at" comes next, so that where the
    forces are is read after it; `last` otherwise ("who were killed in P")."""
    at = last + 1
    if at < len(tokens) and tokens[at].text == ",":
        at += 1
    if at >= len(tokens) or tokens[at].text.lower() not in RELATIVES:
        return last
    at += 1
    if at >= len(tokens) or tokens[at].key != "be":
        return last
    while at + 1 < len(tokens) and tokens[at + 1].tag == "RB":
        at += 1
    following = tokens[at + 1].text.lower() if at + 1 < len(tokens) else ""
    return at if following in PRESENCE_PREPOSITIONS else last


def _destination(tokens: Sequence[Token], ref: Reference) -> bool:
    """True when the coalition phrase is where something goes: "to", "for", "into",
    "join" or "reinforce" right before it (its determiner and modifiers aside)."""
    at = ref.first - 1
    while at >= 0 and tokens[at].tag in ("DT", "JJ", "PRP$"):
        at -= 1
    return at >= 0 and tokens[at].text.lower() in DESTINATION_WORDS


def _modifies(tokens: Sequence[Token], last: int) -> bool:
    """True when the coalition phrase ending at token `last` modifies a noun after it
    ("left the coalition base", "the coalition's headquarters"): its place, not itself."""
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return after is not None and (after.tag == "POS" or after.tag.startswith("NN"))


def _unreal(tokens: Sequence[Token]) -> bool:
    """True when words before a membership cue make it possible, wished or denied, not
    stated ("might take part in", "refused to serve in", "did not join"): a modal other
    than will/shall, a negation, or a verb of refusing or considering."""
    return any((t.tag == "MD" and t.key not in REAL_MODALS) or t.key in UNREAL_WORDS
               for t in tokens)


def _leads(party: Party, ref: Reference) -> bool:
    """True for the organisation the catalogue says leads the coalition (a role)."""
    return ref.known is not None and party.key == ref.known.lead and party.type == "igo"


def lead_troops(party: Party, ref: Reference, kind: str) -> bool:
    """True for the lead organisation's own troops or police ("7,000 African Union
    troops"): the force's strength, a contribution only when a troop statement counts
    them, not "UN troops raided a school" or "until a UN force is deployed"."""
    return kind in TROOP_KINDS and _leads(party, ref)


def count_of(fact: TroopFact) -> int | None:
    """How many troops a fact is about: its count, else the level it names."""
    return fact.count if fact.count is not None else fact.level


def _token_span(tokens: Sequence[Token], ref: Reference) -> tuple[int, int]:
    return tokens[ref.first].start, tokens[ref.last].end


def _words(tokens: Sequence[Token], start: int, end: int) -> int:
    return sum(1 for t in tokens[start:end] if t.is_word)


def _parties(actors: Iterable[Actor]) -> list[Party]:
    return list({p.key: p for a in actors if is_named(a) and (p := party_of(a)) is not None}
                .values())


def _states_membership(event: Event, lexicon: Lexicon, trigger: Sequence[Token]) -> bool:
    """True for an event reported as done or to be done, or whose hypothetical cue is the
    actor's intention ("decided to join") or a purpose ("sent jets to join")."""
    if event.auxiliary in (None, "historical", "future"):
        return True
    if event.auxiliary != "hypothetical":
        return False
    cue = cue_tokens(event)
    purpose = [t.key for t in cue] == ["to", *(t.key for t in trigger)]
    return purpose or (bool(lexicon.cue("intention", cue)) and not lexicon.cue("request", cue))


def read_membership(ctx: DocContext, lexicon: Lexicon,
                    coalitions: DocumentCoalitions | None = None
                    ) -> tuple[list[Membership], list[Contribution]]:
    """Every membership a document states, one per member, coalition, sentence and
    status, and what the members' forces named next to a coalition contribute."""
    catalogue = default_catalogue()
    coalitions = coalitions or document_coalitions(ctx, lexicon, catalogue)
    finder = _Finder(ctx, lexicon, coalitions, catalogue)
    for event in ctx.events:
        finder.from_event(event)
    for index in ctx.sentences:
        finder.led(index)
        finder.part_of(index)
        finder.partners(index)
        finder.leaves(index)
        finder.includes(index)
        finder.sends(index)
        finder.forces(index)
        finder.command(index)
        finder.command_of(index)
        finder.commanded_by(index)
        finder.composed(index)
    finder.troops(read_document_troops(ctx, lexicon))
    finder.members_assets()
    seen: set[tuple[str, str, int, str]] = set()
    kept = []
    for membership in finder.found:
        key = (membership.coalition_id, membership.member, membership.sentence_index,
               membership.status)
        if key not in seen:
            seen.add(key)
            kept.append(membership)
    contributions = list({c.contribution_id: c for c in finder.contributions}.values())
    return kept, contributions


def find_memberships(ctx: DocContext, lexicon: Lexicon,
                     coalitions: DocumentCoalitions | None = None) -> list[Membership]:
    """Every membership a document states (`read_membership`)."""
    return read_membership(ctx, lexicon, coalitions)[0]
