"""What positions and coalitions are read from: one document's parsed sentences, actors
and events.

`DocContext` holds a document's sentences (text and offset) with their tokens from the
spaCy parse, its actor mentions and its events (all of them, negated and hypothetical ones
included). It answers the questions the readers ask: the words of a sentence, who is
mentioned where, who said a sentence (`speaker_of`), whose side an actor is on
(`party_of`) and which armed group the document is mostly about (`main_adversary`). What
the coder decided is read from the events' typed fields (`Evidence.auxiliary_lemmas`,
`Evidence.actors_mobilized`, `Event.quote`), never from its notes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from redshank.actors.codes import STATE_SECTORS, country_name
from redshank.actors.dictionary import packaged_path
from redshank.actors.jsonl import read_jsonl
from redshank.model import Actor, Adversary, Document, Event, Sentence
from redshank.positions.lexicon import Lexicon
from redshank.positions.tokens import Token, lemma_tokens, token_at
from redshank.where.gazetteer import load_gazetteer

PRONOUNS = frozenset(
    "i me my we us our they them their he him his she her it its you your".split())
QUOTE_MARKS = frozenset("\"“”'‘’«»")
# Courts rule on what others do: a judge approving a loan states no policy of the state.
COURT_SECTORS = frozenset({"JUD"})
# the actor dictionaries whose organisations a person's office code is read against, the
# later one first (it decides the codes it has)
ORGANISATIONS_FILES = ("phoenix-international.jsonl", "redshank-core.jsonl")
# Places inside a state: a city's mayor or a province's party does not speak for the state.
LOCAL_PLACE_KINDS = frozenset({"city", "admin1", "admin2"})
MAX_PLACE_WORDS = 3
# Smaller towns share their names with words of office and party ("Liberal", "Green").
MIN_CITY_POPULATION = 100_000
# A legislator speaks for a party or a constituency, not for the state (the legislature as
# a body does: "Congress approved the funds"); so do officials of a city or a region.
OWN_VOICE_SECTORS = frozenset({"LEG"})
LOCAL_OFFICES = frozenset({"governor", "mayor", "councillor", "councilor", "alderman"})


@dataclass(frozen=True, slots=True)
class Party:
    """Whose position or membership: a key (country code or actor id), a name, a type."""

    key: str
    name: str
    type: str


def party_of(actor: Actor) -> Party | None:
    """The side an actor speaks for: its country for state actors and people with a
    country, its organisation for people holding an office of one at the date (a UN
    envoy, NATO's Secretary General: `organisation_of`), else the actor itself; None for
    generic agents ('---MIL' troops)."""
    if actor.type in ("state", "person") and actor.country:
        return Party(actor.country, country_name(actor.country), "state")
    if actor.id.startswith("---") or (actor.code or "").startswith("---"):
        return None
    if actor.type == "person" and (organisation := organisation_of(actor.code)) is not None:
        return organisation
    return Party(actor.id, actor.name, actor.type)


@lru_cache(maxsize=1)
def _organisations() -> dict[str, Party]:
    """An organisation's code -> the organisation, for codes that an actor dictionary
    (`ORGANISATIONS_FILES`) gives one organisation only: the core dictionary's
    (IGOUNO: the United Nations; not IGOEUREEC, which the EU and the European Community
    share), then Phoenix's for codes the core lacks (IGOUNODEVWBK: the World Bank). An
    organisation's code is undated; an entry with a dated office is a person's."""
    merged: dict[str, Party] = {}
    decided: set[str] = set()
    for name in reversed(ORGANISATIONS_FILES):
        actors, _ = read_jsonl(packaged_path(name))
        found: dict[str, list[Party]] = {}
        for entry in actors:
            if entry.type == "igo" and all(r.start is None and r.end is None
                                           for r in entry.roles):
                for code in {role.code for role in entry.roles if role.code}:
                    found.setdefault(code, []).append(Party(entry.id, entry.name, "igo"))
        for code, parties in found.items():
            if code not in decided and len(parties) == 1:
                merged[code] = parties[0]
        decided |= set(found)
    return merged


def organisation_of(code: str | None) -> Party | None:
    """The organisation whose office an actor's code at the date gives ("IGOUNO": the
    United Nations), when one organisation has it."""
    return _organisations().get(code) if code and code.startswith("IGO") else None


def speaks_for(actor: Actor) -> Party | None:
    """Whose position an actor states: a state's government, forces, police, courts,
    intelligence services and legislature speak for the state (`party_of`); its people,
    opposition, parties, press and businesses ("protesters in Indonesia", "voters") for
    themselves. None for generic agents, for courts (`COURT_SECTORS`), for a common noun
    the coder gave a country by reading the event as domestic ("European leaders urged
    him": not his country's), for people, businesses and schools given only the
    article's country ("people", "voters", "a college": nobody's side), and for a city's
    or a province's ("Ontario Liberals", "the Mayor of Lyon": `is_local`). A legislator,
    a governor or a mayor named as a person speaks for themselves (`own_voice`)."""
    if is_generic(actor) or actor.sector in COURT_SECTORS or is_local(actor):
        return None
    if actor.type == "person" and own_voice(actor):
        return Party(actor.id, actor.name, "person")
    if actor.sector not in STATE_SECTORS and actor.country_from == "article":
        return None
    if actor.type in ("state", "person") and actor.country and actor.sector and \
            actor.sector not in STATE_SECTORS:
        return Party(actor.id, actor.name, actor.type)
    return party_of(actor)


def own_voice(actor: Actor) -> bool:
    """True for a person in a legislature ("Senator Ron Boswell") or in a local office
    ("Governor Jerry Brown", "Mayor Ray Nagin"; not "Governor-General")."""
    if actor.sector in OWN_VOICE_SECTORS:
        return True
    name = set(actor.name.lower().split())
    return any(word in LOCAL_OFFICES for word in actor.text.lower().replace(",", " ").split()
               if word not in name)


def is_local(actor: Actor) -> bool:
    """True for a state actor or a state's official named by a place inside the state
    ("Ontario", "New Orleans Mayor Ray Nagin", "the Mayor of Lyon"): the words before the
    person's name open with, or follow "of" with, a city or region of the gazetteer in the
    actor's country that no country or capital city bears (not "Washington", "Georgia");
    a city of at least `MIN_CITY_POPULATION`."""
    if actor.type not in ("state", "person") or not actor.country:
        return False
    words = actor.text.replace("'s", "").split()
    if actor.type == "person":
        name = set(actor.name.split())
        while words and words[-1] in name:
            words.pop()
    starts = [0, *(i + 1 for i, w in enumerate(words) if w.lower() == "of")]
    for start in starts:
        if start < len(words) and words[start].lower() == "the":
            start += 1
        for size in range(min(MAX_PLACE_WORDS, len(words) - start), 0, -1):
            name = " ".join(words[start:start + size])
            if name[:1].isupper() and (found := _place_kind(name, actor.country)) is not None:
                return found
    return False


def _place_kind(name: str, country: str) -> bool | None:
    """True when a name is a city or region of `country` and no country or capital;
    False when it names a country or capital; None when the gazetteer does not know it."""
    places = [place for place, _ in load_gazetteer().lookup(name)]
    if not places:
        return None
    if any(place.kind == "country" or place.capital for place in places):
        return False
    return any(p.kind in LOCAL_PLACE_KINDS and p.country == country and (
        p.kind != "city" or p.population >= MIN_CITY_POPULATION) for p in places)


def is_generic(actor: Actor) -> bool:
    """True for a generic agent ("leaders", "officials"): an actor of no dictionary's
    named kind written without a capital, whatever country the coder gave it."""
    return actor.type == "other" and actor.text.strip().lower() not in PRONOUNS and \
        not any(c.isupper() for c in actor.text)


def is_named(actor: Actor) -> bool:
    """True for an actor named in the text (not a pronoun, not a generic agent)."""
    return actor.text.strip().lower() not in PRONOUNS and party_of(actor) is not None


def stands_apart(actor: Actor) -> bool:
    """True for a generic agent outside the state ("a businessman", "people") or a court:
    what it does is not the position of whoever tells of it."""
    return actor.text.strip().lower() not in PRONOUNS and speaks_for(actor) is None and \
        actor.sector is not None and (actor.sector not in STATE_SECTORS
                                      or actor.sector in COURT_SECTORS)


def cue_tokens(event: Event) -> list[Token]:
    """The words that made the coder call an event negated/hypothetical/future, as lemmas."""
    return lemma_tokens(event.evidence.auxiliary_lemmas)


def is_forces(event: Event) -> bool:
    """True when the event's actors are the forces a refusal is about, not who refused."""
    return event.evidence.actors_mobilized


@dataclass(slots=True)
class DocContext:
    """A document's sentences (index -> text, start offset) and their tokens, actor
    mentions and events."""

    doc_id: str
    published: date | None
    text: str | None
    sentences: dict[int, tuple[str, int]]
    mentions: list[Actor]
    events: list[Event]
    parsed: dict[int, list[Token]] = field(default_factory=dict)

    @classmethod
    def build(cls, events: Sequence[Event], document: Document | None = None,
              sentences: Sequence[Sentence] = (), mentions: Sequence[Actor] | None = None
              ) -> DocContext:
        """A context from the pipeline's records or stored pieces, not parsed yet; sentences
        and mentions default to what the events carry (their sentence, actors, recipients
        and quote speakers). The parse's tokens go in `parsed` (positions/stage.py)."""
        doc_id = document.id if document else events[0].doc_id
        texts = {s.index: (s.text.rstrip(), s.span.start) for s in sentences}
        for event in events:
            offset = event.sentence_span.start if event.sentence_span else 0
            texts.setdefault(event.sentence_index, (event.sentence.rstrip(), offset))
        if mentions is None:
            mentions = _event_mentions(events)
        published = (document.published if document and document.published
                     else next((e.published for e in events if e.published), None))
        ordered = sorted(events, key=lambda e: (e.sentence_index, e.evidence.span.start,
                                                e.event_id))
        return cls(doc_id=doc_id, published=published, text=document.text if document else None,
                   sentences=dict(sorted(texts.items())), mentions=list(mentions),
                   events=ordered)

    def sentence(self, index: int) -> tuple[str, int]:
        """The text of sentence `index` and its start offset in the document."""
        return self.sentences.get(index, ("", 0))

    def tokens(self, index: int) -> list[Token]:
        """The tokens of sentence `index` (none when it was not parsed)."""
        return self.parsed.get(index, [])

    def events_in(self, index: int) -> list[Event]:
        return [event for event in self.events if event.sentence_index == index]

    def mentions_in(self, index: int) -> list[tuple[Actor, int, int]]:
        """Actors mentioned in sentence `index`, with spans relative to the sentence."""
        text, offset = self.sentence(index)
        return [(actor, actor.span.start - offset, actor.span.end - offset)
                for actor in self.mentions
                if offset <= actor.span.start and actor.span.end <= offset + len(text)]

    def trigger_token(self, event: Event) -> int:
        """Index of the token the event's trigger starts at in its sentence's tokens."""
        text, offset = self.sentence(event.sentence_index)
        tokens = self.tokens(event.sentence_index)
        relative = event.evidence.span.start - offset
        if not 0 <= relative < len(text):
            relative = max(text.find(event.evidence.trigger), 0)
        index = token_at(tokens, relative)
        return index if index is not None else max(len(tokens) - 1, 0)

    def trigger_tokens(self, event: Event) -> list[Token]:
        """The tokens of the event's trigger (its first token when the span covers none)."""
        _, offset = self.sentence(event.sentence_index)
        start, end = event.evidence.span.start - offset, event.evidence.span.end - offset
        tokens = self.tokens(event.sentence_index)
        inside = [t for t in tokens if start <= t.start and t.end <= end]
        if inside or not tokens:
            return inside
        return [tokens[self.trigger_token(event)]]

    def quote_text(self, event: Event) -> str | None:
        """The quoted words of an event (from the document, or its sentence)."""
        if event.quote is None:
            return None
        span = event.quote.span
        if self.text is not None and 0 <= span.start < span.end <= len(self.text):
            return self.text[span.start:span.end]
        text, offset = self.sentence(event.sentence_index)
        start, end = max(span.start - offset, 0), min(span.end - offset, len(text))
        return text[start:end] if start < end else None

    def speaker_of(self, index: int, lexicon: Lexicon, before: int | None = None
                   ) -> Actor | None:
        """Who says sentence `index`: the actor right before a speech verb ("Kerry
        reiterated", "the United States said") or right after one ("... ,' said Kerry").

        With `before` (a character offset in the sentence), the speech verb closest before
        it wins; a later one counts only as a closing attribution after a comma or a
        quotation mark ("..., Kerry said"), not inside another clause ("a conflict that
        Obama has insisted was closed"). Without `before`, the first attribution wins.
        """
        tokens = self.tokens(index)
        mentions = self.mentions_in(index)
        _, offset = self.sentence(index)
        found: list[tuple[int, Actor, bool]] = []
        for verb in lexicon.cue("speech", tokens):
            if any(start <= verb.start < end for _, start, end in mentions):
                continue
            before_verb = _subject_before(tokens, mentions, verb.first)
            speaker = before_verb or _subject_after(tokens, mentions, verb.first, verb.last)
            if speaker is None:
                continue
            opener = before_verb.span.start - offset if before_verb else verb.start
            found.append((verb.start, speaker, _after_break(tokens, opener)))
        if before is not None:
            earlier = [item for item in found if item[0] <= before]
            if earlier:
                return earlier[-1][1]
            found = [item for item in found if item[2]]
        return found[0][1] if found else None

    def quoted_speaker(self, index: int, lexicon: Lexicon) -> Actor | None:
        """The speaker of a sentence that is (part of) a quotation: the attributed speaker
        of the sentence or of its events' quotes, else, when it opens with a quotation
        mark, the speaker of the previous sentence (a quotation that goes on)."""
        speaker = self.speaker_of(index, lexicon) or _quote_speaker(self.events_in(index))
        if speaker is not None:
            return speaker
        text, _ = self.sentence(index)
        if text.lstrip()[:1] in QUOTE_MARKS and index - 1 in self.sentences:
            return (_quote_speaker(self.events_in(index - 1))
                    or self.speaker_of(index - 1, lexicon))
        return None

    def main_adversary(self, exclude: Collection[str] = ()) -> Adversary | None:
        """The named armed group mentioned most often (first mentioned on a tie)."""
        counts: Counter[str] = Counter()
        first: dict[str, Actor] = {}
        for actor in self.mentions:
            party = party_of(actor)
            if actor.type == "armed_group" and party is not None and party.key not in exclude:
                counts[party.key] += 1
                first.setdefault(party.key, actor)
        if not counts:
            return None
        key = max(counts, key=lambda k: (counts[k], -self.mentions.index(first[k])))
        return self.adversary(first[key])

    def adversary(self, actor: Actor) -> Adversary:
        """An adversary record for `actor`, with every name the document calls it."""
        party = party_of(actor)
        key = party.key if party else actor.id
        aliases = [a.text.strip() for a in self.mentions
                   if (party_of(a) or Party(a.id, a.name, a.type)).key == key]
        return Adversary(key=key, name=party.name if party else actor.name, code=actor.code,
                         type=actor.type, aliases=list(dict.fromkeys([*aliases, actor.name])))


def _words_between(tokens: Sequence[Token], start: int, end: int) -> list[Token] | None:
    """Tokens between character offsets; None if a non-word (punctuation) is among them."""
    between = [t for t in tokens if t.start >= start and t.end <= end]
    return None if any(not t.is_word for t in between) else between


def _after_break(tokens: Sequence[Token], offset: int) -> bool:
    """True when the token before character `offset` is a comma or a quotation mark."""
    previous = [t for t in tokens if t.end <= offset]
    return bool(previous) and (previous[-1].text == "," or previous[-1].text in QUOTE_MARKS)


def _subject_before(tokens: Sequence[Token], mentions: list[tuple[Actor, int, int]],
                    verb: int) -> Actor | None:
    verb_start = tokens[verb].start
    best: tuple[int, int, Actor] | None = None
    for actor, start, end in mentions:
        if end > verb_start:
            continue
        between = _words_between(tokens, end, verb_start)
        if between is not None and len(between) <= 1 and (best is None or
                                                          (end, start) > best[:2]):
            best = (end, start, actor)
    return best[2] if best else None


def _subject_after(tokens: Sequence[Token], mentions: list[tuple[Actor, int, int]],
                   verb: int, last: int) -> Actor | None:
    before = tokens[verb - 1].text if verb > 0 else ""
    if before not in QUOTE_MARKS and before != ",":
        return None
    verb_end = tokens[last].end
    for actor, start, _ in sorted(mentions, key=lambda m: (m[1], -m[2])):
        if start < verb_end:
            continue
        between = _words_between(tokens, verb_end, start)
        if between is not None and len(between) <= 1:
            return actor
    return None


def _quote_speaker(events: Sequence[Event]) -> Actor | None:
    return next((e.quote.speaker for e in events if e.quote and e.quote.speaker), None)


def _event_mentions(events: Sequence[Event]) -> list[Actor]:
    seen: dict[tuple[str, int, int], Actor] = {}
    for event in events:
        speaker = [event.quote.speaker] if event.quote and event.quote.speaker else []
        for actor in (*event.actor, *event.recipient, *speaker):
            seen.setdefault((actor.id, actor.span.start, actor.span.end), actor)
    return sorted(seen.values(), key=lambda a: (a.span.start, a.span.end))
