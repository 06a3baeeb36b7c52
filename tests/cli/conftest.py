"""Helpers for the command tests; `db` is the hand-built database of tests/middle_east.py."""

from __future__ import annotations

import json

import pytest

from redshank.cli import main


@pytest.fixture
def db(middle_east_db: str) -> str:
    return middle_east_db


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one `redshank` command."""
    capsys.readouterr()
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def jsonl(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    status, out, err = run(capsys, *argv, "--format", "jsonl")
    assert status == 0, err
    return [json.loads(line) for line in out.splitlines()]

