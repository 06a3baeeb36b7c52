"""find_temporal_expressions and redshank.api.temporal_expressions: TIMEX3 types, values, spans."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from redshank.api import temporal_expressions
from redshank.when import find_date_mentions, find_temporal_expressions

WED = date(2014, 6, 11)  # a Wednesday in ISO week 24


def timexes(nlp: Language, text: str, published: date = WED) -> list[tuple[str, str, str]]:
    """(text, type, value) of every temporal expression found in `text`."""
    return [(e.text, e.type, e.value) for e in find_temporal_expressions(nlp(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # calendar dates keep the date finder's reading, without the preposition
        ("The army withdrew in May.", [("May", "DATE", "2014-05")]),
        ("Talks were held last week.", [("last week", "DATE", "2014-W23")]),
        ("The party was founded in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("Rebels attacked on Friday.", [("Friday", "DATE", "2014-06-06")]),
        ("Voters went to the polls in the 2010 election.", [("2010", "DATE", "2010")]),
        ("The plant closed in mid-year.", [("mid-year", "DATE", "2014")]),
        ("Troops will leave by end-2015.", [("end-2015", "DATE", "2015")]),
        ("The talks resumed on the weekend.", [("the weekend", "DATE", "2014-W23-WE")]),
        ("Unemployment rose in the first quarter.", [("the first quarter", "DATE", "2014-Q1")]),
        ("The offensive began last summer.", [("last summer", "DATE", "2013-SU")]),
        ("Growth slowed in the summer of 2009.", [("the summer of 2009", "DATE", "2009-SU")]),
        # times of day
        ("The blast happened on Tuesday morning.", [("Tuesday morning", "TIME", "2014-06-10TMO")]),
        ("The minister will speak tonight.", [("tonight", "TIME", "2014-06-11TNI")]),
        ("Shots were heard last night.", [("last night", "TIME", "2014-06-10TNI")]),
        ("The vote closed at 8:30 pm.", [("8:30 pm", "TIME", "2014-06-11T20:30")]),
        ("On Monday, the bomb went off at 11 a.m. near the market.",
         [("Monday", "DATE", "2014-06-09"), ("11 a.m.", "TIME", "2014-06-09T11:00")]),
        ("The ship sank at 0120 UTC.", [("0120 UTC", "TIME", "2014-06-11T01:20")]),
        ("The curfew starts at midnight.", [("midnight", "TIME", "2014-06-11T24:00")]),
        # durations
        ("The talks lasted three weeks.", [("three weeks", "DURATION", "P3W")]),
        ("He served two years in prison.", [("two years", "DURATION", "P2Y")]),
        ("The rebels were given 48 hours to leave.", [("48 hours", "DURATION", "PT48H")]),
        ("The fight lasted two minutes.", [("two minutes", "DURATION", "PT2M")]),
        ("She began an eight-day tour.", [("eight-day", "DURATION", "P8D")]),
        ("Prices rose over the past year.", [("the past year", "DURATION", "P1Y")]),
        ("Prices rose over the last four years.", [("the last four years", "DURATION", "P4Y")]),
        ("He was held for four and a half years.", [("four and a half years", "DURATION",
                                                     "P4.5Y")]),
        ("Trade grew in recent years.", [("recent years", "DURATION", "PXY")]),
        ("The siege went on for several months.", [("several months", "DURATION", "PXM")]),
        ("Nothing changed for a decade.", [("a decade", "DURATION", "P1DE")]),
        # sets
        ("Protesters gather every Friday.", [("every Friday", "SET", "XXXX-WXX-5")]),
        ("The council meets every month.", [("every month", "SET", "P1M")]),
        ("The paper is published daily.", [("daily", "SET", "P1D")]),
        ("The report is updated annually.", [("annually", "SET", "P1Y")]),
        ("The company sells 9 billion a year.", [("a year", "SET", "P1Y")]),
        ("One person is killed per day.", [("per day", "SET", "P1D")]),
        # references
        ("He is now studying law.", [("now", "DATE", "PRESENT_REF")]),
        ("The yuan is currently undervalued.", [("currently", "DATE", "PRESENT_REF")]),
        ("Nowadays few people write letters.", [("Nowadays", "DATE", "PRESENT_REF")]),
        ("He was recently transferred.", [("recently", "DATE", "PAST_REF")]),
        ("We have done this in the past.", [("the past", "DATE", "PAST_REF")]),
        ("They will meet in the near future.", [("the near future", "DATE", "FUTURE_REF")]),
        ("The soldier can soon return home.", [("soon", "DATE", "FUTURE_REF")]),
        ("The choice is judicious at this time.", [("this time", "DATE", "PRESENT_REF")]),
    ],
)
def test_types_and_values(nlp: Language, text: str, expected: list[tuple[str, str, str]]
                          ) -> None:
    assert timexes(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 44-year-old worker died.",  # an age
        "He was a man of 93 years old.",
        "Adidas is offering $59 a share.",
        "This is a day of happiness for the people.",
        "Protesters seized a second city.",
        "Weekly jobless claims rose.",  # a frequency adjective on a noun
        "They invested in future prosperity.",
        "The army left as soon as the truce began.",
        "After the fall of the regime, he fled.",
        "The Good Friday Agreement holds.",
        "The company sent 2000 troops.",
    ],
)
def test_not_temporal_expressions(nlp: Language, text: str) -> None:
    assert timexes(nlp, text) == []


def test_units_before_count_back_from_the_last_date(nlp: Language) -> None:
    text = "Uribe took office on August 7, 2006. Four years before, rockets were fired."
    assert timexes(nlp, text)[-1] == ("Four years before", "DATE", "2002")


def test_durations_sets_and_references_never_date_events(nlp: Language) -> None:
    """Only calendar dates become DateMentions, which the coder uses to date events."""
    text = ("The talks lasted three weeks and are now held every Friday, "
            "as they were recently.")
    assert find_date_mentions(nlp(text), WED) == []
    assert [e.type for e in find_temporal_expressions(nlp(text), WED)] == [
        "DURATION", "DATE", "SET", "DATE"]


def test_the_last_year_is_a_duration_not_last_year(nlp: Language) -> None:
    assert find_date_mentions(nlp("Prices doubled over the last year."), WED) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a bare month or weekday in a future clause written before it resolves forward
        ("The ministers will meet in May.", date(2014, 3, 10), "2014-05"),
        ("The ministers met in May.", date(2014, 3, 10), "2013-05"),
        ("The president is going to visit on Friday.", WED, "2014-06-13"),
        ("The president visited on Friday.", WED, "2014-06-06"),
        ("Talks are scheduled for June 20.", WED, "2014-06-20"),
        # a day after a future date is future too; "is" names the nearest such day
        ("Elections are called for July 9, 2014 and a first session on June 19.",
         date(2014, 3, 16), "2014-06-19"),
        ("The official voting day is March 26.", date(2014, 2, 27), "2014-03-26"),
    ],
)
def test_tense_aware_resolution(nlp: Language, text: str, published: date, expected: str
                                ) -> None:
    assert timexes(nlp, text, published)[-1][2] == expected


def test_a_day_named_again_takes_the_year_of_the_first_naming(nlp: Language) -> None:
    text = "The attacks of September 11, 2001 changed everything; the events of Sept 11 did."
    assert [v for _, _, v in timexes(nlp, text, date(2006, 5, 23))] == [
        "2001-09-11", "2001-09-11"]


def test_api_spans_point_into_the_text() -> None:
    text = "Officials said on Tuesday.\n\nThe talks lasted three weeks and resume next May."
    found = temporal_expressions(text, WED)
    assert [(e.text, text[e.span.start:e.span.end]) for e in found] == [
        ("Tuesday", "Tuesday"), ("three weeks", "three weeks"), ("next May", "next May")]
    assert [e.value for e in found] == ["2014-06-10", "P3W", "2015-05"]


def test_api_reads_a_dateline_without_a_publication_date() -> None:
    text = "WASHINGTON, June 11, 2014 (Reuters) - Officials met yesterday."
    assert [(e.text, e.value) for e in temporal_expressions(text)] == [
        ("yesterday", "2014-06-10")]
