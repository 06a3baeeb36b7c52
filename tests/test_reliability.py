"""An ingest survives what users do to it: killed at any point and run again, read while it
writes, a document that breaks a stage, a database file nobody may write.

The kill tests run `redshank ingest` in a subprocess that SIGKILLs itself at a chosen point
(while storing documents, inside the linking transaction, between derivation chunks), run
the same command again, and compare the database with one from an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from redshank.api import ingest
from redshank.errors import IngestInterrupted
from redshank.model import Document
from redshank.store import open_store
from tests.conftest import SEEDS
from tests.killing import KILL_AT

MERGE_CORPUS = Path(__file__).parent / "data" / "merge" / "articles.jsonl"
INPUTS = [str(SEEDS / "manifest.jsonl"), str(MERGE_CORPUS)]
PYTHON = sys.executable

# Runs `redshank ingest INPUTS --db DB`, SIGKILLing itself at POINT after COUNT calls.
# Ingest saves the positions of each committed batch (32 documents); a kill at the second
# leaves a batch stored but not derived, which the re-run derives from the store (8
# documents a chunk).
DRIVER = KILL_AT + """
point, count, db, *inputs = sys.argv[1:]
kill_at(point, int(count))
sys.exit(main(["ingest", *inputs, "--db", db]))
"""

KEY_COLUMNS = {
    "documents": "doc_id, content_hash",
    "sentences": "doc_id, sentence_index, text",
    "actor_mentions": "doc_id, mention_index, actor_id",
    "events": "event_id, doc_id, event",
    "event_actors": "event_id, role, position",
    "clusters": "cluster_id, event, date_start, date_end, reports, events",
    "cluster_members": "event_id, cluster_id, linked_to, reason",
    "cluster_aliases": "alias, cluster_id",
    "link_blocks": "block_key, event_id",
    "positions": "position_id",
    "coalitions": "coalition_id, name, adversary",
    "coalition_members": "membership_id, coalition_id",
    "coalition_contributions": "contribution_id, coalition_id",
    "derived_documents": "doc_id, content_hash",
}


def run_ingest(db: Path, point: str = "none", count: int = 0) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-c", DRIVER, point, str(count), str(db), *INPUTS],
                          capture_output=True, text=True, timeout=600)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every stored row that a re-run must reproduce (ids and content, not timestamps)."""
    connection = duckdb.connect(str(db), read_only=True)
    try:
        return {table: connection.execute(
                    f"SELECT {columns} FROM {table} ORDER BY {columns}").fetchall()
                for table, columns in KEY_COLUMNS.items()}
    finally:
        connection.close()


def run_statuses(db: Path) -> list[str]:
    connection = duckdb.connect(str(db), read_only=True)
    try:
        return [row[0] for row in connection.execute(
            "SELECT status FROM runs ORDER BY started_at").fetchall()]
    finally:
        connection.close()


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("whole") / "whole.duckdb"
    done = run_ingest(db)
    assert done.returncode == 0, done.stderr
    tables = snapshot(db)
    assert tables["clusters"] and tables["coalitions"] and tables["positions"]
    return tables


@pytest.mark.parametrize(("point", "count"), [("store", 1), ("link", 0), ("derive", 1)])
def test_killed_ingest_run_again_equals_an_uninterrupted_one(
        tmp_path: Path, uninterrupted, point: str, count: int) -> None:
    db = tmp_path / "killed.duckdb"
    killed = run_ingest(db, point, count)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert snapshot(db) != uninterrupted
    again = run_ingest(db)
    assert again.returncode == 0, again.stderr
    assert snapshot(db) == uninterrupted
    assert run_statuses(db) == ["interrupted", "complete"]


def test_ctrl_c_says_what_was_saved_and_a_rerun_finishes(tmp_path: Path, pipeline,
                                                           monkeypatch) -> None:
    db = str(tmp_path / "stopped.duckdb")
    calls = {"n": 0}
    original = type(pipeline).process

    def stopping(self, document, parsed):
        calls["n"] += 1
        if calls["n"] == 40:
            raise KeyboardInterrupt
        return original(self, document, parsed)

    monkeypatch.setattr(type(pipeline), "process", stopping)
    with open_store(db) as store, pytest.raises(IngestInterrupted) as stopped:
        ingest(INPUTS, store=store, pipeline=pipeline)
    assert stopped.value.documents == 32
    assert "run the same command again" in str(stopped.value)
    monkeypatch.setattr(type(pipeline), "process", original)
    with open_store(db) as store:
        summary = ingest(INPUTS, store=store, pipeline=pipeline)
        assert summary.skipped == 32
        assert [run.status for run in store.list_runs()] == ["interrupted", "complete"]
        assert store.unlinked_event_ids() == [] and store.underived_doc_ids() == []


def _long_input(tmp_path: Path, copies: int = 12) -> str:
    """The merge corpus `copies` times over, each copy its own documents (ids and text), so
    that an ingest is far from done when its first batch is committed."""
    records = [json.loads(line) for line in MERGE_CORPUS.read_text().splitlines() if line]
    path = tmp_path / "long.jsonl"
    with path.open("w") as out:
        for copy in range(copies):
            for record in records:
                record = {**record, "id": f"{record['id']}-{copy}",
                          "text": f"{record['text']} (Copy {copy}.)"}
                out.write(json.dumps(record) + "\n")
    return str(path)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_in_the_cli_prints_one_line_and_no_traceback(tmp_path: Path, workers: str
                                                           ) -> None:
    db = tmp_path / "ctrl-c.duckdb"
    process = subprocess.Popen([PYTHON, "-m", "redshank", "ingest", _long_input(tmp_path),
                                "--db", str(db), "--workers", workers],
                               stderr=subprocess.PIPE, text=True)
    _wait_for_documents(db, process)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "run the same command again" in lines[0], stderr


def _wait_for_documents(db: Path, process: subprocess.Popen) -> None:
    """Block until the ingest in `process` has committed at least one document."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert process.poll() is None, "ingest ended before it stored anything"
        if db.exists():
            try:
                connection = duckdb.connect(str(db), read_only=True)
            except duckdb.IOException:
                time.sleep(0.1)
                continue
            try:
                stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
            except duckdb.CatalogException:
                stored = 0
            finally:
                connection.close()
            if stored:
                return
        time.sleep(0.2)
    raise AssertionError("ingest stored nothing in 300 s")


def test_a_reader_answers_while_an_ingest_runs(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    writer = subprocess.Popen([PYTHON, "-m", "redshank", "ingest", *INPUTS, "--db", str(db)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_documents(db, writer)
        assert writer.poll() is None, "ingest finished before the reader could try"
        reader = subprocess.run(
            [PYTHON, "-m", "redshank", "events", "--db", str(db), "--format", "jsonl"],
            capture_output=True, text=True, timeout=120,
            env={**os.environ, "REDSHANK_LOCK_TIMEOUT_S": "5"})
        assert reader.returncode == 0, reader.stderr
    finally:
        writer.wait(timeout=600)
    assert writer.returncode == 0, writer.stderr


def test_a_document_that_breaks_a_stage_fails_alone(tmp_path: Path, pipeline,
                                                     monkeypatch) -> None:
    import redshank.pipeline as pipeline_module

    original = pipeline_module.code_document

    def breaking(document, units, knowledge, **options):
        if "poisoned" in document.text:
            raise StopIteration
        return original(document, units, knowledge, **options)

    monkeypatch.setattr(pipeline_module, "code_document", breaking)
    feed = tmp_path / "feed.jsonl"
    texts = {"good-1": "Iraq asked the United States to bomb militants.",
             "bad": "The poisoned sentence: Iraq asked the United States for help.",
             "good-2": "France condemned the attack on the embassy in Kabul."}
    feed.write_text("".join(json.dumps({"id": doc_id, "text": text, "published": "2014-06-11"})
                            + "\n" for doc_id, text in texts.items()), encoding="utf-8")
    with open_store(str(tmp_path / "db.duckdb")) as store:
        summary = ingest([str(feed)], store=store, pipeline=pipeline)
        assert summary.documents == 2
        [failure] = summary.failures
        assert failure.doc_id == "bad" and "StopIteration" in failure.message
        assert store.get_document("good-2") is not None
        assert [f.doc_id for f in store.list_failures()] == ["bad"]


# Python lives under /root (mode 700) here and in CI, so `runuser` cannot start it as another
# user: the query process starts as root and runs the command once (output thrown away) so
# that every module it needs is imported, then drops to `nobody` and runs it again.
AS_NOBODY = """
import contextlib, io, os, pwd, sys
from redshank.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(sys.argv[1:])
nobody = pwd.getpwnam("nobody")
os.setgroups([])
os.setgid(nobody.pw_gid)
os.setuid(nobody.pw_uid)
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def world_readable_dir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="redshank-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to query as another user")
def test_a_read_only_file_can_be_queried_by_another_user(world_readable_dir: Path,
                                                          pipeline) -> None:
    db = world_readable_dir / "shared.duckdb"
    with open_store(str(db)) as store:
        ingest([str(SEEDS / "manifest.jsonl")], store=store, pipeline=pipeline)
    db.chmod(0o444)
    before = db.read_bytes()
    for command in (["events"], ["events", "--merged"], ["coalition"]):
        done = subprocess.run([PYTHON, "-c", AS_NOBODY, *command, "--db", str(db)],
                              capture_output=True, text=True, timeout=120,
                              cwd=world_readable_dir)
        assert done.returncode == 0, (command, done.stderr)
        assert done.stdout.strip()
    assert db.read_bytes() == before
    assert not Path(f"{db}.wal").exists()


def test_documents_interrupted_before_linking_are_linked_by_the_link_command(
        tmp_path: Path, pipeline) -> None:
    from redshank.cli import main

    db = str(tmp_path / "half.duckdb")
    with open_store(db) as store:
        run_id = store.start_run(["by hand"], "test")
        for result in pipeline.run([Document(id="a", text="Russia attacked Ukraine on Monday.",
                                             published=None)]):
            store.save_result(result, run_id)
        assert store.unlinked_event_ids() and store.underived_doc_ids() == ["a"]
    assert main(["link", "--db", db]) == 0
    with open_store(db) as store:
        assert store.unlinked_event_ids() == [] and store.underived_doc_ids() == []


def test_a_future_publication_date_is_stored_and_printed_as_a_warning(tmp_path: Path,
                                                                     capsys) -> None:
    from redshank.cli import main

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "later", "published": "2999-01-01",
                                "text": "Iraq asked the United States to bomb militants."})
                    + "\n", encoding="utf-8")
    db = str(tmp_path / "db.duckdb")
    assert main(["ingest", str(feed), "--db", db]) == 0
    [warning] = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert "'later'" in warning and "2999-01-01" in warning and "future" in warning
    with open_store(db, read_only=True) as store:
        [stored] = store.get_document("later").warnings
    assert "2999-01-01" in stored
