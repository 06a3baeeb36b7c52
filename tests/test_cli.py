"""The redshank command: ingest, events, code, explain, and how it reports bad input."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from redshank.cli import main
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "seeds.duckdb")
    assert main(["ingest", str(SEEDS / "manifest.jsonl"), "--db", db]) == 0
    return db


def events_jsonl(capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["events", *args, "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_events_filters_by_actor_event_and_event_date(seeded, capsys) -> None:
    rows = events_jsonl(capsys, "--db", seeded, "--actor", "IRQ", "--event", "request")
    assert rows and all(r["event"] == "REQUEST" for r in rows)
    assert all(any(a["country"] == "IRQ" for a in r["actor"]) for r in rows)
    may = events_jsonl(capsys, "--db", seeded, "--since", "2014-05-01", "--until", "2014-05-31")
    assert {r["date"] for r in may} == {"2014-05"}


def test_hidden_events_need_all(seeded, capsys) -> None:
    default = events_jsonl(capsys, "--db", seeded)
    everything = events_jsonl(capsys, "--db", seeded, "--all")
    assert len(everything) > len(default)
    assert {r["auxiliary"] for r in default} <= {None, "historical"}
    record = default[0]
    for field in ("event_id", "doc_id", "sentence_index", "sentence", "event", "mode", "context",
                  "cameo", "quad", "intensity", "actor", "recipient", "date", "date_precision",
                  "date_text", "location", "auxiliary", "quote", "evidence", "published",
                  "coder_version"):
        assert field in record


def test_explain_answers_why(seeded, capsys) -> None:
    rows = events_jsonl(capsys, "--db", seeded, "--event", "REJECT", "--actor", "USA")
    assert main(["explain", rows[0]["event_id"], "--db", seeded]) == 0
    out = capsys.readouterr().out
    assert "[TRIGGER:" in out and "rule" in out and ".patterns:" in out


def test_explain_unknown_event_is_a_clear_error(seeded, capsys) -> None:
    assert main(["explain", "nope", "--db", seeded]) == 1
    assert "no event 'nope'" in capsys.readouterr().err


def test_code_reads_stdin_and_prints_jsonl(monkeypatch, capsys) -> None:
    text = "Iraq asked the United States to carry out airstrikes against the militants."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["code", "-", "--published", "2014-06-11"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["event"], r["actor"][0]["country"], r["recipient"][0]["country"]) for r in rows
            ] == [("REQUEST", "IRQ", "USA")]


def test_bad_documents_fail_alone_and_the_batch_is_stored(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Britain condemned Russia for the attack on Ukraine.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "ok"\n', encoding="utf-8")
    db = str(tmp_path / "batch.duckdb")
    assert main(["ingest", str(tmp_path), "--db", db, "--published", "2020-01-01"]) == 0
    err = capsys.readouterr().err
    assert "empty" in err and "bad.jsonl" in err and "1 documents coded" in err
    assert main(["ingest", str(tmp_path / "empty.txt"), "--db", db, "--strict"]) == 1
    rows = events_jsonl(capsys, "--db", db)
    assert [(r["event"], r["actor"][0]["country"]) for r in rows] == [("ACCUSE", "GBR")]


def test_nothing_processable_exits_non_zero(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["ingest", str(empty), "--db", str(tmp_path / "x.duckdb")]) == 1
    assert "failed [ingest]" in capsys.readouterr().err


def test_events_on_a_missing_database_says_what_to_do(tmp_path: Path, capsys) -> None:
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "run 'redshank ingest' first" in capsys.readouterr().err


def test_events_near_a_place_and_in_a_country(seeded, capsys) -> None:
    near = events_jsonl(capsys, "--db", seeded, "--near", "Baghdad", "--within", "100")
    assert near and all(r["location"]["country"] == "IRQ" for r in near)
    assert "visited" in {r["evidence"]["trigger"] for r in near}
    french = events_jsonl(capsys, "--db", seeded, "--country", "fra", "--all")
    assert [r["location"]["name"] for r in french] == ["Paris"]


def test_csv_export_carries_event_and_publication_dates(seeded, capsys) -> None:
    capsys.readouterr()
    assert main(["events", "--db", seeded, "--format", "csv", "--event", "CONSULT"]) == 0
    lines = capsys.readouterr().out.splitlines()
    columns = set(lines[0].split(","))
    assert {"date", "date_start", "date_end", "published", "lat", "lon"} <= columns
    assert len(lines) > 1


HIDDEN_COUNT = re.compile(r"(\d+) events \((\d+) shown( by `events`)?; (\d+) negated, "
                          r"hypothetical or future: see --all\)")


def test_ingest_and_code_say_how_many_events_events_shows_and_hides(
        tmp_path: Path, monkeypatch, capsys) -> None:
    article = tmp_path / "denial.txt"
    article.write_text("Iraq did not ask the United States to bomb militants. "
                       "Iraq asked Iran for help.", encoding="utf-8")
    db = str(tmp_path / "denial.duckdb")
    assert main(["ingest", str(article), "--db", db, "--published", "2014-06-11"]) == 0
    total, shown, by_events, hidden = HIDDEN_COUNT.search(capsys.readouterr().err).groups()
    assert by_events and int(hidden) > 0 and int(total) == int(shown) + int(hidden)
    assert len(events_jsonl(capsys, "--db", db)) == int(shown)
    assert len(events_jsonl(capsys, "--db", db, "--all")) == int(total)
    monkeypatch.setattr("sys.stdin", io.StringIO(article.read_text(encoding="utf-8")))
    assert main(["code", "-", "--published", "2014-06-11"]) == 0
    captured = capsys.readouterr()
    assert HIDDEN_COUNT.search(captured.err).groups() == (total, shown, None, hidden)
    assert len(captured.out.splitlines()) == int(shown)


def test_messages_show_a_postgresql_url_without_its_password() -> None:
    from redshank.cli.common import db_label

    assert db_label("postgresql://ana:s3cret@db.example/events") == (
        "postgresql://ana@db.example/events")
    assert db_label("events.duckdb") == "events.duckdb"
