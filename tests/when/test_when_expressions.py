"""find_date_mentions: which expressions are found in parsed text, and how they resolve."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from redshank.model import DateMention
from redshank.when import find_date_mentions, resolve_expression

SeedMentions = Callable[[str], tuple[str, list[DateMention]]]

WED = date(2014, 6, 11)


def found(nlp: Language, text: str, published: date = WED) -> list[tuple[str, str]]:
    """(text, ISO date) of every mention found in `text`."""
    return [(m.resolved.text, m.resolved.date) for m in find_date_mentions(nlp(text), published)]


@pytest.mark.parametrize(
    ("seed_id", "expected"),
    [
        (
            "000_11fe88d6595ed0da",
            [("on Friday", "2014-09-05"), ("this month", "2014-09"), ("last week", "2014-08-25")],
        ),
        ("001_dce3ab4f66cebe96", [("Sunday", "2014-09-14")]),
        (
            "002_b69bd920d9e2bfbe",
            [
                ("in May", "2014-05"),
                ("in 2011", "2011"),
                ("last year", "2013"),
                ("at the time", "2013"),
                ("By March", "2014-03"),
            ],
        ),
    ],
)
def test_seed_articles(
    seed_id: str, expected: list[tuple[str, str]], seed_mentions: SeedMentions
) -> None:
    _, mentions = seed_mentions(seed_id)
    assert [(m.resolved.text, m.resolved.date) for m in mentions] == expected


@pytest.mark.parametrize("seed_id", ["000_11fe88d6595ed0da", "002_b69bd920d9e2bfbe"])
def test_seed_spans_cut_the_expression_out_of_the_document(
    seed_id: str, seed_mentions: SeedMentions
) -> None:
    text, mentions = seed_mentions(seed_id)
    for mention in mentions:
        span = mention.resolved.span
        assert span is not None
        assert text[span.start : span.end] == mention.resolved.text


def test_last_week_in_seed_000_is_the_week_of_august_25(seed_mentions: SeedMentions) -> None:
    last_week = seed_mentions("000_11fe88d6595ed0da")[1][-1].resolved
    assert (last_week.precision, last_week.start, last_week.end) == (
        "week",
        date(2014, 8, 25),
        date(2014, 8, 31),
    )


def test_head_is_the_token_attached_outside_the_expression(nlp: Language) -> None:
    doc = nlp("As the threat escalated in May, al-Maliki asked for airstrikes.")
    (mention,) = find_date_mentions(doc, WED)
    head = doc[mention.head]
    assert head.text == "in"
    assert mention.token_start <= head.i < mention.token_end
    assert not mention.token_start <= head.head.i < mention.token_end
    assert head.head.text == "escalated"


def test_head_on_a_hand_built_parse() -> None:
    words = ["Britain", "raised", "its", "alert", "last", "week", "."]
    heads = [1, 1, 3, 1, 5, 1, 1]
    deps = ["nsubj", "ROOT", "poss", "dobj", "amod", "npadvmod", "punct"]
    doc = Doc(Language().vocab, words=words, heads=heads, deps=deps)
    (mention,) = find_date_mentions(doc, date(2014, 9, 5))
    assert (mention.token_start, mention.token_end, mention.head) == (4, 6, 5)
    assert mention.resolved.date == "2014-08-25"


def test_offset_shifts_spans_to_document_positions(nlp: Language) -> None:
    doc = nlp("Talks ended last week.")
    (mention,) = find_date_mentions(doc, WED, offset=100)
    span = mention.resolved.span
    assert span is not None and (span.start, span.end) == (112, 121)


def test_previous_carries_across_paragraphs(nlp: Language) -> None:
    previous = resolve_expression("June 3, 2014", WED)
    doc = nlp("At the time, officials said nothing. The next day they resigned.")
    mentions = find_date_mentions(doc, WED, previous=previous)
    assert [(m.resolved.text, m.resolved.date) for m in mentions] == [
        ("At the time", "2014-06-03"),
        ("The next day", "2014-06-04"),
    ]


def test_anchor_without_previous_is_dropped(nlp: Language) -> None:
    assert found(nlp, "At the time, officials said nothing.") == []


def test_narrative_chain_within_a_paragraph(nlp: Language) -> None:
    text = (
        "On June 3, 2014, militants seized Mosul. The next day they moved south. "
        "A day later they reached Tikrit. That year was grim."
    )
    assert found(nlp, text) == [
        ("On June 3, 2014", "2014-06-03"),
        ("The next day", "2014-06-04"),
        ("A day later", "2014-06-05"),
        ("That year", "2014"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks ended on 11 June 2014.", [("on 11 June 2014", "2014-06-11")]),
        ("Talks ended on 2014-06-11.", [("on 2014-06-11", "2014-06-11")]),
        ("He visited in March 2014.", [("in March 2014", "2014-03")]),
        ("Fighting began in the 1990s.", [("in the 1990s", "199X")]),
        ("Fighting peaked in mid-2013.", [("in mid-2013", "2013")]),
        ("Violence eased in mid-May.", [("in mid-May", "2014-05")]),
        ("It flared again early 2014.", [("early 2014", "2014")]),
        ("They have fought since 2011.", [("since 2011", "2011")]),
        ("Rebels attacked two days ago.", [("two days ago", "2014-06-09")]),
        ("Three weeks ago they retreated.", [("Three weeks ago", "2014-05-19")]),
        ("Yesterday the army advanced.", [("Yesterday", "2014-06-10")]),
        ("Last night, rockets fell.", [("Last night", "2014-06-10")]),
        ("The army said Friday night it won.", [("Friday night", "2014-06-06")]),
        ("The cabinet resigned last month.", [("last month", "2014-05")]),
        ("Earlier this year, parliament met.", [("Earlier this year", "2014")]),
        ("He was born on July 4.", [("on July 4", "2013-07-04")]),
        ("The deal was signed on 5 March.", [("on 5 March", "2014-03-05")]),
        ("In May 10 nations met in Paris.", [("In May", "2014-05")]),
    ],
)
def test_finds_and_resolves(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks will resume next Friday.", [("next Friday", "2014-06-13")]),
        ("The ceasefire will start on Friday.", [("on Friday", "2014-06-13")]),
        ("The ceasefire started on Friday.", [("on Friday", "2014-06-06")]),
        ("The election is due in April.", [("in April", "2015-04")]),
        ("The election was held in April.", [("in April", "2014-04")]),
        ("They are going to meet in May.", [("in May", "2015-05")]),
        ("The vote will be held in two weeks.", [("in two weeks", "2014-06-23")]),
        ("The minister will leave next month.", [("next month", "2014-07")]),
    ],
)
def test_future_tense_resolves_forward(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NATO may also coordinate airlifts by member states.",
        "May I ask a question?",
        "We need to attack them in ways that prevent them from taking over territory.",
        "Protesters will march on Washington.",
        "March on, they said.",
        "Theresa May said the talks would go on.",
        "Prime Minister May spoke to reporters and met May.",
        "As the summit drew to a close it remained unclear how many nations might join.",
        "Ministers from 10 nations sent 2,000 troops and 2000 tanks.",
        "Britain raised its alert to its second-highest level for a second time.",
        "He signed the Good Friday Agreement.",
        "She read the Sunday Times and USA Today.",
        "They captured the city in two weeks.",
        "He said that day laborers were unhappy.",
        "At the time of the attack, police were absent.",
        "The strikes came the day after the vote.",
        "The militants took the city before 2011.",
        "© 2018 Star Tribune",
    ],
)
def test_does_not_fire_on_non_dates(nlp: Language, text: str) -> None:
    assert found(nlp, text) == []


def test_mentions_are_in_text_order_and_do_not_overlap(nlp: Language) -> None:
    doc = nlp("Fighting began in early May, paused last week and resumed on Friday night.")
    mentions = find_date_mentions(doc, WED)
    assert [m.resolved.text for m in mentions] == ["in early May", "last week", "on Friday night"]
    for earlier, later in itertools.pairwise(mentions):
        assert earlier.token_end <= later.token_start


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a dateline is the article's date stamp, not the date of the event after it
        (
            "MOSCOW, Sept. 5, 2014 (AP) - Russia accused NATO on Thursday.",
            date(2014, 9, 5),
            [("on Thursday", "2014-09-04")],
        ),
        ("WASHINGTON, Sept. 5 (Reuters) - The talks failed.", date(2014, 9, 5), []),
        # a place before a weekday is not a name: "in Paris Friday" is wire style
        (
            "The president met French officials in Paris last Friday.",
            date(2014, 5, 16),
            [("last Friday", "2014-05-09")],
        ),
        ("Ministers met in Geneva Thursday.", date(2014, 5, 16), [("Thursday", "2014-05-15")]),
        # "on Saturday U.S. claims": the parser makes Saturday part of a name
        (
            "North Korea rejected on Saturday U.S. claims.",
            date(2014, 12, 31),
            [("on Saturday", "2014-12-27")],
        ),
        # an infinitive under a present verb of intention, or "is to", speaks of the future
        (
            "The minister plans to visit Italy on Tuesday.",
            date(2015, 2, 1),
            [("on Tuesday", "2015-02-03")],
        ),
        ("The minister hopes to visit Iran in July.", WED, [("in July", "2014-07")]),
        ("The president is to visit Iran in July.", WED, [("in July", "2014-07")]),
        ("Iran has agreed to curb enrichment by March.", WED, [("by March", "2015-03")]),
        (
            "Iran agreed on Monday to curb enrichment by March.",
            WED,
            [("on Monday", "2014-06-09"), ("by March", "2014-03")],
        ),
        # a day naming a noun takes the reading nearest publication, whatever the verb's tense
        (
            "The president rejected calls to delay the June 5 election.",
            date(2015, 5, 30),
            [("June 5", "2015-06-05")],
        ),
        (
            "Inspectors visited the site of the Aug. 21 attack.",
            date(2013, 9, 10),
            [("Aug. 21", "2013-08-21")],
        ),
    ],
)
def test_regressions_from_the_date_set(
    nlp: Language, text: str, published: date, expected: list[tuple[str, str]]
) -> None:
    assert found(nlp, text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Troops fired on marchers on Bloody Sunday.",
        "Pilgrims gathered on Easter Sunday.",
        "Voters went to the polls on Super Tuesday.",
    ],
)
def test_holiday_names_are_not_weekdays(nlp: Language, text: str) -> None:
    assert found(nlp, text) == []
