"""Constructions real news is written in (issue 10): affiliations, gatherings, events told
in a temporal phrase, nominal events with their arguments. Sentences written for these
tests, coded through the whole pipeline."""

from __future__ import annotations

import pytest

from tests.coding.builders import code_text as code
from tests.coding.builders import coded


def test_fighters_loyal_to_a_named_group_are_that_group(pipeline) -> None:
    (event,) = code(pipeline, "Fighters loyal to the Islamic State seized the town of Tal "
                              "Afar in Iraq on Monday.")
    assert event.event == "COERCE" and [a.code for a in event.actor] == ["IMGMUSISI"]
    assert any(e.startswith("affiliation:") for e in event.actor[0].entries)


def test_a_transnational_group_keeps_its_identity_where_it_acts(pipeline) -> None:
    events = code(pipeline, "Islamic State militants attacked a checkpoint in Kirkuk.")
    assert [a.code for e in events for a in e.actor] == ["IMGMUSISI"]


def test_the_guests_of_a_hosted_gathering_are_visitors_of_the_host(pipeline) -> None:
    events = code(pipeline, "The prime minister of Japan is in Cairo for a summit the "
                            "Egyptian government is hosting.")
    assert coded(events) == [("CONSULT", ["JPNGOV"], ["EGYGOV"])]


def test_an_indefinite_event_in_a_temporal_phrase_is_told_for_the_first_time(pipeline):
    new = code(pipeline, "Following a visit to Moscow, Chinese President Xi Jinping said "
                         "ties were strong.")
    told = code(pipeline, "Following the visit to Moscow, Chinese President Xi Jinping said "
                          "ties were strong.")
    assert coded(new) == [("CONSULT", ["CHNGOV"], ["RUSGOV"])]
    assert told == []


def test_the_capture_of_a_city_by_troops(pipeline) -> None:
    events = code(pipeline, "The rapid capture of Kherson by Russian troops shocked Ukraine.")
    assert ("COERCE", ["RUSMIL"], ["UKR"]) in coded(events)


def test_denying_that_something_happened_is_a_rejection(pipeline) -> None:
    events = code(pipeline, "Armenia denied that its troops had shelled the village.")
    assert ("REJECT", ["ARM"]) in [(e.event, [a.code for a in e.actor]) for e in events]


def test_summoning_an_ambassador_is_a_complaint(pipeline) -> None:
    events = code(pipeline, "Poland summoned the Belarusian ambassador on Tuesday.")
    assert coded(events) == [("ACCUSE", ["POL"], ["BLRGOV"])]


def test_an_announced_suspension_of_aid_is_a_sanction_by_the_announcer(pipeline) -> None:
    events = code(pipeline, "Germany announced a suspension of aid to Mali.")
    assert ("SANCTION", ["DEU"], ["MLI"]) in coded(events)


def test_sanctions_announced_by_someone_are_theirs(pipeline) -> None:
    events = code(pipeline, "New sanctions against Minsk were announced by Canada on Friday.")
    assert ("SANCTION", ["CAN"]) in [(e.event, [a.code for a in e.actor]) for e in events]


def test_a_capital_where_an_arrest_happened_is_the_country_not_its_government(pipeline):
    (event,) = code(pipeline, "Dozens were arrested in Tehran on Monday.")
    assert [a.code for a in event.recipient] == ["IRN"]


def test_a_meeting_abroad_does_not_give_its_place_country_to_a_role_noun(pipeline) -> None:
    events = code(pipeline, "The foreign minister met Sergei Lavrov in Moscow on Monday.")
    consult = [e for e in events if e.event == "CONSULT"]
    assert [[a.code for a in e.actor] for e in consult] == [["---GOV", "RUSGOV"]]


def test_people_killed_where_the_sentence_is_set_are_its_civilians(pipeline) -> None:
    events = code(pipeline, "Three gunmen killed nine people on Friday before they fled "
                            "to a village in Mali.")
    assert ("ASSAULT", ["MLIUAF"], ["MLICVL"]) in coded(events)


def test_suspects_and_attackers_are_actors(pipeline) -> None:
    events = code(pipeline, "Police in Nairobi arrested two suspects after the attackers "
                            "fled.")
    assert ("COERCE", ["KENCOP"], ["KENCRM"]) in coded(events)


@pytest.mark.parametrize(("text", "expected"), [
    # a curated sense outranks a converted CAMEO line ("dismiss obj:report" is CAMEO 016)
    ("Moscow dismissed the report as baseless.", ("REJECT", ["RUSGOV"])),
    ("The former governor pleaded not guilty to corruption charges.", ("REJECT", ["---GOV"])),
    ("The Supreme Court of Kenya ruled against the government.", ("SANCTION", ["KENJUD"])),
    ("Prosecutors in Seoul unsealed new charges against the former president.",
     ("ACCUSE", ["KORJUD"])),
    ("The parliament of Peru voted to impeach the president.", ("ACCUSE", ["PERLEG"])),
    ("Brazilian lawmakers denied funding for the new bridge.", ("REJECT", ["BRALEG"])),
    ("The Greek foreign minister called the incident an unacceptable provocation.",
     ("ACCUSE", ["GRCGOV"])),
    ("China's foreign ministry described the sanctions as illegal.", ("ACCUSE", ["CHNGOV"])),
    ("The Kenyan president called the agreement a historic step.", ("SUPPORT", ["KENGOV"])),
    ("Iran warned Israel of a harsh response.", ("THREATEN", ["IRN"])),
    ("The EU expressed concern over the arrests of journalists.", ("ACCUSE", ["IGOEUREEC"])),
    ("Israel closed the Kerem Shalom crossing.", ("COERCE", ["ISR"])),
    ("The African Union suspended Mali's membership.", ("SANCTION", ["IGOAFROAU"])),
    ("The ruling party of Kenya expelled two lawmakers.", ("SANCTION", ["KENGOV"])),
    ("Russia supplied Iran with air defence systems.", ("AID", ["RUS"])),
    ("Israel halted its offensive in Rafah.", ("RETREAT", ["ISR"])),
    ("Gunmen stormed a hotel in Mogadishu.", ("ASSAULT", ["SOMUAF"])),
    ("North Korea test-fired a ballistic missile.", ("MOBILIZE", ["PRK"])),
    ("Hungary blocked the EU aid package for Ukraine.", ("REJECT", ["HUN"])),
    ("Washington vowed to retaliate for the attack on its troops.", ("THREATEN", ["USAGOV"])),
])
def test_reported_judgments_and_legal_acts(pipeline, text, expected) -> None:
    events = code(pipeline, text)
    assert expected in [(e.event, [a.code for a in e.actor]) for e in events]


def test_filing_charges_is_one_accusation_not_an_arrest(pipeline) -> None:
    events = code(pipeline, "Prosecutors in Madrid filed charges against the Catalan leader.")
    assert [e.event for e in events] == ["ACCUSE"]


def test_expelling_a_member_from_a_body_is_a_sanction(pipeline) -> None:
    events = code(pipeline, "Three opposition legislators were expelled from the Ugandan "
                            "parliament.")
    assert [(e.event, e.mode) for e in events] == [("SANCTION", "expel")]


def test_what_someone_is_accused_of_is_theirs_and_only_alleged(pipeline) -> None:
    events = code(pipeline, "Ukraine accused Russia of shelling a hospital in Kharkiv.")
    shelling = [e for e in events if e.evidence.trigger == "shelling"]
    assert [([a.code for a in e.actor], e.auxiliary) for e in shelling] == [
        (["RUS"], "hypothetical")]
    assert ("ACCUSE", ["UKR"], ["RUS"]) in coded(events)


def test_an_apology_is_a_concession(pipeline) -> None:
    events = code(pipeline, "The Japanese government apologized to South Korea.")
    assert [e.event for e in events] == ["CONCEDE"]


def test_two_countries_clashing_are_both_actors(pipeline) -> None:
    events = code(pipeline, "Armenia and Azerbaijan clashed along their border.")
    assert coded(events) == [("ASSAULT", ["ARM", "AZE"], [])]


def test_jailing_is_a_conviction_and_an_arrest(pipeline) -> None:
    events = code(pipeline, "A court in Lima jailed the former mayor for eight years.")
    assert [(e.event, e.mode) for e in events] == [("SANCTION", "convict"), ("COERCE", "arrest")]
    assert events[0].event_id != events[1].event_id


def test_event_nouns_modifying_the_retold_one_are_the_same_event(pipeline) -> None:
    # the parser reads "march" as a modifier of "rally", the object of "held"
    events = code(pipeline, "Hundreds of students held a march and sit-in rally in Dhaka.")
    assert [e.event for e in events] == ["PROTEST"]


def test_describing_protests_is_no_protest_and_attending_one_is(pipeline) -> None:
    assert code(pipeline, "The BBC described the protests as peaceful.") == []
    attended = code(pipeline, "The rally was attended by thousands of teachers in Athens.")
    assert [(e.event, [a.code for a in e.actor]) for e in attended] == [("PROTEST", ["GRCEDU"])]


def test_a_suspect_charged_is_accused_not_arrested(pipeline) -> None:
    (event,) = code(pipeline, "A suspect in Ohio has been charged with murder.")
    assert (event.event, event.mode, [a.code for a in event.actor]) == (
        "ACCUSE", "allege", ["USAJUD"])


def test_what_an_attack_was_aimed_at_is_its_recipient(pipeline) -> None:
    events = code(pipeline, "Iran launched missiles targeting US troops in Iraq.")
    assert coded(events) == [("ASSAULT", ["IRN"], ["USAMIL"])]



def test_a_verb_read_by_its_object_and_the_noun_in_it_are_one_event(pipeline) -> None:
    events = code(pipeline, "Beijing lodged a protest with Washington over the arms sale.")
    assert coded(events) == [("ACCUSE", ["CHNGOV"], ["USAGOV"])]


def test_the_two_leaders_are_the_last_two_parties_named(pipeline) -> None:
    events = code(pipeline, "Vladimir Putin met Xi Jinping in Moscow on Monday. The two "
                            "leaders signed a trade agreement.")
    signed = [e for e in events if e.evidence.trigger == "signed"]
    assert [sorted(a.country for a in e.actor) for e in signed] == [["CHN", "RUS"]]


def test_having_no_plans_to_act_is_a_refusal_by_who_has_them(pipeline) -> None:
    events = code(pipeline, "France has no plans to send troops to Niger.")
    assert [(e.event, [a.code for a in e.actor], e.auxiliary) for e in events] == [
        ("REJECT", ["FRA"], None)]


def test_a_right_or_a_consensus_to_act_is_not_the_act(pipeline) -> None:
    events = code(pipeline, "Washington defended the right of Turkish troops to fire on "
                            "militants in Syria.")
    assert [e.auxiliary for e in events if e.evidence.trigger == "fire"] == ["hypothetical"]



@pytest.mark.parametrize("text", [
    "The rebels vowed to attack the capital next week.",
    "Protesters said they would block the main roads into Lima on Monday.",
    "Spain will not send troops to the region, the defence minister said.",
    "The court jailed the opposition leader for five years.",
])
def test_the_cameo_code_says_the_event_a_reading_makes_it(pipeline, text) -> None:
    from redshank.coding.plover import load_ontology

    ontology = load_ontology()
    events = code(pipeline, text)
    assert events
    for event in events:
        assert ontology.lookup(event.cameo).event == event.event, (event.event, event.cameo)


def test_a_stated_attack_is_a_threat_of_military_force(pipeline) -> None:
    events = code(pipeline, "Hezbollah vowed to strike Israeli towns.")
    assert [(e.event, e.cameo[:2]) for e in events] == [("THREATEN", "13")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Prosecutors are conducting an investigation of the company.", ["---JUD"]),
    ("Italian prosecutors carried out an inquiry into the bank.", ["ITAJUD"]),
    ("The United States Department of Justice is performing an investigation.", ["USAGOV"]),
])
def test_carrying_out_an_inquiry_is_investigating_not_demanding_one(pipeline, text,
                                                                     expected) -> None:
    events = code(pipeline, text)
    assert [(e.event, e.mode, [a.code for a in e.actor]) for e in events] == [
        ("ACCUSE", "investigate", expected)]


@pytest.mark.parametrize(("text", "sector"), [
    ("The Justice Department launched an investigation into the senator.", "GOV"),
    ("The Ministry of the Interior deported the activist.", "GOV"),
])
def test_a_ministry_named_by_its_portfolio_is_a_government_actor(pipeline, text,
                                                                 sector) -> None:
    (event,) = code(pipeline, text)
    assert [a.sector for a in event.actor] == [sector]


@pytest.mark.parametrize(("text", "events"), [
    ("Farmers made a plea to the president for emergency aid.", ["REQUEST"]),
    ("The defendant entered a plea of not guilty.", []),
])
def test_a_plea_to_someone_is_an_appeal_a_plea_in_court_is_not(pipeline, text,
                                                                events) -> None:
    assert [e.event for e in code(pipeline, text)] == events


@pytest.mark.parametrize(("text", "expected"), [
    ("Opposition lawmakers pressured the president to resign.",
     ("REQUEST", ["---LEG"], ["---GOV"])),
    ("The United States pressed Israel to allow more aid into Gaza.",
     ("REQUEST", ["USA"], ["ISR"])),
    ("Farmers lobbied the government to cut taxes.", ("REQUEST", ["---AGR"], ["---GOV"])),
])
def test_pressing_or_lobbying_someone_to_act_is_a_request(pipeline, text, expected) -> None:
    events = code(pipeline, text)
    assert expected in coded(events)
    assert all(e.auxiliary in (None, "hypothetical") for e in events if e.event != "REQUEST")


def test_a_jury_is_a_judicial_actor(pipeline) -> None:
    assert coded(code(pipeline, "The jury acquitted him.")) == [("CONCEDE", ["---JUD"], [])]


@pytest.mark.parametrize(("text", "recipient"), [
    ("Iran condemned the sanctions imposed by the United States.", ["USA"]),
    ("Mexico condemned the wall the United States is building.", ["USA"]),
    ("Russia denounced the plan announced by NATO on Monday.", ["IGOWSTNAT"]),
])
def test_who_did_what_is_criticized_is_its_recipient(pipeline, text, recipient) -> None:
    events = code(pipeline, text)
    assert [[r.code for r in e.recipient] for e in events if e.event == "ACCUSE"] == [
        recipient]


def test_a_relative_pronoun_names_no_recipient(pipeline) -> None:
    events = code(pipeline, "The senators criticized the law which allows fines.")
    assert [[r.code for r in e.recipient] for e in events if e.event == "ACCUSE"] == [[]]


@pytest.mark.parametrize(("text", "event", "actor"), [
    # a name before the plan noun owns the plan
    ("Russia opposed U.S. plans to send warships to the Baltic.", "MOBILIZE", ["USA"]),
    ("Iran criticised British plans to send troops.", "MOBILIZE", ["GBR"]),
    # a plan welcomed or opposed is not said to be its subject's
    ("Iran welcomed the plan to send troops.", "MOBILIZE", ["---MIL"]),
    # one held or announced is
    ("Canada announced a plan to send troops.", "MOBILIZE", ["CAN"]),
    ("Canada devised a plan to send troops.", "MOBILIZE", ["CAN"]),
    # other nouns keep their verb's subject: a conference held to denounce
    ("Cuba held a news conference to denounce the sanctions.", "ACCUSE", ["CUB"]),
])
def test_who_holds_a_plan_does_what_it_says(pipeline, text, event, actor) -> None:
    assert [[a.code for a in e.actor] for e in code(pipeline, text) if e.event == event] \
        == [actor]


def test_weapons_deployed_are_mobilized_weapons_not_troops(pipeline) -> None:
    events = code(pipeline, "Russia opposed U.S. plans to deploy a missile defence system "
                            "in Poland.")
    assert [(e.event, e.mode) for e in events if e.event == "MOBILIZE"] == [
        ("MOBILIZE", "weapons")]
    events = code(pipeline, "The United States will deploy 3,000 troops to Poland.")
    assert [(e.event, e.mode) for e in events] == [("MOBILIZE", "troops")]


@pytest.mark.parametrize(("text", "events"), [
    # what is told about is not what is given
    ("Spain gave no details about its troops.", []),
    ("Germany provided information regarding the weapons.", []),
    # nor is another act in a clause of its own
    ("Britain wants to give diplomacy a chance before sending troops.", ["MOBILIZE"]),
    # what is given
    ("Germany provided weapons to the Kurds.", ["AID"]),
    ("The United States gave Ukraine millions of dollars in military aid.", ["AID"]),
])
def test_aid_is_what_is_given_not_what_is_told_about(pipeline, text, events) -> None:
    assert [e.event for e in code(pipeline, text)] == events


@pytest.mark.parametrize(("text", "event", "actor"), [
    # an aside between the relative word and its clause: the clause's own subject acts
    ("Greece guards the captured smugglers which, officials said, Italy has refused to "
     "accept.", "REJECT", ["ITA"]),
    ("Kenya holds the suspects who, police said, Uganda had asked to extradite.", "REQUEST",
     ["UGA"]),
])
def test_a_relative_clause_with_its_own_subject_is_that_subjects_act(pipeline, text, event,
                                                                      actor) -> None:
    events = code(pipeline, text)
    assert [[a.code for a in e.actor] for e in events if e.event == event] == [actor]


@pytest.mark.parametrize(("text", "actor"), [
    ("The rebels dropped their demand for a new constitution.", ["---REB"]),
    ("The demand for a referendum was dropped by the opposition party.", ["---OPP"]),
    ("Parliament repealed the ban on protests.", ["---LEG"]),
])
def test_dropping_a_demand_or_reversing_a_policy_is_a_concession(pipeline, text,
                                                                  actor) -> None:
    events = code(pipeline, text)
    assert [(e.event, [a.code for a in e.actor]) for e in events] == [("CONCEDE", actor)]
