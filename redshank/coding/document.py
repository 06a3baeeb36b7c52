"""Code a whole document: attribute quotations to speakers, then code each sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan

from redshank.coding.arguments import PLURAL_TAGS, ActorContext, subject_tokens
from redshank.coding.coder import Knowledge, code_sentence
from redshank.coding.quotes import SPEECH_VERBS, find_quotes
from redshank.model import Actor, DateMention, Document, Event, Mention, Span
from redshank.where import PlaceMention


@dataclass(slots=True)
class SentenceUnit:
    """One parsed sentence with the actors and dates found in it."""

    sentence: SpacySpan
    index: int
    paragraph: int
    offset: int
    mentions: list[Mention]
    dates: list[DateMention]
    places: list[PlaceMention] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return Span(self.offset + self.sentence.start_char, self.offset + self.sentence.end_char)


def _context(unit: SentenceUnit, quotes: list[Span], speakers: dict[Span, Actor | None],
             persons: list[Actor], recent: list[Actor], setting: str | None = None
             ) -> ActorContext:
    return ActorContext(sentence=unit.sentence, offset=unit.offset, mentions=unit.mentions,
                        quotes=quotes, speakers=speakers, persons=persons, recent=recent,
                        setting=setting)


def _speaker(unit: SentenceUnit, ctx: ActorContext, quote: Span) -> Actor | None:
    """The actor a speech verb outside the quotation attributes it to."""
    for token in unit.sentence:
        position = unit.offset + token.idx
        if token.lemma_.lower() in SPEECH_VERBS and not quote.start <= position < quote.end:
            subject, _ = subject_tokens(token)
            for actor_token in subject:
                actors = ctx.actors_for(actor_token)
                if actors:
                    return actors[0]
    return None


def attribute_quotes(units: list[SentenceUnit], quotes: list[Span]) -> dict[Span, Actor | None]:
    """Speaker of every quotation; a quote with no speech verb continues the previous one."""
    speakers: dict[Span, Actor | None] = {}
    persons: list[Actor] = []
    recent: list[Actor] = []
    previous: Actor | None = None
    for unit in units:
        ctx = _context(unit, quotes, speakers, persons, recent)
        span = unit.span
        overlapping = [q for q in quotes if q.start < span.end and span.start < q.end]
        for quote in overlapping:
            if speakers.get(quote) is None:
                speakers[quote] = _speaker(unit, ctx, quote)
        for quote in overlapping:
            if quote.end <= span.end + 1:
                speakers[quote] = speakers.get(quote) or previous
                previous = speakers[quote] or previous
        _remember(unit, persons, recent)
    return speakers


def _remember(unit: SentenceUnit, persons: list[Actor], recent: list[Actor]) -> None:
    """Keep the sentence's people (for he/she) and singular others (for it) in order."""
    doc = unit.sentence.doc
    for mention in sorted(unit.mentions, key=lambda m: m.token_start):
        if mention.actor.type == "person":
            persons.append(mention.actor)
        elif doc[mention.head].tag_ not in PLURAL_TAGS:
            recent.append(mention.actor)


def code_document(document: Document, units: list[SentenceUnit], knowledge: Knowledge,
                  setting: str | None = None) -> list[Event]:
    """Every event in a document, in text order. `setting` is the country the article is
    about (`redshank.actors.context.article_focus`), for what the text leaves implicit."""
    quotes = find_quotes(document.text)
    speakers = attribute_quotes(units, quotes)
    persons: list[Actor] = []
    recent: list[Actor] = []
    events: list[Event] = []
    for unit in units:
        ctx = _context(unit, quotes, speakers, persons, recent, setting)
        events.extend(code_sentence(unit.sentence, unit.index, ctx, unit.dates, document,
                                    knowledge, unit.places))
        _remember(unit, persons, recent)
    return events

