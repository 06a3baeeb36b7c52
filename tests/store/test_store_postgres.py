"""The PostgreSQL store beyond the shared store tests: readers during a write, its own
upgrade path and backups, read-only connections, clear errors without the password, and
the same events, clusters and positions from an ingest as DuckDB stores."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from redshank.cli import main
from redshank.errors import StoreError
from redshank.query import ClusterQuery, EventQuery
from redshank.store import (
    CoalitionQuery,
    PositionQuery,
    Store,
    open_store,
    require_existing,
)
from redshank.store.migrations import MIGRATIONS, Migration
from redshank.store.postgres import POSTGRES_CATALOG, PostgresStore, redact, to_pyformat
from redshank.store.schema import SCHEMA_VERSION
from tests.conftest import SEEDS
from tests.store.conftest import TEXT, postgres_database, postgres_server, result
from tests.store.test_migrations import DATA, EVENT_ID, OLD_VERSIONS
from tests.store.test_store_access import QUERY_SCRIPT, python


@pytest.fixture
def target(tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database."""
    with postgres_database(tmp_path) as url:
        yield url


def run_sql(url: str, *statements: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)  # type: ignore[arg-type]


def old_database(url: str, version: int) -> str:
    """The database at `url` as release `version` of the schema left it."""
    script = (DATA / f"schema_v{version}.sql").read_text()
    run_sql(url, *(s for s in script.split(";\n") if s.strip()))
    return url


def events_in(store: Store) -> int:
    return len(store.query_events(EventQuery(include_all=True)))


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT a FROM t WHERE b = ? AND c IN (?, ?)",
     "SELECT a FROM t WHERE b = %s AND c IN (%s, %s)"),
    ("SELECT '?', 'it''s ?', \"odd?name\" FROM t WHERE x = ?",
     "SELECT '?', 'it''s ?', \"odd?name\" FROM t WHERE x = %s"),
    ("SELECT 1 -- why?\nWHERE name LIKE ('%' || lower(?) || '%') /* 100%? */",
     "SELECT 1 -- why?\nWHERE name LIKE ('%%' || lower(%s) || '%%') /* 100%%? */"),
])
def test_placeholders_become_psycopgs_outside_literals(sql: str, expected: str) -> None:
    assert to_pyformat(sql) == expected


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://alice:s3cret@db.example:6543/events",
     "postgresql://alice@db.example:6543/events"),
    ("postgres://alice@db/events?password=s3cret&sslmode=require",
     "postgres://alice@db/events?sslmode=require"),
    ("postgresql:///events", "postgresql:///events"),
    ("postgresql://alice@db/events?sslmode=require&PASSWORD=s3cret",
     "postgresql://alice@db/events?sslmode=require"),
    ("postgresql://alice:s3cret@[db/events", "postgresql://alice@[db/events"),
])
def test_a_target_is_shown_without_its_password(url: str, shown: str) -> None:
    assert redact(url) == shown


def test_an_unreachable_server_is_named_by_host_and_port_not_password() -> None:
    with pytest.raises(StoreError) as refused:
        open_store("postgresql://alice:s3cret@127.0.0.1:1/events")
    message = str(refused.value)
    assert message.startswith("postgresql://alice@127.0.0.1:1/events: cannot connect to the "
                              "PostgreSQL server at 127.0.0.1:1 (")
    assert "check that it is running" in message and "s3cret" not in message


@pytest.mark.parametrize("url", ["postgresql://alice:s3cret@db/events?colour=red",
                                 "postgresql://alice:s3cret@[db/events"])
def test_a_malformed_url_is_refused_with_the_form_to_use(url: str) -> None:
    with pytest.raises(StoreError, match=re.escape(f"{redact(url)}: not a PostgreSQL URL (")
                       ) as refused:
        open_store(url)
    assert "pass postgresql://USER@HOST:PORT/DBNAME" in str(refused.value)
    assert "s3cret" not in str(refused.value)


def test_without_psycopg_a_postgresql_url_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "redshank.store.postgres")
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError, match=re.escape("pip install 'redshank[postgres]'")):
        open_store("postgresql://alice@localhost/events")


def test_a_url_is_not_checked_as_a_file() -> None:
    require_existing("postgresql://alice@localhost/no-such-file")


def test_a_missing_database_says_so_and_how_to_create_it() -> None:
    url = urlunsplit(urlsplit(postgres_server())._replace(path="/redshank_no_such_db"))
    with pytest.raises(StoreError, match=re.escape(
            "database 'redshank_no_such_db' does not exist on the server at ")) as refused:
        open_store(url)
    assert "createdb redshank_no_such_db" in str(refused.value)


def test_the_password_stays_out_of_the_target_and_its_messages(target: str) -> None:
    with_password = target.replace("://postgres@", "://postgres:s3cret@", 1)
    assert with_password != target
    store = open_store(with_password)
    assert store.target == target
    store.close()
    with pytest.raises(StoreError, match=re.escape(f"{target}: cannot query events: the "
                                                   "store is closed")):
        store.query_events(EventQuery())


def test_readers_see_each_committed_batch_while_a_writer_holds_a_session(target: str) -> None:
    writer = open_store(target)
    with writer.session():
        writer.save_result(result("doc-1"), "run")
        with open_store(target, read_only=True, lock_timeout_s=0) as reader:
            assert events_in(reader) == 1
            with writer._transaction():
                writer.save_result(result("doc-2", TEXT + " Again."), "run")
                assert events_in(reader) == 1  # not committed yet, and the reader did not wait
                other = python(QUERY_SCRIPT, target, "0")
                out, err = other.communicate(timeout=60)
                assert (other.returncode, out) == (0, "1\n"), err
            assert events_in(reader) == 2
            other = python(QUERY_SCRIPT, target, "0")
            out, err = other.communicate(timeout=60)
            assert (other.returncode, out) == (0, "2\n"), err
    writer.close()


def test_a_read_only_store_refuses_writes_and_creates_nothing(target: str) -> None:
    with pytest.raises(StoreError, match=re.escape(
            f"{target}: empty database with no Redshank tables; run 'redshank ingest'")):
        open_store(target, read_only=True)
    open_store(target).close()
    with open_store(target, read_only=True) as store, pytest.raises(StoreError, match=re.escape(
            f"{target}: cannot start a run: the store was opened read-only")):
        store.start_run(["a"], "v")
    with open_store(target) as store:
        assert store.list_runs() == []


@pytest.mark.parametrize("read_only", [False, True])
def test_another_programs_tables_are_refused_and_left_unchanged(target: str,
                                                                read_only: bool) -> None:
    run_sql(target, "CREATE TABLE invoices (id INTEGER, total DOUBLE PRECISION)",
            "INSERT INTO invoices VALUES (1, 9.5)")
    with pytest.raises(StoreError, match=re.escape(f"{target}: not a Redshank database (it "
                                                   "has 1 tables of another program")):
        open_store(target, read_only=read_only)
    with psycopg.connect(target) as connection:
        assert connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall() == [("invoices",)]


@pytest.mark.parametrize("read_only", [False, True])
def test_a_newer_schema_version_is_refused_untouched(target: str, read_only: bool) -> None:
    open_store(target).close()
    run_sql(target, f"UPDATE schema_version SET version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match=re.escape(
            f"{target}: database schema version {SCHEMA_VERSION + 1} is newer than this "
            f"Redshank's ({SCHEMA_VERSION}); left unchanged")):
        open_store(target, read_only=read_only)
    with psycopg.connect(target) as connection:
        assert connection.execute("SELECT version FROM schema_version").fetchall() == [
            (SCHEMA_VERSION + 1,)]
        assert connection.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE"
                                  " 'redshank_backup%'").fetchone() == (0,)


def test_stores_in_two_schemas_of_one_database_are_separate(target: str) -> None:
    run_sql(target, "CREATE SCHEMA team_a", "CREATE SCHEMA team_b")
    with open_store(f"{target}?options=-csearch_path%3Dteam_a") as team_a, \
            open_store(f"{target}?options=-csearch_path%3Dteam_b") as team_b:
        team_a.save_result(result("doc-1"), "run")
        assert (events_in(team_a), events_in(team_b)) == (1, 0)


def test_writers_opening_a_new_database_at_once_create_the_schema_once(target: str) -> None:
    def opened(_: int) -> int | None:
        with open_store(target) as store:
            return store.upgraded_from

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(opened, range(4))) == [None] * 4
    with psycopg.connect(target) as connection:
        assert connection.execute("SELECT version FROM schema_version").fetchall() == [
            (SCHEMA_VERSION,)]


def test_the_events_command_reads_a_postgresql_store(target: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(target) as store:
        store.save_result(result("doc-1"), "run")
    assert main(["events", "--db", target, "--format", "jsonl"]) == 0
    assert '"doc_id": "doc-1"' in capsys.readouterr().out


def layout_of(url: str) -> Any:
    with PostgresStore(url, read_only=True) as store, store.session():
        return POSTGRES_CATALOG.layout(store._fetch)


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_old_database_is_upgraded_after_a_backup_schema_and_keeps_its_data(
        tmp_path: Path, target: str, version: int) -> None:
    old_database(target, version)
    with psycopg.connect(target) as connection:
        before = connection.execute("SELECT * FROM events ORDER BY event_id").fetchall()
    with open_store(target) as store:
        assert store.upgraded_from == version
        [event] = store.query_events(EventQuery(actors=("IRQ",)))
        assert (event.event_id, event.actor_inferred) == (EVENT_ID, False)
        assert store.get_document("iraq-1").title == "Iraq asks U.S. for air strikes"
        assert [m.event_id for m in store.get_cluster(f"cl-{EVENT_ID}").members] == [EVENT_ID]
        assert {run.run_id: run.status for run in store.list_runs()}["run-1"] == "complete"
    with psycopg.connect(target) as connection:
        assert connection.execute(
            f"SELECT * FROM redshank_backup_v{version}.events ORDER BY event_id"
        ).fetchall() == before
        assert connection.execute("SELECT version FROM schema_version ORDER BY version"
                                  ).fetchall() == [(v,) for v in range(version,
                                                                       SCHEMA_VERSION + 1)]
    with postgres_database(tmp_path) as new:
        open_store(new).close()
        assert layout_of(target) == layout_of(new)
    with open_store(target) as store:
        assert store.upgraded_from is None


def test_a_failed_upgrade_leaves_the_database_as_it_was(target: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from redshank.store import migrations

    old_database(target, SCHEMA_VERSION - 1)
    broken = Migration("broken", (*MIGRATIONS[SCHEMA_VERSION - 1].statements,
                                  "ALTER TABLE nowhere ADD COLUMN x TEXT"))
    monkeypatch.setitem(migrations.MIGRATIONS, SCHEMA_VERSION - 1, broken)
    with pytest.raises(StoreError, match=re.escape(f"{target}: cannot upgrade the schema")):
        open_store(target)
    with psycopg.connect(target) as connection:
        assert connection.execute("SELECT max(version) FROM schema_version").fetchone() == (
            SCHEMA_VERSION - 1,)
        columns = {row[0] for row in connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
            " AND table_schema = 'public'").fetchall()}
        assert "actor_inferred" not in columns
    monkeypatch.undo()
    with open_store(target) as store:  # a second backup beside the first
        assert store.upgraded_from == SCHEMA_VERSION - 1
    with psycopg.connect(target) as connection:
        assert {row[0] for row in connection.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'redshank_backup%'")} == {
            f"redshank_backup_v{SCHEMA_VERSION - 1}", f"redshank_backup_v{SCHEMA_VERSION - 1}_1"}


def snapshot(store: Store) -> dict[str, Any]:
    """What a user reads back: every event, cluster, position and coalition, by id."""
    clusters = store.query_clusters(ClusterQuery(include_all=True))
    return {
        "events": {e.event_id: e.to_json()
                   for e in store.query_events(EventQuery(include_all=True))},
        "clusters": {c.cluster_id: c.to_json() for c in clusters},
        "positions": {p.position_id: p.to_json() for p in store.query_positions(PositionQuery())},
        "coalitions": {c.coalition_id: c.to_json()
                       for c in store.query_coalitions(CoalitionQuery())},
        "counts": {table: count for table, count in store.counts().items() if table != "runs"},
    }


def test_an_ingest_of_the_seeds_stores_the_same_in_duckdb_and_postgresql(
        tmp_path: Path, target: str, pipeline) -> None:
    from redshank.api import ingest

    manifest = str(SEEDS / "manifest.jsonl")
    found = {}
    for name, db in (("duckdb", str(tmp_path / "seeds.duckdb")), ("postgres", target)):
        with open_store(db) as store:
            summary = ingest([manifest], store=store, pipeline=pipeline)
            assert (summary.documents, summary.failures) == (3, [])
            found[name] = snapshot(store)
    duckdb_found, postgres_found = found["duckdb"], found["postgres"]
    assert duckdb_found["events"] and duckdb_found["clusters"] and duckdb_found["positions"]
    for part in ("events", "clusters", "positions", "coalitions", "counts"):
        assert list(postgres_found[part]) == list(duckdb_found[part]), part
        assert postgres_found[part] == duckdb_found[part], part
