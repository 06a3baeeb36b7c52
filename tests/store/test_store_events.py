"""Documents and events survive the store unchanged; saving is an idempotent upsert."""

from __future__ import annotations

import pytest

from redshank.errors import StoreError
from redshank.model import Quote, Span
from redshank.store import EventQuery, Store
from tests.store.conftest import ISIL, OBAMA, TEXT, USA, event, result

RUN = "run-1"


def test_event_with_actors_quote_and_evidence_round_trips(store: Store) -> None:
    quoted = event(
        sentence_index=1,
        kind="RETREAT",
        actors=[OBAMA, USA],
        recipients=[],
        quote=Quote(speaker=OBAMA, span=Span(78, 113)),
        auxiliary="negated",
        date_start=None,
        date_end=None,
    )
    plain = event()
    assert store.save_result(result(events=[plain, quoted]), RUN)
    assert store.get_event(quoted.event_id) == quoted
    assert store.get_event(plain.event_id) == plain
    assert store.query_events(EventQuery(include_all=True)) == [plain, quoted]
    assert store.get_event("no-such-event") is None


def test_document_round_trips_with_its_full_text(store: Store) -> None:
    saved = result()
    store.save_result(saved, RUN)
    assert store.get_document("doc-1") == saved.document
    assert store.get_document("missing") is None
    assert store.has_content(saved.document.content_hash)
    assert not store.has_content("0" * 16)


def test_saving_the_same_result_twice_changes_nothing(store: Store) -> None:
    saved = result(events=[event(), event(sentence_index=1, kind="ASSAULT")])
    store.save_result(saved, RUN)
    before = (store.counts(), store.query_events(EventQuery(include_all=True)))
    store.save_result(saved, RUN)
    assert (store.counts(), store.query_events(EventQuery(include_all=True))) == before
    assert before[0] == {
        "runs": 0,
        "documents": 1,
        "sentences": 2,
        "actor_mentions": 3,
        "events": 2,
        "event_actors": 4,
        "failures": 0,
        "clusters": 0,
        "cluster_members": 0,
        "cluster_aliases": 0,
        "link_blocks": 0,
        "positions": 0,
        "coalitions": 0,
        "coalition_members": 0,
        "coalition_contributions": 0,
        "derived_documents": 0,
    }


def test_changed_content_replaces_the_documents_sentences_actors_and_events(
    store: Store,
) -> None:
    old = result(events=[event(), event(sentence_index=1, kind="ASSAULT")])
    store.save_result(old, RUN)
    new_text = TEXT.replace("Wednesday", "Thursday")
    new_event = event(kind="ACCUSE")
    new = result(text=new_text, events=[new_event])
    new.sentences = new.sentences[:1]
    new.actors = [ISIL]
    store.save_result(new, "run-2")
    assert store.query_events(EventQuery(include_all=True)) == [new_event]
    assert store.get_document("doc-1") == new.document
    assert not store.has_content(old.document.content_hash)
    assert store.has_content(new.document.content_hash)
    counts = store.counts()
    assert (counts["sentences"], counts["actor_mentions"], counts["event_actors"]) == (1, 1, 2)


def test_other_documents_are_untouched_when_one_is_replaced(store: Store) -> None:
    store.save_result(result("doc-1"), RUN)
    other = result("doc-2", text=TEXT + " Other.", events=[event("doc-2")])
    store.save_result(other, RUN)
    store.save_result(result("doc-1", text=TEXT + " Changed.", events=[]), RUN)
    assert [e.doc_id for e in store.query_events(EventQuery())] == ["doc-2"]
    assert store.counts()["sentences"] == 4


def test_same_text_under_another_id_is_not_stored_twice(store: Store) -> None:
    assert store.save_result(result("doc-1"), RUN)
    assert not store.save_result(result("copy", events=[event("copy")]), RUN)
    assert store.get_document("copy") is None
    assert [e.doc_id for e in store.query_events(EventQuery())] == ["doc-1"]


def test_repeated_event_ids_in_one_result_are_stored_once(store: Store) -> None:
    store.save_result(result(events=[event(), event()]), RUN)
    assert len(store.query_events(EventQuery())) == 1


def test_event_of_another_document_is_rejected(store: Store) -> None:
    with pytest.raises(StoreError, match="is from doc 'doc-2'"):
        store.save_result(result("doc-1", events=[event("doc-2")]), RUN)
    assert store.counts()["documents"] == 0
