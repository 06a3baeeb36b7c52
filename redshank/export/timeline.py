"""The membership timeline of coalitions as one flat table, in CSV or Parquet.

    coalitions (positions/coalitions.py: `membership_timeline`) -> one row per member:
        coalition_id, coalition, member, member_name, member_type, role,
        from (joined), until (left), status (member, leaving, left),
        evidence (document#sentence of joining) and its sentence,
        withdrawal_evidence (document#sentence of leaving), reports

`redshank coalition --timeline FILE.csv` (or .parquet) writes it; the format follows the
file's extension. Parquet is written by DuckDB with the fixed schema `TIMELINE_SCHEMA`
(dates are DATE); CSV has the same columns, dates as YYYY-MM-DD, empty for none.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from redshank.errors import ConfigError
from redshank.export.records import _to_parquet, _write_jsonl
from redshank.positions.coalitions import TIMELINE_COLUMNS, Coalition, membership_timeline

TIMELINE_SCHEMA: dict[str, str] = {
    "coalition_id": "VARCHAR", "coalition": "VARCHAR", "member": "VARCHAR",
    "member_name": "VARCHAR", "member_type": "VARCHAR", "role": "VARCHAR", "from": "DATE",
    "until": "DATE", "status": "VARCHAR", "evidence": "VARCHAR", "sentence": "VARCHAR",
    "withdrawal_evidence": "VARCHAR", "reports": "BIGINT",
}  # fmt: skip
TIMELINE_SUFFIXES = (".csv", ".parquet")


def write_timeline(coalitions: Iterable[Coalition], path: str | Path) -> int:
    """Write the members of `coalitions` over time to `path` (.csv or .parquet); returns
    the number of rows."""
    target = Path(path)
    if target.suffix.lower() not in TIMELINE_SUFFIXES:
        raise ConfigError(f"{target}: a membership timeline is written as .csv or .parquet")
    rows = membership_timeline(coalitions)
    if target.suffix.lower() == ".csv":
        _write_csv(rows, target)
    else:
        with tempfile.TemporaryDirectory(prefix="redshank-timeline-") as scratch:
            source = Path(scratch) / "timeline.jsonl"
            _write_jsonl((_json_row(row) for row in rows), source)
            _to_parquet(source, target, TIMELINE_SCHEMA, set(TIMELINE_SCHEMA))
    return len(rows)


def _json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def _write_csv(rows: Sequence[dict[str, Any]], target: Path) -> None:
    try:
        with target.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=TIMELINE_COLUMNS)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: "" if v is None else v for k, v in _json_row(row).items()})
    except OSError as exc:
        raise ConfigError(f"{target}: cannot write the timeline: {exc.strerror}") from exc
