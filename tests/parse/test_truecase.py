"""Truecasing lower-case documents: the criterion, the table, offsets, and coding end to end."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redshank.errors import DataFileError
from redshank.model import Document, DocumentResult
from redshank.parse.truecase import (
    is_lower_case,
    load_table,
    parse_table,
    truecase,
    truecase_if_lower,
)

SMALL = parse_table(["# a test table", "Karachi", "Pakistan", "U.S.", "Mr.", "New York",
                     "the US", "Al-Qaeda"], "small.txt")


@pytest.mark.parametrize(("text", "lower"), [
    ("police arrested three men in lahore on tuesday.", True),
    ("Police arrested three men in Lahore on Tuesday.", False),
    ("POLICE ARRESTED THREE MEN IN LAHORE.", False),
    ("", False),
    ("12,000 - 3 = 11,997", False),
    # one capital in 300 letters is still a lower-case document
    ("In " + "police arrested more men on the border " * 9, True),
    # a cased sentence starts with a capital: 1 in 40 letters
    ("The police arrested three more men on the border near a town.", False),
])
def test_lower_case_criterion(text: str, lower: bool) -> None:
    assert is_lower_case(text) is lower


@pytest.mark.parametrize(("text", "expected"), [
    ("police in karachi said.", "Police in Karachi said."),
    ("i said i would go. i went.", "I said I would go. I went."),
    ("he flew to new york. she did not.", "He flew to New York. She did not."),
    ("he met the us envoy and told us.", "He met the US envoy and told us."),
    ("u.s. officials met mr. khan in pakistan.", "U.S. officials met Mr. khan in Pakistan."),
    ("al-qaeda and karachi-based groups", "Al-Qaeda and Karachi-based groups"),
    ('it ended. "we will return," he said, "we must."',
     'It ended. "We will return," he said, "We must."'),
    ("first paragraph\n\nsecond paragraph", "First paragraph\n\nSecond paragraph"),
    ("new\nyork", "New\nyork"),
])
def test_truecase_with_a_table(text: str, expected: str) -> None:
    assert truecase(text, SMALL) == expected


def test_truecase_never_lowers_a_capital_the_text_has() -> None:
    assert truecase("the PTI and the ISI met in KARACHI.", SMALL) == \
        "The PTI and the ISI met in KARACHI."


@settings(deadline=None)  # the first example loads the packaged table
@given(st.text(alphabet=st.sampled_from("abcdeiklmnoprstuyz .,!?\n\"'-İıßﬁ"), max_size=80))
def test_truecase_only_raises_case_and_keeps_every_offset(text: str) -> None:
    result = truecase(text)
    assert len(result) == len(text)
    assert all(new in (old, old.upper()) for old, new in zip(text, result, strict=True))


def test_cased_text_is_not_truecased() -> None:
    text = "Police in karachi said the US envoy left."
    assert truecase_if_lower(text) is text


@pytest.mark.parametrize(("lines", "problem"), [
    (["Karachi", "karachi"], "small.txt:2: 'karachi' is listed twice"),
    (["New  York"], "small.txt:1: 'New  York' is not a word"),
    (["Istanbul", "İstanbul"], "small.txt:2: 'İstanbul' changes length in lower case"),
])
def test_table_errors_name_file_and_line(lines: list[str], problem: str) -> None:
    with pytest.raises(DataFileError, match=problem.replace("(", r"\(")):
        parse_table(lines, "small.txt")


def test_packaged_table_knows_news_names_and_credits_its_sources() -> None:
    table = load_table()
    text = "the united nations and iraq asked the united states to help baghdad."
    assert truecase(text, table) == \
        "The United Nations and Iraq asked the United States to help Baghdad."
    assert table.form("president") == "president"
    from importlib import resources
    header = (resources.files("redshank.data") / "truecase" / "truecase.txt").read_text(
        encoding="utf-8")[:2000]
    assert "Wikinews" in header and "CC BY 2.5" in header


# End to end: sentences written for this test, coded cased and in lower case.
SENTENCES = [
    "The police arrested 12 protesters in Karachi on Monday.",
    "Pakistani police arrested three men in Lahore on Tuesday for attacking a bus.",
    "Iran accused the United States of supporting rebels in Syria.",
    "President Barack Obama met Prime Minister Nawaz Sharif in Washington on Wednesday.",
    "The United Nations called for a ceasefire in Yemen.",
]


def coded(result: DocumentResult) -> list[tuple]:
    return sorted((e.event, tuple(a.code for a in e.actor), tuple(a.code for a in e.recipient),
                   e.date, e.location.name if e.location else None) for e in result.events)


@pytest.fixture(scope="module")
def results(pipeline) -> list[tuple[DocumentResult, DocumentResult]]:
    published = date(2015, 6, 10)
    cased = [Document(id=f"cased-{i}", text=s, published=published)
             for i, s in enumerate(SENTENCES)]
    lower = [Document(id=f"lower-{i}", text=s.lower(), published=published)
             for i, s in enumerate(SENTENCES)]
    done = list(pipeline.run([*cased, *lower]))
    return list(zip(done[: len(SENTENCES)], done[len(SENTENCES) :], strict=True))


@pytest.mark.parametrize("index", range(len(SENTENCES)))
def test_lower_case_sentence_codes_the_same_events_as_cased(results, index: int) -> None:
    cased, lower = results[index]
    assert cased.events, SENTENCES[index]
    assert coded(lower) == coded(cased)


@pytest.mark.parametrize("index", range(len(SENTENCES)))
def test_lower_case_results_show_the_original_text(results, index: int) -> None:
    _, lower = results[index]
    text = lower.document.text
    assert text == SENTENCES[index].lower()
    for sentence in lower.sentences:
        assert sentence.text == text[sentence.span.start : sentence.span.end]
    for event in lower.events:
        assert event.sentence == text[event.sentence_span.start : event.sentence_span.end]
        assert event.evidence.trigger.startswith(
            text[event.evidence.span.start : event.evidence.span.end])
        assert event.date_text is None or event.date_text in text
        for actor in (*event.actor, *event.recipient):
            assert actor.text == text[actor.span.start : actor.span.end]
    for actor in lower.actors:
        assert actor.text == text[actor.span.start : actor.span.end]
        assert actor.text == actor.text.lower()
