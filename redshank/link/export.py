"""Export events and event clusters as JSON Lines or Parquet.

    DIR/events.jsonl    Event.to_json() plus cluster_id, one event a line
    DIR/clusters.jsonl  Cluster.to_json(): the summary and every member with provenance
    DIR/positions.jsonl, coalitions.jsonl, coalition_contributions.jsonl
                        positions and coalitions (redshank/positions/export.py)

Parquet files have the same records and nested structure, written by DuckDB (offline)
with a fixed schema, so every export has the same column types whatever the data; a
field the schema does not know yet is kept as a JSON column.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb

from redshank.errors import ConfigError, StoreError
from redshank.positions.export import DERIVED_EXPORTS
from redshank.store.base import ClusterQuery, EventQuery, Store
from redshank.store.duckdb import CONNECT_CONFIG

ExportFormat = Literal["jsonl", "parquet"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("jsonl", "parquet")

_SPAN = 'STRUCT("start" BIGINT, "end" BIGINT)'
_ACTOR = (f"STRUCT(text VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, type VARCHAR,"
          f" id VARCHAR, span {_SPAN}, code VARCHAR, entries VARCHAR[],"
          f" country_from VARCHAR)")
EVENT_SCHEMA: dict[str, str] = {
    "event_id": "VARCHAR", "doc_id": "VARCHAR", "sentence_index": "BIGINT",
    "sentence": "VARCHAR", "event": "VARCHAR", "mode": "VARCHAR", "context": "VARCHAR[]",
    "cameo": "VARCHAR", "quad": "BIGINT", "intensity": "DOUBLE",
    "actor": f"{_ACTOR}[]", "recipient": f"{_ACTOR}[]",
    "date": "VARCHAR", "date_precision": "VARCHAR", "date_text": "VARCHAR",
    "location": "STRUCT(name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE,"
                " precision VARCHAR, admin1 VARCHAR, geonames_id BIGINT)",
    "auxiliary": "VARCHAR", "quote": f"STRUCT(speaker {_ACTOR}, span {_SPAN})",
    "evidence": f"STRUCT(trigger VARCHAR, span {_SPAN}, rule VARCHAR, entries VARCHAR[],"
                f" notes VARCHAR[], actor_how VARCHAR, recipient_how VARCHAR,"
                f" auxiliary_cue VARCHAR)",
    "published": "VARCHAR", "coder_version": "VARCHAR", "date_start": "DATE",
    "date_end": "DATE", "date_method": "VARCHAR", "sentence_span": _SPAN,
    "actor_inferred": "BOOLEAN", "place_scope": "VARCHAR", "cluster_id": "VARCHAR",
}  # fmt: skip
CLUSTER_SCHEMA: dict[str, str] = {
    "cluster_id": "VARCHAR", "event": "VARCHAR", "mode": "VARCHAR", "auxiliary": "VARCHAR",
    "date_start": "DATE", "date_end": "DATE", "actors": "VARCHAR[]",
    "actor_countries": "VARCHAR[]", "recipients": "VARCHAR[]",
    "recipient_countries": "VARCHAR[]", "location": "VARCHAR", "reports": "BIGINT",
    "first_published": "DATE", "last_published": "DATE", "linker_version": "VARCHAR",
    "members": "STRUCT(event_id VARCHAR, doc_id VARCHAR, sentence_index BIGINT,"
               " published DATE, linked_to VARCHAR, reason VARCHAR)[]",
}  # fmt: skip


@dataclass(slots=True)
class ExportSummary:
    """What an export wrote."""

    events: int = 0
    clusters: int = 0
    files: list[Path] = field(default_factory=list)
    positions: int = 0
    coalitions: int = 0
    contributions: int = 0


def event_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored event (hidden ones too) as Event.to_json() plus its cluster_id."""
    events = store.query_events(EventQuery(include_all=True))
    clusters = store.cluster_ids_of([event.event_id for event in events])
    for event in events:
        record = event.to_json()
        record["cluster_id"] = clusters.get(event.event_id)
        yield record


def cluster_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored cluster (hidden ones too) as Cluster.to_json()."""
    for cluster in store.query_clusters(ClusterQuery(include_all=True)):
        yield cluster.to_json()


def _write_jsonl(records: Iterable[dict[str, Any]], path: Path) -> tuple[int, set[str]]:
    count, keys = 0, set()
    try:
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                keys.update(record)
                count += 1
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the export: {exc.strerror}") from exc
    return count, keys


def _to_parquet(source: Path, target: Path, schema: dict[str, str], keys: set[str]) -> None:
    columns = {**schema, **{key: "JSON" for key in sorted(keys - set(schema))}}
    spec = ", ".join(f"{_quote(name)}: '{kind}'" for name, kind in columns.items())
    sql = (f"COPY (SELECT * FROM read_json({_literal(source)}, format='newline_delimited',"
           f" columns={{{spec}}})) TO {_literal(target)} (FORMAT parquet)")
    try:
        with duckdb.connect(config=CONNECT_CONFIG) as connection:
            connection.execute(sql)
    except duckdb.Error as exc:
        raise StoreError(f"{target}: cannot write Parquet: {exc}") from exc


def _quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_store(store: Store, out_dir: str | Path, fmt: ExportFormat = "jsonl") -> ExportSummary:
    """Write events and clusters of `store` into `out_dir` (created if missing)."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{out}: cannot create the export folder: {exc.strerror}") from exc
    counts: dict[str, int] = {}
    files: list[Path] = []
    tables = (("events", event_records(store), EVENT_SCHEMA),
              ("clusters", cluster_records(store), CLUSTER_SCHEMA),
              *((name, records(store), schema) for name, records, schema in DERIVED_EXPORTS))
    with tempfile.TemporaryDirectory(prefix="redshank-export-") as scratch:
        for name, records, schema in tables:
            jsonl = out / f"{name}.jsonl" if fmt == "jsonl" else Path(scratch) / f"{name}.jsonl"
            counts[name], keys = _write_jsonl(records, jsonl)
            if fmt == "parquet":
                _to_parquet(jsonl, out / f"{name}.parquet", schema, keys)
                files.append(out / f"{name}.parquet")
            else:
                files.append(jsonl)
    return ExportSummary(events=counts["events"], clusters=counts["clusters"], files=files,
                         positions=counts["positions"], coalitions=counts["coalitions"],
                         contributions=counts["coalition_contributions"])
