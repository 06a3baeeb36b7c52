"""Inferred countries (`Actor.country_from`) and implied actors (`Event.actor_inferred`) are
stored, read back and filterable (a database of the schema before them is upgraded:
tests/store/test_migrations.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from redshank.store import EventQuery, Store, open_store
from tests.store.conftest import IRQ, USA, actor, event, result

POLICE = replace(actor("IRQCOP", "IRQ", "police", 30), sector="COP",
                 entries=["agents.jsonl:190 POLICE", "country IRQ: the article's country"],
                 country_from="article")
NAMED = event("a", 0, "REQUEST", actors=[IRQ], recipients=[USA])
PLACED = event("a", 1, "COERCE", actors=[POLICE], recipients=[USA])
IMPLIED = replace(event("a", 2, "COERCE", actors=[IRQ], recipients=[USA]), actor_inferred=True)


@pytest.fixture
def loaded(store: Store) -> Store:
    document = result("a", events=[NAMED, PLACED, IMPLIED])
    document.actors = [*document.actors, POLICE]
    store.save_result(document, "run")
    return store


def indices(store: Store, query: EventQuery) -> list[int]:
    return sorted(e.sentence_index for e in store.query_events(query))


def test_inferred_country_and_implied_actor_round_trip(loaded: Store) -> None:
    assert loaded.get_event(PLACED.event_id) == PLACED
    assert loaded.get_event(PLACED.event_id).actor[0].country_from == "article"
    assert loaded.get_event(IMPLIED.event_id).actor_inferred is True
    assert loaded.get_event(NAMED.event_id).actor_inferred is False


def test_actor_mentions_keep_where_the_country_came_from(loaded: Store) -> None:
    mentions = loaded.get_actor_mentions("a")
    assert [m.country_from for m in mentions] == [None, None, None, "article"]
    assert mentions[-1] == POLICE


def test_filters_leave_out_implied_actors_or_inferred_countries(loaded: Store) -> None:
    assert indices(loaded, EventQuery()) == [0, 1, 2]
    assert indices(loaded, EventQuery(exclude_implied_actors=True)) == [0, 1]
    assert indices(loaded, EventQuery(exclude_inferred_countries=True)) == [0, 2]
    both = EventQuery(exclude_implied_actors=True, exclude_inferred_countries=True)
    assert indices(loaded, both) == [0]


def test_columns_are_queryable_in_sql(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with open_store(str(path)) as store:
        store.save_result(result("a", events=[PLACED, IMPLIED]), "run")
    with duckdb.connect(str(path), read_only=True) as connection:
        assert connection.execute(
            "SELECT sentence_index, actor_inferred FROM events ORDER BY sentence_index"
        ).fetchall() == [(1, False), (2, True)]
        assert connection.execute(
            "SELECT code, country_from FROM event_actors WHERE role = 'actor'"
            " ORDER BY code").fetchall() == [("IRQ", None), ("IRQCOP", "article")]
