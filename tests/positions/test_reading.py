"""Positions read from hand-built events: topic, stance, holder, speaker, hedges, date."""

from __future__ import annotations

from redshank.model import Position
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
