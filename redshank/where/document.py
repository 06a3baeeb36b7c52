"""Places of a whole document: find per paragraph, then resolve with the article's context.

A city name with nothing around it saying it is a place ("Preston said", "Toyota
recalled") is doubted: when a `recognizer` (the model's NER, `parse.nlp.entity_recognizer`)
is given, it runs on the paragraphs holding such names, and a name it reads as part of a
person, organisation, event, product, work or law is dropped. Countries and regions, names
after a locative preposition ("in Preston") or with a qualifier ("Preston, Lancashire")
are never doubted; nor is a name the recognizer leaves out of every entity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc

from redshank.where.gazetteer import Gazetteer, load_gazetteer
from redshank.where.mentions import (
    PlaceMention,
    find_adjectival_mentions,
    find_place_mentions,
    has_place_preposition,
    person_names,
)
from redshank.where.resolve import article_context, resolve_ambiguous


def locate_places(
    paragraphs: Sequence[tuple[Doc, int]],
    *,
    actor_countries: Iterable[str] = (),
    persons: Iterable[str] = (),
    gazetteer: Gazetteer | None = None,
    adjectival: bool = False,
    recognizer: Callable[[Doc], Doc] | None = None,
) -> list[list[PlaceMention]]:
    """The resolved place mentions of each (parsed paragraph, character offset), in order.

    `actor_countries` (ISO3 codes of the document's resolved actors) and `persons` (names
    of its people) add to what the text itself tells about the article's countries and
    surnames. With `adjectival`, countries named by their demonym ("French troops") are
    added, flagged `adjectival`: the coder does not place events with them. With a
    `recognizer`, doubted names are checked (module docstring).
    """
    gazetteer = gazetteer or load_gazetteer()
    found = [find_place_mentions(doc, offset, gazetteer=gazetteer) for doc, offset in paragraphs]
    if recognizer is not None:
        found = [_confirmed(doc, mentions, recognizer)
                 for (doc, _), mentions in zip(paragraphs, found, strict=True)]
    docs = [doc for doc, _ in paragraphs]
    context = article_context([m for ms in found for m in ms], docs, actor_countries, gazetteer)
    surnames = person_names(docs, gazetteer) | set(persons)
    resolved = [resolve_ambiguous(mentions, context, persons=surnames) for mentions in found]
    if not adjectival:
        return resolved
    return [sorted([*mentions, *find_adjectival_mentions(doc, offset, gazetteer=gazetteer,
                                                         taken=mentions)],
                   key=lambda m: m.token_start)
            for (doc, offset), mentions in zip(paragraphs, resolved, strict=True)]


# Entity labels that make a doubted city name part of something else.
NOT_PLACES = frozenset({"PERSON", "ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})


def _doubted(doc: Doc, mention: PlaceMention) -> bool:
    """A name that can only be a city, with no cue, qualifier or locative before it."""
    return (mention.qualifier is None and mention.cue is None
            and all(c.place.kind == "city" for c in mention.candidates)
            and not has_place_preposition(doc[mention.token_start:mention.token_end]))


def _confirmed(doc: Doc, mentions: list[PlaceMention], recognizer: Callable[[Doc], Doc]
               ) -> list[PlaceMention]:
    """The paragraph's mentions, less doubted ones the recognizer reads as something else."""
    doubted = {id(m) for m in mentions if _doubted(doc, m)}
    if not doubted:
        return mentions
    recognizer(doc)
    label = {i: entity.label_ for entity in doc.ents for i in range(entity.start, entity.end)}
    return [m for m in mentions if id(m) not in doubted or label.get(m.head) not in NOT_PLACES]
