"""resolve_expression: absolute, publication-relative and narrative date expressions."""

from __future__ import annotations

from datetime import date

import pytest

from redshank.model import ResolvedDate
from redshank.when import resolve_expression

WED = date(2014, 6, 11)  # Wednesday; seed 002
FRI = date(2014, 9, 5)  # Friday; seed 000
SUN = date(2014, 9, 14)  # Sunday; seed 001
MON = date(2014, 9, 8)
JAN = date(2014, 1, 15)  # Wednesday, for year boundaries
MAR31 = date(2014, 3, 31)  # Monday, for month-length clamping
D = date.fromisoformat


def check(found: ResolvedDate | None, iso: str, precision: str, start: str, end: str) -> None:
    assert found is not None
    assert (found.date, found.precision, found.start, found.end) == (
        iso,
        precision,
        D(start),
        D(end),
    )


@pytest.mark.parametrize(
    ("text", "iso", "precision", "start", "end"),
    [
        ("June 11, 2014", "2014-06-11", "day", "2014-06-11", "2014-06-11"),
        ("11 June 2014", "2014-06-11", "day", "2014-06-11", "2014-06-11"),
        ("2014-06-11", "2014-06-11", "day", "2014-06-11", "2014-06-11"),
        ("Sept. 5, 2014", "2014-09-05", "day", "2014-09-05", "2014-09-05"),
        ("Thursday, June 12, 2014", "2014-06-12", "day", "2014-06-12", "2014-06-12"),
        ("the 5th of May, 2014", "2014-05-05", "day", "2014-05-05", "2014-05-05"),
        ("on 6/11/2014", "2014-06-11", "day", "2014-06-11", "2014-06-11"),
        ("March 2014", "2014-03", "month", "2014-03-01", "2014-03-31"),
        ("in 2011", "2011", "year", "2011-01-01", "2011-12-31"),
        ("since 2011", "2011", "year", "2011-01-01", "2011-12-31"),
        ("in May", "2014-05", "month", "2014-05-01", "2014-05-31"),
        ("By March", "2014-03", "month", "2014-03-01", "2014-03-31"),
        ("in July", "2013-07", "month", "2013-07-01", "2013-07-31"),
        ("in June", "2014-06", "month", "2014-06-01", "2014-06-11"),
        ("last May", "2014-05", "month", "2014-05-01", "2014-05-31"),
        ("next June", "2015-06", "month", "2015-06-01", "2015-06-30"),
        ("mid-May", "2014-05", "month", "2014-05-11", "2014-05-21"),
        ("by the end of May", "2014-05", "month", "2014-05-22", "2014-05-31"),
        ("June 3", "2014-06-03", "day", "2014-06-03", "2014-06-03"),
        ("June 12", "2013-06-12", "day", "2013-06-12", "2013-06-12"),
        ("mid-2013", "2013", "year", "2013-05-01", "2013-08-31"),
        ("early 2014", "2014", "year", "2014-01-01", "2014-04-30"),
        ("late 2013", "2013", "year", "2013-09-01", "2013-12-31"),
        ("the 1990s", "199X", "year", "1990-01-01", "1999-12-31"),
        ("in the early 1990s", "199X", "year", "1990-01-01", "1993-12-31"),
        ("the mid-1990s", "199X", "year", "1994-01-01", "1996-12-31"),
        ("in the '90s", "199X", "year", "1990-01-01", "1999-12-31"),
    ],
)
def test_absolute_and_named_periods(
    text: str, iso: str, precision: str, start: str, end: str
) -> None:
    check(resolve_expression(text, WED), iso, precision, start, end)


@pytest.mark.parametrize(
    ("text", "published", "iso", "start", "end"),
    [
        ("in May", WED, "2015-05", "2015-05-01", "2015-05-31"),
        ("in June", WED, "2014-06", "2014-06-11", "2014-06-30"),
        ("By March", WED, "2015-03", "2015-03-01", "2015-03-31"),
        ("Friday", WED, "2014-06-13", "2014-06-13", "2014-06-13"),
        ("on Friday", FRI, "2014-09-05", "2014-09-05", "2014-09-05"),
        ("June 12", WED, "2014-06-12", "2014-06-12", "2014-06-12"),
        ("this week", WED, "2014-06-09", "2014-06-11", "2014-06-15"),
    ],
)
def test_future_tense_looks_forward(
    text: str, published: date, iso: str, start: str, end: str
) -> None:
    found = resolve_expression(text, published, future=True)
    assert found is not None
    assert (found.date, found.start, found.end) == (iso, D(start), D(end))


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("today", FRI, "2014-09-05"),
        ("yesterday", MON, "2014-09-07"),
        ("tomorrow", SUN, "2014-09-15"),
        ("last night", WED, "2014-06-10"),
        ("the day before yesterday", WED, "2014-06-09"),
        ("on Friday", FRI, "2014-09-05"),
        ("Friday", SUN, "2014-09-12"),
        ("on Friday", MON, "2014-09-05"),
        ("on Friday", WED, "2014-06-06"),
        ("Sunday", SUN, "2014-09-14"),
        ("Sunday", FRI, "2014-08-31"),
        ("Monday", MON, "2014-09-08"),
        ("last Friday", FRI, "2014-08-29"),
        ("last Friday", SUN, "2014-09-12"),
        ("next Friday", FRI, "2014-09-12"),
        ("next Monday", SUN, "2014-09-15"),
        ("Tuesday night", WED, "2014-06-10"),
        ("two days ago", date(2014, 3, 1), "2014-02-27"),
        ("10 days ago", WED, "2014-06-01"),
        ("three days from now", WED, "2014-06-14"),
    ],
)
def test_days_relative_to_publication(text: str, published: date, iso: str) -> None:
    check(resolve_expression(text, published), iso, "day", iso, iso)


@pytest.mark.parametrize(
    ("text", "published", "iso", "precision", "start", "end"),
    [
        ("last week", FRI, "2014-08-25", "week", "2014-08-25", "2014-08-31"),
        ("last week", MON, "2014-09-01", "week", "2014-09-01", "2014-09-07"),
        ("last week", SUN, "2014-09-01", "week", "2014-09-01", "2014-09-07"),
        ("this week", SUN, "2014-09-08", "week", "2014-09-08", "2014-09-14"),
        ("this week", MON, "2014-09-08", "week", "2014-09-08", "2014-09-08"),
        ("earlier this week", FRI, "2014-09-01", "week", "2014-09-01", "2014-09-05"),
        ("later this week", WED, "2014-06-09", "week", "2014-06-11", "2014-06-15"),
        ("next week", SUN, "2014-09-15", "week", "2014-09-15", "2014-09-21"),
        ("three weeks ago", WED, "2014-05-19", "week", "2014-05-19", "2014-05-25"),
        ("in two weeks", WED, "2014-06-23", "week", "2014-06-23", "2014-06-29"),
        ("last month", JAN, "2013-12", "month", "2013-12-01", "2013-12-31"),
        ("this month", FRI, "2014-09", "month", "2014-09-01", "2014-09-05"),
        ("earlier this month", FRI, "2014-09", "month", "2014-09-01", "2014-09-05"),
        ("next month", WED, "2014-07", "month", "2014-07-01", "2014-07-31"),
        ("a month ago", MAR31, "2014-02", "month", "2014-02-01", "2014-02-28"),
        ("last year", WED, "2013", "year", "2013-01-01", "2013-12-31"),
        ("this year", WED, "2014", "year", "2014-01-01", "2014-06-11"),
        ("earlier this year", WED, "2014", "year", "2014-01-01", "2014-06-11"),
        ("later this year", WED, "2014", "year", "2014-06-11", "2014-12-31"),
        ("late last year", WED, "2013", "year", "2013-09-01", "2013-12-31"),
        ("next year", WED, "2015", "year", "2015-01-01", "2015-12-31"),
        ("a year ago", WED, "2013", "year", "2013-01-01", "2013-12-31"),
    ],
)
def test_periods_relative_to_publication(
    text: str, published: date, iso: str, precision: str, start: str, end: str
) -> None:
    check(resolve_expression(text, published), iso, precision, start, end)


PREVIOUS_DAY = resolve_expression("May 6, 2014", WED)  # a Tuesday
PREVIOUS_MONTH = resolve_expression("in May", WED)
PREVIOUS_YEAR = resolve_expression("last year", WED)


@pytest.mark.parametrize(
    ("text", "previous", "iso", "precision", "start", "end"),
    [
        ("at the time", PREVIOUS_DAY, "2014-05-06", "day", "2014-05-06", "2014-05-06"),
        ("at the time", PREVIOUS_YEAR, "2013", "year", "2013-01-01", "2013-12-31"),
        ("that day", PREVIOUS_DAY, "2014-05-06", "day", "2014-05-06", "2014-05-06"),
        ("the same day", PREVIOUS_DAY, "2014-05-06", "day", "2014-05-06", "2014-05-06"),
        ("the next day", PREVIOUS_DAY, "2014-05-07", "day", "2014-05-07", "2014-05-07"),
        ("the following day", PREVIOUS_DAY, "2014-05-07", "day", "2014-05-07", "2014-05-07"),
        ("a day later", PREVIOUS_DAY, "2014-05-07", "day", "2014-05-07", "2014-05-07"),
        ("two days later", PREVIOUS_DAY, "2014-05-08", "day", "2014-05-08", "2014-05-08"),
        ("the day before", PREVIOUS_DAY, "2014-05-05", "day", "2014-05-05", "2014-05-05"),
        ("the previous day", PREVIOUS_DAY, "2014-05-05", "day", "2014-05-05", "2014-05-05"),
        ("that week", PREVIOUS_DAY, "2014-05-05", "week", "2014-05-05", "2014-05-11"),
        ("the following week", PREVIOUS_DAY, "2014-05-12", "week", "2014-05-12", "2014-05-18"),
        ("two weeks later", PREVIOUS_DAY, "2014-05-19", "week", "2014-05-19", "2014-05-25"),
        ("that month", PREVIOUS_DAY, "2014-05", "month", "2014-05-01", "2014-05-31"),
        ("later that month", PREVIOUS_DAY, "2014-05", "month", "2014-05-06", "2014-05-31"),
        ("that year", PREVIOUS_DAY, "2014", "year", "2014-01-01", "2014-06-11"),
        ("earlier that year", PREVIOUS_DAY, "2014", "year", "2014-01-01", "2014-05-06"),
        ("the following year", PREVIOUS_DAY, "2015", "year", "2015-01-01", "2015-12-31"),
        ("that year", PREVIOUS_MONTH, "2014", "year", "2014-01-01", "2014-06-11"),
        ("the following month", PREVIOUS_MONTH, "2014-06", "month", "2014-06-01", "2014-06-11"),
        ("a year earlier", PREVIOUS_YEAR, "2012", "year", "2012-01-01", "2012-12-31"),
    ],
)
def test_narrative_anchors_follow_previous_date(
    text: str, previous: ResolvedDate, iso: str, precision: str, start: str, end: str
) -> None:
    check(resolve_expression(text, WED, previous), iso, precision, start, end)


@pytest.mark.parametrize("text", ["the next day", "that day", "that week", "a day later"])
def test_anchor_finer_than_previous_date_does_not_resolve(text: str) -> None:
    assert resolve_expression(text, WED, PREVIOUS_MONTH) is None


@pytest.mark.parametrize("text", ["at the time", "that day", "the next day", "that year"])
def test_anchor_without_previous_date_does_not_resolve(text: str) -> None:
    assert resolve_expression(text, WED, None) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "we",
        "second",
        "the summit drew to a close",
        "10 nations",
        "2,000 troops",
        "before 2011",
        "after Friday",
        "February 30, 2014",
        "the day after the vote",
    ],
)
def test_non_dates_do_not_resolve(text: str) -> None:
    assert resolve_expression(text, WED) is None


@pytest.mark.parametrize(
    "text", ["yesterday", "last week", "in May", "on Friday", "two days ago", "June 3"]
)
def test_relative_expressions_need_a_publication_date(text: str) -> None:
    assert resolve_expression(text, None) is None


@pytest.mark.parametrize(
    ("text", "iso"), [("June 11, 2014", "2014-06-11"), ("in 2011", "2011"), ("the 1990s", "199X")]
)
def test_absolute_expressions_resolve_without_publication_date(text: str, iso: str) -> None:
    found = resolve_expression(text, None)
    assert found is not None and found.date == iso


def test_method_explains_the_resolution() -> None:
    found = resolve_expression("in May", WED)
    assert found is not None
    assert found.method == "'in May' -> most recent May on or before publication 2014-06-11"
    assert found.text == "in May"
    assert found.span is None


def test_at_the_time_names_the_previous_expression() -> None:
    found = resolve_expression("at the time", WED, PREVIOUS_YEAR)
    assert found is not None
    assert "'last year'" in found.method


def test_resolution_does_not_depend_on_todays_date() -> None:
    old = date(1987, 2, 4)
    found = resolve_expression("in May", old)
    assert found is not None and found.date == "1986-05"
    undated = resolve_expression("Sept. 5", None)
    assert undated is None
