"""Known coalitions, multinational forces, missions and operations, and finding them in text.

    redshank/data/coalitions/catalogue.jsonl, one entry a line (see SOURCES.md there):
    {"id": "kfor", "name": "Kosovo Force", "kind": "force", "aliases": ["KFOR", ...],
     "lead": "NATO", "hosts": ["XKX", "SRB"], "adversary": null, "purpose": "peacekeeping",
     "start": "1999-06-12", "end": null, "source": "https://...", "note": "..."}

`lead` and `adversary` are actor keys (a country code or an actor id of the actor
dictionaries), `hosts` the countries where it operates; dates are YYYY, YYYY-MM or
YYYY-MM-DD (a partial start is its first day, a partial end its last), `end` null while it
goes on. Users add files of the same format: an entry whose id is already known replaces it.
Errors name the file and line (`DataFileError`).

`Catalogue.find` names entries in a sentence by their aliases; `Catalogue.resolve` picks the
entry a generic mention means ("NATO-led troops in Afghanistan") from its lead, place and date.
"""

from __future__ import annotations

import calendar
import json
import os
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from redshank.errors import DataFileError

PACKAGED_FILE = "catalogue.jsonl"
CATALOGUE_ENV = "REDSHANK_COALITIONS"
KINDS = ("coalition", "force", "mission", "operation")
REQUIRED_FIELDS = ("id", "name", "kind", "aliases", "lead", "hosts", "adversary", "purpose",
                   "start", "end", "source")
OPTIONAL_FIELDS = ("note", "areas")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ACTOR_KEY = re.compile(r"^[A-Z0-9][A-Z0-9_'\-]*$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_PURPOSE = re.compile(r"^[a-z][a-z-]*$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Between the words of a name: spaces, or a hyphen or dash with or without spaces around it.
_SEPARATOR = r"(?:\s*[-‐‑‒–—−]\s*|\s+)"
_SPLIT_WORDS = re.compile(r"\s*[-‐‑‒–—−]\s*|\s+")
# A word of the text: dotted initials ("U.S.") or a run of word characters.
_TEXT_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\w+")
_TWO_CAPITALS = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class KnownCoalition:
    """One catalogue entry, with the file and line it came from."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    lead: str | None
    hosts: tuple[str, ...]
    adversary: str | None
    purpose: str
    start: date | None
    end: date | None
    source: str
    note: str | None = None
    file: str = ""
    line: int = 0
    areas: tuple[str, ...] = ()  # the regions of its hosts it works in ("Darfur")

    def active_on(self, day: date | None) -> bool:
        """True when `day` falls within start..end (both inclusive); an unknown day always."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def within(self, other: KnownCoalition) -> bool:
        """True when this entry's dates lie inside the other's and are not the same range."""
        starts_later = other.start is None or (self.start is not None and self.start >= other.start)
        ends_earlier = other.end is None or (self.end is not None and self.end <= other.end)
        return starts_later and ends_earlier and (self.start, self.end) != (other.start,
                                                                             other.end)


@dataclass(frozen=True, slots=True)
class _Alias:
    """An alias of an entry; its pattern (compiled when first needed: a catalogue of
    hundreds of aliases loads in milliseconds) matches it at a word start."""

    entry_id: str
    alias: str
    keys: frozenset[str]  # its words as the text's are keyed: all must be in a sentence

    @property
    def pattern(self) -> re.Pattern[str]:
        return _alias_pattern(self.alias)


class Catalogue:
    """Catalogue entries by id, with an index of their aliases by first word."""

    def __init__(self, entries: Sequence[KnownCoalition], files: Sequence[str] = ()) -> None:
        self.files = list(files)
        self._entries: dict[str, KnownCoalition] = {}
        for entry in entries:
            self._entries[entry.id] = entry
        areas = sorted({a for entry in self._entries.values() for a in entry.areas},
                       key=len, reverse=True)
        self._area_pattern = (re.compile(r"\b(" + "|".join(map(re.escape, areas)) + r")\b")
                              if areas else None)
        # by the key of an alias's first word, then by the alias (its key, or itself for an
        # acronym, which keeps its case): an alias given again by an entry of a later file
        # points to that entry
        self._aliases: dict[str, dict[str, _Alias]] = {}
        for entry in entries:
            if self._entries[entry.id] is not entry:
                continue
            for alias in entry.aliases:
                first = _word_key(_first_word(alias))
                same = alias if _is_acronym(alias) else alias_key(alias)
                keys = frozenset(_word_key(w.group()) for w in _TEXT_WORD.finditer(alias))
                self._aliases.setdefault(first, {})[same] = _Alias(entry.id, alias, keys)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[KnownCoalition]:
        return iter(self._entries.values())

    def get(self, entry_id: str) -> KnownCoalition | None:
        """The entry with this id, if any."""
        return self._entries.get(entry_id)

    def find(self, text: str) -> list[tuple[KnownCoalition, int, int]]:
        """Entries named in `text` by an alias, with the character span of each mention.

        Aliases match at word boundaries; an alias without lower-case letters (KFOR, MNF-I)
        only in those capitals, so AMIS is not Martin Amis; any other alias in any case.
        Spaces, hyphens and dashes between words are interchangeable and "U.S." is "US"
        ("UN", "EU"...). Where matches overlap the longest wins.
        """
        found: list[tuple[int, int, str]] = []
        words = list(_TEXT_WORD.finditer(text))
        keys = {_word_key(word.group()) for word in words}
        for word in words:
            for alias in self._aliases.get(_word_key(word.group()), {}).values():
                if not alias.keys <= keys:
                    continue
                match = alias.pattern.match(text, word.start())
                if match:
                    found.append((match.start(), match.end(), alias.entry_id))
        taken: list[tuple[int, int, str]] = []
        for start, end, entry_id in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, entry_id))
        return [(self._entries[entry_id], start, end) for start, end, entry_id in sorted(taken)]

    def areas_in(self, text: str) -> frozenset[str]:
        """The entries' areas (regions of a host: "Darfur") that `text` names."""
        if self._area_pattern is None:
            return frozenset()
        return frozenset(m.group(1) for m in self._area_pattern.finditer(text))

    def _host_areas(self, hosts: Collection[str]) -> set[str]:
        """The areas of every entry working in one of `hosts`."""
        return {area for entry in self._entries.values() if set(entry.hosts) & set(hosts)
                for area in entry.areas}

    def resolve(self, lead: str | None, hosts: Collection[str], day: date | None,
                kinds: Collection[str] = (), purposes: Collection[str] = (),
                areas: Collection[str] = ()) -> KnownCoalition | None:
        """The one entry a generic mention means, or None when none or several fit.

        An entry fits when it is of one of `kinds` (any kind when empty) and for one of
        `purposes` (any when empty: "peacekeepers" ask for peacekeeping), active on `day`
        (any entry when the day is unknown), led by `lead` when one is given, and operating
        in one of `hosts` when some are given: lead and hosts must both match, so OEF
        (US-led) is never "NATO-led troops in Afghanistan". When several fit, the one whose
        dates lie inside every other fit's dates wins: the narrower operation within a
        broader one (Desert Storm within the Gulf War coalition, UNIFIL 1978- within UNTSO
        1948-). When no fit is narrower than all the others (two UN missions in Sudan in
        2010, overlapping but neither inside the other), the mention stays ambiguous: None.
        An entry that works in some regions of its hosts only (`areas`) does not fit when
        the text (`areas`: the regions it names) names a region of those hosts that the
        entry does not work in: UNMIS, in southern Sudan, is not the UN force of an article
        about Darfur.
        """
        wanted_hosts = set(hosts)
        fits = [entry for entry in self._entries.values()
                if (not kinds or entry.kind in kinds) and entry.active_on(day)
                and (not purposes or entry.purpose in purposes)
                and (lead is None or entry.lead == lead)
                and (not wanted_hosts or wanted_hosts.intersection(entry.hosts))]
        named = set(areas)
        if named:
            fits = [entry for entry in fits if not entry.areas or named & set(entry.areas)
                    or not named & self._host_areas(entry.hosts)]
        for entry in fits:
            if all(other is entry or entry.within(other) for other in fits):
                return entry
        return None


def _alias_words(alias: str) -> list[str]:
    return [w for w in _SPLIT_WORDS.split(alias.strip()) if w]


def _first_word(alias: str) -> str:
    """The first word of an alias as `find` reads words of the text ("Freedom" of
    "Freedom's Sentinel", "U.S." of "U.S. Forces")."""
    match = _TEXT_WORD.search(alias)
    return match.group() if match else alias


def _word_key(word: str) -> str:
    """A word as the alias index keys it: without the dots of initials, case-folded."""
    return word.replace(".", "").casefold()


def alias_key(alias: str) -> str:
    """What two aliases share when they read the same: words case-folded, without the dots
    of initials, whatever separates them ("Multi-National Force – Iraq" = "multi national
    force iraq")."""
    return " ".join(_word_key(w) for w in _alias_words(alias))


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _word_pattern(word: str) -> str:
    bare = word.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2}", word) else word
    if _TWO_CAPITALS.match(bare):
        return f"(?:{bare}|{bare[0]}\\.{bare[1]}\\.)"
    return re.sub(r"['’]", "['’]", re.escape(bare))


@cache
def _alias_pattern(alias: str) -> re.Pattern[str]:
    """The regular expression of an alias (see `Catalogue.find` for what it accepts)."""
    body = _SEPARATOR.join(_word_pattern(w) for w in _alias_words(alias))
    flags = 0 if _is_acronym(alias) else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def parse_partial_date(value: str, *, end: bool) -> date:
    """YYYY, YYYY-MM or YYYY-MM-DD as a day: the first of the period, or its last if `end`."""
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    if match.group(2) is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    month = int(match.group(2))
    if match.group(3) is None:
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        return date(year, month, last if end else 1)
    return date(year, month, int(match.group(3)))


def parse_catalogue(text: str, *, path: str) -> list[KnownCoalition]:
    """The entries of one catalogue file, validated; errors name the file and line."""
    entries: list[KnownCoalition] = []
    seen: dict[str, int] = {}
    alias_owner: dict[str, tuple[str, int]] = {}
    label = Path(path).name
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"not valid JSON: {exc.msg} at column {exc.colno}", path=path,
                                line=number) from exc
        if not isinstance(record, dict):
            raise DataFileError("each line must be a JSON object", path=path, line=number)
        entry = _parse_entry(record, path, number, label)
        if entry.id in seen:
            raise DataFileError(f"duplicate id {entry.id!r} (first on line {seen[entry.id]})",
                                path=path, line=number)
        seen[entry.id] = number
        for alias in entry.aliases:
            owner, first_line = alias_owner.setdefault(alias_key(alias), (entry.id, number))
            if owner != entry.id:
                raise DataFileError(f"alias {alias!r} of {entry.id!r} is already an alias of "
                                    f"{owner!r} (line {first_line})", path=path, line=number)
        entries.append(entry)
    return entries


def _parse_entry(record: dict[str, Any], path: str, line: int, label: str) -> KnownCoalition:
    def fail(message: str) -> DataFileError:
        return DataFileError(message, path=path, line=line)

    missing = [name for name in REQUIRED_FIELDS if name not in record]
    if missing:
        raise fail(f"missing field(s) {', '.join(missing)} (null is allowed for lead, "
                   "adversary, start and end)")
    unknown = sorted(set(record) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        raise fail(f"unknown field(s) {', '.join(unknown)}; allowed: "
                   f"{', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)}")
    entry_id = record["id"]
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise fail(f'"id" {entry_id!r} must be lower-case letters, digits and hyphens')
    name, source, note = record["name"], record["source"], record.get("note")
    for field_name, value in (("name", name), ("source", source)):
        if not isinstance(value, str) or not value.strip():
            raise fail(f'"{field_name}" must be a non-empty string')
    if note is not None and not isinstance(note, str):
        raise fail('"note" must be a string')
    kind = record["kind"]
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    aliases = record["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip()
                                                for a in aliases):
        raise fail('"aliases" must be a list of non-empty strings')
    hosts = record["hosts"]
    if not isinstance(hosts, list) or not all(isinstance(h, str) and _COUNTRY.match(h)
                                              for h in hosts):
        raise fail('"hosts" must be a list of three-letter country codes such as "AFG"')
    lead, adversary = record["lead"], record["adversary"]
    for field_name, value in (("lead", lead), ("adversary", adversary)):
        if value is not None and (not isinstance(value, str) or not _ACTOR_KEY.match(value)):
            raise fail(f'"{field_name}" {value!r} must be an actor key (a country code such as '
                       '"USA" or an actor id such as "NATO") or null')
    purpose = record["purpose"]
    if not isinstance(purpose, str) or not _PURPOSE.match(purpose):
        raise fail(f'"purpose" {purpose!r} must be a lower-case word such as "peacekeeping"')
    start = _day(record["start"], "start", fail, end=False)
    end = _day(record["end"], "end", fail, end=True)
    if start is not None and end is not None and start > end:
        raise fail(f"start {record['start']} is after end {record['end']}")
    areas = record.get("areas", [])
    if not isinstance(areas, list) or not all(isinstance(a, str) and a.strip() for a in areas):
        raise fail('"areas" must be a list of region names such as "Darfur"')
    return KnownCoalition(entry_id, name, kind, tuple(" ".join(a.split()) for a in aliases),
                          lead, tuple(hosts), adversary, purpose, start, end, source, note,
                          label, line, tuple(" ".join(a.split()) for a in areas))


def _day(value: Any, field_name: str, fail: Any, *, end: bool) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(f'"{field_name}" must be a date string (YYYY, YYYY-MM or YYYY-MM-DD) or null')
    try:
        return parse_partial_date(value, end=end)
    except ValueError as exc:
        raise fail(f'bad date in "{field_name}": {value!r} is not a calendar date '
                   "(YYYY, YYYY-MM or YYYY-MM-DD)") from exc


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 at byte {exc.start}", path=str(path)) from exc
    except OSError as exc:
        raise DataFileError(f"cannot read the catalogue: {exc.strerror}",
                            path=str(path)) from exc


def _packaged_entries() -> list[KnownCoalition]:
    text = resources.files("redshank.data").joinpath("coalitions", PACKAGED_FILE).read_text(
        encoding="utf-8")
    return parse_catalogue(text, path=PACKAGED_FILE)


def load_catalogue(paths: Sequence[str | Path] = ()) -> Catalogue:
    """The packaged catalogue plus the user's files; a user entry replaces one of its id."""
    if not paths:
        return default_catalogue()
    entries = list(default_catalogue())
    for path in paths:
        entries.extend(parse_catalogue(_read(Path(path)), path=str(path)))
    return Catalogue(entries, [PACKAGED_FILE, *(str(p) for p in paths)])


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The catalogue the pipeline uses, loaded once per process: the packaged one plus the
    user's files named in $REDSHANK_COALITIONS (separated by the OS path separator), so
    ingest, its worker processes and Dask workers started with it see the same entries."""
    extra = [path for path in os.environ.get(CATALOGUE_ENV, "").split(os.pathsep) if path]
    entries = _packaged_entries()
    for path in extra:
        entries.extend(parse_catalogue(_read(Path(path)), path=path))
    return Catalogue(entries, [PACKAGED_FILE, *extra])
