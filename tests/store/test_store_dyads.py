"""Place filters and dyad counts in the store's SQL, on every backend (tests/middle_east.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from redshank.link import link_store
from redshank.model import DyadCount
from redshank.query import ClusterQuery, EventQuery, NearPlace
from redshank.store import Store
from tests.link.conftest import document_result, make_event
from tests.middle_east import MOSUL, middle_east

TBILISI = NearPlace("Tbilisi", 41.69, 44.83, 10.0)


@pytest.fixture
def loaded(store: Store) -> Store:
    for document in middle_east():
        store.save_result(document, "run")
    link_store(store)
    return store


def located(events) -> list[str]:
    return [event.location.name for event in events]


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(countries=("GEO",)), ["Tbilisi", "Gori"]),
    (EventQuery(countries=("GEO", "IRQ"), include_all=True),
     ["Tbilisi", "Gori", "Mosul", "Baghdad"]),
    (EventQuery(near=TBILISI), ["Tbilisi"]),
    (EventQuery(near=NearPlace("Tbilisi", 41.69, 44.83, 100.0)), ["Tbilisi", "Gori"]),
    (EventQuery(place_scope="sentence", events=("ASSAULT",)),
     ["Gori", "Beirut", "Beirut", "Mosul"]),
])
def test_place_filters_run_in_sql(loaded: Store, query: EventQuery, expected: list[str]
                                  ) -> None:
    assert located(loaded.query_events(query)) == expected


@pytest.mark.parametrize(("scope", "kept"), [
    ("sentence", ["sentence", None]),
    ("paragraph", ["sentence", "paragraph", None]),
    ("document", ["sentence", "paragraph", "document", None]),
])
def test_a_place_scope_keeps_that_scope_and_nearer(store: Store, scope: str,
                                                   kept: list[str | None]) -> None:
    scoped = [replace(make_event("s", sentence_index=index, location=MOSUL), place_scope=found)
              for index, found in enumerate(["sentence", "paragraph", "document", None])]
    store.save_result(document_result("s", scoped), "run")
    found = store.query_events(EventQuery(place_scope=scope))  # type: ignore[arg-type]
    assert sorted((e.place_scope or "") for e in found) == sorted(k or "" for k in kept)


def test_a_cluster_matches_when_one_report_passes_every_report_filter(loaded: Store) -> None:
    (beirut,) = loaded.query_clusters(ClusterQuery(near=NearPlace("Beirut", 33.9, 35.5, 5.0)))
    assert beirut.reports == 2
    assert loaded.query_clusters(ClusterQuery(countries=("LBN",), doc_ids=("c",))) == []


def test_dyads_count_reports_or_clusters(loaded: Store) -> None:
    assert loaded.count_dyads(EventQuery(events=("ASSAULT",))) == [
        DyadCount("ISR", "LBN", None, 2, conflict=2), DyadCount("RUS", "GEO", None, 1, conflict=1),
        DyadCount("USA", "IRQ", None, 1, conflict=1)]
    assert loaded.count_dyads(ClusterQuery(events=("ASSAULT",)), by="year")[1:] == [
        DyadCount("ISR", "LBN", "2014", 1, conflict=1),
        DyadCount("USA", "IRQ", "2014", 1, conflict=1)]
    assert loaded.count_dyads(EventQuery(since=date(2014, 7, 12)), by_actor="code") == [
        DyadCount("ISRGOV", "LBNGOV", None, 1, conflict=1),
        DyadCount("USAMIL", "IRQ", None, 1, conflict=1)]


def test_event_counts_ignore_the_limit(loaded: Store) -> None:
    assert loaded.count_events(EventQuery(limit=1)) == 8
    assert loaded.count_events(EventQuery(include_all=True)) == 9
    assert loaded.count_events(ClusterQuery(min_reports=2)) == 1
    assert loaded.count_events(ClusterQuery(), dyadic=True) == 7


def test_an_event_is_counted_in_a_month_only_when_dated_within_it(store: Store) -> None:
    events = [make_event("t", sentence_index=0, day="2011-03-05", precision="day"),
              make_event("t", sentence_index=1, day="2011-03-05", precision="month"),
              make_event("t", sentence_index=2, day="2011-03-05", precision="year")]
    store.save_result(document_result("t", events), "run")
    assert store.count_dyads(EventQuery(), by="month") == [
        DyadCount("RUS", "UKR", "2011", 1, conflict=1),
        DyadCount("RUS", "UKR", "2011-03", 2, conflict=2)]
    assert store.count_dyads(EventQuery(), by="year") == [
        DyadCount("RUS", "UKR", "2011", 3, conflict=3)]


def test_days_and_weeks_count_events_dated_within_them(store: Store) -> None:
    events = [make_event("t", sentence_index=0, day="2011-03-05", precision="day"),
              make_event("t", sentence_index=1, day="2011-03-07", precision="day",
                         kind="CONSULT"),
              make_event("t", sentence_index=2, day="2011-03-05", precision="month")]
    store.save_result(document_result("t", [replace(events[1], quad=1), events[0], events[2]]),
                      "run")
    assert store.count_dyads(EventQuery(), by="day") == [
        DyadCount("RUS", "UKR", "2011-03", 1, conflict=1),
        DyadCount("RUS", "UKR", "2011-03-05", 1, conflict=1),
        DyadCount("RUS", "UKR", "2011-03-07", 1, cooperation=1)]
    # 2011-03-05 was a Saturday (week of Monday 2011-02-28), 2011-03-07 a Monday.
    assert [d.period for d in store.count_dyads(EventQuery(), by="week")] == [
        "2011-02-28", "2011-03", "2011-03-07"]
    assert store.count_timeline(EventQuery(), by="week", stack="quad") == [
        (date(2011, 2, 28), "4", 2), (date(2011, 3, 7), "1", 1)]
    assert store.count_timeline(EventQuery(), by="day", stack="event") == [
        (date(2011, 3, 1), "ASSAULT", 1), (date(2011, 3, 5), "ASSAULT", 1),
        (date(2011, 3, 7), "CONSULT", 1)]
    assert store.count_by(EventQuery(), "event") == {"ASSAULT": 2, "CONSULT": 1}
