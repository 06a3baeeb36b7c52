"""Re-coding stored documents (`redshank recode`, `redshank ingest --recode`): after a change
of patterns or coder, events that come out the same keep their ids and clusters, new ones
are linked, vanished ones leave their clusters, and an interrupted recode finishes when
run again."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

import duckdb
import pytest

from redshank.api import ingest, recode
from redshank.cli import main
from redshank.errors import ConfigError, IngestInterrupted
from redshank.pipeline import Pipeline
from redshank.store import open_store
from tests.killing import KILL_AT
from tests.test_reliability import INPUTS, PYTHON, snapshot

LUNCH = "lunch      042\n"  # CONSULT: no packaged pattern codes "lunched with"
TEXTS = {
    "lunch-1": "France lunched with Germany in Paris on Monday, officials said.",
    "lunch-2": "On Monday France lunched with Germany in Paris, a spokesman said.",
    "attack": "Russia attacked Ukraine on Monday.",
}


@pytest.fixture
def feed(tmp_path: Path) -> str:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": doc_id, "text": text, "published": "2014-06-11"})
                            + "\n" for doc_id, text in TEXTS.items()), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def lunch_pipeline(tmp_path_factory) -> Pipeline:
    patterns = tmp_path_factory.mktemp("patterns") / "lunch.patterns"
    patterns.write_text(LUNCH, encoding="utf-8")
    return Pipeline.load(pattern_files=[str(patterns)])


def consistent(db: str) -> None:
    """Every cluster member is a stored event, every event is in a cluster, and every
    cluster's event count is its number of members."""
    connection = duckdb.connect(db, read_only=True)
    try:
        assert connection.execute(
            "SELECT count(*) FROM cluster_members m WHERE NOT EXISTS"
            " (SELECT 1 FROM events e WHERE e.event_id = m.event_id)").fetchone() == (0,)
        assert connection.execute(
            "SELECT count(*) FROM clusters c WHERE c.events <> (SELECT count(*)"
            " FROM cluster_members m WHERE m.cluster_id = c.cluster_id)").fetchone() == (0,)
    finally:
        connection.close()
    with open_store(db, read_only=True) as store:
        assert store.unlinked_event_ids() == [] and store.underived_doc_ids() == []


def test_recoding_with_nothing_changed_keeps_every_event_and_cluster(tmp_path: Path, pipeline,
                                                                    feed: str) -> None:
    db = str(tmp_path / "same.duckdb")
    with open_store(db) as store:
        first = ingest([*INPUTS, feed], store=store, pipeline=pipeline)
    before = snapshot(Path(db))
    with open_store(db) as store:
        summary = recode(store=store, pipeline=pipeline)
    assert snapshot(Path(db)) == before
    changes = summary.recoded
    assert (changes.documents, changes.kept) == (first.documents, first.events)
    assert (changes.relinked, changes.added, changes.removed) == (0, 0, 0)
    links = summary.links
    assert (links.events, links.created, links.grown, links.merged, links.repaired) == (0,) * 5


def test_a_new_pattern_adds_events_and_dropping_it_takes_them_out_of_their_cluster(
        tmp_path: Path, pipeline, lunch_pipeline, feed: str) -> None:
    db = str(tmp_path / "lunch.duckdb")
    with open_store(db) as store:
        ingest([feed], store=store, pipeline=pipeline)
        attack = store.cluster_ids_of(_event_ids(store))
    with open_store(db) as store:
        added = recode(store=store, pipeline=lunch_pipeline)
        lunches = [e.event_id for e in _events(store) if e.event == "CONSULT"]
        [lunch_cluster] = set(store.cluster_ids_of(lunches).values())
        assert store.get_cluster(lunch_cluster).reports == 2
        assert store.cluster_ids_of(list(attack)) == attack
    assert (added.recoded.kept, added.recoded.added, added.recoded.removed) == (len(attack), 2, 0)
    consistent(db)
    with open_store(db) as store:
        removed = recode(store=store, pipeline=pipeline, doc_ids=["lunch-1"])
        assert store.get_cluster(lunch_cluster).reports == 1
        assert store.cluster_ids_of(list(attack)) == attack
    assert (removed.recoded.documents, removed.recoded.added, removed.recoded.removed) == (1, 0, 1)
    assert removed.links.repaired == 1
    consistent(db)
    with open_store(db) as store:
        recode(store=store, pipeline=pipeline, doc_ids=["lunch-2"])
        assert store.get_cluster(lunch_cluster) is None
        assert store.cluster_ids_of(list(attack)) == attack
    consistent(db)


def test_recode_refuses_a_document_that_is_not_stored(tmp_path: Path, pipeline,
                                                      feed: str) -> None:
    with open_store(str(tmp_path / "db.duckdb")) as store:
        ingest([feed], store=store, pipeline=pipeline)
        with pytest.raises(ConfigError, match="no stored document 'nope'"):
            recode(store=store, pipeline=pipeline, doc_ids=["attack", "nope"])
        assert [run.status for run in store.list_runs()] == ["complete"]


def test_event_ids_leave_out_the_coder_version_which_every_row_keeps(
        tmp_path: Path, pipeline, feed: str, monkeypatch) -> None:
    import redshank.coding.coder as coder

    db = str(tmp_path / "upgrade.duckdb")
    with open_store(db) as store:
        ingest([feed], store=store, pipeline=pipeline)
        before = {e.event_id: store.cluster_ids_of([e.event_id]) for e in _events(store)}
    monkeypatch.setattr(coder, "CODER_VERSION", "redshank-99.0")
    with open_store(db) as store:
        summary = recode(store=store, pipeline=pipeline)
        after = {e.event_id: store.cluster_ids_of([e.event_id]) for e in _events(store)}
        assert after == before
        assert {e.coder_version for e in _events(store)} == {"redshank-99.0"}
    assert (summary.recoded.kept, summary.recoded.relinked) == (len(before), 0)
    connection = duckdb.connect(db, read_only=True)
    try:
        assert connection.execute("SELECT DISTINCT coder_version FROM events").fetchall() == [
            ("redshank-99.0",)]
    finally:
        connection.close()


def test_a_changed_publication_date_relinks_the_same_events(tmp_path: Path, pipeline,
                                                           feed: str) -> None:
    db = str(tmp_path / "moved.duckdb")
    with open_store(db) as store:
        ingest([feed], store=store, pipeline=pipeline)
        ids = _event_ids(store)
    moved = tmp_path / "moved.jsonl"
    moved.write_text(Path(feed).read_text().replace("2014-06-11", "2015-03-04"))
    with open_store(db) as store:
        summary = ingest([str(moved)], store=store, pipeline=pipeline, recode=True)
        assert sorted(_event_ids(store)) == sorted(ids)
        assert {c.date_start.year for c in store.get_clusters(
            list(set(store.cluster_ids_of(ids).values())))} == {2015}
    assert (summary.skipped, summary.recoded.kept, summary.recoded.relinked) == (0, len(ids),
                                                                                  len(ids))
    consistent(db)


def test_ingest_recode_in_the_cli_codes_stored_documents_again(tmp_path: Path, feed: str,
                                                               capsys) -> None:
    db = str(tmp_path / "cli.duckdb")
    assert main(["ingest", feed, "--db", db]) == 0
    assert main(["ingest", feed, "--db", db]) == 0
    assert "0 documents coded, 3 already stored" in capsys.readouterr().err
    assert main(["ingest", "--recode", feed, "--db", db]) == 0
    assert "3 documents re-coded: 1 events kept (0 relinked), 0 added, 0 removed" in (
        capsys.readouterr().err)
    assert main(["recode", "--db", db, "--doc", "attack", "--since", "2014-06"]) == 0
    assert capsys.readouterr().err.startswith("1 documents re-coded: 1 events kept")
    assert main(["recode", "--db", db, "--until", "2013"]) == 0
    assert capsys.readouterr().err.startswith("0 documents re-coded")


def test_ctrl_c_during_a_recode_says_so_and_a_rerun_finishes(tmp_path: Path, pipeline,
                                                            lunch_pipeline, monkeypatch) -> None:
    db = str(tmp_path / "stopped.duckdb")
    with open_store(db) as store:
        ingest(INPUTS, store=store, pipeline=pipeline)
    calls = {"n": 0}
    original = Pipeline.process

    def stopping(self, document, parsed):
        calls["n"] += 1
        if calls["n"] == 40:
            raise KeyboardInterrupt
        return original(self, document, parsed)

    monkeypatch.setattr(Pipeline, "process", stopping)
    with open_store(db) as store, pytest.raises(IngestInterrupted) as stopped:
        recode(store=store, pipeline=lunch_pipeline)
    assert stopped.value.documents == 32
    assert "re-coded already come out the same" in str(stopped.value)
    monkeypatch.setattr(Pipeline, "process", original)
    with open_store(db) as store:
        summary = recode(store=store, pipeline=lunch_pipeline)
        assert [run.status for run in store.list_runs()] == ["complete", "interrupted",
                                                             "complete"]
    assert summary.recoded.documents == 51
    consistent(db)


# Runs `redshank ingest INPUTS` (`recode` with the patterns file), killed as in
# tests/test_reliability.py at POINT after COUNT calls.
DRIVER = KILL_AT + """
point, count, db, patterns, *inputs = sys.argv[1:]
if point == "ingest":
    sys.exit(main(["ingest", *inputs, "--db", db]))
kill_at(point, int(count))
sys.exit(main(["recode", "--db", db, "--patterns", patterns]))
"""
# Shelling read as a threat: the merge corpus's ASSAULT events become THREATEN ones.
SHELL = "shell      130\n"


def run(db: Path, patterns: Path, point: str, count: int = 0) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-c", DRIVER, point, str(count), str(db), str(patterns),
                           *INPUTS], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def shell_patterns(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("shell") / "shell.patterns"
    path.write_text(SHELL, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def recoded(tmp_path_factory, shell_patterns: Path) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("whole") / "whole.duckdb"
    assert run(db, shell_patterns, "ingest").returncode == 0
    original = snapshot(db)
    done = run(db, shell_patterns, "none")
    assert done.returncode == 0, done.stderr
    tables = snapshot(db)
    assert tables["events"] != original["events"]
    return tables


@pytest.mark.parametrize(("point", "count"), [("store", 1), ("link", 0), ("derive", 1)])
def test_killed_recode_run_again_equals_an_uninterrupted_one(
        tmp_path: Path, recoded, shell_patterns: Path, point: str, count: int) -> None:
    db = tmp_path / "killed.duckdb"
    assert run(db, shell_patterns, "ingest").returncode == 0
    killed = run(db, shell_patterns, point, count)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert snapshot(db) != recoded
    again = run(db, shell_patterns, "none")
    assert again.returncode == 0, again.stderr
    assert snapshot(db) == recoded
    consistent(str(db))


def _events(store) -> list:
    from redshank.query import EventQuery

    return store.query_events(EventQuery(include_all=True))


def _event_ids(store) -> list[str]:
    return [event.event_id for event in _events(store)]
