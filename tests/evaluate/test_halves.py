"""Fixed halves of the dev sets: drawn once, complete, disjoint; half B's errors never shown."""

from __future__ import annotations

import argparse
import json
from collections import Counter

import pytest

from redshank.cli.evaluate import configure, run
from redshank.errors import ConfigError, DataFileError
from redshank.evaluate import GoldFileError, read_gold
from redshank.evaluate.halves import draw_halves, load_halves, split_gold
from redshank.model import DocumentResult
from redshank.pipeline import Pipeline
from tests.conftest import SEEDS
from tests.evaluate.builders import gsr_record, write_gsr

SHARED_DATA = SEEDS.parent / "data"
GSR_DEV = SHARED_DATA / "plover" / "gsr_dev.json"
WIKINEWS = SHARED_DATA / "gold" / "wikinews_plover.jsonl"
WIKINEWS_ARTICLES = SHARED_DATA / "gold" / "wikinews_plover_articles.jsonl"
HALF_A_TEXT = "Alpha sentence, which engineers may read."
HALF_B_TEXT = "Bravo sentence, which nobody may read."


def split(name: str):
    return next(s for s in load_halves().splits if s.name == name)


def test_drawing_is_deterministic_balanced_and_stratified() -> None:
    keys = [f"r{n}" for n in range(41)]
    strata = {k: ("AGREE" if n < 10 else "ASSAULT") for n, k in enumerate(keys)}
    halves = draw_halves(keys, strata)
    assert halves == draw_halves(list(reversed(keys)), strata)
    assert sorted(halves["A"] + halves["B"]) == sorted(keys)
    assert abs(len(halves["A"]) - len(halves["B"])) <= 1
    assert Counter(strata[k] for k in halves["A"]) == {"AGREE": 5, "ASSAULT": 16}


def test_a_halves_file_with_an_id_in_both_halves_is_refused(tmp_path) -> None:
    path = tmp_path / "halves.json"
    path.write_text(json.dumps({"sets": {"x": {"unit": "record", "A": ["1", "2"],
                                               "B": ["2"]}}}), encoding="utf-8")
    with pytest.raises(DataFileError, match="ids in both halves"):
        load_halves(path)


def test_records_of_no_half_are_not_split_and_a_mix_is_refused(tmp_path) -> None:
    unknown = gsr_record("MINE-1", "AGREE", ["USA"], ["GBR"])
    assert split_gold(read_gold(write_gsr(tmp_path / "u.json", [unknown])), load_halves()) is None
    known = gsr_record(sorted(split("gsr_dev").a)[0], "AGREE", ["USA"], ["GBR"])
    with pytest.raises(GoldFileError, match="in no half"):
        split_gold(read_gold(write_gsr(tmp_path / "m.json", [known, unknown])), load_halves())


@pytest.mark.skipif(not GSR_DEV.exists(), reason=f"{GSR_DEV} not found")
def test_gsr_dev_halves_hold_every_record_once() -> None:
    records = read_gold(GSR_DEV).records
    halves = split("gsr_dev")
    assert halves.unit == "record" and not halves.a & halves.b
    assert halves.a | halves.b == {record.id for record in records}
    assert abs(len(halves.a) - len(halves.b)) <= 1
    redrawn = draw_halves([r.id for r in records], {r.id: r.events[0].event for r in records})
    assert (set(redrawn["A"]), set(redrawn["B"])) == (halves.a, halves.b)


@pytest.mark.skipif(not WIKINEWS.exists(), reason=f"{WIKINEWS} not found")
def test_wikinews_halves_hold_every_article_once() -> None:
    articles = [json.loads(line)["id"]
                for line in WIKINEWS_ARTICLES.read_text(encoding="utf-8").splitlines()]
    halves = split("wikinews_plover")
    assert halves.unit == "article" and not halves.a & halves.b
    assert halves.a | halves.b == set(articles)
    assert set(draw_halves(articles)["A"]) == halves.a
    gold = read_gold(WIKINEWS)
    parts = split_gold(gold, load_halves())
    assert parts is not None
    assert len(parts["A"].records) + len(parts["B"].records) == len(gold.records) == 300
    assert {r.article for r in parts["A"].records} <= halves.a


class CodesNothing:
    """Stands in for the pipeline: every sentence is coded with no event."""

    def run(self, documents):
        for document in documents:
            yield DocumentResult(document=document)


@pytest.fixture
def one_per_half(tmp_path, monkeypatch):
    """A gold file of two gsr_dev ids, one of each half, with sentences written here."""
    monkeypatch.setattr(Pipeline, "load", classmethod(lambda cls, **kwargs: CodesNothing()))
    gsr = split("gsr_dev")
    return write_gsr(tmp_path / "gold.json", [
        gsr_record(sorted(gsr.a)[0], "AGREE", ["USA"], ["GBR"], text=HALF_A_TEXT),
        gsr_record(sorted(gsr.b)[0], "AGREE", ["USA"], ["GBR"], text=HALF_B_TEXT)])


def evaluate(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="redshank")
    configure(parser.add_subparsers(dest="command"))
    return run(parser.parse_args(["evaluate", *argv]))


def test_scores_of_both_halves_and_misses_of_half_a_only(one_per_half, capsys,
                                                         tmp_path) -> None:
    report_path = tmp_path / "report.json"
    assert evaluate(str(one_per_half), "--report", str(report_path)) == 0
    printed = capsys.readouterr().out
    assert HALF_A_TEXT in printed
    assert printed.count(HALF_B_TEXT) == 0, "a half-B sentence was printed"
    assert "| gold events scored | 1 | 1 | 2 |" in printed
    data = json.loads(report_path.read_text(encoding="utf-8"))
    assert [len(data[half]["errors"]) for half in ("A", "B", "both")] == [1, 0, 0]


def test_half_b_prints_scores_and_refuses_to_print_errors(one_per_half, capsys,
                                                          tmp_path) -> None:
    report_path = tmp_path / "report.md"
    assert evaluate(str(one_per_half), "--half", "B", "--report", str(report_path)) == 0
    printed = capsys.readouterr().out
    assert "event-type recall" in printed and "nobody reads" in printed
    assert printed.count(HALF_B_TEXT) == 0, "a half-B sentence was printed"
    assert report_path.read_text(encoding="utf-8").count(HALF_B_TEXT) == 0
    with pytest.raises(ConfigError, match="never shown"):
        evaluate(str(one_per_half), "--half", "B", "--show-errors", "5")


def test_half_a_prints_its_own_misses(one_per_half, capsys) -> None:
    assert evaluate(str(one_per_half), "--half", "A") == 0
    printed = capsys.readouterr().out
    assert HALF_A_TEXT in printed and printed.count(HALF_B_TEXT) == 0


def test_half_needs_a_file_with_recorded_halves(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(Pipeline, "load", classmethod(lambda cls, **kwargs: CodesNothing()))
    mine = write_gsr(tmp_path / "mine.json", [gsr_record("MINE-1", "AGREE", ["USA"], [])])
    with pytest.raises(ConfigError, match="no record is in a recorded half"):
        evaluate(str(mine), "--half", "A")
