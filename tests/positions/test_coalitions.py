"""Coalitions from hand-built events: members, adversary, contributions, limits."""

from __future__ import annotations

from datetime import date

from redshank.positions import read_events
from tests.positions.conftest import Article, coalitions_of, wales_article


def test_the_founders_the_leader_and_the_adversary() -> None:
    (coalition,) = coalitions_of(wales_article())
    # the catalogue's coalition against the Islamic State of that date
    assert coalition.name == "Global Coalition against Daesh" and coalition.lead == "USA"
    assert [(m.member, m.role) for m in coalition.members] == [
        ("USA", "leader"), ("DNK", "founder"), ("FRA", "founder"), ("GBR", "founder")]
    assert coalition.labels == ["core coalition", "core group"]
    assert coalition.adversary.key == "ISLAMIC_STATE"
    assert set(coalition.adversary.aliases) >= {"Islamic State militants", "IS"}
    usa = coalition.members[0]
    assert (usa.joined, usa.evidence.trigger, usa.evidence.sentence_index) == (
        date(2014, 9, 5), "created", 0)
    assert any("named after 'battle'" in r for r in usa.evidence.reasons)


def test_an_adversary_not_named_in_the_sentence_is_the_articles_armed_group() -> None:
    (coalition,) = coalitions_of(wales_article())
    britain = next(m for m in coalition.members if m.member == "GBR")
    assert britain.evidence.adversary.key == "ISLAMIC_STATE"
    assert any("names most" in r for r in britain.evidence.reasons)


def test_contributions_organisations_and_limits() -> None:
    (coalition,) = coalitions_of(wales_article())
    usa = coalition.members[0]
    assert [(g.kind, g.status, len(g.evidence)) for g in usa.contributions] == [
        ("ground-troops", "refused", 3)]
    assert [(g.actor, g.kind, g.status) for g in coalition.related] == [
        ("NATO", "intelligence", "committed")]
    (limit,) = coalition.limits
    assert (limit.actor, limit.kind, limit.first_date) == ("USA", "ground-troops",
                                                           date(2014, 9, 5))
    assert [e.speaker.name for e in limit.evidence] == ["United States", "John Kerry",
                                                        "John Kerry"]


def _joining(doc_id: str, published: str) -> Article:
    article = Article(doc_id, published=published)
    s0 = article.add("Australia joined the U.S.-led coalition against Islamic State, and "
                     "Denmark sent seven jets to join the campaign.")
    australia = article.actor(s0, "Australia", "AUS", "AUS")
    usa = article.actor(s0, "U.S.", "USA", "USA", name="United States")
    isil = article.actor(s0, "Islamic State", "IMGMUSISI", kind="armed_group",
                         actor_id="ISLAMIC_STATE")
    denmark = article.actor(s0, "Denmark", "DNK", "DNK")
    article.event(s0, "AGREE", "joined", actors=[australia], recipients=[usa])
    article.event(s0, "AGREE", "join", actors=[denmark], recipients=[isil],
                  auxiliary="hypothetical", cue="to join")
    s1 = article.add("Italy might join the coalition later.")
    italy = article.actor(s1, "Italy", "ITA", "ITA")
    article.event(s1, "AGREE", "join", actors=[italy], auxiliary="hypothetical", cue="might")
    return article


def test_joining_and_led_by_and_a_purpose_but_not_a_possibility() -> None:
    (coalition,) = coalitions_of(_joining("join", "2014-10-03"))
    assert {(m.member, m.role) for m in coalition.members} == {
        ("USA", "leader"), ("AUS", "member"), ("DNK", "member")}
    assert coalition.leaders == ["USA"] and coalition.adversary.key == "ISLAMIC_STATE"


def test_reports_from_many_articles_meet_in_one_coalition_in_any_order() -> None:
    wales, joining = wales_article(), _joining("join", "2014-10-03")
    forward, backward = coalitions_of(wales, joining), coalitions_of(joining, wales)
    assert len(forward) == len(backward) == 1
    assert forward[0].coalition_id == backward[0].coalition_id
    assert [m.member for m in forward[0].members] == [m.member for m in backward[0].members]
    assert len(forward[0].members) == 5


def test_non_members_actions_are_not_contributions() -> None:
    article = wales_article()
    s5 = article.add("Iraq asked for more airstrikes against IS.")
    iraq = article.actor(s5, "Iraq", "IRQ", "IRQ")
    article.event(s5, "REQUEST", "asked", actors=[iraq])
    (coalition,) = coalitions_of(article)
    actors = {g.actor for m in coalition.members for g in m.contributions}
    assert "IRQ" not in actors and "IRQ" not in {g.actor for g in coalition.related}


def test_a_coalition_named_in_a_clause_of_time_is_not_what_a_contribution_is_for() -> None:
    article = Article("until", published="2006-09-01")
    s0 = article.add("Chile pledged weapons to UNIFIL.")
    chile = article.actor(s0, "Chile", "CHL", "CHL")
    article.event(s0, "AID", "pledged", actors=[chile], mode="military", auxiliary="future")
    s1 = article.add("Peru pledged weapons until UNIFIL is deployed along the coast.")
    peru = article.actor(s1, "Peru", "PER", "PER")
    article.event(s1, "AID", "pledged", actors=[peru], mode="military", auxiliary="future")
    (coalition,) = coalitions_of(article)
    members = {m.member for m in coalition.members}
    assert "CHL" in members and "PER" not in members


def test_what_a_party_asks_of_others_or_backs_is_not_its_contribution() -> None:
    article = wales_article()
    s5 = article.add("Britain urged its allies to send more troops against IS.")
    britain = article.actor(s5, "Britain", "GBR", "GBR")
    article.event(s5, "REQUEST", "urged", actors=[britain])
    s6 = article.add("NATO backed sending more troops against IS.")
    nato = article.actor(s6, "NATO", "IGOWSTNAT", kind="igo", actor_id="NATO")
    article.event(s6, "SUPPORT", "backed", actors=[nato])
    (coalition,) = coalitions_of(article)
    given = {(g.actor, g.kind, g.status) for m in coalition.members for g in m.contributions}
    given |= {(g.actor, g.kind, g.status) for g in coalition.related}
    assert not {g for g in given if g[2] in ("requested", "supported")}
    # they stay positions
    positions = read_events(article.events, **article.reading_inputs()).positions
    assert {("GBR", "request"), ("NATO", "support")} <= {(p.holder, p.stance)
                                                         for p in positions}
