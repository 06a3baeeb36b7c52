"""Runs table: the Store methods that record runs, and how a dead run is told from a live one.

A run is 'running' from `start_run` until `finish_run` marks it 'complete' or
'interrupted'. A run killed before it could say so stays 'running' in the table; it is
reported as 'interrupted' when it was started on this host by a process that is gone, and
`close_stale_runs` writes that down.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redshank.errors import StoreError
from redshank.model import FINISHED_RUN_STATUSES, Run, RunCounts
from redshank.store.primitives import SQLPrimitives, utc_now

# A process that started this long after its run's recorded start is another process
# that reuses the run's PID (the margin absorbs clock adjustments since boot).
PID_REUSE_MARGIN_S = 5.0
_RUN_COLUMNS = ("run_id, started_at, finished_at, inputs, coder_version, status, pid, host,"
                " documents, skipped, events, failures")


def _process_state(pid: int) -> tuple[str, float] | None:
    """Process `pid`'s state letter and start time in seconds since the epoch, from /proc
    (None where /proc is missing or the process is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(line for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
    except (OSError, StopIteration):
        return None
    # The fields after the ")" that ends the command name (which may hold spaces): state
    # is field 3, starttime (clock ticks since boot) field 22.
    fields = stat.rsplit(")", 1)[1].split()
    return fields[0], int(boot.split()[1]) + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def process_alive(pid: int, since: datetime) -> bool:
    """True if `pid` is a live (not zombie) process on this host that started no later
    than `since` (a naive UTC time), i.e. the process that started a run then."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    state = _process_state(pid)
    if state is None:
        return True
    letter, started = state
    return letter != "Z" and started <= since.replace(tzinfo=UTC).timestamp() + PID_REUSE_MARGIN_S


def _is_stale(status: str, pid: int | None, host: str | None, started_at: datetime) -> bool:
    return (status == "running" and pid is not None and host == socket.gethostname()
            and not process_alive(pid, started_at))


def _run_from_row(row: tuple[Any, ...]) -> Run:
    status = "interrupted" if _is_stale(row[5], row[6], row[7], row[1]) else row[5]
    return Run(
        run_id=row[0],
        started_at=row[1].replace(tzinfo=UTC),
        finished_at=row[2].replace(tzinfo=UTC) if row[2] is not None else None,
        inputs=json.loads(row[3]),
        coder_version=row[4],
        counts=RunCounts(*(count or 0 for count in row[8:12])),
        status=status,
        pid=row[6],
        host=row[7],
    )


class RunMethods(SQLPrimitives):
    """Store methods for the runs table."""

    def start_run(self, inputs: list[str], coder_version: str) -> str:
        """Record the start of a run by this process on this host ('running'); return its id."""
        run_id = uuid.uuid4().hex[:16]
        with self._operation("start a run"):
            self._fetch(
                "INSERT INTO runs (run_id, started_at, inputs, coder_version, status, pid, host)"
                " VALUES (?, ?, ?, ?, 'running', ?, ?)",
                [run_id, utc_now(), json.dumps(inputs, ensure_ascii=False), coder_version,
                 os.getpid(), socket.gethostname()],
            )
        return run_id

    def finish_run(self, run_id: str, counts: RunCounts, status: str = "complete") -> None:
        """Record the end of a run ('complete' or 'interrupted') and what it did."""
        if status not in FINISHED_RUN_STATUSES:
            raise StoreError(f"run {run_id!r}: status must be one of "
                             f"{', '.join(FINISHED_RUN_STATUSES)}, not {status!r}")
        with self._operation(f"finish run {run_id!r}"), self._transaction():
            if not self._fetch("SELECT 1 FROM runs WHERE run_id = ?", [run_id]):
                raise StoreError(f"{self.target}: no run {run_id!r} to finish")
            self._fetch(
                "UPDATE runs SET finished_at = ?, status = ?, documents = ?, skipped = ?,"
                " events = ?, failures = ? WHERE run_id = ?",
                [utc_now(), status, counts.documents, counts.skipped, counts.events,
                 counts.failures, run_id],
            )

    def list_runs(self) -> list[Run]:
        """All runs, oldest first; a 'running' run whose process is gone is 'interrupted'."""
        with self._operation("list runs"):
            found = self._fetch(f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY started_at, run_id")
        return [_run_from_row(row) for row in found]

    def close_stale_runs(self) -> list[str]:
        """Mark 'interrupted' the runs still 'running' whose process on this host is gone;
        return their ids, oldest first."""
        with self._operation("close interrupted runs"), self._transaction():
            stale = [row[0] for row in self._fetch(
                "SELECT run_id, status, pid, host, started_at FROM runs"
                " WHERE status = 'running' AND host = ? ORDER BY started_at, run_id",
                [socket.gethostname()]) if _is_stale(*row[1:4], row[4])]
            for run_id in stale:
                self._fetch("UPDATE runs SET status = 'interrupted' WHERE run_id = ?", [run_id])
        return stale
