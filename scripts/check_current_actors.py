"""Check the hand-curated dictionary of office holders (current-officeholders.jsonl).

Every row must load with the actor loader, and beyond what the loader checks:

- `source` is an https URL (or a list of them) and `as_of` a date no later than today;
- every role's code starts with a CAMEO country the code table knows or an organisation
  class (`IGO`, `IMG`...), and its `country` is the one the code gives;
- dates are ordered: `from` < `until` (the loader), and no role starts or ends after the
  row's `as_of` (nobody can vouch for a date they have not seen);
- holders of the same `office` ("USA:president", "NATO:secretary general") never overlap,
  within a row or across rows: every office named is held by one person at a time;
- an office named after a country ("FRA:interior minister") is held in that country's code,
  and a defence office ("UKR:defence minister") in a military one (`UKRGOVMIL`);
- no name is given to two rows, ids are unique, and a one-word name is not the surname of
  another row's person ("Aoun" would be both Michel and Joseph Aoun).

Prints one `file:line: message` per problem and exits 1 if there is any, else a summary.

Usage:
    .venv/bin/python scripts/check_current_actors.py [FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from redshank.actors.codes import ORG_PREFIXES, chunks, country_table, split_code
from redshank.actors.dictionary import name_key, packaged_path
from redshank.actors.entries import RoleCode
from redshank.actors.jsonl import read_jsonl
from redshank.errors import DataFileError

DEFAULT_FILE = packaged_path("current-officeholders.jsonl")


@dataclass(frozen=True)
class Tenure:
    """One holder of an office over [start, end), and the line that says so."""

    office: str
    start: date | None
    end: date | None
    entry_id: str
    line: int


def check_file(path: Path, today: date | None = None) -> list[str]:
    """Every problem of the file, as `file:line: message` strings (empty: the file is good)."""
    today = today or date.today()
    problems: list[str] = []
    tenures: list[Tenure] = []
    ids: dict[str, int] = {}
    names: dict[str, tuple[str, int]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    surnames = _surnames(lines)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue

        def report(message: str, line: int = number) -> None:
            problems.append(f"{path}:{line}: {message}")

        try:
            # Blank lines before the row keep the loader's line numbers those of the file.
            actors, agents = read_jsonl(path, "\n" * (number - 1) + raw)
        except DataFileError as exc:
            report(exc.message)
            continue
        if agents or not actors:
            report("every row must be an actor with roles")
            continue
        entry = actors[0]
        record = json.loads(raw)
        if entry.id in ids:
            report(f"duplicate id {entry.id!r} (first on line {ids[entry.id]})")
        ids[entry.id] = number
        for name in entry.names:
            key = name_key(name)
            if key in names and names[key][0] != entry.id:
                report(f"name {name!r} is also given to {names[key][0]} (line {names[key][1]})")
            names.setdefault(key, (entry.id, number))
            others = (
                [s for s in surnames.get(key, []) if s[0] != entry.id] if " " not in name else []
            )
            if others:
                report(
                    f"one-word name {name!r} is also the surname of {others[0][0]} "
                    f"(line {others[0][1]}): give it to neither"
                )
        problems.extend(f"{path}:{number}: {m}" for m in _source_problems(record.get("source")))
        as_of = _as_of(record.get("as_of"), today)
        if isinstance(as_of, str):
            report(as_of)
            continue
        if not any(role.dated for role in entry.roles):
            report(f"{entry.id}: no dated role")
        for role, role_record in zip(entry.roles, record["roles"], strict=True):
            problems.extend(f"{path}:{number}: {entry.id}: {m}" for m in _code_problems(role))
            for field, day in (("from", role.start), ("until", role.end)):
                if day is not None and day > as_of:
                    report(f"{entry.id}: role {role.code} {field} {day} is after as_of {as_of}")
            office = role_record.get("office")
            if office:
                tenures.append(Tenure(office, role.start, role.end, entry.id, number))
                problems.extend(
                    f"{path}:{number}: {entry.id}: {m}" for m in _office_problems(office, role)
                )
    problems.extend(f"{path}:{m}" for m in _overlaps(tenures))
    return problems


def _source_problems(source: object) -> list[str]:
    urls = source if isinstance(source, list) else [source]
    if not urls or not all(isinstance(u, str) and u.startswith("https://") for u in urls):
        return ['"source" must be an https URL or a list of them']
    return []


def _as_of(value: object, today: date) -> date | str:
    """The row's as_of date, or what is wrong with it."""
    if not isinstance(value, str):
        return '"as_of" is missing: give the date the row was last checked ("YYYY-MM-DD")'
    day = date.fromisoformat(value)  # the loader has checked the form
    if day > today:
        return f'"as_of" {day} is in the future'
    return day


def _code_problems(role: RoleCode) -> list[str]:
    code, country = role.code, role.country
    head = chunks(code)[0]
    if head not in country_table() and head not in ORG_PREFIXES:
        return [f"role code {code}: {head} is neither a CAMEO country nor an organisation class"]
    parts = split_code(code)
    if parts.country != country:
        return [f"role code {code} gives country {parts.country}, the row says {country}"]
    if country is not None and country not in _iso3_codes():
        return [f"role country {country} is not an ISO alpha-3 code the code table knows"]
    return []


def _surnames(lines: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Last word of each row's canonical name (its surname), with the rows that have it."""
    found: dict[str, list[tuple[str, int]]] = {}
    for number, raw in enumerate(lines, start=1):
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            continue  # the loader reports it
        if not isinstance(record, dict):
            continue
        name = record.get("name") or (record.get("names") or [None])[0]
        if isinstance(name, str) and " " in name.strip():
            found.setdefault(name_key(name.split()[-1]), []).append((record.get("id"), number))
    return found


def _office_problems(office: str, role: RoleCode) -> list[str]:
    """An office named after a country held in another's code, or a defence office not MIL."""
    problems = []
    holder = office.split(":", 1)[0]
    if holder in _iso3_codes() and holder != role.country:
        problems.append(
            f"office {office!r} is {holder}'s, the role {role.code} is {role.country}'s"
        )
    if ("defence" in office or "defense" in office) and "MIL" not in chunks(role.code):
        problems.append(f"office {office!r} is a defence office, the role {role.code} is not MIL")
    return problems


def _iso3_codes() -> set[str]:
    return {c.iso3 for c in country_table().values() if c.iso3}


def _overlaps(tenures: list[Tenure]) -> list[str]:
    """Pairs of tenures of one office that share a day."""
    found: list[str] = []
    by_office: dict[str, list[Tenure]] = {}
    for tenure in tenures:
        by_office.setdefault(tenure.office, []).append(tenure)
    for office, held in sorted(by_office.items()):
        held.sort(key=lambda t: t.start or date.min)
        for i, first in enumerate(held):
            for second in held[i + 1 :]:
                if (first.end or date.max) > (second.start or date.min):
                    found.append(
                        f"{second.line}: {office!r}: {second.entry_id} from {second.start} "
                        f"overlaps {first.entry_id} (line {first.line}, "
                        f"{first.start} to {first.end or 'open'})"
                    )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    args = parser.parse_args(argv)
    problems = check_file(args.file)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    rows = sum(1 for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip())
    print(f"{args.file.name}: {rows} rows ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
