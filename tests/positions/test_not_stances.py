"""Constructions that hold a topic word and an event but state no position of the event's
actor: conditions, time and relative clauses, beliefs, breaches, reproaches, actions
ended, the addressee's troops, and cities or provinces read as their state."""

from __future__ import annotations

import pytest

from redshank.model import Position
from redshank.positions import read_events
from redshank.positions.lexicon import default_lexicon
from redshank.positions.reading import topics_of
from redshank.positions.tokens import lemma_tokens
from tests.positions.conftest import Article

NORWAY = ("Norway", "NOR", "NOR")


def _positions(article: Article) -> list[Position]:
    return read_events(article.events, **article.reading_inputs()).positions


def _stances(article: Article) -> list[tuple[str, str, str]]:
    return [(p.holder, p.topic, p.stance) for p in _positions(article)]


def _one_event(text: str, kind: str, trigger: str, actor: tuple = NORWAY, *,
               actor_kind: str = "state", name: str | None = None, **event: object
               ) -> Article:
    article = Article("one", published="2007-05-10")
    s0 = article.add(text)
    words, code, country = actor
    found = article.actor(s0, words, code, country, kind=actor_kind, name=name)
    article.event(s0, kind, trigger, actors=[found], **event)  # type: ignore[arg-type]
    return article


def test_an_action_inside_a_condition_is_no_stance_of_its_actor() -> None:
    inside = _one_event("Germany will respond if Russia agrees to send soldiers to the "
                        "border.", "AGREE", "agrees", ("Russia", "RUS", "RUS"))
    assert _stances(inside) == []
    before = _one_event("Germany will send soldiers if Russia attacks the border.",
                        "MOBILIZE", "send", ("Germany", "DEU", "DEU"), mode="troops",
                        auxiliary="future", cue="will")
    assert _stances(before) == [("DEU", "ground-troops", "hedge")]  # on a condition


def test_an_agreement_inside_a_time_clause_is_no_commitment() -> None:
    article = _one_event("Lebanon must post soldiers in the south before agreeing on a "
                         "truce, the minister said.", "AGREE", "agreeing",
                         ("Lebanon", "LBN", "LBN"))
    assert _stances(article) == []


def test_a_participle_describing_a_noun_is_no_commitment() -> None:
    article = _one_event("The donors blocked financial aid until the rebels accept the "
                         "agreements with Israel signed by Norway.", "AGREE", "signed")
    assert _stances(article) == []


def test_a_relative_clause_about_someone_else_is_not_the_actors_stance() -> None:
    others = _one_event("Italy thanked the families who support the deployment of troops.",
                        "SUPPORT", "support", ("Italy", "ITA", "ITA"))
    assert _stances(others) == []
    own = _one_event("Italy, which supports the deployment of troops, met the envoys.",
                     "SUPPORT", "supports", ("Italy", "ITA", "ITA"))
    assert _stances(own) == [("ITA", "ground-troops", "support")]


def test_a_belief_about_a_state_is_no_stance_unless_its_own_side_holds_it() -> None:
    article = Article("belief", published="2007-05-10")
    s0 = article.add("Analysts believe that Poland will send soldiers to the mission.")
    article.actor(s0, "Analysts", "---ANL", kind="other")
    poland = article.actor(s0, "Poland", "POL", "POL")
    article.event(s0, "MOBILIZE", "send", actors=[poland], mode="troops", auxiliary="future",
                  cue="will")
    s1 = article.add("Polish officials believe that Poland will send soldiers to the mission.")
    article.actor(s1, "Polish officials", "POLGOV", "POL")
    poland = article.actor(s1, "Poland", "POL", "POL")
    article.event(s1, "MOBILIZE", "send", actors=[poland], mode="troops", auxiliary="future",
                  cue="will")
    assert [(p.holder, p.stance, p.sentence_index) for p in _positions(article)] == [
        ("POL", "commit", 1)]


def test_breaking_a_rule_is_an_act_not_a_refusal() -> None:
    article = _one_event("Syria violated the agreement when its soldiers crossed the border.",
                         "REJECT", "violated", ("Syria", "SYR", "SYR"))
    assert _stances(article) == []


def test_a_reproach_about_the_past_is_no_request() -> None:
    past = _one_event("Norway said the government should have sent more soldiers.",
                      "REQUEST", "said")
    assert _stances(past) == []
    ahead = _one_event("Norway said the government should send more soldiers.",
                       "REQUEST", "said")
    assert _stances(ahead) == [("NOR", "ground-troops", "request")]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Norway called for an end to the arms sales to the region.", "called"),
    ("Norway said that all financial aid to the regime should stop.", "said"),
    ("Norway urged both sides to respect the arms embargo.", "urged"),
    ("Norway called for the airstrikes to be halted.", "called"),
    ("Norway demanded a freeze on funding for the dam.", "demanded"),
])
def test_asking_to_end_an_action_is_no_request_for_it(text: str, trigger: str) -> None:
    assert _stances(_one_event(text, "REQUEST", trigger)) == []


def test_an_action_kept_until_a_deadline_is_not_ended() -> None:
    article = _one_event("Norway called for more soldiers until the end of the year.",
                         "REQUEST", "called")
    assert _stances(article) == [("NOR", "ground-troops", "request")]


def test_supporting_the_addressees_troops_commits_no_troops() -> None:
    article = Article("your", published="2007-05-10")
    s0 = article.add("“We will keep supporting your troops,” the Italian president told "
                     "the envoy.")
    we = article.actor(s0, "We", "ITAGOV", "ITA")
    article.actor(s0, "Italian president", "ITAGOV", "ITA")
    article.event(s0, "AGREE", "supporting", actors=[we], auxiliary="future", cue="will")
    assert _stances(article) == []


@pytest.mark.parametrize(("text", "trigger", "actor", "kind", "name"), [
    ("Ontario will send money to the flood victims.", "send", ("Ontario", "CAN", "CAN"),
     "state", "Canada"),
    ("The Mayor of Lyon called for soldiers to patrol the streets.", "called",
     ("Mayor of Lyon", "FRAGOV", "FRA"), "person", "Mayor"),
])
def test_a_city_or_a_province_does_not_hold_its_states_position(
        text: str, trigger: str, actor: tuple, kind: str, name: str) -> None:
    event = "REQUEST" if trigger == "called" else "AID"
    article = _one_event(text, event, trigger, actor, actor_kind=kind, name=name,
                         **({"auxiliary": "future", "cue": "will"} if event == "AID" else {}))
    assert _stances(article) == []


def test_a_capital_speaks_for_its_state() -> None:
    article = _one_event("Washington called for more soldiers to patrol the border.",
                         "REQUEST", "called", ("Washington", "USA", "USA"),
                         name="United States")
    assert _stances(article) == [("USA", "ground-troops", "request")]


@pytest.mark.parametrize(("text", "stances"), [
    ("“There are no plans for the deal to bring in more soldiers,” Rasmussen said.", []),
    ("“We have no plans to send more soldiers,” Rasmussen said.", ["refuse"]),
])
def test_no_plans_for_another_party_refuse_nothing(text: str, stances: list[str]) -> None:
    article = Article("no-plans", published="2007-05-10")
    s0 = article.add(text)
    article.actor(s0, "Rasmussen", "DNKGOV", "DNK", kind="person", name="Anders Rasmussen")
    assert [p.stance for p in _positions(article)] == stances


@pytest.mark.parametrize(("words", "sector", "name", "holder"), [
    # a legislator or a local official speaks for themselves, not for the state
    ("Senator Kim Lee", "LEG", "Kim Lee", "KIM_LEE"),
    ("Governor Kim Lee", "GOV", "Kim Lee", "KIM_LEE"),
    # a minister speaks for the state
    ("Defence Minister Kim Lee", "GOV", "Kim Lee", "NOR"),
])
def test_a_legislator_or_a_local_official_holds_their_own_position(
        words: str, sector: str, name: str, holder: str) -> None:
    article = Article("own-voice", published="2007-05-10")
    s0 = article.add(f"{words} called for more soldiers to patrol the border.")
    person = article.actor(s0, words, f"NOR{sector}", "NOR", kind="person", name=name,
                           actor_id="KIM_LEE", sector=sector)
    article.event(s0, "REQUEST", "called", actors=[person])
    assert _stances(article) == [(holder, "ground-troops", "request")]


@pytest.mark.parametrize(("text", "kind", "trigger"), [
    # the main clause of an adjunct's verb; the main clause of a relative clause's verb
    ("While calling for restraint, Norway also sold fuel to the army for its bombing "
     "campaign.", "REQUEST", "calling"),
    ("A bomb went off near the square, where crowds had been urged by Norway to leave.",
     "REQUEST", "urged"),
])
def test_a_topic_word_in_another_clause_of_the_parse_is_not_the_events(
        text: str, kind: str, trigger: str) -> None:
    assert _stances(_one_event(text, kind, trigger)) == []


@pytest.mark.parametrize(("text", "trigger", "topics"), [
    ("Norway wants to pull out its soldiers quickly.", "pull", ["withdrawal"]),
    ("Norway will train the police and equip its soldiers.", "equip",
     ["training", "ground-troops"]),
])
def test_the_clause_of_the_parse_keeps_complements_and_coordinated_verbs(
        text: str, trigger: str, topics: list[str]) -> None:
    assert _stances(_one_event(text, "AGREE", trigger)) == [
        ("NOR", topic, "commit") for topic in topics]


@pytest.mark.parametrize(("text", "kind", "trigger"), [
    # what an apposition or a relative clause says of the subject
    ("Norway, a major producer of the weapons, voiced support for the treaty.", "SUPPORT",
     "voiced"),
    # what is examined, not acted on
    ("Norway called for an inquiry into the funding of the party.", "REQUEST", "called"),
    # what is missing, and what is taken back
    ("The bank pulled out, citing a lack of financial support from Norway.", "SUPPORT",
     "citing"),
    ("Norway will recover the unpaid loans from the banks.", "AGREE", "recover"),
    # a condition closed by "then", and the phrase of a preposition of time
    ("If more funding is not found then Norway is agreeing to the closure.", "AGREE",
     "agreeing"),
    ("Norway will monitor the border following the withdrawal of the troops.", "AGREE",
     "monitor"),
])
def test_words_that_name_no_action_of_the_event(text: str, kind: str, trigger: str) -> None:
    assert _stances(_one_event(text, kind, trigger)) == []


def test_a_participle_phrase_describing_someone_else_is_not_the_actors_stance() -> None:
    article = _one_event("Norway met officials seeking to deploy a force in the region.",
                         "MOBILIZE", "deploy", mode="troops", auxiliary="hypothetical",
                         cue="seeking")
    assert _stances(article) == []


def test_a_preposition_of_time_hides_only_its_own_phrase() -> None:
    article = _one_event("Norway promised during the campaign that it would fund the "
                         "schools.", "AGREE", "promised")
    assert _stances(article) == [("NOR", "funding", "commit")]


def test_an_offer_to_act_is_held_by_whoever_makes_it() -> None:
    article = Article("offer", published="2007-05-10")
    s0 = article.add("The French accepted a Norwegian offer to send 500 troops.")
    french = article.actor(s0, "French", "FRA", "FRA")
    article.actor(s0, "Norwegian", "NOR", "NOR")
    article.event(s0, "MOBILIZE", "send", actors=[french], mode="troops",
                  auxiliary="hypothetical", cue="offer")
    assert _stances(article) == [("NOR", "ground-troops", "offer")]


@pytest.mark.parametrize("text", [
    "Norway backed the appointment of the new intelligence director.",
    "Norway praised the food aid workers in the camps.",
])
def test_a_topic_word_before_a_noun_of_a_person_or_body_names_who(text: str) -> None:
    assert _stances(_one_event(text, "SUPPORT", text.split()[1])) == []



def test_a_sale_of_fighter_jets_is_arms_only() -> None:
    """Topic phrases are matched on the whole sentence, longest first: the words of "sell
    F-16 fighter jets" are not also "fighter jets" (airstrikes) in a range holding only
    them."""
    lemmas = ["Norway", "will", "sell", "F-16", "fighter", "jet", "to", "Chile", "."]
    tokens = lemma_tokens(lemmas)
    text = " ".join(lemmas)
    lexicon = default_lexicon()
    assert list(topics_of(text, tokens, lexicon, [(0, len(tokens))])) == ["arms"]
    assert topics_of(text, tokens, lexicon, [(4, len(tokens))]) == {}


def test_accepting_another_partys_offer_supports_it() -> None:
    article = Article("accept", published="2007-05-10")
    s0 = article.add("The French accepted a Norwegian offer to send 500 troops.")
    french = article.actor(s0, "French", "FRA", "FRA")
    article.actor(s0, "Norwegian", "NOR", "NOR")
    article.event(s0, "AGREE", "accepted", actors=[french])
    assert _stances(article) == [("FRA", "ground-troops", "support")]


@pytest.mark.parametrize(("text", "trigger"), [
    ("If parliament agrees, Norway will fund the new school.", "fund"),
    ("Norway will fund the new school unless prices rise.", "fund"),
    ("Norway plans to deploy 500 troops in the event of an invasion.", "deploy"),
])
def test_a_commitment_on_a_condition_is_a_hedge(text: str, trigger: str) -> None:
    article = (_one_event(text, "MOBILIZE", trigger, mode="troops", auxiliary="hypothetical",
                          cue="plans") if trigger == "deploy"
               else _one_event(text, "AGREE", trigger, auxiliary="future", cue="will"))
    (stance,) = {s for _, _, s in _stances(article)}
    assert stance == "hedge"


def test_a_commitment_with_no_condition_stays_one() -> None:
    assert {s for _, _, s in _stances(_one_event(
        "Norway will fund the new school after the election.", "AGREE", "fund"))} == {"commit"}
