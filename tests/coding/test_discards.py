"""Negative evidence and corrected defaults in the trigger lexicon and core patterns: light
and support verbs that are no events on their own, on sentences written for these tests and
parsed by hand."""

from __future__ import annotations

import pytest

from redshank.coding import match_pattern
from tests.coding.builders import PATTERNS
from tests.conftest import make_doc


def reading(rows: list[tuple], word: str) -> tuple | None:
    """(event, mode) of the word's reading; None when it is no event."""
    doc = make_doc(rows)
    pattern = match_pattern(next(t for t in doc if t.text == word), PATTERNS)
    return (pattern.event, pattern.mode) if pattern and pattern.is_event else None


def verb_object(verb: str, lemma: str, obj: str, obj_lemma: str) -> list[tuple]:
    """'The government <verb> new <obj>.'"""
    return [("The", "the", "DET", "DT", "det", 1),
            ("government", "government", "NOUN", "NN", "nsubj", 2),
            (verb, lemma, "VERB", "VBD", "ROOT", 2),
            ("new", "new", "ADJ", "JJ", "amod", 4),
            (obj, obj_lemma, "NOUN", "NNS", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2)]


@pytest.mark.parametrize(
    ("obj", "obj_lemma", "expected"),
    [
        # "the limits the White House has imposed on the use of force" restrict no one
        ("limits", "limit", None),
        ("rules", "rule", None),
        ("restrictions", "restriction", ("COERCE", "restrict")),
        ("sanctions", "sanction", ("SANCTION", "restrict")),
    ],
)
def test_impose_is_an_event_by_what_is_imposed(obj, obj_lemma, expected) -> None:
    assert reading(verb_object("imposed", "impose", obj, obj_lemma), "imposed") == expected


def test_a_block_pattern_of_a_multi_word_form_keeps_the_forms_words() -> None:
    """CAMEO's CANCEL block lists +TAKE_LEAVE with "- * TRIP [160]": calling off a trip.
    That line is "take leave ... trip", never "took a trip" (a SANCTION before)."""
    rows = [("The", "the", "DET", "DT", "det", 1),
            ("minister", "minister", "NOUN", "NN", "nsubj", 2),
            ("took", "take", "VERB", "VBD", "ROOT", 2),
            ("a", "a", "DET", "DT", "det", 4),
            ("trip", "trip", "NOUN", "NN", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2)]
    assert reading(rows, "took") is None
    lines = [p.text for p in PATTERNS.candidates("verb", "take") if "obj:trip" in p.text]
    assert lines and all("obj:leave" in line for line in lines)


def light_verb(verb: str, lemma: str, noun: str, prep: str, pobj: str) -> list[tuple]:
    """'Ministers <verb> a <noun> <prep> the <pobj>.'"""
    return [("Ministers", "minister", "NOUN", "NNS", "nsubj", 1),
            (verb, lemma, "VERB", "VBD", "ROOT", 1),
            ("a", "a", "DET", "DT", "det", 3),
            (noun, noun, "NOUN", "NN", "dobj", 1),
            (prep, prep, "ADP", "IN", "prep", 1),
            ("the", "the", "DET", "DT", "det", 6),
            (pobj, pobj, "NOUN", "NN", "pobj", 4),
            (".", ".", "PUNCT", ".", "punct", 1)]


@pytest.mark.parametrize(
    ("verb", "lemma", "noun", "prep", "pobj", "expected"),
    [
        # communication is no threat (CAMEO read "send a message" as 130)
        ("sent", "send", "message", "to", "rebels", None),
        ("sent", "send", "signal", "to", "rebels", None),
        # a trip made to a place is a visit, not an intent to meet (CAMEO 036)
        ("made", "make", "trip", "to", "capital", ("CONSULT", "visit")),
        ("headed", "head", "delegation", "to", "capital", ("CONSULT", "visit")),
        # taking part is no agreement (CAMEO 030); what is taken part in decides
        ("took", "take", "part", "in", "ceremony", None),
        ("took", "take", "part", "in", "protest", ("PROTEST", None)),
    ],
)
def test_a_light_verb_is_read_by_what_it_carries(verb, lemma, noun, prep, pobj,
                                                  expected) -> None:
    assert reading(light_verb(verb, lemma, noun, prep, pobj), verb) == expected


@pytest.mark.parametrize(
    ("verb", "lemma", "noun", "prep", "pobj", "expected"),
    [
        # PLOVER has no election event; CAMEO's 0341 made "held elections" an AGREE
        ("held", "hold", "election", "in", "capital", None),
        ("held", "hold", "referendum", "on", "constitution", None),
        ("held", "hold", "meeting", "with", "rebels", ("CONSULT", None)),
        # appointing someone to an office is no cooperation between actors
        ("appointed", "appoint", "general", "as", "minister", None),
        ("designated", "designate", "general", "as", "minister", None),
    ],
)
def test_elections_and_appointments_are_no_events(verb, lemma, noun, prep, pobj,
                                                  expected) -> None:
    assert reading(light_verb(verb, lemma, noun, prep, pobj), verb) == expected


# "He was found guilty." -- a conviction (PLOVER 3.13), not CAMEO's arrest, in the passive too
FOUND_GUILTY_PASSIVE = [("He", "he", "PRON", "PRP", "nsubjpass", 2),
                        ("was", "be", "AUX", "VBD", "auxpass", 2),
                        ("found", "find", "VERB", "VBN", "ROOT", 2),
                        ("guilty", "guilty", "ADJ", "JJ", "oprd", 2),
                        (".", ".", "PUNCT", ".", "punct", 2)]


def test_a_guilty_verdict_is_a_conviction_in_the_passive_too() -> None:
    assert reading(FOUND_GUILTY_PASSIVE, "found") == ("SANCTION", "convict")


@pytest.mark.parametrize(("verb", "lemma"), [("influenced", "influence"),
                                             ("abstained", "abstain")])
def test_verbs_whose_cameo_default_misreads_them_are_no_events(verb, lemma) -> None:
    rows = [("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
            (verb, lemma, "VERB", "VBD", "ROOT", 1),
            (".", ".", "PUNCT", ".", "punct", 1)]
    assert reading(rows, verb) is None


def killed_in(noun: str) -> list[tuple]:
    """'Twelve people were killed in the <noun>.'"""
    return [("Twelve", "twelve", "NUM", "CD", "nummod", 1),
            ("people", "people", "NOUN", "NNS", "nsubjpass", 3),
            ("were", "be", "AUX", "VBD", "auxpass", 3),
            ("killed", "kill", "VERB", "VBN", "ROOT", 3),
            ("in", "in", "ADP", "IN", "prep", 3),
            ("the", "the", "DET", "DT", "det", 6),
            (noun, noun, "NOUN", "NN", "pobj", 4),
            (".", ".", "PUNCT", ".", "punct", 3)]


@pytest.mark.parametrize(("noun", "expected"), [("crash", None), ("earthquake", None),
                                                ("flood", None),
                                                ("attack", ("ASSAULT", None))])
def test_victims_of_an_accident_or_a_disaster_suffered_no_assault(noun, expected) -> None:
    assert reading(killed_in(noun), "killed") == expected


def intransitive(subject: str, verb: str, lemma: str, prep: str, pobj: str) -> list[tuple]:
    """'The <subject> <verb> <prep> the <pobj>.'"""
    return [("The", "the", "DET", "DT", "det", 1),
            (subject, subject, "NOUN", "NNS", "nsubj", 2),
            (verb, lemma, "VERB", "VBD", "ROOT", 2),
            (prep, prep, "ADP", "IN", "prep", 2),
            ("the", "the", "DET", "DT", "det", 5),
            (pobj, pobj, "NOUN", "NN", "pobj", 3),
            (".", ".", "PUNCT", ".", "punct", 2)]


@pytest.mark.parametrize(
    ("subject", "verb", "lemma", "prep", "pobj", "expected"),
    [
        # CAMEO block-head defaults that misread the verb's common sense
        ("sides", "engaged", "engage", "in", "talks", None),
        ("ministers", "wrestled", "wrestle", "with", "crisis", None),
        ("rescuers", "searched", "search", "for", "survivors", None),
        ("prices", "declined", "decline", "in", "market", None),
        ("rules", "applied", "apply", "to", "citizens", None),
        ("officials", "learned", "learn", "of", "attack", None),
        ("agents", "interfered", "interfere", "in", "election", None),
        # the senses those verbs keep
        ("soldiers", "engaged", "engage", "in", "fighting", ("ASSAULT", None)),
        ("refugees", "applied", "apply", "for", "protection", ("REQUEST", None)),
    ],
)
def test_misread_cameo_defaults_keep_only_their_event_senses(subject, verb, lemma, prep,
                                                             pobj, expected) -> None:
    assert reading(intransitive(subject, verb, lemma, prep, pobj), verb) == expected


@pytest.mark.parametrize(("verb", "lemma"), [("slapped", "slap"), ("levied", "levy")])
def test_sanctions_slapped_or_levied_are_a_sanction(verb, lemma) -> None:
    """PLOVER 3.13, as "impose sanctions" (CAMEO 163 alone crosswalks to COERCE)."""
    rows = verb_object(verb, lemma, "sanctions", "sanction")
    assert reading(rows, verb) == ("SANCTION", "restrict")


@pytest.mark.parametrize(("obj", "obj_lemma", "expected"),
                         [("films", "film", None), ("studies", "study", None),
                          ("hostages", "hostage", ("RETREAT", "release"))])
def test_releasing_a_film_or_a_study_is_no_release_of_captives(obj, obj_lemma,
                                                               expected) -> None:
    assert reading(verb_object("released", "release", obj, obj_lemma), "released") == expected


@pytest.mark.parametrize(("subject", "expected"), [("storm", None), ("fire", None),
                                                   ("militia", ("ASSAULT", "seize"))])
def test_homes_destroyed_by_a_fire_or_a_storm_suffered_no_assault(subject, expected) -> None:
    rows = subject_verb_object_rows(subject, "destroyed", "destroy", "homes", "home")
    assert reading(rows, "destroyed") == expected


def subject_verb_object_rows(subject: str, verb: str, lemma: str, obj: str,
                             obj_lemma: str) -> list[tuple]:
    """'The <subject> <verb> <obj>.'"""
    return [("The", "the", "DET", "DT", "det", 1),
            (subject, subject, "NOUN", "NN", "nsubj", 2),
            (verb, lemma, "VERB", "VBD", "ROOT", 2),
            (obj, obj_lemma, "NOUN", "NNS", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2)]


def test_a_search_of_a_house_is_coercion_and_a_search_for_survivors_none() -> None:
    """PLOVER 3.15 seize, over CAMEO's investigation (090)."""
    house = subject_verb_object_rows("police", "searched", "search", "houses", "house")
    assert reading(house, "searched") == ("COERCE", "seize")
    survivors = intransitive("rescuers", "searched", "search", "for", "survivors")
    assert reading(survivors, "searched") is None


def test_a_plea_in_court_is_no_request_and_not_guilty_denies_the_charge() -> None:
    """ANNOTATION.md: denials of an accusation are REJECT; a guilty plea is no event."""
    rows = [("The", "the", "DET", "DT", "det", 1),
            ("driver", "driver", "NOUN", "NN", "nsubj", 2),
            ("pleaded", "plead", "VERB", "VBD", "ROOT", 2),
            ("not", "not", "PART", "RB", "neg", 4),
            ("guilty", "guilty", "ADJ", "JJ", "acomp", 2),
            (".", ".", "PUNCT", ".", "punct", 2)]
    assert reading(rows, "pleaded") == ("REJECT", None)
    guilty = [row for row in rows if row[0] != "not"]
    guilty = [(w, lemma, pos, tag, dep, head - 1 if head > 3 else head)
              for w, lemma, pos, tag, dep, head in guilty]
    assert reading(guilty, "pleaded") is None
    appeal = intransitive("families", "pleaded", "plead", "for", "help")
    assert reading(appeal, "pleaded") == ("REQUEST", None)


def noun_of(noun: str, pobj: str) -> list[tuple]:
    """'The <noun> of the <pobj> was delayed.'"""
    return [("The", "the", "DET", "DT", "det", 1),
            (noun, noun, "NOUN", "NN", "nsubjpass", 6),
            ("of", "of", "ADP", "IN", "prep", 1),
            ("the", "the", "DET", "DT", "det", 4),
            (pobj, pobj, "NOUN", "NNS", "pobj", 2),
            ("was", "be", "AUX", "VBD", "auxpass", 6),
            ("delayed", "delay", "VERB", "VBN", "ROOT", 6),
            (".", ".", "PUNCT", ".", "punct", 6)]


@pytest.mark.parametrize(
    ("noun", "pobj", "expected"),
    [
        ("release", "film", None),
        ("release", "prisoner", ("RETREAT", "release")),
        ("shooting", "film", None),
        ("rally", "market", None),
    ],
)
def test_event_nouns_in_their_media_or_market_senses_are_no_events(noun, pobj,
                                                                   expected) -> None:
    assert reading(noun_of(noun, pobj), noun) == expected


def test_demand_for_goods_is_no_demand_made_of_anyone() -> None:
    rows = [("The", "the", "DET", "DT", "det", 1),
            ("demand", "demand", "NOUN", "NN", "nsubj", 4),
            ("for", "for", "ADP", "IN", "prep", 1),
            ("oil", "oil", "NOUN", "NN", "pobj", 2),
            ("rose", "rise", "VERB", "VBD", "ROOT", 4),
            (".", ".", "PUNCT", ".", "punct", 4)]
    assert reading(rows, "demand") is None


@pytest.mark.parametrize(
    ("verb", "lemma", "obj", "obj_lemma", "expected"),
    [
        ("called", "call", "elections", "election", None),
        ("won", "win", "seats", "seat", None),
        # PLOVER 3.4: a reversed conviction is a concession, not a rejection
        ("overturned", "overturn", "convictions", "conviction", ("CONCEDE", None)),
    ],
)
def test_elections_called_or_won_and_overturned_convictions(verb, lemma, obj, obj_lemma,
                                                            expected) -> None:
    assert reading(verb_object(verb, lemma, obj, obj_lemma), verb) == expected


def closed_because_of(verb: str, lemma: str, obj: str, obj_lemma: str, cause: str) -> list[tuple]:
    """'The government <verb> <obj> because of the <cause>.'"""
    return [("The", "the", "DET", "DT", "det", 1),
            ("government", "government", "NOUN", "NN", "nsubj", 2),
            (verb, lemma, "VERB", "VBD", "ROOT", 2),
            (obj, obj_lemma, "NOUN", "NNS", "dobj", 2),
            ("because", "because", "SCONJ", "IN", "prep", 2),
            ("of", "of", "ADP", "IN", "pcomp", 4),
            ("the", "the", "DET", "DT", "det", 7),
            (cause, cause, "NOUN", "NN", "pobj", 4),
            (".", ".", "PUNCT", ".", "punct", 2)]


@pytest.mark.parametrize(
    ("verb", "lemma", "obj", "obj_lemma", "cause", "expected"),
    [
        ("closed", "close", "schools", "school", "virus", None),
        ("suspended", "suspend", "flights", "flight", "pandemic", None),
        ("banned", "ban", "gatherings", "gathering", "flood", None),
        ("banned", "ban", "parties", "party", "protest", ("COERCE", "restrict")),
    ],
)
def test_public_health_and_disaster_measures_are_no_coercion(verb, lemma, obj, obj_lemma,
                                                             cause, expected) -> None:
    rows = closed_because_of(verb, lemma, obj, obj_lemma, cause)
    assert reading(rows, verb) == expected


@pytest.mark.parametrize(
    ("subject", "verb", "lemma", "obj", "obj_lemma", "expected"),
    [
        # figurative senses: an idea, a policy or an ill is no victim
        ("senator", "attacked", "attack", "policies", "policy", ("ACCUSE", "disapprove")),
        ("government", "fought", "fight", "corruption", "corruption", None),
        ("senate", "killed", "kill", "bills", "bill", None),
        ("bank", "targeted", "target", "inflation", "inflation", None),
        ("candidate", "captured", "capture", "votes", "vote", None),
        # the physical senses stay
        ("rebels", "attacked", "attack", "convoys", "convoy", ("ASSAULT", None)),
        ("troops", "fought", "fight", "rebels", "rebel", ("ASSAULT", None)),
        ("militants", "targeted", "target", "stations", "station", ("ASSAULT", None)),
    ],
)
def test_violence_verbs_in_figurative_senses_are_no_assault(subject, verb, lemma, obj,
                                                            obj_lemma, expected) -> None:
    rows = subject_verb_object_rows(subject, verb, lemma, obj, obj_lemma)
    assert reading(rows, verb) == expected


@pytest.mark.parametrize(
    ("subject", "verb", "lemma", "obj", "obj_lemma", "expected"),
    [
        ("reporters", "asked", "ask", "questions", "question", None),
        ("minister", "protested", "protest", "innocence", "innocence", ("REJECT", None)),
        ("couple", "welcomed", "welcome", "babies", "baby", None),
        ("city", "hosted", "host", "games", "game", None),
        ("minister", "ordered", "order", "inquiries", "inquiry", ("ACCUSE", "investigate")),
        ("sea", "threatened", "threaten", "cities", "city", None),
    ],
)
def test_speech_act_verbs_in_their_ordinary_senses(subject, verb, lemma, obj, obj_lemma,
                                                   expected) -> None:
    rows = subject_verb_object_rows(subject, verb, lemma, obj, obj_lemma)
    assert reading(rows, verb) == expected


@pytest.mark.parametrize(
    ("subject", "verb", "lemma", "obj", "obj_lemma", "expected"),
    [
        ("tariffs", "hurt", "hurt", "economies", "economy", None),
        ("students", "attended", "attend", "schools", "school", None),
        ("senators", "whipped", "whip", "fears", "fear", None),
        ("states", "slapped", "slap", "tariffs", "tariff", None),
        ("president", "tore", "tear", "deals", "deal", None),
        ("police", "kicked", "kick", "protesters", "protester", ("ASSAULT", None)),
    ],
)
def test_assault_verbs_with_an_abstract_object_are_no_assault(subject, verb, lemma, obj,
                                                              obj_lemma, expected) -> None:
    rows = subject_verb_object_rows(subject, verb, lemma, obj, obj_lemma)
    assert reading(rows, verb) == expected


def test_a_law_rammed_through_is_no_assault() -> None:
    rows = intransitive("government", "rammed", "ram", "through", "law")
    assert reading(rows, "rammed") is None
