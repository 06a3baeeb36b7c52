"""`redshank dyads`: counts per actor-recipient pair, overall and per period, of reports
or real-world events, with the filters of `redshank events`."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.cli.conftest import run


def dyads(capsys, db: str, *flags: str) -> list[dict]:
    status, out, err = run(capsys, "dyads", "--db", db, *flags, "--format", "json")
    assert status == 0, err
    return json.loads(out)


def test_dyads_count_reports_by_country_busiest_first(db: str, capsys) -> None:
    assert dyads(capsys, db) == [
        {"actor": "ISR", "recipient": "LBN", "events": 3},
        {"actor": "RUS", "recipient": "GEO", "events": 2},
        {"actor": "IRQ", "recipient": "USA", "events": 1},
        {"actor": "LBN", "recipient": "ISR", "events": 1},
        {"actor": "USA", "recipient": "IRQ", "events": 1},
    ]


def test_merged_dyads_count_real_world_events(db: str, capsys) -> None:
    counts = {(d["actor"], d["recipient"]): d["events"] for d in dyads(capsys, db, "--merged")}
    assert counts[("ISR", "LBN")] == 2
    assert counts[("RUS", "GEO")] == 2


def test_dyads_by_full_actor_code(db: str, capsys) -> None:
    pairs = {(d["actor"], d["recipient"]): d["events"]
             for d in dyads(capsys, db, "--by-actor", "code", "--actor", "ISR")}
    assert pairs == {("ISRMIL", "LBN"): 2, ("ISRGOV", "LBNGOV"): 1}


def test_a_dyad_timeline_by_month_and_year(db: str, capsys) -> None:
    months = dyads(capsys, db, "--by", "month", "--actor", "USA,IRQ", "--all")
    assert months == [
        {"actor": "USA", "recipient": "IRQ", "period": "2014-08", "events": 2},
        {"actor": "IRQ", "recipient": "USA", "period": "undated", "events": 1},
    ]
    years = dyads(capsys, db, "--by", "year", "--event", "ASSAULT")
    assert [(d["actor"], d["period"], d["events"]) for d in years] == [
        ("RUS", "2008", 1), ("ISR", "2014", 2), ("USA", "2014", 1)]


def test_dyads_take_the_events_filters(db: str, capsys) -> None:
    assert dyads(capsys, db, "--country", "Georgia", "--since", "2008-08-10") == [
        {"actor": "RUS", "recipient": "GEO", "events": 1}]
    assert dyads(capsys, db, "--near", "Beirut", "--merged", "--min-reports", "2") == [
        {"actor": "ISR", "recipient": "LBN", "events": 1}]
    assert dyads(capsys, db, "--top", "1") == [{"actor": "ISR", "recipient": "LBN",
                                                "events": 3}]
    status, _, err = run(capsys, "dyads", "--db", db, "--event", "THREATENS")
    assert status == 2 and "did you mean THREATEN?" in err


def test_dyads_as_csv_and_table(db: str, capsys) -> None:
    status, out, _ = run(capsys, "dyads", "--db", db, "--format", "csv", "--by", "year")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and rows[0] == {"actor": "RUS", "recipient": "GEO", "period": "2008",
                                       "events": "2"}
    status, out, _ = run(capsys, "dyads", "--db", db)
    assert out.splitlines()[-1] == (
        "5 dyads; 8 of the 8 matching events have an actor and a recipient")


@pytest.mark.parametrize("flags", [["--by", "fortnight"], ["--by-actor", "sector"]])
def test_unknown_dyad_keys_are_refused(db: str, capsys, flags: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "dyads", "--db", db, *flags)
    assert exit_info.value.code == 2
