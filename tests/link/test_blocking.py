"""Blocking: compatible reports always share a block, and only block-mates are compared."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from redshank.link.blocking import block_keys, candidate_pairs
from redshank.link.compatible import compatible
from redshank.link.records import LinkSettings, link_record
from redshank.model import Event
from tests.link.conftest import make_event

SETTINGS = LinkSettings()
KINDS = ("ASSAULT", "COERCE", "CONSULT", "SUPPORT", "AGREE")
CODES = ("RUS", "RUSMIL", "UKR", "USA", "GBR", "---MIL")


def test_keys_name_status_family_week_role_and_actor() -> None:
    keys = block_keys(link_record(make_event("a", actors=["RUSMIL"]), SETTINGS), SETTINGS)
    week = date(2023, 6, 6).toordinal() // 7
    assert keys == [f"factual|assault|{week}|a:RUS", f"factual|assault|{week}|r:UKR"]


def test_mutual_events_are_blocked_on_all_participants() -> None:
    event = make_event("a", "CONSULT", actors=["CHN"], recipients=["BRA"])
    keys = block_keys(link_record(event, SETTINGS), SETTINGS)
    assert [key.rsplit("|", 1)[1] for key in keys] == ["p:BRA", "p:CHN"]


def test_a_window_gets_a_key_for_each_week_it_touches() -> None:
    record = link_record(make_event("a", precision="month"), SETTINGS)
    weeks = {key.split("|")[2] for key in block_keys(record, SETTINGS)}
    assert len(weeks) == 5


def test_undatable_events_get_no_keys() -> None:
    record = link_record(make_event("a", precision="year"), SETTINGS)
    assert block_keys(record, SETTINGS) == []


def test_already_linked_records_are_not_paired_with_each_other() -> None:
    records = [link_record(make_event(doc), SETTINGS) for doc in "abc"]
    assert list(candidate_pairs(records, SETTINGS)) == [(0, 1), (0, 2), (1, 2)]
    assert list(candidate_pairs(records, SETTINGS, fixed=2)) == [(0, 2), (1, 2)]


@st.composite
def events(draw: st.DrawFn, doc_id: str) -> Event:
    day = date(2023, 6, 1) + timedelta(days=draw(st.integers(0, 20)))
    published = day + timedelta(days=draw(st.integers(0, 4)))
    return make_event(
        doc_id, draw(st.sampled_from(KINDS)),
        actors=draw(st.lists(st.sampled_from(CODES), max_size=2, unique=True)),
        recipients=draw(st.lists(st.sampled_from(CODES), max_size=2, unique=True)),
        day=day.isoformat(), published=published.isoformat(),
        precision=draw(st.sampled_from(("day", "reported", "month"))),
        auxiliary=draw(st.sampled_from((None, "negated", "historical"))))


@settings(max_examples=300, deadline=None)
@given(events("a"), events("b"))
def test_compatible_reports_always_share_a_block(a: Event, b: Event) -> None:
    ra, rb = link_record(a, SETTINGS), link_record(b, SETTINGS)
    if compatible(ra, rb, SETTINGS) is not None:
        assert set(block_keys(ra, SETTINGS)) & set(block_keys(rb, SETTINGS))
