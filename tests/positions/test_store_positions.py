"""Positions and coalitions in the store (every backend): derive, query, prune, export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from redshank.cli.positions import coalitions
from redshank.export import export_store
from redshank.positions import derive, derive_pending, derive_store, save_readings
from redshank.store import CoalitionQuery, PositionQuery, Store, open_store
from tests.positions.conftest import Article, wales_article
from tests.store.conftest import BACKENDS


@pytest.fixture(params=list(BACKENDS))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with BACKENDS[request.param](tmp_path) as target, open_store(target) as fresh:
        yield fresh


def _save(store: Store, *articles: Article) -> list[str]:
    for article in articles:
        store.save_result(article.result(), "run")
    return [e.event_id for a in articles for e in a.events]


def _later_refusal() -> Article:
    article = Article("later", published="2014-09-14")
    s0 = article.add('"We\'re not looking to put troops on the ground for now," said Kerry of '
                     "the coalition against ISIL.")
    kerry = article.actor(s0, "Kerry", "USAGOV", "USA", kind="person", name="John Kerry",
                          actor_id="JOHN_KERRY")
    we = article.actor(s0, "We", "USAGOV", "USA")
    article.actor(s0, "ISIL", "IMGMUSISI", kind="armed_group", actor_id="ISLAMIC_STATE",
                  name="Islamic State")
    article.event(s0, "REJECT", "put", actors=[we], speaker=kerry)
    return article


def test_derive_stores_positions_and_coalitions_with_provenance(store: Store) -> None:
    summary = derive(store, _save(store, wales_article(), _later_refusal()))
    assert (summary.documents, summary.coalitions) == (2, 1)
    troops = store.query_positions(PositionQuery(actor="usa", topic="ground-troops"))
    assert [(p.date, p.speaker.name, p.doc_id) for p in troops] == [
        ("2014-09-05", "United States", "wales"), ("2014-09-05", "John Kerry", "wales"),
        ("2014-09-05", "John Kerry", "wales"), ("2014-09-14", "John Kerry", "later")]
    assert troops[-1].hedges == ["for now"] and troops[-1].event_ids
    (found,) = coalitions(store, CoalitionQuery(against="ISIL"))
    assert [m.member for m in found.members] == ["USA", "DNK", "FRA", "GBR"]
    assert [len(g.evidence) for g in found.limits] == [4]


def test_queries_filter_by_speaker_dates_and_stance(store: Store) -> None:
    derive(store, _save(store, wales_article(), _later_refusal()))
    assert {p.doc_id for p in store.query_positions(PositionQuery(actor="John Kerry"))} == {
        "wales", "later"}
    from datetime import date

    late = store.query_positions(PositionQuery(since=date(2014, 9, 10)))
    assert [p.doc_id for p in late] == ["later"]
    assert store.query_positions(PositionQuery(stance="commit"))[0].holder == "NATO"
    assert store.query_coalitions(CoalitionQuery(name="core group"))
    assert store.query_coalitions(CoalitionQuery(member="dnk"))
    assert not store.query_coalitions(CoalitionQuery(against="Russia"))


def test_deriving_twice_changes_nothing(store: Store) -> None:
    ids = _save(store, wales_article())
    derive(store, ids)
    before = (store.counts(), store.query_positions(PositionQuery()),
              store.query_coalitions(CoalitionQuery()))
    derive(store, ids)
    derive_store(store)
    after = (store.counts(), store.query_positions(PositionQuery()),
             store.query_coalitions(CoalitionQuery()))
    assert before == after


def test_a_recoded_document_replaces_its_rows_and_an_empty_coalition_goes(store: Store) -> None:
    derive(store, _save(store, wales_article()))
    assert store.counts()["coalitions"] == 1
    recoded = Article("wales")
    recoded.add("Nothing happened in Wales on Friday.")
    store.save_result(recoded.result(), "run")
    derive(store, [])
    counts = store.counts()
    assert (counts["positions"], counts["coalition_members"], counts["coalitions"]) == (0, 0, 0)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_writes_positions_coalitions_and_contributions(store: Store, tmp_path: Path,
                                                              fmt: str) -> None:
    derive(store, _save(store, wales_article()))
    summary = export_store(store, tmp_path, fmt)
    assert (summary.positions, summary.coalitions) == (4, 1) and summary.contributions >= 4
    if fmt == "jsonl":
        (coalition,) = [json.loads(line) for line in (tmp_path / "coalitions.jsonl").open()]
        members = {m["member"] for m in coalition["memberships"]}
        speakers = [json.loads(line)["speaker"]["name"]
                    for line in (tmp_path / "positions.jsonl").open()]
    else:
        with duckdb.connect() as connection:
            (memberships,) = connection.execute(
                f"SELECT memberships FROM '{tmp_path}/coalitions.parquet'").fetchone()
            members = {m["member"] for m in memberships}
            speakers = [row[0] for row in connection.execute(
                f"SELECT speaker.name FROM '{tmp_path}/positions.parquet'").fetchall()]
    assert members == {"USA", "GBR", "FRA", "DNK"}
    assert "John Kerry" in speakers


def test_a_result_saved_without_its_reading_is_left_for_derive_pending(store: Store) -> None:
    """A result that carries no reading (not from the pipeline) is not marked derived;
    derive_pending then reads it on a parse of its stored text."""
    article = wales_article()
    store.save_result(article.result(), "run")
    assert save_readings(store, [article.result()]).documents == 0
    assert store.underived_doc_ids() == ["wales"]
    assert derive_pending(store).positions > 0
    assert store.underived_doc_ids() == []
    (coalition,) = coalitions(store, CoalitionQuery(against="Islamic State"))
    assert [m.member for m in coalition.members] == ["USA", "DNK", "FRA", "GBR"]
