"""Linking into a store: new articles join existing clusters, ids never churn, aliases."""

from __future__ import annotations

from redshank.link import cluster_id_for, link_events, link_store, relink
from redshank.link.plan import REJOIN_REASON
from redshank.store import Store
from redshank.store.base import ClusterQuery
from tests.link.conftest import document_result, make_event, save


def clusters_by_event(store: Store) -> dict[str, str]:
    return {m.event_id: c.cluster_id
            for c in store.query_clusters(ClusterQuery(include_all=True)) for m in c.members}


def test_a_new_article_joins_the_existing_cluster_and_keeps_its_id(store: Store) -> None:
    first = make_event("reuters", published="2023-06-07")
    relink(store, save(store, document_result("reuters", [first])))
    cluster_id = cluster_id_for(first.event_id)
    assert store.cluster_ids_of([first.event_id]) == {first.event_id: cluster_id}
    earlier = make_event("ap", published="2023-06-06")
    summary = relink(store, save(store, document_result("ap", [earlier], "2023-06-06")))
    assert (summary.events, summary.created, summary.grown) == (1, 0, 1)
    cluster = store.get_cluster(cluster_id)
    assert cluster is not None
    assert cluster.reports == 2 and cluster.first_published.isoformat() == "2023-06-06"
    assert {m.event_id for m in cluster.members} == {first.event_id, earlier.event_id}


def test_relinking_the_same_events_changes_nothing(store: Store) -> None:
    ids = save(store, *(document_result(doc, [make_event(doc)]) for doc in "abc"))
    relink(store, ids)
    before = (store.counts(), store.query_clusters(ClusterQuery(include_all=True)))
    summary = relink(store, ids)
    assert summary.events == 0
    after = (store.counts(), store.query_clusters(ClusterQuery(include_all=True)))
    assert after == before


def test_incremental_and_batch_linking_agree_on_who_is_together(store: Store) -> None:
    events = [make_event("a"), make_event("b", precision="reported", published="2023-06-08"),
              make_event("c", day="2023-06-12", published="2023-06-12"),
              make_event("d", "CONSULT", actors=["CHN"], recipients=["BRA"]),
              make_event("e", "CONSULT", actors=["BRA"], recipients=["CHN"]),
              make_event("f", actors=["RUSMIL"], recipients=[])]
    for event in events:
        relink(store, save(store, document_result(event.doc_id, [event])))
    batch = {m.event_id: c.cluster_id for c in link_events(events) for m in c.members}
    stored = clusters_by_event(store)

    def groups(assignment: dict[str, str]) -> set[frozenset[str]]:
        found: dict[str, set[str]] = {}
        for event_id, cluster_id in assignment.items():
            found.setdefault(cluster_id, set()).add(event_id)
        return {frozenset(group) for group in found.values()}

    assert groups(stored) == groups(batch)


def test_a_bridging_report_merges_two_clusters_and_the_older_id_stays(store: Store) -> None:
    # "Russia launched strikes" (no target) and "troops shelled Ukraine" (no named attacker)
    # cannot be matched with each other; a report naming both sides matches both.
    attacker_only = make_event("a", actors=["RUS"], recipients=[], published="2023-06-06")
    target_only = make_event("b", actors=["---MIL"], recipients=["UKR"], published="2023-06-07")
    relink(store, save(store, document_result("a", [attacker_only], "2023-06-06"),
                       document_result("b", [target_only])))
    older, newer = cluster_id_for(attacker_only.event_id), cluster_id_for(target_only.event_id)
    assert store.counts()["clusters"] == 2
    both = make_event("c", actors=["RUS"], recipients=["UKR"], published="2023-06-08")
    summary = relink(store, save(store, document_result("c", [both], "2023-06-08")))
    assert summary.merged == 1
    assert store.counts()["clusters"] == 1
    assert store.cluster_aliases(older) == [newer]
    merged = store.get_cluster(newer)
    assert merged is not None and merged.cluster_id == older and merged.reports == 3


def test_a_recoded_article_leaves_its_old_events_behind(store: Store) -> None:
    relink(store, save(store, *(document_result(doc, [make_event(doc)]) for doc in "abc")))
    (cluster,) = store.query_clusters(ClusterQuery())
    recoded = document_result("b", [make_event("b", "PROTEST", actors=["UKR"])])
    recoded.document.text += " Corrected."
    summary = relink(store, save(store, recoded))
    assert summary.repaired == 1
    kept = store.get_cluster(cluster.cluster_id)
    assert kept is not None and kept.reports == 2
    assert store.counts()["cluster_members"] == 3
    assert store.unlinked_event_ids() == []


def test_an_event_that_comes_back_rejoins_the_cluster_named_after_it(store: Store) -> None:
    seed = make_event("a", published="2023-06-06")
    original = document_result("a", [seed], "2023-06-06")
    relink(store, save(store, original, *(document_result(d, [make_event(d)]) for d in "bc")))
    cluster_id = cluster_id_for(seed.event_id)
    changed = document_result("a", [], "2023-06-06")
    changed.document.text += " Edited."
    relink(store, save(store, changed))
    assert store.get_cluster(cluster_id).reports == 2
    relink(store, save(store, original))
    cluster = store.get_cluster(cluster_id)
    assert cluster is not None and cluster.reports == 3
    assert next(m for m in cluster.members if m.event_id == seed.event_id).reason == REJOIN_REASON


def test_link_store_links_what_ingest_left_unlinked_and_rebuild_starts_over(
        store: Store) -> None:
    save(store, *(document_result(doc, [make_event(doc)]) for doc in "abc"))
    assert len(store.unlinked_event_ids()) == 3
    summary = link_store(store)
    assert (summary.events, summary.created) == (3, 1)
    assert store.unlinked_event_ids() == []
    before = store.query_clusters(ClusterQuery())
    assert link_store(store, rebuild=True).events == 3
    assert [c.cluster_id for c in store.query_clusters(ClusterQuery())] == [
        c.cluster_id for c in before]
