"""Who may open a store file, when, and what opening it may change.

Readers and writers in other processes take turns on one file; read-only stores change
nothing; other programs' files and newer schema versions are refused untouched; runs say
whether they finished; documents remember whether their positions were derived.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from redshank.cli import main
from redshank.errors import ConfigError, StoreError
from redshank.model import RunCounts
from redshank.positions import derive
from redshank.store import CoalitionQuery, EventQuery, Store, open_store
from redshank.store.duckdb import LOCK_TIMEOUT_ENV, lock_timeout
from redshank.store.schema import SCHEMA_VERSION
from tests.positions.conftest import wales_article
from tests.store.conftest import TEXT, event, result

REPO = Path(__file__).resolve().parents[2]
# Opens the store given as argv[1] for writing, holds it in a session, says so, and keeps
# it until argv[2] seconds have passed (or, with no argv[2], until stdin closes).
HOLD_SCRIPT = """
import sys, time
from redshank.store import open_store
store = open_store(sys.argv[1])
with store.session():
    print("held", flush=True)
    if len(sys.argv) > 2:
        time.sleep(float(sys.argv[2]))
    else:
        sys.stdin.read()
"""
QUERY_SCRIPT = """
import sys
from redshank.store import EventQuery, open_store
with open_store(sys.argv[1], read_only=True, lock_timeout_s=float(sys.argv[2])) as store:
    print(len(store.query_events(EventQuery(include_all=True))))
"""
# Queries argv[1] read-only as user "nobody" when run as root (dropping privileges after the
# imports, which may live under root's home), else as the current user.
QUERY_AS_ANOTHER_USER_SCRIPT = """
import os, pwd, sys
from redshank.store import EventQuery, open_store
import redshank.store.duckdb  # before dropping to nobody, who cannot read root's Python
if os.geteuid() == 0:
    nobody = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(nobody.pw_gid)
    os.setuid(nobody.pw_uid)
with open_store(sys.argv[1], read_only=True, lock_timeout_s=0) as store:
    print(len(store.query_events(EventQuery(include_all=True))))
"""
START_RUN_SCRIPT = """
import sys
from redshank.store import open_store
print(open_store(sys.argv[1]).start_run(["a.txt"], "v"))
"""


def python(script: str, *args: str, **popen: object) -> subprocess.Popen[str]:
    """Run `script` in another Python process with this checkout importable."""
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database file holding one document with one event, closed."""
    path = str(tmp_path / "events.duckdb")
    with open_store(path) as store:
        store.save_result(result(), "run")
    return path


@pytest.fixture
def holder(db: str) -> Iterator[subprocess.Popen[str]]:
    """Another process that holds `db` for writing until the test ends."""
    process = python(HOLD_SCRIPT, db, stdin=subprocess.PIPE)
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    yield process
    process.communicate("")


def foreign_duckdb(path: Path) -> Path:
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE invoices (id INTEGER, total DOUBLE)")
    connection.execute("INSERT INTO invoices VALUES (1, 9.5)")
    connection.close()
    return path


def sqlite_file(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x INTEGER)")
    connection.commit()
    connection.close()
    return path


def csv_file(path: Path) -> Path:
    path.write_text("id,total\n1,9.5\n")
    return path


def empty_file(path: Path) -> Path:
    path.touch()
    return path


def other_version(path: Path) -> Path:
    open_store(str(path)).close()
    connection = duckdb.connect(str(path))
    connection.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION + 1])
    connection.close()
    return path


def test_a_store_holds_no_connection_between_calls(db: str) -> None:
    with open_store(db) as store:
        store.save_result(result("doc-2", TEXT + " Again."), "run")
        reader = python(QUERY_SCRIPT, db, "0")
        out, err = reader.communicate(timeout=60)
        assert (reader.returncode, out) == (0, "2\n"), err


def test_a_reader_waits_for_a_writer_that_holds_the_file_briefly(db: str) -> None:
    writer = python(HOLD_SCRIPT, db, "1")
    assert writer.stdout is not None and writer.stdout.readline() == "held\n"
    with open_store(db, read_only=True) as store:
        assert len(store.query_events(EventQuery())) == 1
    assert writer.wait(timeout=60) == 0


def test_giving_up_on_a_lock_names_the_holder_and_what_to_do(
        db: str, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(StoreError) as refused:
        open_store(db, read_only=True, lock_timeout_s=0.2)
    message = str(refused.value)
    assert message.startswith(f"{db}: database is locked by process {holder.pid} ")
    assert LOCK_TIMEOUT_ENV in message


def test_a_session_holds_the_file_until_it_ends(db: str) -> None:
    store = open_store(db)
    with store.session():
        with store.session():
            store.start_run(["a"], "v")
        locked_out = python(QUERY_SCRIPT, db, "0")
        assert locked_out.wait(timeout=60) != 0
    let_in = python(QUERY_SCRIPT, db, "0")
    out, err = let_in.communicate(timeout=60)
    assert (let_in.returncode, out) == (0, "1\n"), err


def test_readers_do_not_block_each_other(db: str) -> None:
    with open_store(db, read_only=True) as store, store.session():
        other = python(QUERY_SCRIPT, db, "0")
        out, err = other.communicate(timeout=60)
        assert (other.returncode, out) == (0, "1\n"), err


def test_a_read_only_query_changes_no_byte_and_works_on_a_mode_444_file(db: str) -> None:
    folder = Path(db).parent
    os.chmod(db, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = (Path(db).read_bytes(), os.stat(db).st_mtime_ns, sorted(folder.iterdir()))
    with open_store(db, read_only=True) as store:
        assert [e.doc_id for e in store.query_events(EventQuery())] == ["doc-1"]
        assert store.get_document("doc-1") is not None
        assert store.list_runs() == []
    assert main(["events", "--db", db, "--format", "jsonl"]) == 0
    assert (Path(db).read_bytes(), os.stat(db).st_mtime_ns, sorted(folder.iterdir())) == before


def test_a_mode_444_file_of_another_owner_can_be_queried() -> None:
    with tempfile.TemporaryDirectory() as shared:
        Path(shared).chmod(0o755)
        path = Path(shared) / "events.duckdb"
        with open_store(str(path)) as store:
            store.save_result(result(), "run")
        path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        before = path.read_bytes()
        reader = python(QUERY_AS_ANOTHER_USER_SCRIPT, str(path))
        out, err = reader.communicate(timeout=60)
        assert (reader.returncode, out) == (0, "1\n"), err
        assert path.read_bytes() == before


def test_a_read_only_store_refuses_writes(db: str) -> None:
    with open_store(db, read_only=True) as store, \
            pytest.raises(StoreError, match=f"{db}: cannot start a run: the store was opened "
                                            "read-only"):
        store.start_run(["a"], "v")


def test_a_read_only_store_does_not_create_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    with pytest.raises(StoreError, match="database does not exist"):
        open_store(str(missing), read_only=True)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("read_only", [False, True])
def test_a_log_left_by_a_deleted_database_is_not_replayed_into_a_new_one(
        tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "events.duckdb"
    with open_store(str(path)) as store, store.session():
        store.start_run(["a"], "v")
    path.rename(tmp_path / "old.duckdb")
    wal = tmp_path / "events.duckdb.wal"
    wal.write_bytes(b"a log of the deleted database")
    message = "database does not exist but its write-ahead log events.duckdb.wal does"
    with pytest.raises(StoreError, match=re.escape(message)):
        open_store(str(path), read_only=read_only)
    assert not path.exists() and wal.read_bytes() == b"a log of the deleted database"


@pytest.mark.parametrize("read_only", [False, True])
def test_another_programs_duckdb_file_is_refused_and_left_unchanged(tmp_path: Path,
                                                                    read_only: bool) -> None:
    path = foreign_duckdb(tmp_path / "accounts.duckdb")
    before = path.read_bytes()
    with pytest.raises(StoreError, match=f"{path}: not a Redshank database"):
        open_store(str(path), read_only=read_only)
    assert path.read_bytes() == before
    with duckdb.connect(str(path), read_only=True) as connection:
        assert connection.execute("SHOW TABLES").fetchall() == [("invoices",)]


@pytest.mark.parametrize(("make", "message"), [
    (sqlite_file, "is a SQLite database, not a DuckDB one; pass a DuckDB database file"),
    (csv_file, "is not a DuckDB database file"),
    (empty_file, "is an empty file, not a DuckDB database"),
    (other_version, f"database schema version {SCHEMA_VERSION + 1} is newer than this "
                    f"Redshank's \\({SCHEMA_VERSION}\\)"),
])
@pytest.mark.parametrize("read_only", [False, True])
def test_files_that_are_not_this_redshank_store_are_refused_untouched(
        tmp_path: Path, make, message: str, read_only: bool) -> None:
    path = make(tmp_path / "given.db")
    before = path.read_bytes()
    with pytest.raises(StoreError, match=f"{path}: {message}"):
        open_store(str(path), read_only=read_only)
    assert path.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [path]


def test_a_query_command_on_a_foreign_file_is_one_clear_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = foreign_duckdb(tmp_path / "accounts.duckdb")
    before = path.read_bytes()
    assert main(["events", "--db", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"redshank: {path}: not a Redshank database (it has 1 tables of another program and "
        "no schema_version); left unchanged, pass another --db\n")
    assert path.read_bytes() == before


def test_duckdb_never_autoloads_or_installs_extensions(db: str) -> None:
    with open_store(db, read_only=True) as store, store.session():
        settings = dict(store._fetch(
            "SELECT name, value FROM duckdb_settings() WHERE name IN"
            " ('autoload_known_extensions', 'autoinstall_known_extensions')"))
    assert settings == {"autoload_known_extensions": "false",
                        "autoinstall_known_extensions": "false"}


@pytest.mark.parametrize(("value", "expected"), [("2.5", 2.5), ("0", 0.0), (None, 30.0)])
def test_lock_timeout_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                 value: str | None, expected: float) -> None:
    if value is None:
        monkeypatch.delenv(LOCK_TIMEOUT_ENV, raising=False)
    else:
        monkeypatch.setenv(LOCK_TIMEOUT_ENV, value)
    assert lock_timeout() == expected
    assert lock_timeout(1.0) == 1.0


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "inf"])
def test_a_bad_lock_timeout_is_a_config_error_naming_the_variable(
        monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, value)
    with pytest.raises(ConfigError, match=re.escape(f"{LOCK_TIMEOUT_ENV}={value!r}: ")):
        lock_timeout()


def test_a_run_is_running_then_complete_or_interrupted(store: Store) -> None:
    first = store.start_run(["a"], "v")
    second = store.start_run(["b"], "v")
    [running, _] = store.list_runs()
    assert (running.status, running.pid, running.host) == (
        "running", os.getpid(), socket.gethostname())
    store.finish_run(first, RunCounts(documents=1))
    store.finish_run(second, RunCounts(), status="interrupted")
    assert [run.status for run in store.list_runs()] == ["complete", "interrupted"]
    assert store.close_stale_runs() == []
    with pytest.raises(StoreError, match="status must be one of complete, interrupted"):
        store.finish_run(first, RunCounts(), status="running")


def test_a_run_whose_process_died_is_reported_and_closed_as_interrupted(db: str) -> None:
    starter = python(START_RUN_SCRIPT, db)
    out, err = starter.communicate(timeout=60)
    assert starter.returncode == 0, err
    dead_run = out.strip()
    with open_store(db) as store:
        live_run = store.start_run(["b"], "v")
        assert [(r.run_id, r.status) for r in store.list_runs()] == [
            (dead_run, "interrupted"), (live_run, "running")]
        assert store.close_stale_runs() == [dead_run]
        assert store.close_stale_runs() == []
    with duckdb.connect(db, read_only=True) as connection:
        assert connection.execute("SELECT status FROM runs ORDER BY started_at").fetchall() == [
            ("interrupted",), ("running",)]


def test_a_reused_pid_or_another_host_does_not_fool_the_liveness_check(db: str) -> None:
    with open_store(db) as store:
        reused = store.start_run(["a"], "v")
        elsewhere = store.start_run(["b"], "v")
    long_ago = datetime.now() - timedelta(days=30)
    with duckdb.connect(db) as connection:
        connection.execute("UPDATE runs SET started_at = ? WHERE run_id = ?", [long_ago, reused])
        connection.execute("UPDATE runs SET host = 'another-host', pid = 1 WHERE run_id = ?",
                           [elsewhere])
    with open_store(db) as store:
        assert {r.run_id: r.status for r in store.list_runs()} == {
            reused: "interrupted", elsewhere: "running"}
        assert store.close_stale_runs() == [reused]


def test_underived_documents_are_those_not_derived_from_their_current_text(
        store: Store) -> None:
    for doc_id in ("b", "a", "c"):
        store.save_result(result(doc_id, f"{TEXT} {doc_id}", [event(doc_id)]), "run")
    assert store.underived_doc_ids() == ["a", "b", "c"]
    hashes = store.document_hashes()
    store.save_derived({"a": hashes["a"], "b": hashes["b"]}, [], [], [])
    assert store.underived_doc_ids() == ["c"]
    assert store.counts()["derived_documents"] == 2
    store.save_result(result("b", f"{TEXT} b, re-coded", [event("b")]), "run")
    assert store.underived_doc_ids() == ["b", "c"]
    store.prune_derived()
    assert store.counts()["derived_documents"] == 1
    store.save_derived({"b": store.document_hashes(["b"])["b"]}, [], [], [])
    store.save_derived({"b": store.document_hashes(["b"])["b"]}, [], [], [])
    assert store.underived_doc_ids() == ["c"]
    store.clear_derived()
    assert store.underived_doc_ids() == ["a", "b", "c"]
    assert store.counts()["derived_documents"] == 0


def test_coalition_ids_include_coalitions_whose_summary_was_not_saved(store: Store) -> None:
    article = wales_article()
    store.save_result(article.result(), "run")
    derive(store, [e.event_id for e in article.events])
    summarised = [c.coalition_id for c in store.query_coalitions(CoalitionQuery())]
    assert summarised and store.coalition_ids() == sorted(summarised)
    store.save_coalitions([], deleted=summarised)
    assert store.coalition_ids() == sorted(summarised)
    store.clear_derived()
    assert store.coalition_ids() == []
