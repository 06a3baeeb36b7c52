"""find_dateline and dateline_spans: the publication date written at the top of an article."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from redshank.model import DateMention
from redshank.when import find_dateline
from redshank.when.dateline import dateline_spans

SeedMentions = Callable[[str], tuple[str, list[DateMention]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraq asked U.S. to bomb militants\n\n  • June 11, 2014 - 8:31 PM\n\nText.", "2014-06-11"),
        ("WASHINGTON, Sept. 5, 2014 (Reuters) - The United States said ...", "2014-09-05"),
        ("NEW YORK, N.Y., 6/11/2014 - Stocks fell.", "2014-06-11"),
        ("A headline\nPublished: 2014-06-11\nUpdated: 2014-06-12\nText.", "2014-06-11"),
        ("Updated: 2014-06-12 | Published: 2014-06-11", "2014-06-11"),
        ("Updated: 2014-06-12\nText without another date.", "2014-06-12"),
        ("Posted on June 11, 2014 by staff", "2014-06-11"),
        ("By Reuters | June 11, 2014", "2014-06-11"),
        ("Thursday, June 12, 2014\nText.", "2014-06-12"),
        ("LONDON, 11 June 2014 — Talks resumed.", "2014-06-11"),
    ],
)
def test_finds_publication_date(text: str, expected: str) -> None:
    assert find_dateline(text) == date.fromisoformat(expected)


@pytest.mark.parametrize(
    "text",
    [
        "On June 3, 2014, militants captured Mosul.",
        "WASHINGTON, Sept. 5 (Reuters) - no year in this dateline.",
        "The United States said it had created a core coalition on Friday.",
        "© 2018 Star Tribune",
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_seed_002_dateline(seed_mentions: SeedMentions) -> None:
    text, _ = seed_mentions("002_b69bd920d9e2bfbe")
    assert find_dateline(text) == date(2014, 6, 11)


def test_dateline_far_down_the_article_is_ignored() -> None:
    text = "\n".join(["A line of body text."] * 20 + ["June 11, 2014"])
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MOSCOW, Sept. 5, 2014 (AP) - Russia accused NATO.", ["Sept. 5, 2014"]),
        ("KABUL, Afghanistan, Sept. 29, 2015 - Troops attacked.", ["Sept. 29, 2015"]),
        ("WASHINGTON, Sept. 5 (Reuters) - no year in this dateline.", ["Sept. 5"]),
        ("  • June 11, 2014 - 8:31 PM", ["June 11, 2014"]),
        ("Title\nDecember 30, 2013 - 10:15 AM\nText.", ["December 30, 2013"]),
        ("Published: 2015-01-02", ["2015-01-02"]),
        ("By Agence France-Presse | March 1, 2016", ["March 1, 2016"]),
        ("June 10, 2014 - Militants seize Mosul.", []),
        ("• June 10, 2014: Militants seize Mosul.", []),
        ("On June 3, 2014, militants captured Mosul.", []),
        ("June 3, 2014, was a grim day.", []),
        ("The list, last updated June 3, 2014, names them.", []),
        ("Iraq asked for help on June 3, 2014 - officials said.", []),
    ],
)
def test_dateline_spans_mark_date_stamps_not_event_dates(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in dateline_spans(text)] == expected
