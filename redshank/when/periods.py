"""Calendar periods (day, ISO week, month, year, decade) and the arithmetic on them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

Unit = Literal["day", "week", "month", "year", "decade"]
Part = Literal["early", "mid", "late"]
Precision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive calendar range [start, end] with the unit it was named in and its ISO label."""

    unit: Unit
    start: date
    end: date
    label: str

    @property
    def precision(self) -> Precision:
        """The record precision: a decade is a range of years, so its precision is year."""
        return "year" if self.unit == "decade" else self.unit

    def contains(self, day: date) -> bool:
        """Whether `day` falls in the range."""
        return self.start <= day <= self.end


def day_period(day: date) -> Period:
    """The single day `day`."""
    return Period("day", day, day, day.isoformat())


def week_period(day: date) -> Period:
    """The ISO week (Monday to Sunday) containing `day`, labelled by its Monday."""
    monday = day - timedelta(days=day.weekday())
    return Period("week", monday, monday + timedelta(days=6), monday.isoformat())


def month_period(year: int, month: int) -> Period:
    """The calendar month, labelled YYYY-MM."""
    last = calendar.monthrange(year, month)[1]
    return Period("month", date(year, month, 1), date(year, month, last), f"{year:04d}-{month:02d}")


def year_period(year: int) -> Period:
    """The calendar year, labelled YYYY."""
    return Period("year", date(year, 1, 1), date(year, 12, 31), f"{year:04d}")


def decade_period(first_year: int) -> Period:
    """The decade starting at `first_year` (a multiple of ten), labelled in EDTF form ("199X")."""
    return Period(
        "decade", date(first_year, 1, 1), date(first_year + 9, 12, 31), f"{first_year // 10:03d}X"
    )


def period_of(unit: Unit, day: date) -> Period:
    """The period of `unit` that contains `day`."""
    if unit == "day":
        return day_period(day)
    if unit == "week":
        return week_period(day)
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "year":
        return year_period(day.year)
    return decade_period(day.year - day.year % 10)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, unit: Unit, count: int) -> date:
    """`day` moved by `count` units (negative moves back)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "month":
        return add_months(day, count)
    if unit == "year":
        return add_months(day, 12 * count)
    return add_months(day, 120 * count)


def part_of(period: Period, part: Part) -> Period:
    """The early, middle or late third of a period; a day has no parts and is returned whole.

    A year splits into Jan-Apr, May-Aug, Sep-Dec; a decade into years 0-3, 4-6, 7-9; a month
    or week into thirds of its days. The label and unit stay those of the whole period.
    """
    if period.unit == "day":
        return period
    if period.unit == "year":
        first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        year = period.start.year
        return replace(period, start=date(year, first, 1), end=month_period(year, last).end)
    if period.unit == "decade":
        first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[part]
        year = period.start.year
        return replace(period, start=date(year + first, 1, 1), end=date(year + last, 12, 31))
    days = (period.end - period.start).days + 1
    third = days // 3
    if part == "early":
        return replace(period, end=period.start + timedelta(days=third - 1))
    if part == "late":
        return replace(period, start=period.end - timedelta(days=third - 1))
    return replace(
        period,
        start=period.start + timedelta(days=third),
        end=period.end - timedelta(days=third),
    )


def most_recent_month(month: int, published: date, *, future: bool) -> Period:
    """The month named `month` nearest publication: on or before it, or on or after if future."""
    year = published.year
    if not future and month > published.month:
        year -= 1
    if future and month < published.month:
        year += 1
    return month_period(year, month)


def nearest_weekday(weekday: int, published: date, *, direction: int) -> date:
    """The weekday (Monday=0) strictly before (direction -1) or after (+1) publication."""
    delta = (weekday - published.weekday()) * direction % 7 or 7
    return published + timedelta(days=delta * direction)
