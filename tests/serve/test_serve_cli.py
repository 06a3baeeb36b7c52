"""`redshank serve`: the command's defaults, its errors, and a real server answering."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.request
from urllib.error import URLError

import pytest

from redshank.cli import build_parser, main
from tests.store.test_store_access import REPO


def test_it_binds_this_machine_only_unless_told(capsys) -> None:
    args = build_parser().parse_args(["serve", "--db", "x.duckdb"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


@pytest.mark.parametrize("missing", ["fastapi", "uvicorn"])
def test_without_the_serve_extra_it_says_what_to_install(monkeypatch, capsys, seeds_db: str,
                                                          missing: str) -> None:
    monkeypatch.setitem(sys.modules, missing, None)
    monkeypatch.delitem(sys.modules, "redshank.serve.app", raising=False)
    assert main(["serve", "--db", seeds_db]) == 2
    assert "pip install 'redshank[serve]'" in capsys.readouterr().err


def test_a_missing_database_is_refused(capsys, tmp_path) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_server_answers_on_localhost(seeds_db: str) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "redshank", "serve", "--db", seeds_db,
                               "--port", str(port)], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        for line in server.stderr:  # uvicorn says when it listens
            if "Uvicorn running on" in line:
                assert f"http://127.0.0.1:{port}" in line
                break
        else:
            pytest.fail(f"the server stopped: {server.wait()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats") as answer:
                stats = json.load(answer)
                assert answer.headers["Content-Security-Policy"].startswith("default-src")
        except URLError as exc:
            pytest.fail(f"no answer from the server: {exc}")
        assert stats["documents"] == 3
    finally:
        server.terminate()
        server.communicate(timeout=60)
