"""Places of a whole document: find per paragraph, then resolve with the article's context."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from redshank.where.gazetteer import Gazetteer, load_gazetteer
from redshank.where.mentions import (
    PlaceMention,
    find_adjectival_mentions,
    find_place_mentions,
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
) -> list[list[PlaceMention]]:
    """The resolved place mentions of each (parsed paragraph, character offset), in order.

    `actor_countries` (ISO3 codes of the document's resolved actors) and `persons` (names
    of its people) add to what the text itself tells about the article's countries and
    surnames. With `adjectival`, countries named by their demonym ("French troops") are
    added, flagged `adjectival`: the coder does not place events with them.
    """
    gazetteer = gazetteer or load_gazetteer()
    found = [find_place_mentions(doc, offset, gazetteer=gazetteer) for doc, offset in paragraphs]
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
