"""Redshank's JSON Lines dictionary format: reading, validation with file:line, round trips."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redshank.actors.entries import ActorEntry, RoleCode
from redshank.actors.jsonl import actor_record, dump_line, read_jsonl
from redshank.errors import DataFileError

KERRY = {
    "id": "JOHN_KERRY",
    "name": "John Kerry",
    "type": "person",
    "names": ["John Kerry", "Secretary of State John Kerry"],
    "roles": [
        {"code": "USAGOVLEG", "from": "1985-01-03", "until": "2013-02-01"},
        {"code": "USAGOV", "country": "USA", "sector": "GOV", "from": "2013-02-01", "until": None},
    ],
}
OFFICIAL = {"id": "OFFICIAL", "names": ["official", "officials"], "sector": "GOV"}


def lines(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_actor_and_agent_lines_are_read_with_their_line_numbers() -> None:
    actors, agents = read_jsonl("user.jsonl", lines(KERRY, OFFICIAL))
    kerry = actors[0]
    assert kerry.provenance == "user.jsonl:1 JOHN_KERRY"
    assert kerry.roles[0] == RoleCode("USAGOVLEG", "USA", "GOV", date(1985, 1, 3), date(2013, 2, 1))
    assert agents[0].provenance == "user.jsonl:2 OFFICIAL"
    assert agents[0].code == "~GOV"


def test_type_and_name_default_from_the_code_and_first_name() -> None:
    actors, _ = read_jsonl(
        "u.jsonl", lines({"id": "X", "names": ["Hamas"], "roles": [{"code": "PSEREBHMS"}]})
    )
    assert actors[0].name == "Hamas"
    assert actors[0].type == "armed_group"
    assert actors[0].roles[0].country == "PSE"


@pytest.mark.parametrize(
    ("bad", "needle"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        (json.dumps({"id": "X", "names": ["A"]}), 'needs "roles" (an actor) or "sector"'),
        (json.dumps({**KERRY, "colour": "red"}), "unknown field(s) colour"),
        (json.dumps({**KERRY, "names": []}), '"names" must be a non-empty list'),
        (json.dumps({**KERRY, "type": "company"}), '"type" must be one of'),
        (json.dumps({**KERRY, "roles": [{"code": "usagov"}]}), "upper-case CAMEO code"),
        (json.dumps({**KERRY, "roles": [{"code": "USAGOV", "from": "2014-13-01"}]}), "not a date"),
        (json.dumps({**KERRY, "roles": [{"code": "USAGOV", "country": "US"}]}), "ISO alpha-3"),
        (
            json.dumps(
                {
                    **KERRY,
                    "roles": [{"code": "USAGOV", "from": "2014-01-01", "until": "2014-01-01"}],
                }
            ),
            "is not before until",
        ),
        (json.dumps(KERRY), "duplicate id 'JOHN_KERRY' (first on line 1)"),
    ],
)
def test_malformed_lines_raise_with_file_and_line(bad: str, needle: str) -> None:
    with pytest.raises(DataFileError) as info:
        read_jsonl("user.jsonl", lines(KERRY) + "\n" + bad + "\n")
    assert info.value.line == 3
    assert str(info.value).startswith("user.jsonl:3: ")
    assert needle in str(info.value)


NAMES = st.lists(
    st.text(alphabet=st.characters(categories=("L", "N", "Zs", "Pd")), min_size=1).filter(
        lambda s: s.strip() and s == " ".join(s.split())
    ),
    min_size=1,
    max_size=4,
    unique=True,
)
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))


@st.composite
def roles(draw: st.DrawFn) -> RoleCode:
    code = draw(st.sampled_from(["USAGOV", "IRQMIL", "IGOUNO", "IMGMUSISI", "FRAREB", "---"]))
    start = draw(st.none() | DATES)
    end = draw(st.none() | DATES.filter(lambda d: start is None or d > start))
    return RoleCode.from_code(code, start, end)


@given(
    NAMES, st.lists(roles(), min_size=1, max_size=3), st.sampled_from(["state", "person", "igo"])
)
def test_written_entries_read_back_identically(
    names: list[str], role_list: list[RoleCode], kind
) -> None:
    entry = ActorEntry("E1", names[0], kind, tuple(names), tuple(role_list), "p.jsonl", 1)
    actors, agents = read_jsonl("p.jsonl", dump_line(actor_record(entry)) + "\n")
    assert actors == [entry]
    assert agents == []
