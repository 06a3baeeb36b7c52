"""Timelines flag changes of stance and hedges, per actor and topic."""

from __future__ import annotations

from redshank.positions import read_events, timeline
from tests.positions.conftest import Article


def _harper_month() -> list:
    """Canada on ground troops: a refusal, a hedged refusal, then an offer."""
    positions = []
    for doc_id, published, text, kind, trigger in (
        ("sep", "2014-09-10", "Canada will not send ground troops, Harper said.", "REJECT",
         "send"),
        ("oct", "2014-10-03", "Canada will not send ground troops for now, Harper said.",
         "REJECT", "send"),
        ("nov", "2014-11-20", "Canada offered ground troops to the coalition, Harper said.",
         "AGREE", "offered"),
    ):
        article = Article(doc_id, published=published)
        index = article.add(text)
        canada = article.actor(index, "Canada", "CAN", "CAN")
        article.actor(index, "Harper", "CANGOV", "CAN", kind="person", name="Stephen Harper")
        article.event(index, kind, trigger, actors=[canada])
        positions.extend(read_events(article.events, **article.reading_inputs()).positions)
    return positions


def test_changes_and_hedges_are_flagged_in_time_order() -> None:
    entries = timeline(list(reversed(_harper_month())))
    assert [(e.position.date, e.position.stance) for e in entries] == [
        ("2014-09-10", "refuse"), ("2014-10-03", "refuse"), ("2014-11-20", "offer")]
    assert [e.flags for e in entries] == [
        [], ["hedge: for now"], ["change: refuse -> offer (was refuse on 2014-10-03)"]]
    assert all(e.position.speaker.name == "Stephen Harper" for e in entries)


def test_other_actors_and_topics_do_not_count_as_changes() -> None:
    article = Article("mixed")
    s0 = article.add("Britain offered airstrikes.")
    article.event(s0, "AGREE", "offered", actors=[article.actor(s0, "Britain", "GBR", "GBR")])
    positions = _harper_month()[:1] + read_events(article.events,
                                                  **article.reading_inputs()).positions
    assert all(entry.flags == [] for entry in timeline(positions))


def test_timeline_json_has_the_position_and_its_flags() -> None:
    record = timeline(_harper_month())[1].to_json()
    assert record["flags"] == ["hedge: for now"] and record["topic"] == "ground-troops"
    assert record["speaker"]["name"] == "Stephen Harper" and record["date"] == "2014-10-03"
