"""Build the events of one sentence: each token's reading (`match.py`) -> actors and
recipients (`arguments.py`) -> modality (`modality.py`, `intent.py`) -> the governing date
(`dates.py`) and place -> an `Event` with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from redshank.coding.arguments import (
    ActorContext,
    implied_actor,
    is_capital,
    place_actor,
    placeable,
    recipient_groups,
    subject_tokens,
    told_in_passing,
    unidentified_attackers,
    with_country,
)
from redshank.coding.dates import governing_date
from redshank.coding.intent import read_intent
from redshank.coding.match import match_pattern
from redshank.coding.modality import auxiliary
from redshank.coding.patterns import Pattern, PatternSet
from redshank.coding.plover import Ontology
from redshank.coding.quotes import quote_at
from redshank.coding.syntax import (
    OBJECT_CONTROL,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    is_passive,
    particle,
    prep_objects,
)
from redshank.knowledge import event_types, words
from redshank.model import (
    Actor,
    DateMention,
    Document,
    Event,
    Evidence,
    Quote,
    Span,
    format_day,
    hash_record,
)
from redshank.version import CODER_VERSION
from redshank.where import PlaceMention, governing_place

HISTORICAL_AFTER_DAYS = 365


@dataclass(frozen=True, slots=True)
class Knowledge:
    """The coding knowledge: patterns and the PLOVER ontology."""

    patterns: PatternSet
    ontology: Ontology


# Role nouns with no country ("militants", "police") may take the country of the place;
# people and international organisations may not.
LOCAL_TYPES = {"other", "armed_group", "state"}
ATTACK_WORDS = words("attack_words")
# What each PLOVER type allows (redshank/data/plover/event_types.tsv).
EVENT_TYPES = event_types()


def _names_an_attack(trigger: Token) -> bool:
    """The subject or the in/by phrase says it was an attack, not an accident or a fire."""
    subjects = [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
    phrases = [c for c in trigger.children if c.dep_ in ("prep", "agent")
               and c.lower_ in ("in", "by")]
    return any(t.lemma_.lower() in ATTACK_WORDS for root in (*subjects, *phrases)
               for t in root.subtree)


def _agentless(trigger: Token) -> bool:
    """A passive verb with a subject, the one acted on, and no 'by' phrase ("two suspects
    were arrested"); an event noun with no owner ("after the attack") usually names an event
    told elsewhere, so it is not one."""
    return (trigger.pos_ == "VERB" and is_passive(trigger)
            and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in trigger.children)
            and not any(c.dep_ == "agent" for c in trigger.children))


def _event_country(country: str | None, place: PlaceMention | None, trigger: Token,
                   places: list[PlaceMention], ctx: ActorContext,
                   recipients: list[Actor] | None = None) -> tuple[str | None, str]:
    """The country an event happened in: where it happened, else the one country its
    sentence's places name, else the one country of those it was done to (Navalny
    poisoned: Russia), else the article's setting."""
    if country and place is not None:
        return country, f"{country}, where it happened ({place.text})"
    sentence = trigger.sent
    named = {p.location.country for p in places
             if sentence.start <= p.head < sentence.end and p.location.country
             and p.location.precision != "none"}
    if len(named) == 1:
        (only,) = named
        return only, f"{only}, the one country the sentence's places name"
    done_to = {a.country for a in recipients or [] if a.country and a.country_from != "article"}
    if len(done_to) == 1:
        (only,) = done_to
        return only, f"{only}, the country of those it was done to"
    if ctx.setting:
        return ctx.setting, f"{ctx.setting}, the country the article is set in"
    return None, ""


def _protesters(country: str, place: PlaceMention) -> Actor:
    """Who protests where no one is named: civilians of the place (PLOVER 3.12)."""
    code = f"{country}CVL"
    return Actor(text=place.text, name=f"protesters ({country})", country=country,
                 sector="CVL", type="other", id=code, span=place.span, code=code,
                 entries=[f"place: protest in '{place.text}', protesters not named"])


LIGHT_VERBS = words("light_verbs")
OPERATION_WORDS = words("attack_words", "operation_words")


def _light_verb_object(trigger: Token) -> bool:
    """An event noun that is the object of a light verb, whose subject is the noun's actor
    ("announced a suspension of aid"; passive: "sanctions were announced by the EU")."""
    return (trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass")
            and trigger.head.pos_ == "VERB" and trigger.head.lemma_.lower() in LIGHT_VERBS)



def _placed(actors: list[Actor], places: list[PlaceMention]) -> list[Actor]:
    """Actors named by a place whose country the article's context settled differently.

    The dictionaries read "Tripoli" as Libya; in an article about Lebanon the places stage
    resolves it to Tripoli, Lebanon, and that reading wins.
    """
    by_start = {p.span.start: p for p in places}
    placed = []
    for actor in actors:
        place = by_start.get(actor.span.start)
        country = place.location.country if place else None
        if (place is not None and country and actor.country and country != actor.country
                and actor.type == "state" and place.text == actor.text
                and len({c.place.country for c in place.candidates}) > 1):
            code = f"{country}{actor.sector or ''}"
            actor = replace(actor, country=country, id=code, code=code,
                            entries=[*actor.entries, f"place: {place.reason}"])
        placed.append(actor)
    return placed


# Readings of a reciprocal type whose roles stay directed (words/arguments.words).
DIRECTED_CAMEO = words("directed_cameo_codes")
RECIPROCAL_PREPS = {"with", "between"}


def _reciprocal(pattern: Pattern, prep: str | None) -> bool:
    """Are the recipients parties acting together with the actor (a reciprocal meeting)?"""
    reciprocal = EVENT_TYPES[pattern.event].reciprocal
    if reciprocal is None or pattern.cameo[:3] in DIRECTED_CAMEO:
        return False
    return reciprocal == "all" or prep in RECIPROCAL_PREPS


def _guests(host: Token, ctx: ActorContext, hosts: list[Actor]) -> tuple[list[Actor], str]:
    """Who is hosted when the host's object is a gathering: those who come to it ("Kerry
    is in Paris for a conference the French government is hosting", "the ministers
    attended the summit Egypt hosted")."""
    gathering = host.head if host.dep_ in ("relcl", "acl") else next(
        (c for c in host.children if c.dep_ == "dobj"), None)
    if gathering is None or gathering.pos_ != "NOUN":
        return [], ""
    verb = gathering.head.head if gathering.dep_ == "pobj" else gathering.head
    if gathering.dep_ not in ("pobj", "dobj") or verb.i == host.i:
        return [], ""
    subject, _ = subject_tokens(verb)
    taken = {a.id for a in hosts}
    guests = [a for token in subject for a in ctx.actors_for(token) if a.id not in taken]
    return guests, f"came to the {gathering.text} it hosted (subject of '{verb.text}')"


def _trigger_text(trigger: Token) -> str:
    prt = particle(trigger)
    return f"{trigger.text} {prt}" if prt else trigger.text


def _resolve_recipients(trigger: Token, pattern: Pattern, ctx: ActorContext,
                        actors: list[Actor]) -> tuple[list[Actor], str, str | None]:
    """The recipients, how they were found and the preposition that introduced them."""
    taken = {a.id for a in actors}
    for group in recipient_groups(trigger, pattern.recipient, pattern.event):
        if group.patient and pattern.event == "MOBILIZE":
            continue
        found: list[Actor] = []
        for token in group.tokens:
            found.extend(a for a in ctx.actors_for(token)
                         if a.id not in taken and all(a.id != f.id for f in found)
                         and (a.country or not group.named_only))
        if found and group.place:
            found = [place_actor(a.text, a.country, a.span, f"'{a.text}' is where it happened")
                     if is_capital(a) and a.country else a for a in found]
        if found:
            return found, group.how, group.prep
    purpose = trigger.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    if purpose and trigger.head.lemma_.lower() not in OBJECT_CONTROL:
        governor = trigger.head
        for token in (c for c in governor.children if c.dep_ in OBJECT_DEPS | {"dative"}):
            found = [a for a in ctx.actors_for(token) if a.id not in taken]
            if found:
                return found, f"the object of '{governor.text}' (what it was done to)", None
    return [], "", None


def code_sentence(
    sentence: SpacySpan,
    sentence_index: int,
    ctx: ActorContext,
    dates: list[DateMention],
    document: Document,
    knowledge: Knowledge,
    places: list[PlaceMention] | None = None,
) -> list[Event]:
    """All events coded from one sentence, including negated and hypothetical ones."""
    events: list[Event] = []
    triggers: list[Token] = []
    readings: list[Pattern] = []
    covered = {i for m in ctx.mentions for i in range(m.token_start, m.token_end)}
    for token in sentence:
        if token.i in covered or token.pos_ not in ("VERB", "NOUN") or _background(token):
            continue
        pattern = match_pattern(token, knowledge.patterns)
        if pattern is None or not pattern.is_event:
            continue
        event = _build_event(token, pattern, sentence, sentence_index, ctx, dates, document,
                             knowledge, places or [])
        if event is None:
            continue
        told = [i for i, other in enumerate(events)
                if _told_twice(triggers[i], token) and other.auxiliary == event.auxiliary]
        read = next((i for i in told if _read_by_its_object(triggers[i], readings[i], token)),
                    None)
        if read is None and _read_by_its_object(token, pattern, *(triggers[i] for i in told)):
            read = told[0]
            events[read], triggers[read], readings[read] = event, token, pattern
            continue
        same = [i for i, other in enumerate(events) if _key(other) == _key(event)
                or (i in told and other.event == event.event)]
        if read is not None:
            same = [read]
        if not same:
            events.append(event)
            triggers.append(token)
            readings.append(pattern)
            if pattern.also and event.event == pattern.event:
                events.append(_also(event, pattern.also, knowledge.ontology, document))
                triggers.append(token)
                readings.append(pattern)
            continue
        kept = events[same[0]]
        if read is None and _participants(event) > _participants(kept):
            events[same[0]], triggers[same[0]], event, kept = event, token, kept, event
            readings[same[0]] = pattern
        if not kept.recipient and event.recipient:
            kept.recipient = event.recipient
            kept.evidence.recipient_how = (f"{event.evidence.recipient_how}, from "
                                           f"'{event.evidence.trigger}'")
    return _subsumed(events)


def _also(event: Event, reading: tuple[str, str | None], ontology: Ontology,
          document: Document) -> Event:
    """The second event the same words report ("jailed": convicted and held)."""
    kind, mode = reading
    event_id = hash_record(document.content_hash, event.sentence_index, event.evidence.span.start,
                           kind, [a.id for a in event.actor], [a.id for a in event.recipient])
    evidence = replace(event.evidence, notes=[*event.evidence.notes,
                                              f"also {kind}: the rule's words report both"])
    return replace(event, event_id=event_id, event=kind, mode=mode,
                   cameo=ontology.agreeing_cameo(event.cameo, kind, mode, event.context),
                   quad=ontology.quad(kind), intensity=ontology.intensity(kind, mode),
                   evidence=evidence)


def _read_by_its_object(verb: Token, pattern: Pattern, *nouns: Token) -> bool:
    """A verb whose reading names the very event noun in its object ("lodged a protest
    with": the pattern 'lodge obj:protest' reads a diplomatic complaint) tells the same act
    as that noun: the verb's reading wins. A reading decided by another word of the object
    ("announced a suspension of aid", read by 'aid') leaves the noun its own."""
    if verb.pos_ != "VERB":
        return False
    named = {words[0] for c in pattern.constraints if c.role in ("obj", "arg")
             for words in c.words if len(words) == 1}
    return any(n.pos_ == "NOUN" and n.lemma_.lower() in named for n in nouns)


def _participants(event: Event) -> int:
    return len(event.actor) + len(event.recipient)


# How an event noun hangs from the trigger it retells: as its object, through a
# preposition, or as a modifier or conjunct of that object ("held a march and rally").
RETELLING_DEPS = {"prep", "agent", "pobj", "compound", "nmod", "conj", "appos"}


def _told_twice(first: Token, second: Token) -> bool:
    """Two triggers of one act: a verb and the event noun it governs ("continued their
    hunger strike", "carried out an attack on", "held a march and prayer rally")."""
    for head, word in ((first, second), (second, first)):
        if word.i == head.i:
            continue
        current = word
        for _ in range(3):
            if current.head.i == head.i:
                return True
            if current.dep_ not in RETELLING_DEPS and current.head.dep_ not in RETELLING_DEPS:
                break
            current = current.head
    return False


def _subsumed(events: list[Event]) -> list[Event]:
    """The events of a sentence without those PLOVER folds into another of the same actor."""
    kept = []
    for event in events:
        host = EVENT_TYPES[event.event].folded_into
        actors = {a.id for a in event.actor}
        if host and any(other.event == host and other.auxiliary == event.auxiliary
                        and actors <= {a.id for a in other.actor} for other in events):
            continue
        kept.append(event)
    return kept


BACKGROUND_PREPOSITIONS = words("background_prepositions")


def _background(token: Token) -> bool:
    """An event noun that only says when something else happened, or what it was for; an
    indefinite one in a temporal phrase ("following a tour of") tells a new event."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or told_in_passing(token):
        return False
    return token.head.lower_ in BACKGROUND_PREPOSITIONS


def _key(event: Event) -> tuple:
    """Events of one sentence that are the same act told twice ("agreed to provide aid")."""
    return (event.event, tuple(a.id for a in event.actor), event.auxiliary)


def _find_actors(trigger: Token, ctx: ActorContext, notes: list[str]
                 ) -> tuple[list[Actor], str, Token]:
    """Who did it: the actors, how they were found, and the clause whose modality counts
    (a light verb's, when its object names the act)."""
    subject, how = subject_tokens(trigger)
    actors = [a for token in subject for a in ctx.actors_for(token)]
    acting = trigger
    if not actors and _light_verb_object(trigger):
        acting = trigger.head
        subject, how = subject_tokens(trigger.head)
        how = f"the subject of '{trigger.head.text}', whose object names the act"
        actors = [a for token in subject for a in ctx.actors_for(token)]
    if not actors and _agentless(trigger):
        # "killed in a US counter-terrorism operation": the one whose operation it was
        for noun in (*prep_objects(trigger, "in"), *prep_objects(trigger, "during")):
            if noun.lemma_.lower() in OPERATION_WORDS:
                actors = [a for a in ctx.actors_for(noun) if a.country]
                if actors:
                    subject, how = [noun], f"passive: the one whose '{noun.text}' it was"
                    break
    partners = [a for token in subject for obj in prep_objects(token, "with")
                for a in ctx.actors_for(obj) if all(a.id != b.id for b in actors)]
    if actors and partners:
        actors += partners
        notes.append("actor: 'with' on the subject adds partners ("
                     + ", ".join(a.text for a in partners) + ")")
    if actors and all(a.country is None for a in actors) and subject:
        inner = ctx.country_inside(subject[0])
        if inner:
            actors = [with_country(a, inner, "named inside the actor's phrase") for a in actors]
    return actors, how, acting


def _localized(actors: list[Actor], country: str, reason: str) -> list[Actor]:
    """Role nouns and groups with no country given the country where the event happened."""
    return [with_country(a, country, reason) if placeable(a) and a.type in LOCAL_TYPES else a
            for a in actors]


def _build_event(
    trigger: Token,
    pattern: Pattern,
    sentence: SpacySpan,
    sentence_index: int,
    ctx: ActorContext,
    dates: list[DateMention],
    document: Document,
    knowledge: Knowledge,
    places: list[PlaceMention],
) -> Event | None:
    notes: list[str] = []
    actors, how, acting = _find_actors(trigger, ctx, notes)
    recipients, how_recipient, recipient_prep = _resolve_recipients(trigger, pattern, ctx,
                                                                    actors)
    actors = _placed(actors, places)
    recipients = _placed(recipients, places)
    place, place_reason = governing_place(trigger, places)
    country = place.location.country if place and place.location.precision != "none" else None
    if country and place is not None:
        # meetings and agreements happen abroad as often as at home: their place says
        # nothing of their parties' country
        if EVENT_TYPES[pattern.event].reciprocal is None:
            reason = f"the event happened in {place.text}"
            actors = _localized(actors, country, reason)
            recipients = _localized(recipients, country, reason)
        if (not recipients and EVENT_TYPES[pattern.event].place_is_recipient
                and pattern.recipient != "none"):
            recipients = [place_actor(place.text, country, place.span,
                                      f"'{place.text}' is where it happened")]
            how_recipient = f"the country where it happened ({place.text})"
    elif EVENT_TYPES[pattern.event].located:
        # an arrest, attack or protest happens somewhere: with no place governing it, the
        # one country its sentence names (or the article's setting) is still where
        home, where = _event_country(None, None, trigger, places, ctx)
        if home:
            actors = _localized(actors, home, where)
            recipients = _localized(recipients, home, where)
    event_type, mode, context = pattern.event, pattern.mode, list(pattern.context)
    inferred = False  # the actor is implied by a convention, not named
    mobilized = False  # the actors are the forces set in motion, not who decided it
    if not actors and event_type == "MOBILIZE":
        patients = [c for c in trigger.children if c.dep_ in PASSIVE_SUBJECT_DEPS | {"dobj"}]
        actors = [a for token in patients for a in ctx.actors_for(token)]
        owners = [o for token in patients for t in token.subtree if t.pos_ == "PRON"
                  for o in ctx.pronoun(t) if o.country]
        if owners and all(a.country is None for a in actors):
            actors = [with_country(a, owners[0].country, f"'{owners[0].text}' owns them")
                      for a in actors]
        recipients = [a for a in recipients if all(a.id != b.id for b in actors)]
        how = "the mobilized forces name their country"
        mobilized = True
    if not actors and event_type == "ASSAULT" and recipients and _names_an_attack(trigger):
        if country and place is not None:
            actors = [unidentified_attackers(country, place.text, place.span)]
            inferred = True
            how = f"attacker not named: unidentified attackers in {place.text}"
        else:
            how = "attacker not named: an attack on a named victim is kept with no actor"
    elif not actors and event_type == "PROTEST" and country and place is not None:
        actors = [_protesters(country, place)]
        inferred = True
        how = f"protesters not named: civilians in {place.text} (PLOVER 3.12)"
    elif not actors and EVENT_TYPES[event_type].implicit_actor and _agentless(trigger):
        sector = EVENT_TYPES[event_type].implicit_actor
        home, where = _event_country(country, place, trigger, places, ctx, recipients)
        if home:
            reason = f"'{trigger.text}' names no actor; by convention {sector} of {where}"
            actors = [implied_actor(home, sector, ctx.offset + trigger.idx, reason)]
            inferred = True
            how = f"actor not named: {reason} (inferred)"
        else:
            how = (f"actor not named: '{trigger.text}' implies one ({sector}), in no known "
                   "country: kept with no actor")
    elif not actors or len(actors) + len(recipients) < pattern.needs:
        return None
    homes = {a.country for a in actors if a.country}
    if EVENT_TYPES[event_type].recipient_takes_actor_country and len(homes) == 1:
        (home,) = homes
        recipients = [with_country(a, home, "a role noun acted on by one country's actor "
                                   "(domestic reading)")
                      if placeable(a) and a.type in LOCAL_TYPES else a
                      for a in recipients]
        recipients = [a for a in recipients if all(a.id != b.id for b in actors)]
    targets = {a.country for a in recipients if a.country}
    if EVENT_TYPES[event_type].actor_takes_target_country and len(targets) == 1:
        (target,) = targets
        actors = [with_country(a, target, "an unaffiliated actor acting on its own country's "
                               "institutions (domestic reading)")
                  if placeable(a) and a.type not in ("igo", "ngo") else a for a in actors]
    modality = auxiliary(acting)
    reading = read_intent(event_type, mode, modality)
    # a refusal or an offer to meet is one side's act: only a meeting itself is mutual
    mutual = reading.event == event_type and _reciprocal(pattern, recipient_prep)
    if actors and recipients and mutual:
        actors = [*actors, *(r for r in recipients if all(r.id != a.id for a in actors))]
        notes.append("reciprocal: " + ", ".join(r.text for r in recipients)
                     + f" ({how_recipient}) act as well, so they join the actors")
        recipients, how_recipient = [], ""
    if pattern.cameo.startswith("043") and not recipients:
        recipients, how_recipient = _guests(trigger, ctx, actors)
    if pattern.cameo.startswith("043") and recipients:
        actors, recipients = recipients, actors
        how, how_recipient = f"visitor ({how_recipient})", f"host ({how})"
        notes.append("PLOVER: in a hosted visit the visitor is the actor, the host the "
                     "recipient")
    if reading.note:
        notes.append(reading.note)
    event_type, mode, aux = reading.event, reading.mode, reading.auxiliary
    ontology = knowledge.ontology
    if mode and not ontology.is_mode(event_type, mode):
        notes.append(f"mode {mode!r} is outside PLOVER's score table")
    position = ctx.offset + trigger.idx
    trigger_span = Span(position, position + len(trigger))
    dated, reason = governing_date(trigger, dates, document.published)
    published = document.published
    if dated:
        resolved = dated.resolved
        notes.append(f"date {reason}: {resolved.method}")
        date_value, precision, date_text = resolved.date, resolved.precision, resolved.text
        start, end = resolved.start, resolved.end
        method = resolved.method
        if (aux is None and published is not None
                and resolved.end < published - timedelta(days=HISTORICAL_AFTER_DAYS)):
            aux = "historical"
            notes.append("historical: dated more than a year before publication")
    else:
        date_value = format_day(published)
        precision = "reported" if published else "unknown"
        date_text, start, end = None, published, published
        method = "no date expression governs the event: publication date"
    if place is not None:
        notes.append(f"place: {place_reason}; resolved as {place.location.name}: {place.reason}")
    quote_span = quote_at(ctx.quotes, position)
    quote = Quote(speaker=ctx.speakers.get(quote_span), span=quote_span) if quote_span else None
    sent_span = Span(ctx.offset + sentence.start_char, ctx.offset + sentence.end_char)
    entries = [entry for actor in (*actors, *recipients) for entry in actor.entries]
    evidence = Evidence(trigger=_trigger_text(trigger), span=trigger_span,
                        rule=f"{pattern.id} {pattern.text}", entries=entries, notes=notes,
                        actor_how=how, recipient_how=how_recipient if recipients else "",
                        auxiliary_cue=modality.cue or None,
                        auxiliary_lemmas=list(modality.cue_lemmas), actors_mobilized=mobilized)
    event_id = hash_record(document.content_hash, sentence_index, trigger_span.start,
                           event_type, [a.id for a in actors], [a.id for a in recipients])
    return Event(
        event_id=event_id,
        doc_id=document.id,
        sentence_index=sentence_index,
        sentence=sentence.text,
        event=event_type,
        mode=mode,
        context=context,
        cameo=ontology.agreeing_cameo(pattern.cameo, event_type, mode, context),
        quad=ontology.quad(event_type),
        intensity=ontology.intensity(event_type, mode),
        actor=actors,
        recipient=recipients,
        date=date_value,
        date_precision=precision,
        date_text=date_text,
        location=place.location if place else None,
        auxiliary=aux,
        quote=quote,
        evidence=evidence,
        published=published,
        coder_version=CODER_VERSION,
        date_start=start,
        date_end=end,
        date_method=method,
        sentence_span=sent_span,
        actor_inferred=inferred,
    )

