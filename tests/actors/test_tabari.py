"""TABARI/PETRARCH dictionary files: dates, actor entries, agents, and errors with file:line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redshank.actors.dictionary import actors_from_tabari, agents_from_tabari, merge_codeless
from redshank.actors.tabari import (
    parse_date_range,
    parse_tabari_date,
    read_tabari_actors,
    read_tabari_agents,
)
from redshank.errors import DataFileError

ACTORS = """\
# comment line
<!-- a comment
spanning lines -->
JOHN_KERRY_ # just KERRY is vague
+SECRETARY_OF_STATE_JOHN_KERRY_
+SENATOR_KERRY_
\t[USAGOVLEG 850103-130201]
\t[USAGOV >130201]

UN_ [IGOUNO]
NATO_\t[IGOWSTNAT] [---]   # two blocks on the head line
THE_UNITED_STATES [USA]
+TAIOAN_ +TAWIAN_
LEONID_BREZHNEV_
LEONID_ILYICH_BREZHNEV
\t[RUSGOV 641014-821110]
"""

YY_DATES = st.dates(min_value=date(1931, 1, 1), max_value=date(2030, 12, 31))


def test_actor_entries_keep_names_codes_and_lines() -> None:
    entries = read_tabari_actors("test.actors.txt", ACTORS)
    kerry = entries[0]
    assert kerry.name == "JOHN KERRY"
    assert kerry.line == 4
    assert kerry.synonyms == ["SECRETARY OF STATE JOHN KERRY", "SENATOR KERRY"]
    assert [(c.code, c.start, c.end) for c in kerry.codes] == [
        ("USAGOVLEG", date(1985, 1, 3), date(2013, 2, 1)),
        ("USAGOV", date(2013, 2, 1), None),
    ]
    nato = next(e for e in entries if e.name == "NATO")
    assert [c.code for c in nato.codes] == ["IGOWSTNAT", "---"]
    usa = next(e for e in entries if e.name == "THE UNITED STATES")
    assert usa.synonyms == ["TAIOAN", "TAWIAN"]


def test_entry_without_codes_joins_the_next_line_as_a_missing_plus() -> None:
    merged = merge_codeless(read_tabari_actors("test.actors.txt", ACTORS))
    brezhnev = merged[-1]
    assert brezhnev.name == "LEONID BREZHNEV"
    assert "LEONID ILYICH BREZHNEV" in brezhnev.synonyms
    assert brezhnev.codes[0].code == "RUSGOV"


def test_tabari_actors_become_typed_entries_without_the_article() -> None:
    actors, _, warnings = actors_from_tabari(read_tabari_actors("x.txt", ACTORS), "x.txt")
    by_id = {a.id: a for a in actors}
    assert by_id["JOHN_KERRY"].type == "person"
    assert by_id["JOHN_KERRY"].names[0] == "John Kerry"
    assert by_id["UNITED_STATES"].names[0] == "United States"
    assert by_id["UNITED_STATES"].roles[0].country == "USA"
    assert by_id["UN"].type == "igo"
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("A_ [USA]\nB_\n\t[USAGOV >2013020]\n", 3, "bad date '2013020'"),
        ("A_ [USA]\n\t[USAGOV 130231-140101]\n", 2, "day is out of range"),
        ("A_ [USA]\n\t[USAGOV 140101-130101]\n", 2, "starts after it ends"),
        ("A_ [USA]\n\t[USAGOV 130101]\n", 2, "expected <date, >date or date-date"),
        ("\t[USAGOV]\nA_ [USA]\n", 1, "code line before any actor name"),
        ("A_ [USA] trailing words\n", 1, "unexpected text"),
        ("A_ [us a]\n", 1, "bad date restriction"),
    ],
)
def test_malformed_actor_file_names_file_and_line(text: str, line: int, needle: str) -> None:
    with pytest.raises(DataFileError) as info:
        read_tabari_actors("user.actors.txt", text)
    assert info.value.path == "user.actors.txt"
    assert info.value.line == line
    assert str(info.value).startswith(f"user.actors.txt:{line}: ")
    assert needle in str(info.value)


def test_unreadable_file_is_a_data_file_error(tmp_path) -> None:
    path = tmp_path / "latin1.actors.txt"
    path.write_bytes("CAF\xc9_ [FRA]\n".encode("latin-1"))
    with pytest.raises(DataFileError, match="not UTF-8"):
        read_tabari_actors(path)


AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
!MINIST! = MINISTER, MINISTRY
FOREIGN_!MINIST! [~GOV]
SPOKES!PERSON! [~MED]
ARMY [~MIL]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
HUMAN_RIGHTS_BODY [NGO~]
"""


def test_agents_expand_markers_and_plurals() -> None:
    agents = {a.code + a.phrases[0]: a.phrases for a in read_tabari_agents("a.agents.txt", AGENTS)}
    assert agents["~GOVFOREIGN MINISTER"] == ["FOREIGN MINISTER", "FOREIGN MINISTRY"]
    assert agents["~MEDSPOKESMAN"] == ["SPOKESMAN", "SPOKESMEN", "SPOKESWOMAN"]
    assert agents["~MILARMY"] == ["ARMY", "ARMIES"]
    assert agents["~COPPOLICE"] == ["POLICE"]
    assert agents["~JUDATTORNEY GENERAL"] == ["ATTORNEY GENERAL", "ATTORNEYS GENERAL"]


def test_agent_entries_are_lower_case_with_a_sector() -> None:
    entries = {a.id: a for a in agents_from_tabari(read_tabari_agents("a.agents.txt", AGENTS), "a")}
    assert entries["FOREIGN_MINISTER"].names == ("foreign minister", "foreign ministry")
    assert entries["FOREIGN_MINISTER"].sector == "GOV"
    assert entries["HUMAN_RIGHTS_BODY"].sector == "NGO"
    assert entries["HUMAN_RIGHTS_BODY"].organization


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("ARMY\n", 1, "needs exactly one [code]"),
        ("ARMY [GOV]\n", 1, "needs a ~"),
        ("FOREIGN_!MINST! [~GOV]\n", 1, "!MINST! is not defined"),
        ("# c\nPOLICE {POLICES [~COP]\n", 2, "bad plural"),
    ],
)
def test_malformed_agent_file_names_file_and_line(text: str, line: int, needle: str) -> None:
    with pytest.raises(DataFileError) as info:
        read_tabari_agents("user.agents.txt", text)
    assert (info.value.path, info.value.line) == ("user.agents.txt", line)
    assert needle in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000101", date(2000, 1, 1)),
        ("301231", date(2030, 12, 31)),
        ("310101", date(1931, 1, 1)),
        ("850103", date(1985, 1, 3)),
        ("19411207", date(1941, 12, 7)),
    ],
)
def test_two_digit_years_pivot_at_30(text: str, expected: date) -> None:
    assert parse_tabari_date(text) == expected


@given(YY_DATES)
def test_yymmdd_round_trips(day: date) -> None:
    assert parse_tabari_date(day.strftime("%y%m%d")) == day


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_yyyymmdd_round_trips(day: date) -> None:
    assert parse_tabari_date(f"{day.year:04d}{day.month:02d}{day.day:02d}") == day


@given(YY_DATES, st.integers(min_value=0, max_value=20000), st.booleans(), st.booleans())
def test_ranges_parse_to_their_bounds(start: date, days: int, short: bool, spaced: bool) -> None:
    end = min(start + timedelta(days=days), date(2030, 12, 31))
    fmt = "%y%m%d" if short else "%Y%m%d"
    sep = " - " if spaced else "-"
    assert parse_date_range(f"{start.strftime(fmt)}{sep}{end.strftime(fmt)}") == (start, end)
    assert parse_date_range(f"< {end.strftime(fmt)}") == (None, end)
    assert parse_date_range(f">{start.strftime(fmt)}") == (start, None)


@given(st.text(max_size=12))
def test_garbage_restrictions_raise_data_file_errors_only(text: str) -> None:
    try:
        start, end = parse_date_range(text, path="f.txt", line=7)
    except DataFileError as exc:
        assert exc.line == 7 and exc.path == "f.txt"
    else:
        assert start is None or end is None or start <= end
