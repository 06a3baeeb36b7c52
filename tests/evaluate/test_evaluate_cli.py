"""`redshank evaluate` end to end: a few PLOVER gold records through the real pipeline."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from redshank.cli.evaluate import configure, run
from redshank.errors import ConfigError
from redshank.evaluate import evaluate, gold_documents, read_gold
from redshank.evaluate.halves import load_halves
from redshank.evaluate.match import is_counted
from redshank.model import DocumentResult
from redshank.pipeline import Pipeline
from tests.conftest import SEEDS
from tests.evaluate.builders import actor, event, news_event, news_record, write_gsr, write_news

GSR_DEV = SEEDS.parent / "data" / "plover" / "gsr_dev.json"
FIRST_RECORDS = 5


@pytest.fixture(scope="module")
def few_records(tmp_path_factory) -> Path:
    """The first records of gsr_dev's half A, renamed so that no recorded half holds them."""
    if not GSR_DEV.exists():
        pytest.skip(f"{GSR_DEV} not found")
    half_a = next(s for s in load_halves().splits if s.name == "gsr_dev").a
    records = [{**r, "id": f"few-{r['id']}"}
               for r in json.loads(GSR_DEV.read_text(encoding="utf-8")) if r["id"] in half_a]
    return write_gsr(tmp_path_factory.mktemp("gold") / "few.json", records[:FIRST_RECORDS])


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="redshank")
    configure(parser.add_subparsers(dest="command"))
    return parser.parse_args(["evaluate", *argv])


def test_evaluate_scores_what_the_pipeline_shows(few_records, pipeline) -> None:
    gold = read_gold(few_records)
    report = evaluate(gold, pipeline)
    shown = [e for r in pipeline.run(gold_documents(gold)) for e in r.events if is_counted(e)]
    assert (report.records, report.overall.gold) == (FIRST_RECORDS, FIRST_RECORDS)
    assert report.overall.coded == len(shown)
    assert report.overall.full <= report.overall.matched <= min(FIRST_RECORDS, len(shown))
    assert sum(m.gold for m in report.by_type.values()) == FIRST_RECORDS
    assert not report.failures


def test_cli_prints_the_report_and_writes_json_and_markdown(few_records, pipeline, monkeypatch,
                                                           capsys, tmp_path) -> None:
    loaded: list[dict] = []

    def fake_load(cls, **kwargs):
        loaded.append(kwargs)
        return pipeline

    monkeypatch.setattr(Pipeline, "load", classmethod(fake_load))
    monkeypatch.delenv("REDSHANK_ACTORS", raising=False)
    out_json, out_md = tmp_path / "report.json", tmp_path / "report.md"
    assert run(parse(str(few_records), "--report", str(out_json), "--show-errors", "0",
                     "--actors", "extra.txt")) == 0
    printed = capsys.readouterr().out
    assert "event-type recall" in printed and "Misses" not in printed
    assert loaded[0]["actor_files"] == ["extra.txt"]
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["records"] == FIRST_RECORDS and data["gold_format"] == "plover-gsr"
    assert run(parse(str(few_records), "--format", "plover-gsr", "--report", str(out_md))) == 0
    assert "## Per event type" in out_md.read_text(encoding="utf-8")


def test_cli_rejects_bad_report_names_before_coding(few_records) -> None:
    with pytest.raises(ConfigError, match=r"\.md or \.json"):
        run(parse(str(few_records), "--report", "report.html"))
    with pytest.raises(ConfigError, match="0 or more"):
        run(parse(str(few_records), "--show-errors", "-1"))


def test_cli_help_has_an_example(capsys) -> None:
    with pytest.raises(SystemExit):
        parse("--help")
    assert "example: redshank evaluate" in capsys.readouterr().out


class CodesArticles:
    """Stands in for the pipeline: each article gets one ACCUSE at its first character."""

    def __init__(self) -> None:
        self.documents: list[str] = []

    def run(self, documents):
        for document in documents:
            self.documents.append(document.id)
            yield DocumentResult(document=document, events=[
                event("ACCUSE", [actor("TUR")], [actor("SYR")], trigger="T", at=0)])


def test_cli_codes_whole_articles_with_articles(tmp_path, monkeypatch, capsys) -> None:
    coder = CodesArticles()
    monkeypatch.setattr(Pipeline, "load", classmethod(lambda cls, **kwargs: coder))
    gold = write_news(tmp_path / "gold.jsonl", [
        news_record("mine-0", "Turkey condemned Syria.",
                    [news_event("ACCUSE", ["TURGOV"], ["SYR"])], article="mine"),
        news_record("mine-1", "Syria replied.", [], article="mine")])
    articles = write_news(tmp_path / "articles.jsonl", [
        {"id": "mine", "published": "2020-01-02",
         "text": "Turkey condemned Syria. Syria replied."}])
    assert run(parse(str(gold), "--articles", str(articles))) == 0
    printed = capsys.readouterr().out
    assert coder.documents == ["mine"]
    assert "coded: in whole articles" in printed
    assert "| event-type recall | 100.0% |" in printed
    assert run(parse(str(gold))) == 0
    assert "each gold sentence alone (no --articles)" in capsys.readouterr().out
    with pytest.raises(ConfigError, match="--articles applies to redshank-gold"):
        run(parse(str(write_gsr(tmp_path / "g.json", [])), "--articles", str(articles)))
