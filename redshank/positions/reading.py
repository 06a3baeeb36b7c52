"""Read what each event (or stance cue) says about an action: topic, stance, whose, who said.

    event -> clause around its trigger -> topics (lexicon phrases, event signals, the
          event's own actors' words; "do so" takes the previous sentence's topic; troops
          withdrawn or cut make withdrawal or troop-levels, never ground-troops)
          -> stance (AGREE commit/offer, SUPPORT support, REJECT refuse, REQUEST request;
             a negated action with a refusal cue is a refusal, a hypothetical one with an
             intention cue a commitment; an action a third party demands of the actor is
             the demander's request) -> holder and speaker -> hedges of the sentence
          -> statement date (the event's, or publication when it is a target) and the
             target date ("by 2008")

Clauses with no event-borne stance are read for refusal cues too ("a red line ... no
boots on the ground", "did not rule out airstrikes") in first-person quotations and
reported speech with a known speaker. Each reading
with a stance becomes a `Position`; every reading can become a coalition contribution.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from redshank.actors.codes import STATE_SECTORS
from redshank.knowledge import event_types
from redshank.model import Actor, Event, Position, Span, Stance, format_day, hash_record
from redshank.positions.context import (
    DocContext,
    Party,
    cue_tokens,
    is_forces,
    is_named,
    party_of,
    speaks_for,
    stands_apart,
)
from redshank.positions.lexicon import Lexicon, Match
from redshank.positions.tokens import (
    Token,
    clause_head,
    clause_of,
    clause_window,
    lemma_key,
    subtree_span,
)
from redshank.positions.troops import (
    AUXILIARY_KEYS,
    CONDITION_WORDS,
    NEGATION_KEYS,
    Target,
    TroopChange,
    change_at,
    change_cues,
    demand_on,
    links_in,
    target_in,
    unowned_troops,
)
from redshank.version import CODER_VERSION

DERIVER_VERSION = f"redshank-positions-0.2.0 ({CODER_VERSION})"
# The stance each event type states: the `stance` column of the event-type table.
EVENT_STANCES: dict[str, Stance] = {
    name: cast(Stance, row.stance) for name, row in event_types().items() if row.stance
}
NEGATED_STANCES: dict[str, Stance] = {"commit": "refuse", "offer": "refuse",
                                      "support": "refuse", "refuse": "hedge"}
STANCE_STATUS = {"commit": "committed", "offer": "offered", "support": "supported",
                 "request": "requested", "refuse": "refused", "hedge": "open"}
FACT_STATUS = {None: "done", "historical": "done", "hypothetical": "possible",
               "future": "planned", "negated": "not done"}
# An action still to come: a date of it after publication is a target, not the statement's.
FORWARD_AUXILIARIES = frozenset({"future", "hypothetical", "negated"})
# The topic of troops taken out or cut: never ground-troops (a commitment of troops).
TROOP_TOPICS: dict[TroopChange, str] = {"withdrawal": "withdrawal", "cut": "troop-levels"}
# Phrases of this topic (topics.tsv) name no action: they only keep their words from others.
NO_TOPIC = "no-topic"
PROPER_TAGS = frozenset({"NNP", "NNPS"})
# A REJECT of what someone says is so ("denied allegations"), not of an action.
DENIAL_KEYS = frozenset(map(lemma_key, ("deny", "dismiss", "reject", "refute", "rebut")))
CLAIM_KEYS = frozenset(map(lemma_key, (
    "allegation", "accusation", "claim", "charge", "report", "rumor", "rumour",
    "speculation", "assertion",
    # what a party is said to have had a hand in ("denied any involvement")
    "involvement", "role", "link", "connection", "discussion", "knowledge", "responsibility")))
GERUND_TAG = "VBG"
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
PAST_PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
ASKING_WORDS = frozenset({"for", "on", "upon"})
QUESTION_WORDS = frozenset({"whether", "why", "how", "what", "when", "where", "if"})
# Refusal cues that open with a modal or a negation: they refuse only for their subject.
MODAL_CUE_KEYS = frozenset(map(lemma_key, ("will", "not", "never")))
SUBJECT_SKIP_KEYS = frozenset(map(lemma_key, ("be", "have", "do", "will", "would", "'re",
                                              "'s", "'ve", "ca", "wo")))
FIRST_PERSON_SUBJECTS = frozenset({"we", "i", "us"})
FIRST_PERSON_OWNERS = frozenset({"our", "my"})
SAYING_KEYS = frozenset(map(lemma_key, ("say", "mean", "state", "imply", "suggest")))
EXPLAINING_MARKS = frozenset({":", "–", "—", "-"})
# A REJECT that breaks a rule is an act, not a refusal ("Israel violated resolution 1701").
BREACH_KEYS = frozenset(map(lemma_key, ("violate", "breach", "flout", "contravene")))
# A SUPPORT that admits a fact states no support ("acknowledged the presence of its troops").
ADMISSION_KEYS = frozenset(map(lemma_key, ("acknowledge", "admit", "concede")))
# Words that open a condition or a time clause: an event inside one is what a stance
# depends on or when it holds, not a stance ("posts troops before agreeing on a
# ceasefire"); inside a condition it is not even a fact ("if Iran sends troops").
CONDITION_OPENERS = frozenset({"if", "unless", "whether"})
# Words that make a "would" conditional rather than the future of reported speech.
CONDITIONAL_WOULD_WORDS = CONDITION_OPENERS | {"provided", "providing", "otherwise", "only"}
SUBORDINATE_WORDS = CONDITION_OPENERS | {"before", "after", "once", "until", "till", "when",
                                         "whenever"}
# Of those, the words whose clause is an adjunct: its words are none of the event's topics
# ("If they lacked the arms, I will withdraw"). "whether" opens what is decided or asked.
ADJUNCT_OPENERS = SUBORDINATE_WORDS - {"whether"}
MAX_SUBORDINATE_WORDS = 8
ADJUNCT_CLOSERS = frozenset({",", "then"})
# Phrases of an eventuality that make an action conditional, as "if" and "unless" do.
EVENTUALITY_PHRASES = (("in", "the", "event", "of"), ("in", "case", "of"))
# Prepositions whose object tells when the action happens, not what it is about.
TIME_PREPOSITIONS = frozenset({"following", "during"})
# Nouns whose infinitive tells the action of whoever owns them ("a Lebanese offer to send
# troops", "US plans to deploy"): the owner holds it, not the one who accepts or fears it.
INTENT_NOUN_KEYS = frozenset(map(lemma_key, (
    "offer", "plan", "proposal", "decision", "bid", "promise", "pledge", "threat",
    "willingness", "intention", "readiness", "commitment", "attempt", "effort")))
OWNER_DEPS = frozenset({"poss", "amod", "compound"})
# What makes a clause describing a noun finite ("the statement that troops would not be
# deployed"), not a participle phrase ("officials seeking to deploy").
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "that"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Verbs of belief: what follows is the believer's prediction, not the actor's stance
# ("critics believe that cutting aid will hurt the refugees").
BELIEF_KEYS = frozenset(map(lemma_key, (
    "believe", "think", "expect", "predict", "fear", "doubt", "suspect", "estimate",
    "assume", "anticipate", "speculate", "worry", "forecast", "guess",
    # and of claims another party makes about the actor ("The paper claimed that X refused")
    "claim", "allege", "accuse", "rumor", "rumour")))
# Nouns of hearsay: an event in what they say ("reports say that X is planning", "amid
# rumours that", "accusations that he intended to") is no stance of its actor.
HEARSAY_KEYS = frozenset(map(lemma_key, (
    "report", "rumor", "rumour", "allegation", "accusation", "claim", "speculation",
    "suspicion")))
OBLIGATION_WORDS = frozenset({"should", "ought", "must", "could", "would"})
# The addressee's things are no topic of the speaker's side ("support your troops").
SECOND_PERSON_OWNERS = frozenset({"your"})
# Between a stop cue and the topic it ends ("an end to the arms sales", "cut off its
# funding"): articles, prepositions, possessives, adjectives, adverbs, numbers (and a noun
# before "of": `_leads_to`).
STOPPED_GAP_TAGS = frozenset({"DT", "IN", "TO", "PRP$", "JJ", "JJR", "JJS", "RB", "CD",
                              "POS"})
MAX_STOPPED_GAP = 4
# Then the words of a compound before the topic ("cut off the state's anti-drug aid
# funding"): nouns, adjectives, hyphens.
STOPPED_COMPOUND_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "HYPH", "AFX"})
# Cue kinds that end or receive what their topic names, so that it is no action of the
# event's actor: "cut off funding", "will receive funding" (but asking to receive is a
# request for it: `topics_of`'s `stop_kinds`).
STOP_KINDS = ("stop", "receive")
NOUN_TAGS = frozenset({"NN", "NNS"})
OBJECT_REACH_WORDS = 5  # "increase [the country's] military budget"
# Between "under"/"face" and the demand ("under increasing political pressure").
PRESSED_GAP_TAGS = frozenset({"JJ", "JJR", "RB", "VBG", "DT"})
FACING_KEYS = frozenset(map(lemma_key, ("face",)))
HARD_BOUNDARIES = frozenset(";:()–—")
# Before a noun trigger, the words of its noun phrase ("the troop withdrawal").
NOUN_PHRASE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "CD", "HYPH"})


@dataclass(slots=True)
class Reading:
    """One topic an event or cue speaks to: stance (if a position), status, whose, who
    said it, where, and why."""

    topic: str
    stance: Stance | None
    status: str
    holder: Party
    speaker: Actor | None
    hedges: list[str]
    doc_id: str
    sentence_index: int
    sentence: str
    trigger: str
    span: Span
    date: str | None
    date_precision: str
    date_start: date | None
    date_end: date | None
    published: date | None
    quote: str | None = None
    quote_span: Span | None = None
    events: list[Event] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    target_text: str | None = None
    target_date: date | None = None

    @property
    def key(self) -> tuple[str, str, str | None, str]:
        return (self.holder.key, self.topic, self.stance, self.status)


def _surface(text: str, match: Match) -> str:
    return text[match.start:match.end]


def _overlaps(a: Match, b: Match) -> bool:
    return a.first <= b.last and b.first <= a.last


def hedges_in(text: str, tokens: Sequence[Token], lexicon: Lexicon, topic: str) -> list[str]:
    """The hedge cues of a sentence that bear on `topic`, as written, none inside another.

    A hedge in a clause about another topic is that topic's ("would not send ground
    troops, although he did not rule out airstrikes"); one in a clause about no topic
    bears on the whole sentence ("although he left open the possibility that could
    change down the road").
    """
    found = lexicon.cue("hedge", tokens)
    kept = []
    for match in found:
        if any(o is not match and o.size > match.size and _overlaps(o, match) for o in found):
            continue
        start, end = clause_window(tokens, match.first)
        topics = clause_topics(text, tokens, lexicon, start, end)
        if not topics or topic in topics:
            kept.append(_surface(text, match))
    return list(dict.fromkeys(kept))


def _names(tokens: Sequence[Token], match: Match) -> bool:
    """True when a topic phrase is (part of) a proper name: "International Monetary
    Fund", "Senate Intelligence Committee", "Department of Labor and Training"."""
    return all(t.tag in PROPER_TAGS for t in tokens[match.first:match.last + 1] if t.is_word)


def _leads_to(between: Sequence[Token]) -> bool:
    """True when the words between a stop cue and a topic are articles, prepositions,
    possessives, adjectives, numbers and nouns of quantity or manner before "of" ("larger
    amounts of", "the delivery of"), then the words of a compound ("cut off anti-drug
    funding")."""
    at = 0
    while at < len(between) and (between[at].tag in STOPPED_GAP_TAGS or (
            between[at].tag in NOUN_TAGS and at + 1 < len(between)
            and between[at + 1].text.lower() == "of")):
        at += 1
    compound = between[at:]
    return at <= MAX_STOPPED_GAP and len(compound) <= MAX_STOPPED_GAP and all(
        t.tag in STOPPED_COMPOUND_TAGS for t in compound)


def _stopped(tokens: Sequence[Token], match: Match, stops: Sequence[Match]) -> bool:
    """True when a stop (or receive) cue of its clause ends the topic's action: around it
    ("withdraw anti-terrorism intelligence cooperation"), before it across articles,
    prepositions, adjectives and a compound's words ("an end to the arms sales", "cut off
    its funding", "a ban on weapons"), or after it: right after ("the arms embargo") or as its
    verb across no other verb but auxiliaries ("any financial support to the country should
    cease", "airstrikes to be halted"; not "troops by the end of the year")."""
    start, end = clause_window(list(tokens), match.first)
    for stop in stops:
        if not start <= stop.first < end:
            continue
        if stop.first < match.first and match.last <= stop.last:
            return True  # inside it: "withdraw intelligence cooperation"
        if stop.last < match.first:
            if _leads_to(tokens[stop.last + 1:match.first]):
                return True
        elif stop.phrase.label == "stop" and stop.first > match.last and (
                stop.first == match.last + 1 or tokens[stop.first].tag.startswith("VB")):
            between = tokens[match.last + 1:stop.first]
            if len(between) <= MAX_STOPPED_GAP + 2 and all(
                    t.is_word and (t.tag == "MD" or t.key in AUXILIARY_KEYS
                                   or not t.tag.startswith("VB")) for t in between):
                return True
    return False


def topics_of(text: str, tokens: Sequence[Token], lexicon: Lexicon,
              ranges: Sequence[tuple[int, int]], exclude: Sequence[tuple[int, int]] = (),
              stop_kinds: Sequence[str] = STOP_KINDS) -> dict[str, str]:
    """Topic -> reason for the topic phrases of the sentence (longest first, no word
    shared: "sell F-16 fighter jets" is arms, never also "fighter jets") that lie inside
    the token ranges; none for words of a `no-topic` phrase of the sentence ("nuclear
    weapons", "the release of Israeli soldier X"), inside a proper name, before a noun of
    a person or body (an `agent` cue: "the intelligence director", "aid workers"), inside
    an `exclude` span (first and last token), that a cue of `stop_kinds` ends or receives
    ("cut off funding", "receive funding": `_stopped`; a receiving verb only before the
    topic) or that the addressee owns ("your troops")."""
    found = lexicon.topics_in(tokens)
    blocked = [m for m in found if m.phrase.label == NO_TOPIC]
    stops = [m for kind in stop_kinds for m in lexicon.cue(kind, tokens)]
    agents = {m.first for m in lexicon.cue("agent", tokens)}
    topics: dict[str, str] = {}
    for start, end in ranges:
        for match in (m for m in found if start <= m.first and m.last < end):
            if any(_overlaps(match, b) for b in blocked) or _names(tokens, match) or \
                    match.last + 1 in agents or any(
                    first <= match.first and match.last <= last for first, last in exclude):
                continue
            if _stopped(tokens, match, stops) or (
                    match.first > 0 and tokens[match.first - 1].form[1:] in SECOND_PERSON_OWNERS):
                continue
            topics.setdefault(match.phrase.label, f"topic {match.phrase.label}: "
                              f"'{_surface(text, match)}' ({match.phrase.source})")
    return topics


def troop_topics(topics: dict[str, str], text: str, tokens: Sequence[Token], lexicon: Lexicon,
                 start: int, end: int, previous: Sequence[Token] = (),
                 trigger: int | None = None, outside: Sequence[tuple[int, int]] = ()
                 ) -> dict[str, str]:
    """A clause's topics when it withdraws or cuts troops (troops.py): withdrawal or
    troop-levels, and no ground-troops unless the clause also sends or adds troops ("will
    reduce its troop level" is not a commitment of troops). `previous` are the previous
    sentence's tokens ("It will not withdraw" after a sentence about its troops); an
    event's `trigger` that withdraws or cuts does so whatever troops the clause names
    ("will withdraw, over the next year, its 900 troops"); cues `outside` (a condition or
    time clause: `adjunct_spans`) change nothing ("send money after the soldiers leave")."""
    links = [link for link in links_in(tokens, lexicon, start, end, previous)
             if link.cue is not None
             and not any(first <= link.cue.first <= last for first, last in outside)]
    taken = [(link.change, link.cue) for link in links if link.change in TROOP_TOPICS]
    change = change_at(tokens, lexicon, trigger) if trigger is not None else None
    if change in TROOP_TOPICS and "ground-troops" in topics and not taken:
        cue = next(m for m in change_cues(tokens, lexicon) if m.first <= trigger <= m.last)
        taken.append((change, cue))
    if not taken:
        return topics
    found = dict(topics)
    if not any(link.change in ("deployment", "increase") for link in links):
        found.pop("ground-troops", None)
    for taken_change, cue in taken:
        assert taken_change is not None
        topic = TROOP_TOPICS[taken_change]
        found.setdefault(topic, f"topic {topic}: troops {taken_change} '"
                                f"{_surface(text, cue)}' ({cue.phrase.source})")
    return found


def clause_topics(text: str, tokens: Sequence[Token], lexicon: Lexicon, start: int, end: int
                  ) -> dict[str, str]:
    """Topic -> reason for the clause tokens[start:end]: its phrases, troops withdrawn or
    cut."""
    return troop_topics(topics_of(text, tokens, lexicon, [(start, end)]), text, tokens, lexicon,
                        start, end)


def _without_fallbacks(topics: dict[str, str], lexicon: Lexicon) -> dict[str, str]:
    specific = {t: r for t, r in topics.items() if t not in lexicon.fallback_topics}
    return specific or topics


def _inherited(text: str, tokens: Sequence[Token], lexicon: Lexicon, start: int, end: int,
               holder: str, previous: Sequence[Reading]) -> dict[str, str]:
    """Topics of the previous sentence when the clause refers back to it ("do so")."""
    anaphors = lexicon.cue("anaphor", tokens, start, end)
    if not anaphors or not previous:
        return {}
    same = [r for r in previous if r.holder.key == holder] or list(previous)
    cue = _surface(text, anaphors[0])
    return {r.topic: f"topic {r.topic}: from the previous sentence ('{cue}', "
                     f"{anaphors[0].phrase.source})" for r in same}


def _actor_ranges(ctx: DocContext, event: Event, tokens: Sequence[Token]
                  ) -> list[tuple[int, int]]:
    _, offset = ctx.sentence(event.sentence_index)
    ranges = []
    for actor in (*event.actor, *event.recipient):
        start, end = actor.span.start - offset, actor.span.end - offset
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        if inside:
            ranges.append((inside[0], inside[-1] + 1))
    return ranges


def reported_future(event: Event, speaker: Actor | None, tokens: Sequence[Token],
                    start: int, end: int) -> bool:
    """True for "would" as the future of reported speech ("Britain said it would send
    troops"): a "would" event that someone is reported saying, in a clause with no
    condition ("would send troops if asked" is conditional, not a commitment)."""
    return (event.auxiliary == "hypothetical"
            and (event.evidence.auxiliary_cue or "").lower() == "would"
            and speaker is not None
            and not any(t.text.lower() in CONDITIONAL_WOULD_WORDS for t in tokens[start:end]))


def stance_of(event: Event, lexicon: Lexicon, trigger: Sequence[Token]
              ) -> tuple[Stance | None, str, str]:
    """The stance an event states (None for a fact), its contribution status, and why."""
    cue = event.evidence.auxiliary_cue or ""
    cue_words = cue_tokens(event)

    def cued(kind: str) -> bool:
        return bool(lexicon.cue(kind, cue_words))

    offered = bool(lexicon.cue("offer", trigger)) or cued("offer")
    base = EVENT_STANCES.get(event.event)
    aux = event.auxiliary
    stance: Stance | None = None
    why = f"{event.event}" + (f" {aux} ('{cue}')" if aux else "")
    if base is not None:
        if aux in (None, "historical", "future"):
            stance = "offer" if base == "commit" and offered else base
        elif aux == "negated":
            stance = NEGATED_STANCES.get(base)
        elif cued("intention") and not cued("request"):
            stance = "offer" if base == "commit" and offered else base
    elif aux == "negated" and cued("refusal-negation"):
        stance = "refuse"
    elif aux == "hypothetical" and cued("intention") and not cued("request"):
        stance = "offer" if offered else "commit"
    elif aux == "future":
        stance = "commit"
    if stance is not None:
        return stance, STANCE_STATUS[stance], f"stance {stance}: {why}"
    status = "proposed" if event.event == "CONSULT" else FACT_STATUS.get(aux, "done")
    return None, status, f"status {status}: {why}"


def holder_of(event: Event, speaker: Actor | None, unowned: Sequence[Actor] = ()
              ) -> tuple[Party, str] | None:
    """Whose position an event states: its named actor (`speaks_for`: a state's people,
    opposition or press hold their own); for pronouns, generic actors of the state, the
    forces a refusal is about and troops named by where they are (`unowned`: "soldiers in
    southern Iraq" are not Iraq's), the speaker's side; else the actor's side. An actor
    the coder implied ("would be withdrawn": the host's judiciary), generic agents outside
    the state ("a businessman that will give you money") and common nouns the coder gave
    the other party's country ("European leaders urged him") hold nothing."""
    actors = [] if event.actor_inferred else [a for a in event.actor
                                              if a.text.strip() and a not in unowned]
    if not is_forces(event):
        for actor in actors:
            if is_named(actor) and (party := speaks_for(actor)) is not None:
                return party, f"holder {party.key}: the event's actor '{actor.text}'"
    if actors and all(stands_apart(actor) for actor in actors):
        return None
    if speaker is not None and (party := speaks_for(speaker)) is not None:
        return party, f"holder {party.key}: the speaker {speaker.name}"
    for actor in actors:
        if (party := speaks_for(actor)) is not None:
            return party, f"holder {party.key}: the event's actor '{actor.text}'"
    return None


def _the_doers_words(ctx: DocContext, event: Event, tokens: Sequence[Token], lexicon: Lexicon,
                     trigger: int, ranges: Sequence[tuple[int, int]],
                     outside: Sequence[tuple[int, int]], stop_kinds: Sequence[str]) -> set[str]:
    """Topics only the event's own actor (or the party a request is made of) names when
    the event does something else with it ("Israeli troops warned residents", "army
    troops demanded money", "urged Islamist troops to stop their advance"): what the
    troops do or are asked to do is no position on sending them. Kept for the forces a
    refusal is about and for a trigger that moves or keeps troops ("Polish troops will
    stay")."""
    if is_forces(event) or any(m.first <= trigger <= m.last
                               for m in change_cues(tokens, lexicon)):
        return set()
    asked = event.recipient if event.event == "REQUEST" else []
    own = [at for actor in (*event.actor, *asked)
           if (at := _actor_tokens(ctx, event, actor, tokens)) is not None]
    if not own:
        return set()
    text, _ = ctx.sentence(event.sentence_index)
    return set(topics_of(text, tokens, lexicon, ranges, outside, stop_kinds)) - set(
        topics_of(text, tokens, lexicon, ranges, [*outside, *own], stop_kinds))


def _actor_tokens(ctx: DocContext, event: Event, actor: Actor, tokens: Sequence[Token]
                  ) -> tuple[int, int] | None:
    """The first and last token of one of the event's actors in its sentence."""
    _, offset = ctx.sentence(event.sentence_index)
    start, end = actor.span.start - offset, actor.span.end - offset
    inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
    return (inside[0], inside[-1]) if inside else None


def _unowned(ctx: DocContext, event: Event, tokens: Sequence[Token], lexicon: Lexicon
             ) -> list[Actor]:
    """The event's actors that are troops named by where they are ("soldiers in Iraq")."""
    found = []
    for actor in event.actor:
        at = _actor_tokens(ctx, event, actor, tokens)
        if at is not None and unowned_troops(tokens, lexicon, *at):
            found.append(actor)
    return found


@dataclass(frozen=True, slots=True)
class _ThirdParty:
    """A third party's demand that an event's actor act: the demander's side (None when
    the demand is nobody's position), the demander, and why."""

    party: Party | None
    demander: Actor | None
    reason: str


def _demanded(ctx: DocContext, event: Event, tokens: Sequence[Token], lexicon: Lexicon,
              trigger: int) -> _ThirdParty | None:
    """A third party's demand that the event's actor act ("kidnappers demanded that Japan
    withdraw", "abductors want Slovakia to withdraw", "urged Germany to send troops"). It
    is the demander's request; nobody's position when the demander is unnamed or generic
    or demands that the actor not act. None when nobody else demands it."""
    for actor in event.actor:
        at = _actor_tokens(ctx, event, actor, tokens)
        if at is None or at[0] > trigger:
            continue
        demand = demand_on(ctx, event.sentence_index, lexicon, at[0])
        if demand is None:
            continue
        own = speaks_for(actor)
        party = demand.party
        if demand.demander is not None and \
                speaks_for(demand.demander) != party_of(demand.demander):
            party = speaks_for(demand.demander)  # "protesters in Indonesia": not Indonesia
        if party is not None and own is not None and party.key == own.key:
            return None
        text, _ = ctx.sentence(event.sentence_index)
        cue = _surface(text, demand.cue)
        who = f"'{demand.demander.text}'" if demand.demander else "an unnamed party"
        reason = f"holder {party.key if party else 'none'}: {who} demands it " \
                 f"of '{actor.text}' ('{cue}')"
        negated = any(t.key in NEGATION_KEYS for t in tokens[demand.cue.last + 1:trigger + 1])
        if negated or event.event == "REJECT":
            return _ThirdParty(None, demand.demander, reason + ", that it not act")
        return _ThirdParty(party, demand.demander, reason)
    return None


def denies_a_claim(tokens: Sequence[Token], trigger: int, end: int) -> bool:
    """True when a denial is of what someone says is so, not of an action: a claim noun
    after the verb ("denied allegations that", "rejected reports", "denies any involvement")
    or right before a passive one ("a report promptly denied by officials"), or "deny" with
    a clause or a gerund ("denies its programme is aimed at", "denied that", "denies
    sending troops": having done it)."""
    token = tokens[trigger]
    if token.key not in DENIAL_KEYS:
        return False
    after: list[Token] = []
    for word in tokens[trigger + 1:end]:
        if word.tag == "CC" or len(after) == 5:
            break
        if word.is_word:
            after.append(word)
    if any(t.key in CLAIM_KEYS for t in after[:4]):
        return True
    before = [t for t in tokens[:trigger] if t.is_word and t.tag != "RB"]
    if token.tag == "VBN" and before and before[-1].key in CLAIM_KEYS:
        return True
    return token.key == lemma_key("deny") and bool(after) and (
        after[0].text.lower() == "that" or after[0].tag == GERUND_TAG
        or any(t.tag in FINITE_TAGS for t in after))


def names_something(tokens: Sequence[Token], trigger: int, end: int) -> bool:
    """True for "call" naming something ("calling it humanitarian aid", "called the
    promise insufficient"), not asking for it ("called for", "called on", "called them
    to withdraw")."""
    token = tokens[trigger]
    if token.key != lemma_key("call") or not token.tag.startswith("VB"):
        return False
    after = [t for t in tokens[trigger + 1:end] if t.tag != "RB"]
    if not after or after[0].text.lower() in ASKING_WORDS:
        return False
    return not any(t.tag == "TO" for t in after[:5])


def asks_a_question(tokens: Sequence[Token], trigger: int, end: int) -> bool:
    """True for "ask" putting a question ("asked the minister whether he stood by his
    claim", "asked why"), not asking for something ("asked for", "asked them to")."""
    if tokens[trigger].key != lemma_key("ask"):
        return False
    for at in range(trigger + 1, end):
        token, word = tokens[at], tokens[at].text.lower()
        named = at + 1 < end and tokens[at + 1].tag in PROPER_TAGS  # "Minister for Justice"
        if (word == "for" and not named) or token.tag == "TO":
            return False
        if word in QUESTION_WORDS:
            return True
    return False


def reproaches_the_past(tokens: Sequence[Token], trigger: int, end: int) -> bool:
    """True for a request about what is past ("said the government should have introduced
    rules"): an obligation word, "have" and a past participle after the trigger."""
    for at in range(trigger, min(end, len(tokens)) - 2):
        if tokens[at].text.lower() in OBLIGATION_WORDS and \
                tokens[at + 1].key == lemma_key("have") and tokens[at + 2].tag == "VBN":
            return True
    return False


def pressed_to_act(tokens: Sequence[Token], trigger: int, end: int,
                   demands: Sequence[Match]) -> bool:
    """True when the event's actor is the one a demand is made of: under it or facing it
    (the trigger or a demand noun just after it: "has come under increasing pressure to
    withdraw", "faces calls to resign"), or the
    subject of a passive demand verb without its agent ("was urged to withdraw")."""
    nouns = {trigger} | {d.first for d in demands if trigger <= d.first < min(end, trigger + 4)}
    for noun in sorted(nouns):
        if tokens[noun].tag not in NOUN_TAGS:
            continue
        at = noun - 1
        while at >= 0 and tokens[at].tag in PRESSED_GAP_TAGS:
            at -= 1
        if at >= 0 and (tokens[at].text.lower() == "under" or tokens[at].key in FACING_KEYS):
            return True
    verb = tokens[trigger]
    if verb.tag != "VBN" or not any(d.first == trigger for d in demands):
        return False
    before = [t for t in tokens[:trigger] if t.tag != "RB"]
    return bool(before) and before[-1].key in AUXILIARY_KEYS and not any(
        t.text.lower() == "by" for t in tokens[trigger + 1:end])


def states_nothing(kind: str, tokens: Sequence[Token], trigger: int, end: int,
                   lexicon: Lexicon) -> bool:
    """True for an event whose words state no stance on an action: a denial of a claim, a
    breach of a rule ("violated the resolution"), an admission ("acknowledged the presence
    of its troops"), a naming "call", a question, a reproach about the past ("should
    have"), a demand made of the actor ("came under pressure to withdraw"), "as opposed
    to" (a comparison)."""
    if kind == "SUPPORT":
        return tokens[trigger].key in ADMISSION_KEYS
    if kind == "REJECT":
        before = tokens[trigger - 1].text.lower() if trigger > 0 else ""
        after = tokens[trigger + 1].text.lower() if trigger + 1 < len(tokens) else ""
        return denies_a_claim(tokens, trigger, end) or tokens[trigger].key in BREACH_KEYS or (
            before == "as" and after == "to" and tokens[trigger].key == lemma_key("oppose"))
    if kind == "REQUEST":
        return names_something(tokens, trigger, end) or asks_a_question(
            tokens, trigger, end) or reproaches_the_past(tokens, trigger, end) or \
            pressed_to_act(tokens, trigger, end, lexicon.cue("demand", tokens))
    return False


def adjunct_spans(tokens: Sequence[Token], start: int, end: int, trigger: int
                  ) -> list[tuple[int, int]]:
    """The condition and time clauses around the trigger that it is outside, as first and
    last token: one an opener begins before the trigger and a comma or "then" closes ("If
    they lacked the arms, I will withdraw"), one an opener begins after it ("will appeal
    if the loans distort competition", "flattened before ground troops move in"), and the
    phrases of prepositions of time after it ("will monitor the town following the troop
    withdrawal"; by the parse). What they name is none of the event's topics."""
    spans = []
    comma = next((at for at in range(trigger - 1, start - 1, -1)
                  if tokens[at].text.lower() in ADJUNCT_CLOSERS), None)
    if comma is not None:
        at, opener = comma - 1, None
        while at >= 0 and tokens[at].text not in HARD_BOUNDARIES:
            if tokens[at].text.lower() in ADJUNCT_OPENERS:
                opener = at
            at -= 1
        if opener is not None:
            spans.append((opener, comma))
    after = next((at for at in range(trigger + 1, end)
                  if tokens[at].text.lower() in ADJUNCT_OPENERS), None)
    if after is not None:
        spans.append((after, end - 1))
    spans.extend(span for at in range(trigger + 1, end)
                 if tokens[at].text.lower() in TIME_PREPOSITIONS
                 and (span := subtree_span(tokens, at)) is not None)
    return spans


def outside_clause(tokens: Sequence[Token], trigger: int, window: tuple[int, int],
                   keep: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of the window's words that the parse puts in another clause than the
    trigger's (`clause_of`: "calling for restraint, the US sold fuel for the bombing
    campaign", "urged to leave" in a sentence about a bomb), as first and last token; the
    words of the `keep` ranges (the event's actors) stay in. What they name is none of the
    event's topics; none when the sentence was not parsed."""
    clause = clause_of(tokens, trigger)
    if clause is None:
        return []
    kept = clause.union(*(range(first, end) for first, end in keep))
    runs: list[tuple[int, int]] = []
    for at in range(*window):
        if at in kept:
            continue
        if runs and runs[-1][1] == at - 1:
            runs[-1] = (runs[-1][0], at)
        else:
            runs.append((at, at))
    return runs


def noun_window(tokens: Sequence[Token], trigger: int, start: int, end: int
                ) -> tuple[int, int]:
    """The words a noun trigger names its action with: its noun phrase and what follows up
    to punctuation or a finite verb ("the threat of airstrikes", "Italy's troop
    withdrawal"; not "North Korea's threat ... by strengthening our intelligence")."""
    first = trigger
    while first > start and tokens[first - 1].tag in NOUN_PHRASE_TAGS:
        first -= 1
    last = trigger + 1
    while last < end and tokens[last].is_word and tokens[last].tag not in FINITE_TAGS:
        last += 1
    return first, last


def names_no_action(tokens: Sequence[Token], trigger: int, blocked: Sequence[Match]) -> bool:
    """True when the trigger's subject (across auxiliaries and adverbs) ends a `no-topic`
    phrase ("China's military spending will increase"), or its object begins one a few
    words on with no verb or punctuation between ("increase the country's military
    budget", "called for members to increase military spending"): the event's type is no
    action on what its words name."""
    at = trigger - 1
    while at >= 0 and (tokens[at].tag in ("MD", "RB") or tokens[at].key in AUXILIARY_KEYS):
        at -= 1
    if at >= 0 and any(match.last == at for match in blocked):
        return True
    return any(trigger < match.first <= trigger + OBJECT_REACH_WORDS and not any(
        t.tag.startswith("VB") or not t.is_word for t in tokens[trigger + 1:match.first])
        for match in blocked)


def aids_its_own(event: Event) -> bool:
    """True for an AID whose recipients are all its actor's own state (government or
    forces: "the ruling party proposed to give the military more capabilities"): no
    assistance to another party."""
    if event.event != "AID" or not event.recipient:
        return False
    countries = {a.country for a in event.actor if a.country}
    return all(r.country in countries and r.sector in STATE_SECTORS for r in event.recipient)


def subordinate_opener(tokens: Sequence[Token], trigger: int) -> str | None:
    """The word opening the condition or time clause the trigger is in ("if Iran sends
    troops", "before agreeing on a ceasefire"): it opens the words before the trigger,
    with no punctuation between. A deadline follows its action ("withdraw before 2008")."""
    for at in range(trigger - 1, max(trigger - MAX_SUBORDINATE_WORDS, 0) - 1, -1):
        if not tokens[at].is_word:
            return None
        if tokens[at].text.lower() in SUBORDINATE_WORDS:
            return tokens[at].text.lower()
    return None


def described_noun(tokens: Sequence[Token], trigger: int) -> tuple[int, int] | None:
    """The noun the trigger's clause describes, by the parse ("officials seeking to
    deploy", "an offer to send"), with the clause's head; None when it describes none."""
    head = clause_head(tokens, trigger)
    if head is None or tokens[head].dep != "acl":
        return None
    noun = tokens[head].head
    return (noun, head) if noun != head and tokens[noun].tag in NOUN_TAGS else None


def describes_another(ctx: DocContext, event: Event, tokens: Sequence[Token], trigger: int
                      ) -> bool:
    """True when the trigger is in a participle phrase (no subject, no auxiliary)
    describing a noun that is none of the event's actors ("met officials seeking to
    deploy a force": the officials seek)."""
    found = described_noun(tokens, trigger)
    if found is None or tokens[found[1]].tag not in ("VBG", "VBN") or any(
            t.head == found[1] and t.dep in CLAUSE_SUBJECT_DEPS for t in tokens):
        return False
    noun = found[0]
    return not any(at is not None and at[0] <= noun <= at[1]
                   for actor in event.actor
                   if (at := _actor_tokens(ctx, event, actor, tokens)) is not None)


def owner_of_intent(ctx: DocContext, event: Event, tokens: Sequence[Token], trigger: int
                    ) -> tuple[Party, str] | None:
    """Who holds an action the trigger's infinitive gives a noun of intent ("accepted a
    Lebanese offer to send troops", "alarmed by US plans to deploy"): the party its
    possessive, adjective or compound names, when that is not the event's actor."""
    found = described_noun(tokens, trigger)
    if found is None or tokens[found[0]].key not in INTENT_NOUN_KEYS or not any(
            t.head == found[1] and t.tag == "TO" for t in tokens):
        return None
    return _others_intent(ctx, event, tokens, found[0])


def accepts_anothers(ctx: DocContext, event: Event, tokens: Sequence[Token], trigger: int
                     ) -> bool:
    """True when the trigger's object is another party's noun of intent ("France accepted
    a Lebanese offer to send troops"): agreeing to it supports that party's action."""
    return any(t.head == trigger and t.dep == "dobj" and t.key in INTENT_NOUN_KEYS
               and _others_intent(ctx, event, tokens, at) is not None
               for at, t in enumerate(tokens))


def _others_intent(ctx: DocContext, event: Event, tokens: Sequence[Token], noun: int
                   ) -> tuple[Party, str] | None:
    """The party a noun's possessive, adjective or compound names, when it is not the
    event's actor's."""
    owners = [t for t in tokens if t.head == noun and t.dep in OWNER_DEPS]
    for actor, start, end in ctx.mentions_in(event.sentence_index):
        if not any(start <= t.start < end for t in owners):
            continue
        party = speaks_for(actor)
        if party is None or any(party == speaks_for(a) for a in event.actor):
            return None
        return party, f"holder {party.key}: owns the '{tokens[noun].text}' ('{actor.text}')"
    return None


def describes_a_noun(tokens: Sequence[Token], trigger: int) -> bool:
    """True for a past participle right after a noun with its agent ("agreements signed by
    the Palestinian Authority"): it tells what the noun is, not a stance."""
    return 0 < trigger < len(tokens) - 1 and tokens[trigger].tag == "VBN" and \
        tokens[trigger - 1].tag.startswith("NN") and tokens[trigger + 1].text.lower() == "by"


def _relative_word(token: Token) -> bool:
    return token.text.lower() in RELATIVE_WORDS and (token.tag in RELATIVE_TAGS
                                                      or token.text.lower() != "that")


def in_relative_clause(ctx: DocContext, event: Event, tokens: Sequence[Token], trigger: int,
                       start: int) -> bool:
    """True when the trigger is inside a relative clause about someone other than the
    event's actor ("the poor who support his policy", "troops that would be sent"): its
    actor is not named inside the clause, nor is it the words the clause is about (right
    before the relative word) unless those are the forces a refusal is about."""
    if start == 0 or not _relative_word(tokens[start - 1]):
        return False
    antecedent = start - 2 if start > 1 and tokens[start - 2].text == "," else start - 1
    for actor in event.actor:
        at = _actor_tokens(ctx, event, actor, tokens)
        if at is not None and (start <= at[0] < trigger or (
                at[1] == antecedent - 1 and not is_forces(event))):
            return False
    return True


def believed_by_another(ctx: DocContext, event: Event, tokens: Sequence[Token], trigger: int,
                        holder: Party) -> bool:
    """True when the event is what someone else believes, predicts or claims ("critics
    believe that cutting aid will hurt Sudan", "analysts expect Iran will send troops",
    "the paper claimed that X refused"): a verb of belief or claim before the trigger, not
    followed by "to" ("expects to send" is an intention), whose subject is not a mention of
    the holder's side; or what hearsay says ("reports say that the US is planning",
    "accusations that he intended to"): a noun of hearsay before the trigger with "that"
    or a saying verb between."""
    for at in range(trigger - 1, -1, -1):
        token = tokens[at]
        if token.key in HEARSAY_KEYS and token.tag.startswith("NN") and any(
                t.text.lower() == "that" or t.key in SAYING_KEYS for t in tokens[at + 1:trigger]):
            return True
        if token.key not in BELIEF_KEYS or not token.tag.startswith("VB"):
            continue
        if at + 1 < len(tokens) and tokens[at + 1].tag == "TO":
            return False
        index = event.sentence_index
        subject = _subject_before(ctx, index, tokens, at)
        if subject is not None and subject.text.strip().lower() in FIRST_PERSON_SUBJECTS:
            return False
        party = speaks_for(subject) if subject is not None else None
        return party is None or party.key != holder.key
    return False


def _subject_before(ctx: DocContext, index: int, tokens: Sequence[Token], verb: int
                    ) -> Actor | None:
    """The actor mentioned closest before a verb, with at most three words between."""
    found = None
    for actor, start, end in ctx.mentions_in(index):
        if end <= tokens[verb].start and len([t for t in tokens[:verb] if t.start >= end]) <= 3:
            if found is None or start > found[1]:
                found = (actor, start)
    return found[0] if found else None


def conditional_inability(tokens: Sequence[Token], trigger: int, start: int) -> bool:
    """True for an action the actor says it cannot do unless something changes ("would be
    unable to provide aid unless the security situation improves"): a hedge, not a
    refusal."""
    before = tokens[start:trigger]
    unable = any(t.key == lemma_key("unable") or (
        t.key == lemma_key("able") and i > 0 and before[i - 1].key in NEGATION_KEYS)
        for i, t in enumerate(before))
    return unable and any(t.text.lower() in CONDITION_WORDS for t in tokens[trigger + 1:])


def condition_of(tokens: Sequence[Token], trigger: int, start: int, end: int) -> str | None:
    """The words that make an action conditional, when a condition clause stands around
    it ("If the council agrees, Norway will fund the school", "will fund it unless prices
    rise") or a phrase of an eventuality follows it ("plans to deploy troops in the event
    of an invasion"): a commitment on a condition is a hedge. None otherwise."""
    governing = {trigger, tokens[trigger].head} - {-1}
    for first, _ in adjunct_spans(tokens, start, end, trigger):
        if tokens[first].text.lower() in CONDITION_WORDS:
            return tokens[first].text
    for token in tokens:  # a condition clause the parse attaches to the trigger's verb
        if token.dep == "mark" and token.text.lower() in CONDITION_WORDS and \
                token.head >= 0 and tokens[token.head].dep == "advcl" and \
                tokens[token.head].head in governing:
            return token.text
    words = [t.text.lower() for t in tokens[trigger + 1:end]]
    for phrase in EVENTUALITY_PHRASES:
        size = len(phrase)
        if any(tuple(words[i:i + size]) == phrase for i in range(len(words) - size + 1)):
            return " ".join(phrase)
    return None


def _date_fields(event: Event | None, published: date | None, target: Target | None = None,
                 forward: bool = False) -> tuple[str | None, str, date | None, date | None]:
    """The statement's date: the event's, unless that is a target the statement sets
    (`target`'s words, or a day after publication of a `forward` action); then the
    publication date."""
    if event is not None and (event.date or event.date_start) and \
            not _is_target_date(event, published, target, forward):
        return event.date, event.date_precision, event.date_start, event.date_end
    return format_day(published), "reported", published, published


def _is_target_date(event: Event, published: date | None, target: Target | None,
                    forward: bool) -> bool:
    """True when the event's date is a target: the clause's target words, or a day after
    publication of a `forward` action (one still to come: "will withdraw next year"; a
    request dated after publication is a misdated request, not a target)."""
    if target is not None and event.date_text and (event.date_text in target.text
                                                   or target.text in event.date_text):
        return True
    return forward and published is not None and event.date_start is not None and \
        event.date_start > published


def _is_forward(event: Event, stance: Stance | None) -> bool:
    """True for an action still to come: future, hypothetical or negated, or committed to,
    offered or refused."""
    return event.auxiliary in FORWARD_AUXILIARIES or stance in ("commit", "offer", "refuse")


def _target(ctx: DocContext, event: Event, tokens: Sequence[Token], lexicon: Lexicon,
            window: tuple[int, int], forward: bool
            ) -> tuple[Target | None, str | None, date | None]:
    """The clause's target date ("by 2008", "until the end of the year"), else the
    event's own date when it lies after publication ("will withdraw next year")."""
    text, offset = ctx.sentence(event.sentence_index)
    target = target_in(text, tokens, lexicon, *window, ctx.published, offset=offset)
    if target is not None:
        return target, target.text, target.day
    if _is_target_date(event, ctx.published, None, forward):
        return None, event.date_text or event.date, event.date_end
    return None, None, None


def read_event(ctx: DocContext, event: Event, lexicon: Lexicon,
               previous: Sequence[Reading]) -> list[Reading]:
    """The readings of one event: one per topic it concerns (none without a topic)."""
    index = event.sentence_index
    text, offset = ctx.sentence(index)
    tokens = ctx.tokens(index)
    if not tokens:
        return []
    trigger = ctx.trigger_token(event)
    start, end = clause_window(tokens, trigger)
    opener = subordinate_opener(tokens, trigger)
    if states_nothing(event.event, tokens, trigger, end, lexicon) or \
            opener in CONDITION_OPENERS or aids_its_own(event) or \
            in_relative_clause(ctx, event, tokens, trigger, start) or \
            describes_another(ctx, event, tokens, trigger):
        return []
    demanded = _demanded(ctx, event, tokens, lexicon, trigger)
    if demanded is not None and demanded.party is None:
        return []
    window = (noun_window(tokens, trigger, start, end) if tokens[trigger].tag in NOUN_TAGS
              else (start, end))
    blocked = [m for m in lexicon.topics_in(tokens) if m.phrase.label == NO_TOPIC]
    topics: dict[str, str] = {} if names_no_action(tokens, trigger, blocked) else {
        s.topic: f"topic {s.topic}: event {event.event}/{event.mode or ''} ({s.source})"
        for s in lexicon.signal_topics(event.event, event.mode, event.context)}
    # asking to receive something is a request for it: only stop cues end a request's topic
    stop_kinds = ("stop",) if event.event == "REQUEST" or demanded is not None else STOP_KINDS
    actors = _actor_ranges(ctx, event, tokens)
    outside = [*adjunct_spans(tokens, start, end, trigger),
               *outside_clause(tokens, trigger, window, actors),
               *((m.last + 1, end - 1) for m in lexicon.cue("scrutiny", tokens, *window))]
    ranges = [window, *actors]
    worded = topics_of(text, tokens, lexicon, ranges, outside, stop_kinds)
    for topic, reason in worded.items():
        topics.setdefault(topic, reason)
    topics = troop_topics(topics, text, tokens, lexicon, start, end, ctx.tokens(index - 1),
                          trigger, outside)
    speaker = (event.quote.speaker if event.quote and event.quote.speaker
               else ctx.speaker_of(index, lexicon, before=event.evidence.span.start - offset))
    holder = ((demanded.party, demanded.reason) if demanded is not None and demanded.party
              else owner_of_intent(ctx, event, tokens, trigger)
              or holder_of(event, speaker, _unowned(ctx, event, tokens, lexicon)))
    if holder is None or believed_by_another(ctx, event, tokens, trigger, holder[0]):
        return []
    if not topics:
        topics = _inherited(text, tokens, lexicon, start, end, holder[0].key, previous)
    if not topics:
        return []
    stance, status, why = stance_of(event, lexicon, tokens[trigger:trigger + 1])
    if stance is None and reported_future(event, speaker, tokens, start, end):
        base = EVENT_STANCES.get(event.event) or "commit"
        stance, status, why = base, STANCE_STATUS[base], \
            f"stance {base}: {event.event} 'would' of reported speech, as 'will'"
    if stance == "commit" and accepts_anothers(ctx, event, tokens, trigger):
        stance, status, why = "support", STANCE_STATUS["support"], \
            f"stance support: {event.event} of another party's '{tokens[trigger].text}'"
    if stance == "refuse" and conditional_inability(tokens, trigger, start):
        stance, status, why = "hedge", STANCE_STATUS["hedge"], \
            f"stance hedge: {event.event} unable to act, on a condition"
    if stance == "commit" and (condition := condition_of(tokens, trigger, start, end)):
        stance, status, why = "hedge", STANCE_STATUS["hedge"], \
            f"stance hedge: {event.event} on a condition ('{condition}')"
    if demanded is not None:
        stance, status, why = "request", STANCE_STATUS["request"], \
            f"stance request: {event.event} demanded of its actor"
        speaker = speaker if event.quote and event.quote.speaker else demanded.demander
    if stance is not None and (opener is not None or describes_a_noun(tokens, trigger)):
        status = FACT_STATUS.get(event.auxiliary, "done")
        stance, why = None, f"status {status}: {event.event} in a time clause " \
                            f"('{opener}') or describing a noun"
    if stance is not None:
        for topic in _the_doers_words(ctx, event, tokens, lexicon, trigger, ranges, outside,
                                      stop_kinds):
            if topics.get(topic) == worded.get(topic):
                del topics[topic]
        if not topics:
            return []
    if speaker is None and not is_forces(event):
        speaker = next((a for a in event.actor if is_named(a)), None)
    forward = _is_forward(event, stance)
    target, target_text, target_date = None, None, None
    if stance is not None or forward:
        target, target_text, target_date = _target(ctx, event, tokens, lexicon, (start, end),
                                                   forward)
    date, precision, date_start, date_end = _date_fields(event, ctx.published, target,
                                                         forward)
    quote_span = event.quote.span if event.quote else None
    return [Reading(
        topic=topic, stance=stance, status=status, holder=holder[0], speaker=speaker,
        hedges=hedges_in(text, tokens, lexicon, topic), doc_id=event.doc_id,
        sentence_index=index, sentence=text,
        trigger=event.evidence.trigger, span=event.evidence.span, date=date,
        date_precision=precision, date_start=date_start, date_end=date_end,
        published=event.published or ctx.published, quote=ctx.quote_text(event),
        quote_span=quote_span, events=[event],
        reasons=[why, reason, holder[1], f"event {event.event_id} ({event.evidence.rule})",
                 *([f"target {target_date}: '{target_text}'"] if target_text else [])],
        target_text=target_text, target_date=target_date)
        for topic, reason in _without_fallbacks(topics, lexicon).items()]  # fmt: skip


def _of_the_past(tokens: Sequence[Token], cue: Match) -> bool:
    """True when a refusal cue tells of the past ("I've never met", "things that have never
    been done"): its verb is a past form, so it refuses nothing to come."""
    verb = next((t for t in tokens[cue.last + 1:cue.last + 4] if t.tag != "RB"), None)
    return verb is not None and verb.tag in PAST_PARTICIPLE_TAGS


def _someone_elses(ctx: DocContext, index: int, tokens: Sequence[Token], cue: Match,
                   holder: Party) -> bool:
    """True when a modal refusal cue ("will not", "not going to", "never") has a subject
    that is not the speaker's side: "It will not be easy", "You won't see a soldier", "the
    change will not come from government". Its subject is the word before it (past
    auxiliaries and adverbs); the speaker's side is a first-person pronoun or a mention
    that speaks for the holder. A cue with "for" names whose action it is ("no plans for
    the deal to take effect")."""
    if cue.last + 2 < len(tokens) and tokens[cue.last + 1].text.lower() == "for" and \
            tokens[cue.last + 2].text.lower() not in FIRST_PERSON_OWNERS | FIRST_PERSON_SUBJECTS:
        return True  # "no plans for it to take effect": another's action
    if tokens[cue.first].key not in MODAL_CUE_KEYS:
        return False
    at = cue.first - 1
    while at >= 0 and (tokens[at].tag in ("RB", "MD") or tokens[at].key in SUBJECT_SKIP_KEYS):
        at -= 1
    if at < 0:
        return False
    subject = tokens[at]
    if subject.form.lstrip("=") in FIRST_PERSON_SUBJECTS or any(
            t.form.lstrip("=") in FIRST_PERSON_OWNERS for t in tokens[max(at - 2, 0):at]):
        return False  # "we will not", "our troops will not"
    for actor, start, end in ctx.mentions_in(index):
        if start <= subject.start < end:
            party = speaks_for(actor)
            return party is None or party.key != holder.key
    return True


def _said_not_to(tokens: Sequence[Token], cue: Match, start: int) -> bool:
    """True for a refusal cue under a negated saying ("does not say we are not going to",
    "does not mean we will never"): a denial that a refusal is stated, no refusal."""
    for at in range(start, cue.first):
        if tokens[at].key in NEGATION_KEYS and any(
                t.key in SAYING_KEYS for t in tokens[at + 1:min(at + 4, cue.first)]):
            return True
    return False


def _explained_by(text: str, tokens: Sequence[Token], lexicon: Lexicon, end: int
                  ) -> dict[str, str]:
    """The topics of the clause a colon or dash opens right after a clause ("a red line
    for us: no boots on the ground"), which says what the cue is about."""
    if end >= len(tokens) or tokens[end].text not in EXPLAINING_MARKS:
        return {}
    next_start, next_end = clause_window(list(tokens), min(end + 1, len(tokens) - 1))
    return clause_topics(text, tokens, lexicon, next_start, next_end)


def read_cues(ctx: DocContext, index: int, lexicon: Lexicon, previous: Sequence[Reading],
              covered: Sequence[tuple[int, int]] = ()) -> list[Reading]:
    """Refusals stated without a coded event: a refusal cue ("red line", "not looking
    for"; "not rule out" is a hedge) in a clause no coded stance covers, in a first-person
    quotation or reported speech whose speaker is known."""
    text, offset = ctx.sentence(index)
    tokens = ctx.tokens(index)
    refusals = [r for r in lexicon.cue("refusal", tokens)
                if not any(start <= r.first < end for start, end in covered)
                and not _of_the_past(tokens, r)]
    if not refusals:
        return []
    speaker = (ctx.quoted_speaker(index, lexicon) if lexicon.cue("first-person", tokens)
               else ctx.speaker_of(index, lexicon))
    holder = speaks_for(speaker) if speaker is not None else None
    if speaker is None or holder is None:
        return []
    hedge_cues = lexicon.cue("hedge", tokens)
    date, precision, date_start, date_end = _date_fields(None, ctx.published)
    found: list[Reading] = []
    clauses = dict.fromkeys(clause_window(tokens, r.first) for r in refusals)
    for start, end in clauses:
        inside = [r for r in refusals if start <= r.first < end
                  and not _someone_elses(ctx, index, tokens, r, holder)
                  and not _said_not_to(tokens, r, start)]
        if not inside:
            continue
        kept = [r for r in inside if not any(_overlaps(r, h) for h in hedge_cues)]
        stance: Stance = "refuse" if kept else "hedge"
        cue = (kept or inside)[0]
        topics = _without_fallbacks(
            clause_topics(text, tokens, lexicon, start, end)
            or _inherited(text, tokens, lexicon, start, end, holder.key, previous)
            or _explained_by(text, tokens, lexicon, end), lexicon)
        target = target_in(text, tokens, lexicon, start, end, ctx.published, offset=offset)
        found.extend(Reading(
            topic=topic, stance=stance, status=STANCE_STATUS[stance], holder=holder,
            speaker=speaker, hedges=hedges_in(text, tokens, lexicon, topic), doc_id=ctx.doc_id,
            sentence_index=index, sentence=text, trigger=_surface(text, cue),
            span=Span(offset + cue.start, offset + cue.end), date=date,
            date_precision=precision, date_start=date_start, date_end=date_end,
            published=ctx.published, quote=text.strip(),
            quote_span=Span(offset, offset + len(text)),
            reasons=[f"stance {stance}: cue '{_surface(text, cue)}' ({cue.phrase.source})",
                     reason, f"holder {holder.key}: the speaker {speaker.name}",
                     *([f"target {target.day}: '{target.text}'"] if target else [])],
            target_text=target.text if target else None,
            target_date=target.day if target else None)
            for topic, reason in topics.items())  # fmt: skip
    return found


def _merged(readings: Sequence[Reading]) -> list[Reading]:
    """One reading per holder, topic, stance and status within a sentence; an action the
    sentence also states a stance on is that stance ("ruled out sending troops" is not a
    sending of troops)."""
    stated = {(r.holder.key, r.topic) for r in readings if r.stance is not None}
    kept: dict[tuple[str, str, str | None, str], Reading] = {}
    for reading in readings:
        if reading.stance is None and (reading.holder.key, reading.topic) in stated:
            continue
        first = kept.setdefault(reading.key, reading)
        if first is not reading:
            first.events.extend(e for e in reading.events if e not in first.events)
            first.reasons.extend(r for r in reading.reasons if r not in first.reasons)
            first.hedges = list(dict.fromkeys([*first.hedges, *reading.hedges]))
            if first.target_text is None:
                first.target_text, first.target_date = reading.target_text, reading.target_date
    return list(kept.values())


def read_document(ctx: DocContext, lexicon: Lexicon) -> list[Reading]:
    """Every reading of a document, sentence by sentence."""
    readings: list[Reading] = []
    previous: list[Reading] = []
    for index in ctx.sentences:
        found: list[Reading] = []
        covered: list[tuple[int, int]] = []
        for event in ctx.events_in(index):
            event_readings = read_event(ctx, event, lexicon, previous)
            found.extend(event_readings)
            if any(r.stance for r in event_readings):
                covered.append(clause_window(ctx.tokens(index), ctx.trigger_token(event)))
        found.extend(read_cues(ctx, index, lexicon, previous, covered))
        previous = _merged(found)
        readings.extend(previous)
    return readings


def position_of(reading: Reading) -> Position:
    """The position a reading with a stance states."""
    if reading.stance is None:
        raise ValueError("a reading without a stance is not a position")
    return Position(
        position_id="po-" + hash_record(reading.doc_id, reading.sentence_index,
                                        reading.holder.key, reading.topic, reading.stance),
        holder=reading.holder.key, holder_name=reading.holder.name,
        holder_type=reading.holder.type, topic=reading.topic, stance=reading.stance,
        hedges=reading.hedges, date=reading.date, date_precision=reading.date_precision,
        date_start=reading.date_start, date_end=reading.date_end, speaker=reading.speaker,
        quote=reading.quote, quote_span=reading.quote_span, doc_id=reading.doc_id,
        sentence_index=reading.sentence_index, sentence=reading.sentence,
        trigger=reading.trigger, span=reading.span,
        event_ids=[e.event_id for e in reading.events],
        event=reading.events[0].event if reading.events else None,
        auxiliary=reading.events[0].auxiliary if reading.events else None,
        published=reading.published, reasons=reading.reasons,
        deriver_version=DERIVER_VERSION, target_date=reading.target_date,
        target_text=reading.target_text,
    )  # fmt: skip


def positions_of(readings: Sequence[Reading]) -> list[Position]:
    """The positions among readings (those with a stance)."""
    return [position_of(r) for r in readings if r.stance is not None]
