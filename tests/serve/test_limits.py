"""The API's limits and failures, each answered in the one error shape: the query time
limit, a database held by an ingest, body size, concurrent coding, validation, methods,
unexpected errors; and that nothing the API does writes the store."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from redshank.serve.app import create_app
from redshank.store import open_store
from tests.serve.conftest import answer_slow_query
from tests.store.test_store_access import HOLD_SCRIPT, python

# Minutes of work for DuckDB: only an interrupt ends it within a test run.
SLOW_SQL = "SELECT sum(a.range * b.range) FROM range(1000000000) a, range(1000000000) b"


def error_of(answer) -> dict:
    body = answer.json()
    assert set(body) == {"status", "code", "message", "detail"}
    assert body["status"] == answer.status_code and body["message"]
    return body


def test_a_query_over_the_time_limit_is_stopped_and_answered_503(seeds_db: str) -> None:
    answer, outcome, after = answer_slow_query(seeds_db, lambda store: store._fetch(SLOW_SQL))
    assert answer.status_code == 503
    assert error_of(answer)["code"] == "query_timeout"
    assert error_of(answer)["detail"] == {"timeout_s": 2.0}
    assert "Interrupted" in str(outcome[0])
    assert after == 200  # the store is still usable


@pytest.fixture
def held_db(seeds_db: str, tmp_path: Path):
    """A copy of the seeds' database that another process holds for writing, as an
    ingest does while it commits."""
    copy = tmp_path / "held.duckdb"
    shutil.copyfile(seeds_db, copy)
    process = python(HOLD_SCRIPT, str(copy), stdin=subprocess.PIPE)
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    yield str(copy)
    process.communicate("")


def test_a_database_held_by_an_ingest_is_answered_503_busy(held_db: str) -> None:
    with TestClient(create_app(held_db, query_timeout_s=0.3)) as client:
        answer = client.get("/api/events")
        assert answer.status_code == 503
        assert error_of(answer)["code"] == "database_busy"


def test_an_oversized_body_is_413(client: TestClient) -> None:
    limit = client.app.state.coder.max_bytes
    answer = client.post("/api/code", json={"text": "x" * limit})
    assert answer.status_code == 413
    assert error_of(answer)["code"] == "body_too_large"
    assert error_of(answer)["detail"] == {"max_bytes": limit}


def test_coding_beyond_the_concurrency_limit_is_429(seeds_db: str, pipeline) -> None:
    app = create_app(seeds_db, max_code_concurrency=1, pipeline=pipeline)
    with TestClient(app) as client:
        assert app.state.coder.slots.acquire(blocking=False)  # a text being coded
        try:
            answer = client.post("/api/code", json={"text": "Iraq asked for help."})
        finally:
            app.state.coder.slots.release()
        assert answer.status_code == 429
        assert error_of(answer)["code"] == "too_many_requests"
        again = client.post("/api/code", json={"text": "Iraq asked for help."})
        assert again.status_code == 200


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), [
    ("get", "/api/events", {"params": {"limit": 0}}, 422, "invalid_request"),
    ("get", "/api/events", {"params": {"limit": 1001}}, 422, "invalid_request"),
    ("get", "/api/events", {"params": {"all": "maybe"}}, 422, "invalid_request"),
    ("get", "/api/dyads", {"params": {"by": "decade"}}, 422, "invalid_request"),
    ("get", "/api/coalitions", {"params": {"at": "2014-13-01"}}, 422, "invalid_request"),
    ("post", "/api/code", {"json": {"txt": "typo"}}, 422, "invalid_request"),
    ("post", "/api/code", {"content": b"not json"}, 422, "invalid_request"),
    ("post", "/api/code", {"json": {"text": ""}}, 422, "invalid_request"),
    ("post", "/api/code", {"json": {"text": "x", "published": "soon"}}, 422,
     "invalid_request"),
    ("post", "/api/events", {}, 405, "method_not_allowed"),
    ("delete", "/api/stats", {}, 405, "method_not_allowed"),
])
def test_invalid_requests_get_the_error_shape(client: TestClient, method: str, path: str,
                                              kwargs: dict, status: int, code: str) -> None:
    answer = getattr(client, method)(path, **kwargs)
    assert answer.status_code == status
    assert error_of(answer)["code"] == code


def test_an_unexpected_error_is_a_500_in_the_error_shape(seeds_db: str) -> None:
    app = create_app(seeds_db)

    @app.get("/broken")
    async def broken() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/broken")
    assert answer.status_code == 500
    body = error_of(answer)
    assert body["code"] == "internal_error" and "a bug" not in body["message"]
    assert answer.headers["content-security-policy"].startswith("default-src 'self'")


def test_code_returns_events_and_stores_nothing(client: TestClient, seeds_db: str) -> None:
    before = Path(seeds_db).read_bytes()
    with open_store(seeds_db, read_only=True) as store:
        counts = store.counts()
    text = ("Iraq asked the United States on Wednesday to bomb militants. "
            "<script>alert(1)</script> Iran did not attack Iraq.")
    answer = client.post("/api/code", json={"text": text, "published": "2014-06-11",
                                            "title": "<b>t</b>"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    (request,) = [e for e in body["events"] if e["event"] == "REQUEST"]
    assert request["date"] == "2014-06-11" and request["doc_id"] == "text-1"
    assert body["hidden"] >= 1  # the attack that did not happen
    everything = client.post("/api/code?all=true", json={"text": text}).json()
    assert len(everything["events"]) == len(body["events"]) + body["hidden"]
    assert Path(seeds_db).read_bytes() == before
    with open_store(seeds_db, read_only=True) as store:
        assert store.counts() == counts
