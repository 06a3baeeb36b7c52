"""Read PLOVER gold-standard records (`plover-gsr`): a JSON array or JSON Lines.

Each record is one sentence with one gold event, as in PLOVER's `gsr_dev.json`:

    {"id": "PLOVER-GSR01-AGREE-0005", "date": "2000-01-01", "text": "Libya has offered ...",
     "event": "AGREE", "mode": "", "context": "terrorism",
     "source": [{"actorText": "Libya", "code": "LBY"}],
     "target": [{"actorText": "Great Britain", "code": "GBR", "sector": "GOV"}]}

`actor`/`recipient` are accepted for `source`/`target`, `sentence` for `text`; `target`
may be missing, null or "" (no recipient); `context` is a list or a comma-separated
string; an optional `category` groups records in the report. Old event names are mapped
(DEMAND = REQUEST, DISAPPROVE = ACCUSE, FIGHT = ASSAULT, INVESTIGATE = ACCUSE with mode
investigate); an empty `event` (or "-", "NONE") marks a sentence with no event. Legacy
country codes found in PLOVER's gold files are corrected (JAP = JPN, VTN = VNM).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from redshank.coding.plover import EVENT_TYPES
from redshank.errors import DayFormatError
from redshank.evaluate.errors import GoldFileError
from redshank.evaluate.gold import GoldActor, GoldEvent, GoldRecord, GoldSet
from redshank.model import parse_day

NO_EVENT = frozenset({"", "-", "NONE", "NO EVENT", "NOEVENT"})
LEGACY_CODES = {"JAP": "JPN", "VTN": "VNM"}
_WHITESPACE = " \t\r\n"
Fail = Callable[[str], GoldFileError]

# PLOVER 0.5 names used by older gold files -> (PLOVER event, mode it implies).
OLD_EVENT_NAMES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", None),
    "FIGHT": ("ASSAULT", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
}


def plover_event(name: str, mode: str | None) -> tuple[str, str | None] | None:
    """PLOVER event type and mode for a gold event name, old names mapped; None if unknown."""
    key = name.strip().upper()
    if key in OLD_EVENT_NAMES:
        event, implied = OLD_EVENT_NAMES[key]
        return event, mode or implied
    if key in EVENT_TYPES:
        return key, mode
    return None


def read_plover_gsr(path: str, text: str) -> GoldSet:
    """Gold records from the text of a PLOVER JSON (array) or JSON Lines file."""
    records = [_record(item, path=path, line=line, number=number)
               for number, (line, item) in enumerate(json_items(text, path), start=1)]
    return GoldSet(path=path, format="plover-gsr", unit="event", records=tuple(records))


def json_items(text: str, path: str) -> Iterator[tuple[int, Any]]:
    """The items of a JSON array or the lines of a JSON Lines text, each with its line."""
    stripped = text.lstrip(_WHITESPACE + "\ufeff")
    return _json_lines(text, path) if stripped.startswith("{") else _json_array(text, path)


def _json_lines(text: str, path: str) -> Iterator[tuple[int, Any]]:
    for line, content in enumerate(text.splitlines(), start=1):
        if not content.strip():
            continue
        try:
            yield line, json.loads(content)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"not valid JSON: {exc.msg} (column {exc.colno})", path=path,
                                line=line) from exc


def _json_array(text: str, path: str) -> Iterator[tuple[int, Any]]:
    """The items of a top-level JSON array, each with the line it starts on."""
    decoder = json.JSONDecoder()
    lines = _LineCounter(text)
    index = _skip(text, 0)
    if text[index:index + 1] != "[":
        raise GoldFileError("expected a JSON array of records or JSON Lines", path=path,
                            line=lines.at(index))
    index = _skip(text, index + 1)
    if text[index:index + 1] == "]":
        return
    while True:
        try:
            item, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"not valid JSON: {exc.msg} (column {exc.colno})", path=path,
                                line=exc.lineno) from exc
        yield lines.at(index), item
        index = _skip(text, end)
        separator = text[index:index + 1]
        if separator == "]":
            break
        if separator != ",":
            raise GoldFileError("expected ',' or ']' after a record", path=path,
                                line=lines.at(index))
        index = _skip(text, index + 1)
    if _skip(text, index + 1) < len(text):
        raise GoldFileError("unexpected text after the array", path=path,
                            line=lines.at(_skip(text, index + 1)))


class _LineCounter:
    """Line number of a character offset, counting forward from the last offset asked."""

    def __init__(self, text: str) -> None:
        self.text, self.offset, self.line = text, 0, 1

    def at(self, offset: int) -> int:
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def _record(item: Any, *, path: str, line: int, number: int) -> GoldRecord:
    if not isinstance(item, dict):
        raise GoldFileError(f"record {number} is not a JSON object", path=path, line=line)
    raw_id = item.get("id")
    if not isinstance(raw_id, str | int) or not str(raw_id).strip():
        raise GoldFileError(f"record {number} has no 'id'", path=path, line=line)
    record_id = str(raw_id).strip()

    def fail(message: str) -> GoldFileError:
        return GoldFileError(message, path=path, line=line, record=record_id)

    text = item.get("text", item.get("sentence"))
    if not isinstance(text, str) or not text.strip():
        raise fail("no 'text' (the sentence to code)")
    category = item.get("category")
    if category is not None and not isinstance(category, str):
        raise fail("'category' must be a string")
    return GoldRecord(id=record_id, text=" ".join(text.split()),
                      published=_date(item.get("date"), fail), category=category or None,
                      events=_events(item, fail), line=line)


def _date(value: Any, fail: Fail) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise fail("'date' must be a string YYYY-MM-DD")
    try:
        return parse_day(value.strip())
    except DayFormatError as exc:
        raise fail(f"bad 'date' {value!r}: expected YYYY-MM-DD") from exc


def _events(item: dict[str, Any], fail: Fail) -> tuple[GoldEvent, ...]:
    name = item.get("event")
    if name is None or (isinstance(name, str) and name.strip().upper() in NO_EVENT):
        return ()
    if not isinstance(name, str):
        raise fail("'event' must be a string")
    mode = item.get("mode")
    if mode is not None and not isinstance(mode, str):
        raise fail("'mode' must be a string")
    mapped = plover_event(name, mode.strip() if mode else None)
    if mapped is None:
        known = ", ".join([*EVENT_TYPES, *OLD_EVENT_NAMES])
        raise fail(f"unknown event {name!r}; expected one of {known}, or '' for no event")
    event, event_mode = mapped
    actor = _actors(item.get("source", item.get("actor")), "source", fail)
    recipient = _actors(item.get("target", item.get("recipient")), "target", fail)
    return (GoldEvent(event=event, mode=event_mode, context=_context(item.get("context"), fail),
                      actor=actor, recipient=recipient, written=name.strip().upper()),)


def _context(value: Any, fail: Fail) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return tuple(part.strip() for part in value if part.strip())
    raise fail("'context' must be a string or a list of strings")


def _actors(value: Any, field: str, fail: Fail) -> tuple[GoldActor, ...]:
    if value in (None, ""):
        return ()
    entries = [value] if isinstance(value, dict) else value
    if not isinstance(entries, list):
        raise fail(f"'{field}' must be a list of actors like {{\"code\": \"USA\"}}")
    actors = []
    for position, entry in enumerate(entries, start=1):
        code = entry.get("code") if isinstance(entry, dict) else None
        if not isinstance(code, str) or not code.strip():
            raise fail(f"'{field}' actor {position} has no 'code' (ISO3 country, IGO, NGO...)")
        code = code.strip().upper()
        sector, text = entry.get("sector"), entry.get("actorText")
        sector = sector.strip().upper() if isinstance(sector, str) else ""
        actors.append(GoldActor(code=LEGACY_CODES.get(code, code), sector=sector or None,
                                text=text if isinstance(text, str) else None))
    return tuple(actors)
