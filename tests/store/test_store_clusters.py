"""Event clusters survive the store: round trips, moves, aliases, queries, blocking keys."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from redshank.errors import ConfigError
from redshank.model import Cluster, ClusterMember
from redshank.store import Store, open_store
from redshank.store.base import ClusterQuery
from tests.store.conftest import IRQ, ISIL, TEXT, USA, event, result

REQUEST_A = event("a", 0, "REQUEST", actors=[IRQ], recipients=[USA])
REQUEST_B = event("b", 0, "REQUEST", actors=[IRQ], recipients=[USA], published="2014-06-12")
ASSAULT_B = event("b", 1, "ASSAULT", actors=[ISIL], recipients=[IRQ], date_start="2014-06-20",
                  date_end="2014-06-20")
DENIAL_B = event("b", 2, "ASSAULT", actors=[USA], recipients=[ISIL], auxiliary="negated")


def member(e, linked_to: str | None = None) -> ClusterMember:
    return ClusterMember(event_id=e.event_id, doc_id=e.doc_id, sentence_index=e.sentence_index,
                         published=e.published, linked_to=linked_to,
                         reason="first report" if linked_to is None else "REQUEST; ...")


def cluster(cluster_id: str, *events, auxiliary: str | None = None,
            day: date = date(2014, 6, 11)) -> Cluster:
    members = [member(events[0])] + [member(e, events[0].event_id) for e in events[1:]]
    published = sorted(m.published for m in members)
    return Cluster(
        cluster_id=cluster_id, event=events[0].event, mode=events[0].mode,
        auxiliary=auxiliary, date_start=day, date_end=day,
        actors=[a.code for a in events[0].actor], actor_countries=["IRQ"],
        recipients=[a.code for a in events[0].recipient], recipient_countries=["USA"],
        location="Baghdad", reports=len({e.doc_id for e in events}),
        first_published=published[0], last_published=published[-1],
        linker_version="test", members=members)


@pytest.fixture
def loaded(store: Store) -> Store:
    """Two documents, four events, three clusters (one of negated reports)."""
    store.save_result(result("a", events=[REQUEST_A]), "run")
    store.save_result(result("b", text=TEXT + " B.", events=[REQUEST_B, ASSAULT_B, DENIAL_B]),
                      "run")
    store.save_clusters([
        cluster("cl-request", REQUEST_A, REQUEST_B),
        cluster("cl-assault", ASSAULT_B, day=date(2014, 6, 20)),
        cluster("cl-denial", DENIAL_B, auxiliary="negated"),
    ], block_keys={REQUEST_A.event_id: ["k1", "k2"], REQUEST_B.event_id: ["k2"],
                   ASSAULT_B.event_id: ["k3"]})
    return store


def test_a_cluster_round_trips_with_its_members(loaded: Store) -> None:
    assert loaded.get_cluster("cl-request") == cluster("cl-request", REQUEST_A, REQUEST_B)
    assert loaded.get_cluster("missing") is None


def test_saving_the_same_clusters_twice_changes_nothing(loaded: Store) -> None:
    before = (loaded.counts(), loaded.query_clusters(ClusterQuery(include_all=True)))
    loaded.save_clusters([cluster("cl-request", REQUEST_A, REQUEST_B)])
    assert (loaded.counts(), loaded.query_clusters(ClusterQuery(include_all=True))) == before


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (ClusterQuery(), ["cl-request", "cl-assault"]),
        (ClusterQuery(include_all=True), ["cl-denial", "cl-request", "cl-assault"]),
        (ClusterQuery(min_reports=2), ["cl-request"]),
        (ClusterQuery(actors=("irq",)), ["cl-request"]),
        (ClusterQuery(recipients=("IRQ",)), ["cl-assault"]),
        (ClusterQuery(actors=("Islamic State",)), ["cl-assault"]),
        (ClusterQuery(events=("assault",), include_all=True), ["cl-denial", "cl-assault"]),
        (ClusterQuery(since=date(2014, 6, 15)), ["cl-assault"]),
        (ClusterQuery(until=date(2014, 6, 15)), ["cl-request"]),
        (ClusterQuery(doc_ids=("a",)), ["cl-request"]),
        (ClusterQuery(limit=1), ["cl-request"]),
    ],
)
def test_query_clusters_filters_like_query_events(loaded: Store, query: ClusterQuery,
                                                  expected: list[str]) -> None:
    assert [c.cluster_id for c in loaded.query_clusters(query)] == expected


def test_bad_cluster_queries_are_refused() -> None:
    with pytest.raises(ConfigError, match="min_reports"):
        ClusterQuery(min_reports=0)


def test_blocking_keys_find_the_clusters_of_block_mates(loaded: Store) -> None:
    assert loaded.clusters_in_blocks(["k2", "k3", "k9"]) == ["cl-assault", "cl-request"]
    assert loaded.clusters_in_blocks(["k1"]) == ["cl-request"]
    loaded.save_clusters([], block_keys={REQUEST_A.event_id: []})
    assert loaded.clusters_in_blocks(["k1"]) == []


def test_saving_a_cluster_moves_members_and_retires_the_empty_one(loaded: Store) -> None:
    loaded.save_clusters([cluster("cl-request", REQUEST_A, REQUEST_B, ASSAULT_B)],
                         aliases={"cl-assault": "cl-request"})
    assert loaded.get_cluster("cl-assault").cluster_id == "cl-request"
    assert loaded.cluster_aliases("cl-request") == ["cl-assault"]
    assert loaded.cluster_ids_of([ASSAULT_B.event_id]) == {ASSAULT_B.event_id: "cl-request"}
    assert loaded.counts()["clusters"] == 2


def test_aliases_are_repointed_when_their_cluster_is_merged_again(loaded: Store) -> None:
    loaded.save_clusters([cluster("cl-request", REQUEST_A, REQUEST_B, ASSAULT_B)],
                         aliases={"cl-assault": "cl-request"})
    loaded.save_clusters([cluster("cl-denial", DENIAL_B, REQUEST_A, REQUEST_B, ASSAULT_B)],
                         aliases={"cl-request": "cl-denial"})
    for alias in ("cl-assault", "cl-request"):
        assert loaded.get_cluster(alias).cluster_id == "cl-denial"
    assert loaded.cluster_aliases("cl-denial") == ["cl-assault", "cl-request"]


def test_events_and_links_by_id(loaded: Store) -> None:
    ids = [ASSAULT_B.event_id, "missing", REQUEST_A.event_id]
    assert loaded.get_events(ids) == [ASSAULT_B, REQUEST_A]
    assert loaded.cluster_ids_of(ids) == {ASSAULT_B.event_id: "cl-assault",
                                          REQUEST_A.event_id: "cl-request"}
    assert loaded.unlinked_event_ids() == []


def test_pruning_drops_members_of_replaced_events(loaded: Store) -> None:
    loaded.save_result(result("b", text=TEXT + " Changed.", events=[]), "run-2")
    assert loaded.prune_clusters() == ["cl-request"]
    kept = loaded.get_cluster("cl-request")
    assert [m.event_id for m in kept.members] == [REQUEST_A.event_id]
    assert loaded.get_cluster("cl-assault") is None
    assert loaded.clusters_in_blocks(["k1", "k2", "k3"]) == ["cl-request"]
    assert loaded.counts()["link_blocks"] == 2
    # until re-summarised (the repair may be interrupted), the cluster is reported again
    assert loaded.prune_clusters() == ["cl-request"]
    loaded.save_clusters([cluster("cl-request", REQUEST_A)])
    assert loaded.prune_clusters() == []


def test_pruning_finds_clusters_whose_members_a_recode_unlinked(loaded: Store) -> None:
    again = result("b", text=TEXT + " B.", events=[REQUEST_B, ASSAULT_B, DENIAL_B])
    unlink = [ASSAULT_B.event_id, REQUEST_B.event_id]
    assert loaded.save_results([again], "run-2", unlink=unlink) == [True]
    assert sorted(loaded.unlinked_event_ids()) == sorted(unlink)
    assert loaded.prune_clusters() == ["cl-request"]  # cl-assault, left empty, is deleted
    assert loaded.get_cluster("cl-assault") is None
    assert loaded.cluster_ids_of([DENIAL_B.event_id]) == {DENIAL_B.event_id: "cl-denial"}


def test_clear_clusters_empties_the_cluster_tables(loaded: Store) -> None:
    loaded.clear_clusters()
    counts = loaded.counts()
    assert [counts[t] for t in ("clusters", "cluster_members", "cluster_aliases",
                                "link_blocks")] == [0, 0, 0, 0]
    assert len(loaded.unlinked_event_ids()) == 4


def test_clusters_persist_in_a_file_store(tmp_path: Path) -> None:
    target = str(tmp_path / "events.duckdb")
    saved = cluster("cl-request", REQUEST_A, REQUEST_B)
    with open_store(target) as store:
        store.save_result(result("a", events=[REQUEST_A]), "run")
        store.save_clusters([saved])
    with open_store(target) as store:
        assert store.get_cluster("cl-request") == saved
