"""Who did it and to whom: resolving a trigger's subject and objects to actors."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from redshank.coding.quotes import quote_at
from redshank.coding.syntax import (
    CLAUSE_DEPS,
    DATIVE_DEPS,
    OBJECT_CONTROL,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PLAN_NOUNS,
    PLAN_OWNER_VERBS,
    RECIPIENT_PREPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    agent_objects,
    children,
    conjunct_of,
    is_passive,
    prep_objects,
    with_conjuncts,
)
from redshank.knowledge import types_where, words
from redshank.model import Actor, Mention, Span

PERSONAL = {"he", "she", "him", "her", "his", "hers"}
NEUTER = {"it", "its"}
PLURAL = {"they", "them", "their"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
PLURAL_TAGS = {"NNS", "NNPS"}
INNER_DEPS = {"poss", "compound", "amod", "nmod", "appos"}
INNER_PREPS = ("of", "by", "from", "for", "with", "against", "to", "on")
AFFILIATION = words("affiliation_words")
# "Following a tour of the region, Kerry said": the clause's subject did what the phrase
# tells (coder.py codes such indefinite event nouns).
NEW_EVENT_PREPOSITIONS = words("new_event_prepositions")
# "Ukraine accused Russia of shelling": the accused did what the 'of' clause tells.
ACCUSING_VERBS = words("accusing_verbs")
TARGETING = words("targeting_words")
PAIR_NOUNS = words("pair_nouns")


@dataclass(slots=True)
class Arguments:
    """Resolved actors of one role and how they were found."""

    actors: list[Actor] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True)
class ActorContext:
    """What argument resolution needs to know about the sentence and the document so far."""

    sentence: SpacySpan
    offset: int
    mentions: list[Mention]
    quotes: list[Span]
    speakers: dict[Span, Actor | None]
    persons: list[Actor]
    recent: list[Actor]
    # the country the article is about (redshank.actors.context.article_focus)
    setting: str | None = None
    resolving: set[int] = field(default_factory=set)

    def mentions_for(self, token: Token) -> list[Mention]:
        """Mentions headed by the token (else the one covering it), with textual conjuncts."""
        found = [m for m in self.mentions if m.head == token.i] or [
            m for m in self.mentions if m.token_start <= token.i < m.token_end][:1]
        if found:
            return [*self._listed_before(found[0]), *found]
        return []

    def _listed_before(self, mention: Mention) -> list[Mention]:
        """Mentions joined to this one by "and" or list commas, whatever the parse says.

        The parser often misreads "Secretary John Kerry and Defence Secretary Chuck Hagel";
        the text still says the two are coordinated.
        """
        doc = self.sentence.doc
        ends = {m.token_end: m for m in self.mentions}
        chain: list[Mention] = []
        current, saw_and = mention, False
        while True:
            gap = current.token_start
            words = []
            while gap > 0 and doc[gap - 1].lower_ in (",", "and") and len(words) < 2:
                gap -= 1
                words.append(doc[gap].lower_)
            previous = ends.get(gap)
            if not words or previous is None or (words == [","] * len(words) and not saw_and):
                break
            saw_and = saw_and or "and" in words
            chain.insert(0, previous)
            current = previous
        return chain if saw_and else []

    def actors_for(self, token: Token, inside: int = 2) -> list[Actor]:
        """Actors a noun phrase refers to, following coordination, pronouns and possessives.

        `inside` is how many levels of modifiers to search when the phrase itself is not
        an actor ("the return of U.N. inspectors" -> the UN).
        """
        found: list[Actor] = []
        for member in with_conjuncts([token]):
            actors = [m.actor for m in self.mentions_for(member)]
            if actors and all(unnamed(a) for a in actors):
                actors = self._affiliated(member, actors) or self._pair(member) or actors
            elif not actors:
                actors = self._pair(member)
            if not actors and member.pos_ == "PRON":
                actors = self.pronoun(member)
            if not actors and inside:
                actors = self._inside(member, inside - 1)
            for actor in actors:
                if all(actor.id != seen.id for seen in found):
                    found.append(actor)
        return found

    def _affiliated(self, token: Token, actors: list[Actor]) -> list[Actor]:
        """An unnamed group tied to a named one ("militants aligned with ISIL") is that
        group; tied to a country or its government, it takes the country."""
        for child in token.children:
            if child.dep_ not in ("acl", "amod") or child.lemma_.lower() not in AFFILIATION:
                continue
            for obj in (o for prep in ("with", "to") for o in prep_objects(child, prep)):
                named = [a for a in self.actors_for(obj, 0) if not unnamed(a)]
                if not named:
                    continue
                tie = f"'{token.text} {child.text} … {obj.text}'"
                if named[0].type in ("state", "person", "igo") and named[0].country:
                    return [with_country(a, named[0].country, f"tied to it: {tie}")
                            for a in actors]
                return [replace(named[0], text=a.text, span=a.span,
                                entries=[*named[0].entries, f"affiliation: {tie}"])
                        for a in actors[:1]]
        return []

    def _pair(self, token: Token) -> list[Actor]:
        """"The two sides", "both leaders", "the two countries": the last two parties of
        different countries named before, in this sentence or earlier ones."""
        if token.lemma_.lower() not in PAIR_NOUNS or not any(
                (c.dep_ == "nummod" and c.lower_ == "two") or c.lower_ == "both"
                for c in token.children):
            return []
        position = self.offset + token.idx
        here = [m.actor for m in sorted(self.mentions, key=lambda m: m.token_start)
                if m.token_end <= token.i]
        earlier = sorted((a for a in (*self.persons, *self.recent, *here)
                          if a.country and a.span.start < position and not unnamed(a)),
                         key=lambda a: a.span.start)
        pair: list[Actor] = []
        for actor in reversed(earlier):
            if all(actor.country != other.country for other in pair):
                pair.insert(0, actor)
            if len(pair) == 2:
                return pair
        return []

    def country_inside(self, token: Token) -> str | None:
        """The country named inside an actor's phrase ("militants loyal to Iraq's ...")."""
        mentioned = {m.head for m in self.mentions_for(token)}
        for member in token.subtree:
            if member.i in mentioned or member.i == token.i:
                continue
            for mention in self.mentions_for(member):
                actor = mention.actor
                if actor.country and not is_capital(actor) and actor.type != "person":
                    return actor.country
        return None

    def _inside(self, token: Token, inside: int) -> list[Actor]:
        """Actors inside a non-actor phrase: "Iraq's appeals", "ministers from Britain".

        A capital only stands for its government when it acts itself: inside a phrase it
        is a place ("a Kabul car bombing").
        """
        for child in token.children:
            # "its invasion of Lebanon": a possessive pronoun points back, the 'of' onward.
            if child.dep_ in INNER_DEPS and child.pos_ != "PRON":
                actors = [a for a in self.actors_for(child, inside) if not is_capital(a)]
                if actors:
                    return actors
        for prep in INNER_PREPS:
            for obj in prep_objects(token, prep):
                actors = self.actors_for(obj, inside)
                if actors:
                    return actors
        return []

    def pronoun(self, token: Token) -> list[Actor]:
        """Resolve a pronoun to the actor it most plausibly refers to."""
        if token.i in self.resolving:
            return []
        self.resolving.add(token.i)
        try:
            return self._pronoun(token)
        finally:
            self.resolving.discard(token.i)

    def _pronoun(self, token: Token) -> list[Actor]:
        word = token.lower_
        position = self.offset + token.idx
        if word in FIRST_PERSON:
            quote = quote_at(self.quotes, position)
            speaker = self.speakers.get(quote) if quote else None
            return [speaker_group(speaker, word, token, self.offset)] if speaker else []
        if word in PERSONAL:
            here = [m.actor for m in sorted(self.mentions, key=lambda m: m.token_start)
                    if m.token_end <= token.i and m.actor.type == "person"]
            earlier = [a for a in (*self.persons, *here) if a.span.start < position]
            return [earlier[-1]] if earlier else []
        if word in NEUTER:
            doc = self.sentence.doc
            here = [m.actor for m in sorted(self.mentions, key=lambda m: m.token_start)
                    if m.token_end <= token.i and doc[m.head].tag_ not in PLURAL_TAGS]
            earlier = [a for a in (*self.recent, *here) if a.type != "person"]
            return [earlier[-1]] if earlier else []
        if word in PLURAL:
            return self._plural_antecedent(token)
        return []

    def _plural_antecedent(self, token: Token) -> list[Actor]:
        for candidate in reversed(list(self.sentence[: token.i - self.sentence.start])):
            if candidate.dep_ in ("dobj", "dative", "pobj", "nsubj") and candidate.pos_ in (
                "NOUN", "PROPN"
            ):
                actors = [m.actor for member in with_conjuncts([candidate])
                          for m in self.mentions_for(member)] or self._inside(candidate, 0)
                if len(actors) > 1 or (actors and candidate.tag_ in ("NNS", "NNPS")):
                    return actors
        return []


def told_in_passing(noun: Token) -> bool:
    """An indefinite event noun in a temporal phrase ("following a tour of the region"):
    a new event told in passing, whose actor is the subject of the clause it modifies."""
    return (noun.dep_ == "pobj" and noun.head.lower_ in NEW_EVENT_PREPOSITIONS
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children))


def unnamed(actor: Actor) -> bool:
    """A role noun with no country, standing for no one in particular ("militants", "the
    police")."""
    return actor.country is None and actor.id.startswith("---")


# CAMEO's code for a transnational militarized group (the Islamic State, al-Qaeda): such a
# group is not a local force of the place it acts in.
TRANSNATIONAL_PREFIX = "IMG"


def placeable(actor: Actor) -> bool:
    """An actor with no country that context may give one: a role noun, or a named group
    the dictionaries give no country ("Islamic Salvation Front", code INTREB), but not a
    transnational militarized group, which keeps its identity."""
    return actor.country is None and not (actor.code or "").startswith(TRANSNATIONAL_PREFIX)


def is_capital(actor: Actor) -> bool:
    """An actor read from a capital city's name ("Baghdad" for the Iraqi government)."""
    return any(entry.startswith("capitals.jsonl") for entry in actor.entries)


def speaker_group(speaker: Actor, word: str, token: Token, offset: int) -> Actor:
    """What "we" means in a quote: the speaker's organisation; "I" is the speaker."""
    span = Span(offset + token.idx, offset + token.idx + len(token))
    if word in ("i", "me", "my") or not speaker.country:
        return Actor(text=token.text, name=speaker.name, country=speaker.country,
                     sector=speaker.sector, type=speaker.type, id=speaker.id, span=span,
                     code=speaker.code, entries=[*speaker.entries, f"first person: {word}"])
    code = f"{speaker.country}{speaker.sector or ''}"
    return Actor(text=token.text, name=speaker.country, country=speaker.country,
                 sector=speaker.sector, type="state", id=code, span=span, code=code,
                 entries=[*speaker.entries, f"'{word}' in a quote by {speaker.name}"])


def _names_a_party(modifier: Token) -> bool:
    """A name or a capitalised adjective before a noun: its owner ("U.S. plans", "American
    plans"), not its kind ("peace plans")."""
    return modifier.pos_ == "PROPN" or (modifier.pos_ == "ADJ" and modifier.text[:1].isupper()
                                        and modifier.i != modifier.sent.start)


def subject_tokens(trigger: Token, depth: int = 0) -> tuple[list[Token], str]:
    """The tokens naming who acts, and how they were found (voice, control, ...)."""
    if depth > 4:
        return [], ""
    if trigger.pos_ == "NOUN":
        owners = children(trigger, {"poss", "compound", "amod"})
        by = prep_objects(trigger, "by")
        if by or owners:
            return (by, "noun: 'by' phrase") if by else (owners, "noun: possessor")
        clause = trigger.head.head
        if (depth == 0 and told_in_passing(trigger) and trigger.head.dep_ == "prep"
                and clause.pos_ in ("VERB", "AUX")):
            tokens, _ = subject_tokens(clause, depth + 1)
            return tokens, f"noun: the subject of '{clause.text}', whose phrase it is in"
        return [], "noun: possessor"
    if is_passive(trigger):
        agents = agent_objects(trigger)
        return (agents, "passive: actor from the 'by' phrase") if agents else ([], "")
    subjects = children(trigger, SUBJECT_DEPS) or children(trigger, PASSIVE_SUBJECT_DEPS)
    if subjects:
        if subjects[0].lower_ in RELATIVE_PRONOUNS and trigger.dep_ == "relcl":
            # "fighters which, the statement said, Europe refused to take back": a clause
            # with a subject of its own has the relative word as its object
            own = [s for s in subjects if s.lower_ not in RELATIVE_PRONOUNS]
            if own:
                return own, "relative clause: its own subject (the relative word is its object)"
            return [trigger.head], "relative clause: actor is the noun it modifies"
        return subjects, "subject"
    head = trigger.head
    if trigger.dep_ == "xcomp":
        objects = children(head, OBJECT_DEPS | DATIVE_DEPS)
        if head.lemma_.lower() in OBJECT_CONTROL and objects:
            return objects, f"object control: the object of '{head.text}'"
        tokens, note = subject_tokens(head, depth + 1)
        return tokens, f"subject control: the subject of '{head.text}'" if tokens else note
    if (trigger.dep_ == "acl" and head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)):
        # "France has no plans to send troops": who has the plan does the sending, unless
        # the noun names its owner ("the right of Russian troops to fire")
        owners = (children(head, {"poss"}) or prep_objects(head, "of")
                  or [c for c in children(head, {"compound", "amod"}) if _names_a_party(c)])
        if owners:
            return owners, f"the owner of '{head.text}'"
        if (head.lemma_.lower() in PLAN_NOUNS
                and head.head.lemma_.lower() not in PLAN_OWNER_VERBS):
            # "Iran welcomed the plan to send troops": whose plan is not said
            return [], f"'{head.text}' is not said to be its subject's ('{head.head.text}')"
        tokens, _ = subject_tokens(head.head, depth + 1)
        if tokens:
            return tokens, f"the subject of '{head.head.text} … {head.text}'"
    participle = trigger.dep_ == "acl" and trigger.tag_ == "VBG"
    if trigger.dep_ == "pcomp" and head.lower_ in ("of", "for"):
        accuser = head.head
        if accuser.lemma_.lower() in ACCUSING_VERBS:
            accused = (children(accuser, PASSIVE_SUBJECT_DEPS) if is_passive(accuser)
                       else children(accuser, OBJECT_DEPS))
            if accused:
                return accused, f"the one '{accuser.text}' names (accused of it)"
    if trigger.dep_ in ("conj", "advcl", "pcomp", "acomp") or participle:
        if trigger.dep_ == "acl":
            return [head], "participle: actor is the noun it modifies"
        anchor = (head.head if trigger.dep_ == "pcomp"
                  else conjunct_of(trigger) if trigger.dep_ == "conj" else head)
        tokens, _ = subject_tokens(anchor, depth + 1)
        return tokens, f"shared subject with '{anchor.text}'" if tokens else ""
    if trigger.dep_ == "relcl":
        return [head], "relative clause: actor is the noun it modifies"
    return [], ""


# Events whose 'in' phrase may name the recipient: the place where they happened.
LOCATED_EVENTS = types_where(located=True)


@dataclass(frozen=True, slots=True)
class RecipientGroup:
    """Tokens that may name the recipient, how they were found, whether only actors with a
    country count (in a complement, "committing ground forces" names no recipient), and
    whether they are what is acted on (troops mobilized are not a recipient)."""

    tokens: list[Token]
    how: str
    named_only: bool = False
    patient: bool = False
    prep: str | None = None
    # the group names where it happened: a capital there is its country, not its government
    place: bool = False


def place_actor(text: str, country: str, span: Span, reason: str) -> Actor:
    """The country of the place where an event happened, standing in as an actor."""
    return Actor(text=text, name=country, country=country, sector=None, type="state",
                 id=country, span=span, code=country, entries=[f"place: {reason}"])


def unidentified_attackers(country: str, place: str, span: Span) -> Actor:
    """Who carried out an attack no one is named for: unidentified forces of the place."""
    code = f"{country}UAF"
    return Actor(text=place, name=f"unidentified attackers ({country})", country=country,
                 sector="UAF", type="armed_group", id=code, span=span, code=code,
                 entries=[f"place: attack in '{place}', attacker not named"])


def implied_actor(country: str, sector: str, at: int, reason: str) -> Actor:
    """The actor an event type implies by convention when none is named: the police of the
    place for an arrest, its courts for a conviction, unidentified attackers for an attack.
    The text names no one: its span is empty, at the word that implies it."""
    code = f"{country}{sector}"
    kind = "armed_group" if sector == "UAF" else "other"
    return Actor(text="", name=f"{sector} of {country} (implied)", country=country,
                 sector=sector, type=kind, id=code, span=Span(at, at), code=code,
                 entries=[f"implied actor {code}: {reason}"])


def with_country(actor: Actor, country: str, reason: str) -> Actor:
    """An actor with no country (a role noun: "militants") given one from context."""
    code = f"{country}{actor.sector or ''}"
    return replace(actor, country=country, id=code, code=code,
                   entries=[*actor.entries, f"country {country}: {reason}"])


def same_clause(trigger: Token) -> list[Token]:
    """The trigger's phrase without its subject and without clauses embedded in it."""
    found: list[Token] = []
    stack = [c for c in trigger.children if c.dep_ not in SUBJECT_DEPS]
    while stack:
        token = stack.pop()
        if token.dep_ in CLAUSE_DEPS:
            continue
        found.append(token)
        stack.extend(token.children)
    return found


def clause_subjects(token: Token) -> list[Token]:
    """Subjects of clauses the token takes: "demanded that the US ...", "demand that Israel"."""
    clauses = [c for c in token.children if c.dep_ in ("ccomp", "acl")]
    return [s for clause in clauses for s in children(clause, SUBJECT_DEPS)]


def recipient_groups(trigger: Token, preferred: str | None, event: str = "",
                     depth: int = 0) -> list[RecipientGroup]:
    """Candidate recipient phrases in order of preference, each with how it was found."""
    if preferred == "none":
        return []
    objects = (children(trigger, PASSIVE_SUBJECT_DEPS) if is_passive(trigger)
               else children(trigger, OBJECT_DEPS))
    if trigger.dep_ == "acl" and is_passive(trigger):
        objects = [trigger.head]
    groups: list[RecipientGroup] = []
    if preferred and preferred.startswith("prep."):
        prep = preferred[5:]
        tokens = prep_objects(trigger, prep) or [
            obj for t in same_clause(trigger) for obj in prep_objects(t, prep)]
        groups.append(RecipientGroup(tokens, f"recipient from '{prep}' phrase", prep=prep))
    if preferred == "poss":
        owners = [c for o in objects for c in children(o, {"poss"})]
        groups.append(RecipientGroup(owners, "possessor"))
    groups.append(RecipientGroup(children(trigger, DATIVE_DEPS), "indirect object"))
    voice = "passive subject" if is_passive(trigger) else "object"
    groups.append(RecipientGroup(objects, voice, patient=True))
    # what is criticized or rejected was done by someone: "condemned the sanctions imposed
    # by the United States", "the emergency the president declared"
    done = [c for o in objects if o.pos_ == "NOUN" for c in children(o, {"acl", "relcl"})]
    groups.append(RecipientGroup([*(a for d in done for a in agent_objects(d)),
                                  *(s for d in done for s in children(d, {"nsubj"})
                                    if s.lower_ not in RELATIVE_PRONOUNS)],
                                 "who did what the object names"))
    # "launched missiles targeting US troops", "fired rockets aimed at Haifa"
    aims = [a for o in [*objects, trigger] for a in children(o, {"acl", "advcl"})
            if a.lemma_.lower() in TARGETING]
    groups.append(RecipientGroup([t for a in aims for t in (*children(a, OBJECT_DEPS),
                                                           *prep_objects(a, "at"))],
                                 "what it was aimed at"))
    groups.append(RecipientGroup(clause_subjects(trigger), "subject of the clause it governs"))
    groups.append(RecipientGroup([s for o in objects for s in clause_subjects(o)],
                                 "subject of the object's that-clause"))
    for prep in RECIPIENT_PREPS:
        groups.append(RecipientGroup(prep_objects(trigger, prep), f"'{prep}' phrase",
                                     prep=prep))
    groups.append(RecipientGroup([s for o in prep_objects(trigger) for s in clause_subjects(o)],
                                 "subject of a that-clause in a prepositional phrase"))
    if trigger.pos_ == "NOUN":
        groups.append(RecipientGroup(prep_objects(trigger, "of"), "'of' phrase"))
    if depth == 0:
        # What a protest is for names whom it is against ("blocked roads to press demands
        # on the government"); for other events the purpose is a goal, not a recipient.
        purposes = [c for c in children(trigger, {"advcl"})
                    if event == "PROTEST"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        for complement in [*children(trigger, {"xcomp"}), *purposes]:
            groups.extend(RecipientGroup(g.tokens, f"{g.how} of '{complement.text}'", True)
                          for g in recipient_groups(complement, None, event, depth + 1))
    if event in LOCATED_EVENTS:
        groups.append(RecipientGroup(prep_objects(trigger, "in"),
                                     "place where it happened ('in')", place=True))
    return groups
