"""Troop facts read on the spaCy parse of hand-written sentences: whose troops, how many,
what happens to them (deployment, increase, cut, withdrawal, a standing presence), whether
it is announced, planned, completed, demanded or refused, where, and by when."""

from __future__ import annotations

from datetime import date

import pytest

from redshank.positions.lexicon import default_lexicon
from redshank.positions.tokens import lemma_tokens
from redshank.positions.troops import (
    TroopFact,
    number_at,
    read_document_troops,
    read_troops,
    target_in,
)
from tests.positions.conftest import Article

PUBLISHED = "2007-05-10"
# mention text -> (code, country, kind, actor id): what the actor coder would find
ACTORS = {
    "Poland": ("POL", "POL", "state", None), "Chad": ("TCD", "TCD", "state", None),
    "Kenya": ("KEN", "KEN", "state", None), "Somalia": ("SOM", "SOM", "state", None),
    "Polish soldiers": ("POLMIL", "POL", "state", None),
    "Denmark": ("DNK", "DNK", "state", None), "Australia": ("AUS", "AUS", "state", None),
    "Solomon Islands": ("SLB", "SLB", "state", None), "Fiji": ("FJI", "FJI", "state", None),
    "Uganda": ("UGA", "UGA", "state", None), "Norway": ("NOR", "NOR", "state", None),
    "Bosnia": ("BIH", "BIH", "state", None), "Britain": ("GBR", "GBR", "state", None),
    "Cyprus": ("CYP", "CYP", "state", None), "Germany": ("DEU", "DEU", "state", None),
    "South Korea": ("KOR", "KOR", "state", None), "Hungary": ("HUN", "HUN", "state", None),
    "Haiti": ("HTI", "HTI", "state", None), "Netherlands": ("NLD", "NLD", "state", None),
    "Uruguay": ("URY", "URY", "state", None), "Spanish troops": ("ESPMIL", "ESP", "state", None),
    "Italy": ("ITA", "ITA", "state", None), "Japan": ("JPN", "JPN", "state", None),
    "Ukraine": ("UKR", "UKR", "state", None), "Italian troops": ("ITAMIL", "ITA", "state", None),
    "Bulgaria": ("BGR", "BGR", "state", None), "Iran": ("IRN", "IRN", "state", None),
    "N'Djamena": ("TCD", "TCD", "state", None),
    "Green Brigade": ("IMGGRB", None, "armed_group", "GREEN_BRIGADE"),
    "Kidnappers": ("---CRM", None, "other", None),
    # troops the coder names by where they are: the host's country, not the owner's
    "soldiers in southern Cyprus": ("CYPMIL", "CYP", "state", None),
}


def _article(*texts: str) -> Article:
    article = Article("troops", published=PUBLISHED)
    for text in texts:
        index = article.add(text)
        for name, (code, country, kind, actor_id) in ACTORS.items():
            if name in text and not any(name in other and name != other
                                        for other in ACTORS if other in text):
                article.actor(index, name, code, country, kind=kind, actor_id=actor_id)
    return article


def _facts(*texts: str) -> list[TroopFact]:
    return read_document_troops(_article(*texts).context(), default_lexicon())


def _summary(fact: TroopFact) -> tuple:
    return (fact.holder.key, fact.count, fact.unit, fact.change, fact.status, fact.place)


@pytest.mark.parametrize(("sentence", "expected"), [
    # possessive counts: a standing presence
    ("Poland's 900 troops in Chad will stay until the end of next year.",
     ("POL", 900, "troops", None, "announced", "TCD")),
    ("Kenya's contingent of 3,000 peacekeepers in Somalia is the largest.",
     ("KEN", 3000, "peacekeepers", None, "completed", "SOM")),
    # a count and a nationality: the force's size when definite or said to be there
    ("The 860 Polish soldiers in Chad guard the airport.",
     ("POL", 860, "soldiers", None, "completed", "TCD")),
    ("There are about 860 Polish soldiers in Chad.",
     ("POL", 860, "soldiers", None, "completed", "TCD")),
    ("About 860 Polish soldiers are stationed in Chad.",
     ("POL", 860, "soldiers", None, "completed", "TCD")),
    # subject, verb, count: the troops are the subject's, not the host's
    ("Denmark has 460 soldiers in southern Cyprus.",
     ("DNK", 460, "soldiers", None, "completed", "CYP")),
    ("Australia will send 500 more troops to the Solomon Islands.",
     ("AUS", 500, "troops", "increase", "announced", "SLB")),
    ("Fiji sent 200 police officers to the Solomon Islands.",
     ("FJI", 200, "police officers", "deployment", "completed", "SLB")),
    ("Norway sent two military units to Bosnia.",  # units of troops, not counted
     ("NOR", None, "troops", "deployment", "completed", "BIH")),
    # leaving for a place, when only words of when stand between: a departure to it
    ("Fiji's 40 soldiers left on Monday, June 5, for the Solomon Islands.",
     ("FJI", 40, "soldiers", "deployment", "completed", "SLB")),
    ("Fiji's 40 soldiers left yesterday for a year in the Solomon Islands.",
     ("FJI", 40, "soldiers", "deployment", "completed", "SLB")),
    # troops arriving somewhere are deployed there
    ("About 300 Polish soldiers arrived in Chad on Monday.",
     ("POL", 300, "soldiers", "deployment", "completed", "TCD")),
    # a passive's troops across an aside the parse spans; a place named after its kind
    ("The Polish soldiers, 200 of whom flew in on Sunday, were deployed to the capital "
     "N'Djamena.", ("POL", None, "soldiers", "deployment", "completed", "TCD")),
    ("Uganda has already sent 1,000 of a planned 1,500 troops to Somalia.",
     ("UGA", 1000, "troops", "deployment", "completed", "SOM")),
    # a relative clause's subject is what its pronoun refers back to; an object relative's is not
    ("Norway, which has 650 soldiers in Bosnia, is the largest contributor.",
     ("NOR", 650, "soldiers", None, "completed", "BIH")),
    # increases
    ("Norway will boost its troops in Bosnia by 150.",
     ("NOR", 150, "troops", "increase", "announced", "BIH")),
    # cuts
    ("South Korea said it would halve its 3,200-strong contingent.",
     ("KOR", 3200, "troops", "cut", "announced", None)),
    ("Germany plans to scale back its presence in Bosnia to 1,000 soldiers.",
     ("DEU", None, "troops", "cut", "planned", "BIH")),
    # a change of the troops' number or size changes the troops
    ("Britain will reduce the number of its troops in Cyprus.",
     ("GBR", None, "troops", "cut", "announced", "CYP")),
    ("Poland will increase the size of its contingent in Chad.",
     ("POL", None, "troops", "increase", "announced", "TCD")),
    # withdrawals
    ("Hungary brought home its 300 soldiers from Haiti last month.",
     ("HUN", 300, "soldiers", "withdrawal", "completed", "HTI")),
    ("The Netherlands completed the withdrawal of its 1,400 troops from Uruguay.",
     ("NLD", 1400, "troops", "withdrawal", "completed", "URY")),
    ("The last Spanish troops left Haiti on Tuesday.",
     ("ESP", None, "troops", "withdrawal", "completed", "HTI")),
    ("The last Spanish troops left for home on Tuesday.",
     ("ESP", None, "troops", "withdrawal", "completed", None)),
    ("Italy will pull out its 3,000 troops from Bosnia.",
     ("ITA", 3000, "troops", "withdrawal", "announced", "BIH")),
    ("Poland will withdraw all of its roughly 3,000 remaining troops from Chad.",
     ("POL", 3000, "troops", "withdrawal", "announced", "TCD")),
    ("Poland will withdraw, over the next two years, its 900 troops from Chad.",
     ("POL", 900, "troops", "withdrawal", "announced", "TCD")),
    ("Denmark's 460 soldiers would be withdrawn from Cyprus, the prime minister said.",
     ("DNK", 460, "soldiers", "withdrawal", "announced", "CYP")),
    ("Hungary removed its 300 soldiers from Haiti last month.",
     ("HUN", 300, "soldiers", "withdrawal", "completed", "HTI")),
    # refusals
    ("South Korea will not withdraw its troops from Haiti.",
     ("KOR", None, "troops", "withdrawal", "refused", "HTI")),
    ("Japan refused to pull out its troops.",
     ("JPN", None, "troops", "withdrawal", "refused", None)),
    ("Britain has no plans to withdraw its 7,000 troops from Cyprus.",
     ("GBR", 7000, "troops", "withdrawal", "refused", "CYP")),
    ("Ukraine rejected the demand to withdraw its soldiers.",
     ("UKR", None, "soldiers", "withdrawal", "refused", None)),
])  # fmt: skip
def test_each_class_of_troop_statement(sentence: str, expected: tuple) -> None:
    (fact,) = _facts(sentence)
    assert _summary(fact) == expected
    assert fact.by is None


def test_a_cut_keeps_its_amounts_apart_from_its_level() -> None:
    (by_share,) = _facts("Britain will reduce its troop level in Cyprus by 10 percent.")
    assert (by_share.change, by_share.count, by_share.percent, by_share.level) == (
        "cut", None, 10.0, None)
    (to_level,) = _facts("Germany plans to scale back its presence in Bosnia to 1,000 soldiers.")
    assert (to_level.count, to_level.level) == (None, 1000)
    (raised,) = _facts("Kenya will raise its troops in Somalia to 4,000.")
    assert (raised.change, raised.level) == ("increase", 4000)


def test_a_third_partys_demand_is_demanded_by_it_not_stated_by_the_holder() -> None:
    (named,) = _facts("The Green Brigade demanded that Japan withdraw its 550 soldiers "
                      "from Haiti.")
    assert _summary(named) == ("JPN", 550, "soldiers", "withdrawal", "demanded", "HTI")
    assert named.by is not None and named.by.key == "GREEN_BRIGADE"
    (generic,) = _facts("Kidnappers demanded the withdrawal of Italian troops from Haiti.")
    assert _summary(generic) == ("ITA", None, "troops", "withdrawal", "demanded", "HTI")
    assert generic.by is None  # a generic agent has no side
    assert any("by 'Kidnappers'" in reason for reason in generic.reasons)


def test_a_demand_that_troops_not_be_sent_is_no_fact_of_the_target() -> None:
    assert _facts("The Green Brigade demanded that Poland not send more troops.") == []


def test_a_change_threatened_on_a_condition_is_no_fact() -> None:
    assert _facts("Poland would withdraw its troops from Chad if the rebels attacked.") == []
    assert [_summary(f) for f in _facts("Poland will withdraw its troops from Chad.")] == [
        ("POL", None, "troops", "withdrawal", "announced", "TCD")]


def test_what_troops_should_or_must_do_is_asked_not_announced() -> None:
    (should,) = _facts("Italian troops should withdraw from Bosnia, the mayor said.")
    assert (should.holder.key, should.change, should.status) == ("ITA", "withdrawal",
                                                                  "demanded")
    (must,) = _facts("Japan must pull out its 300 soldiers from Haiti.")
    assert (must.change, must.status) == ("withdrawal", "demanded")
    assert _facts("Japan should not withdraw its soldiers from Haiti.") == []


@pytest.mark.parametrize("sentence", [
    "Two Polish soldiers were killed in Chad.",  # a casualty count, not a presence
    "The two Polish soldiers killed in Chad were buried on Monday.",
    "There are 300 Polish soldiers among the dead.",
    "The blast killed 12 of its soldiers.",
    "Britain withdrew its ambassador from Iran.",  # not troops
    "Poland may pull out of the 3,000-strong force in Chad.",  # where it leaves, not whose
    "Britain will reduce the number of attacks on its troops.",  # attacks, not troops
    "Japan withdrew from the talks after three soldiers died.",
    "Britain has not withdrawn its troops.",  # said not to have happened
    "The captors said the hostage would be freed if Bulgaria withdrew its troops.",
    # troops held captive are prisoners: repatriating them is no withdrawal
    "Britain refused to repatriate the captured soldiers.",
    "Britain refused to repatriate 300 captured soldiers from Chad.",
    "Hungary will bring home the detained soldiers from Haiti.",
])  # fmt: skip
def test_what_is_not_a_troop_fact(sentence: str) -> None:
    assert _facts(sentence) == []


def test_acting_without_sending_troops_sends_none() -> None:
    article = _article("“We will fight them without sending troops of our own,” Kerry said.")
    article.actor(0, "Kerry", "USAGOV", "USA", kind="person", name="John Kerry")
    assert read_document_troops(article.context(), default_lexicon()) == []


def test_battalions_are_not_a_count_of_troops() -> None:
    (fact,) = _facts("Norway sent two battalions.")
    assert (fact.holder.key, fact.count, fact.change) == ("NOR", None, "deployment")


def test_a_withdrawal_without_troops_named_again_follows_the_previous_sentence() -> None:
    article = _article("Poland has 900 troops in Chad.", "It will not withdraw.")
    article.actor(1, "It", "POL", "POL")
    facts = read_document_troops(article.context(), default_lexicon())
    assert [(f.sentence_index, *_summary(f)) for f in facts] == [
        (0, "POL", 900, "troops", None, "completed", "TCD"),
        (1, "POL", None, "troops", "withdrawal", "refused", None),
    ]


def test_target_dates_are_resolved_against_the_publication_date() -> None:
    (italy,) = _facts("Italy will pull out its 3,000 troops from Bosnia by 2008.")
    assert italy.target is not None
    assert (italy.target.text, italy.target.day) == ("by 2008", date(2008, 12, 31))
    (danes,) = _facts("Denmark's 460 soldiers would be withdrawn from Cyprus by the end of "
                      "the year, the prime minister said.")
    assert danes.target is not None and danes.target.day == date(2007, 12, 31)
    assert _summary(danes) == ("DNK", 460, "soldiers", "withdrawal", "announced", "CYP")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("They will leave by the end of the year.", ("by the end of the year", date(2007, 12, 31))),
    ("They will leave within six months.", ("within six months", date(2007, 11, 30))),
    ("They will stay until 2012.", ("until 2012", date(2012, 12, 31))),
    ("They will leave before March 2008.", ("before March 2008", date(2008, 3, 31))),
    ("They will cut it by 10 percent.", None),
    ("They will cut it by 2000.", None),  # a year before publication is no target
])  # fmt: skip
def test_target_in(sentence: str, expected: tuple | None) -> None:
    ctx = _article(sentence).context()
    tokens = ctx.tokens(0)
    target = target_in(sentence, tokens, default_lexicon(), 0, len(tokens),
                       date(2007, 5, 10))
    assert (None if target is None else (target.text, target.day)) == expected


@pytest.mark.parametrize(("words", "value"), [
    ("3,000", 3000), ("860", 860), ("two", 2), ("twenty-five", 25), ("3,000-strong", 3000),
    ("1.5 million", 1_500_000), ("two thousand", 2000), ("several", None),
    ("2.400", 2400), ("1.250.000", 1_250_000), ("2.5", 2.5), ("1.500 million", 1_500_000),
])
def test_number_at(words: str, value: int | None) -> None:
    found = number_at(lemma_tokens(words.split()), 0)
    assert (None if found is None else found[0]) == value


def test_facts_keep_their_provenance() -> None:
    article = _article("Italy will pull out its 3,000 troops from Bosnia.")
    (fact,) = read_troops(article.context(), 0, default_lexicon())
    sentence = article.sentences[0]
    assert fact.trigger == "pull out its 3,000 troops"
    assert article.text[fact.span.start:fact.span.end] == fact.trigger
    assert fact.doc_id == "troops" and fact.sentence_index == sentence.index
    assert any(reason.startswith("change withdrawal: 'pull out' (cues.tsv:")
               for reason in fact.reasons)
