"""Weekday names glued into a longer token ("Friday-night") used to raise StopIteration.

The weekday pattern matches the word in the text, but the tokenizer keeps "Tuesday-morning",
"Thursday(13" and "Sunday—a" as one token; the check that looked for a token equal to the
weekday found none. The sentences are from the Wikinews articles that stopped an ingest.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from redshank.when import find_date_mentions

WED = date(2014, 6, 11)
CORPUS_SENTENCES = [
    "The talks ended on a Friday-night session.",
    'He said it would have been as "damaging" as a Tuesday-morning strike.',
    "At the beginning of the evening of Thursday(13), 102 criminal actions were recorded.",
    "He is the front-runner going into next week's Super-Tuesday primaries.",
    "The session ended unanimously, started mid-Saturday and continued until early Sunday.",
    "The matter was finally resolved on the night of Thursday-Friday 16-17 July.",
    "They spoke to them by radio-telephone on Sunday—a possibility that brought relief.",
]


def found(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(m.resolved.text, m.resolved.date) for m in find_date_mentions(nlp(text), WED)]


@pytest.mark.parametrize("sentence", CORPUS_SENTENCES)
def test_glued_weekdays_do_not_raise(nlp: Language, sentence: str) -> None:
    find_date_mentions(nlp(sentence), WED)  # raised StopIteration before the fix


def test_a_part_glued_to_a_weekday_is_a_date(nlp: Language) -> None:
    dates = found(nlp, CORPUS_SENTENCES[4])
    assert ("mid-Saturday", "2014-06-07") in dates


def test_a_name_glued_to_a_weekday_is_not_a_date(nlp: Language) -> None:
    assert all("Tuesday" not in text for text, _ in found(nlp, CORPUS_SENTENCES[3]))


def test_a_determiner_glued_into_a_token_is_not_a_date(nlp: Language) -> None:
    assert found(nlp, "He left x-that day.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He met them on Friday.", [("on Friday", "2014-06-06")]),
        ("They met Tuesday morning.", [("Tuesday morning", "2014-06-10")]),
        ("It happened on Good Friday.", []),
    ],
)
def test_separate_weekdays_are_unchanged(nlp: Language, sentence: str,
                                         expected: list[tuple[str, str]]) -> None:
    assert found(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Iranian officials met American diplomats on Friday-night in Geneva.",
         ("on Friday", "2014-06-06")),
        ("The rebels attacked the town on Tuesday-morning.", ("on Tuesday", "2014-06-10")),
        ("They spoke by radio on Sunday—a relief to their families.", ("on Sunday", "2014-06-08")),
    ],
)
def test_a_weekday_glued_to_a_word_after_it_dates_by_the_weekday(
        nlp: Language, sentence: str, expected: tuple[str, str]) -> None:
    assert expected in found(nlp, sentence)
