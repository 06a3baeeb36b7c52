"""The words of English date expressions: month, weekday, number and unit names.

Month and weekday names come from redshank/data/words/calendar.words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redshank.errors import DataFileError
from redshank.knowledge import word_classes, word_list


def _numbered(class_name: str, first: int, count: int) -> dict[str, int]:
    """The names of a class numbered in file order; a calendar has exactly `count`."""
    names = word_list(class_name)
    if len(names) != count:
        word_class = word_classes()[class_name]
        raise DataFileError(f"[{class_name}] must list {count} names, lists {len(names)}",
                            path=word_class.path, line=word_class.line)
    return {name: number for number, name in enumerate(names, start=first)}


def _abbreviated(abbreviations: tuple[str, ...], names: dict[str, int], class_name: str
                 ) -> dict[str, int]:
    """Each abbreviation numbered as the one full name it begins ("sept" -> september)."""
    numbered: dict[str, int] = {}
    for abbreviation in abbreviations:
        owners = [number for name, number in names.items() if name.startswith(abbreviation)]
        if len(owners) != 1:
            word_class = word_classes()[class_name]
            raise DataFileError(f"abbreviation {abbreviation!r} in [{class_name}] must begin "
                                f"exactly one full name, begins {len(owners)}",
                                path=word_class.path, line=word_class.line)
        numbered[abbreviation] = owners[0]
    return numbered


# Names in redshank/data/words/calendar.words, numbered by their order there.
MONTHS = _numbered("months", 1, 12)
MONTH_ABBREVIATIONS = _abbreviated(word_list("month_abbreviations"), MONTHS,
                                   "month_abbreviations")
WEEKDAYS = _numbered("weekdays", 0, 7)
WEEKDAY_ABBREVIATIONS = _abbreviated(word_list("weekday_abbreviations"), WEEKDAYS,
                                     "weekday_abbreviations")
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
