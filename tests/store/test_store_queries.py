"""query_events filters on actors, event type, event dates and auxiliaries, in a stable order."""

from __future__ import annotations

from datetime import date

import pytest

from redshank.errors import ConfigError
from redshank.model import Event
from redshank.store import EventQuery, Store
from tests.store.conftest import IRQ, ISIL, OBAMA, TEXT, USA, event, result

REQUEST = event("a", 0, "REQUEST", actors=[IRQ], recipients=[USA])
ASSAULT = event(
    "a", 1, "ASSAULT", actors=[ISIL], recipients=[IRQ], date_start="2014-06-01",
    date_end="2014-06-30",
)  # fmt: skip
SUPPORT = event("b", 0, "SUPPORT", actors=[OBAMA], recipients=[IRQ], date_start="2014-09-05",
                date_end="2014-09-05", published="2014-06-11")  # fmt: skip
UNDATED = event("b", 1, "CONSULT", actors=[USA], recipients=[IRQ], date_start=None, date_end=None)
NEGATED = event("b", 2, "ASSAULT", actors=[USA], recipients=[ISIL], auxiliary="negated")
HYPOTHETICAL = event("b", 3, "ASSAULT", actors=[USA], recipients=[ISIL], auxiliary="hypothetical")
FUTURE = event("b", 4, "AID", actors=[USA], recipients=[IRQ], auxiliary="future")
HISTORICAL = event(
    "b", 5, "SEIZE", actors=[ISIL], recipients=[IRQ], auxiliary="historical",
    date_start="2013-12-30", date_end="2014-01-04",
)  # fmt: skip


@pytest.fixture
def loaded(store: Store) -> Store:
    """A store holding two documents and the events above."""
    store.save_result(result("a", events=[REQUEST, ASSAULT]), "run")
    store.save_result(
        result("b", text=TEXT + " B.", events=[SUPPORT, UNDATED, NEGATED, HYPOTHETICAL, FUTURE,
                                              HISTORICAL]),
        "run",
    )  # fmt: skip
    return store


def ids(events: list[Event]) -> list[str]:
    return [f"{e.doc_id}:{e.sentence_index}" for e in events]


def test_default_query_orders_by_event_date_then_doc_and_sentence(loaded: Store) -> None:
    assert ids(loaded.query_events(EventQuery())) == ["b:5", "a:1", "a:0", "b:0", "b:1"]


def test_include_all_adds_negated_hypothetical_and_future_events(loaded: Store) -> None:
    found = ids(loaded.query_events(EventQuery(include_all=True)))
    assert found == ["b:5", "a:1", "a:0", "b:2", "b:3", "b:4", "b:0", "b:1"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("IRQ", ["a:0"]),
        ("irq", ["a:0"]),
        ("usa", ["b:0", "b:1"]),
        ("USAGOV", ["b:0"]),
        ("barack obama", ["b:0"]),
        ("Islamic State", ["b:5", "a:1"]),
        ("isil", ["b:5", "a:1"]),
        ("Obama", []),
    ],
)
def test_actor_matches_country_code_id_or_name_case_insensitively(
    loaded: Store, value: str, expected: list[str]
) -> None:
    assert ids(loaded.query_events(EventQuery(actors=(value,)))) == expected


def test_recipient_filter_looks_only_at_recipients(loaded: Store) -> None:
    assert ids(loaded.query_events(EventQuery(recipients=("USA",)))) == ["a:0"]
    # Obama (b:0) counts as USA through his country.
    to_iraq = EventQuery(recipients=("irq",), actors=("usa",))
    assert ids(loaded.query_events(to_iraq)) == ["b:0", "b:1"]
    consults = EventQuery(recipients=("irq",), actors=("USA",), events=("consult",))
    assert ids(loaded.query_events(consults)) == ["b:1"]


def test_event_type_filter_is_case_insensitive(loaded: Store) -> None:
    assert ids(loaded.query_events(EventQuery(events=("assault",)))) == ["a:1"]
    assert ids(loaded.query_events(EventQuery(events=("ASSAULT",), include_all=True))) == [
        "a:1",
        "b:2",
        "b:3",
    ]


def test_since_and_until_use_event_dates_not_publication_dates(loaded: Store) -> None:
    # SUPPORT was published 2014-06-11 but happened on 2014-09-05.
    assert ids(loaded.query_events(EventQuery(since=date(2014, 9, 1)))) == ["b:0"]
    assert ids(loaded.query_events(EventQuery(until=date(2014, 6, 10)))) == ["b:5", "a:1"]


def test_date_filters_keep_events_whose_range_overlaps(loaded: Store) -> None:
    # ASSAULT spans June 2014; HISTORICAL spans 2013-12-30..2014-01-04.
    june_15 = EventQuery(since=date(2014, 6, 15), until=date(2014, 6, 15))
    assert ids(loaded.query_events(june_15)) == ["a:1"]
    new_year = EventQuery(since=date(2014, 1, 1), until=date(2014, 1, 1))
    assert ids(loaded.query_events(new_year)) == ["b:5"]


def test_date_filters_drop_undated_events(loaded: Store) -> None:
    everything = EventQuery(since=date(1900, 1, 1), until=date(2100, 1, 1))
    assert "b:1" not in ids(loaded.query_events(everything))


def test_doc_id_and_limit(loaded: Store) -> None:
    assert ids(loaded.query_events(EventQuery(doc_ids=("a",)))) == ["a:1", "a:0"]
    assert ids(loaded.query_events(EventQuery(limit=2))) == ["b:5", "a:1"]
    assert loaded.query_events(EventQuery(limit=0)) == []


def test_filters_combine(loaded: Store) -> None:
    query = EventQuery(actors=("USA",), events=("ASSAULT",), include_all=True, doc_ids=("b",),
                       limit=1)
    assert ids(loaded.query_events(query)) == ["b:2"]


def test_negative_limit_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="limit"):
        EventQuery(limit=-1)
