"""`redshank positions` and `redshank coalition`, parsed as redshank/cli/positions.py wires them."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pytest

from redshank.cli.positions import configure
from redshank.errors import ConfigError, DataFileError
from redshank.store import open_store
from tests.positions.conftest import wales_article


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database with the Wales article stored but not yet derived."""
    path = str(tmp_path / "events.duckdb")
    with open_store(path) as store:
        store.save_result(wales_article().result(), "run")
    return path


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="redshank")
    configure(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    return args.handler(args)


def test_positions_refresh_then_a_table_with_flags(db: str, capsys) -> None:
    assert run("positions", "--db", db, "--refresh", "--actor", "USA") == 0
    captured = capsys.readouterr()
    assert "1 documents read: 4 positions" in captured.err
    assert "ground-troops" in captured.out and "John Kerry" in captured.out
    assert captured.out.rstrip().endswith("3 positions, 0 changes, 0 hedged")


def test_positions_json_filters_by_topic(db: str, capsys) -> None:
    run("positions", "--db", db, "--refresh")
    capsys.readouterr()
    assert run("positions", "--db", db, "--topic", "intelligence", "--format", "json") == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert (record["holder"], record["stance"], record["flags"]) == ("NATO", "commit", [])


def test_coalition_table_and_json(db: str, capsys) -> None:
    assert run("coalition", "--db", db, "--refresh", "--against", "IS") == 0
    out = capsys.readouterr().out
    assert "Global Coalition against Daesh" in out and "members (4)" in out
    assert "declared limits" in out and "by organisations" in out
    assert run("coalition", "--db", db, "--name", "core group", "--format", "json") == 0
    (coalition,) = json.loads(capsys.readouterr().out)
    assert [m["member"] for m in coalition["members"]] == ["USA", "DNK", "FRA", "GBR"]
    assert coalition["related"][0]["actor"] == "NATO"


def test_coalition_on_a_date_and_its_membership_timeline(db: str, tmp_path: Path,
                                                         capsys) -> None:
    assert run("coalition", "--db", db, "--refresh", "--at", "2014-09-04",
               "--format", "json") == 0
    (before,) = json.loads(capsys.readouterr().out)
    assert before["members"] == [] and before["on"] == "2014-09-04"
    timeline = tmp_path / "members.csv"
    assert run("coalition", "--db", db, "--at", "2014-09-05", "--timeline", str(timeline),
               "--format", "json") == 0
    captured = capsys.readouterr()
    (on_the_day,) = json.loads(captured.out)
    assert len(on_the_day["members"]) == 4
    assert "4 membership rows written" in captured.err
    with timeline.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    usa = rows[0]
    assert (usa["member"], usa["role"], usa["from"], usa["until"]) == (
        "USA", "leader", "2014-09-05", "")
    assert len(rows) == 4


def test_no_coalition_found_prints_an_empty_list(db: str, capsys) -> None:
    assert run("coalition", "--db", db, "--against", "Russia", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_errors_are_config_and_data_file_errors(db: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown topic 'tanks'; use one of airlift"):
        run("positions", "--db", db, "--topic", "tanks")
    with pytest.raises(ConfigError, match="does not exist"):
        run("coalition", "--db", str(tmp_path / "none.duckdb"))
    bad = tmp_path / "bad.tsv"
    bad.write_text("topic\tphrase\ntanks\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.tsv:2"):
        run("positions", "--db", db, "--lexicon", str(bad))
