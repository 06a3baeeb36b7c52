"""`redshank events` never answers wrongly: each case a user hit with 368 Wikinews
articles, against the hand-built database of tests/cli/conftest.py."""

from __future__ import annotations

import pytest

from tests.cli.conftest import jsonl, run


def kinds(rows: list[dict]) -> list[tuple[str, str]]:
    return sorted((row["doc_id"], row["event"]) for row in rows)


@pytest.mark.parametrize(("flags", "hint"), [
    (["--event", "THREATENS"], "did you mean THREATEN?"),
    (["--event", "ASSAULT,THRETEN"], "did you mean THREATEN?"),
    (["--country", "Irak"], "did you mean IRQ"),
    (["--country", "Atlantis"], "ISO alpha-3 code"),
    (["--since", "2014-13"], "YYYY, YYYY-MM or YYYY-MM-DD"),
    (["--until", "June 2014"], "YYYY, YYYY-MM or YYYY-MM-DD"),
    (["--since", "2015", "--until", "2014"], "no event can match"),
    (["--place-scope", "sentense"], "did you mean sentence?"),
    (["--min-reports", "2"], "add --merged"),
    (["--within", "10"], "add --near"),
    (["--near", "Atlantis-on-Sea"], "no place of that name"),
    (["--merged", "--event", "THREATENS"], "did you mean THREATEN?"),
])
def test_an_unknown_value_is_a_one_line_error_with_the_right_one(
        db: str, capsys: pytest.CaptureFixture[str], flags: list[str], hint: str) -> None:
    status, out, err = run(capsys, "events", "--db", db, *flags)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and hint in err


def test_a_comma_list_of_event_types_means_either(db: str, capsys) -> None:
    listed = kinds(jsonl(capsys, "events", "--db", db, "--event", "ASSAULT,COERCE"))
    assert listed == [("a", "ASSAULT"), ("b", "ASSAULT"), ("c", "ASSAULT"), ("c", "COERCE"),
                      ("d", "ASSAULT")]
    repeated = jsonl(capsys, "events", "--db", db, "--event", "assault", "--event", "coerce")
    assert kinds(repeated) == listed


@pytest.mark.parametrize("country", ["Iraq", "IRQ", "irq", "Iraqi"])
def test_a_country_by_name_code_or_demonym(db: str, capsys, country: str) -> None:
    rows = jsonl(capsys, "events", "--db", db, "--country", country, "--all")
    assert kinds(rows) == [("d", "ASSAULT"), ("d", "THREATEN")]


def test_repeated_actors_mean_either(db: str, capsys) -> None:
    repeated = jsonl(capsys, "events", "--db", db, "--actor", "ISR", "--actor", "LBN")
    assert kinds(repeated) == [("a", "ACCUSE"), ("a", "ASSAULT"), ("a", "THREATEN"),
                               ("b", "ASSAULT")]
    assert kinds(jsonl(capsys, "events", "--db", db, "--actor", "ISR,LBN")) == kinds(repeated)
    by_name = jsonl(capsys, "events", "--db", db, "--actor", "Israel", "--recipient", "Lebanon")
    assert kinds(by_name) == [("a", "ASSAULT"), ("a", "THREATEN"), ("b", "ASSAULT")]


@pytest.mark.parametrize(("since", "until", "expected"), [
    ("2014", None, [("a", "ACCUSE"), ("a", "ASSAULT"), ("a", "THREATEN"), ("b", "ASSAULT"),
                    ("d", "ASSAULT")]),
    (None, "2008", [("c", "ASSAULT"), ("c", "COERCE")]),
    ("2014-07", "2014-07", [("a", "ACCUSE"), ("a", "ASSAULT"), ("a", "THREATEN"),
                            ("b", "ASSAULT")]),
    ("2014-07-11", "2014-08-08", [("a", "ACCUSE"), ("a", "THREATEN"), ("d", "ASSAULT")]),
])
def test_partial_dates_cover_their_whole_year_or_month(
        db: str, capsys, since: str | None, until: str | None, expected: list) -> None:
    flags = [*(["--since", since] if since else []), *(["--until", until] if until else [])]
    assert kinds(jsonl(capsys, "events", "--db", db, *flags)) == expected


def reported(clusters: list[dict]) -> list[list[str]]:
    return sorted(sorted(member["doc_id"] for member in cluster["members"])
                  for cluster in clusters)


def test_merged_events_take_the_place_filters(db: str, capsys) -> None:
    merged = ["events", "--db", db, "--merged"]
    assert reported(jsonl(capsys, *merged, "--country", "GEO")) == [["c"], ["c"]]
    assert reported(jsonl(capsys, *merged, "--country", "Georgia", "--event", "COERCE")) == [
        ["c"]]
    tbilisi = jsonl(capsys, *merged, "--near", "Tbilisi", "--within", "10")
    assert [cluster["event"] for cluster in tbilisi] == ["COERCE"]
    beirut = jsonl(capsys, *merged, "--near", "Beirut", "--min-reports", "2")
    assert reported(beirut) == [["a", "b"]]
    assert jsonl(capsys, *merged, "--near", "Beirut", "--place-scope", "sentence") != []


def test_merged_events_take_every_other_filter(db: str, capsys) -> None:
    merged = ["events", "--db", db, "--merged"]
    assert reported(jsonl(capsys, *merged, "--actor", "ISR,RUS", "--since", "2014")) == [
        ["a"], ["a", "b"]]
    assert reported(jsonl(capsys, *merged, "--doc", "b", "--doc", "c")) == [
        ["a", "b"], ["c"], ["c"]]
    assert reported(jsonl(capsys, *merged, "--country", "IRQ")) == [["d"]]
    assert reported(jsonl(capsys, *merged, "--country", "IRQ", "--all")) == [["d"], ["d"]]


def test_near_a_place_keeps_events_within_the_radius(db: str, capsys) -> None:
    near = jsonl(capsys, "events", "--db", db, "--near", "Tbilisi", "--within", "100")
    assert [row["location"]["name"] for row in near] == ["Tbilisi", "Gori"]
    close = jsonl(capsys, "events", "--db", db, "--near", "Tbilisi", "--within", "10")
    assert [row["location"]["name"] for row in close] == ["Tbilisi"]


def test_near_coordinates_with_no_radius_keeps_the_events_placed_exactly_there(
        db: str, capsys) -> None:
    (tbilisi,) = jsonl(capsys, "events", "--db", db, "--near", "Tbilisi", "--within", "10")
    where = f"{tbilisi['location']['lat']},{tbilisi['location']['lon']}"
    there = jsonl(capsys, "events", "--db", db, "--near", where, "--within", "0")
    assert [row["event_id"] for row in there] == [tbilisi["event_id"]]
    around = jsonl(capsys, "events", "--db", db, "--near", where, "--within", "100")
    assert [row["location"]["name"] for row in around] == ["Tbilisi", "Gori"]


def test_the_table_says_how_many_events_all_would_add(db: str, capsys) -> None:
    status, out, _ = run(capsys, "events", "--db", db, "--country", "IRQ")
    assert status == 0
    assert out.splitlines()[-2:] == [
        "1 events", "1 more events matched but are negated, hypothetical or future: see --all"]
    status, out, _ = run(capsys, "events", "--db", db, "--country", "IRQ", "--all")
    assert out.splitlines()[-1] == "2 events"


def test_an_actor_or_document_nothing_stored_has_is_a_warning(db: str, capsys) -> None:
    status, out, err = run(capsys, "events", "--db", db, "--actor", "ISRR,RUS", "--doc", "z")
    assert (status, out.splitlines()[-1]) == (0, "0 events")
    assert err.splitlines() == [
        "redshank: warning: nothing stored matches actor 'ISRR'; check the spelling",
        "redshank: warning: nothing stored matches document 'z'; check the spelling"]
    status, _, err = run(capsys, "dyads", "--db", db, "--recipient", "Hamas")
    assert status == 0 and "recipient 'Hamas'" in err
    _, _, err = run(capsys, "events", "--db", db, "--actor", "isrmil", "--recipient", "Lebanon")
    assert err == ""
