"""The catalogue of known coalitions, forces, missions and operations: aliases found in
sentences, generic mentions resolved by lead, place and date, user files, and errors that
name file and line."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redshank.actors import load_dictionary
from redshank.actors.codes import country_table
from redshank.errors import DataFileError
from redshank.positions.catalogue import (
    KINDS,
    default_catalogue,
    load_catalogue,
    parse_catalogue,
    parse_partial_date,
)


def found(text: str) -> list[tuple[str, str]]:
    """(entry id, matched text) of every catalogue mention in `text`."""
    return [(entry.id, text[start:end]) for entry, start, end in default_catalogue().find(text)]


def record(**changes: object) -> dict[str, object]:
    """A valid catalogue line as a dict, with some fields changed (None values kept)."""
    line: dict[str, object] = {
        "id": "test-force", "name": "Test Stabilisation Force", "kind": "force",
        "aliases": ["TSF", "Test Stabilisation Force"], "lead": "NATO", "hosts": ["MLT"],
        "adversary": None, "purpose": "peacekeeping", "start": "2001-03", "end": "2004",
        "source": "https://example.org/tsf"}
    line.update(changes)
    return line


def write_lines(path: Path, *records: dict[str, object] | str) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records)
                    + "\n", encoding="utf-8")
    return path


def test_aliases_are_found_with_their_character_offsets() -> None:
    text = "Soldiers of the Kosovo Force (KFOR) met officers of UNIFIL on Monday."
    mentions = default_catalogue().find(text)
    assert [(e.id, start, end) for e, start, end in mentions] == [
        ("kfor", 16, 28), ("kfor", 30, 34), ("unifil", 52, 58)]
    assert [text[start:end] for _, start, end in mentions] == ["Kosovo Force", "KFOR", "UNIFIL"]


@pytest.mark.parametrize("written", [
    "Multi-National Force – Iraq", "Multi-National Force-Iraq", "Multi National Force Iraq",
    "multi-national force — iraq", "Multinational Force Iraq", "MNF-I", "MNF–I",
])
def test_hyphens_dashes_and_spaces_between_words_are_the_same(written: str) -> None:
    assert found(f"A spokesman for the {written} said two soldiers died.") == [("mnf-i", written)]


@pytest.mark.parametrize("written", ["U.S. Forces – Iraq", "US Forces-Iraq", "U.S. Forces Iraq"])
def test_dotted_initials_are_the_same_as_plain_capitals(written: str) -> None:
    assert found(f"The {written} command handed over bases.") == [("usf-i", written)]


def test_un_written_with_dots_still_names_the_mission() -> None:
    assert found("The U.N. Interim Force in Lebanon reported shelling.") == [
        ("unifil", "U.N. Interim Force in Lebanon")]


def test_acronyms_match_only_in_capitals() -> None:
    assert found("Martin Amis and Ifor Evans spoke about amis.") == []
    assert found("AMIS and IFOR officers met.") == [("amis", "AMIS"), ("ifor", "IFOR")]


def test_names_match_in_any_case() -> None:
    assert found("the african union mission in sudan withdrew") == [
        ("amis", "african union mission in sudan")]


def test_the_longest_alias_wins_and_matches_do_not_overlap() -> None:
    text = "Under Operation Enduring Freedom – Philippines, advisers trained troops."
    assert found(text) == [("oef-philippines", "Operation Enduring Freedom – Philippines")]
    assert found("Operation Enduring Freedom began.") == [
        ("operation-enduring-freedom", "Operation Enduring Freedom")]


def test_aliases_match_whole_words_only() -> None:
    assert found("KFORCE and preISAF plans, UNOSOM III") == []
    assert found("UNOSOM II and UNOSOM I") == [("unosom-ii", "UNOSOM II"),
                                              ("unosom-i", "UNOSOM I")]
    assert found("ISAF-led troops and KFOR's patrols") == [("isaf", "ISAF"), ("kfor", "KFOR")]


def test_apostrophes_may_be_straight_or_curly() -> None:
    assert found("Operation Freedom’s Sentinel and Operation Freedom's Sentinel") == [
        ("operation-freedoms-sentinel", "Operation Freedom’s Sentinel"),
        ("operation-freedoms-sentinel", "Operation Freedom's Sentinel")]


def test_every_packaged_alias_names_its_own_entry() -> None:
    catalogue = default_catalogue()
    wrong = [(entry.id, alias, [(e.id, s, t) for e, s, t in catalogue.find(alias)])
             for entry in catalogue for alias in entry.aliases
             if [(e.id, s, t) for e, s, t in catalogue.find(alias)] != [(entry.id, 0, len(alias))]]
    assert wrong == []


@pytest.mark.parametrize(("lead", "hosts", "day", "expected"), [
    ("NATO", ["AFG"], date(2010, 5, 1), "isaf"),
    ("NATO", ["AFG"], date(2014, 12, 31), "isaf"),
    ("NATO", ["AFG"], date(2015, 1, 1), "resolute-support"),
    ("NATO", ["AFG"], date(2016, 6, 1), "resolute-support"),
    ("NATO", ["AFG"], date(2000, 1, 1), None),
    ("USA", ["AFG"], date(2010, 5, 1), "operation-enduring-freedom"),
    ("USA", ["IRQ"], date(2006, 7, 1), "mnf-i"),
    ("NATO", ["BIH"], date(1998, 1, 1), "sfor"),
    ("UNITED_NATIONS", ["SDN"], date(2006, 1, 1), "unmis"),
    ("AFRICAN_UNION", ["SOM", "KEN"], date(2012, 1, 1), "amisom"),
])
def test_resolve_by_lead_host_and_date(lead: str, hosts: list[str], day: date,
                                       expected: str | None) -> None:
    entry = default_catalogue().resolve(lead, hosts, day)
    assert (entry.id if entry else None) == expected


def test_the_narrower_operation_within_a_broader_one_wins() -> None:
    catalogue = default_catalogue()
    storm = catalogue.resolve("USA", ["KWT"], date(1991, 2, 10))
    assert storm is not None and storm.id == "desert-storm"
    lebanon = catalogue.resolve(None, ["LBN"], date(2010, 1, 1))
    assert lebanon is not None and lebanon.id == "unifil"


def test_kinds_limit_what_resolves() -> None:
    coalition = default_catalogue().resolve("USA", ["IRQ"], date(1991, 2, 10),
                                            kinds=["coalition"])
    assert coalition is not None and coalition.id == "gulf-war-coalition"


@pytest.mark.parametrize(("lead", "hosts", "day"), [
    ("UNITED_NATIONS", ["SDN"], date(2010, 1, 1)),   # UNMIS and UNAMID, neither inside the other
    (None, ["AFG"], date(2016, 6, 1)),               # Resolute Support and Freedom's Sentinel
    ("UNITED_NATIONS", ["COD"], None),               # ONUC, MONUC, MONUSCO at unknown date
])
def test_an_ambiguous_mention_resolves_to_nothing(lead: str | None, hosts: list[str],
                                                 day: date | None) -> None:
    assert default_catalogue().resolve(lead, hosts, day) is None


def test_get_returns_an_entry_with_parsed_partial_dates() -> None:
    catalogue = default_catalogue()
    unef = catalogue.get("unef-i")
    assert unef is not None
    assert (unef.start, unef.end, unef.lead, unef.hosts) == (
        date(1956, 11, 1), date(1967, 6, 30), "UNITED_NATIONS", ("EGY",))
    assert catalogue.get("no-such-force") is None


@pytest.mark.parametrize(("value", "end", "day"), [
    ("1999-06-12", False, date(1999, 6, 12)),
    ("1999-06-12", True, date(1999, 6, 12)),
    ("2020-02", False, date(2020, 2, 1)),
    ("2020-02", True, date(2020, 2, 29)),
    ("2017", False, date(2017, 1, 1)),
    ("2017", True, date(2017, 12, 31)),
])
def test_partial_dates_are_the_first_or_last_day(value: str, end: bool, day: date) -> None:
    assert parse_partial_date(value, end=end) == day


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_month_spans_from_its_first_to_its_last_day(day: date) -> None:
    month = f"{day.year:04d}-{day.month:02d}"
    first, last = parse_partial_date(month, end=False), parse_partial_date(month, end=True)
    assert first <= day <= last
    assert (last + timedelta(days=1)).day == 1 and first.day == 1
    assert parse_partial_date(day.isoformat(), end=True) == day


def test_a_user_file_replaces_an_entry_and_adds_new_ones(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "mine.jsonl",
        record(id="kfor", name="Kosovo Force (renamed)", aliases=["Kosovo Peace Force"],
               hosts=["XKX"], start="1999-06-12", end=None),
        record())
    catalogue = load_catalogue([path])
    assert catalogue.get("kfor").name == "Kosovo Force (renamed)"
    assert len(catalogue) == len(default_catalogue()) + 1
    text = "The Kosovo Peace Force, the Kosovo Force and TSF patrolled."
    assert [(e.id, text[s:t]) for e, s, t in catalogue.find(text)] == [
        ("kfor", "Kosovo Peace Force"), ("test-force", "TSF")]
    tsf = catalogue.resolve("NATO", ["MLT"], date(2002, 1, 1))
    assert tsf is not None and tsf.file == "mine.jsonl" and tsf.line == 2
    assert default_catalogue().get("kfor").name == "Kosovo Force"
    assert default_catalogue().get("test-force") is None


def test_a_user_alias_takes_precedence_over_a_packaged_one(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "mine.jsonl", record(aliases=["KFOR"]))
    assert [e.id for e, _, _ in load_catalogue([path]).find("KFOR troops")] == ["test-force"]


@pytest.mark.parametrize(("line", "problem"), [
    ('{"id": "broken", ', "not valid JSON"),
    ('["a", "list"]', "must be a JSON object"),
    (json.dumps({k: v for k, v in record().items() if k != "lead"}), "missing field(s) lead"),
    (json.dumps(record(colour="blue")), "unknown field(s) colour"),
    (json.dumps(record(kind="alliance")), "unknown kind 'alliance'"),
    (json.dumps(record(start="2003-13")), 'bad date in "start"'),
    (json.dumps(record(end="2003-02-30")), 'bad date in "end"'),
    (json.dumps(record(start="03/2003")), 'bad date in "start"'),
    (json.dumps(record(start="2005-01-01", end="2004-12")),
     "start 2005-01-01 is after end 2004-12"),
    (json.dumps(record(id="other", name="Other")), "alias 'TSF' of 'other' is already an alias"),
    (json.dumps(record(id="Bad Id")), '"id"'),
    (json.dumps(record(hosts=["Malta"])), '"hosts"'),
    (json.dumps(record(lead="nato")), '"lead"'),
    (json.dumps(record(purpose="Keep the peace")), '"purpose"'),
    (json.dumps(record(id="other", aliases=[], areas="Darfur")), '"areas"'),
])
def test_each_problem_names_the_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = write_lines(tmp_path / "bad.jsonl", record(), "", line)
    with pytest.raises(DataFileError) as caught:
        load_catalogue([path])
    assert (caught.value.path, caught.value.line) == (str(path), 3)
    assert str(caught.value).startswith(f"{path}:3: ")
    assert problem in caught.value.message


def test_a_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "twice.jsonl", record(), record(aliases=["Other name"]))
    with pytest.raises(DataFileError, match=r"twice\.jsonl:2: duplicate id 'test-force' "
                                            r"\(first on line 1\)"):
        load_catalogue([path])


def test_a_missing_user_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read the catalogue"):
        load_catalogue([tmp_path / "absent.jsonl"])


def test_the_packaged_catalogue_is_loaded_once() -> None:
    assert load_catalogue() is default_catalogue() is default_catalogue()
    assert len(parse_catalogue("", path="empty.jsonl")) == 0


@pytest.fixture(scope="module")
def actor_keys() -> set[str]:
    """Every key an actor can have: the dictionaries' actor ids and ISO country codes."""
    return {entry.id for entry in load_dictionary().actors} | country_codes()


def country_codes() -> set[str]:
    return {country.iso3 for country in country_table().values() if country.iso3}


def test_packaged_leads_and_adversaries_are_known_actor_keys(actor_keys: set[str]) -> None:
    unknown = [(entry.id, key) for entry in default_catalogue()
               for key in (entry.lead, entry.adversary) if key and key not in actor_keys]
    assert unknown == []


def test_packaged_hosts_are_country_codes() -> None:
    codes = country_codes()
    unknown = [(entry.id, host) for entry in default_catalogue() for host in entry.hosts
               if host not in codes]
    assert unknown == []


def test_packaged_entries_are_well_formed() -> None:
    catalogue = default_catalogue()
    assert len(catalogue) > 100
    assert {entry.kind for entry in catalogue} == set(KINDS)
    misdated = [e.id for e in catalogue if e.start and e.end and e.start > e.end]
    undated = [e.id for e in catalogue if e.start is None]
    unsourced = [e.id for e in catalogue if not e.source.startswith("https://")]
    assert (misdated, undated, unsourced) == ([], [], [])


def test_an_entry_working_in_some_regions_does_not_fit_an_article_about_another(
        tmp_path: Path) -> None:
    path = write_lines(tmp_path / "areas.jsonl",
                       record(areas=["Gozo"]),
                       record(id="other-force", name="Other Force", aliases=["OTF"],
                              areas=["Valletta"]))
    catalogue = load_catalogue([path])
    day = date(2002, 5, 1)
    assert catalogue.areas_in("Troops patrolled Gozo and the port.") == {"Gozo"}
    assert catalogue.resolve(None, ["MLT"], day, areas={"Gozo"}).id == "test-force"
    assert catalogue.resolve(None, ["MLT"], day, areas={"Valletta"}).id == "other-force"
    assert catalogue.resolve(None, ["MLT"], day) is None  # no region named: both fit
