"""Schema migrations: a database made by an earlier release (its DDL and rows kept as SQL in
tests/store/data/, taken from git history) is upgraded in place after a backup copy, keeps
its data and answers queries; read-only opens say how to upgrade; databases with no
migration path are refused untouched."""

from __future__ import annotations

import logging
import re
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from redshank.cli import main
from redshank.errors import StoreError
from redshank.query import EventQuery
from redshank.store import open_store
from redshank.store.migrations import MIGRATIONS, OLDEST_VERSION, layout, new_database_layout
from redshank.store.schema import SCHEMA_VERSION

DATA = Path(__file__).parent / "data"
EVENT_ID = "e1a2b3c4d5e6f708"
OLD_VERSIONS = [1, 2]


def old_database(path: Path, version: int) -> Path:
    """A database file as release `version` of the schema left it."""
    connection = duckdb.connect(str(path))
    try:
        for statement in (DATA / f"schema_v{version}.sql").read_text().split(";\n"):
            if statement.strip():
                connection.execute(statement)
    finally:
        connection.close()
    return path


def test_every_version_since_the_oldest_has_a_migration() -> None:
    assert sorted(MIGRATIONS) == list(range(OLDEST_VERSION, SCHEMA_VERSION))
    assert SCHEMA_VERSION - 1 in OLD_VERSIONS


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_old_database_is_upgraded_after_a_backup_and_keeps_its_data(
        tmp_path: Path, version: int, caplog: pytest.LogCaptureFixture) -> None:
    path = old_database(tmp_path / "old.duckdb", version)
    before = path.read_bytes()
    with caplog.at_level(logging.WARNING), open_store(str(path)) as store:
        assert store.upgraded_from == version
        [event] = store.query_events(EventQuery(actors=("IRQ",), since=date(2014, 6, 1)))
        assert (event.event_id, event.event, event.actor_inferred) == (EVENT_ID, "REQUEST", False)
        assert [a.country_from for a in event.actor] == [None]
        assert store.get_document("iraq-1").title == "Iraq asks U.S. for air strikes"
        assert [s.index for s in store.get_sentences("iraq-1")] == [0]
        assert [a.name for a in store.get_actor_mentions("iraq-1")] == ["Iraq", "United States"]
        cluster = store.get_cluster(f"cl-{EVENT_ID}")
        assert [m.event_id for m in cluster.members] == [EVENT_ID]
        assert store.count_dyads(EventQuery())[0].events == 1
        runs = {run.run_id: run.status for run in store.list_runs()}
        assert runs["run-1"] == "complete"
        assert runs.get("run-0", "interrupted") == "interrupted"  # unfinished in version 1
    backup = Path(f"{path}.v{version}.bak")
    assert backup.read_bytes() == before
    assert caplog.messages == [f"{path}: upgraded from schema version {version} to "
                               f"{SCHEMA_VERSION}; the old database is kept as {backup}"]
    with duckdb.connect(str(path), read_only=True) as connection:
        assert layout(lambda sql, params=(): connection.execute(sql, params).fetchall()) == (
            new_database_layout())
        assert connection.execute("SELECT version FROM schema_version ORDER BY version"
                                  ).fetchall() == [(v,) for v in range(version,
                                                                       SCHEMA_VERSION + 1)]
        indexes = {row[0] for row in connection.execute(
            "SELECT index_name FROM duckdb_indexes()").fetchall()}
        assert {"events_doc_id", "positions_holder", "coalition_members_doc_id"} <= indexes
    with open_store(str(path)) as store:
        assert store.upgraded_from is None  # already current: opened as is


def test_an_upgraded_database_takes_new_documents_and_recodes_old_ones(tmp_path: Path,
                                                                      pipeline) -> None:
    from redshank.api import ingest, recode
    from tests.test_recode import consistent

    path = old_database(tmp_path / "old.duckdb", SCHEMA_VERSION - 1)
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "new", "text": "Russia attacked Ukraine on Monday.", '
                    '"published": "2022-03-01"}\n')
    with open_store(str(path)) as store:
        assert ingest([str(feed)], store=store, pipeline=pipeline).documents == 1
        summary = recode(store=store, pipeline=pipeline, doc_ids=["iraq-1"])
        assert summary.recoded.removed == 1 and summary.recoded.added >= 1
        assert store.get_cluster(f"cl-{EVENT_ID}") is None
        assert {e.coder_version for e in store.query_events(EventQuery(include_all=True))} == {
            pipeline_version()}
    consistent(str(path))


def pipeline_version() -> str:
    from redshank.version import CODER_VERSION

    return CODER_VERSION


def test_a_read_only_open_of_an_old_database_says_how_to_upgrade_it(tmp_path: Path,
                                                                     capsys) -> None:
    path = old_database(tmp_path / "old.duckdb", SCHEMA_VERSION - 1)
    before = path.read_bytes()
    message = (f"{path}: database schema version {SCHEMA_VERSION - 1} was made by an older "
               f"Redshank (this one uses {SCHEMA_VERSION}); upgrade it with 'redshank migrate "
               f"--db {path}' or any command that writes")
    with pytest.raises(StoreError, match=re.escape(message)):
        open_store(str(path), read_only=True)
    assert main(["events", "--db", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"redshank: {message}")
    assert path.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [path]


def test_the_migrate_command_upgrades_once(tmp_path: Path, capsys) -> None:
    path = old_database(tmp_path / "old.duckdb", SCHEMA_VERSION - 1)
    assert main(["migrate", "--db", str(path)]) == 0
    assert capsys.readouterr().err.endswith(
        f"now schema version {SCHEMA_VERSION} (was {SCHEMA_VERSION - 1})\n")
    assert main(["migrate", "--db", str(path)]) == 0
    assert capsys.readouterr().err == (f"{path}: schema version {SCHEMA_VERSION} is this "
                                       "Redshank's; nothing to do\n")
    assert main(["events", "--db", str(path)]) == 0


def test_a_second_upgrade_of_a_restored_copy_keeps_the_first_backup(tmp_path: Path) -> None:
    path = old_database(tmp_path / "old.duckdb", SCHEMA_VERSION - 1)
    pristine = tmp_path / "pristine.duckdb"
    shutil.copyfile(path, pristine)
    open_store(str(path)).close()
    shutil.copyfile(pristine, path)
    open_store(str(path)).close()
    version = SCHEMA_VERSION - 1
    assert Path(f"{path}.v{version}.bak").exists() and Path(f"{path}.v{version}.1.bak").exists()


def test_a_failed_upgrade_leaves_the_database_as_it_was(tmp_path: Path, monkeypatch) -> None:
    from redshank.store import migrations

    path = old_database(tmp_path / "old.duckdb", SCHEMA_VERSION - 1)
    broken = migrations.Migration("broken", (*MIGRATIONS[SCHEMA_VERSION - 1].statements,
                                             "ALTER TABLE nowhere ADD COLUMN x TEXT"))
    monkeypatch.setitem(migrations.MIGRATIONS, SCHEMA_VERSION - 1, broken)
    with pytest.raises(StoreError, match=f"{path}: cannot upgrade the schema"):
        open_store(str(path))
    with duckdb.connect(str(path), read_only=True) as connection:
        assert connection.execute("SELECT max(version) FROM schema_version").fetchone() == (
            SCHEMA_VERSION - 1,)
        columns = [row[0] for row in connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
        ).fetchall()]
        assert "actor_inferred" not in columns


@pytest.mark.parametrize(("version", "message"), [
    (SCHEMA_VERSION + 1, f"database schema version {SCHEMA_VERSION + 1} is newer than this "
                         f"Redshank's ({SCHEMA_VERSION}); left unchanged, upgrade Redshank"),
    (OLDEST_VERSION - 1, f"database schema version {OLDEST_VERSION - 1} cannot be upgraded "
                         f"to this Redshank's {SCHEMA_VERSION}"),
])
@pytest.mark.parametrize("read_only", [False, True])
def test_a_database_with_no_migration_path_is_refused_untouched(
        tmp_path: Path, version: int, message: str, read_only: bool) -> None:
    path = tmp_path / "other.duckdb"
    open_store(str(path)).close()
    with duckdb.connect(str(path)) as connection:
        connection.execute("UPDATE schema_version SET version = ?", [version])
    before = path.read_bytes()
    with pytest.raises(StoreError, match=re.escape(f"{path}: {message}")):
        open_store(str(path), read_only=read_only)
    assert path.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [path]
