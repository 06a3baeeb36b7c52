"""Event coding on hand-built parses: voice, control, coordination, modality, PLOVER rules."""

from __future__ import annotations

from datetime import date

import pytest

from redshank.model import Event
from tests.coding.builders import code_rows


def code(rows, spans) -> list[Event]:
    return code_rows(rows, spans, date(2014, 6, 11))


def summary(events: list[Event]) -> list[tuple]:
    return [(e.event, [a.code for a in e.actor], [a.code for a in e.recipient], e.auxiliary)
            for e in events]


PASSIVE = [
    ("Iraq", "Iraq", "PROPN", "NNP", "poss", 2),
    ("'s", "'s", "PART", "POS", "case", 0),
    ("appeals", "appeal", "NOUN", "NNS", "nsubjpass", 4),
    ("were", "be", "AUX", "VBD", "auxpass", 4),
    ("rebuffed", "rebuff", "VERB", "VBN", "ROOT", 4),
    ("by", "by", "ADP", "IN", "agent", 4),
    ("the", "the", "DET", "DT", "det", 8),
    ("White", "White", "PROPN", "NNP", "compound", 8),
    ("House", "House", "PROPN", "NNP", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 4),
]


def test_passive_voice_actor_is_the_by_phrase_and_possessor_is_recipient() -> None:
    events = code(PASSIVE, [(0, 1, "IRQ", "IRQ", "state"), (6, 9, "USAGOV", "USA", "state")])
    assert summary(events) == [("REJECT", ["USAGOV"], ["IRQ"], None)]
    assert "passive" in events[0].evidence.actor_how


CONTROL = [
    ("al-Maliki", "al-maliki", "PROPN", "NNP", "nsubj", 1),
    ("asked", "ask", "VERB", "VBD", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 3),
    ("administration", "administration", "NOUN", "NN", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 5),
    ("consider", "consider", "VERB", "VB", "xcomp", 1),
    ("airstrikes", "airstrike", "NOUN", "NNS", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_request_with_clausal_complement_gets_mode_and_context() -> None:
    events = code(CONTROL, [(0, 1, "IRQGOV", "IRQ", "person"), (2, 4, "USAGOV", "USA", "state")])
    # the modality cue "consider" is now read as CAMEO reads it too (issue 9): a threat of
    # airstrikes, hypothetical because it was asked for, so not shown by default
    assert summary(events) == [("REQUEST", ["IRQGOV"], ["USAGOV"], None),
                               ("THREATEN", ["USAGOV"], [], "hypothetical")]
    assert (events[0].mode, events[0].context) == ("assist", ["military"])


NEGATED_PASSIVE = [
    ("U.S.", "U.S.", "PROPN", "NNP", "compound", 1),
    ("troops", "troop", "NOUN", "NNS", "nsubjpass", 5),
    ("would", "would", "AUX", "MD", "aux", 5),
    ("not", "not", "PART", "RB", "neg", 5),
    ("be", "be", "AUX", "VB", "auxpass", 5),
    ("deployed", "deploy", "VERB", "VBN", "ROOT", 5),
    (".", ".", "PUNCT", ".", "punct", 5),
]


def test_troops_would_not_be_deployed_is_a_refusal_not_a_mobilization() -> None:
    events = code(NEGATED_PASSIVE, [(0, 1, "USA", "USA", "state")])
    assert summary(events) == [("REJECT", ["USA"], [], None)]
    assert (events[0].mode, events[0].context) == ("assist", ["military"])


HYPOTHETICAL = [
    ("NATO", "NATO", "PROPN", "NNP", "nsubj", 2),
    ("may", "may", "AUX", "MD", "aux", 2),
    ("coordinate", "coordinate", "VERB", "VB", "ROOT", 2),
    ("airlifts", "airlift", "NOUN", "NNS", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_may_coordinate_is_hypothetical() -> None:
    events = code(HYPOTHETICAL, [(0, 1, "IGOWSTNAT", None, "igo")])
    assert summary(events) == [("COOPERATE", ["IGOWSTNAT"], [], "hypothetical")]


COORDINATED = [
    ("Britain", "Britain", "PROPN", "NNP", "nsubj", 3),
    ("and", "and", "CCONJ", "CC", "cc", 0),
    ("France", "France", "PROPN", "NNP", "conj", 0),
    ("condemned", "condemn", "VERB", "VBD", "ROOT", 3),
    ("Russia", "Russia", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_coordinated_actors_make_one_event_with_an_actor_list() -> None:
    events = code(COORDINATED, [(0, 1, "GBR", "GBR", "state"), (2, 3, "FRA", "FRA", "state"),
                                (4, 5, "RUS", "RUS", "state")])
    assert summary(events) == [("ACCUSE", ["GBR", "FRA"], ["RUS"], None)]


FUTURE_AID = [
    ("France", "France", "PROPN", "NNP", "nsubj", 2),
    ("will", "will", "AUX", "MD", "aux", 2),
    ("send", "send", "VERB", "VB", "ROOT", 2),
    ("aid", "aid", "NOUN", "NN", "dobj", 2),
    ("to", "to", "ADP", "IN", "prep", 2),
    ("Iraq", "Iraq", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]


NOT_WITHOUT = [
    ("Syria", "Syria", "PROPN", "NNP", "nsubj", 3),
    ("will", "will", "AUX", "MD", "aux", 3),
    ("not", "not", "PART", "RB", "neg", 3),
    ("send", "send", "VERB", "VB", "ROOT", 3),
    ("aid", "aid", "NOUN", "NN", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_will_not_send_aid_is_a_refusal() -> None:
    events = code(NOT_WITHOUT, [(0, 1, "SYR", "SYR", "state")])
    assert summary(events) == [("REJECT", ["SYR"], [], None)]


WOULD_BLOCKADE = [
    ("Farmers", "farmer", "NOUN", "NNS", "nsubj", 1),
    ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("they", "they", "PRON", "PRP", "nsubj", 4),
    ("would", "would", "AUX", "MD", "aux", 4),
    ("blockade", "blockade", "VERB", "VB", "ccomp", 1),
    ("Paris", "Paris", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_saying_one_would_blockade_is_a_threat() -> None:
    events = code(WOULD_BLOCKADE, [(0, 1, "FRAAGR", "FRA", "other"),
                                   (5, 6, "FRAGOV", "FRA", "state")])
    assert [(e.event, e.mode) for e in events] == [("THREATEN", "restrict")]


def test_future_cooperation_is_coded_as_agree() -> None:
    events = code(FUTURE_AID, [(0, 1, "FRA", "FRA", "state"), (5, 6, "IRQ", "IRQ", "state")])
    assert summary(events) == [("AGREE", ["FRA"], ["IRQ"], None)]


RULING_OUT = [
    ("America", "America", "PROPN", "NNP", "nsubj", 1),
    ("ruled", "rule", "VERB", "VBD", "ROOT", 1),
    ("out", "out", "ADP", "RP", "prt", 1),
    ("committing", "commit", "VERB", "VBG", "xcomp", 1),
    ("ground", "ground", "NOUN", "NN", "compound", 5),
    ("forces", "force", "NOUN", "NNS", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_ruling_out_ground_forces_is_a_refusal_not_a_deployment() -> None:
    events = code(RULING_OUT, [(0, 1, "USA", "USA", "state")])
    assert summary(events) == [("REJECT", ["USA"], [], None), ("MOBILIZE", ["USA"], [], "negated")]
    assert events[0].context == ["military"]


STATEMENT = [
    ("Kerry", "Kerry", "PROPN", "NNP", "nsubj", 1),
    ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("talks", "talk", "NOUN", "NNS", "nsubj", 3),
    ("helped", "help", "VERB", "VBD", "ccomp", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


@pytest.mark.parametrize("rows", [STATEMENT], ids=["statement"])
def test_statements_with_no_event_code_nothing(rows) -> None:
    assert code(rows, [(0, 1, "USAGOV", "USA", "person")]) == []


# "Miners continued the hunger strike of miners against the government": a verb and the
# event noun it governs tell one act, even when their actors resolve differently.
CONTINUED_STRIKE = [
    ("Miners", "miner", "NOUN", "NNS", "nsubj", 1),
    ("continued", "continue", "VERB", "VBD", "ROOT", 1),
    ("Unions", "union", "NOUN", "NNS", "poss", 4),
    ("hunger", "hunger", "NOUN", "NN", "compound", 4),
    ("strike", "strike", "NOUN", "NN", "dobj", 1),
    ("against", "against", "ADP", "IN", "prep", 1),
    ("the", "the", "DET", "DT", "det", 7),
    ("government", "government", "NOUN", "NN", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_verb_and_the_event_noun_it_governs_are_one_event() -> None:
    events = code(CONTINUED_STRIKE, [(0, 1, "---LAB", None, "other"),
                                     (2, 3, "---UNI", None, "other"),
                                     (6, 8, "TCDGOV", "TCD", "state")])
    assert [e.event for e in events] == ["PROTEST"]


# "Chad will sign unless the general agrees to resign": the offer ("agrees to resign") is
# itself under a condition, so it is no AGREE that happened.
CONDITIONAL_OFFER = [
    ("Chad", "Chad", "PROPN", "NNP", "nsubj", 2),
    ("will", "will", "AUX", "MD", "aux", 2),
    ("sign", "sign", "VERB", "VB", "ROOT", 2),
    ("unless", "unless", "SCONJ", "IN", "mark", 6),
    ("the", "the", "DET", "DT", "det", 5),
    ("general", "general", "NOUN", "NN", "nsubj", 6),
    ("agrees", "agree", "VERB", "VBZ", "advcl", 2),
    ("to", "to", "PART", "TO", "aux", 8),
    ("resign", "resign", "VERB", "VB", "xcomp", 6),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_an_offer_under_a_condition_stays_hypothetical() -> None:
    events = code(CONDITIONAL_OFFER, [(0, 1, "TCD", "TCD", "state"),
                                      (4, 6, "TCDMIL", "TCD", "other")])
    shown = [e for e in events if e.auxiliary is None and "TCDMIL" in
             [a.code for a in e.actor]]
    assert shown == []


# "Germany should be willing to negotiate": a modal on the statement itself.
MODAL_OFFER = [
    ("Germany", "Germany", "PROPN", "NNP", "nsubj", 2),
    ("should", "should", "AUX", "MD", "aux", 2),
    ("be", "be", "AUX", "VB", "ROOT", 2),
    ("willing", "willing", "ADJ", "JJ", "acomp", 2),
    ("to", "to", "PART", "TO", "aux", 5),
    ("negotiate", "negotiate", "VERB", "VB", "xcomp", 3),
    ("with", "with", "ADP", "IN", "prep", 5),
    ("Moscow", "Moscow", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_a_modal_on_the_offer_itself_keeps_it_hypothetical() -> None:
    events = code(MODAL_OFFER, [(0, 1, "DEU", "DEU", "state"), (7, 8, "RUS", "RUS", "state")])
    assert [e.auxiliary for e in events] == ["hypothetical"]


def _able(copula: tuple) -> list:
    return [
        ("Police", "police", "NOUN", "NNS", "nsubj", 1),
        copula,
        ("able", "able", "ADJ", "JJ", "acomp", 1),
        ("to", "to", "PART", "TO", "aux", 4),
        ("arrest", "arrest", "VERB", "VB", "xcomp", 2),
        ("the", "the", "DET", "DT", "det", 6),
        ("suspect", "suspect", "NOUN", "NN", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


@pytest.mark.parametrize(("copula", "expected"), [
    (("were", "be", "AUX", "VBD", "ROOT", 1), None),
    (("are", "be", "AUX", "VBP", "ROOT", 1), "hypothetical"),
])
def test_were_able_to_arrest_happened_are_able_to_may(copula, expected) -> None:
    events = code(_able(copula), [(0, 1, "---COP", None, "other")])
    assert [(e.event, e.auxiliary) for e in events] == [("COERCE", expected)]


def test_were_unable_to_arrest_is_negated() -> None:
    rows = _able(("were", "be", "AUX", "VBD", "ROOT", 1))
    rows[2] = ("unable", "unable", "ADJ", "JJ", "acomp", 1)
    events = code(rows, [(0, 1, "---COP", None, "other")])
    assert [(e.event, e.auxiliary) for e in events] == [("COERCE", "negated")]


# "Protesters will not leave until the cabinet resigns": the condition is pending, and
# the main clause's negation does not make it a refusal.
UNTIL_RESIGNS = [
    ("Protesters", "protester", "NOUN", "NNS", "nsubj", 3),
    ("will", "will", "AUX", "MD", "aux", 3),
    ("not", "not", "PART", "RB", "neg", 3),
    ("leave", "leave", "VERB", "VB", "ROOT", 3),
    ("until", "until", "SCONJ", "IN", "mark", 7),
    ("the", "the", "DET", "DT", "det", 6),
    ("cabinet", "cabinet", "NOUN", "NN", "nsubj", 7),
    ("resigns", "resign", "VERB", "VBZ", "advcl", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_a_pending_condition_under_a_negated_clause_stays_hypothetical() -> None:
    events = code(UNTIL_RESIGNS, [(0, 1, "---OPP", None, "other"),
                                  (5, 7, "---GOV", None, "other")])
    resign = [e for e in events if e.evidence.trigger == "resigns"]
    assert [(e.event, e.auxiliary) for e in resign] == [("RETREAT", "hypothetical")]


# "Lavrov urged Kyiv to negotiate and spoke with Wang Yi": the parser hangs 'spoke' on the
# infinitive; a past-tense conjunct of an infinitive is coordinated with 'urged' itself,
# so it happened and its actor is the one who urged.
URGED_AND_SPOKE = [
    ("Lavrov", "Lavrov", "PROPN", "NNP", "nsubj", 1),
    ("urged", "urge", "VERB", "VBD", "ROOT", 1),
    ("Kyiv", "Kyiv", "PROPN", "NNP", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("negotiate", "negotiate", "VERB", "VB", "xcomp", 1),
    ("and", "and", "CCONJ", "CC", "cc", 4),
    ("spoke", "speak", "VERB", "VBD", "conj", 4),
    ("with", "with", "ADP", "IN", "prep", 6),
    ("Wang", "Wang", "PROPN", "NNP", "pobj", 7),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_past_conjunct_of_an_infinitive_is_coordinated_with_the_main_verb() -> None:
    events = code(URGED_AND_SPOKE, [(0, 1, "RUSGOV", "RUS", "person"),
                                    (2, 3, "UKRGOV", "UKR", "state"),
                                    (8, 9, "CHNGOV", "CHN", "person")])
    spoke = [e for e in events if e.evidence.trigger == "spoke"]
    assert [([a.code for a in e.actor], e.auxiliary) for e in spoke] == [
        (["RUSGOV", "CHNGOV"], None)]
