"""Property tests: resolved ranges are well formed, past stays past, future stays future."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from redshank.model import ResolvedDate
from redshank.when import find_date_mentions, resolve_expression

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COUNTS = ["a", "one", "two", "three", "ten", "12"]
UNITS = ["day", "week", "month", "year"]
ISO_LENGTH = {"day": 10, "week": 10, "month": 7, "year": 4}
PUBLISHED = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
PAST_PHRASES = [
    "today", "yesterday", "last night", "the day before yesterday", "last week", "this week",
    "earlier this week", "last month", "this month", "earlier this month", "last year",
    "this year", "earlier this year", "early last year", "late last year",
]  # fmt: skip
FUTURE_PHRASES = [
    "tomorrow", "the day after tomorrow", "next week", "next month", "next year",
    "later this week", "later this month", "later this year",
]  # fmt: skip


def plural(count: str, unit: str) -> str:
    return f"{count} {unit}" if count in ("a", "one") else f"{count} {unit}s"


def relative_past(draw: st.DrawFn) -> str:
    """An expression relative to publication that always means the past or present."""
    return draw(
        st.one_of(
            st.sampled_from(PAST_PHRASES),
            st.builds(
                lambda c, u: f"{plural(c, u)} ago", st.sampled_from(COUNTS), st.sampled_from(UNITS)
            ),
            st.builds(
                lambda p, w: p + w, st.sampled_from(["", "on ", "last "]), st.sampled_from(WEEKDAYS)
            ),
            st.builds(
                lambda p, m, n: p + m + n,
                st.sampled_from(["", "in ", "by ", "since "]),
                st.sampled_from(["", "early ", "mid-", "late ", "the end of "]),
                st.sampled_from(MONTHS),
            ),
            st.builds(lambda m, d: f"{m} {d}", st.sampled_from(MONTHS), st.integers(1, 28)),
            st.builds(lambda d, m: f"{d} {m}", st.integers(1, 28), st.sampled_from(MONTHS)),
        )
    )


def absolute_past(draw: st.DrawFn, published: date) -> str:
    """An absolute expression naming a day, month, year or decade not after publication."""
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=published))
    month = MONTHS[day.month - 1]
    forms = [
        f"{month} {day.day}, {day.year}",
        f"on {day.day} {month} {day.year}",
        day.isoformat(),
        f"{month[:3]}. {day.day}, {day.year}",
        f"in {month} {day.year}",
        f"in {day.year}",
        f"the {day.year - day.year % 10}s",
    ]
    if day.year < published.year:
        part = draw(st.sampled_from(["early ", "mid-", "late "]))
        forms.append(f"{part}{day.year}")
    return draw(st.sampled_from(forms))


@st.composite
def past_cases(draw: st.DrawFn) -> tuple[date, str]:
    """(publication, expression) for expressions that cannot point after publication."""
    published = draw(PUBLISHED)
    relative = draw(st.booleans())
    return published, relative_past(draw) if relative else absolute_past(draw, published)


@st.composite
def future_cases(draw: st.DrawFn) -> tuple[date, str, bool]:
    """(publication, expression, future flag) for expressions that point forward."""
    published = draw(PUBLISHED)
    explicit = st.one_of(
        st.sampled_from(FUTURE_PHRASES),
        st.builds(lambda w: f"next {w}", st.sampled_from(WEEKDAYS)),
        st.builds(
            lambda c, u: f"in {plural(c, u)}", st.sampled_from(COUNTS), st.sampled_from(UNITS)
        ),
        st.builds(
            lambda c, u: f"{plural(c, u)} from now", st.sampled_from(COUNTS), st.sampled_from(UNITS)
        ),
    )
    by_tense = st.one_of(
        st.builds(
            lambda p, m: p + m,
            st.sampled_from(["in ", "by ", "mid-", "late "]),
            st.sampled_from(MONTHS),
        ),
        st.builds(lambda p, w: p + w, st.sampled_from(["", "on "]), st.sampled_from(WEEKDAYS)),
        st.sampled_from(["this week", "this month", "this year"]),
    )
    if draw(st.booleans()):
        return published, draw(explicit), False
    return published, draw(by_tense), True


def assert_well_formed(found: ResolvedDate) -> None:
    assert found.start <= found.end
    assert found.precision in ISO_LENGTH
    assert len(found.date) == ISO_LENGTH[found.precision]
    if found.precision == "week":
        monday = date.fromisoformat(found.date)
        assert monday.weekday() == 0
        assert monday <= found.start <= found.end <= monday + timedelta(days=6)


@given(past_cases())
def test_past_expressions_end_on_or_before_publication(case: tuple[date, str]) -> None:
    published, text = case
    found = resolve_expression(text, published)
    assert found is not None, text
    assert_well_formed(found)
    assert found.end <= published, (text, found.method)
    assert resolve_expression(text, published) == found


@given(future_cases())
def test_future_expressions_start_on_or_after_publication(
    case: tuple[date, str, bool],
) -> None:
    published, text, future = case
    found = resolve_expression(text, published, future=future)
    assert found is not None, text
    assert_well_formed(found)
    assert found.start >= published, (text, found.method)
    assert resolve_expression(text, published, future=future) == found


@given(
    PUBLISHED,
    st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(1, 12),
)
def test_days_later_counts_from_the_previous_day(
    published: date, previous_day: date, count: int
) -> None:
    previous = resolve_expression(previous_day.isoformat(), published)
    assert previous is not None
    found = resolve_expression(f"{count} days later", published, previous)
    assert found is not None
    assert found.start == found.end == previous_day + timedelta(days=count)
    same = resolve_expression("at the time", published, previous)
    assert same is not None and (same.date, same.start, same.end) == (
        previous.date,
        previous.start,
        previous.end,
    )


WORDS = [
    "in", "on", "by", "last", "next", "this", "the", "May", "may", "March", "march", "Friday",
    "week", "year", "ago", "two", "2011", "2,000", "troops", "said", "will", "meet", "at",
    "time", "that", "day", "early", "mid-2013", "1990s", "Theresa", "Good", "today", ",", ".",
]  # fmt: skip


@given(st.text(max_size=40), PUBLISHED, st.booleans())
def test_any_text_either_resolves_well_formed_or_not_at_all(
    text: str, published: date, future: bool
) -> None:
    found = resolve_expression(text, published, future=future)
    if found is not None:
        assert_well_formed(found)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=16), PUBLISHED, st.integers(0, 500))
def test_mentions_point_into_the_text_in_order(
    nlp: Language, words: list[str], published: date, offset: int
) -> None:
    text = " ".join(words)
    doc = nlp(text)
    mentions = find_date_mentions(doc, published, offset)
    end = 0
    for mention in mentions:
        span = mention.resolved.span
        assert span is not None
        assert text[span.start - offset : span.end - offset] == mention.resolved.text
        assert end <= mention.token_start < mention.token_end
        assert mention.token_start <= mention.head < mention.token_end
        end = mention.token_end
        assert_well_formed(mention.resolved)
