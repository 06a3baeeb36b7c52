"""redshank/query.py: user values to a checked EventQuery or ClusterQuery."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redshank.errors import ConfigError
from redshank.query import (
    ClusterQuery,
    EventQuery,
    cluster_query,
    country_code,
    event_query,
    event_type,
    near_place,
    partial_date,
    split_values,
)


@pytest.mark.parametrize(("values", "expected"), [
    (None, []),
    ("ISR", ["ISR"]),
    ("ISR,LBN", ["ISR", "LBN"]),
    (["ISR", "LBN"], ["ISR", "LBN"]),
    (["ISR,LBN", " LBN ", ""], ["ISR", "LBN"]),
    (" , ", []),
])
def test_repeated_and_comma_separated_values(values, expected: list[str]) -> None:
    assert split_values(values) == expected


@pytest.mark.parametrize(("value", "hint"), [
    ("THREATENS", "did you mean THREATEN?"),
    ("asault", "did you mean ASSAULT?"),
    ("fight", "PLOVER types: AGREE"),
])
def test_unknown_event_types_name_the_nearest(value: str, hint: str) -> None:
    with pytest.raises(ConfigError, match=hint):
        event_type(value)


def test_event_types_are_case_insensitive() -> None:
    assert event_query(event="assault, Coerce").events == ("ASSAULT", "COERCE")


@pytest.mark.parametrize(("value", "code"), [
    ("IRQ", "IRQ"), ("irq", "IRQ"), ("Iraq", "IRQ"), ("Iraqi", "IRQ"), ("the Netherlands", "NLD"),
    ("Côte d'Ivoire", "CIV"), ("United States", "USA"), ("U.S.", "USA"), ("Georgian", "GEO"),
])
def test_countries_by_code_name_or_demonym(value: str, code: str) -> None:
    assert country_code(value) == code


def test_an_unknown_country_names_the_nearest() -> None:
    with pytest.raises(ConfigError, match=r"did you mean IRQ \(Iraq\)"):
        country_code("Irak")


def test_country_names_given_as_actors_mean_the_country() -> None:
    query = event_query(actor="Iraq,Islamic State", recipient=["USA", "American"])
    assert (query.actors, query.recipients) == (("IRQ", "Islamic State"), ("USA",))


@pytest.mark.parametrize(("text", "since", "until"), [
    ("2014", date(2014, 1, 1), date(2014, 12, 31)),
    ("2014-06", date(2014, 6, 1), date(2014, 6, 30)),
    ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
    ("2014-06-11", date(2014, 6, 11), date(2014, 6, 11)),
])
def test_partial_dates_open_and_close_their_period(text: str, since: date, until: date) -> None:
    assert (partial_date(text, "since"), partial_date(text, "until")) == (since, until)


@pytest.mark.parametrize("text", ["2014-13", "2014-02-30", "14", "June 2014", "2014/06", ""])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(ConfigError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        partial_date(text, "since")


@given(st.dates(min_value=date(1000, 1, 1)))
def test_every_date_is_read_back_and_its_month_contains_it(day: date) -> None:
    assert partial_date(day.isoformat(), "since") == day
    month = day.isoformat()[:7]
    assert partial_date(month, "since") <= day <= partial_date(month, "until")
    last = calendar.monthrange(day.year, day.month)[1]
    assert partial_date(month, "until").day == last


@given(st.text(max_size=12))
def test_any_text_is_a_date_or_a_config_error(text: str) -> None:
    try:
        partial_date(text, "until")
    except ConfigError:
        pass


def test_a_cluster_query_carries_every_event_filter() -> None:
    query = cluster_query(min_reports=2, actor="ISR", country="Lebanon", since=2014,
                          no_inferred=True, near="Beirut", within_km=10)
    assert isinstance(query, ClusterQuery) and query.min_reports == 2
    assert (query.actors, query.countries, query.since) == (("ISR",), ("LBN",),
                                                            date(2014, 1, 1))
    assert query.exclude_implied_actors and query.near is not None and query.near.km == 10


@pytest.mark.parametrize(("text", "lat", "lon"), [
    ("33.34,44.4", 33.34, 44.4), (" -33.87 , 151.21 ", -33.87, 151.21), ("0,-180", 0.0, -180.0),
    ("1e-07,.5", 1e-07, 0.5),
])
def test_near_takes_coordinates_as_well_as_a_name(text: str, lat: float, lon: float) -> None:
    near = near_place(text, 0)
    assert (near.lat, near.lon, near.km) == (lat, lon, 0)
    assert near_place("Beirut").lat != lat


@pytest.mark.parametrize("text", ["91,10", "10,180.5", "-90.1,0"])
def test_coordinates_off_the_globe_are_refused(text: str) -> None:
    with pytest.raises(ConfigError, match="latitude must be -90 to 90 and longitude -180 to 180"):
        near_place(text)


@pytest.mark.parametrize("values", [
    {"since": "2015", "until": "2014"}, {"limit": -1}, {"near": "Beirut", "within_km": -1},
    {"place_scope": "street"}, {"near": "Nowhere-on-Earth-xyz"}, {"near": "33.3,44.4,5"},
])
def test_impossible_queries_are_refused(values: dict) -> None:
    with pytest.raises(ConfigError):
        event_query(**values)


def test_a_query_needs_tuples_not_a_string() -> None:
    with pytest.raises(TypeError, match="tuple"):
        EventQuery(actors="ISR")  # type: ignore[arg-type]
