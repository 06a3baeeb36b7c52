"""Positions fixtures: sentences and events built by hand, with what the coder would store:
trigger spans, actors with spans, auxiliary cues and their lemmas, whether the actors are
mobilized forces, and quote speakers. The readers parse the sentences with spaCy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from redshank.model import (
    Actor,
    Document,
    DocumentResult,
    Event,
    Evidence,
    Quote,
    Sentence,
    Span,
    hash_record,
    parse_day,
)
from redshank.parse import load_nlp
from redshank.positions import coalitions_from, read_events
from redshank.positions.coalitions import Coalition
from redshank.positions.context import DocContext
from redshank.positions.stage import parse_contexts


@dataclass
class Article:
    """A document assembled sentence by sentence, with offsets kept for the events."""

    doc_id: str
    published: str = "2014-09-05"
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Actor] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def add(self, text: str) -> int:
        """Append a sentence; returns its index."""
        start = len(self.text) + (1 if self.sentences else 0)
        index = len(self.sentences)
        self.sentences.append(Sentence(self.doc_id, index, text, Span(start, start + len(text)),
                                       paragraph=0))
        return index

    def actor(self, index: int, text: str, code: str, country: str | None = None, *,
              kind: str = "state", name: str | None = None, actor_id: str | None = None,
              nth: int = 0, sector: str | None = None) -> Actor:
        """An actor mention of `text` in sentence `index` (the nth occurrence); a state's
        sector is GOV unless given ("MIL" for its troops)."""
        sentence = self.sentences[index]
        at = -1
        for _ in range(nth + 1):
            at = sentence.text.index(text, at + 1)
        start = sentence.span.start + at
        found = Actor(text=text, name=name or text, country=country,
                      sector=sector or ("GOV" if kind == "state" else None),
                      type=kind,  # type: ignore[arg-type]
                      id=actor_id or code, span=Span(start, start + len(text)), code=code,
                      entries=[f"test:{code}"])
        self.mentions.append(found)
        return found

    def event(self, index: int, kind: str, trigger: str, *, actors: Sequence[Actor],
              recipients: Sequence[Actor] = (), auxiliary: str | None = None,
              cue: str | None = None, lemmas: Sequence[str] | None = None,
              mode: str | None = None, context: Sequence[str] = (),
              speaker: Actor | None = None, mobilized: bool = False,
              day: str | None = None, precision: str = "reported") -> Event:
        """An event of sentence `index` triggered by the word `trigger`; the auxiliary
        cue's lemmas are its words unless given."""
        sentence = self.sentences[index]
        start = sentence.span.start + sentence.text.index(trigger)
        day = day or self.published
        # a year label ("2013") spans its year; any other label is one day
        first, last = ((date(int(day), 1, 1), date(int(day), 12, 31)) if len(day) == 4
                       else (parse_day(day), parse_day(day)))
        quote = Quote(speaker=speaker, span=sentence.span) if speaker else None
        made = Event(
            event_id=hash_record(self.doc_id, index, kind, trigger, [a.id for a in actors]),
            doc_id=self.doc_id, sentence_index=index, sentence=sentence.text, event=kind,
            mode=mode, context=list(context), cameo=None, quad=1, intensity=0.0,
            actor=list(actors), recipient=list(recipients), date=day,
            date_precision=precision,  # type: ignore[arg-type]
            date_text=None, location=None, auxiliary=auxiliary,  # type: ignore[arg-type]
            quote=quote,
            evidence=Evidence(trigger=trigger, span=Span(start, start + len(trigger)),
                              rule="test.patterns:1",
                              actor_how=("the mobilized forces name their country"
                                         if mobilized else ""),
                              auxiliary_cue=cue if auxiliary else None,
                              auxiliary_lemmas=list(lemmas if lemmas is not None else
                                                    (cue or "").split() if auxiliary else []),
                              actors_mobilized=mobilized),
            published=parse_day(self.published), coder_version="test",
            date_start=first, date_end=last,
            sentence_span=sentence.span)  # fmt: skip
        self.events.append(made)
        return made

    def document(self) -> Document:
        return Document(id=self.doc_id, text=self.text,
                        published=parse_day(self.published))

    def result(self) -> DocumentResult:
        return DocumentResult(document=self.document(), sentences=self.sentences,
                              actors=self.mentions, events=self.events)

    def context(self) -> DocContext:
        """The article as the readers see it: a context with its spaCy parse."""
        ctx = DocContext.build(self.events, self.document(), self.sentences, self.mentions)
        parse_contexts(load_nlp(), [ctx])
        return ctx

    def reading_inputs(self) -> dict:
        """Keyword arguments for read_events: the document, sentences and mentions."""
        return {"documents": [self.document()], "sentences": self.sentences,
                "mentions": {self.doc_id: self.mentions}}


def coalitions_of(*articles: Article) -> list[Coalition]:
    """The coalitions read from articles built by hand, in memory."""
    events = [e for a in articles for e in a.events]
    reading = read_events(
        events, documents=[a.document() for a in articles],
        sentences=[s for a in articles for s in a.sentences],
        mentions={a.doc_id: a.mentions for a in articles})
    return coalitions_from(reading)


def contributions_by_coalition(article: Article) -> dict[str, set[tuple[str, str]]]:
    """Coalition (its catalogue id when known) -> (member, kind) of every contribution by
    members."""
    return {c.known_id or c.coalition_id: {(g.actor, g.kind) for m in c.members
                                           for g in m.contributions}
            for c in coalitions_of(article)}


def wales_article() -> Article:
    """A short article in the shape of the Wales-summit report: a coalition created by
    one country, formed by ten, a refusal, a red line and an organisation's plan."""
    article = Article("wales")
    s0 = article.add("The United States said it had created a core coalition on Friday to "
                     "battle Islamic State militants, ruling out committing ground forces.")
    usa = article.actor(s0, "United States", "USA", "USA", name="United States")
    isil = article.actor(s0, "Islamic State militants", "IMGMUSISI", kind="armed_group",
                         actor_id="ISLAMIC_STATE", name="Islamic State")
    article.event(s0, "AGREE", "created", actors=[usa])
    article.event(s0, "ASSAULT", "battle", actors=[usa], recipients=[isil],
                  auxiliary="hypothetical", cue="to battle")
    article.event(s0, "REJECT", "ruling out", actors=[usa])
    s1 = article.add("“We will not be committing troops of our own,” Kerry told the meeting.")
    kerry = article.actor(s1, "Kerry", "USAGOV", "USA", kind="person", name="John Kerry",
                          actor_id="JOHN_KERRY")
    we = article.actor(s1, "We", "USAGOV", "USA")
    article.event(s1, "REJECT", "committing", actors=[we], speaker=kerry)
    s2 = article.add("“Obviously that is a red line for us: no boots on the ground.”")
    s3 = article.add("Hagel told ministers from Britain, France and Denmark that they, with "
                     "the United States, formed the core group for tackling the militant group.")
    hagel = article.actor(s3, "Hagel", "USAGOVMIL", "USA", kind="person", name="Chuck Hagel")
    members = [article.actor(s3, name, f"{code}GOV", code, name=f"{name} government")
               for name, code in (("Britain", "GBR"), ("France", "FRA"), ("Denmark", "DNK"))]
    members.append(article.actor(s3, "United States", "USA", "USA"))
    article.event(s3, "AGREE", "formed", actors=members)
    assert hagel and s2
    s4 = article.add("NATO announced plans for allies to share more information on fighters "
                     "of IS.")
    nato = article.actor(s4, "NATO", "IGOWSTNAT", kind="igo", actor_id="NATO")
    article.actor(s4, "IS", "IMGMUSISI", kind="armed_group", actor_id="ISLAMIC_STATE",
                  name="Islamic State")
    article.event(s4, "AGREE", "announced", actors=[nato])
    return article
