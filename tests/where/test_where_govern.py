"""governing_place: the place where the event happened, not every place mentioned."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redshank.where import governing_place, locate_places
from redshank.where.gazetteer import load_gazetteer
from redshank.where.mentions import PlaceMention
from redshank.where.resolve import Candidate
from tests.conftest import make_doc


def choose(nlp: Language, text: str, trigger: str) -> tuple[str | None, str]:
    doc = nlp(text)
    mentions = locate_places([(doc, 0)])[0]
    token = next(t for t in doc if t.text == trigger)
    chosen, why = governing_place(token, mentions)
    return (chosen.text if chosen else None), why


@pytest.mark.parametrize(
    ("text", "trigger", "place", "why"),
    [
        ("The swift capture of Mosul by militants has underscored the threat.", "capture",
         "Mosul", "object"),
        ("U.S. experts who visited Baghdad were being told that leaders hoped for help.",
         "visited", "Baghdad", "object"),
        ("Obama sought to use a NATO summit in Wales to enlist allied support.", "summit",
         "Wales", "locative"),
        ("Obama sought to use a NATO summit in Wales to enlist allied support.", "enlist",
         "Wales", "governing clause"),
        ("Kerry is in Paris for a conference the French government is hosting.", "hosting",
         "Paris", "governing clause"),
        ("Demonstrators in Baghdad blocked a road.", "blocked", "Baghdad", "inside"),
        ("Turkish authorities imposed a curfew in the town of Cizre in southeastern Turkey.",
         "imposed", "Cizre", "locative"),
        ("Floods struck Punjab province in Pakistan, killing 40 people.", "struck", "Punjab",
         "object"),
        ("U.S. and Russian negotiators return to Geneva for talks.", "return", "Geneva",
         "destination"),
        ("Speaking in Nairobi, the minister condemned the raid.", "condemned", "Nairobi",
         "setting"),
        ("A guard was shot while patrolling near Jalalabad.", "shot", "Jalalabad",
         "setting"),
        ("The senator criticized Beijing during a visit to Taipei.", "criticized", "Taipei",
         "setting"),
        ("Ministers signed the accord at talks in Doha.", "signed", "Doha", "locative"),
    ],
)
def test_the_place_where_the_event_happened(nlp: Language, text: str, trigger: str,
                                            place: str, why: str) -> None:
    chosen, reason = choose(nlp, text, trigger)
    assert chosen == place
    assert why in reason


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Hagel told ministers from Britain, France and Germany that they formed the core.",
         "told"),
        ("The United States continued to send arms to Pakistan.", "send"),
        ("Kerry hoped allies could develop a plan in time for a UN session in New York.",
         "develop"),
        ("Israel threatened Syria with sanctions.", "threatened"),
        ("The minister condemned the raid after reports from Nairobi.", "condemned"),
        ("The mayor, whose brother was shot in Jalalabad, resigned.", "resigned"),
    ],
)
def test_places_that_are_not_where_the_event_happened_are_not_chosen(
        nlp: Language, text: str, trigger: str) -> None:
    assert choose(nlp, text, trigger)[0] is None


def test_governing_place_reads_a_hand_built_parse() -> None:
    """ "Militants attacked Kirkuk": no model needed, the object of a territorial verb."""
    doc = make_doc([
        ("Militants", "militant", "NOUN", "NNS", "nsubj", 1),
        ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
        ("Kirkuk", "Kirkuk", "PROPN", "NNP", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ])
    kirkuk = next(p for p, _ in load_gazetteer().lookup("Kirkuk") if p.kind == "city")
    mention = PlaceMention(location=kirkuk.location(), place=kirkuk, token_start=2,
                           token_end=3, head=2, text="Kirkuk", span=None,
                           candidates=(Candidate(kirkuk, True),), reason="test")
    chosen, why = governing_place(doc[1], [mention])
    assert chosen is mention
    assert why == "object of the territorial 'attacked'"
    assert governing_place(doc[1], []) == (None, "no place named in the sentence")
