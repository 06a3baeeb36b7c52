"""Stored text is printed literally: rich markup stays visible, escape sequences never
reach the terminal (events, explain, events --merged, positions, coalitions, evaluate,
error lines)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

from redshank.cli import main
from redshank.cli.positions import configure, run_coalition, run_positions
from redshank.evaluate import read_gold, render_json, render_markdown, score_results
from redshank.evaluate.score import document_id
from redshank.store import open_store
from redshank.tables import json_safe, terminal_safe
from tests.evaluate.builders import actor, event, gsr_record, result, write_gsr
from tests.positions.conftest import Article

MARKUP_ID = "[/bold]x"
HOSTILE_ID = MARKUP_ID + "\x1b[2J\x1b]0;title\x07"
LINK_OPEN, LINK_CLOSE = "\x1b]8;;http://evil\x1b\\", "\x1b]8;;\x1b\\"
SENTENCE = (f"Iraq [update] {LINK_OPEN}The United States{LINK_CLOSE} said it had created "
            "a core coalition on Friday to battle Islamic State militants, ruling out "
            "committing ground forces. \x1b[31m\x9b1m")  # not glued to a word the parser reads
# What a terminal must never receive: escape sequences, their payloads, C1 controls.
FORBIDDEN = ("\x1b", "\x07", "\x9b", "http://evil", "0;title", "[2J", "[31m")


def hostile_article() -> Article:
    """An article whose id carries markup and escapes, with events, positions and a
    coalition to print."""
    article = Article(HOSTILE_ID)
    s0 = article.add(SENTENCE)
    usa = article.actor(s0, "The United States", "USA", "USA", name="United States")
    isil = article.actor(s0, "Islamic State militants", "IMGMUSISI", kind="armed_group",
                         actor_id="ISLAMIC_STATE", name="Islamic State [update]\x1b[5m")
    article.event(s0, "AGREE", "created", actors=[usa])
    article.event(s0, "REJECT", "ruling out", actors=[usa])
    article.event(s0, "ASSAULT", "battle", actors=[usa], recipients=[isil],
                  auxiliary="hypothetical", cue="to battle")
    s1 = article.add("Britain, France and Denmark, with the United States, formed the core "
                     "group for tackling the militant group.")
    members = [article.actor(s1, name, f"{code}GOV", code, name=f"{name} government")
               for name, code in (("Britain", "GBR"), ("France", "FRA"), ("Denmark", "DNK"))]
    members.append(article.actor(s1, "United States", "USA", "USA"))
    article.event(s1, "AGREE", "formed", actors=members)
    return article


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("safety") / "hostile.duckdb")
    with open_store(path) as store:
        store.save_result(hostile_article().result(), "run")
    assert main(["link", "--db", path]) == 0
    return path


def assert_safe(text: str) -> None:
    found = [piece for piece in FORBIDDEN if piece in text]
    assert not found, f"{found} printed in {text!r}"


def run(capsys, *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    captured = capsys.readouterr()
    assert_safe(captured.err)
    return captured.out


@pytest.mark.parametrize(("raw", "shown"), [
    ("\x1b[2Jclear", "clear"),
    ("\x1b[1;31mred\x1b[0m", "red"),
    ("\x1b]0;title\x07text", "text"),
    ("\x1b]0;title\x1b\\text", "text"),
    (f"{LINK_OPEN}click{LINK_CLOSE}", "click"),
    ("\x1bPq#0;2;0;0;0\x1b\\sixel", "sixel"),
    ("\x9b2Jc1 \x9d0;t\x9c", "c1 "),
    ("\x1b]0;unterminated", "0;unterminated"),
    ("bell\x07 back\x08 nul\x00 del\x7f", "bell back nul del"),
    ("Iraq [update] [/bold]", "Iraq [update] [/bold]"),
    ("Zürich — 東京, العراق, ‘quoted’ …", "Zürich — 東京, العراق, ‘quoted’ …"),
    ("a\tb", "a\tb"),
])
def test_terminal_safe_strips_sequences_and_controls_and_keeps_text(raw, shown) -> None:
    assert terminal_safe(raw) == shown


def test_terminal_safe_keeps_line_breaks_only_when_asked() -> None:
    assert terminal_safe("one\r\ntwo\rthree\n") == "one two three "
    assert terminal_safe("one\r\ntwo\rthree\n", multiline=True) == "one\ntwo\nthree\n"


def test_events_table_shows_a_markup_id_literally(db, capsys) -> None:
    out = run(capsys, "events", "--db", db, "--all")
    assert MARKUP_ID in out and out.splitlines()[-1] == "4 events"
    assert_safe(out)


def test_events_csv_has_literal_text_and_no_escapes(db, capsys) -> None:
    out = run(capsys, "events", "--db", db, "--all", "--format", "csv")
    assert_safe(out)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["doc_id"] for row in rows} == {MARKUP_ID}
    first = [row["sentence"] for row in rows if row["trigger"] == "ruling out"]
    assert first == ["Iraq [update] The United States said it had created a core coalition on "
                     "Friday to battle Islamic State militants, ruling out committing ground "
                     "forces. "]


def test_events_jsonl_keeps_every_character_as_json_escapes(db, capsys) -> None:
    out = run(capsys, "events", "--db", db, "--all", "--format", "jsonl")
    assert "\x1b" not in out and "\x9b" not in out
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["doc_id"] for r in records} == {HOSTILE_ID}
    assert SENTENCE in {r["sentence"] for r in records}


def test_explain_event_shows_markup_and_no_escapes(db, capsys) -> None:
    (record,) = [json.loads(line) for line in run(
        capsys, "events", "--db", db, "--event", "REJECT", "--format", "jsonl").splitlines()]
    out = run(capsys, "explain", record["event_id"], "--db", db)
    assert f"document {MARKUP_ID}," in out and "Iraq [update]" in out
    assert "[ACTOR: The United States]" in out
    assert_safe(out)


def test_merged_table_csv_and_explain_cluster_are_literal(db, capsys) -> None:
    table = run(capsys, "events", "--merged", "--db", db, "--all")
    assert "ASSAULT [hypothetical]" in table
    assert_safe(table)
    csv_out = run(capsys, "events", "--merged", "--db", db, "--all", "--format", "csv")
    assert_safe(csv_out)
    assert {row["documents"] for row in csv.DictReader(io.StringIO(csv_out))} == {MARKUP_ID}
    clusters = run(capsys, "events", "--merged", "--db", db, "--all", "--format", "jsonl")
    cluster_id = json.loads(clusters.splitlines()[0])["cluster_id"]
    out = run(capsys, "explain", cluster_id, "--db", db)
    assert f"doc {MARKUP_ID} (" in out and "Iraq [update] The United States" in out
    assert_safe(out)


def test_positions_and_coalitions_print_literally(db, capsys) -> None:
    parser = argparse.ArgumentParser(prog="redshank")
    configure(parser.add_subparsers(dest="command", required=True))
    capsys.readouterr()
    assert run_positions(parser.parse_args(["positions", "--db", db, "--refresh"])) == 0
    positions = capsys.readouterr().out
    assert f"{MARKUP_ID}#0" in positions and "refuse" in positions
    assert_safe(positions)
    assert run_coalition(parser.parse_args(["coalition", "--db", db])) == 0
    coalitions = capsys.readouterr().out
    assert MARKUP_ID in coalitions and "Islamic State [update]" in coalitions
    assert_safe(coalitions)


def test_evaluate_report_shows_gold_text_without_escapes(tmp_path: Path) -> None:
    gold = read_gold(write_gsr(tmp_path / "gold.json", [
        gsr_record(HOSTILE_ID, "DEMAND", ["IRQ"], ["USA"], text=SENTENCE)]))
    report = score_results(gold, [result(document_id(0, gold.records[0]),
                                         [event("REJECT", [actor("IRQ")], [actor("USA")])])])
    text = render_markdown(report)
    assert MARKUP_ID in text and "Iraq [update] The United States" in text
    assert_safe(text)
    raw = render_json(report)
    assert "\x1b" not in raw and "\x9b" not in raw
    (error,) = json.loads(raw)["errors"]
    assert (error["record_id"], error["sentence"]) == (HOSTILE_ID, SENTENCE)


def test_json_output_writes_del_and_c1_controls_as_escapes() -> None:
    text = "csi\x9b2J del\x7f esc\x1b[2J"
    dumped = json_safe(json.dumps({"text": text}, ensure_ascii=False))
    assert not any(char in dumped for char in "\x9b\x7f\x1b")
    assert json.loads(dumped) == {"text": text}


def test_failure_lines_carry_no_escape_sequence(tmp_path: Path, capsys) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "articles.jsonl").write_text(
        json.dumps({"id": "bad\x1b[2Jid", "text": ""}) + "\n"
        + json.dumps({"id": "good", "text": "Britain condemned Russia."}) + "\n",
        encoding="utf-8")
    (articles / "broken\x1b]0;title\x07.jsonl").write_text('{"id": "x"\n', encoding="utf-8")
    capsys.readouterr()
    main(["ingest", str(articles), "--db", str(tmp_path / "f.duckdb"),
          "--published", "2020-01-01"])
    err = capsys.readouterr().err
    failed = [line for line in err.splitlines() if line.startswith("redshank: failed")]
    assert len(failed) == 2
    assert any("is empty" in line for line in failed)
    assert any("broken.jsonl line 1: malformed JSON" in line for line in failed)
    assert "\x1b" not in err and "\x07" not in err
