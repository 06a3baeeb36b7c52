"""Pairwise scoring of clusters against gold stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from redshank.errors import DataFileError
from redshank.link.score import GoldMention, pairwise_score, read_gold, stories_of
from tests.link.conftest import make_event


def test_pairs_are_counted_across_documents_only() -> None:
    a1, a2 = make_event("a"), make_event("a", sentence_index=1)
    b, c, d = make_event("b"), make_event("c"), make_event("d", "PROTEST")
    events = [a1, a2, b, c, d]
    clusters = {a1.event_id: "x", a2.event_id: "x", b.event_id: "x", c.event_id: "y",
                d.event_id: "y"}
    story = {a1.event_id: "s", a2.event_id: "s", b.event_id: "s", c.event_id: "s",
             d.event_id: None}
    score = pairwise_score(events, clusters, story)
    # gold: a-b twice, a-c twice, b-c = 5; predicted: a-b twice, c-d = 3; correct: a-b twice
    assert (score.gold_pairs, score.predicted_pairs, score.correct_pairs) == (5, 3, 2)
    assert score.precision == pytest.approx(2 / 3) and score.recall == pytest.approx(2 / 5)


def test_an_event_takes_the_story_of_the_mention_it_matches() -> None:
    mentions = [
        GoldMention("a", "talks", "CONSULT", frozenset({"CHN", "BRA"})),
        GoldMention("a", "strike", "ASSAULT", frozenset({"RUS"}), quote="shelled"),
        GoldMention("a", "denial", "ASSAULT", frozenset({"RUS"}), auxiliary="negated"),
    ]
    meeting = make_event("a", "CONSULT", actors=["BRA"], recipients=["CHN"])
    strike = make_event("a", sentence_index=1, mode="x")
    denial = make_event("a", sentence_index=2, auxiliary="negated")
    ukrainian = make_event("a", sentence_index=3, actors=["UKR"], recipients=["RUS"])
    found = stories_of([meeting, strike, denial, ukrainian], mentions)
    assert [found[e.event_id] for e in (meeting, strike, denial, ukrainian)] == [
        "talks", "strike", "denial", None]


def test_bad_gold_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "gold": []}\n{"id": "b", "gold": [{}]}\n')
    with pytest.raises(DataFileError, match=r"gold.jsonl:2: bad gold record"):
        read_gold(path)
