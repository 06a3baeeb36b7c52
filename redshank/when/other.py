"""Temporal expressions that do not date events: durations, sets, clock times, references.

Each finder is a regular expression over the paragraph text with a check on the parse,
and builds a TIMEX3 value: "three weeks" -> P3W, "every Friday" -> XXXX-WXX-5, "at 8:30
pm" -> 2014-06-11T20:30 (on the last day named before it, or publication), "now" ->
PRESENT_REF. Years that name a noun ("the 1999 elections"), weekends, seasons and
quarters are DATEs found here too: they are not precise enough to date an event.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from redshank.model import ResolvedDate, Span
from redshank.when.expressions import _governing_verb, _is_future
from redshank.when.periods import shift
from redshank.when.timex import TemporalExpression, TimexType
from redshank.when.vocabulary import WEEKDAYS, alternation

COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100,
    "a couple of": 2, "couple of": 2, "a few": "X", "few": "X", "several": "X", "many": "X",
}
# TIMEX3 unit letters; time units take the "T" designator (PT48H)
UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
    "month": "M", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})
COUNT = rf"(?:\d{{1,4}}|{alternation(COUNTS)})"
UNIT_WORD = rf"(?:{alternation(UNIT_CODES)})"
HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half)"
DURATION = re.compile(
    rf"\b(?i:(?:(?:the|its|their|his|her|our)\s+)?"
    rf"(?:(?:past|last|next|coming|latest|first|recent|previous)\s+)?"
    rf"(?P<count>{COUNT})(?:\s+or\s+so)?{HALF}?[\s-]+(?P<unit>{UNIT_WORD})s?{HALF}?"
    rf"|the\s+(?:past|last|next|coming)\s+(?P<one>{UNIT_WORD}){HALF}?"
    rf"|(?P<lead>the|recent|past|coming|for|over)\s+(?P<plural>{UNIT_WORD})s)\b"
)
AFTER_DURATION_DATE = re.compile(
    r"[\s-]+(?:ago|later|earlier|afterwards?|previously|from\s+now|old)\b",
    re.IGNORECASE,
)
SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "annum": "P1Y",
             "hour": "PT1H", "quarter": "P3M"}
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M"}
WEEKDAY = rf"(?:{alternation(name.capitalize() for name in WEEKDAYS)})"
SET = re.compile(
    rf"\b(?i:(?:every|each)\s+(?:other\s+)?(?:(?P<n>{COUNT})\s+)?(?P<unit>{UNIT_WORD}|annum)s?"
    rf"|per\s+(?P<per>{UNIT_WORD}|annum)"
    rf"|(?P<adverb>{alternation(SET_ADVERBS)}))\b"
    rf"|\b(?i:every\s+|each\s+|on\s+)?(?P<weekday>{WEEKDAY})s?\b"
)
CLOCK = re.compile(
    r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])(?:\.\s?m\.|m\b)"
    r"(?:\s+(?P<zone1>[A-Z]{2,4}T|UTC|GMT))?"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?:\s+(?P<zone2>[A-Z]{2,4}T|UTC|GMT))?"
    r"|\b(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s+(?:UTC|GMT)\b"
    r"|\b(?P<word>noon|midnight)\b"
)
REFERENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?i:(?:right\s+|just\s+)?now|currently|nowadays|presently|these\s+days)\b"),
     "PRESENT_REF"),
    (re.compile(r"(?<=\b[Aa]t\s)(?:present|this\s+(?:time|moment|point)|the\s+moment)\b"),
     "PRESENT_REF"),
    (re.compile(r"\b(?i:recently|lately|formerly)\b"), "PAST_REF"),
    (re.compile(r"\b(?i:the\s+past)\b"), "PAST_REF"),
    (re.compile(r"\b(?i:(?:the\s+)?(?:(?:very|quite)\s+)?(?:near|distant|foreseeable|"
                r"immediate)\s+future|the\s+future)\b"), "FUTURE_REF"),
    (re.compile(r"\b(?i:soon)\b"), "FUTURE_REF"),
)
YEAR = re.compile(r"(?<![\w,.$£€#])(?P<year>1[89]\d\d|20\d\d)(?!\d|[,.]\d|%)")
YEAR_PART = re.compile(
    r"\b(?i:mid-year|year-end|end-year|(?:mid|end)-(?P<year>1[89]\d\d|20\d\d))\b"
)
EVENT_PLURALS = frozenset(
    "elections games olympics talks polls protests riots attacks floods championships "
    "awards primaries midterms negotiations hearings".split()
)
WEEKEND = re.compile(r"\b(?i:(?P<rel>this|last|next|the|that)\s+)?weekend\b")
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
           "winter": ("WI", 12)}
SEASON = re.compile(
    rf"\b(?i:(?P<rel>this|last|next|the|early|late)\s+)?(?P<season>{alternation(SEASONS)})"
    r"\b(?:\s+(?:of\s+)?(?P<year>1[89]\d\d|20\d\d)\b)?"
)
QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4}
QUARTER = re.compile(
    rf"\b(?i:the\s+)?(?P<ordinal>(?i:{alternation(QUARTERS)}))\s+(?i:quarter)"
    r"(?:\s+of\s+(?P<year>1[89]\d\d|20\d\d)\b)?|\bQ(?P<q>[1-4])\s+(?P<qyear>1[89]\d\d|20\d\d)\b"
)
PRESENT_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "a", "an"})


@dataclass(frozen=True, slots=True)
class _Context:
    doc: Doc
    published: date | None
    offset: int
    anchors: list[ResolvedDate]
    previous: ResolvedDate | None


Finder = Callable[[re.Match[str], TokenSpan, _Context], "tuple[TimexType, str, str] | None"]


def other_expressions(doc: Doc, published: date | None, offset: int,
                      anchors: list[ResolvedDate], previous: ResolvedDate | None
                      ) -> Iterator[TemporalExpression]:
    """Durations, sets, clock times, references and noun-naming years of one paragraph.

    `anchors` are the calendar dates already found in the paragraph (a clock time takes
    the day of the last one before it); `previous` is the last date before the paragraph.
    Expressions are yielded by finder, the earlier finders winning overlaps.
    """
    context = _Context(doc, published, offset, anchors, previous)
    text = doc.text
    taken: list[tuple[int, int]] = []
    for pattern, finder in FINDERS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            tokens = doc.char_span(start, end, alignment_mode="expand")
            if tokens is None or len(tokens) == 0:
                continue
            found = finder(match, tokens, context)
            if found is None:
                continue
            kind, value, method = found
            taken.append((start, end))
            yield TemporalExpression(match[0], Span(start + offset, end + offset), kind, value,
                                     f"{match[0]!r} -> {method}")


def _token_before(tokens: TokenSpan) -> str:
    return tokens.doc[tokens.start - 1].lower_ if tokens.start > 0 else ""


def _count(word: str | None) -> str:
    if word is None:
        return "1"
    key = " ".join(word.lower().split())
    return key if key.isdigit() else str(COUNTS[key])


def _duration(match: re.Match[str], tokens: TokenSpan, ctx: _Context
              ) -> tuple[TimexType, str, str] | None:
    after = AFTER_DURATION_DATE.match(ctx.doc.text, match.end())
    if after is not None:
        return None  # "two years ago", "44-year-old": a date or an age, not a duration
    words = match[0].lower()
    if match["plural"]:
        unit, count = match["plural"].lower(), "X"
        if match["lead"].lower() == "the" and _token_before(tokens) in ("at", "of", "all"):
            return None  # "at the time", "of the day"
    elif match["one"]:
        unit, count = match["one"].lower(), "1"
    else:
        unit, count = match["unit"].lower(), _count(match["count"])
        if (match["count"].lower() in ("a", "an", "one") and not words.startswith("the")
                and tokens.start > 0 and tokens.doc[tokens.start - 1].pos_ not in
                ("ADP", "SCONJ", "VERB", "ADV")):
            return None  # "a day of happiness": a noun, not a length of time
        following = ctx.doc[tokens.end] if tokens.end < len(ctx.doc) else None
        if unit == "second" and following is not None and following.pos_ in ("NOUN", "ADJ"):
            return None  # "a second city": an ordinal
    if re.search(HALF, words):
        count = f"{count}.5" if count != "X" else count
    if unit == "fortnight":
        count = str(int(count) * 2) if count.isdigit() else count
    code = UNIT_CODES[unit.rstrip("s")]
    value = f"PT{count}{code}" if unit in TIME_UNITS else f"P{count}{code}"
    return "DURATION", value, f"duration of {count} {unit}(s)"


def _set(match: re.Match[str], tokens: TokenSpan, ctx: _Context
         ) -> tuple[TimexType, str, str] | None:
    if match["weekday"]:
        plural = match[0].endswith("s")
        every = match[0].lower().startswith(("every", "each"))
        if not (plural or every):
            return None
        number = list(WEEKDAYS).index(match["weekday"].lower()) + 1
        return "SET", f"XXXX-WXX-{number}", f"every {match['weekday']}"
    if match["adverb"]:
        word = tokens[0]
        if word.pos_ == "ADJ" and word.head.i > word.i:
            return None  # "a daily newspaper", "weekly jobless claims": a modifier
        return "SET", SET_ADVERBS[match["adverb"].lower()], "frequency adverb"
    unit = (match["unit"] or match["per"]).lower()
    if match["n"]:
        count = _count(match["n"])
        code = UNIT_CODES.get(unit, "Y")
        value = f"PT{count}{code}" if unit in TIME_UNITS else f"P{count}{code}"
        return "SET", value, f"every {count} {unit}s"
    return "SET", SET_UNITS.get(unit, f"P1{UNIT_CODES.get(unit, 'Y')}"), f"once a {unit}"


def _a_unit_set(match: re.Match[str], tokens: TokenSpan, ctx: _Context
                ) -> tuple[TimexType, str, str] | None:
    """"a year" after an amount ("EUR 9 billion a year", "twice a week"): a rate, a SET."""
    before = tokens.doc[tokens.start - 1] if tokens.start > 0 else None
    if before is None or not (before.like_num or before.lower_ in ("times", "twice", "once")
                              or before.lower_ in ("billion", "million", "percent", "%")):
        return None
    return "SET", SET_UNITS[match["unit"].lower()], f"rate per {match['unit'].lower()}"


def _day_before(ctx: _Context, position: int) -> tuple[date | None, str]:
    """The day a clock time is on: the last day-precise date before it, or publication."""
    for anchor in reversed(ctx.anchors):
        if anchor.span is not None and anchor.span.start < position and anchor.precision == "day":
            return anchor.start, f"on {anchor.text!r}"
    if ctx.previous is not None and ctx.previous.precision == "day":
        return ctx.previous.start, f"on previous {ctx.previous.text!r}"
    return ctx.published, "on the publication day"


def _clock(match: re.Match[str], tokens: TokenSpan, ctx: _Context
           ) -> tuple[TimexType, str, str] | None:
    if match["word"]:
        hour, minute = (12, 0) if match["word"].lower() == "noon" else (24, 0)
    elif match["ap"]:
        hour, minute = int(match["h"]) % 12, int(match["m"] or 0)
        hour += 12 if match["ap"].lower() == "p" else 0
    elif match["h24"]:
        if match["zone2"] is None and _token_before(tokens) not in ("at", "by", "until", "after",
                                                                    "before", "from", "to"):
            return None  # "won 3:2", "John 3:16": a clock time needs a zone or a preposition
        hour, minute = int(match["h24"]), int(match["m24"])
    else:
        hour, minute = int(match["hm"]), int(match["mm"])
    day, where = _day_before(ctx, match.start() + ctx.offset)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{hour:02d}:{minute:02d}", f"clock time {where}"


def _reference(value: str) -> Finder:
    def finder(match: re.Match[str], tokens: TokenSpan, ctx: _Context
               ) -> tuple[TimexType, str, str] | None:
        words = match[0].lower()
        last = tokens[-1]
        following = ctx.doc[tokens.end] if tokens.end < len(ctx.doc) else None
        if words.endswith("future") and last.pos_ == "ADJ":
            return None  # "future prosperity"
        if words == "the past" and following is not None and following.pos_ in (
                "NOUN", "PROPN", "NUM", "ADJ"):
            return None  # "the past year" is a duration
        if words == "soon" and (_token_before(tokens) == "as" or (
                following is not None and following.lower_ in ("after", "before", "as"))):
            return None  # "as soon as", "soon after the vote"
        if words.endswith("now") and following is not None and following.lower_ == "-":
            return None  # "now-defunct"
        return "DATE", value, "reference to the present, past or future"
    return finder


def _noun_year(match: re.Match[str], tokens: TokenSpan, ctx: _Context
               ) -> tuple[TimexType, str, str] | None:
    """A year that names a noun ("the 1999 elections", "2008 COMPUTEX") or opens a line."""
    year = tokens[0]
    following = ctx.doc[tokens.end] if tokens.end < len(ctx.doc) else None
    if following is None or not following.is_alpha:
        return None
    if following.tag_ in ("NNS", "NNPS") and following.lower_ not in EVENT_PLURALS:
        return None  # "the 2000 troops": a count
    before = _token_before(tokens)
    if not (before in PRESENT_DETERMINERS or before.endswith("'s") or year.i == 0
            or ctx.doc[year.i - 1].is_punct or following.is_title or following.is_upper):
        return None
    return "DATE", match["year"], "year naming a noun"


def _year_part(match: re.Match[str], tokens: TokenSpan, ctx: _Context
               ) -> tuple[TimexType, str, str] | None:
    if match["year"]:
        return "DATE", match["year"], "part of a year"
    if ctx.published is None:
        return None
    return "DATE", str(ctx.published.year), "part of the publication year"


def _weekend(match: re.Match[str], tokens: TokenSpan, ctx: _Context
             ) -> tuple[TimexType, str, str] | None:
    relation = (match["rel"] or "").lower()
    if ctx.published is None or relation == "that":
        return None
    published = ctx.published
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    future = relation == "next" or (relation in ("this", "the")
                                    and _is_future(_governing_verb(tokens)))
    if future and published.weekday() < 5:
        saturday += timedelta(days=7)
    elif relation == "next":
        saturday += timedelta(days=7)
    elif relation == "last" and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return "DATE", f"{year:04d}-W{week:02d}-WE", f"weekend of Saturday {saturday}"


def _season(match: re.Match[str], tokens: TokenSpan, ctx: _Context
            ) -> tuple[TimexType, str, str] | None:
    code, first_month = SEASONS[match["season"].lower()]
    relation = (match["rel"] or "").lower()
    if match["year"]:
        return "DATE", f"{match['year']}-{code}", "season of a year"
    following = ctx.doc[tokens.end] if tokens.end < len(ctx.doc) else None
    if not relation or ctx.published is None or (
            following is not None and following.lower_ == "of"):
        return None  # "fall" and "spring" are verbs and nouns too: "the fall of the regime"
    published = ctx.published
    year = published.year
    started = date(year, first_month, 1) <= published
    if relation == "last":
        year -= 1 if started else 0
        year -= 1 if date(year, first_month, 1) > published else 0
    elif relation == "next":
        year += 1 if started else 0
    elif relation in ("the", "early", "late") and not started and not _is_future(
            _governing_verb(tokens)):
        year -= 1
    return "DATE", f"{year:04d}-{code}", f"season relative to publication {published}"


def _quarter(match: re.Match[str], tokens: TokenSpan, ctx: _Context
             ) -> tuple[TimexType, str, str] | None:
    if match["q"]:
        return "DATE", f"{match['qyear']}-Q{match['q']}", "quarter of a year"
    number = QUARTERS[match["ordinal"].lower()]
    if match["year"]:
        return "DATE", f"{match['year']}-Q{number}", "quarter of a year"
    if ctx.published is None:
        return None
    year = ctx.published.year
    if date(year, 3 * number - 2, 1) > ctx.published and not _is_future(
            _governing_verb(tokens)):
        year -= 1
    return "DATE", f"{year:04d}-Q{number}", f"quarter relative to publication {ctx.published}"


UNITS_BEFORE = re.compile(
    rf"\b(?i:(?P<count>{COUNT})\s+(?P<unit>day|week|month|year)s?\s+(?:previously|before))"
    r"(?=\s*[,.;)]|\s*$)"
)
UNIT_LABELS = {"day": 10, "week": 10, "month": 7, "year": 4}


def _units_before(match: re.Match[str], tokens: TokenSpan, ctx: _Context
                  ) -> tuple[TimexType, str, str] | None:
    """"four years before," "six months previously": back from the last date named."""
    anchor = ctx.anchors[-1] if ctx.anchors else ctx.previous
    count = _count(match["count"])
    if anchor is None or not count.isdigit():
        return None
    unit = match["unit"].lower()
    day = shift(anchor.start, unit, -int(count))  # type: ignore[arg-type]
    if unit == "week":
        year, week, _ = day.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}", f"{count} weeks before {anchor.text!r}"
    return "DATE", day.isoformat()[:UNIT_LABELS[unit]], f"{count} {unit}s before {anchor.text!r}"


A_UNIT = re.compile(r"\b(?i:a)\s+(?P<unit>day|week|month|year)\b")
FINDERS: tuple[tuple[re.Pattern[str], Finder], ...] = (
    (CLOCK, _clock),
    (UNITS_BEFORE, _units_before),
    (QUARTER, _quarter),
    (SEASON, _season),
    (WEEKEND, _weekend),
    (YEAR_PART, _year_part),
    (SET, _set),
    (A_UNIT, _a_unit_set),
    (DURATION, _duration),
    *((pattern, _reference(value)) for pattern, value in REFERENCES),
    (YEAR, _noun_year),
)
