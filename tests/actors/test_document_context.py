"""Role nouns and unknown titled people take their country from their phrase or the article.

Through the real pipeline, on hand-written articles (redshank/actors/context.py).
"""

from __future__ import annotations

from datetime import date

import pytest

from redshank.actors.context import FOCUS_MIN_MENTIONS, article_focus
from redshank.model import Actor, Document, DocumentResult, Mention, Span
from tests.conftest import make_doc, mention

TURKEY = (
    "Turkey's government said on Monday that it would reopen the border. "
    "The interior minister said the police had arrested twelve people. "
    "Turkish officials met in Ankara on Tuesday."
)


def run(pipeline, text: str, published: date = date(2020, 3, 2)) -> DocumentResult:
    (result,) = pipeline.run([Document(id="doc", text=text, published=published)])
    assert not result.failures
    return result


def actor(result: DocumentResult, text: str) -> Actor:
    found = [a for a in result.actors if a.text == text]
    assert found, f"no actor {text!r} in {[a.text for a in result.actors]}"
    return found[0]


def test_role_noun_takes_the_place_in_its_phrase(pipeline) -> None:
    police = actor(run(pipeline, "Police in Kenosha arrested a man on Sunday."), "Police")
    assert (police.country, police.code, police.type) == ("USA", "USACOP", "state")
    assert police.country_from == "phrase"
    assert police.inferred
    assert police.entries[-1] == "country USA: 'Kenosha' in its phrase"


def test_a_gazetteer_city_modifying_the_noun_is_in_its_phrase(pipeline) -> None:
    police = actor(run(pipeline, "Bradford police arrested two men on Friday."), "police")
    assert (police.code, police.country_from) == ("GBRCOP", "phrase")


@pytest.mark.parametrize("text", ["interior minister", "police"])
def test_role_noun_takes_the_article_focus(pipeline, text: str) -> None:
    found = actor(run(pipeline, TURKEY), text)
    assert found.country == "TUR"
    assert found.country_from == "article"
    assert found.entries[-1].startswith("country TUR: the article's country (")
    assert "named 3 times, no other country" in found.entries[-1]
    assert found.id == found.code == f"TUR{found.sector}"


def test_coded_event_carries_the_inferred_country(pipeline) -> None:
    result = run(pipeline, TURKEY)
    arrests = [e for e in result.events if e.event == "COERCE"]
    assert arrests and arrests[0].actor[0].code == "TURCOP"
    assert arrests[0].actor[0].country_from == "article"


def test_dictionary_countries_are_not_marked_inferred(pipeline) -> None:
    result = run(pipeline, TURKEY)
    assert actor(result, "Turkish officials").country_from is None
    assert actor(result, "Turkey's government").inferred is False


def test_unknown_titled_person_takes_role_sector_and_article_country(pipeline) -> None:
    result = run(pipeline, (
        "Anna Petrova, the Foreign Ministry spokeswoman, criticised the report on Tuesday. "
        "Russia's government said Moscow would answer. Russian officials met in Moscow. "
        "Petrova said the Kremlin was ready."))
    petrova = actor(result, "Anna Petrova, the Foreign Ministry spokeswoman")
    assert (petrova.type, petrova.country, petrova.sector, petrova.code) == (
        "person", "RUS", "GOV", "RUSGOV")
    assert petrova.country_from == "article"
    assert petrova.name == "Anna Petrova"
    surname = actor(result, "Petrova")
    assert (surname.id, surname.country, surname.country_from) == (petrova.id, "RUS", "article")


def test_titled_person_with_a_place_in_the_apposition(pipeline) -> None:
    result = run(pipeline, "Jan Novak, a spokesman in Bradford, criticised the plan.")
    novak = actor(result, "Jan Novak, a spokesman")
    assert (novak.type, novak.country, novak.country_from) == ("person", "GBR", "phrase")


def test_person_title_before_the_name_takes_the_focus(pipeline) -> None:
    result = run(pipeline, (
        "Interior Minister Jan Novak said three men were held. Poland's government said the "
        "men were held in Warsaw. Polish officials declined to comment."))
    novak = actor(result, "Interior Minister Jan Novak")
    assert (novak.code, novak.type, novak.country_from) == ("POLGOV", "person", "article")


def test_dateline_gives_the_focus(pipeline) -> None:
    result = run(pipeline, "ANKARA, Jan. 5 (Reuters) - The interior minister said the police "
                           "arrested 12 people.")
    police = actor(result, "police")
    assert police.country == "TUR"
    assert police.entries[-1] == "country TUR: the dateline 'ANKARA'"
    # a named organisation with no country in the dictionaries is not a role noun
    assert actor(result, "Reuters").country is None


def test_no_focus_when_no_country_dominates(pipeline) -> None:
    result = run(pipeline, "The minister said the police arrested a man. American officials "
                           "and French officials both criticised the arrest.")
    police = actor(result, "police")
    assert (police.country, police.code, police.country_from) == (None, "---COP", None)


def test_focus_is_not_given_in_a_sentence_placed_in_another_country(pipeline) -> None:
    result = run(pipeline, (
        "The rebel groups shelled the town of Idlib in Syria. Turkey's government condemned "
        "the attack. Turkish officials met in Ankara. Turkish troops were sent to Turkey's "
        "border. Rebels later said they had acted alone."))
    assert actor(result, "rebel groups").country != "TUR"
    assert actor(result, "Rebels").country == "TUR"


def _country_mention(doc, start: int, country: str) -> Mention:
    return mention(doc, start, start + 1, code=country, country=country)


def test_focus_needs_enough_mentions_and_dominance() -> None:
    doc = make_doc([("Iraq", "Iraq", "PROPN", "NNP", "ROOT", 0),
                    ("and", "and", "CCONJ", "CC", "cc", 0),
                    ("Iran", "Iran", "PROPN", "NNP", "conj", 0),
                    ("Iraq", "Iraq", "PROPN", "NNP", "appos", 0)])
    iraq = [_country_mention(doc, i, "IRQ") for i in (0, 3)]
    iran = _country_mention(doc, 2, "IRN")
    assert FOCUS_MIN_MENTIONS == 3
    assert article_focus([iraq], [[]]) is None
    assert article_focus([[*iraq, iraq[0]]], [[]]).country == "IRQ"
    assert article_focus([[*iraq, iraq[0], iran]], [[]]).country == "IRQ"
    assert article_focus([[*iraq, iraq[0], iran, iran]], [[]]) is None


def test_inferred_countries_do_not_count_towards_the_focus() -> None:
    doc = make_doc([("police", "police", "NOUN", "NNS", "ROOT", 0)])
    inferred = mention(doc, 0, 1, code="IRQCOP", country="IRQ", sector="COP")
    inferred.actor.country_from = "article"
    assert article_focus([[inferred] * 4], [[]]) is None


def test_actor_json_round_trip_keeps_country_from() -> None:
    placed = Actor("police", "Iraq police", "IRQ", "COP", "state", "IRQCOP", Span(0, 6),
                   "IRQCOP", ["country IRQ: test"], country_from="article")
    record = placed.to_json()
    assert record["country_from"] == "article"
    assert Actor(**{**record, "span": Span(0, 6)}) == placed


def test_a_role_noun_from_several_countries_takes_no_focus(pipeline) -> None:
    text = ("WASHINGTON — The White House said on Monday that the United States would lead "
            "the effort. Officials from ten countries met the American envoy in Washington.")
    (result,) = pipeline.run([Document(id="t", text=text, published=date(2024, 3, 4))])
    officials = [a for a in result.actors if a.text.startswith("Officials")]
    assert officials and all(a.country is None for a in officials)


def test_from_right_after_a_role_noun_is_its_provenance_whatever_the_parse(pipeline) -> None:
    # the parser hangs "from 10 nations" on "told", not on "ministers"
    text = ("WASHINGTON — The United States said on Monday that it would lead the effort. "
            "Secretary of State John Kerry told foreign and defence ministers from 10 nations "
            "at a hastily arranged meeting that there were many ways they could help.")
    (result,) = pipeline.run([Document(id="t", text=text, published=date(2014, 9, 5))])
    ministers = [a for a in result.actors if a.text == "ministers"]
    assert ministers and all(a.country is None for a in ministers)


def test_a_definite_role_noun_takes_the_country_of_the_same_noun_named_before(pipeline) -> None:
    result = run(pipeline, "The Chilean Interior Ministry received the Peruvian consul on "
                           "Monday. The ministry then accused Lima of meddling.")
    (ministry,) = [a for a in result.actors if a.text == "ministry"]
    assert (ministry.code, ministry.country_from) == ("CHLGOV", "antecedent")
    assert ministry.entries[-1] == "country CHL: 'Chilean Interior Ministry' named before it"
    accusation = next(e for e in result.events if e.event == "ACCUSE"
                      and e.evidence.trigger == "accused")
    assert [a.code for a in accusation.actor] == ["CHLGOV"]


def test_an_antecedent_must_share_the_head_noun_not_just_the_sector(pipeline) -> None:
    # the consul is government too, but "the ministry" does not point back to him
    result = run(pipeline, "A Peruvian consul visited Santiago. The ministry protested.")
    (ministry,) = [a for a in result.actors if a.text == "ministry"]
    assert ministry.country_from != "antecedent"


def test_an_indefinite_role_noun_is_a_new_one(pipeline) -> None:
    result = run(pipeline, "Rebels in Mali seized a town. Other rebels attacked a convoy.")
    (other,) = [a for a in result.actors if a.text == "rebels"]
    assert other.country_from != "antecedent"


def test_refusing_to_meet_is_one_sides_act(pipeline) -> None:
    events = run(pipeline, "Venezuela's government said it would not negotiate with "
                           "Colombia.").events
    (refusal,) = [e for e in events if e.event == "REJECT"]
    assert ([a.code for a in refusal.actor], [a.code for a in refusal.recipient]) == (
        ["VENGOV"], ["COL"])
