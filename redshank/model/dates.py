"""Calendar days at the boundaries of the records: one reader, one writer.

Records hold days as `datetime.date`. JSON (`to_json`, the database's `record` columns),
command-line values and input files carry them as ISO 8601 text, "YYYY-MM-DD";
`parse_day` reads any of them and `format_day` writes one back. An event's `date` is not a
day but the label of the period it names ("2014-06", "2014", "199X") and stays text.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from redshank.errors import DayFormatError


def parse_day(value: object, what: str = "date") -> date | None:
    """The calendar day of `value`: a date, a datetime (its day), an ISO date "YYYY-MM-DD"
    or an ISO datetime string; None and "" are None.

    Anything else raises `DayFormatError` naming `what` (the field or flag) and the value.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise DayFormatError(f'{what} must be a date like "2014-06-11", got '
                             f"{type(value).__name__} {value!r}", value=value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError as exc:
        raise DayFormatError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD) or datetime",
                             value=value) from exc


def format_day(value: date | None) -> str | None:
    """The ISO text "YYYY-MM-DD" of a day (None stays None): what JSON and files hold."""
    return value.isoformat() if value is not None else None


def json_record(record: Any) -> dict[str, Any]:
    """A record as a JSON-ready dict (`dataclasses.asdict`, nested records too), its days
    written by `format_day`."""
    return dataclasses.asdict(record, dict_factory=_with_days_as_text)


def parse_days(data: dict[str, Any], *names: str) -> dict[str, Any]:
    """`data` (a record's JSON) with the days named in `names` read by `parse_day`."""
    for name in names:
        if name in data:
            data[name] = parse_day(data[name], name)
    return data


def _with_days_as_text(items: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: format_day(value) if isinstance(value, date) else value
            for key, value in items}
