"""WHERE stage: find place names in parsed text, resolve them, pick where an event happened.

    find_place_mentions (per paragraph) -> article_context -> resolve_ambiguous
    -> governing_place (per event trigger)

`locate_places` runs the first three for a whole document.
"""

from redshank.where.document import locate_places
from redshank.where.gazetteer import Gazetteer, Place, load_gazetteer
from redshank.where.govern import governing_place
from redshank.where.mentions import PlaceMention, find_place_mentions, person_names
from redshank.where.resolve import Candidate, Choice, article_context, resolve_ambiguous

__all__ = [
    "Candidate",
    "Choice",
    "Gazetteer",
    "Place",
    "PlaceMention",
    "article_context",
    "find_place_mentions",
    "governing_place",
    "load_gazetteer",
    "locate_places",
    "person_names",
    "resolve_ambiguous",
]
