"""Export to JSON Lines and Parquet, and the command-line handlers for clusters."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

import duckdb
import pytest

import redshank.export.records as export_module
from redshank.cli import build_parser
from redshank.cli.events import run_events
from redshank.cli.link import is_cluster_id, run_explain_cluster
from redshank.errors import ConfigError
from redshank.export import export_store
from redshank.link import relink
from redshank.model import Event
from redshank.store import open_store
from redshank.store.base import ClusterQuery, EventQuery
from tests.link.conftest import document_result, make_event, save


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database file with three reports of one shelling, one later shelling, one denial."""
    path = str(tmp_path / "events.duckdb")
    with open_store(path) as store:
        ids = save(store, *(document_result(doc, [make_event(doc)]) for doc in "abc"),
                   document_result("d", [make_event("d", day="2023-06-12",
                                                    published="2023-06-12")], "2023-06-12"),
                   document_result("e", [make_event("e", auxiliary="negated")]))
        relink(store, ids)
    return path


def parse(*argv: str) -> argparse.Namespace:
    """Arguments as the redshank command parses them."""
    return build_parser().parse_args(list(argv))


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_writes_events_with_their_cluster_and_clusters_with_reports(
        db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    with open_store(db) as store:
        summary = export_store(store, out, fmt, include_all=True)
        clusters = {m.event_id: c.cluster_id
                    for c in store.query_clusters(ClusterQuery(include_all=True))
                    for m in c.members}
    assert (summary.events, summary.clusters) == (5, 3)
    if fmt == "jsonl":
        events = [json.loads(line) for line in (out / "events.jsonl").open()]
        rows = [json.loads(line) for line in (out / "clusters.jsonl").open()]
    else:
        with duckdb.connect() as connection:
            events = [dict(zip(["event_id", "cluster_id", "actor"], row, strict=True))
                      for row in connection.execute(
                          f"SELECT event_id, cluster_id, actor FROM '{out}/events.parquet'"
                      ).fetchall()]
            rows = [{"reports": r, "members": m} for r, m in connection.execute(
                f"SELECT reports, members FROM '{out}/clusters.parquet'").fetchall()]
    assert {e["event_id"]: e["cluster_id"] for e in events} == clusters
    assert all(e["actor"][0]["country"] == "RUS" for e in events)
    assert sorted(r["reports"] for r in rows) == [1, 1, 3]
    assert sorted(len(r["members"]) for r in rows) == [1, 1, 3]


def test_exported_event_json_is_the_event_record_plus_cluster_id_and_source(
        db: str, tmp_path: Path) -> None:
    with open_store(db) as store:
        export_store(store, tmp_path, "jsonl")
        record = json.loads((tmp_path / "events.jsonl").open().readline())
        (stored,) = store.get_events([record.pop("event_id")])
        cluster_id = record.pop("cluster_id")
        assert store.cluster_ids_of([stored.event_id]) == {stored.event_id: cluster_id}
        document = store.get_document(stored.doc_id)
    assert document is not None
    assert [record.pop(key) for key in ("url", "title", "publisher")] == [
        document.url, document.title, document.source]
    assert {"event_id": stored.event_id, **record} == stored.to_json()


def test_event_schema_names_every_field_of_the_event_record(db: str) -> None:
    with open_store(db) as store:
        (event, *_) = store.query_events(EventQuery())
    assert list(export_module.EVENT_SCHEMA) == list(event.to_json())
    assert list(export_module.EVENT_SCHEMA) == [f.name for f in dataclasses.fields(Event)]


def test_export_leaves_hidden_events_out_unless_all(db: str, tmp_path: Path) -> None:
    with open_store(db) as store:
        default = export_store(store, tmp_path / "default", "jsonl")
        everything = export_store(store, tmp_path / "all", "jsonl", include_all=True)
    assert (default.events, default.clusters) == (4, 2)
    assert (everything.events, everything.clusters) == (5, 3)
    hidden = [json.loads(line)["auxiliary"] for line in (tmp_path / "all/events.jsonl").open()]
    assert "negated" in hidden


def test_parquet_keeps_fields_the_schema_does_not_know(db: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    original = export_module.event_records

    def with_extra(store, include_all=False):
        for record in original(store, include_all):
            yield {**record, "salience": {"score": 0.5}}

    monkeypatch.setattr(export_module, "event_records", with_extra)
    with open_store(db) as store:
        export_store(store, tmp_path, "parquet")
    with duckdb.connect() as connection:
        (value,) = connection.execute(
            f"SELECT salience FROM '{tmp_path}/events.parquet' LIMIT 1").fetchone()
    assert json.loads(value) == {"score": 0.5}


def test_unknown_export_format_is_refused(db: str, tmp_path: Path) -> None:
    with open_store(db) as store, pytest.raises(ConfigError, match="unknown export format"):
        export_store(store, tmp_path, "xml")  # type: ignore[arg-type]


def test_events_merged_lists_clusters_with_report_counts(db: str, capsys) -> None:
    assert run_events(parse("events", "--db", db, "--merged", "--format", "jsonl")) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["reports"] for r in rows) == [1, 3]
    args = parse("events", "--db", db, "--merged", "--min-reports", "2", "--format", "csv")
    assert run_events(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("cluster_id,date,actor,event") and len(lines) == 2
    assert run_events(parse("events", "--db", db, "--merged", "--all")) == 0
    assert "3 clusters, 5 reports" in capsys.readouterr().out


def test_explain_cluster_shows_every_report_and_why(db: str, capsys) -> None:
    with open_store(db) as store:
        (merged,) = store.query_clusters(ClusterQuery(min_reports=2))
    args = parse("explain", merged.cluster_id, "--db", db)
    assert is_cluster_id(args.event_id)
    assert run_explain_cluster(args) == 0
    out = capsys.readouterr().out
    assert f"cluster {merged.cluster_id}: ASSAULT, 3 report(s)" in out
    assert out.count("report ") >= 3 and "Outlet b" in out and "linked to " in out


def test_explain_unknown_cluster_is_a_clear_error(db: str, capsys) -> None:
    assert run_explain_cluster(parse("explain", "cl-nope", "--db", db)) == 1
    assert "no cluster 'cl-nope'" in capsys.readouterr().err


def test_link_and_export_commands(db: str, tmp_path: Path, capsys) -> None:
    args = parse("link", "--db", db, "--rebuild")
    assert args.handler(args) == 0
    assert "5 events linked: 3 new clusters" in capsys.readouterr().err
    args = parse("export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "x"),
                 "--all")
    assert args.handler(args) == 0
    assert (tmp_path / "x" / "clusters.parquet").exists()


def test_a_missing_database_is_a_config_error(tmp_path: Path) -> None:
    args = parse("link", "--db", str(tmp_path / "none.duckdb"))
    with pytest.raises(ConfigError, match="does not exist"):
        args.handler(args)


def test_published_is_a_date_in_events_and_clusters_parquet(db: str, tmp_path: Path) -> None:
    with open_store(db) as store:
        export_store(store, tmp_path, "parquet")
    with duckdb.connect() as connection:
        types = {table: dict(connection.execute(
                    f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM"
                    f" '{tmp_path}/{table}.parquet')").fetchall())
                 for table in ("events", "clusters")}
    assert types["events"]["published"] == "DATE"
    assert types["clusters"]["first_published"] == "DATE"
    assert "published DATE" in types["clusters"]["members"]
    assert types["events"]["cameo"] == "VARCHAR"
