"""The seed corpus through the real pipeline: the anti-IS coalition and the positions on
ground troops."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from redshank.cli.positions import coalitions
from redshank.positions import derive, derive_pending, derive_store, save_readings, timeline
from redshank.store import CoalitionQuery, PositionQuery, Store, open_store

WALES_MEMBERS = {"USA", "GBR", "FRA", "DEU", "CAN", "AUS", "TUR", "ITA", "POL", "DNK"}


@pytest.fixture(scope="module")
def seeded(seed_results) -> Iterator[Store]:
    """The coded seed corpus in a store, with positions and coalitions derived."""
    with open_store(":memory:") as store:
        for result in seed_results.values():
            store.save_result(result, "seed")
        derive(store, [e.event_id for r in seed_results.values() for e in r.events])
        yield store


def test_the_coalition_has_exactly_the_ten_named_members(seeded: Store) -> None:
    (coalition,) = coalitions(seeded, CoalitionQuery(against="ISIL"))
    assert {m.member for m in coalition.members} == WALES_MEMBERS
    assert all(m.joined == date(2014, 9, 5) and m.evidence.event_id for m in coalition.members)
    assert coalition.leaders == ["USA"]


def test_natos_plan_and_the_refusal_of_us_ground_troops(seeded: Store) -> None:
    (coalition,) = coalitions(seeded, CoalitionQuery(name="core group"))
    assert ("NATO", "intelligence") in {(g.actor, g.kind) for g in coalition.related}
    assert ("USA", "ground-troops", "refused") in {(g.actor, g.kind, g.status)
                                                   for g in coalition.limits}


def test_each_position_on_ground_troops_has_its_date_and_speaker(seeded: Store) -> None:
    troops = seeded.query_positions(PositionQuery(topic="ground-troops"))
    assert len(troops) >= 5
    assert all(p.date and p.speaker is not None for p in troops)
    assert {p.holder for p in troops} == {"USA"}
    assert {p.date for p in troops} == {"2014-09-05", "2014-09-14"}
    assert "John Kerry" in {p.speaker.name for p in troops}


def test_a_hedge_is_flagged(seeded: Store) -> None:
    entries = timeline(seeded.query_positions(PositionQuery(actor="USA",
                                                            topic="ground-troops")))
    flags = [f for e in entries for f in e.flags]
    assert any("left open the possibility" in f for f in flags)
    assert not any(f.startswith("change") for f in flags)


def test_positions_read_on_the_records_equal_those_read_back_from_the_store(seed_results
                                                                            ) -> None:
    results = list(seed_results.values())
    with open_store(":memory:") as store:
        for result in results:
            store.save_result(result, "seed")
        summary = save_readings(store, results)
        assert store.underived_doc_ids() == []
        assert summary.documents == 3 and summary.positions > 5
        on_records = store.query_positions(PositionQuery())
        memberships = store.memberships_of(store.coalition_ids())
        assert derive_pending(store).documents == 0
        derive_store(store)
        assert store.query_positions(PositionQuery()) == on_records
        assert store.memberships_of(store.coalition_ids()) == memberships


def test_the_coder_states_what_the_readers_need_as_typed_evidence(seed_results) -> None:
    """"U.S. ground troops would not be deployed": the actors are the forces, and the cue
    'not deployed' is carried as lemmas, not left in prose for positions to parse."""
    (deployed,) = [e for e in seed_results["001_dce3ab4f66cebe96"].events
                   if e.evidence.trigger == "deployed"]
    assert deployed.evidence.actors_mobilized
    assert deployed.evidence.auxiliary_lemmas == ["not", "deploy"]


def test_the_pipeline_carries_each_documents_reading_and_it_survives_pickling(seed_results
                                                                               ) -> None:
    """The stage's output travels on the result, as it must to come back from a worker."""
    result = seed_results["000_11fe88d6595ed0da"]
    assert result.reading is not None
    assert {m.member for m in result.reading.memberships} == WALES_MEMBERS
    assert pickle.loads(pickle.dumps(result)).reading == result.reading


def test_a_lower_case_article_states_the_same_positions_in_its_own_text(pipeline,
                                                                       seed_results) -> None:
    """Read on the truecased parse, cut from the original text: the same stances, and the
    evidence is the stored (lower-case) sentence."""
    cased = seed_results["001_dce3ab4f66cebe96"]
    document = replace(cased.document, id="lower", text=cased.document.text.lower())
    (lower,) = pipeline.run([document])
    assert lower.reading is not None and cased.reading is not None
    assert ([(p.holder, p.topic, p.stance) for p in lower.reading.positions]
            == [(p.holder, p.topic, p.stance) for p in cased.reading.positions])
    stored = {s.index: s.text for s in lower.sentences}
    assert all(p.sentence == stored[p.sentence_index].rstrip() and p.sentence.islower()
               for p in lower.reading.positions)
