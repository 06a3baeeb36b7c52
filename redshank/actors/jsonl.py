"""Redshank's actor dictionary format: JSON Lines, one actor or agent per line.

Actor line:
    {"id": "JOHN_KERRY", "name": "John Kerry", "type": "person",
     "names": ["John Kerry", "Secretary of State John Kerry"],
     "roles": [{"code": "USAGOVLEG", "country": "USA", "sector": "GOV",
                "from": "1985-01-03", "until": "2013-02-01"},
               {"code": "USAGOV", "country": "USA", "sector": "GOV",
                "from": "2013-02-01", "until": null}],
     "source": "Phoenix.Countries.actors.txt:51393"}
Agent line:
    {"id": "FOREIGN_MINISTER", "names": ["foreign minister", "foreign ministers"], "sector": "GOV"}

`from` is inclusive and `until` exclusive; `country` and `sector` may be left out and are
then read off the CAMEO `code`. `source`, `as_of` (the date the entry was last checked) and a
role's `office` are provenance for curators: checked for form here, not used to resolve.
See docs/actors.md.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from redshank.actors.codes import split_code
from redshank.actors.entries import ACTOR_TYPES, ActorEntry, AgentEntry, RoleCode
from redshank.errors import DataFileError
from redshank.model import ActorType

ACTOR_KEYS = frozenset(
    {"id", "name", "type", "names", "roles", "place", "source", "as_of", "notes"}
)
AGENT_KEYS = frozenset({"id", "names", "sector", "code", "source", "as_of", "notes"})
ROLE_KEYS = frozenset({"code", "country", "sector", "from", "until", "office"})
_CODE = re.compile(r"^[A-Z0-9\-+/]+$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")


def read_jsonl(
    path: str | Path, text: str | None = None, *, file: str | None = None
) -> tuple[list[ActorEntry], list[AgentEntry]]:
    """All actors and agents of a dictionary file, validated; errors name file and line."""
    where = str(path)
    label = file or Path(where).name
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise DataFileError(f"not UTF-8 at byte {exc.start}", path=where) from exc
        except OSError as exc:
            raise DataFileError(f"cannot read: {exc.strerror}", path=where) from exc
    actors: list[ActorEntry] = []
    agents: list[AgentEntry] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise DataFileError(
                f"not valid JSON: {exc.msg} at column {exc.colno}", path=where, line=number
            ) from exc
        if not isinstance(record, dict):
            raise DataFileError("each line must be a JSON object", path=where, line=number)
        entry = _parse_record(record, where, number, label)
        if entry.id in seen:
            raise DataFileError(
                f"duplicate id {entry.id!r} (first on line {seen[entry.id]})",
                path=where,
                line=number,
            )
        seen[entry.id] = number
        if isinstance(entry, ActorEntry):
            actors.append(entry)
        else:
            agents.append(entry)
    return actors, agents


def _parse_record(
    record: dict[str, Any], where: str, line: int, label: str
) -> ActorEntry | AgentEntry:
    def fail(message: str) -> DataFileError:
        return DataFileError(message, path=where, line=line)

    is_actor = "roles" in record
    allowed = ACTOR_KEYS if is_actor else AGENT_KEYS
    if not is_actor and "sector" not in record:
        raise fail('a line needs "roles" (an actor) or "sector" (an agent)')
    unknown = sorted(set(record) - allowed)
    if unknown:
        raise fail(f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    entry_id = record.get("id")
    if not isinstance(entry_id, str) or not entry_id.strip():
        raise fail('"id" must be a non-empty string')
    names = record.get("names")
    if (
        not isinstance(names, list)
        or not names
        or not all(isinstance(n, str) and n.strip() for n in names)
    ):
        raise fail('"names" must be a non-empty list of non-empty strings')
    names_tuple = tuple(dict.fromkeys(" ".join(n.split()) for n in names))
    if not is_actor:
        sector = record.get("sector")
        if sector is not None and (not isinstance(sector, str) or not _CODE.match(sector)):
            raise fail('"sector" must be an upper-case code such as "GOV", or null')
        code = record.get("code", f"~{sector}" if sector else "~")
        if not isinstance(code, str) or "~" not in code:
            raise fail('"code" must be an agent code such as "~GOV" or "NGO~"')
        return AgentEntry(entry_id, names_tuple, sector, code, label, line)
    roles_raw = record["roles"]
    if not isinstance(roles_raw, list) or not roles_raw:
        raise fail('"roles" must be a non-empty list')
    roles = tuple(_parse_role(r, fail) for r in roles_raw)
    name = record.get("name", names_tuple[0])
    if not isinstance(name, str) or not name.strip():
        raise fail('"name" must be a non-empty string')
    kind = record.get("type", _default_type(roles[0]))
    if kind not in ACTOR_TYPES:
        raise fail(f'"type" must be one of {", ".join(ACTOR_TYPES)}')
    place = record.get("place", False)
    if not isinstance(place, bool):
        raise fail('"place" must be true or false')
    _parse_date(record.get("as_of"), "as_of", fail)
    return ActorEntry(entry_id, name, kind, names_tuple, roles, label, line, place)


def _default_type(role: RoleCode) -> ActorType:
    """The code's type; a role given a country of the user's own (`"country": "ARN"`) is a state."""
    parts = split_code(role.code)
    own_country = parts.type == "other" and parts.country is None and role.country is not None
    return "state" if own_country else parts.type


def _parse_role(raw: Any, fail: Any) -> RoleCode:
    if not isinstance(raw, dict):
        raise fail("each role must be an object with a code")
    unknown = sorted(set(raw) - ROLE_KEYS)
    if unknown:
        raise fail(
            f"unknown role field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(ROLE_KEYS))}"
        )
    code = raw.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise fail(f"role code {code!r} must be an upper-case CAMEO code such as USAGOV")
    parts = split_code(code)
    country = raw.get("country", parts.country)
    if country is not None and (not isinstance(country, str) or not _COUNTRY.match(country)):
        raise fail(f"role country {country!r} must be a 3-letter code (ISO alpha-3) or null")
    sector = raw.get("sector", parts.sector)
    if sector is not None and (not isinstance(sector, str) or not _CODE.match(sector)):
        raise fail(f"role sector {sector!r} must be an upper-case code or null")
    office = raw.get("office")
    if office is not None and (not isinstance(office, str) or not office.strip()):
        raise fail('role "office" must be a non-empty string such as "USA:president"')
    start = _parse_date(raw.get("from"), "from", fail)
    end = _parse_date(raw.get("until"), "until", fail)
    if start is not None and end is not None and start >= end:
        raise fail(f"role {code}: from {start} is not before until {end}")
    return RoleCode(code, country, sector, start, end)


def _parse_date(value: Any, field: str, fail: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(f'"{field}" must be a date "YYYY-MM-DD" or null')
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise fail(f'"{field}": {value!r} is not a date "YYYY-MM-DD"') from exc


def actor_record(
    entry: ActorEntry, *, source: str | None = None, notes: list[str] | None = None
) -> dict[str, Any]:
    """The JSON object for an actor entry (the inverse of reading it)."""
    record: dict[str, Any] = {
        "id": entry.id,
        "name": entry.name,
        "type": entry.type,
        "names": list(entry.names),
        "roles": [role_record(r) for r in entry.roles],
    }
    if entry.place:
        record["place"] = True
    if source:
        record["source"] = source
    if notes:
        record["notes"] = notes
    return record


def role_record(role: RoleCode) -> dict[str, Any]:
    """The JSON object for one role."""
    return {
        "code": role.code,
        "country": role.country,
        "sector": role.sector,
        "from": role.start.isoformat() if role.start else None,
        "until": role.end.isoformat() if role.end else None,
    }


def agent_record(
    entry: AgentEntry, *, source: str | None = None, notes: list[str] | None = None
) -> dict[str, Any]:
    """The JSON object for an agent entry."""
    record: dict[str, Any] = {
        "id": entry.id,
        "names": list(entry.names),
        "sector": entry.sector,
        "code": entry.code,
    }
    if source:
        record["source"] = source
    if notes:
        record["notes"] = notes
    return record


def dump_line(record: dict[str, Any]) -> str:
    """One JSON Lines line, stable key order, UTF-8 kept readable."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))
