"""Members and what they contribute, read from the constructions news uses for commanding
a force, for the assets a state has in it and for what its units are made of.

Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from tests.positions.conftest import Article, coalitions_of, contributions_by_coalition


def test_the_state_relieved_in_its_command_of_a_part_of_the_force() -> None:
    article = Article("relief", published="2007-02-20")
    s0 = article.add("Turkey is to relieve Greece in its command of the maritime task force "
                     "of the United Nations Interim Force in Lebanon.")
    article.actor(s0, "Turkey", "TUR", "TUR")
    article.actor(s0, "Greece", "GRC", "GRC")
    article.actor(s0, "Lebanon", "LBN", "LBN")
    assert ("GRC", "command") in contributions_by_coalition(article)["unifil"]


def test_a_state_in_command_of_the_coalition_its_sentence_names() -> None:
    article = Article("relief", published="2005-05-20")
    s0 = article.add("KFOR will grow this summer, but Denmark is to remain in command "
                     "until June.")
    article.actor(s0, "Denmark", "DNK", "DNK")
    s1 = article.add("Officers from Norway met in Pristina, and Norway was in command of "
                     "its own battalion.")
    article.actor(s1, "Norway", "NOR", "NOR")
    article.actor(s1, "Norway", "NOR", "NOR", nth=1)
    assert contributions_by_coalition(article) == {"kfor": {("DNK", "command")}}


def test_a_state_that_commands_or_leads_the_force() -> None:
    article = Article("haiti", published="2006-03-01")
    s0 = article.add("Brazil commands the UN force in Haiti, and Chile leads its engineers.")
    article.actor(s0, "Brazil", "BRA", "BRA")
    article.actor(s0, "Haiti", "HTI", "HTI")
    article.actor(s0, "UN", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    article.actor(s0, "Chile", "CHL", "CHL")
    s1 = article.add("Uruguay might lead the UN force in Haiti next year.")
    article.actor(s1, "Uruguay", "URY", "URY")
    article.actor(s1, "Haiti", "HTI", "HTI")
    article.actor(s1, "UN", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    s2 = article.add("Peruvian ships headed to the UN force in Haiti.")
    article.actor(s2, "Peruvian", "PER", "PER")
    article.actor(s2, "Haiti", "HTI", "HTI")
    article.actor(s2, "UN", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    found = contributions_by_coalition(article)
    (coalition,) = found
    assert ("BRA", "command") in found[coalition]
    assert not {code for code, kind in found[coalition] if kind == "command"} - {"BRA"}


def test_the_kind_of_forces_is_named_by_the_words_before_their_noun() -> None:
    article = Article("escort", published="2006-11-02")
    s0 = article.add("Israeli jets circled a helicopter carrying the Chilean commander of the "
                     "UNIFIL sea forces.")
    article.actor(s0, "Israeli jets", "ISRMIL", "ISR", sector="MIL")
    article.actor(s0, "Chilean commander", "CHLMIL", "CHL", sector="MIL")
    article.actor(s0, "forces", "CHLMIL", "CHL", sector="MIL")
    assert contributions_by_coalition(article) == {"unifil": {("CHL", "command"), ("CHL", "naval")}}


def test_the_lead_organisations_troops_are_a_contribution_only_when_counted() -> None:
    article = Article("strength", published="2006-12-01")
    s0 = article.add("About 4,000 UN peacekeepers serve in Lebanon, a UNIFIL spokesman said.")
    article.actor(s0, "UN peacekeepers", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    article.actor(s0, "Lebanon", "LBN", "LBN")
    s1 = article.add("More UN troops were deployed in southern Lebanon on Monday.")
    un = article.actor(s1, "UN troops", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    article.actor(s1, "Lebanon", "LBN", "LBN")
    article.event(s1, "MOBILIZE", "deployed", actors=[un], mobilized=True)
    s2 = article.add("Ghanaian UN peacekeepers repaired a road.")
    article.actor(s2, "Ghanaian UN peacekeepers", "GHAIGOUNO", "GHA", kind="igo",
                  actor_id="UNITED_NATIONS")
    (coalition,) = coalitions_of(article)
    assert [(g.actor, g.kind, g.count, [e.sentence_index for e in g.evidence])
            for g in coalition.related] == [("UNITED_NATIONS", "ground-troops", 4000, [0])]


@pytest.mark.parametrize(("sentence", "kinds"), [
    ("Chile has sent 300 naval personnel to UNIFIL.", {"naval"}),
    ("Chile has sent 50 airlift soldiers to UNIFIL.", {"airlift"}),
    ("Chile has sent 40 soldiers for training to UNIFIL.", {"training"}),
    ("Chile has sent 400 soldiers to UNIFIL.", {"ground-troops"}),
    ("Chile has sent 60 police officers to UNIFIL.", {"police"}),
    # personnel of no stated kind may be sailors, airmen or clerks: a member, no kind
    ("Chile has contributed 2,400 personnel to UNIFIL.", set()),
])
def test_the_kind_of_troops_sent_is_named_by_their_words(sentence: str, kinds: set[str]
                                                         ) -> None:
    article = Article("kinds", published="2006-10-15")
    s0 = article.add(sentence)
    article.actor(s0, "Chile", "CHL", "CHL")
    (coalition,) = coalitions_of(article)
    assert [m.member for m in coalition.members] == ["CHL"]
    assert {kind for code, kind in contributions_by_coalition(article)["unifil"]} == kinds


def test_assets_of_a_member_in_a_sentence_naming_no_coalition() -> None:
    article = Article("flotilla", published="2006-10-15")
    s0 = article.add("Spain took command of the maritime task force of UNIFIL on Sunday.")
    article.actor(s0, "Spain", "ESP", "ESP")
    s1 = article.add("Spanish and Greek ships now patrol the coast.")
    article.actor(s1, "Spanish", "ESP", "ESP")
    article.actor(s1, "Greek", "GRC", "GRC")
    s2 = article.add("The Spanish flotilla consists of three frigates and two helicopters.")
    article.actor(s2, "Spanish", "ESP", "ESP")
    s3 = article.add("The Greek flotilla consists of three frigates.")
    article.actor(s3, "Greek", "GRC", "GRC")
    # Greece is a member by no sentence of the article: its ships may be anyone's
    assert contributions_by_coalition(article) == {"unifil": {("ESP", "command"), ("ESP", "naval"),
                                                  ("ESP", "air")}}
    (coalition,) = coalitions_of(article)
    naval = next(g for m in coalition.members for g in m.contributions if g.kind == "naval")
    assert {e.sentence_index for e in naval.evidence} == {1, 2}
