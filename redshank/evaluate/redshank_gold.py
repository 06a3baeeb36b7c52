"""Read real-news gold (`redshank-gold`): JSON Lines, one sentence of an article each.

The format of `wikinews_plover.jsonl` (annotation conventions: its ANNOTATION.md):

    {"id": "a1-3", "article": "a1", "published": "2019-07-24", "selection": "random",
     "text": "Turkey's foreign minister condemned the attack.",
     "events": [{"event": "ACCUSE", "mode": "disapprove", "actor": ["TURGOV"],
                 "recipient": [], "actor_text": "...", "recipient_text": "",
                 "auxiliary": null, "note": "..."}]}

`text` is an exact substring of the article (`article` names it in the articles file);
`selection` (`random` or `event`) becomes the record's category; `events` may be empty.
Events whose `auxiliary` is negated, hypothetical or future are optional when scored.

Actor codes are scored on their root: an ISO alpha-3 country, `IGO` or `NGO` (the first
three letters; the rest is a sector, shown but not scored), or the short name of a named
armed group (`ISIL`), which `armed_groups.tsv` maps to the actor dictionary entries that
stand for it (see `load_armed_groups`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from redshank.actors.codes import country_table
from redshank.errors import DataFileError, DayFormatError
from redshank.evaluate.errors import GoldFileError
from redshank.evaluate.gold import OPTIONAL_AUXILIARIES, GoldActor, GoldEvent, GoldRecord, GoldSet
from redshank.evaluate.plover_gsr import json_items, plover_event
from redshank.model import parse_day

ARMED_GROUPS_FILE = "armed_groups.tsv"
ORGANISATION_ROOTS = frozenset({"IGO", "NGO"})
Fail = Callable[[str], GoldFileError]


@dataclass(frozen=True, slots=True)
class ArmedGroup:
    """A gold short name (`ISIL`) and the actor dictionary entry ids that stand for it."""

    short_name: str
    entries: tuple[str, ...]
    name: str


@lru_cache(maxsize=1)
def load_armed_groups() -> Mapping[str, ArmedGroup]:
    """Short name -> armed group, from the packaged `armed_groups.tsv`.

    Columns: `short_name`, `entries` (comma-separated dictionary ids; empty when no
    dictionary has the group, so that nothing coded matches it), `name`, `note`.
    """
    source = resources.files("redshank.data") / "evaluation" / ARMED_GROUPS_FILE
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read the armed-group table: {exc.strerror}",
                            path=str(source)) from exc
    return parse_armed_groups(text, path=ARMED_GROUPS_FILE)


def parse_armed_groups(text: str, *, path: str) -> dict[str, ArmedGroup]:
    """Parse the TSV `short_name entries name note` (header line first)."""
    groups: dict[str, ArmedGroup] = {}
    for number, row in enumerate(csv.reader(text.splitlines(), delimiter="\t"), start=1):
        if number == 1:
            continue
        if len(row) != 4 or not row[0].strip():
            raise DataFileError("expected 4 tab-separated fields: short_name entries name note",
                                path=path, line=number)
        short_name = row[0].strip().upper()
        if short_name in groups:
            raise DataFileError(f"{short_name!r} is listed twice", path=path, line=number)
        entries = tuple(e.strip() for e in row[1].split(",") if e.strip())
        groups[short_name] = ArmedGroup(short_name, entries, row[2].strip())
    return groups


def gold_actor(code: str, fail: Fail) -> GoldActor:
    """The scored root of a gold code: `USAGOV` -> USA (sector GOV); `ISIL` -> its entries."""
    written = code.strip().upper()
    group = load_armed_groups().get(written)
    if group is not None:
        return GoldActor(code=written, entries=group.entries, written=written)
    root = written[:3]
    if root in ORGANISATION_ROOTS or root in _iso_countries():
        return GoldActor(code=root, sector=written[3:] or None, written=written)
    raise fail(f"actor code {code!r} is neither an ISO alpha-3 country, IGO or NGO nor an "
               f"armed group of {ARMED_GROUPS_FILE}; add the group there")


@lru_cache(maxsize=1)
def _iso_countries() -> frozenset[str]:
    return frozenset(c.iso3 for c in country_table().values() if c.iso3)


def read_redshank_gold(path: str, text: str) -> GoldSet:
    """Gold records from the text of a `redshank-gold` JSON Lines file."""
    records = [_record(item, path=path, line=line, number=number)
               for number, (line, item) in enumerate(json_items(text, path), start=1)]
    return GoldSet(path=path, format="redshank-gold", unit="event", records=tuple(records),
                   matching="sentence")


def _string(item: dict[str, Any], key: str, fail: Fail, *, required: bool = True) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise fail(f"'{key}' must be a non-empty string")
    return value


def _record(item: Any, *, path: str, line: int, number: int) -> GoldRecord:
    if not isinstance(item, dict):
        raise GoldFileError(f"record {number} is not a JSON object", path=path, line=line)
    raw_id = item.get("id")
    if not isinstance(raw_id, str) or not raw_id.strip():
        raise GoldFileError(f"record {number} has no 'id'", path=path, line=line)

    def fail(message: str) -> GoldFileError:
        return GoldFileError(message, path=path, line=line, record=raw_id)

    text = _string(item, "text", fail)
    article = _string(item, "article", fail)
    published = _string(item, "published", fail, required=False)
    try:
        day = parse_day(published)
    except DayFormatError as exc:
        raise fail(f"bad 'published' {published!r}: expected YYYY-MM-DD") from exc
    events = item.get("events")
    if not isinstance(events, list):
        raise fail("'events' must be a list (empty when the sentence holds none)")
    return GoldRecord(id=raw_id.strip(), text=text or "", published=day,
                      category=_string(item, "selection", fail, required=False) or None,
                      events=tuple(_event(e, n, fail) for n, e in enumerate(events, start=1)),
                      line=line, article=article)


def _event(item: Any, number: int, fail: Fail) -> GoldEvent:
    def event_fail(message: str) -> GoldFileError:
        return fail(f"event {number}: {message}")

    if not isinstance(item, dict):
        raise event_fail("not a JSON object")
    name = _string(item, "event", event_fail) or ""
    mode = _string(item, "mode", event_fail, required=False)
    mapped = plover_event(name, mode.strip() if mode else None)
    if mapped is None:
        raise event_fail(f"unknown event type {name!r}")
    auxiliary = item.get("auxiliary")
    if auxiliary is not None and auxiliary not in OPTIONAL_AUXILIARIES:
        raise event_fail(f"'auxiliary' must be null or one of "
                         f"{', '.join(sorted(OPTIONAL_AUXILIARIES))}, not {auxiliary!r}")
    return GoldEvent(event=mapped[0], mode=mapped[1], context=(),
                     actor=_side(item, "actor", event_fail),
                     recipient=_side(item, "recipient", event_fail),
                     written=name.strip().upper(), auxiliary=auxiliary)


def _side(item: dict[str, Any], key: str, fail: Fail) -> tuple[GoldActor, ...]:
    codes = item.get(key)
    if codes is None:
        return ()
    if not isinstance(codes, list) or not all(isinstance(c, str) and c.strip() for c in codes):
        raise fail(f"'{key}' must be a list of codes like [\"USAGOV\", \"ISIL\"]")
    return tuple(gold_actor(code, fail) for code in codes)
