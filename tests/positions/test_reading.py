"""Positions read from hand-built events: topic, stance, holder, speaker, hedges, date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from redshank.coding.arguments import implied_actor
from redshank.model import Event, Position
from redshank.positions import read_events
from tests.positions.conftest import Article, wales_article


def _positions(article: Article) -> list[Position]:
    return read_events(article.events, **article.reading_inputs()).positions


def _summary(positions: list[Position]) -> list[tuple]:
    return [(p.holder, p.topic, p.stance, p.speaker.name if p.speaker else None,
             p.sentence_index) for p in positions]


def test_refusals_of_ground_troops_with_date_and_speaker() -> None:
    positions = _positions(wales_article())
    troops = [p for p in positions if p.topic == "ground-troops"]
    assert _summary(troops) == [
        ("USA", "ground-troops", "refuse", "United States", 0),
        ("USA", "ground-troops", "refuse", "John Kerry", 1),
        ("USA", "ground-troops", "refuse", "John Kerry", 2),
    ]
    assert all(p.date == "2014-09-05" for p in troops)


def test_a_quoted_pronoun_holds_the_speakers_position_and_keeps_the_quote() -> None:
    kerry = next(p for p in _positions(wales_article()) if p.sentence_index == 1)
    assert kerry.holder == "USA" and kerry.speaker.name == "John Kerry"
    assert kerry.quote.startswith("“We will not be committing troops")
    assert any("holder USA: the speaker John Kerry" in r for r in kerry.reasons)


def test_a_red_line_without_an_event_continues_the_previous_quote() -> None:
    red_line = next(p for p in _positions(wales_article()) if p.sentence_index == 2)
    assert (red_line.stance, red_line.trigger, red_line.event_ids) == ("refuse", "red line", [])
    assert red_line.speaker.name == "John Kerry"


def test_an_organisations_plan_is_its_commitment() -> None:
    nato = [p for p in _positions(wales_article()) if p.holder == "NATO"]
    assert _summary(nato) == [("NATO", "intelligence", "commit", "NATO", 4)]


def test_an_organisations_official_holds_its_position() -> None:
    # the office code at the date is the United Nations': the envoy speaks for it
    article = Article("envoy", published="2009-03-02")
    s0 = article.add("The UN envoy Jan Novak urged donors to send more troops.")
    envoy = article.actor(s0, "Jan Novak", "IGOUNO", None, kind="person", name="Jan Novak",
                          actor_id="JAN_NOVAK")
    article.event(s0, "REQUEST", "urged", actors=[envoy])
    assert {(p.holder, p.topic, p.stance) for p in _positions(article)} == {
        ("UNITED_NATIONS", "ground-troops", "request")}
    # an organisation the core dictionary lacks: Phoenix gives the code to it alone
    article = Article("bank", published="2009-03-02")
    s0 = article.add("The bank's president Jan Novak urged donors to fund the new school.")
    head = article.actor(s0, "Jan Novak", "IGOUNODEVWBK", None, kind="person",
                         name="Jan Novak", actor_id="JAN_NOVAK")
    article.event(s0, "REQUEST", "urged", actors=[head])
    assert {(p.holder, p.topic, p.stance) for p in _positions(article)} == {
        ("WORLD_BANK", "funding", "request")}
    # someone whose code names no one organisation speaks for themselves
    article = Article("envoy", published="2009-03-02")
    s0 = article.add("The envoy Jan Novak urged donors to send more troops.")
    envoy = article.actor(s0, "Jan Novak", "IGOXXX", None, kind="person", name="Jan Novak",
                          actor_id="JAN_NOVAK")
    article.event(s0, "REQUEST", "urged", actors=[envoy])
    assert {p.holder for p in _positions(article)} == {"JAN_NOVAK"}


def test_the_reiterating_speaker_holds_a_refusal_about_forces() -> None:
    article = Article("reiterate", published="2014-09-14")
    s0 = article.add("However, Kerry reiterated President Barack Obama's previous statement "
                     "that U.S. ground troops would not be deployed against ISIL, although he "
                     "left open the possibility that could change down the road.")
    kerry = article.actor(s0, "Kerry", "USAGOV", "USA", kind="person", name="John Kerry")
    article.actor(s0, "President Barack Obama", "USAGOV", "USA", kind="person",
                  name="Barack Obama")
    troops = article.actor(s0, "U.S. ground troops", "USAMIL", "USA")
    article.event(s0, "REJECT", "deployed", actors=[troops], mobilized=True)
    (position,) = _positions(article)
    assert (position.holder, position.topic, position.stance) == ("USA", "ground-troops",
                                                                  "refuse")
    assert position.speaker == kerry
    assert position.hedges == ["left open the possibility", "could change", "down the road"]


def test_a_hedge_about_another_topic_stays_with_that_topic() -> None:
    article = Article("harper")
    s0 = article.add("Harper said Canada would not send ground troops, although he did not "
                     "rule out airstrikes.")
    article.actor(s0, "Harper", "CANGOV", "CAN", kind="person", name="Stephen Harper")
    canada = article.actor(s0, "Canada", "CAN", "CAN")
    article.event(s0, "REJECT", "send", actors=[canada])
    found = {p.topic: p for p in _positions(article)}
    assert (found["ground-troops"].stance, found["ground-troops"].hedges) == ("refuse", [])
    assert (found["airstrikes"].stance, found["airstrikes"].hedges) == ("hedge",
                                                                       ["not rule out"])
    assert found["airstrikes"].speaker.name == "Stephen Harper"


def test_a_request_is_the_askers_and_not_the_asked_partys() -> None:
    article = Article("ask", published="2014-06-11")
    s0 = article.add("Iraq asked U.S. to bomb militants")
    iraq = article.actor(s0, "Iraq", "IRQ", "IRQ")
    usa = article.actor(s0, "U.S.", "USA", "USA")
    militants = article.actor(s0, "militants", "---UAF", kind="armed_group")
    article.event(s0, "REQUEST", "asked", actors=[iraq], recipients=[usa])
    article.event(s0, "ASSAULT", "bomb", actors=[usa], recipients=[militants], mode="aerial",
                  auxiliary="hypothetical", cue="asked", lemmas=["ask"])
    assert _summary(_positions(article)) == [("IRQ", "airstrikes", "request", "Iraq", 0)]


def test_negated_actions_are_refusals_only_with_a_refusal_cue() -> None:
    article = Article("negated", published="2014-06-11")
    s0 = article.add("The U.S. is not considering using warplanes to strike them.")
    usa = article.actor(s0, "U.S.", "USA", "USA")
    article.event(s0, "ASSAULT", "strike", actors=[usa], auxiliary="negated",
                  cue="not considering", lemmas=["not", "consider"])
    s1 = article.add("Britain has not deployed troops to Iraq so far.")
    britain = article.actor(s1, "Britain", "GBR", "GBR")
    article.event(s1, "MOBILIZE", "deployed", actors=[britain], mode="troops",
                  auxiliary="negated", cue="not deployed", lemmas=["not", "deploy"])
    assert _summary(_positions(article)) == [("USA", "airstrikes", "refuse", "U.S.", 0)]


def test_an_intention_is_a_commitment_and_an_offer_an_offer() -> None:
    article = Article("intent")
    s0 = article.add("France is ready to carry out airstrikes in Iraq.")
    france = article.actor(s0, "France", "FRA", "FRA")
    article.event(s0, "ASSAULT", "carry out", actors=[france], mode="aerial",
                  auxiliary="hypothetical", cue="ready")
    s1 = article.add("Saudi Arabia offered training for Syrian rebels.")
    saudi = article.actor(s1, "Saudi Arabia", "SAU", "SAU")
    article.event(s1, "AGREE", "offered", actors=[saudi])
    assert _summary(_positions(article)) == [("FRA", "airstrikes", "commit", "France", 0),
                                             ("SAU", "training", "offer", "Saudi Arabia", 1)]


def test_that_suggestion_takes_the_previous_sentences_topic() -> None:
    article = Article("anaphor", published="2014-06-11")
    s0 = article.add("Zebari floated the idea that armed drones might be used in Iraq.")
    zebari = article.actor(s0, "Zebari", "IRQGOV", "IRQ", kind="person", name="Hoshyar Zebari")
    article.event(s0, "REQUEST", "floated", actors=[zebari], day="2013", precision="year")
    s1 = article.add("U.S. officials dismissed that suggestion at the time.")
    officials = article.actor(s1, "U.S. officials", "USAGOV", "USA")
    article.event(s1, "REJECT", "dismissed", actors=[officials], day="2013", precision="year")
    positions = _positions(article)
    assert _summary(positions) == [("IRQ", "airstrikes", "request", "Hoshyar Zebari", 0),
                                   ("USA", "airstrikes", "refuse", "U.S. officials", 1)]
    assert positions[1].date == "2013" and "previous sentence" in positions[1].reasons[1]


def test_events_without_a_topic_state_no_position() -> None:
    article = Article("no-topic")
    s0 = article.add("McDonough declined to offer more information.")
    mcdonough = article.actor(s0, "McDonough", "USAGOV", "USA", kind="person")
    article.event(s0, "AGREE", "offer", actors=[mcdonough], auxiliary="negated",
                  cue="declining", lemmas=["decline"])
    assert _positions(article) == []


def test_two_events_of_one_refusal_make_one_position_with_both_ids() -> None:
    article = Article("double")
    s0 = article.add("The United States ruled out committing ground forces.")
    usa = article.actor(s0, "United States", "USA", "USA")
    forces = article.actor(s0, "ground forces", "---MIL", kind="other")
    first = article.event(s0, "REJECT", "ruled out", actors=[usa])
    second = article.event(s0, "MOBILIZE", "committing", actors=[usa], recipients=[forces],
                           mode="troops", auxiliary="negated", cue="rule out")
    (position,) = _positions(article)
    assert position.event_ids == [first.event_id, second.event_id]


def test_events_alone_are_read_on_a_parse_of_their_own_sentences() -> None:
    """Without the document, each event's sentence is parsed on its own: the same
    positions, less the red line stated in a sentence with no event."""
    article = wales_article()
    alone = _summary(read_events(article.events).positions)
    assert alone == [s for s in _summary(_positions(article)) if s[4] != 2]
    assert ("USA", "ground-troops", "refuse", "John Kerry", 1) in alone


def _swap(article: Article, event: Event, **changes: object) -> Event:
    """The event with some fields as the coder would set them (date words, an implied
    actor), in place of the original."""
    changed = replace(event, **changes)
    article.events[article.events.index(event)] = changed
    return changed


def test_a_cut_or_a_withdrawal_is_never_a_commitment_of_ground_troops() -> None:
    article = Article("cut", published="2007-05-10")
    s0 = article.add("Britain will reduce its troop level in Cyprus by 10 percent.")
    britain = article.actor(s0, "Britain", "GBR", "GBR")
    article.event(s0, "AGREE", "reduce", actors=[britain])
    s1 = article.add("Britain will withdraw its remaining troops from Cyprus.")
    britain = article.actor(s1, "Britain", "GBR", "GBR")
    article.event(s1, "RETREAT", "withdraw", actors=[britain], auxiliary="future", cue="will")
    s2 = article.add("Britain will not withdraw its troops from Cyprus before the talks end.")
    britain = article.actor(s2, "Britain", "GBR", "GBR")
    article.event(s2, "REJECT", "withdraw", actors=[britain], cue="not withdraw")
    s3 = article.add("Poland will withdraw its troops from Chad and send 1,000 soldiers to "
                     "Congo.")
    poland = article.actor(s3, "Poland", "POL", "POL")
    article.event(s3, "AGREE", "send", actors=[poland])
    s4 = article.add("Poland will withdraw the last of the soldiers it sent to Chad.")
    poland = article.actor(s4, "Poland", "POL", "POL")
    article.event(s4, "AGREE", "withdraw", actors=[poland])
    assert _summary(_positions(article)) == [
        ("GBR", "troop-levels", "commit", "Britain", 0),
        ("GBR", "withdrawal", "commit", "Britain", 1),
        ("GBR", "withdrawal", "refuse", "Britain", 2),
        ("POL", "withdrawal", "commit", "Poland", 3),
        ("POL", "ground-troops", "commit", "Poland", 3),  # it also sends troops
        ("POL", "withdrawal", "commit", "Poland", 4),  # the event withdraws, whatever troops
    ]


def test_a_hedge_on_a_withdrawal_stays_with_it() -> None:
    article = Article("hedge-withdrawal", published="2007-05-10")
    s0 = article.add("Britain will not withdraw its troops for now.")
    britain = article.actor(s0, "Britain", "GBR", "GBR")
    article.event(s0, "REJECT", "withdraw", actors=[britain], cue="not withdraw")
    (position,) = _positions(article)
    assert (position.topic, position.hedges) == ("withdrawal", ["for now"])


def test_a_third_partys_demand_is_the_demanders_request_not_the_targets_stance() -> None:
    article = Article("demand", published="2007-05-10")
    s0 = article.add("The Green Brigade demanded that Japan withdraw its 550 soldiers from "
                     "Haiti.")
    brigade = article.actor(s0, "Green Brigade", "IMGGRB", kind="armed_group",
                            actor_id="GREEN_BRIGADE")
    japan = article.actor(s0, "Japan", "JPN", "JPN")
    article.event(s0, "REQUEST", "demanded", actors=[brigade], recipients=[japan])
    article.event(s0, "RETREAT", "withdraw", actors=[japan], auxiliary="hypothetical",
                  cue="demanded", lemmas=["demand"])
    s1 = article.add("The Green Brigade wants Slovakia to withdraw its soldiers.")
    article.actor(s1, "Green Brigade", "IMGGRB", kind="armed_group", actor_id="GREEN_BRIGADE")
    slovakia = article.actor(s1, "Slovakia", "SVK", "SVK")
    article.event(s1, "RETREAT", "withdraw", actors=[slovakia], auxiliary="hypothetical",
                  cue="wants", lemmas=["want"])
    s2 = article.add("The Green Brigade demanded that Poland not send more troops.")
    article.actor(s2, "Green Brigade", "IMGGRB", kind="armed_group", actor_id="GREEN_BRIGADE")
    poland = article.actor(s2, "Poland", "POL", "POL")
    article.event(s2, "REJECT", "send", actors=[poland], cue="not send")
    positions = _positions(article)
    assert _summary(positions) == [
        ("GREEN_BRIGADE", "withdrawal", "request", "Green Brigade", 0),
        ("GREEN_BRIGADE", "withdrawal", "request", "Green Brigade", 1),
    ]
    assert len(positions[0].event_ids) == 2  # the demand and the demanded withdrawal


def test_a_cut_announced_by_a_prime_minister_is_his_states_not_the_hosts() -> None:
    """The coder implies an actor for an agentless passive (the host's courts) and names
    troops by where they are ("soldiers in southern Cyprus": Cyprus's): neither is whose
    position it is."""
    article = Article("host", published="2007-05-10")
    text = ("Danish Prime Minister Anders Fogh Rasmussen said the soldiers in southern "
            "Cyprus would be withdrawn by August.")
    s0 = article.add(text)
    article.actor(s0, "Danish Prime Minister Anders Fogh Rasmussen", "DNKGOV", "DNK",
                  kind="person", name="Anders Fogh Rasmussen")
    soldiers = article.actor(s0, "soldiers in southern Cyprus", "CYPMIL", "CYP")
    at = article.sentences[s0].span.start + text.index("withdrawn")
    implied = implied_actor("CYP", "JUD", at, "'withdrawn' names no actor")
    _swap(article, article.event(s0, "AGREE", "withdrawn", actors=[implied]),
          actor_inferred=True)
    s1 = article.add(text)
    article.actor(s1, "Danish Prime Minister Anders Fogh Rasmussen", "DNKGOV", "DNK",
                  kind="person", name="Anders Fogh Rasmussen")
    soldiers = article.actor(s1, "soldiers in southern Cyprus", "CYPMIL", "CYP")
    article.event(s1, "AGREE", "withdrawn", actors=[soldiers])
    assert _summary(_positions(article)) == [
        ("DNK", "withdrawal", "commit", "Anders Fogh Rasmussen", 0),
        ("DNK", "withdrawal", "commit", "Anders Fogh Rasmussen", 1),
    ]


def test_a_target_date_is_kept_apart_from_the_statement_date() -> None:
    article = Article("target", published="2007-05-10")
    s0 = article.add("Italy would pull out its 3,000 troops from Bosnia by 2008, Prodi said.")
    italy = article.actor(s0, "Italy", "ITA", "ITA")
    _swap(article, article.event(s0, "AGREE", "pull out", actors=[italy], day="2008",
                                 precision="year"), date_text="by 2008")
    s1 = article.add("The Philippines will pull its 50 troops out of Haiti by July 20.")
    philippines = article.actor(s1, "Philippines", "PHL", "PHL")
    # the coder read "by July 20" as the last July 20 before publication
    _swap(article, article.event(s1, "RETREAT", "pull", actors=[philippines],
                                 auxiliary="future", cue="will", day="2006-07-20",
                                 precision="day"), date_text="by July 20")
    italy_position, philippines_position = _positions(article)
    assert (italy_position.topic, italy_position.date, italy_position.date_start) == (
        "withdrawal", "2007-05-10", date(2007, 5, 10))
    assert (italy_position.target_text, italy_position.target_date) == ("by 2008",
                                                                        date(2008, 12, 31))
    assert philippines_position.date == "2007-05-10"
    assert (philippines_position.target_text, philippines_position.target_date) == (
        "by July 20", date(2007, 7, 20))


def test_a_past_statement_keeps_its_own_date_and_has_no_target() -> None:
    positions = _positions(wales_article())
    assert all(p.target_date is None and p.target_text is None for p in positions)
    zebari = Article("past", published="2014-06-11")
    s0 = zebari.add("Zebari floated the idea that armed drones might be used in Iraq.")
    actor = zebari.actor(s0, "Zebari", "IRQGOV", "IRQ", kind="person", name="Hoshyar Zebari")
    zebari.event(s0, "REQUEST", "floated", actors=[actor], day="2013", precision="year")
    (position,) = _positions(zebari)
    assert (position.date, position.target_date) == ("2013", None)


def test_positions_keep_their_target_through_json_and_older_records_still_load() -> None:
    article = Article("json", published="2007-05-10")
    s0 = article.add("Italy will withdraw its troops from Bosnia by the end of the year.")
    italy = article.actor(s0, "Italy", "ITA", "ITA")
    article.event(s0, "RETREAT", "withdraw", actors=[italy], auxiliary="future", cue="will")
    (position,) = _positions(article)
    assert position.target_date == date(2007, 12, 31)
    record = position.to_json()
    assert record["target_date"] == "2007-12-31"
    assert Position.from_json(record) == position
    older = {k: v for k, v in record.items() if k not in ("target_date", "target_text")}
    assert Position.from_json(older).target_date is None


def _one_event(text: str, kind: str, trigger: str, actor: tuple, **event: object) -> Article:
    """An article of one sentence with one event by one actor (text, code, country and
    the keywords of Article.actor)."""
    article = Article("one", published="2007-05-10")
    s0 = article.add(text)
    words, code, country, *rest = actor
    found = article.actor(s0, words, code, country, **(rest[0] if rest else {}))
    article.event(s0, kind, trigger, actors=[found], **event)  # type: ignore[arg-type]
    return article


NORWAY = ("Norway", "NOR", "NOR")


@pytest.mark.parametrize("text", [
    "Norway called for the release of two captured soldiers.",
    "Norway called for the bodies of the dead soldiers to be returned.",
    "Norway called for the return of the soldier.",  # one soldier is a person
    "Norway called for the young soldier to be sent home.",
    "Norway called for a ban on cluster bombs.",
    "Norway called for an end to the suicide bombings.",
    "Norway called for an inquiry into the intelligence agencies.",
    "Norway called for a development fund for the north.",
    "Norway called for a meeting of the International Monetary Fund.",
])
def test_words_of_a_topic_that_name_no_action_give_no_topic(text: str) -> None:
    """Soldiers held or killed, a state's own or a terrorist's bombs, intelligence
    agencies, a fund, a proper name: none is a troop, airstrike, intelligence or funding
    request."""
    assert _positions(_one_event(text, "REQUEST", "called", NORWAY)) == []


def test_a_request_for_troops_next_to_no_topic_words_keeps_its_topic() -> None:
    article = _one_event("Norway called for more soldiers to protect the aid convoys.",
                         "REQUEST", "called", NORWAY)
    assert _summary(_positions(article)) == [("NOR", "ground-troops", "request", "Norway", 0)]
    # not a single soldier is troops, not a person
    article = _one_event("Norway refused to send a single soldier to the war.",
                         "REJECT", "refused", NORWAY)
    assert _summary(_positions(article)) == [("NOR", "ground-troops", "refuse", "Norway", 0)]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Iran denied allegations that its army had sent troops to Syria.", "denied"),
    ("Iran denies its troops are fighting in Syria.", "denies"),
    ("Iran rejected reports of troops on its border.", "rejected"),
])
def test_a_denial_of_a_claim_is_no_refusal(text: str, trigger: str) -> None:
    article = _one_event(text, "REJECT", trigger, ("Iran", "IRN", "IRN"))
    assert _positions(article) == []


def test_a_rejected_deployment_is_still_a_refusal() -> None:
    article = _one_event("Iran rejected the deployment of foreign troops.", "REJECT",
                         "rejected", ("Iran", "IRN", "IRN"))
    assert _summary(_positions(article)) == [("IRN", "ground-troops", "refuse", "Iran", 0)]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Ghana is calling the payments humanitarian aid.", "calling"),
    ("Ghana asked the minister whether the troops would stay.", "asked"),
])
def test_a_naming_call_or_a_question_is_no_request(text: str, trigger: str) -> None:
    assert _positions(_one_event(text, "REQUEST", trigger, ("Ghana", "GHA", "GHA"))) == []


def test_a_generic_party_given_the_targets_country_holds_nothing() -> None:
    """The coder reads "leaders" acting on Sudan as Sudan's own (a domestic reading): the
    European leaders' demand is not Sudan's request."""
    article = Article("generic", published="2007-05-10")
    s0 = article.add("Several European leaders urged Sudan to allow the deployment of U.N. "
                     "troops.")
    leaders = article.actor(s0, "leaders", "SDNGOV", "SDN", kind="other", sector="GOV",
                            name="leader")
    sudan = article.actor(s0, "Sudan", "SDN", "SDN")
    article.event(s0, "REQUEST", "urged", actors=[leaders], recipients=[sudan])
    assert _positions(article) == []


def test_a_states_protesters_hold_their_own_position_not_the_states() -> None:
    article = _one_event("Protesters in Kenya asked the government to send troops to "
                         "Somalia.", "REQUEST", "asked",
                         ("Protesters in Kenya", "KENOPP", "KEN",
                          {"sector": "OPP", "actor_id": "KENOPP", "name": "Kenya opposition"}))
    (position,) = _positions(article)
    assert (position.holder, position.holder_name, position.topic, position.stance) == (
        "KENOPP", "Kenya opposition", "ground-troops", "request")


def test_a_generic_agent_outside_the_state_is_not_the_speakers_side() -> None:
    article = Article("businessman", published="2007-05-10")
    s0 = article.add("“A businessman will give you that money only for a favour,” Murray said.")
    article.actor(s0, "Murray", "AUSLEG", "AUS", kind="person", sector="LEG",
                  name="Andrew Murray")
    businessman = article.actor(s0, "businessman", "---BUS", kind="other", sector="BUS")
    article.event(s0, "AGREE", "give", actors=[businessman], auxiliary="future", cue="will")
    assert _positions(article) == []


def test_an_inability_on_a_condition_is_a_hedge_not_a_refusal() -> None:
    article = _one_event("The UN said it would be unable to provide food aid unless the "
                         "fighting stops.", "REJECT", "provide",
                         ("UN", "IGOUNO", None, {"kind": "igo", "actor_id": "UNITED_NATIONS"}),
                         cue="unable")
    (position,) = _positions(article)
    assert (position.topic, position.stance) == ("humanitarian-aid", "hedge")
    assert "unless" in position.hedges


@pytest.mark.parametrize(("text", "stances"), [
    ("“We have never sent troops to a war,” Rasmussen said.", []),
    ("“We will never send troops to a war,” Rasmussen said.", ["refuse"]),
])
def test_a_refusal_cue_over_the_past_refuses_nothing(text: str, stances: list[str]) -> None:
    article = Article("past-cue", published="2007-05-10")
    s0 = article.add(text)
    article.actor(s0, "Rasmussen", "DNKGOV", "DNK", kind="person", name="Anders Rasmussen")
    assert [p.stance for p in _positions(article)] == stances


def test_what_troops_do_is_no_position_on_troops_unless_it_moves_them() -> None:
    article = Article("doers", published="2007-05-10")
    s0 = article.add("Kenyan troops warned residents to stay indoors.")
    troops = article.actor(s0, "Kenyan troops", "KENMIL", "KEN", sector="MIL")
    article.event(s0, "THREATEN", "warned", actors=[troops])
    s1 = article.add("Kenyan troops will stay in Somalia until the end of the year.")
    troops = article.actor(s1, "Kenyan troops", "KENMIL", "KEN", sector="MIL")
    article.event(s1, "AGREE", "stay", actors=[troops], auxiliary="future", cue="will")
    assert _summary(_positions(article)) == [("KEN", "ground-troops", "commit",
                                              "Kenyan troops", 1)]


@pytest.mark.parametrize("text", [
    "Norway called for an inquiry into the bombing.",
    "Norway called for the return of the money.",
    "Norway called for a pardon for the executed soldiers.",
    "Norway called for the militants to hand over their weapons.",
    "Norway called for an end to the arms race.",
])
def test_a_bombing_money_executed_soldiers_and_disarmament_give_no_topic(text: str) -> None:
    """A bombing (a terrorist's, or one inquired into), money not given, soldiers
    executed, weapons handed over and an arms race name no action a position is on."""
    assert _positions(_one_event(text, "REQUEST", "called", NORWAY)) == []


@pytest.mark.parametrize(("text", "trigger", "topic"), [
    ("Norway offered money to rebuild the schools.", "offered", "funding"),
    ("Norway agreed to sell fighter jets to Chile.", "agreed", "arms"),
    ("Norway agreed to a bombing campaign against the rebels.", "agreed", "airstrikes"),
])
def test_money_given_is_funding_and_a_sale_of_fighter_jets_is_arms(
        text: str, trigger: str, topic: str) -> None:
    (position,) = _positions(_one_event(text, "AGREE", trigger, NORWAY))
    assert position.topic == topic


@pytest.mark.parametrize(("text", "trigger"), [
    ("Chad denies sending soldiers into Darfur.", "denies"),
    ("Chad denied any involvement in the arms shipments.", "denied"),
])
def test_a_denial_of_having_done_something_is_no_refusal(text: str, trigger: str) -> None:
    assert _positions(_one_event(text, "REJECT", trigger, ("Chad", "TCD", "TCD"))) == []


def test_a_court_and_people_given_only_the_articles_country_hold_nothing() -> None:
    article = Article("no-holder", published="2007-05-10")
    s0 = article.add("A federal judge approved a loan of $2 billion to the airline.")
    judge = article.actor(s0, "federal judge", "USAJUD", "USA", sector="JUD")
    article.event(s0, "AGREE", "approved", actors=[judge])
    s1 = article.add("People are calling for the withdrawal of troops from the region.")
    people = replace(article.actor(s1, "People", "USACVL", "USA", sector="CVL"),
                     country_from="article")
    article.event(s1, "REQUEST", "calling", actors=[people])
    s2 = article.add("Americans are calling for the withdrawal of troops from the region.")
    named = article.actor(s2, "Americans", "USACVL", "USA", sector="CVL", actor_id="USACVL")
    article.event(s2, "REQUEST", "calling", actors=[named])
    assert _summary(_positions(article)) == [("USACVL", "withdrawal", "request", "Americans", 2)]


def test_a_request_made_of_troops_is_no_request_for_troops() -> None:
    article = Article("asked-troops", published="2007-05-10")
    s0 = article.add("Norway urged the rebel troops to stop their advance.")
    norway = article.actor(s0, "Norway", "NOR", "NOR")
    troops = article.actor(s0, "rebel troops", "---REB", kind="other", sector="REB")
    article.event(s0, "REQUEST", "urged", actors=[norway], recipients=[troops])
    s1 = article.add("Norway urged Sweden to send troops.")
    norway = article.actor(s1, "Norway", "NOR", "NOR")
    sweden = article.actor(s1, "Sweden", "SWE", "SWE")
    article.event(s1, "REQUEST", "urged", actors=[norway], recipients=[sweden])
    assert _summary(_positions(article)) == [("NOR", "ground-troops", "request", "Norway", 1)]


@pytest.mark.parametrize(("text", "stances"), [
    ("“We will not send troops there,” Rasmussen said.", ["refuse"]),
    ("“Our soldiers will not go there,” Rasmussen said.", ["refuse"]),
    ("“It will not be easy to send troops there,” Rasmussen said.", []),
    ("“You won't see a soldier in the streets,” Rasmussen said.", []),
    ("“This does not say we are not going to send troops,” Rasmussen said.", []),
    ("“We will not stand by, because our soldiers are in danger,” Rasmussen said.", []),
])
def test_a_refusal_cue_refuses_only_for_the_speakers_side_and_its_own_clause(
        text: str, stances: list[str]) -> None:
    """"will not" refuses for its subject when that is the speaker's side, not under a
    negated saying (a denial of a refusal), and only on its own clause's topic."""
    article = Article("modal-cue", published="2007-05-10")
    s0 = article.add(text)
    article.actor(s0, "Rasmussen", "DNKGOV", "DNK", kind="person", name="Anders Rasmussen")
    assert [p.stance for p in _positions(article)] == stances
