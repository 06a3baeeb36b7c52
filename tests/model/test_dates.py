"""Days at the record boundary: `parse_day` reads dates, datetimes and ISO text and names
the value it cannot read; records keep `date` objects and write ISO text to JSON, so
`to_json` output and `from_json` round trips stay as they were when days were strings."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redshank.errors import DayFormatError, RedshankError
from redshank.model import (
    Adversary,
    Cluster,
    ClusterMember,
    CoalitionSummary,
    Event,
    format_day,
    parse_day,
)
from tests.store.conftest import event


@pytest.mark.parametrize(("value", "expected"), [
    (date(2014, 6, 11), date(2014, 6, 11)),
    (datetime(2014, 6, 11, 23, 59), date(2014, 6, 11)),
    ("2014-06-11", date(2014, 6, 11)),
    ("2014-06-11T08:30:00+00:00", date(2014, 6, 11)),
    ("2014-06-11 08:30", date(2014, 6, 11)),
    (None, None),
    ("", None),
])
def test_a_day_is_read_from_a_date_a_datetime_or_iso_text(value: object,
                                                          expected: date | None) -> None:
    assert parse_day(value) == expected


@pytest.mark.parametrize(("value", "message"), [
    ("last week", "published 'last week' is not an ISO date (YYYY-MM-DD) or datetime"),
    ("2014-13-01", "published '2014-13-01' is not an ISO date (YYYY-MM-DD) or datetime"),
    ("11/06/2014", "published '11/06/2014' is not an ISO date (YYYY-MM-DD) or datetime"),
    (20140611, 'published must be a date like "2014-06-11", got int 20140611'),
    (["2014-06-11"], "published must be a date like \"2014-06-11\", got list ['2014-06-11']"),
])
def test_a_bad_day_names_the_field_and_the_value(value: object, message: str) -> None:
    with pytest.raises(DayFormatError, match=re.escape(message)) as caught:
        parse_day(value, "published")
    assert caught.value.value == value
    assert isinstance(caught.value, RedshankError) and isinstance(caught.value, ValueError)


@given(st.dates())
def test_format_day_and_parse_day_round_trip(day: date) -> None:
    text = format_day(day)
    assert text == day.isoformat()
    assert parse_day(text) == day


@given(st.datetimes(timezones=st.just(UTC)))
def test_a_datetime_text_reads_as_its_own_day(moment: datetime) -> None:
    assert parse_day(moment.isoformat()) == moment.date()


@given(st.text(max_size=30))
def test_any_text_is_a_day_or_a_day_format_error(text: str) -> None:
    try:
        found = parse_day(text)
    except DayFormatError as exc:
        assert repr(text) in str(exc)
    else:
        assert found is None or isinstance(found, date)


def test_an_event_keeps_days_and_writes_iso_text_to_json() -> None:
    coded = event(date_start="2014-06-01", date_end="2014-06-30", published="2014-06-11")
    assert (coded.date_start, coded.date_end, coded.published) == (
        date(2014, 6, 1), date(2014, 6, 30), date(2014, 6, 11))
    record = coded.to_json()
    assert (record["date"], record["date_start"], record["date_end"], record["published"]) == (
        "2014-06-01", "2014-06-01", "2014-06-30", "2014-06-11")
    assert Event.from_json(json.loads(json.dumps(record))) == coded


def test_an_event_record_with_a_bad_day_is_refused_naming_the_field() -> None:
    record = {**event().to_json(), "date_end": "sometime in June"}
    with pytest.raises(DayFormatError, match="date_end 'sometime in June' is not an ISO date"):
        Event.from_json(record)


def test_a_cluster_and_a_coalition_write_their_days_as_iso_text() -> None:
    member = ClusterMember(event_id="e1", doc_id="d1", sentence_index=0,
                           published=date(2014, 6, 12))
    cluster = Cluster(cluster_id="c1", event="REQUEST", mode=None, auxiliary=None,
                      date_start=date(2014, 6, 11), date_end=None, actors=["IRQ"],
                      actor_countries=["IRQ"], recipients=[], recipient_countries=[],
                      location=None, reports=1, first_published=date(2014, 6, 12),
                      last_published=date(2014, 6, 12), linker_version="test",
                      members=[member])
    record = cluster.to_json()
    assert (record["date_start"], record["date_end"], record["members"][0]["published"]) == (
        "2014-06-11", None, "2014-06-12")
    coalition = CoalitionSummary(
        coalition_id="co1", name="coalition against ISIL",
        adversary=Adversary(key="ISIL", name="Islamic State", code="IMGSUNISI", type="armed"),
        labels=["core coalition"], leaders=["USA"], members=["USA"],
        first_date=date(2014, 9, 5), last_date=None, deriver_version="test")
    assert coalition.to_json()["first_date"] == "2014-09-05"
    assert CoalitionSummary.from_json(coalition.to_json()) == coalition
