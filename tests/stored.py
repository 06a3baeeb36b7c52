"""What a store holds, for comparing two runs: every row but the runs, without run ids
and timestamps (tests/test_workers.py, tests/test_dask.py)."""

from __future__ import annotations

from pathlib import Path

import duckdb


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table but the runs, without the run ids and timestamps."""
    connection = duckdb.connect(str(db), read_only=True)
    try:
        columns: dict[str, list[str]] = {}
        for table, column, kind in connection.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                " ORDER BY table_name, ordinal_position").fetchall():
            if table not in ("runs", "schema_version") and column != "run_id" \
                    and not kind.startswith("TIMESTAMP"):
                columns.setdefault(table, []).append(column)
        return {table: connection.execute(
                    f"SELECT {', '.join(names)} FROM {table} ORDER BY ALL").fetchall()
                for table, names in columns.items()}
    finally:
        connection.close()
