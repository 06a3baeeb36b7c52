"""TIMEX3 records of temporal expressions: DATE, TIME, DURATION or SET, with their values.

Calendar dates come from `find_date_mentions` (the same mentions that date events) and get
their TIMEX3 value from their resolved period ("2014-W23", "199" for the 1990s); a time of
day named with them makes them TIME ("Tuesday morning" -> "2014-06-10TMO"). Durations,
sets, clock times and present references are found here and never date an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from redshank.model import DateMention, ResolvedDate, Span

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
LEADING_PREPOSITION = re.compile(
    r"(?i:in|on|by|during|since|until|till|through|throughout|from|at|as\s+of|of)\s+"
)
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
DAY_PART_AT_END = re.compile(r"(morning|afternoon|evening|night|tonight)\W*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A temporal expression with its TIMEX3 type and value and where it is in the text.

    `resolved` is the calendar range of a DATE or TIME that has one (None for durations,
    sets and PRESENT_REF-like values); `method` says how the value was found.
    """

    text: str
    span: Span
    type: TimexType
    value: str
    method: str
    resolved: ResolvedDate | None = None


def timex_value(resolved: ResolvedDate) -> str:
    """The TIMEX3 value of a resolved calendar date: 2014-06-11, 2014-W23, 2014-06, 2014, 199."""
    if resolved.precision == "week":
        year, week, _ = resolved.start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if resolved.date.endswith("X"):
        return resolved.date[:-1]
    return resolved.date


def from_date_mention(mention: DateMention, text: str, offset: int) -> TemporalExpression:
    """A date mention as a TIMEX3 DATE or TIME, its extent without the governing preposition.

    `text` is the paragraph whose document offset is `offset`.
    """
    resolved = mention.resolved
    span = resolved.span or Span(offset, offset)
    words = text[span.start - offset:span.end - offset]
    preposition = LEADING_PREPOSITION.match(words)
    if preposition and preposition.end() < len(words):
        words = words[preposition.end():]
        span = Span(span.start + preposition.end(), span.end)
    value = timex_value(resolved)
    kind: TimexType = "DATE"
    part = DAY_PART_AT_END.search(words)
    if part and resolved.precision == "day" and words.lower() != "last night":
        kind, value = "TIME", f"{value}T{DAY_PARTS[part[1].lower()]}"
    elif words.lower() == "last night":
        kind, value = "TIME", f"{value}TNI"
    return TemporalExpression(words, span, kind, value, resolved.method, resolved)
