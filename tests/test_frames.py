"""redshank.api.events, clusters and dyads: DataFrames with fixed columns and dtypes."""

from __future__ import annotations

import pandas as pd
import pytest

from redshank.api import clusters, dyads, events, explain
from redshank.errors import ConfigError
from redshank.frames import CLUSTER_COLUMNS, DYAD_COLUMNS, EVENT_COLUMNS
from redshank.store import open_store


@pytest.fixture
def db(middle_east_db: str) -> str:
    """The hand-built database of tests/middle_east.py."""
    return middle_east_db


def dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def test_events_filter_like_the_command_line(db: str) -> None:
    frame = events(db, actor=["ISR", "LBN"], since="2014-07")
    assert sorted(zip(frame.doc_id, frame.event, strict=True)) == [
        ("a", "ACCUSE"), ("a", "ASSAULT"), ("a", "THREATEN"), ("b", "ASSAULT")]
    assert set(frame.actor_country) == {"ISR", "LBN"}
    beirut = events(db, near="Beirut", within_km=5)
    assert list(beirut.location) == ["Beirut", "Beirut"]
    assert beirut.lat.iloc[0] == pytest.approx(33.89)


def test_codes_are_strings_and_dtypes_do_not_depend_on_the_data(db: str) -> None:
    full, empty = events(db, include_all=True), events(db, actor="ISR", since="2020")
    assert len(full) == 9 and len(empty) == 0
    assert dtypes(full) == dtypes(empty)
    assert list(full.columns) == list(EVENT_COLUMNS)
    assert dtypes(full)["actor_code"] == "string" and dtypes(full)["cameo"] == "string"
    assert dtypes(full)["date_start"] == "datetime64[ns]"
    assert dtypes(full)["sentence_index"] == "Int64" and dtypes(full)["lat"] == "Float64"
    undated = full[full.event == "REQUEST"]
    assert undated.date_start.isna().all() and undated.location.isna().all()


def test_clusters_count_reports(db: str) -> None:
    frame = clusters(db, event="ASSAULT", min_reports=2)
    assert list(frame.reports) == [2] and frame.event_ids.iloc[0].count(";") == 1
    assert list(frame.columns) == list(CLUSTER_COLUMNS)
    assert dtypes(frame) == dtypes(clusters(db, country="FRA"))


def test_dyads_as_a_frame_and_a_timeline(db: str) -> None:
    frame = dyads(db)
    assert list(frame.columns) == list(DYAD_COLUMNS)
    assert dtypes(frame) == {"actor": "string", "recipient": "string", "period": "string",
                             "events": "Int64"}
    assert frame[["actor", "recipient", "events"]].values.tolist()[0] == ["ISR", "LBN", 3]
    assert frame.period.isna().all()
    timeline = dyads(db, actor="Israel", by="month", merged=True)
    assert timeline[["period", "events"]].values.tolist() == [["2014-07", 2]]
    assert dtypes(dyads(db, actor="ISR", since="2020", by="year")) == dtypes(frame)


def test_a_store_can_be_passed_instead_of_a_path(db: str) -> None:
    with open_store(db, read_only=True) as store:
        assert len(events(store, country="Georgia")) == 2


@pytest.mark.parametrize(("call", "message"), [
    (lambda db: events(db, event="THREATENS"), "did you mean THREATEN?"),
    (lambda db: dyads(db, country="Irak"), "did you mean IRQ"),
    (lambda db: dyads(db, by="fortnight"), "unknown period"),
    (lambda db: dyads(db, top=-1), "top must be 0 or more"),
    (lambda db: events(db + ".missing"), "does not exist"),
])
def test_bad_filters_are_the_same_errors_as_on_the_command_line(db: str, call,
                                                                message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        call(db)


def test_unknown_filter_names_are_refused(db: str) -> None:
    with pytest.raises(TypeError, match="actors"):
        events(db, actors="ISR")


def test_explain_says_why_an_event_was_coded_or_reports_merged(db: str) -> None:
    beirut = events(db, near="Beirut", within_km=5)
    assert "shelled" in explain(db, beirut.event_id.iloc[0])
    (cluster_id,) = clusters(db, near="Beirut", within_km=5).cluster_id
    assert "2 report(s)" in explain(db, cluster_id)
    with pytest.raises(ConfigError, match="no event or cluster 'nope'"):
        explain(db, "nope")


def test_a_value_nothing_stored_has_is_a_warning(db: str) -> None:
    with pytest.warns(UserWarning, match="nothing stored matches actor 'ISRR'"):
        assert events(db, actor="ISRR").empty
