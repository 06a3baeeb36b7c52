"""Clustering in memory: who merges, which id a cluster gets, what its summary says."""

from __future__ import annotations

import random
from datetime import date

from redshank.link import CLUSTER_PREFIX, link_events
from redshank.link.plan import SEED_REASON
from redshank.model import Cluster, Event
from tests.link.conftest import make_event


def cluster_of(clusters: list[Cluster]) -> dict[str, str]:
    return {m.event_id: c.cluster_id for c in clusters for m in c.members}


def together(clusters: list[Cluster], *events: Event) -> bool:
    found = cluster_of(clusters)
    return len({found[e.event_id] for e in events}) == 1


def test_reports_from_three_outlets_become_one_cluster_listing_each() -> None:
    reports = [make_event("reuters", published="2023-06-07"),
               make_event("bbc", actors=["RUSMIL"], published="2023-06-07"),
               make_event("ap", precision="reported", published="2023-06-06")]
    other = make_event("kyiv", day="2023-06-12", published="2023-06-12")
    clusters = link_events([*reports, other])
    assert len(clusters) == 2
    merged = next(c for c in clusters if len(c.members) == 3)
    assert merged.reports == 3
    assert {(m.doc_id, m.sentence_index) for m in merged.members} == {
        ("reuters", 0), ("bbc", 0), ("ap", 0)}
    assert together(clusters, *reports) and not together(clusters, reports[0], other)


def test_every_event_lands_in_exactly_one_cluster() -> None:
    events = [make_event(doc, day=f"2023-06-{day:02d}") for doc in "abcde" for day in (5, 6, 9)]
    events.append(make_event("f", precision="year"))
    members = [m.event_id for c in link_events(events) for m in c.members]
    assert sorted(members) == sorted(e.event_id for e in events)


def test_a_vague_report_does_not_chain_two_different_days() -> None:
    monday = make_event("a", day="2023-06-05")
    wednesday = make_event("c", day="2023-06-07")
    undated = make_event("b", precision="reported", published="2023-06-07")
    clusters = link_events([monday, undated, wednesday])
    assert not together(clusters, monday, wednesday)
    assert len(clusters) == 2


def test_a_meeting_without_a_named_partner_does_not_join_two_meetings() -> None:
    lula = make_event("a", "CONSULT", actors=["CHN"], recipients=["BRA"])
    macron = make_event("b", "CONSULT", actors=["FRA"], recipients=["CHN"])
    talks = make_event("c", "CONSULT", actors=["CHN"], recipients=[])
    clusters = link_events([lula, macron, talks])
    assert not together(clusters, lula, macron)
    assert together(clusters, lula, talks) or together(clusters, macron, talks)


def test_a_restatement_in_the_same_article_joins_the_cluster_but_counts_one_report() -> None:
    lead = make_event("a")
    recap = make_event("a", sentence_index=4, precision="reported")
    elsewhere = make_event("b")
    clusters = link_events([lead, recap, elsewhere])
    assert len(clusters) == 1
    assert (clusters[0].reports, len(clusters[0].members)) == (2, 3)


def test_the_id_comes_from_the_earliest_report_whatever_the_input_order() -> None:
    early = make_event("z-early", published="2023-06-06")
    later = [make_event(doc, published="2023-06-08") for doc in "abc"]
    events = [*later, early]
    expected = link_events(events)
    assert expected[0].cluster_id == f"{CLUSTER_PREFIX}{early.event_id}"
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert link_events(shuffled) == expected


def test_provenance_names_the_report_each_member_was_matched_with() -> None:
    events = [make_event(doc) for doc in "abc"]
    (cluster,) = link_events(events)
    first, *rest = cluster.members
    assert (first.linked_to, first.reason) == (None, SEED_REASON)
    ids = {m.event_id for m in cluster.members}
    for member in rest:
        assert member.linked_to in ids - {member.event_id}
        assert member.reason.startswith("ASSAULT; actors RUS ~ RUS")


def test_the_summary_is_what_most_reports_say() -> None:
    events = [
        make_event("a", "SUPPORT", actors=["KAZ", "UZB"], recipients=[], published="2023-06-07"),
        make_event("b", "AGREE", actors=["KAZ"], recipients=["UZB"], published="2023-06-08"),
        make_event("c", "SUPPORT", actors=["UZB", "KAZ"], recipients=[], precision="reported",
                   published="2023-06-09"),
    ]
    (cluster,) = link_events(events)
    assert cluster.event == "SUPPORT"
    assert cluster.actors == ["KAZ", "UZB"] and cluster.recipients == ["UZB"]
    assert (cluster.date_start, cluster.date_end) == (date(2023, 6, 6), date(2023, 6, 6))
    assert (cluster.first_published, cluster.last_published) == (date(2023, 6, 7),
                                                                  date(2023, 6, 9))
    assert cluster.auxiliary is None


def test_negated_reports_cluster_apart_and_say_so() -> None:
    denials = [make_event(doc, auxiliary="negated") for doc in "ab"]
    clusters = link_events([*denials, make_event("c")])
    assert together(clusters, *denials)
    assert {c.auxiliary for c in clusters} == {"negated", None}


def test_a_report_dated_only_to_a_year_stays_alone_with_its_own_dates() -> None:
    vague = make_event("a", precision="year")
    clusters = link_events([vague, make_event("b")])
    alone = next(c for c in clusters if c.members[0].event_id == vague.event_id)
    assert (alone.date_start, alone.date_end) == (date(2023, 1, 1), date(2023, 12, 31))
    assert len(alone.members) == 1
