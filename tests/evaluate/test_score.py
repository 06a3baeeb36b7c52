"""The report from hand-made results: metrics, per type and category, confusion, errors."""

from __future__ import annotations

import json

import pytest

from redshank.evaluate import (
    DEFAULT_TARGETS,
    Metrics,
    gold_documents,
    read_gold,
    render_json,
    render_markdown,
    score_results,
)
from redshank.evaluate.score import document_id
from tests.evaluate.builders import (
    actor,
    event,
    gsr_record,
    petrarch_sentence,
    result,
    write_gsr,
    write_petrarch,
)


@pytest.fixture
def plover_gold(tmp_path):
    return read_gold(write_gsr(tmp_path / "gold.json", [
        gsr_record("FULL", "DEMAND", ["IRQ"], ["USA"], text="Iraq asked the US for help."),
        gsr_record("ACTORS", "REJECT", ["SYR"], ["IRQ"], text="Syria rejected Iraq."),
        gsr_record("HIDDEN", "AGREE", ["TUR"], [], text="Turkey will agree."),
        gsr_record("TYPE", "DISAPPROVE", ["NGA"], ["NGA"], text="Nigeria jailed critics."),
        {"id": "NONE", "text": "Nothing happened.", "event": ""},
        gsr_record("FAILED", "PROTEST", ["FRA"], [], text="French farmers protested."),
    ]))


def paired(gold: int = 0, coded: int = 0, matched: int = 0, full: int = 0) -> Metrics:
    """One-to-one counts: a coded unit is right exactly when its paired gold unit is."""
    return Metrics(gold, coded, matched, full, coded_right=matched, coded_full=full)


def coded(gold, events_by_id: dict, failed: tuple[str, ...] = ()) -> list:
    return [result(document_id(i, r), events_by_id.get(r.id, []),
                   failed="boom" if r.id in failed else None)
            for i, r in enumerate(gold.records)]


def plover_results(gold) -> list:
    return coded(gold, {
        "FULL": [event("REQUEST", [actor("IRQGOV")], [actor("USA")])],
        "ACTORS": [event("REJECT", [actor("SYR")], [])],
        "HIDDEN": [event("AGREE", [actor("TUR")], auxiliary="future")],
        "TYPE": [event("COERCE", [actor("NGAGOV")], [actor("NGA")], mode="arrest")],
        "NONE": [event("ASSAULT", [actor("USA")])],
    }, failed=("FAILED",))


def test_overall_metrics_follow_the_documented_rules(plover_gold) -> None:
    report = score_results(plover_gold, plover_results(plover_gold))
    assert (report.overall.gold, report.overall.coded) == (5, 4)
    assert (report.overall.matched, report.overall.full) == (2, 1)
    assert report.overall.recall == pytest.approx(2 / 5)
    assert report.overall.full_recall == pytest.approx(1 / 5)
    assert report.overall.precision == pytest.approx(2 / 4)
    assert report.overall.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    assert (report.records, report.no_event_records, report.exact_records) == (6, 1, 1)
    assert [f.record_id for f in report.failures] == ["FAILED"]


def test_per_type_counts_gold_under_gold_type_and_coded_under_coded_type(plover_gold) -> None:
    by_type = score_results(plover_gold, plover_results(plover_gold)).by_type
    assert by_type["REQUEST"] == paired(gold=1, coded=1, matched=1, full=1)
    assert by_type["REJECT"] == paired(gold=1, coded=1, matched=1, full=0)
    assert by_type["ACCUSE"] == paired(gold=1, coded=0, matched=0, full=0)
    assert by_type["COERCE"] == paired(gold=0, coded=1, matched=0, full=0)
    assert by_type["ASSAULT"] == Metrics(gold=0, coded=1)
    assert by_type["AGREE"] == Metrics(gold=1) and by_type["PROTEST"] == Metrics(gold=1)


def test_confusion_matrix_rows_are_gold_columns_coded(plover_gold) -> None:
    confusion = score_results(plover_gold, plover_results(plover_gold)).confusion
    assert confusion == {"REQUEST": {"REQUEST": 1}, "REJECT": {"REJECT": 1},
                         "AGREE": {"none": 1}, "ACCUSE": {"COERCE": 1},
                         "none": {"ASSAULT": 1}, "PROTEST": {"none": 1}}


def test_errors_say_what_to_fix(plover_gold) -> None:
    report = score_results(plover_gold, plover_results(plover_gold))
    cases = {(e.record_id, e.kind): e for e in report.errors}
    assert set(cases) == {("ACTORS", "wrong_actors"), ("HIDDEN", "miss"),
                          ("TYPE", "wrong_type"), ("NONE", "false_alarm"),
                          ("FAILED", "miss")}
    assert cases["ACTORS", "wrong_actors"].note == "recipient wrong"
    assert cases["HIDDEN", "miss"].note.startswith("coded but hidden: AGREE TUR -> -")
    assert "future" in cases["HIDDEN", "miss"].note
    assert cases["TYPE", "wrong_type"].gold.rule == "gold: DISAPPROVE"
    assert cases["TYPE", "wrong_type"].coded.describe().startswith("COERCE/arrest NGAGOV -> NGA")
    assert cases["NONE", "false_alarm"].note == "no event in the gold sentence"
    assert cases["FAILED", "miss"].note == "coding failed: [coding] boom"
    assert cases["HIDDEN", "miss"].sentence == "Turkey will agree."


def test_hidden_events_count_with_include_hidden(plover_gold) -> None:
    report = score_results(plover_gold, plover_results(plover_gold), include_hidden=True)
    assert report.by_type["AGREE"] == paired(gold=1, coded=1, matched=1, full=1)
    assert "including" in report.counted


def test_targets_apply_to_plover_gold(plover_gold) -> None:
    report = score_results(plover_gold, plover_results(plover_gold))
    assert report.targets == DEFAULT_TARGETS
    assert [t.met(report.overall) for t in report.targets] == [False, False, False]
    assert [t.met(paired(gold=4, coded=4, matched=4, full=3)) for t in report.targets] == [
        True, True, True]


def test_petrarch_triples_and_categories(tmp_path) -> None:
    gold = read_gold(write_petrarch(tmp_path / "r.xml", [
        petrarch_sentence("COMPOUND-1", "Arnor and Osgiliath attacked Gondor.",
                          ["ARN GON 190", "OSG GON 190"], category="COMPOUND"),
        petrarch_sentence("DEMO-1", "Arnor met Gondor.", ["ARNGOV GON 040"]),
        petrarch_sentence("DEMO-2", "Eriador's toll rose.", ["ERI OSG 223"]),
    ]))
    results = coded(gold, {
        "COMPOUND-1": [event("ASSAULT", [actor("ARN"), actor("OSG")], [actor("GON")])],
        "DEMO-1": [event("CONSULT", [actor("ARN")], [actor("GON")])],
        "DEMO-2": [event("ACCUSE", [actor("ERI")], [actor("OSG")])],
    })
    report = score_results(gold, results)
    assert report.unit == "triple" and report.targets == ()
    assert report.overall == paired(gold=3, coded=3, matched=3, full=2)
    assert report.by_category["COMPOUND"].exact == 1
    assert report.by_category["DEMO"].records == 2 and report.by_category["DEMO"].exact == 0
    assert report.unjudged == 1 and [u.record_id for u in report.unscored] == ["DEMO-2"]
    assert [e.record_id for e in report.errors] == ["DEMO-1"]


def test_documents_carry_the_record_dates_and_unique_ids(tmp_path) -> None:
    gold = read_gold(write_petrarch(tmp_path / "r.xml", [
        petrarch_sentence("SAME", "Sam Gamgee met Gondor.", ["HOBGOV GON 040"],
                          date="20121201"),
        petrarch_sentence("SAME", "Sam Gamgee met Gondor.", ["HOBMIL GON 040"],
                          date="20100101"),
    ]))
    documents = gold_documents(gold)
    assert len({d.id for d in documents}) == 2
    assert [d.published.isoformat() for d in documents] == ["2012-12-01", "2010-01-01"]


def test_renderings_hold_the_tables_and_the_json_form(plover_gold) -> None:
    report = score_results(plover_gold, plover_results(plover_gold))
    text = render_markdown(report, max_errors=1)
    for heading in ("event-type recall", "Per event type", "Confusion matrix",
                    "Misses", "False alarms", "NOT met", "Coding failures"):
        assert heading in text
    assert "Iraq asked the US for help." not in text
    assert "Syria rejected Iraq." in text
    assert "Misses" not in render_markdown(report, max_errors=0)
    data = json.loads(render_json(report))
    assert data["overall"]["recall"] == pytest.approx(0.4)
    assert data["by_type"]["REQUEST"]["full"] == 1
    assert data["targets"][0]["met"] is False
    assert {e["kind"] for e in data["errors"]} == {"miss", "wrong_type", "wrong_actors",
                                                  "false_alarm"}
