"""How the timeline endpoint picks its period and the range of the bulk of the events
(redshank/serve/views.py), so that a stray date does not crush the rest."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from redshank.serve.views import auto_period, bulk_range, period_start

SPRING_2005 = Counter({date(2005, 3, 1) + timedelta(days=i): 1 + i % 3 for i in range(90)})


def test_a_stray_date_far_from_the_rest_is_outside_the_bulk() -> None:
    days = SPRING_2005 + Counter({date(1876, 1, 1): 1, date(2012, 1, 1): 2})
    assert bulk_range(days) == (date(2005, 3, 1), date(2005, 5, 29))
    assert bulk_range(SPRING_2005) == bulk_range(days)


def test_evenly_spread_dates_are_all_in_the_bulk() -> None:
    years = Counter({date(2004 + i, 6, 1): 5 for i in range(15)})
    assert bulk_range(years) == (date(2004, 6, 1), date(2018, 6, 1))


def test_days_near_a_busy_day_stay_in_the_bulk() -> None:
    days = Counter({date(2014, 6, 11): 40, date(2014, 5, 1): 1, date(2014, 9, 30): 1,
                    date(2011, 1, 1): 1})
    assert bulk_range(days) == (date(2014, 5, 1), date(2014, 9, 30))


def test_no_days_have_no_range() -> None:
    assert bulk_range(Counter()) == (None, None)


@pytest.mark.parametrize(("days", "by"), [
    (0, "day"), (91, "day"), (92, "week"), (730, "week"), (731, "month"),
    (20 * 366 - 1, "month"), (20 * 366, "year")])
def test_the_period_fits_the_span(days: int, by: str) -> None:
    first = date(2000, 1, 1)
    assert auto_period(first, first + timedelta(days=days)) == by
    assert auto_period(None, None) == "day"


@pytest.mark.parametrize(("by", "start"), [
    ("day", date(2014, 6, 11)), ("week", date(2014, 6, 9)), ("month", date(2014, 6, 1)),
    ("year", date(2014, 1, 1))])
def test_a_period_starts_on_its_first_day(by: str, start: date) -> None:
    assert period_start(date(2014, 6, 11), by) == start
