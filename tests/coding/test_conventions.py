"""PLOVER coding conventions for what the text leaves implicit (ANNOTATION.md): the actor
an agentless event implies, and the parties of a reciprocal event. Sentences written for
these tests, coded through the whole pipeline."""

from __future__ import annotations

from tests.coding.builders import code_text as code
from tests.coding.builders import coded as summary


def test_an_arrest_with_no_actor_is_by_the_police_of_the_place(pipeline) -> None:
    (event,) = code(pipeline, "Four men were arrested in Lahore on Monday.")
    assert (event.event, [a.code for a in event.actor]) == ("COERCE", ["PAKCOP"])
    assert event.actor_inferred and "inferred" in event.evidence.actor_how
    assert any(e.startswith("implied actor PAKCOP") for e in event.actor[0].entries)


def test_with_no_place_in_the_sentence_the_article_setting_gives_the_country(pipeline) -> None:
    events = code(pipeline, "Heavy fighting continued in Aleppo and Idlib on Monday, "
                            "Syrian state media said.\n\nTwo journalists were detained on "
                            "Tuesday.")
    detained = [e for e in events if e.evidence.trigger == "detained"]
    assert [[a.code for a in e.actor] for e in detained] == [["SYRCOP"]]
    assert "set in" in detained[0].evidence.actor_how


def test_with_no_country_anywhere_the_event_keeps_no_actor(pipeline) -> None:
    (event,) = code(pipeline, "Two men were arrested on Sunday.")
    assert event.event == "COERCE" and event.actor == []


def test_an_unnamed_attacker_is_unidentified_forces_of_the_country(pipeline) -> None:
    events = code(pipeline, "A police officer was stabbed in Marseille on Friday.")
    assert ("ASSAULT", ["FRAUAF"]) in [(e.event, [a.code for a in e.actor]) for e in events]


def test_a_call_between_two_leaders_has_both_as_actors(pipeline) -> None:
    events = code(pipeline, "Turkish President Recep Tayyip Erdogan spoke by phone with "
                            "Russian President Vladimir Putin on Friday.")
    assert summary(events) == [("CONSULT", ["TURGOV", "RUSGOV"], [])]
    assert not events[0].actor_inferred


def test_a_visit_stays_visitor_to_host(pipeline) -> None:
    events = code(pipeline, "Russian President Vladimir Putin visited Ankara on Friday.")
    assert summary(events) == [("CONSULT", ["RUSGOV"], ["TURGOV"])]


def test_agreeing_with_someone_is_reciprocal_offering_them_is_not(pipeline) -> None:
    agreed = code(pipeline, "Iran agreed with France on a new timetable for the talks.")
    offered = code(pipeline, "Iran offered France a new deal on Tuesday.")
    assert summary(agreed) == [("AGREE", ["IRN", "FRA"], [])]
    assert summary(offered) == [("AGREE", ["IRN"], ["FRA"])]


def test_a_stated_future_deployment_is_a_future_mobilization_not_a_threat(pipeline) -> None:
    events = code(pipeline, "France will send 2,000 troops to Mali, the defence minister said.")
    assert [(e.event, e.auxiliary) for e in events] == [("MOBILIZE", "future")]


def test_an_unnamed_attacker_with_no_place_is_of_the_victims_country(pipeline) -> None:
    events = code(pipeline, "The Kremlin critic Ivan Petrov, a Russian opposition leader, "
                            "was poisoned, doctors said.")
    poisoned = [e for e in events if e.evidence.trigger == "poisoned"]
    assert [[a.code for a in e.actor] for e in poisoned] == [["RUSUAF"]]


def test_killed_in_someones_operation_names_its_actor(pipeline) -> None:
    events = code(pipeline, "Five fighters were killed in an Israeli airstrike on Tuesday.")
    assert [(e.event, [a.code for a in e.actor]) for e in events] == [("ASSAULT", ["ISR"])]
