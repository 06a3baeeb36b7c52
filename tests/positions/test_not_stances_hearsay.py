"""More constructions that hold a topic word and an event but state no position of the
event's actor on that topic: a condition or time clause the event is outside, hearsay and
claims of others, admissions, demands made of the actor, receiving, ending, a state's own
budget or forces, idioms, and a noun trigger's neighbours."""

from __future__ import annotations

import pytest

from redshank.positions import read_events
from tests.positions.conftest import Article

NORWAY = ("Norway", "NOR", "NOR")
SWEDEN = ("Sweden", "SWE", "SWE")


def _stances(article: Article) -> list[tuple[str, str, str]]:
    return [(p.holder, p.topic, p.stance)
            for p in read_events(article.events, **article.reading_inputs()).positions]


def _one_event(text: str, kind: str, trigger: str, actor: tuple = NORWAY, **event: object
               ) -> Article:
    article = Article("one", published="2007-05-10")
    s0 = article.add(text)
    words, code, country = actor
    found = article.actor(s0, words, code, country)
    article.event(s0, kind, trigger, actors=[found], **event)  # type: ignore[arg-type]
    return article


WILL = {"auxiliary": "future", "cue": "will"}


@pytest.mark.parametrize(("text", "kind", "trigger", "event", "expected"), [
    # a condition before the event, closed by a comma
    ("If the rebels keep their weapons, Norway will withdraw its soldiers.", "RETREAT",
     "withdraw", {**WILL, "mode": "withdraw"}, [("NOR", "withdrawal", "hedge")]),  # on a condition
    # a condition or a time clause after it
    ("Norway will appeal to the court if the loans break the rules.", "REQUEST", "appeal",
     WILL, []),
    ("Norway agreed to the plan before the weapons arrived in the port.", "AGREE", "agreed",
     {}, []),
    ("Norway will send the money after the soldiers leave.", "AID", "send", WILL,
     [("NOR", "funding", "commit")]),
])
def test_a_condition_or_time_clause_the_event_is_outside_gives_no_topic(
        text: str, kind: str, trigger: str, event: dict, expected: list) -> None:
    assert _stances(_one_event(text, kind, trigger, **event)) == expected


def test_an_agreement_inside_a_till_clause_is_no_commitment() -> None:
    article = _one_event("Norway will keep its soldiers in the north till Sweden agrees to "
                         "withdraw its troops.", "AGREE", "agrees", SWEDEN)
    assert _stances(article) == []


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Rumours say that Norway is planning to send soldiers to the border.", "send", []),
    ("There were accusations that Norway intended to send soldiers to the border.", "send",
     []),
    ("Officials say that Norway is planning to send soldiers to the border.", "send",
     [("NOR", "ground-troops", "commit")]),
])
def test_what_hearsay_says_is_no_stance(text: str, trigger: str, expected: list) -> None:
    article = _one_event(text, "MOBILIZE", trigger, mode="troops", auxiliary="hypothetical",
                         cue="planning" if "planning" in text else "intended",
                         lemmas=["plan"] if "planning" in text else ["intend"])
    assert _stances(article) == expected


def test_a_claim_by_another_party_is_no_stance_of_the_actor() -> None:
    article = Article("claim", published="2007-05-10")
    s0 = article.add("The newspaper claimed that Norway refused to send soldiers.")
    norway = article.actor(s0, "Norway", "NOR", "NOR")
    article.event(s0, "REJECT", "refused", actors=[norway])
    s1 = article.add("Norway claimed that it refused to send soldiers.")
    norway = article.actor(s1, "Norway", "NOR", "NOR")
    article.event(s1, "REJECT", "refused", actors=[norway])
    positions = read_events(article.events, **article.reading_inputs()).positions
    assert [(p.holder, p.stance, p.sentence_index) for p in positions] == [
        ("NOR", "refuse", 1)]


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Norway acknowledged the presence of its soldiers in the north.", "acknowledged", []),
    ("Norway admitted the deployment of its soldiers in the north.", "admitted", []),
    ("Norway supported the deployment of soldiers in the north.", "supported",
     [("NOR", "ground-troops", "support")]),
])
def test_an_admission_is_no_support(text: str, trigger: str, expected: list) -> None:
    assert _stances(_one_event(text, "SUPPORT", trigger)) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Norway has come under growing pressure to withdraw its soldiers.", "pressure", []),
    ("Norway faces strong calls to withdraw its soldiers.", "calls", []),
    ("Norway was urged to withdraw its soldiers.", "urged", []),
    ("Norway urged Sweden to withdraw its soldiers.", "urged",
     [("NOR", "withdrawal", "request")]),
])
def test_a_demand_made_of_the_actor_is_no_request_of_it(text: str, trigger: str,
                                                       expected: list) -> None:
    assert _stances(_one_event(text, "REQUEST", trigger)) == expected


@pytest.mark.parametrize(("text", "kind", "trigger", "expected"), [
    ("Norway agreed that it will receive larger amounts of funding next year.", "AGREE",
     "agreed", []),
    ("Norway agreed to let Sweden retrieve its funds.", "AGREE", "agreed", []),
    ("Norway asked to receive more funding from the bank.", "REQUEST", "asked",
     [("NOR", "funding", "request")]),
])
def test_receiving_money_is_no_commitment_to_give_it(text: str, kind: str, trigger: str,
                                                     expected: list) -> None:
    assert _stances(_one_event(text, kind, trigger)) == expected


@pytest.mark.parametrize(("text", "kind", "trigger"), [
    ("Norway demanded the cessation of weapons sales to the rebels.", "REQUEST", "demanded"),
    ("Norway threatened to withdraw anti-terrorism intelligence cooperation.", "THREATEN",
     "threatened"),
    ("Norway called for a halt to the delivery of weapons.", "REQUEST", "called"),
])
def test_ending_an_action_is_no_stance_for_it(text: str, kind: str, trigger: str) -> None:
    assert _stances(_one_event(text, kind, trigger)) == []


def test_withdrawing_troops_is_still_a_withdrawal() -> None:
    article = _one_event("Norway will withdraw all of its soldiers from the north.", "RETREAT",
                         "withdraw", mode="withdraw", **WILL)
    assert _stances(article) == [("NOR", "withdrawal", "commit")]


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Norway's military spending will increase by five percent.", "increase", []),
    ("Norway will increase the country's military budget by five percent.", "increase", []),
    ("Norway will increase its soldiers in the north by 500.", "increase",
     [("NOR", "ground-troops", "commit")]),
])
def test_a_military_budget_is_no_troops(text: str, trigger: str, expected: list) -> None:
    article = _one_event(text, "MOBILIZE", trigger, mode="troops", **WILL)
    assert _stances(article) == expected


@pytest.mark.parametrize("text", [
    "Norway agreed to honour the veterans who served under arms.",
    "Norway agreed to a plan to prevent casualties among Norwegian soldiers.",
    "Norway agreed to restore the cemetery of soldiers buried in the north.",
])
def test_idioms_and_dead_soldiers_name_no_topic(text: str) -> None:
    assert _stances(_one_event(text, "AGREE", "agreed")) == []


def test_aid_to_the_actors_own_forces_is_no_assistance() -> None:
    article = Article("own", published="2007-05-10")
    s0 = article.add("Norway proposed to give its army new weapons.")
    norway = article.actor(s0, "Norway", "NOR", "NOR")
    army = article.actor(s0, "army", "NORMIL", "NOR", kind="other", sector="MIL")
    article.event(s0, "AID", "give", actors=[norway], recipients=[army],
                  auxiliary="hypothetical", cue="proposed", lemmas=["propose"])
    s1 = article.add("Norway proposed to give the Swedish army new weapons.")
    norway = article.actor(s1, "Norway", "NOR", "NOR")
    army = article.actor(s1, "Swedish army", "SWEMIL", "SWE", sector="MIL")
    article.event(s1, "AID", "give", actors=[norway], recipients=[army],
                  auxiliary="hypothetical", cue="proposed", lemmas=["propose"])
    positions = read_events(article.events, **article.reading_inputs()).positions
    assert [(p.holder, p.topic, p.stance, p.sentence_index) for p in positions] == [
        ("NOR", "arms", "offer", 1)]


@pytest.mark.parametrize(("text", "expected"), [
    ("We have a plan against Sweden's threat... by strengthening our intelligence.", []),
    ("Sweden's threat of airstrikes alarmed the region.",
     [("SWE", "airstrikes", "commit")]),
])
def test_a_noun_trigger_names_its_action_in_its_own_phrase(text: str, expected: list) -> None:
    assert _stances(_one_event(text, "THREATEN", "threat", SWEDEN)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "would" after a verb of saying is the future of what was said: a commitment
    ("Norway said it would send soldiers to the border.", [("NOR", "ground-troops", "commit")]),
    # a conditional "would" commits to nothing
    ("Norway said it would send soldiers to the border if the UN asked.", []),
    # nobody is reported saying it: a supposition
    ("Norway would send soldiers to the border.", []),
])
def test_would_of_reported_speech_is_a_commitment(text: str, expected: list) -> None:
    article = _one_event(text, "MOBILIZE", "send", mode="troops", auxiliary="hypothetical",
                         cue="would", lemmas=["would"])
    assert _stances(article) == expected
