"""Every event placed as well as its text allows, and how far the place was from it.

The coder places an event where a place governs its trigger in its sentence
(`governing_place`). Where none does, this stage gives it the best place its document
offers, and `Event.place_scope` says which, so that users can filter (never silently):

    sentence   a place governs the trigger in its sentence ("clashes in Mosul")
    paragraph  for events that happen somewhere one goes (`paragraph_setting` in
               event_types.tsv: meetings, aid, protests, deployments, arrests, attacks),
               the nearest place named as a setting ("in Mosul", "at the border crossing
               near Rafah") before the trigger in its paragraph, else after it in its
               sentence: "Police in Lagos fired tear gas. Two students were arrested." A
               statement's paragraph names what it speaks of, not where it was said.
    document   the dateline's place ("KYIV —"), else the article's focus country
               (`redshank.actors.context.article_focus`)

A place named as a setting is the object of a locative preposition, directly or through
"the city of", an apposition or a compound; a place named otherwise ("Iraqi officials",
"talks with Iran", "flew to Paris") says what the event is about or where someone came
from, not where it happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from redshank.actors.codes import country_name
from redshank.actors.context import Focus
from redshank.knowledge import event_types
from redshank.model import Event, Location, PlaceScope
from redshank.where.gazetteer import Gazetteer, load_gazetteer
from redshank.where.govern import LOCATIVE
from redshank.where.mentions import PlaceMention

# Links from a place up to the locative preposition whose setting it names.
_SETTING_LINKS = frozenset({"compound", "appos", "conj", "nmod", "amod"})
EVENT_TYPES = event_types()


def place_events(
    events: Sequence[Event],
    paragraph_of: Sequence[int],
    docs: Sequence[Doc],
    places: Sequence[list[PlaceMention]],
    document_place: tuple[Location, str] | None,
) -> list[Event]:
    """The events, each unplaced one given its paragraph's or document's place.

    `paragraph_of[i]` is the paragraph of sentence `i`; `docs` and `places` are each
    paragraph's parse and resolved places; `document_place` is
    the dateline's or focus country's location and why.
    """
    settings = [[p for p in paragraph if _is_setting(doc[p.head])]
                for doc, paragraph in zip(docs, places, strict=True)]
    placed = []
    for event in events:
        if event.location is not None:
            placed.append(event if event.place_scope else replace(event, place_scope="sentence"))
            continue
        paragraph = paragraph_of[event.sentence_index]
        found = (_paragraph_place(event, settings[paragraph])
                 if EVENT_TYPES[event.event].paragraph_setting else None)
        if found is not None:
            note = (f"place: '{found.text}', named as a setting in its paragraph; resolved "
                    f"as {found.location.name}: {found.reason}")
            placed.append(_with(event, found.location, "paragraph", note))
        elif document_place is not None:
            location, why = document_place
            placed.append(_with(event, location, "document", f"place: {why}"))
        else:
            placed.append(event)
    return placed


def document_place(focus: Focus | None, gazetteer: Gazetteer | None = None
                   ) -> tuple[Location, str] | None:
    """Where a document's events happened when nothing nearer says: the dateline's place,
    else the focus country (at the gazetteer's coordinates for it)."""
    if focus is None:
        return None
    if focus.place is not None:
        return focus.place.location, f"the dateline '{focus.place.text}'"
    gazetteer = gazetteer or load_gazetteer()
    for place, _ in gazetteer.lookup(country_name(focus.country)):
        if place.kind == "country" and place.country == focus.country:
            return place.location(), focus.reason
    return None


def _paragraph_place(event: Event, settings: list[PlaceMention]) -> PlaceMention | None:
    """The nearest setting before the trigger, else the first after it in its sentence."""
    trigger = event.evidence.span.start
    before = [p for p in settings if p.span.start < trigger]
    if before:
        return before[-1]
    sentence = event.sentence_span
    after = [p for p in settings if p.span.start > trigger
             and (sentence is None or p.span.start < sentence.end)]
    return after[0] if after else None


def _is_setting(token: Token) -> bool:
    """Is the place named as where something happens: the object of a locative preposition,
    directly or through "the city of", an apposition or a compound?"""
    for _ in range(4):
        if token.dep_ == "pobj":
            preposition = token.head
            if preposition.lower_ in LOCATIVE:
                return True
            if preposition.lower_ != "of" or preposition.head.pos_ not in ("NOUN", "PROPN"):
                return False
            token = preposition.head  # "in the city of Erbil"
        elif token.dep_ in _SETTING_LINKS and token.head.i != token.i:
            token = token.head
        else:
            return False
    return False


def _with(event: Event, location: Location, scope: PlaceScope, note: str) -> Event:
    evidence = replace(event.evidence, notes=[*event.evidence.notes, note])
    return replace(event, location=location, place_scope=scope, evidence=evidence)
