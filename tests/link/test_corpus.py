"""Merging real pipeline output: a few articles of the merge corpus (tests/data/merge/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redshank.ingest import read_inputs
from redshank.link import link_events, relink
from redshank.link.score import GoldMention, pairwise_score, read_gold, stories_of
from redshank.model import Document, DocumentResult, Event
from redshank.store import open_store

CORPUS = Path(__file__).resolve().parents[1] / "data" / "merge" / "articles.jsonl"
# Four reports of the 6 June shelling, two of the 12 June one, the 7 June one, a denial.
PICKED = ("m01", "m02", "m03", "m04", "m05", "m06", "m35", "m40")
K6, K12 = "kharkiv-shelling-2023-06-06", "kharkiv-shelling-2023-06-12"


@pytest.fixture(scope="module")
def coded(pipeline) -> list[DocumentResult]:
    documents = [d for d in read_inputs([str(CORPUS)])
                 if isinstance(d, Document) and d.id in PICKED]
    return list(pipeline.run(documents))


def headline(results: list[DocumentResult], mentions: list[GoldMention], story: str
             ) -> list[Event]:
    events = [e for r in results for e in r.events]
    stories = stories_of(events, mentions)
    return [e for e in events if stories[e.event_id] == story]


def test_the_corpus_is_big_enough_and_every_record_has_gold() -> None:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 30
    assert all(r["gold"] and r["text"] and r["published"] and r["source"] for r in records)
    assert len({m.story for m in read_gold(CORPUS)}) >= 20


def test_reports_of_each_shelling_merge_and_different_days_stay_apart(coded) -> None:
    mentions = read_gold(CORPUS)
    clusters = link_events([e for r in coded for e in r.events])
    cluster_of = {m.event_id: c.cluster_id for c in clusters for m in c.members}
    june6, june12 = headline(coded, mentions, K6), headline(coded, mentions, K12)
    assert {e.doc_id for e in june6} == {"m01", "m02", "m03", "m04"}
    assert len({cluster_of[e.event_id] for e in june6}) == 1
    assert len({cluster_of[e.event_id] for e in june12}) == 1
    assert cluster_of[june6[0].event_id] != cluster_of[june12[0].event_id]
    others = [e for r in coded if r.document.id in ("m35", "m40") for e in r.events
              if e.event in ("ASSAULT", "SANCTION")]
    assert others and all(cluster_of[e.event_id] != cluster_of[june6[0].event_id]
                           for e in others)


def test_linking_article_by_article_into_a_store_groups_the_stories_as_batch(coded) -> None:
    events = [e for r in coded for e in r.events]
    batch = {m.event_id: c.cluster_id for c in link_events(events) for m in c.members}
    with open_store(":memory:") as store:
        for result in sorted(coded, key=lambda r: r.document.published):
            store.save_result(result, "run")
            relink(store, [e.event_id for e in result.events])
        stored = store.cluster_ids_of([e.event_id for e in events])
    stories = stories_of(events, read_gold(CORPUS))
    reported = [e for e in events if stories[e.event_id] is not None]

    def together(cluster_of: dict[str, str]) -> set[tuple[str, str]]:
        return {(a.event_id, b.event_id) for a in reported for b in reported
                if cluster_of[a.event_id] == cluster_of[b.event_id]}

    assert together(stored) == together(batch)
    assert pairwise_score(reported, stored, stories).recall == 1.0
