"""Places of a whole document: find per paragraph, then resolve with the article's context.

A name that can only be a city, and not a capital or a city of a million people, with
nothing around it saying it is a place ("Preston said", "Toyota recalled") is doubted:
when a `recognizer` (the model's NER, `parse.nlp.entity_recognizer`) is given, it runs
on the sentences holding such names, and a name it reads as part of a person,
organisation, event, product, work or law is dropped. Countries and regions, names after
a locative preposition ("in Preston") or with a qualifier ("Preston, Lancashire") are
never doubted; a name the recognizer leaves out of every entity stays. Its first verdict
on a name holds for the whole document; the article's people's surnames are left to
`resolve_ambiguous`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc

from redshank.where.gazetteer import Gazetteer, load_gazetteer, name_key
from redshank.where.mentions import (
    PlaceMention,
    find_adjectival_mentions,
    find_place_mentions,
    has_place_preposition,
    person_names,
)
from redshank.where.resolve import article_context, is_major, resolve_ambiguous


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
    docs = [doc for doc, _ in paragraphs]
    surnames = person_names(docs, gazetteer) | set(persons)
    if recognizer is not None:
        verdicts: dict[str, bool] = {}
        known = {name_key(name) for name in surnames}
        found = [_confirmed(doc, mentions, recognizer, verdicts, known)
                 for doc, mentions in zip(docs, found, strict=True)]
    context = article_context([m for ms in found for m in ms], docs, actor_countries, gazetteer)
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
    """A name that can only be a city, not a capital or a city of a million people, with
    no cue, qualifier or locative before it."""
    return (mention.qualifier is None and mention.cue is None
            and all(c.place.kind == "city" and not is_major(c.place)
                    for c in mention.candidates)
            and not has_place_preposition(doc[mention.token_start:mention.token_end]))


def _confirmed(doc: Doc, mentions: list[PlaceMention], recognizer: Callable[[Doc], Doc],
               verdicts: dict[str, bool], surnames: set[str]) -> list[PlaceMention]:
    """The paragraph's mentions, less doubted ones the recognizer reads as something else.

    The recognizer reads only the sentences holding doubted names (a copy of each), and a
    name it has judged is judged for the whole document (`verdicts`: name key -> a place).
    Surnames of the article's people are left to `resolve_ambiguous`."""
    doubted = [m for m in mentions if _doubted(doc, m) and name_key(m.text) not in surnames]
    unjudged = [m for m in doubted if name_key(m.text) not in verdicts]
    label: dict[int, str] = {}
    for sentence in {doc[m.head].sent.start: doc[m.head].sent for m in unjudged}.values():
        copy = recognizer(sentence.as_doc())
        label.update((sentence.start + i, entity.label_) for entity in copy.ents
                     for i in range(entity.start, entity.end))
    for mention in unjudged:
        if mention.head in label:
            verdicts.setdefault(name_key(mention.text), label[mention.head] not in NOT_PLACES)
    dropped = {id(m) for m in doubted if not verdicts.get(name_key(m.text), True)}
    return [m for m in mentions if id(m) not in dropped]
