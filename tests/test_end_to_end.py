"""The seed articles, end to end: the events a user must see, with dates and evidence."""

from __future__ import annotations

from datetime import date

import pytest

from redshank.api import ingest
from redshank.explain import explain_event
from redshank.model import Event
from redshank.positions import derive_pending
from redshank.query import event_query
from redshank.store import PositionQuery, open_store
from tests.conftest import SEEDS

COALITION, TROOPS, REQUEST = "000_11fe88d6595ed0da", "001_dce3ab4f66cebe96", "002_b69bd920d9e2bfbe"


def countries(actors) -> set[str | None]:
    return {actor.country for actor in actors}


def find(events: list[Event], kind: str, actor: str, recipient: str | None = None) -> list[Event]:
    return [e for e in events if e.event == kind and actor in countries(e.actor)
            and (recipient is None or recipient in countries(e.recipient))]


@pytest.fixture(scope="module")
def store(pipeline):
    with open_store(":memory:") as store:
        ingest([str(SEEDS / "manifest.jsonl")], store=store, pipeline=pipeline)
        yield store


def listed(store, **filters) -> list[Event]:
    return store.query_events(event_query(**filters))


def test_iraq_asked_the_united_states_for_airstrikes_in_may(store) -> None:
    events = find(listed(store, doc=REQUEST), "REQUEST", "IRQ", "USA")
    dated = [e for e in events if e.date == "2014-05"]
    assert dated, [(e.date, e.evidence.trigger) for e in events]
    assert dated[0].date_precision == "month" and dated[0].date_text == "in May"
    assert dated[0].mode == "assist" and "military" in dated[0].context
    assert "al-Maliki" in dated[0].actor[0].text


def test_the_white_house_rebuffed_iraq(store) -> None:
    events = find(listed(store, doc=REQUEST), "REJECT", "USA", "IRQ")
    assert [e.evidence.trigger for e in events] == ["rebuffed"]
    assert events[0].actor[0].text == "White House"


def test_britain_raised_its_alert_in_the_week_before_publication(store) -> None:
    events = find(listed(store, doc=COALITION), "MOBILIZE", "GBR")
    assert len(events) == 1
    event = events[0]
    assert event.date_precision == "week" and event.date_text == "last week"
    assert date(2014, 8, 29) <= event.date_end < date(2014, 9, 5)


def test_no_american_deployment_or_attack_is_listed_from_the_kerry_interview(store) -> None:
    shown = listed(store, doc=TROOPS)
    assert not [e for e in shown if e.event in ("MOBILIZE", "ASSAULT")
                and "USA" in countries(e.actor)]
    refusals = find(shown, "REJECT", "USA")
    assert {e.evidence.trigger for e in refusals} >= {"deployed", "put"}
    assert all(e.mode == "assist" and "military" in e.context for e in refusals)


def test_the_refusal_of_ground_forces_is_a_reject(store) -> None:
    events = find(listed(store, doc=COALITION), "REJECT", "USA")
    assert any(e.evidence.trigger == "ruling out" and "military" in e.context for e in events)


def test_historical_withdrawal_gets_its_own_date(store) -> None:
    events = find(listed(store, doc=REQUEST, include_all=True), "RETREAT", "USA", "IRQ")
    assert [(e.date, e.auxiliary) for e in events] == [("2011", "historical")]


def test_quoted_we_is_attributed_to_the_speaker(store) -> None:
    quoted = [e for e in listed(store, doc=COALITION, include_all=True) if e.quote]
    assert quoted and all(e.quote.speaker and e.quote.speaker.name == "John Kerry"
                          for e in quoted)


def test_every_event_points_at_its_evidence(store) -> None:
    events = listed(store, include_all=True)
    assert len(events) >= 15
    for event in events:
        text = store.get_document(event.doc_id).text
        span = event.evidence.span
        assert text[span.start:span.end] == event.evidence.trigger.split()[0]
        for actor in (*event.actor, *event.recipient):
            assert text[actor.span.start:actor.span.end] == actor.text
        assert event.sentence in text
        why = explain_event(event)
        assert event.evidence.rule in why and "[TRIGGER:" in why


def test_ingesting_the_same_input_twice_adds_nothing(store, pipeline) -> None:
    before = store.counts()
    summary = ingest([str(SEEDS / "manifest.jsonl")], store=store, pipeline=pipeline)
    assert (summary.documents, summary.skipped, summary.events) == (0, 3, 0)
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in before.items() if k != "runs"}


def test_ingest_derives_positions_on_the_coded_records_not_from_the_store(pipeline) -> None:
    with open_store(":memory:") as store:
        summary = ingest([str(SEEDS / "manifest.jsonl")], store=store, pipeline=pipeline)
        assert summary.documents == 3 and store.underived_doc_ids() == []
        assert summary.positions.documents == 3  # read on the records, a batch at a time
        assert derive_pending(store).documents == 0  # nothing was left to read back
        assert summary.positions.coalitions >= 1
        assert len(store.query_positions(PositionQuery(topic="ground-troops"))) >= 5
