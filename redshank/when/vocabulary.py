"""The words of English date expressions: month, weekday, number and unit names."""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "a couple of": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
UNITS = ("day", "week", "month", "year")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so "sept" wins over "sep"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def month_number(name: str) -> int:
    """The month number of a full or abbreviated month name (any case, optional dot)."""
    key = name.lower().rstrip(".")
    return MONTHS[key] if key in MONTHS else MONTH_ABBREVIATIONS[key]


def weekday_number(name: str) -> int:
    """The weekday number (Monday=0) of a full or abbreviated weekday name."""
    key = name.lower().rstrip(".")
    return WEEKDAYS[key] if key in WEEKDAYS else WEEKDAY_ABBREVIATIONS[key]


def count_of(word: str) -> int:
    """The number a count word or numeral stands for ("two" -> 2, "12" -> 12)."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


NUMBER = rf"(?:\d{{1,3}}|{alternation(NUMBER_WORDS)})"
UNIT = rf"(?:{alternation(UNITS)})s?"
MONTH_ANY = rf"(?:{alternation([*MONTHS, *MONTH_ABBREVIATIONS])})\.?"
MONTH_FULL = rf"(?:{alternation(MONTHS)})"
WEEKDAY_ANY = rf"(?:{alternation([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS])})\.?"
DAY_OF_MONTH = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
