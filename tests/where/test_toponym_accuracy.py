"""The toponym scorer's matching, distance and metrics, and the well-formedness of the set."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("toponym_accuracy",
                                              REPO / "scripts" / "toponym_accuracy.py")
scorer = importlib.util.module_from_spec(SPEC)
sys.modules["toponym_accuracy"] = scorer  # dataclasses look their module up
SPEC.loader.exec_module(scorer)
SystemMention = scorer.SystemMention

TEXT = "French troops reached Paris, Texas, and then Lyon."
RECORD = {
    "id": "t#p0", "article": "t", "half": "A", "text": TEXT,
    "toponyms": [
        {"text": "Paris", "start": 22, "end": 27, "name": "Paris", "geonames_id": 4717560,
         "country": "USA", "lat": 33.66, "lon": -95.56, "feature": "city"},
        {"text": "Texas", "start": 29, "end": 34, "name": "Texas", "geonames_id": 4736286,
         "country": "USA", "lat": 31.25, "lon": -99.25, "feature": "admin1"},
        {"text": "Lyon", "start": 45, "end": 49, "name": "Lyon", "geonames_id": 2996944,
         "country": "FRA", "lat": 45.75, "lon": 4.85, "feature": "city"},
    ],
    "adjectival": [{"text": "French", "start": 0, "end": 6, "of": "France", "country": "FRA"}],
}


def test_paris_is_about_344_km_from_london() -> None:
    assert scorer.distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=2)
    assert scorer.distance_km(10.0, 20.0, 10.0, 20.0) == 0.0


@pytest.mark.parametrize(("a", "b", "shared"), [
    ((0, 5), (3, 8), 2), ((0, 5), (5, 8), 0), ((2, 4), (0, 10), 2), ((0, 1), (7, 9), 0)])
def test_overlap_counts_shared_characters(a, b, shared) -> None:
    assert scorer.overlaps(*a, *b) == shared


def test_wrong_paris_is_found_but_far_and_a_miss_lowers_recall() -> None:
    france_paris = SystemMention(22, 27, "Paris", "Paris", 48.85, 2.35, 2988507)
    texas = SystemMention(29, 34, "Texas", "Texas", 31.0, -100.0, None)
    outcome = scorer.match(RECORD, [france_paris, texas])
    assert [g["text"] for g in outcome.missed] == ["Lyon"]
    right = {gold["text"]: ok for gold, _, _, ok in outcome.found}
    assert right == {"Paris": False, "Texas": True}
    result = scorer.metrics([outcome])
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["precision"] == 1.0
    assert result["acc161"] == 0.5
    assert result["by_feature"]["city"] == {"gold": 2, "found": 1, "right": 0,
                                            "recall": 0.5, "acc161": 0.0}


def test_same_geonames_id_is_right_whatever_the_distance() -> None:
    far_point_same_place = SystemMention(45, 49, "Lyon", "Lyon", 0.0, 0.0, 2996944)
    [(_, _, km, ok)] = scorer.match(RECORD, [far_point_same_place]).found
    assert ok and km > 5000


def test_partial_overlap_matches_and_spurious_mention_is_a_false_alarm() -> None:
    partial = SystemMention(20, 25, "d Par", "Paris", 33.66, -95.56, 4717560)
    spurious = SystemMention(8, 13, "troop", "Troop", 1.0, 1.0)
    outcome = scorer.match(RECORD, [partial, spurious])
    assert len(outcome.found) == 1
    assert outcome.false_alarms == [spurious]
    assert scorer.metrics([outcome])["precision"] == 0.5


@pytest.mark.parametrize("mention", [
    SystemMention(0, 6, "French", "France", 46.0, 2.0),            # overlaps a gold demonym
    SystemMention(8, 14, "troops", "X", 1.0, 1.0, adjectival=True),  # flagged by the system
])
def test_demonyms_count_neither_way(mention) -> None:
    outcome = scorer.match(RECORD, [mention])
    assert outcome.false_alarms == [] and outcome.true_mentions == 0
    assert scorer.metrics([outcome])["precision"] is None


def test_errors_refused_for_half_b() -> None:
    with pytest.raises(SystemExit):
        scorer.main(["--half", "B", "--errors"])


SET = [json.loads(line) for line in
       (REPO / "tests" / "where" / "toponyms_wikinews.jsonl").read_text(encoding="utf-8")
       .splitlines() if line.strip()]


def test_the_set_is_big_enough_and_split_by_article() -> None:
    assert sum(len(r["toponyms"]) for r in SET) >= 320
    halves: dict[str, set[str]] = {}
    for record in SET:
        halves.setdefault(record["article"], set()).add(record["half"])
    assert all(len(h) == 1 for h in halves.values())
    assert {h for hs in halves.values() for h in hs} == {"A", "B"}
    assert len({r["id"] for r in SET}) == len(SET)


@pytest.mark.parametrize("record", SET, ids=[r["id"] for r in SET])
def test_every_record_is_well_formed(record) -> None:
    assert record["half"] in ("A", "B") and record["published"] and record["text"]
    for item in record["toponyms"] + record["adjectival"]:
        assert record["text"][item["start"]:item["end"]] == item["text"]
    for toponym in record["toponyms"]:
        assert -90 <= toponym["lat"] <= 90 and -180 <= toponym["lon"] <= 180
        assert toponym["feature"] and toponym["name"]
        assert toponym["geonames_id"] is not None or toponym.get("coord_note")
        assert toponym["country"] is None or len(toponym["country"]) == 3
