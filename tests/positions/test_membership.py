"""Coalitions as entities: references resolved in the catalogue, members from the
constructions news uses, hosts and leads kept apart, membership over time and its export.

Every sentence here is written for the test."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from redshank.errors import ConfigError
from redshank.export.timeline import TIMELINE_SCHEMA, write_timeline
from redshank.positions.coalitions import build_coalition, summarize
from redshank.positions.lexicon import default_lexicon
from redshank.positions.membership import document_coalitions
from redshank.store.duckdb import CONNECT_CONFIG
from tests.positions.conftest import Article, coalitions_of


def _members(article: Article) -> dict[str, set[str]]:
    return {c.known_id or c.coalition_id: {m.member for m in c.members}
            for c in coalitions_of(article)}


def test_a_name_of_the_catalogue_and_a_states_troops_beside_it() -> None:
    article = Article("kosovo", published="2005-03-10")
    s0 = article.add("German KFOR troops and Serbian soldiers patrolled the road near the "
                     "border.")
    article.actor(s0, "German KFOR troops", "DEUMIL", "DEU", sector="MIL")
    article.actor(s0, "Serbian soldiers", "SRBMIL", "SRB", sector="MIL")
    assert _members(article) == {"kfor": {"DEU"}}  # Serbia hosts the force


def test_states_named_before_as_part_of() -> None:
    article = Article("nordic", published="2004-05-02")
    s0 = article.add("Norway, Finland and Sweden sent soldiers to Kosovo as part of KFOR.")
    for name, code in (("Norway", "NOR"), ("Finland", "FIN"), ("Sweden", "SWE")):
        article.actor(s0, name, code, code)
    article.actor(s0, "Kosovo", "XKX", "XKX")
    (coalition,) = coalitions_of(article)
    assert {m.member for m in coalition.members} == {"NOR", "FIN", "SWE"}
    assert coalition.hosts and "XKX" in coalition.hosts
    assert all(m.role == "member" and "as part of" in m.evidence.reasons[0]
               for m in coalition.members)


def test_a_generic_phrase_resolves_by_lead_host_and_date() -> None:
    article = Article("kandahar", published="2007-06-01")
    s0 = article.add("Canadian troops in the NATO-led force in Afghanistan fought near "
                     "the city.")
    article.actor(s0, "Canadian troops", "CANMIL", "CAN", sector="MIL")
    article.actor(s0, "NATO", "IGOWSTNAT", kind="igo", actor_id="NATO")
    article.actor(s0, "Afghanistan", "AFG", "AFG")
    (coalition,) = coalitions_of(article)
    assert coalition.lead == "NATO" and "AFG" in coalition.hosts
    assert coalition.start <= date(2007, 6, 1) <= (coalition.end or date.max)
    # NATO leads it: a role, not a member
    assert {m.member for m in coalition.members} == {"CAN"}


def test_party_government_and_commercial_senses_are_not_coalitions() -> None:
    article = Article("rome", published="2008-01-24")
    s0 = article.add("The governing coalition in Italy collapsed after a small party left.")
    article.actor(s0, "Italy", "ITA", "ITA")
    s1 = article.add("Two airlines formed an airline alliance with a German carrier.")
    assert s1 == 1
    ctx = article.context()
    assert document_coalitions(ctx, default_lexicon()).references == {}
    assert coalitions_of(article) == []


def test_an_alliance_with_an_armed_group_is_not_a_coalition_against_it() -> None:
    article = Article("pact", published="2009-02-01")
    s0 = article.add("Pakistan formed an alliance with the Taliban, officials said.")
    pakistan = article.actor(s0, "Pakistan", "PAK", "PAK")
    taliban = article.actor(s0, "Taliban", "AFGREB", kind="armed_group", actor_id="TALIBAN")
    article.event(s0, "AGREE", "formed", actors=[pakistan], recipients=[taliban])
    assert all(c.adversary is None or c.adversary.key != "TALIBAN"
               for c in coalitions_of(article))


def _iraq_article() -> Article:
    article = Article("diwaniyah", published="2005-09-12")
    s0 = article.add("The multinational force in Iraq has about 160,000 soldiers.")
    article.actor(s0, "Iraq", "IRQ", "IRQ")
    s1 = article.add("Polish soldiers in Diwaniyah handed over a base to the Iraqi army.")
    article.actor(s1, "Polish soldiers", "POLMIL", "POL", sector="MIL")
    article.actor(s1, "Diwaniyah", "IRQ", "IRQ")
    article.actor(s1, "Iraqi army", "IRQMIL", "IRQ", sector="MIL")
    s2 = article.add("Other Polish soldiers in Warsaw trained for a new mission.")
    article.actor(s2, "Polish soldiers", "POLMIL", "POL", sector="MIL")
    article.actor(s2, "Warsaw", "POL", "POL")
    s3 = article.add("It joined the coalition in 2003, and a unit in Basra is under British "
                     "command.")
    it = article.actor(s3, "It", "JPN", "JPN")
    article.actor(s3, "British", "GBR", "GBR")
    article.event(s3, "AGREE", "joined", actors=[it])
    return article


def test_troops_in_a_host_country_of_the_articles_coalition() -> None:
    (coalition,) = coalitions_of(_iraq_article())
    assert "IRQ" in coalition.hosts
    members = {m.member: m for m in coalition.members}
    assert set(members) == {"POL", "GBR"}  # not Iraq (the host), not "It" (a pronoun)
    assert members["POL"].evidence.sentence_index == 1 and not members["POL"].more_evidence
    assert "under its command" in members["GBR"].evidence.reasons[0]


def test_membership_over_time_and_on_a_date() -> None:
    (coalition,) = coalitions_of(_iraq_article())
    memberships = [m.evidence for m in coalition.members]
    poland = next(m for m in memberships if m.member == "POL")
    left = replace(poland, membership_id="cm-left", status="left",
                   date_start=date(2008, 10, 4), sentence_index=9)
    summary = summarize(coalition.coalition_id, [*memberships, left])
    view = build_coalition(summary, [*memberships, left], [])
    member = next(m for m in view.members if m.member == "POL")
    assert (member.joined, member.left, member.status) == (date(2005, 9, 12),
                                                           date(2008, 10, 4), "left")
    assert member.left_evidence.sentence_index == 9
    assert "POL" in {m.member for m in view.at(date(2007, 1, 1)).members}
    assert "POL" not in {m.member for m in view.at(date(2009, 1, 1)).members}
    assert view.at(date(2004, 1, 1)).members == []


def test_membership_timeline_as_csv_and_parquet(tmp_path: Path) -> None:
    coalitions = coalitions_of(_iraq_article())
    assert write_timeline(coalitions, tmp_path / "members.csv") == 2
    with (tmp_path / "members.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    poland = next(r for r in rows if r["member"] == "POL")
    assert (poland["from"], poland["until"], poland["status"], poland["evidence"]) == (
        "2005-09-12", "", "member", "diwaniyah#1")
    assert write_timeline(coalitions, tmp_path / "members.parquet") == 2
    parquet = tmp_path / "members.parquet"
    with duckdb.connect(config=CONNECT_CONFIG) as connection:
        found = connection.execute(
            f"SELECT member, \"from\", until FROM '{parquet}' ORDER BY member").fetchall()
        types = {row[0]: row[1] for row in connection.execute(
            f"DESCRIBE SELECT * FROM '{parquet}'").fetchall()}
    assert found == [("GBR", date(2005, 9, 12), None), ("POL", date(2005, 9, 12), None)]
    assert list(types) == list(TIMELINE_SCHEMA) and types["from"] == "DATE"
    with pytest.raises(ConfigError, match=r"csv or \.parquet"):
        write_timeline(coalitions, tmp_path / "members.txt")


def test_contingents_lists_of_states_and_troops_from() -> None:
    article = Article("buffer", published="2006-09-20")
    s0 = article.add("Two Ghanaian UN peacekeepers and Dutch and Belgian ships joined the "
                     "patrol as part of UNIFIL.")
    article.actor(s0, "Ghanaian UN peacekeepers", "IGOGHA", "GHA", kind="igo",
                  actor_id="IGOGHA")
    article.actor(s0, "Dutch", "NLD", "NLD")
    article.actor(s0, "Belgian", "BEL", "BEL")
    s1 = article.add("In Lebanon the UN force now includes troops from Nepal, Malaysia and "
                     "Indonesia.")
    article.actor(s1, "UN", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    article.actor(s1, "Lebanon", "LBN", "LBN")
    for name, code in (("Nepal", "NPL"), ("Malaysia", "MYS"), ("Indonesia", "IDN")):
        article.actor(s1, name, code, code)
    (coalition,) = coalitions_of(article)
    assert coalition.known_id == "unifil"
    members = {m.member: m for m in coalition.members}
    assert set(members) == {"GHA", "NLD", "BEL", "NPL", "MYS", "IDN"}
    kinds = {(m.member, g.kind) for m in coalition.members for g in m.contributions}
    assert ("GHA", "ground-troops") in kinds and ("NPL", "ground-troops") in kinds
    assert ("NLD", "naval") in kinds and ("BEL", "naval") in kinds
    # the organisation that leads it is a lead, not a member
    assert coalition.lead == "UNITED_NATIONS" and "UNITED_NATIONS" not in members


def _haiti_article(name: str, *sentences: tuple[str, dict[str, str]]) -> Article:
    """An article about the US-led force in Haiti in 2004 and states named in it."""
    article = Article(name, published="2004-04-01")
    s0 = article.add("The US-led coalition in Haiti is growing.")
    article.actor(s0, "US", "USA", "USA")
    article.actor(s0, "Haiti", "HTI", "HTI")
    for text, actors in sentences:
        index = article.add(text)
        for mention, code in actors.items():
            article.actor(index, mention, code, code)
    return article


def test_states_named_as_partners_members_or_allies_of_the_coalition() -> None:
    article = _haiti_article(
        "partners",
        ("Coalition partners such as Chile and Brazil have promised to stay.",
         {"Chile": "CHL", "Brazil": "BRA"}),
        ("Canada and Peru, both coalition members, sent ships.",
         {"Canada": "CAN", "Peru": "PER"}),
        ("The coalition partner, the Greens, left the government of Germany.",
         {"Germany": "DEU"}))
    # a government's coalition partner is a party, not a state
    article.actor(3, "Greens", "DEUPTY", "DEU")
    (coalition,) = coalitions_of(article)
    assert {m.member for m in coalition.members} >= {"CHL", "BRA", "CAN", "PER"}
    assert "DEU" not in {m.member for m in coalition.members}


def test_a_states_forces_named_with_its_possessive() -> None:
    article = _haiti_article("possessive", ("Chile's engineers in Haiti repaired a bridge.",
                                            {"Chile": "CHL", "Haiti": "HTI"}))
    (coalition,) = coalitions_of(article)
    assert "CHL" in {m.member for m in coalition.members}


def test_command_of_the_force_and_troops_far_from_it() -> None:
    article = Article("handover", published="2007-02-15")
    s0 = article.add("Italy took command of UNIFIL on Saturday, while Syrian troops "
                     "watched the border far to the east of the UNIFIL area.")
    article.actor(s0, "Italy", "ITA", "ITA")
    article.actor(s0, "Syrian troops", "SYRMIL", "SYR", sector="MIL")
    (coalition,) = coalitions_of(article)
    (italy,) = coalition.members
    assert italy.member == "ITA"
    assert [(g.kind, g.status) for g in italy.contributions] == [("command", "done")]


def test_a_possible_membership_is_not_one() -> None:
    article = Article("maybe", published="2004-06-01")
    s0 = article.add("Estonia might serve in KFOR, and Latvia did not take part in KFOR.")
    article.actor(s0, "Estonia", "EST", "EST")
    article.actor(s0, "Latvia", "LVA", "LVA")
    assert coalitions_of(article) == []


def test_a_generic_phrase_prefers_the_coalition_the_article_names() -> None:
    article = Article("golan", published="2006-08-01")
    s0 = article.add("Israel and Syria traded threats, and Israeli jets flew over Beirut.")
    article.actor(s0, "Israel", "ISR", "ISR")
    article.actor(s0, "Syria", "SYR", "SYR")
    s1 = article.add("UNIFIL said its posts were hit.")
    s2 = article.add("Four Irish UN peacekeepers were hurt.")
    article.actor(s2, "Irish UN peacekeepers", "IGOIRL", "IRL", kind="igo",
                  actor_id="IGOIRL")
    article.actor(s2, "UN peacekeepers", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    assert s1 == 1
    # Israel is the most named country, but the article names UNIFIL, not a mission
    # on the Golan Heights
    assert _members(article) == {"unifil": {"IRL"}}


def test_a_users_catalogue_file_adds_a_coalition(tmp_path: Path, monkeypatch) -> None:
    from redshank.positions.catalogue import default_catalogue

    mine = tmp_path / "mine.jsonl"
    mine.write_text('{"id": "lake-watch", "name": "Lake Watch Force", "kind": "force", '
                    '"aliases": ["Lake Watch Force", "LWF"], "lead": "KEN", "hosts": ["UGA"], '
                    '"adversary": null, "purpose": "monitoring", "start": "2010-01", '
                    '"end": null, "source": "our own notes"}\n', encoding="utf-8")
    monkeypatch.setenv("REDSHANK_COALITIONS", str(mine))
    default_catalogue.cache_clear()
    try:
        article = Article("lake", published="2011-04-02")
        s0 = article.add("Tanzanian soldiers of the LWF patrolled the shore.")
        article.actor(s0, "Tanzanian soldiers", "TZAMIL", "TZA", sector="MIL")
        assert _members(article) == {"lake-watch": {"TZA"}}
    finally:
        monkeypatch.delenv("REDSHANK_COALITIONS")
        default_catalogue.cache_clear()


def _lebanon_article() -> Article:
    article = Article("pledges", published="2006-08-26")
    s0 = article.add("European ministers discussed the expanded UNIFIL on Friday.")
    s1 = article.add("Finland, Portugal and Greece are to send 900 soldiers to Lebanon.")
    for name, code in (("Finland", "FIN"), ("Portugal", "PRT"), ("Greece", "GRC")):
        article.actor(s1, name, code, code)
    article.actor(s1, "Lebanon", "LBN", "LBN")
    s2 = article.add("Syria has withdrawn its troops from Lebanon, officials said.")
    article.actor(s2, "Syria", "SYR", "SYR")
    article.actor(s2, "Lebanon", "LBN", "LBN", nth=0)
    assert s0 == 0
    return article


def test_a_listed_pledge_of_troops_makes_each_state_a_member_with_a_count() -> None:
    (coalition,) = coalitions_of(_lebanon_article())
    members = {m.member: m for m in coalition.members}
    # Syria leaving Lebanon does not make it a member that left the UN force
    assert set(members) == {"FIN", "PRT", "GRC"}
    groups = {(g.actor, g.kind, g.status, g.count, g.change)
              for m in coalition.members for g in m.contributions}
    assert ("GRC", "ground-troops", "committed", 900, "deployment") in groups


def test_a_completed_withdrawal_of_a_member_is_when_it_left() -> None:
    article = Article("home", published="2008-07-15")
    s0 = article.add("Estonian soldiers in Iraq served with the multinational force for "
                     "five years.")
    article.actor(s0, "Estonian soldiers", "ESTMIL", "EST", sector="MIL")
    article.actor(s0, "Iraq", "IRQ", "IRQ")
    s1 = article.add("Estonia has withdrawn its last 40 soldiers from Iraq.")
    article.actor(s1, "Estonia", "EST", "EST")
    article.actor(s1, "Iraq", "IRQ", "IRQ")
    (coalition,) = coalitions_of(article)
    (estonia,) = coalition.members
    assert (estonia.member, estonia.status, estonia.left) == ("EST", "left",
                                                              date(2008, 7, 15))
    assert estonia.left_evidence.sentence_index == 1
    withdrawal = next(g for g in estonia.contributions if g.change == "withdrawal")
    assert (withdrawal.status, withdrawal.count) == ("done", 40)


def test_a_part_of_a_named_force_is_the_force() -> None:
    article = Article("patrol", published="2006-11-02")
    s0 = article.add("Greece took command of the naval task force of UNIFIL on Monday.")
    article.actor(s0, "Greece", "GRC", "GRC")
    (coalition,) = coalitions_of(article)
    assert [(m.member, [g.kind for g in m.contributions]) for m in coalition.members] == [
        ("GRC", ["command"])]


def test_a_withdrawal_the_text_dates_is_dated_so() -> None:
    article = Article("dated", published="2009-03-01")
    s0 = article.add("Estonian soldiers in Iraq served with the multinational force.")
    article.actor(s0, "Estonian soldiers", "ESTMIL", "EST", sector="MIL")
    article.actor(s0, "Iraq", "IRQ", "IRQ")
    s1 = article.add("Estonia withdrew its last 40 soldiers from Iraq in December 2008.")
    estonia = article.actor(s1, "Estonia", "EST", "EST")
    article.actor(s1, "Iraq", "IRQ", "IRQ")
    article.event(s1, "RETREAT", "withdrew", actors=[estonia], day="2008-12-01",
                  precision="month")
    (coalition,) = coalitions_of(article)
    (member,) = coalition.members
    assert (member.status, member.left) == ("left", date(2008, 12, 1))
    withdrawal = next(g for g in member.contributions if g.change == "withdrawal")
    assert withdrawal.first_date == date(2008, 12, 1)


def test_a_possible_withdrawal_or_a_likely_command_changes_nothing() -> None:
    article = Article("maybe-leave", published="2005-05-05")
    s0 = article.add("Norwegian KFOR troops guard the monastery.")
    article.actor(s0, "Norwegian KFOR troops", "NORMIL", "NOR", sector="MIL")
    s1 = article.add("Norway may withdraw its 300 soldiers from Kosovo next year.")
    article.actor(s1, "Norway", "NOR", "NOR")
    article.actor(s1, "Kosovo", "XKX", "XKX")
    s2 = article.add("Finland would be likely to take command of KFOR in the autumn.")
    article.actor(s2, "Finland", "FIN", "FIN")
    (coalition,) = coalitions_of(article)
    assert [(m.member, m.status) for m in coalition.members] == [("NOR", "member")]


def test_peacekeepers_mean_a_peacekeeping_force_not_a_support_operation() -> None:
    article = Article("darfur-patrol", published="2006-05-01")
    s0 = article.add("African Union peacekeepers from Rwanda patrolled camps in Darfur.")
    article.actor(s0, "African Union", "IGOAFRAU", kind="igo", actor_id="AFRICAN_UNION")
    article.actor(s0, "Rwanda", "RWA", "RWA")
    article.actor(s0, "Darfur", "SDN", "SDN")
    # the EU's operation supporting AMIS (narrower in time) is not what peacekeepers are
    assert _members(article) == {"amis": {"RWA"}}
    unled = Article("sudan-unled", published="2006-05-01")
    s1 = unled.add("Peacekeepers in Sudan now include soldiers from Rwanda.")
    unled.actor(s1, "Rwanda", "RWA", "RWA")
    unled.actor(s1, "Sudan", "SDN", "SDN")
    # two peacekeeping missions in Sudan then, neither inside the other: no guess
    assert document_coalitions(unled.context(), default_lexicon()).references == {}


def test_a_region_the_article_names_rules_out_a_mission_working_elsewhere() -> None:
    # UNMIS worked in southern Sudan, AMIS in Darfur: peacekeepers in Darfur are AMIS's
    article = Article("darfur-unled", published="2006-05-01")
    s0 = article.add("Peacekeepers in Darfur now include soldiers from Rwanda.")
    article.actor(s0, "Rwanda", "RWA", "RWA")
    article.actor(s0, "Darfur", "SDN", "SDN")
    assert _members(article) == {"amis": {"RWA"}}
    # UN peacekeepers sent to Darfur in 2006 were no mission yet: not UNMIS
    article = Article("darfur-un", published="2006-05-01")
    s0 = article.add("Norway wants to send UN peacekeepers to Darfur.")
    article.actor(s0, "Norway", "NOR", "NOR")
    article.actor(s0, "UN", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    article.actor(s0, "Darfur", "SDN", "SDN")
    assert document_coalitions(article.context(), default_lexicon()).references == {}
    # nor, for want of a mission in Darfur, the UN's mission in the next country named
    article = Article("darfur-talks", published="2006-11-18")
    s0 = article.add("Leaders discussed Darfur at a meeting in Addis Ababa, Ethiopia.")
    article.actor(s0, "Darfur", "SDN", "SDN")
    article.actor(s0, "Ethiopia", "ETH", "ETH")
    s1 = article.add("No dates were agreed for the deployment of the UN forces.")
    article.actor(s1, "UN", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    assert document_coalitions(article.context(), default_lexicon()).references == {}
    # in an article about southern Sudan they are UNMIS's
    article = Article("juba-un", published="2006-05-01")
    s0 = article.add("UN peacekeepers in Juba patrolled the market.")
    article.actor(s0, "UN", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    article.actor(s0, "Juba", "SDN", "SDN")
    refs = document_coalitions(article.context(), default_lexicon()).references
    assert [r.known.id for r in refs[0] if r.known] == ["unmis"]


def test_the_state_of_whoever_commands_the_force() -> None:
    article = Article("headed", published="2007-03-01")
    s0 = article.add("UNIFIL is now headed by Spanish General Ana Ruiz, the ministry said.")
    article.actor(s0, "Spanish General Ana Ruiz", "ESPMIL", "ESP", kind="person",
                  actor_id="ANA_RUIZ", sector="MIL")
    s1 = article.add("KFOR might be led by Danish officers next year.")
    article.actor(s1, "Danish officers", "DNKMIL", "DNK", sector="MIL")
    members = {c.known_id: [(m.member, [g.kind for g in m.contributions])
                            for m in c.members] for c in coalitions_of(article)}
    assert members == {"unifil": [("ESP", ["command"])]}


def test_forces_the_coalition_fights_are_not_in_it() -> None:
    article = Article("victory", published="2005-01-10")
    s0 = article.add("KFOR troops clashed with Serbian paramilitaries, and the victory of "
                     "KFOR over Albanian fighters was quick.")
    article.actor(s0, "Serbian paramilitaries", "SRBMIL", "SRB", sector="MIL")
    article.actor(s0, "Albanian fighters", "ALBMIL", "ALB", sector="MIL")
    assert coalitions_of(article) == []


def test_the_force_alone_refers_back_to_the_articles_coalition() -> None:
    article = Article("anaphor", published="2006-09-01")
    s0 = article.add("UNIFIL will grow to 15,000 soldiers in Lebanon.")
    article.actor(s0, "Lebanon", "LBN", "LBN")
    s1 = article.add("Ghanaian soldiers in the force cleared a minefield.")
    article.actor(s1, "Ghanaian soldiers", "GHAMIL", "GHA", sector="MIL")
    # not a force of something else, nor a country's own air force
    s2 = article.add("Chilean soldiers felt the force of the blast, and the Peruvian "
                     "air force flew home.")
    article.actor(s2, "Chilean soldiers", "CHLMIL", "CHL", sector="MIL")
    article.actor(s2, "Peruvian air force", "PERMIL", "PER", sector="MIL")
    (coalition,) = coalitions_of(article)
    assert {m.member for m in coalition.members} == {"GHA"}


def test_states_leaving_the_coalition_have_left_or_are_leaving() -> None:
    article = _haiti_article(
        "leaving",
        ("Chile pulled out of the coalition on Monday.", {"Chile": "CHL"}),
        ("Brazil will leave the coalition in May.", {"Brazil": "BRA"}),
        ("Peru did not quit the coalition.", {"Peru": "PER"}),
        ("Canadian officers left the coalition headquarters.", {"Canadian": "CAN"}))
    (coalition,) = coalitions_of(article)
    members = {m.member: m for m in coalition.members}
    assert members["CHL"].status == "left" and members["CHL"].left == date(2004, 4, 1)
    assert members["BRA"].status == "leaving" and members["BRA"].left is None
    assert "PER" not in members and "CAN" not in members


def test_states_listed_after_a_verb_of_composition_are_members() -> None:
    article = _haiti_article(
        "includes",
        ("The coalition includes Chile, Brazil and France.",
         {"Chile": "CHL", "Brazil": "BRA", "France": "FRA"}),
        ("The coalition, which comprises troops from Peru, patrols the capital.",
         {"Peru": "PER"}),
        ("The coalition includes an office that reports to Canada.", {"Canada": "CAN"}))
    (coalition,) = coalitions_of(article)
    assert {m.member for m in coalition.members} == {"USA", "CHL", "BRA", "FRA", "PER"}


def test_a_contributor_to_the_coalition_is_a_member() -> None:
    article = _haiti_article(
        "contributor", ("Chile is the second-largest contributor to the coalition.",
                        {"Chile": "CHL"}))
    (coalition,) = coalitions_of(article)
    assert "CHL" in {m.member for m in coalition.members}


def test_a_named_alliance_the_catalogue_does_not_know_is_not_resolved_by_place() -> None:
    article = Article("named", published="2006-06-06")
    s0 = article.add("The Somali Alliance in Somalia includes Eritrea.")
    article.actor(s0, "Somalia", "SOM", "SOM")
    article.actor(s0, "Eritrea", "ERI", "ERI")
    assert coalitions_of(article) == []


def test_a_sentence_about_a_time_before_the_coalition_makes_no_member() -> None:
    article = _haiti_article(
        "before", ("Chilean soldiers in Haiti were attacked in 1994.", {"Haiti": "HTI"}),
        ("Peruvian soldiers in Haiti were attacked on Monday.", {"Haiti": "HTI"}))
    s1, s2 = 1, 2
    chile = article.actor(s1, "Chilean soldiers", "CHLMIL", "CHL", sector="MIL")
    peru = article.actor(s2, "Peruvian soldiers", "PERMIL", "PER", sector="MIL")
    article.event(s1, "ASSAULT", "attacked", actors=[], recipients=[chile], day="1994",
                  precision="year")
    article.event(s2, "ASSAULT", "attacked", actors=[], recipients=[peru])
    (coalition,) = coalitions_of(article)
    members = {m.member for m in coalition.members}
    assert "PER" in members and "CHL" not in members


def test_forces_fighting_where_a_peacekeeping_force_serves_are_not_in_it() -> None:
    article = Article("fighting", published="2006-08-01")
    s0 = article.add("UNIFIL will grow to 15,000 soldiers.")
    s1 = article.add("Israeli soldiers battling militants in Lebanon lost two men.")
    article.actor(s1, "Israeli soldiers", "ISRMIL", "ISR", sector="MIL")
    article.actor(s1, "Lebanon", "LBN", "LBN")
    s2 = article.add("Ghanaian soldiers in Lebanon repaired a road.")
    article.actor(s2, "Ghanaian soldiers", "GHAMIL", "GHA", sector="MIL")
    article.actor(s2, "Lebanon", "LBN", "LBN")
    assert s0 == 0
    (coalition,) = coalitions_of(article)
    assert {m.member for m in coalition.members} == {"GHA"}


def _kinds(coalition) -> set[tuple[str, str]]:
    return {(m.member, g.kind) for m in coalition.members for g in m.contributions}


def test_what_a_states_forces_are_made_of_is_what_it_contributes() -> None:
    article = Article("composition", published="2006-09-01")
    s0 = article.add("UNIFIL will grow to 15,000 soldiers in Lebanon.")
    article.actor(s0, "Lebanon", "LBN", "LBN")
    s1 = article.add("The Chilean contingent in Lebanon includes two frigates and three "
                     "helicopters.")
    article.actor(s1, "Chilean", "CHL", "CHL")
    article.actor(s1, "Lebanon", "LBN", "LBN")
    (coalition,) = coalitions_of(article)
    assert _kinds(coalition) == {("CHL", "naval"), ("CHL", "air")}


def test_a_state_sending_assets_to_the_coalition_contributes_them() -> None:
    article = Article("sending", published="2006-09-01")
    s0 = article.add("Chile sent two frigates and a helicopter to UNIFIL.")
    article.actor(s0, "Chile", "CHL", "CHL")
    s1 = article.add("Peru will not send frigates to UNIFIL.")
    article.actor(s1, "Peru", "PER", "PER")
    s2 = article.add("Brazil sent frigates to Lebanon, far from UNIFIL's area.")
    article.actor(s2, "Brazil", "BRA", "BRA")
    article.actor(s2, "Lebanon", "LBN", "LBN")
    (coalition,) = coalitions_of(article)
    assert {m.member for m in coalition.members} == {"CHL"}
    assert _kinds(coalition) == {("CHL", "naval"), ("CHL", "air")}


def test_a_name_written_in_lower_case_describes_the_mission_there_at_the_time() -> None:
    # "the UN mission in Haiti" of 2006 is MINUSTAH, not UNMIH (1993-1996), whose name
    # it repeats; the coder's "UN mission" is a body of the UN, which leads MINUSTAH
    article = Article("haiti", published="2006-03-10")
    s0 = article.add("Brazil leads the UN mission in Haiti.")
    article.actor(s0, "Brazil", "BRA", "BRA")
    article.actor(s0, "UN mission", "IGOUNO", kind="igo", actor_id="UN_MISSION")
    article.actor(s0, "Haiti", "HTI", "HTI")
    refs = document_coalitions(article.context(), default_lexicon()).references
    assert [r.known.id for r in refs[0] if r.known] == ["minustah"]
    # written as its alias is written, a name names its entry whenever it is told of
    article = Article("gulf", published="2010-03-10")
    s0 = article.add("Brazil recalled the Gulf War coalition of 1991.")
    article.actor(s0, "Brazil", "BRA", "BRA")
    refs = document_coalitions(article.context(), default_lexicon()).references
    assert [r.known.id for r in refs[0] if r.known] == ["gulf-war-coalition"]
    article = Article("haiti", published="2006-03-10")
    s0 = article.add("Brazil recalled the United Nations Mission in Haiti of 1994.")
    article.actor(s0, "Brazil", "BRA", "BRA")
    refs = document_coalitions(article.context(), default_lexicon()).references
    assert [r.known.id for r in refs[0] if r.known] == ["unmih"]
