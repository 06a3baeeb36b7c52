"""Resolve one English date expression to a calendar range, relative to the publication date.

Rules cover absolute dates, expressions relative to publication ("last week", "on Friday",
"two days ago") and narrative anchors resolved from the previous date in the article ("at
the time", "the next day"). dateparser is used only as a fallback for absolute full dates
in formats the rules do not name ("6/11/2014"); it is never given running text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Literal

from redshank.model import ResolvedDate
from redshank.when.periods import (
    Part,
    Period,
    Unit,
    day_period,
    decade_period,
    month_period,
    most_recent_month,
    nearest_weekday,
    part_of,
    period_of,
    shift,
    year_period,
)
from redshank.when.vocabulary import (
    DAY_OF_MONTH,
    MONTH_ANY,
    MONTH_FULL,
    NUMBER,
    WEEKDAY_ANY,
    WEEKDAYS,
    count_of,
    month_number,
    weekday_number,
)

Tense = Literal["past", "future", "neutral"]

PREPOSITION = re.compile(
    r"(?:in|on|by|during|since|until|till|through|throughout|from|at|as of|of) (?P<rest>.+)"
)
MODIFIER = re.compile(
    r"(?:the )?(?P<mod>early|mid|late|earlier|later)(?:-| )(?P<rest>.+)"
    r"|the (?P<edge>beginning|start|middle|end) of (?P<rest2>.+)"
)
EDGE_PARTS = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}
PARTS: dict[str, Part] = {"early": "early", "mid": "mid", "late": "late"}
UNITS: dict[str, Unit] = {"day": "day", "week": "week", "month": "month", "year": "year"}
STEP_TENSES: dict[int, Tense] = {0: "neutral", -1: "past", 1: "future"}
TIME_OF_DAY = r"(?: (?:morning|afternoon|evening|night))?"
UNUSED_BASE = date(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class _Context:
    """What an expression is resolved against."""

    published: date | None
    previous: ResolvedDate | None
    future: bool
    part: Part | None = None


@dataclass(frozen=True, slots=True)
class _Reading:
    """A rule's answer: the period, why, and whether the words themselves fix past or future."""

    period: Period
    explanation: str
    tense: Tense = "neutral"


Rule = Callable[[re.Match[str], _Context], "_Reading | None"]


def _previous_period(previous: ResolvedDate) -> Period | None:
    """The previous resolved date as a period, if it has a calendar precision."""
    if previous.precision in ("reported", "unknown"):
        return None
    unit: Unit = "decade" if previous.date.endswith("X") else UNITS[previous.precision]
    return Period(unit, previous.start, previous.end, previous.date)


def _amount(count: int, unit: str) -> str:
    """A count of units for explanations: 1 day, 3 weeks."""
    return f"{abs(count)} {unit}{'' if abs(count) == 1 else 's'}"


def _describe_previous(previous: ResolvedDate) -> str:
    return f"previous {previous.text!r} ({previous.date})"


def _unit_of_previous(unit: Unit, ctx: _Context) -> Period | None:
    """The `unit` period containing the previous date, if the previous date is that precise."""
    if ctx.previous is None or _previous_period(ctx.previous) is None:
        return None
    period = period_of(unit, ctx.previous.start)
    return period if ctx.previous.end <= period.end else None


def _shift_previous(unit: Unit, count: int, ctx: _Context) -> _Reading | None:
    """The `unit` period `count` units after (or before, if negative) the previous date."""
    base = _unit_of_previous(unit, ctx)
    if base is None or ctx.previous is None:
        return None
    period = period_of(unit, shift(base.start, unit, count))
    direction = "after" if count > 0 else "before"
    explanation = f"{_amount(count, unit)} {direction} {_describe_previous(ctx.previous)}"
    return _Reading(period, explanation)


def _same_as_previous(match: re.Match[str], ctx: _Context) -> _Reading | None:
    if ctx.previous is None:
        return None
    period = _previous_period(ctx.previous)
    if period is None:
        return None
    return _Reading(period, f"same as {_describe_previous(ctx.previous)}")


def _same_unit(match: re.Match[str], ctx: _Context) -> _Reading | None:
    unit = UNITS[match["unit"]]
    period = _unit_of_previous(unit, ctx)
    if period is None or ctx.previous is None:
        return None
    return _Reading(period, f"the {unit} of {_describe_previous(ctx.previous)}")


def _next_unit(match: re.Match[str], ctx: _Context) -> _Reading | None:
    return _shift_previous(UNITS[match["unit"]], 1, ctx)


def _previous_unit(match: re.Match[str], ctx: _Context) -> _Reading | None:
    return _shift_previous(UNITS[match["unit"]], -1, ctx)


def _units_later(match: re.Match[str], ctx: _Context) -> _Reading | None:
    return _shift_previous(UNITS[match["unit"]], count_of(match["n"]), ctx)


def _units_earlier(match: re.Match[str], ctx: _Context) -> _Reading | None:
    return _shift_previous(UNITS[match["unit"]], -count_of(match["n"]), ctx)


def _publication_day(offset: int, words: str) -> Rule:
    """A rule for a day at a fixed distance from publication ("yesterday": -1)."""
    tense: Tense = "past" if offset < 0 else "future" if offset > 0 else "neutral"

    def rule(match: re.Match[str], ctx: _Context) -> _Reading | None:
        if ctx.published is None:
            return None
        day = ctx.published + timedelta(days=offset)
        return _Reading(day_period(day), f"{words} publication {ctx.published}", tense)

    return rule


def _weekday(match: re.Match[str], ctx: _Context) -> _Reading | None:
    if ctx.published is None:
        return None
    weekday = weekday_number(match["weekday"])
    name = list(WEEKDAYS)[weekday].capitalize()
    relation = match["rel"]
    if relation in ("last", "past"):
        day = nearest_weekday(weekday, ctx.published, direction=-1)
        return _Reading(
            day_period(day), f"most recent {name} before publication {ctx.published}", "past"
        )
    if relation in ("next", "coming"):
        day = nearest_weekday(weekday, ctx.published, direction=1)
        return _Reading(day_period(day), f"next {name} after publication {ctx.published}", "future")
    if weekday == ctx.published.weekday():
        return _Reading(day_period(ctx.published), f"publication day {ctx.published} is a {name}")
    if ctx.future:
        day = nearest_weekday(weekday, ctx.published, direction=1)
        return _Reading(
            day_period(day),
            f"next {name} after publication {ctx.published} (future tense)",
            "future",
        )
    day = nearest_weekday(weekday, ctx.published, direction=-1)
    return _Reading(
        day_period(day), f"most recent {name} before publication {ctx.published}", "past"
    )


def _relative_period(match: re.Match[str], ctx: _Context) -> _Reading | None:
    if ctx.published is None:
        return None
    unit = UNITS[match["unit"]]
    step = {"this": 0, "last": -1, "next": 1}[match["rel"]]
    period = period_of(unit, shift(ctx.published, unit, step))
    where = {0: "containing", -1: "before the one containing", 1: "after the one containing"}
    tense = STEP_TENSES[step]
    return _Reading(period, f"calendar {unit} {where[step]} publication {ctx.published}", tense)


def _ago(match: re.Match[str], ctx: _Context) -> _Reading | None:
    if ctx.published is None:
        return None
    unit = UNITS[match["unit"]]
    count = count_of(match["n"])
    target = shift(ctx.published, unit, -count)
    explanation = f"{unit} of {target}, {_amount(count, unit)} before publication {ctx.published}"
    return _Reading(period_of(unit, target), explanation, "past")


def _from_now(match: re.Match[str], ctx: _Context) -> _Reading | None:
    if ctx.published is None:
        return None
    unit = UNITS[match["unit"]]
    count = count_of(match["n"])
    target = shift(ctx.published, unit, count)
    explanation = f"{unit} of {target}, {_amount(count, unit)} after publication {ctx.published}"
    return _Reading(period_of(unit, target), explanation, "future")


def _month_alone(match: re.Match[str], ctx: _Context) -> _Reading | None:
    if ctx.published is None:
        return None
    month = month_number(match["month"])
    name = match["month"].capitalize()
    relation = match["rel"]
    if relation == "this":
        return _Reading(
            month_period(ctx.published.year, month),
            f"{name} of the publication year {ctx.published.year}",
        )
    if relation == "last":
        period = most_recent_month(month, shift(ctx.published, "month", -1), future=False)
        return _Reading(
            period, f"most recent {name} before the publication month ({ctx.published})", "past"
        )
    if relation == "next":
        period = most_recent_month(month, shift(ctx.published, "month", 1), future=True)
        return _Reading(
            period, f"next {name} after the publication month ({ctx.published})", "future"
        )
    period = most_recent_month(month, ctx.published, future=ctx.future)
    if ctx.part is not None:
        period = _part_on_the_right_side(period, ctx.part, ctx.published, ctx.future)
    if ctx.future:
        return _Reading(
            period, f"next {name} on or after publication {ctx.published} (future tense)"
        )
    return _Reading(period, f"most recent {name} on or before publication {ctx.published}")


def _part_on_the_right_side(period: Period, part: Part, published: date, future: bool) -> Period:
    """For "mid-May": the year whose part is not after (future: not before) publication."""
    piece = part_of(period, part)
    if not future and piece.start > published:
        return month_period(period.start.year - 1, period.start.month)
    if future and piece.end < published:
        return month_period(period.start.year + 1, period.start.month)
    return period


def _day_without_year(match: re.Match[str], ctx: _Context) -> _Reading | None:
    if ctx.published is None:
        return None
    month, day = month_number(match["month"]), int(match["day"].rstrip("stndrh"))
    earlier = ctx.previous
    if (earlier is not None and earlier.precision == "day"
            and (earlier.start.month, earlier.start.day) == (month, day)):
        return _Reading(day_period(earlier.start),
                        f"year of the same day named before: {_describe_previous(earlier)}")
    year = ctx.published.year
    candidate = date(year, month, day)
    if not ctx.future and candidate > ctx.published:
        candidate = date(year - 1, month, day)
    if ctx.future and candidate < ctx.published:
        candidate = date(year + 1, month, day)
    side = "on or after" if ctx.future else "on or before"
    return _Reading(day_period(candidate), f"year inferred: {side} publication {ctx.published}")


def _full_date(match: re.Match[str], ctx: _Context) -> _Reading | None:
    day = int(match["day"].rstrip("stndrh"))
    day_date = date(int(match["year"]), month_number(match["month"]), day)
    return _Reading(day_period(day_date), "absolute date")


def _iso_date(match: re.Match[str], ctx: _Context) -> _Reading | None:
    day_date = date(int(match["year"]), int(match["month"]), int(match["day"]))
    return _Reading(day_period(day_date), "absolute ISO date")


def _month_year(match: re.Match[str], ctx: _Context) -> _Reading | None:
    period = month_period(int(match["year"]), month_number(match["month"]))
    return _Reading(period, "month and year")


def _year(match: re.Match[str], ctx: _Context) -> _Reading | None:
    return _Reading(year_period(int(match["year"])), "year")


def _decade(match: re.Match[str], ctx: _Context) -> _Reading | None:
    if match["decade"]:
        first = int(match["decade"])
    else:
        short = int(match["short"])
        first = 2000 + short if short <= 10 else 1900 + short
    return _Reading(decade_period(first), f"decade {first}-{first + 9}")


def _rule(pattern: str, handler: Rule) -> tuple[re.Pattern[str], Rule]:
    return re.compile(pattern), handler


WEEKDAY_RULE = rf"(?:(?P<rel>last|this|next|past|coming) )?(?P<weekday>{WEEKDAY_ANY})"
RULES: tuple[tuple[re.Pattern[str], Rule], ...] = (
    _rule(r"at (?:the|that) (?:time|point)", _same_as_previous),
    _rule(r"(?:that|the same|that same) (?P<unit>day|week|month|year)", _same_unit),
    _rule(r"the (?:next|following) (?P<unit>day|week|month|year)", _next_unit),
    _rule(r"the (?P<unit>day|week|month|year) after", _next_unit),
    _rule(r"the (?:previous|preceding) (?P<unit>day|week|month|year)", _previous_unit),
    _rule(r"the (?P<unit>day|week|month|year) before", _previous_unit),
    _rule(
        rf"(?P<n>{NUMBER}) (?P<unit>day|week|month|year)s? (?:later|after|afterwards?)",
        _units_later,
    ),
    _rule(rf"(?P<n>{NUMBER}) (?P<unit>day|week|month|year)s? (?:earlier|before)", _units_earlier),
    _rule(
        rf"(?:today|tonight|this (?:morning|afternoon|evening)){TIME_OF_DAY}",
        _publication_day(0, "the day of"),
    ),
    _rule(rf"(?:yesterday{TIME_OF_DAY}|last night)", _publication_day(-1, "the day before")),
    _rule(rf"tomorrow{TIME_OF_DAY}", _publication_day(1, "the day after")),
    _rule(r"the day before yesterday", _publication_day(-2, "two days before")),
    _rule(r"the day after tomorrow", _publication_day(2, "two days after")),
    _rule(rf"{WEEKDAY_RULE}{TIME_OF_DAY}", _weekday),
    _rule(r"(?P<rel>this|last|next) (?P<unit>week|month|year)", _relative_period),
    _rule(rf"(?P<n>{NUMBER}) (?P<unit>day|week|month|year)s? ago", _ago),
    _rule(rf"in (?P<n>{NUMBER}) (?P<unit>day|week|month|year)s?(?:'? time)?", _from_now),
    _rule(rf"(?P<n>{NUMBER}) (?P<unit>day|week|month|year)s? from now", _from_now),
    _rule(rf"(?:(?P<rel>last|this|next) )?(?P<month>{MONTH_FULL})", _month_alone),
    _rule(
        rf"(?:{WEEKDAY_ANY},? )?(?P<month>{MONTH_ANY}) (?P<day>{DAY_OF_MONTH}),? "
        r"(?P<year>\d{4})",
        _full_date,
    ),
    _rule(
        rf"(?:{WEEKDAY_ANY},? )?(?:the )?(?P<day>{DAY_OF_MONTH}) (?:of )?"
        rf"(?P<month>{MONTH_ANY}),? (?P<year>\d{{4}})",
        _full_date,
    ),
    _rule(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})", _iso_date),
    _rule(rf"(?P<month>{MONTH_ANY}) (?P<day>{DAY_OF_MONTH})", _day_without_year),
    _rule(rf"(?:the )?(?P<day>{DAY_OF_MONTH}) (?:of )?(?P<month>{MONTH_ANY})", _day_without_year),
    _rule(rf"(?P<month>{MONTH_ANY}),? (?:of )?(?P<year>\d{{4}})", _month_year),
    _rule(r"(?P<year>\d{4})", _year),
    _rule(r"(?:the )?(?:(?P<decade>\d{3}0)'?s|'(?P<short>\d0)s)", _decade),
)
FULL_DATE_SHAPE = re.compile(
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}|(?<![a-z])(?:{MONTH_ANY})(?![a-z]).*\d{{4}}"
)
MAX_DATEPARSER_CHARS = 60


def resolve_expression(
    text: str,
    published: date | None,
    previous: ResolvedDate | None = None,
    *,
    future: bool = False,
) -> ResolvedDate | None:
    """Resolve one date expression against the publication date and the previous date.

    `future` says the sentence speaks of the future: a bare month or weekday is then the
    next one on or after publication, and a period containing publication starts there
    (otherwise it ends there). Returns None when the expression cannot be resolved.
    """
    expression = text.strip()
    normalized = _normalize(expression)
    if not normalized:
        return None
    context = _Context(published, previous, future)
    try:
        found = _read(normalized, context)
    except (ValueError, OverflowError):
        return None  # a day outside the calendar: "February 30", year 0, year 10000
    if found is None:
        return None
    period, explanation = found
    return ResolvedDate(
        text=expression,
        date=period.label,
        precision=period.precision,
        start=period.start,
        end=period.end,
        method=f"{expression!r} -> {explanation}",
    )


def _normalize(text: str) -> str:
    """Lower case, straight quotes, single spaces, no possessive or edge punctuation."""
    flat = " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())
    flat = flat.strip(' ,;:()[]"\u201c\u201d')
    return re.sub(r"'s$", "", flat).rstrip(".,")


def _read(text: str, ctx: _Context) -> tuple[Period, str] | None:
    """Try the rules on the text, then on the text without its leading preposition."""
    stripped = PREPOSITION.fullmatch(text)
    candidates = [text, stripped["rest"]] if stripped else [text]
    for candidate in candidates:
        modifier, core = _split_modifier(candidate)
        part = PARTS.get(modifier or "")
        for pattern, rule in RULES:
            match = pattern.fullmatch(core)
            if match:
                reading = rule(match, replace(ctx, part=part))
                return None if reading is None else _finish(reading, modifier, core, ctx)
    return _read_with_dateparser(candidates[-1], ctx)


def _split_modifier(text: str) -> tuple[str | None, str]:
    """Separate "early", "mid-", "the end of", "earlier" ... from the expression they modify."""
    match = MODIFIER.fullmatch(text)
    if match is None:
        return None, text
    if match["mod"]:
        return match["mod"], match["rest"]
    return EDGE_PARTS[match["edge"]], match["rest2"]


def _finish(
    reading: _Reading, modifier: str | None, core: str, ctx: _Context
) -> tuple[Period, str] | None:
    """Apply the modifier, then keep a period containing publication on the side of its tense."""
    period, explanation, tense = reading.period, reading.explanation, reading.tense
    part = PARTS.get(modifier or "")
    if part is not None:
        period = part_of(period, part)
        explanation += f"; {part} part {period.start}..{period.end}"
    elif modifier in ("earlier", "later"):
        limited = _before_or_after_reference(period, modifier, core, ctx)
        if limited is None:
            return None
        period, reference, tense = limited
        explanation += f"; {modifier} than {reference}"
    published = ctx.published
    if published is None or not period.contains(published):
        return period, explanation
    side = tense if tense != "neutral" else "future" if ctx.future else "past"
    if side == "past" and period.end > published:
        period = replace(period, end=published)
        explanation += f"; up to publication {published}"
    elif side == "future" and period.start < published:
        period = replace(period, start=published)
        explanation += f"; from publication {published}"
    return period, explanation


def _before_or_after_reference(
    period: Period, modifier: str, core: str, ctx: _Context
) -> tuple[Period, str, Tense] | None:
    """Cut "earlier/later this X" at publication and "earlier/later that X" at the previous date."""
    if core.startswith("this ") and ctx.published is not None:
        start = end = ctx.published
        reference = f"publication {ctx.published}"
        tense: Tense = "past" if modifier == "earlier" else "future"
    elif core.startswith(("that ", "the same ")) and ctx.previous is not None:
        start, end = ctx.previous.start, ctx.previous.end
        reference = _describe_previous(ctx.previous)
        tense = "neutral"
    else:
        return None
    if modifier == "earlier":
        return replace(period, end=min(period.end, start)), reference, tense
    return replace(period, start=max(period.start, end)), reference, tense


def _read_with_dateparser(text: str, ctx: _Context) -> tuple[Period, str] | None:
    """An absolute full date in a format the rules do not name, read by dateparser."""
    if len(text) > MAX_DATEPARSER_CHARS or not FULL_DATE_SHAPE.search(text):
        return None
    settings = {
        "RELATIVE_BASE": datetime.combine(ctx.published or UNUSED_BASE, time()),
        "PREFER_DATES_FROM": "future" if ctx.future else "past",
        "DATE_ORDER": "MDY",
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    import dateparser  # here: its import takes 0.05 s of every start-up, and it is rarely asked

    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return day_period(parsed.date()), "absolute date read by dateparser (month/day/year order)"
